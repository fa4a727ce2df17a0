package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.benchtop.core.ProgressMonitor;
import org.junit.jupiter.api.Test;

/** lfcShrink(type = "normal") against DESeq2 1.38.3 (make_expected_deseq2_more.R). */
class LfcShrinkageTest {

    @Test
    void pasillaNormalShrinkageMatchesDeseq2() {
        Deseq.Fit fit = DeseqReferenceTest.fit("pasilla_condition", "~ condition", 2);
        LfcShrinkage.Result r = LfcShrinkage.normal(fit, Contrast.of("condition", "treated", "untreated"), 2,
                ProgressMonitor.NONE);
        RefData.Table prior = RefData.read("more_pasilla_shrink_normal_priorvar.csv");
        assertEquals(prior.rows().size(), r.priorNames().size());
        for (int k = 0; k < r.priorNames().size(); k++) {
            double e = Double.parseDouble(prior.rows().get(k)[1]);
            assertEquals(prior.rows().get(k)[0], r.priorNames().get(k));
            assertEquals(e, r.priorVariance()[k], 1e-8 * e, r.priorNames().get(k));
        }
        RefData.Table ref = RefData.read("more_pasilla_shrink_normal.csv");
        String[] genes = ref.strings("gene_id");
        RefCompare c = new RefCompare("lfcShrink normal");
        c.check("log2FoldChange", genes, r.results().log2FoldChange(), ref.doubles("log2FoldChange"), 1e-4, 1e-12);
        c.check("lfcSE", genes, r.results().lfcSE(), ref.doubles("lfcSE"), 1e-4, 0);
        c.check("pvalue", genes, r.results().pvalue(), ref.doubles("pvalue"), 1e-3, 1e-12);
        c.check("padj", genes, r.results().padj(), ref.doubles("padj"), 1e-3, 1e-12);
        System.out.println(c.report());
        assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));
    }

    /** A three-level factor: the prior is averaged over the levels and their pairwise contrasts. */
    @Test
    void threeLevelFactorMatchesDeseq2() {
        CountMatrix counts = RefData.countsCsv("sim3_counts.csv");
        DesignMatrix design = DesignMatrix.of(DesignFormula.parse("~ batch + group"), RefData.sim3Sheet());
        Deseq.Fit fit = Deseq.withDefaults().withThreads(2).run(counts, design, ProgressMonitor.NONE);
        LfcShrinkage.Result r = LfcShrinkage.normal(fit, Contrast.of("group", "C", "B"), 2, ProgressMonitor.NONE);
        RefData.Table prior = RefData.read("more_sim3_shrink_CvsB_priorvar.csv");
        for (int k = 0; k < prior.rows().size(); k++) {
            double e = Double.parseDouble(prior.rows().get(k)[1]);
            assertEquals(prior.rows().get(k)[0], r.priorNames().get(k));
            assertEquals(e, r.priorVariance()[k], 1e-8 * e, r.priorNames().get(k));
        }
        RefData.Table ref = RefData.read("more_sim3_shrink_CvsB.csv");
        String[] genes = ref.strings("gene_id");
        RefCompare c = new RefCompare("lfcShrink normal 3 levels");
        c.check("log2FoldChange", genes, r.results().log2FoldChange(), ref.doubles("log2FoldChange"), 1e-4, 1e-12);
        c.check("lfcSE", genes, r.results().lfcSE(), ref.doubles("lfcSE"), 1e-4, 0);
        System.out.println(c.report());
        assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));
    }
}
