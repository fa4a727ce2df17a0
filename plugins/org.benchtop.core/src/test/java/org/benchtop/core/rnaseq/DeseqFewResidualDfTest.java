package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.benchtop.core.ProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESeq2 end to end with 1 to 3 residual degrees of freedom, where DESeq2 1.38.3 estimates the
 * dispersion prior variance by its seeded simulation (make_expected_deseq2_priorvar.R):
 * pasilla subsets 2 treated vs 1 untreated (m - p = 1), 2 vs 2 (2), 3 vs 2 (3), {@code ~ type +
 * condition} on 3 vs 3 (3), and a simulated 2 vs 1 set with widely spread dispersions (1; prior
 * variance 1.06). Tolerances of the issue: size factors 1e-10 relative; dispersion,
 * log2FoldChange, lfcSE, stat 1e-4 relative; pvalue, padj 1e-3 relative or 1e-12 absolute;
 * identical NA pattern and set of genes with padj &lt; 0.1; the prior variance identical to
 * DESeq2's (our residuals differ from DESeq2's by about 1e-10, which moves none across a
 * histogram break).
 */
class DeseqFewResidualDfTest {

    @ParameterizedTest
    @ValueSource(strings = {"t2u1", "t2u2", "t3u2", "type_t3u3", "sim_df1"})
    void matchesDeseq2(String tag) {
        String base = "priorvar_" + tag;
        Map<String, String> meta = RefData.read(base + "_metadata.csv").keyValue();
        List<String> samples = List.of(meta.get("samples").split(" "));
        boolean sim = tag.startsWith("sim");
        CountMatrix counts;
        SampleSheet sheet;
        if (sim) {
            counts = RefData.countsCsv(base + "_counts.csv");
            RefData.Table s = RefData.read(base + "_samples.csv");
            sheet = SampleSheet.of(List.of(s.strings("sample"))).withFactor("condition", List.of(s.strings("condition")))
                    .withReference("condition", "untreated");
        } else {
            counts = RefData.pasillaCounts().withSampleOrder(samples);
            sheet = pasillaSubset(samples);
        }
        DesignMatrix design = DesignMatrix.of(DesignFormula.parse(meta.get("design")), sheet);
        assertEquals(Integer.parseInt(meta.get("p")), design.coefficientCount());
        Deseq.Fit fit = Deseq.withDefaults().withThreads(2).run(counts, design, ProgressMonitor.NONE);
        DeseqResults res = fit.results(Contrast.of("condition", "treated", "untreated"));

        RefData.Table ref = RefData.read(base + "_results.csv");
        RefData.Table sf = RefData.read(base + "_size_factors.csv");
        String[] genes = ref.strings("gene_id");
        assertEquals(List.of(genes), res.geneIds());
        RefCompare c = new RefCompare("m - p <= 3 " + tag);
        c.check("sizeFactor", sf.strings("sample"), fit.sizeFactorValues(), sf.doubles("sizeFactor"), 1e-10, 0);
        c.checkResults(genes, res, ref);
        System.out.println(c.report() + String.format(Locale.ROOT, " dispPriorVar %s (moment estimate %s)",
                Double.toString(fit.prior().dispPriorVar()), meta.get("moment_estimate")));
        assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));

        assertEquals(Double.parseDouble(meta.get("dispPriorVar")), fit.prior().dispPriorVar(), 0, "dispPriorVar");
        double varLog = Double.parseDouble(meta.get("varLogDispEsts"));
        assertEquals(varLog, fit.trend().varLogDispEsts(), 1e-6 * varLog, "varLogDispEsts");
        double ft = Double.parseDouble(meta.get("filterThreshold"));
        assertEquals(ft, res.filterThreshold(), 1e-8 * ft, "filterThreshold");
        assertEquals(Integer.parseInt(meta.get("n_padj_lt_0.1")), res.significantCount(0.1));
        assertTrue(fit.warnings().stream().noneMatch(w -> w.contains("prior")), () -> "warnings " + fit.warnings());
    }

    /** The sample sheet of some pasilla samples, levels and references as in make_expected.R. */
    static SampleSheet pasillaSubset(List<String> samples) {
        RefData.Table cd = RefData.read("expected_coldata_used.csv");
        List<String> names = List.of(cd.strings("sample"));
        List<String> condition = new ArrayList<>();
        List<String> type = new ArrayList<>();
        for (String s : samples) {
            int i = names.indexOf(s);
            condition.add(cd.strings("condition")[i]);
            type.add(cd.strings("type")[i]);
        }
        return SampleSheet.of(samples).withFactor("condition", condition).withFactor("type", type)
                .withReference("condition", "untreated").withReference("type", "paired-end");
    }
}
