package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.benchtop.core.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Designs beyond one factor and the likelihood-ratio test, against DESeq2 1.38.3 (references
 * made by make_expected_deseq2_more.R): multi-level factors, contrasts between two non-reference
 * levels, numeric contrasts, numeric covariates, interactions, poscounts size factors, the LRT.
 * Tolerances as in {@link DeseqReferenceTest}.
 */
class DesignAndContrastTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("more_sim3_batch_group_CvsB.csv", "~ batch + group", null, "ratio", Contrast.of("group", "C", "B")),
                Arguments.of("more_sim3_batch_group_AvsC.csv", "~ batch + group", null, "ratio", Contrast.of("group", "A", "C")),
                Arguments.of("more_sim3_batch_group_numeric.csv", "~ batch + group", null, "ratio",
                        new Contrast.Numeric(new double[] {0, 0, -1, 1})),
                Arguments.of("more_sim3_batch_group_batch.csv", "~ batch + group", null, "ratio",
                        new Contrast.Coefficient("batch_b2_vs_b1")),
                Arguments.of("more_sim3_age_group_age.csv", "~ age + group", null, "ratio", new Contrast.Coefficient("age")),
                Arguments.of("more_sim3_age_group_BvsA.csv", "~ age + group", null, "ratio", Contrast.of("group", "B", "A")),
                Arguments.of("more_sim3_interaction_b2C.csv", "~ batch + group + batch:group", null, "ratio",
                        new Contrast.Coefficient("batchb2.groupC")),
                Arguments.of("more_sim3_interaction_BvsA.csv", "~ batch + group + batch:group", null, "ratio",
                        Contrast.of("group", "B", "A")),
                Arguments.of("more_sim3_lrt_group.csv", "~ batch + group", "~ batch", "ratio", Contrast.of("group", "C", "A")),
                Arguments.of("more_sim3_poscounts_BvsA.csv", "~ group", null, "poscounts", Contrast.of("group", "B", "A")),
                Arguments.of("more_pasilla_lrt_results.csv", "~ type + condition", "~ type", "ratio",
                        Contrast.of("condition", "treated", "untreated")),
                Arguments.of("more_pasilla_lrt_intercept_results.csv", "~ condition", "~ 1", "ratio",
                        Contrast.of("condition", "treated", "untreated")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesDeseq2(String file, String formula, String reduced, String sf, Contrast contrast) {
        boolean pasilla = file.contains("pasilla");
        CountMatrix counts = pasilla ? RefData.pasillaCounts() : RefData.countsCsv("sim3_counts.csv");
        SampleSheet sheet = pasilla ? RefData.pasillaSheet() : RefData.sim3Sheet();
        DesignMatrix design = DesignMatrix.of(DesignFormula.parse(formula), sheet);
        DesignMatrix red = reduced == null ? null : DesignMatrix.of(DesignFormula.parse(reduced), sheet);
        Deseq deseq = Deseq.withDefaults().withThreads(2)
                .withSizeFactors(sf.equals("poscounts") ? SizeFactors.poscounts() : SizeFactors.ratio());
        Deseq.Fit fit = deseq.run(counts, design, red, ProgressMonitor.NONE);
        DeseqResults res = fit.results(contrast);
        RefData.Table ref = RefData.read(file);
        String[] genes = ref.strings("gene_id");
        assertEquals(List.of(genes), res.geneIds());
        RefCompare c = new RefCompare(file);
        c.check("baseMean", genes, res.baseMean(), ref.doubles("baseMean"), 1e-9, 0);
        c.checkResults(genes, res, ref);
        System.out.println(c.report());
        assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));
    }

    @Test
    void coefficientNamesAsDeseq2() {
        SampleSheet sheet = RefData.sim3Sheet();
        assertEquals(List.of(RefData.read("more_sim3_batch_group_names.csv").strings("coef")),
                DesignMatrix.of(DesignFormula.parse("~ batch + group"), sheet).columnNames());
        assertEquals(List.of(RefData.read("more_sim3_interaction_names.csv").strings("coef")),
                DesignMatrix.of(DesignFormula.parse("~ batch + group + batch:group"), sheet).columnNames());
        assertEquals(List.of("Intercept", "batch_b2_vs_b1", "group_B_vs_A", "group_C_vs_A", "batchb2.groupB",
                "batchb2.groupC"), DesignMatrix.of(DesignFormula.parse("~ batch * group"), sheet).columnNames());
    }

    @Test
    void poscountsSizeFactors() {
        CountMatrix counts = RefData.countsCsv("sim3_counts.csv");
        RefData.Table ref = RefData.read("more_sim3_poscounts_size_factors.csv");
        double[] ours = SizeFactors.poscounts().estimate(counts).factors();
        double[] exp = ref.doubles("sizeFactor");
        for (int j = 0; j < exp.length; j++) {
            assertEquals(exp[j], ours[j], 1e-10 * exp[j], "sample " + j);
        }
    }
}
