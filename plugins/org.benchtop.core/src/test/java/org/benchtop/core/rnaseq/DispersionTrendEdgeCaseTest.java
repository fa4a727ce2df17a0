package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.benchtop.core.BenchtopException.Kind;
import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;

/** Edge cases of the dispersion trend's fit types (local fit, fallback, settings). */
class DispersionTrendEdgeCaseTest {

    /**
     * 200 genes with nearly equal means (rotations of one count vector) and one a million times
     * larger: locfit's tree runs out of vertices; DESeq2 1.38.3 stops with "newsplit: out of
     * vertex space" for fitType = "local" (checked in make_expected_deseq2_local.R) and fits the
     * parametric trend by default.
     */
    static CountMatrix gapCounts() {
        int[] base = {80, 95, 100, 105, 120, 60};
        int n = 201;
        double[] c = new double[n * 6];
        String[] genes = new String[n];
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 6; j++) {
                c[i * 6 + j] = base[(j + i) % 6];
            }
            genes[i] = String.format(java.util.Locale.ROOT, "g%03d", Integer.valueOf(i + 1));
        }
        double[] big = {1e6, 1.2e6, 0.9e6, 1.1e6, 0.8e6, 1e6};
        System.arraycopy(big, 0, c, 200 * 6, 6);
        genes[200] = "g201";
        return CountMatrix.of(genes, new String[] {"s1", "s2", "s3", "s4", "s5", "s6"}, c);
    }

    static DesignMatrix gapDesign() {
        SampleSheet sheet = SampleSheet.of(List.of("s1", "s2", "s3", "s4", "s5", "s6")).withFactor("g",
                List.of("a", "a", "a", "b", "b", "b"));
        return DesignMatrix.of(DesignFormula.parse("~ g"), sheet);
    }

    @Test
    void localFitOutOfVertexSpaceFailsAsDeseq2() {
        RnaseqException e = assertThrows(RnaseqException.class, () -> Deseq.withDefaults()
                .withFitType(DispersionTrend.FitType.LOCAL).run(gapCounts(), gapDesign(), ProgressMonitor.NONE));
        assertEquals(Kind.ANALYSIS_FAILURE, e.kind());
        assertTrue(e.getMessage().contains("out of vertex space") && e.getMessage().contains("'mean' fit type"),
                e.getMessage());
        Deseq.Fit parametric = Deseq.withDefaults().run(gapCounts(), gapDesign(), ProgressMonitor.NONE);
        assertEquals(DispersionTrend.FitType.PARAMETRIC, parametric.trend().fitType());
    }

    @Test
    void localTrendEvaluatesAtAnyMeanAndSurvivesCopies() {
        CountMatrix counts = RefData.countsCsv("simlocal_counts.csv");
        DesignMatrix design = DesignMatrix.of(DesignFormula.parse("~ group"), DeseqLocalTrendTest.simSheet());
        Deseq.Fit fit = Deseq.withDefaults().withFitType(DispersionTrend.FitType.LOCAL).run(counts, design,
                ProgressMonitor.NONE);
        DispersionTrend.Result t = fit.trend();
        assertEquals(DispersionTrend.FitType.LOCAL, t.fitType());
        assertNotNull(t.local());
        assertTrue(Double.isNaN(t.asymptDisp()) && Double.isNaN(t.meanDisp()));
        for (int g = 0; g < counts.geneCount(); g++) {
            if (!fit.genewise().allZero(g)) {
                assertEquals(t.dispFit(g), t.at(fit.genewise().baseMean(g)), 0, counts.geneId(g));
            }
        }
        // beyond the fitted range the trend continues (log-linearly), positive and finite
        for (double mean : new double[] {1e-3, 0.5, 1e7}) {
            double v = t.at(mean);
            assertTrue(v > 0 && Double.isFinite(v), mean + " -> " + v);
        }
        DispersionTrend.Result copy = t.withDispFit(new double[counts.geneCount()], List.of());
        assertEquals(t.at(123.0), copy.at(123.0), 0);
        assertTrue(fit.warnings().stream().noneMatch(w -> w.contains("substituted")), fit.warnings().toString());
        // parametric and mean trends carry no local fit
        assertNull(Deseq.withDefaults().withFitType(DispersionTrend.FitType.MEAN).run(counts, design,
                ProgressMonitor.NONE).trend().local());
    }

    @Test
    void settingsAcceptTheThreeFitTypes() {
        for (String f : new String[] {"parametric", "local", "MEAN", "Local"}) {
            DeseqSettings s = new DeseqSettings("~ group", "group,B,A", null, 0.1, "none", 1, "ratio", f, null, null,
                    null, null, List.of(), 7, true, true, List.of());
            assertEquals(f.toLowerCase(java.util.Locale.ROOT), s.fitType());
        }
        assertEquals("parametric", new DeseqSettings("~ group", "group,B,A", null, 0.1, "none", 1, "ratio", null, null,
                null, null, null, List.of(), 7, true, true, List.of()).fitType());
        RnaseqException e = assertThrows(RnaseqException.class, () -> new DeseqSettings("~ group", "group,B,A", null,
                0.1, "none", 1, "ratio", "glmGamPoi", null, null, null, null, List.of(), 7, true, true, List.of()));
        assertTrue(e.getMessage().contains("use parametric, local or mean"), e.getMessage());
    }

    /**
     * The facade: fit type parametric falls back (with the warning) to the same numbers as local
     * (local_simlocal_fallback_results.csv, 1e-4 / padj 1e-3), plots included.
     */
    @Test
    void facadeFallsBackToTheLocalTrend() {
        Table counts = DeseqAnalysisTest.read("simlocal_counts.csv", Set.of("gene_id"));
        Table samples = DeseqAnalysisTest.read("simlocal_samples.csv", Set.of("sample"));
        RefData.Table ref = RefData.read("local_simlocal_fallback_results.csv");
        String[] genes = ref.strings("gene_id");
        for (String f : new String[] {"parametric", "local"}) {
            DeseqSettings s = new DeseqSettings("~ group", "group,B,A", null, 0.1, "none", 2, "ratio", f, null, null,
                    null, null, List.of(), 7, true, true, List.of("group=A"));
            DeseqAnalysis.Output out = DeseqAnalysis.run(counts, samples, s, f.equals("parametric"),
                    ProgressMonitor.NONE);
            RefCompare c = new RefCompare("facade " + f);
            for (String q : new String[] {"log2FoldChange", "lfcSE", "stat", "dispersion"}) {
                c.check(q, genes, out.results().column(q).toDoubleArray(), ref.doubles(q), 1e-4, 0);
            }
            c.check("padj", genes, out.results().column("padj").toDoubleArray(), ref.doubles("padj"), 1e-3, 1e-12);
            assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));
            boolean warned = out.warnings().stream().anyMatch(w -> w.contains("local regression fit was substituted"));
            assertEquals(Boolean.valueOf(f.equals("parametric")), Boolean.valueOf(warned), out.warnings().toString());
        }
    }
}
