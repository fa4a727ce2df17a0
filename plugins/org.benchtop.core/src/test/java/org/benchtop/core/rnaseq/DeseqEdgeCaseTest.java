package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.benchtop.core.BenchtopException.Kind;
import org.benchtop.core.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad and unusual input: clear BAD_INPUT messages naming what and where, no partial output. */
class DeseqEdgeCaseTest {

    private static final String[] SAMPLES = {"c1", "c2", "c3", "t1", "t2", "t3"};

    private static SampleSheet sheet() {
        return SampleSheet.of(List.of(SAMPLES)).withFactor("condition",
                List.of("control", "control", "control", "treated", "treated", "treated"));
    }

    /** 40 genes: a smooth mean-dispersion trend with a few differential genes; gene 0 all zero. */
    private static CountMatrix counts(double[] overrideRow0) {
        int n = 40;
        int m = SAMPLES.length;
        String[] genes = new String[n];
        double[] c = new double[n * m];
        for (int g = 0; g < n; g++) {
            genes[g] = "gene" + g;
            for (int j = 0; j < m; j++) {
                double base = 5 + 7 * g;
                double fc = g % 7 == 3 && j >= 3 ? 4 : 1;
                double wobble = ((g * 31 + j * 17) % 11 - 5) * 0.08 * base;
                c[g * m + j] = Math.max(0, Math.round(base * fc + wobble));
            }
        }
        for (int j = 0; j < m; j++) {
            c[j] = overrideRow0 == null ? 0 : overrideRow0[j];
        }
        return CountMatrix.of(genes, SAMPLES, c);
    }

    private static DesignMatrix design(String f) {
        return DesignMatrix.of(DesignFormula.parse(f), sheet());
    }

    private static RnaseqException badInput(Runnable r) {
        RnaseqException e = assertThrows(RnaseqException.class, r::run);
        assertEquals(Kind.BAD_INPUT, e.kind());
        return e;
    }

    @Test
    void allZeroGenesAreKeptWithNaStatistics() {
        DeseqResults r = Deseq.withDefaults().run(counts(null), design("~ condition"), ProgressMonitor.NONE)
                .results(Contrast.of("condition", "treated", "control"));
        assertEquals(40, r.size());
        assertEquals(0.0, r.baseMean()[0]);
        assertTrue(Double.isNaN(r.log2FoldChange()[0]));
        assertTrue(Double.isNaN(r.lfcSE()[0]));
        assertTrue(Double.isNaN(r.stat()[0]));
        assertTrue(Double.isNaN(r.pvalue()[0]));
        assertTrue(Double.isNaN(r.padj()[0]));
        assertTrue(Double.isNaN(r.dispersion()[0]));
        assertFalse(Double.isNaN(r.pvalue()[1]));
    }

    @ParameterizedTest
    @CsvSource({"2.5,not a whole number", "-1,negative", "NaN,Missing count"})
    void badCountsNameGeneAndSample(double bad, String phrase) {
        double[] c = new double[6];
        c[0] = 1;
        c[4] = bad;
        RnaseqException e = badInput(() -> counts(c));
        assertTrue(e.getMessage().contains(phrase), e.getMessage());
        assertTrue(e.getMessage().contains("'gene0'") && e.getMessage().contains("'t2'"), e.getMessage());
    }

    @Test
    void everyGeneWithAZeroSuggestsPoscounts() {
        CountMatrix base = counts(null);
        double[] c = base.toArray();
        for (int g = 0; g < base.geneCount(); g++) {
            c[g * 6 + (g % 6)] = 0;
        }
        CountMatrix zeros = CountMatrix.of(base.geneIds().toArray(new String[0]), SAMPLES, c);
        RnaseqException e = badInput(() -> SizeFactors.ratio().estimate(zeros));
        assertTrue(e.getMessage().contains("poscounts"), e.getMessage());
        assertTrue(e.getMessage().contains("every gene") || e.getMessage().contains("Every gene"), e.getMessage());
        // the suggested method works
        DeseqResults r = Deseq.withDefaults().withSizeFactors(SizeFactors.poscounts())
                .run(zeros, design("~ condition"), ProgressMonitor.NONE)
                .results(Contrast.of("condition", "treated", "control"));
        assertEquals(40, r.size());
    }

