package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.benchtop.core.ProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** vst(dds, blind) against DESeq2 1.38.3 on pasilla ~ condition (make_expected_deseq2_more.R). */
class VarianceStabilizingTransformationTest {

    @ParameterizedTest
    @CsvSource({"true,more_pasilla_vst_blind.csv", "false,more_pasilla_vst_design.csv"})
    void matchesDeseq2(boolean blind, String file) {
        CountMatrix counts = RefData.pasillaCounts();
        DesignMatrix design = DesignMatrix.of(DesignFormula.parse("~ condition"), RefData.pasillaSheet());
        double[] sf = SizeFactors.ratio().estimate(counts).factors();
        VarianceStabilizingTransformation.Result r = VarianceStabilizingTransformation.vst(counts, sf, design, blind, 2,
                ProgressMonitor.NONE);
        RefData.Table ref = RefData.read(file);
        int m = counts.sampleCount();
        double max = 0;
        for (int j = 0; j < m; j++) {
            double[] e = ref.doubles(counts.sampleName(j));
            int rowRef = 0;
            for (int g = 0; g < counts.geneCount(); g++) {
                if (!ref.rows().get(rowRef)[0].equals(counts.geneId(g))) {
                    continue;
                }
                double v = r.values()[g * m + j];
                max = Math.max(max, Math.abs(v - e[rowRef]) / Math.max(1, Math.abs(e[rowRef])));
                assertEquals(e[rowRef], v, 1e-6 * Math.max(1, Math.abs(e[rowRef])), counts.geneId(g) + " " + j);
                rowRef++;
                if (rowRef == e.length) {
                    break;
                }
            }
        }
        System.out.println("vst blind=" + blind + " max deviation " + max);
    }
}