    @Test
    void singleSamplePerGroupSaysWhy() {
        SampleSheet s = SampleSheet.of(List.of("a", "b")).withFactor("condition", List.of("control", "treated"));
        CountMatrix c = CountMatrix.of(new String[] {"g1", "g2", "g3"}, new String[] {"a", "b"},
                new double[] {1, 5, 10, 12, 100, 90});
        DesignMatrix d = DesignMatrix.of(DesignFormula.parse("~ condition"), s);
        RnaseqException e = badInput(() -> Deseq.withDefaults().run(c, d, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("no replicates"), e.getMessage());
        assertTrue(e.getMessage().contains("DESeq2"), e.getMessage());
    }

    @Test
    void sampleNamesNotMatchingTheSheet() {
        RnaseqException e = badInput(() -> sheet().withSampleOrder(List.of("c1", "c2", "c3", "t1", "t2", "x9")));
        assertTrue(e.getMessage().contains("'x9'") && e.getMessage().contains("c1"), e.getMessage());
        e = badInput(() -> counts(null).withSampleOrder(List.of("c1", "t9")));
        assertTrue(e.getMessage().contains("'t9'"), e.getMessage());
    }

    @Test
    void nonFullRankDesignNamesTheConfoundedColumns() {
        SampleSheet s = sheet().withFactor("batch", List.of("b1", "b1", "b1", "b2", "b2", "b2"));
        RnaseqException e = badInput(() -> DesignMatrix.of(DesignFormula.parse("~ batch + condition"), s));
        assertTrue(e.getMessage().contains("condition_treated_vs_control"), e.getMessage());
        assertTrue(e.getMessage().contains("confounded"), e.getMessage());
        SampleSheet s2 = sheet().withFactor("batch", List.of("b1", "b2", "b1", "b2", "b1", "b1"))
                .withFactor("site", List.of("x", "x", "y", "y", "y", "y"));
        RnaseqException z = badInput(() -> DesignMatrix.of(DesignFormula.parse("~ condition + condition:batch:site"),
                s2));
        assertTrue(z.getMessage().contains("all zero"), z.getMessage());
    }

    @Test
    void unknownContrastLevelListsTheLevels() {
        Deseq.Fit fit = Deseq.withDefaults().run(counts(null), design("~ condition"), ProgressMonitor.NONE);
        RnaseqException e = badInput(() -> fit.results(Contrast.of("condition", "treatd", "control")));
        assertTrue(e.getMessage().contains("'treatd'") && e.getMessage().contains("control, treated"),
                e.getMessage());
        e = badInput(() -> fit.results(Contrast.of("genotype", "a", "b")));
        assertTrue(e.getMessage().contains("'genotype'"), e.getMessage());
        e = badInput(() -> fit.results(new Contrast.Coefficient("conditiontreated")));
        assertTrue(e.getMessage().contains("condition_treated_vs_control"), e.getMessage());
        e = badInput(() -> fit.results(new Contrast.Numeric(new double[] {0, 1, 1})));
        assertTrue(e.getMessage().contains("3 weights"), e.getMessage());
    }

    @Test
    void formulaProblems() {
        RnaseqException e = badInput(() -> DesignFormula.parse("condition"));
        assertTrue(e.getMessage().contains("~"), e.getMessage());
        e = badInput(() -> DesignFormula.parse("~ condition +"));
        assertTrue(e.getMessage().contains("ends with"), e.getMessage());
        e = badInput(() -> design("~ genotype + condition"));
        assertTrue(e.getMessage().contains("'genotype'") && e.getMessage().contains("condition"), e.getMessage());
        assertEquals(List.of(List.of("b"), List.of("b", "a")), DesignFormula.parse("~ b + a:b").terms());
        assertFalse(DesignFormula.parse("~ 0 + condition").hasIntercept());
        assertFalse(DesignFormula.parse("~ condition - 1").hasIntercept());
        assertEquals(List.of("conditioncontrol", "conditiontreated"), design("~ 0 + condition").columnNames());
    }

    @Test
    void emptyOrConstantInput() {
        badInput(() -> CountMatrix.of(new String[0], SAMPLES, new double[0]));
        badInput(() -> CountMatrix.of(new String[] {"g"}, new String[0], new double[0]));
        RnaseqException dup = badInput(() -> CountMatrix.of(new String[] {"g", "g"}, new String[] {"a"},
                new double[] {1, 2}));
        assertTrue(dup.getMessage().contains("'g'"), dup.getMessage());
        double[] c = new double[3 * 6];
        java.util.Arrays.fill(c, 7);
        CountMatrix constant = CountMatrix.of(new String[] {"a", "b", "c"}, SAMPLES, c);
        RnaseqException e = badInput(() -> Deseq.withDefaults().run(constant, design("~ condition"),
                ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("same count"), e.getMessage());
    }

    /** 2 vs 2: DESeq2's simulation sets the prior variance (no warning; see DeseqFewResidualDfTest). */
    @Test
    void fewResidualDegreesOfFreedomUseDeseq2sSimulation() {
        SampleSheet s = SampleSheet.of(List.of("c1", "c2", "t1", "t2")).withFactor("condition",
                List.of("control", "control", "treated", "treated"));
        CountMatrix full = counts(null);
        double[] c = new double[40 * 4];
        for (int g = 0; g < 40; g++) {
            c[g * 4] = full.get(g, 0);
            c[g * 4 + 1] = full.get(g, 1);
            c[g * 4 + 2] = full.get(g, 3);
            c[g * 4 + 3] = full.get(g, 4);
        }
        CountMatrix small = CountMatrix.of(full.geneIds().toArray(new String[0]), new String[] {"c1", "c2", "t1", "t2"},
                c);
        Deseq.Fit fit = Deseq.withDefaults().run(small, DesignMatrix.of(DesignFormula.parse("~ condition"), s),
                ProgressMonitor.NONE);
        assertTrue(fit.warnings().stream().noneMatch(w -> w.contains("residual degrees of freedom")),
                fit.warnings().toString());
        assertTrue(fit.prior().dispPriorVar() >= DispersionPriorSimulation.MIN_PRIOR_VAR);
    }
}
