package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.benchtop.core.ProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESeq2's local dispersion trend, asked for ({@code fitType = "local"}) and as the automatic
 * fallback of the parametric fit, against DESeq2 1.38.3 with locfit 1.5-9.7
 * (make_expected_deseq2_local.R): size factors 1e-10 relative; dispFit, dispersion,
 * log2FoldChange, lfcSE, stat 1e-4 relative; pvalue, padj 1e-3 relative or 1e-12 absolute;
 * identical NA pattern and set of genes with padj &lt; 0.1; varLogDispEsts and dispPriorVar 1e-6.
 */
class DeseqLocalTrendTest {

    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("pasilla_condition", "~ condition", DispersionTrend.FitType.LOCAL),
                Arguments.of("pasilla_type_condition", "~ type + condition", DispersionTrend.FitType.LOCAL),
                // dispersions growing with the mean: the parametric fit fails, DESeq2 substitutes the local fit
                Arguments.of("simlocal_fallback", "~ group", DispersionTrend.FitType.PARAMETRIC),
                Arguments.of("simlocal_mean", "~ group", DispersionTrend.FitType.MEAN),
                // 7 vs 7 with count outliers: replaced, and the refitted genes' trend read off the local fit
                Arguments.of("sim7_replace", "~ condition", DispersionTrend.FitType.LOCAL));
    }

    static SampleSheet simSheet() {
        RefData.Table t = RefData.read("simlocal_samples.csv");
        return SampleSheet.of(List.of(t.strings("sample"))).withFactor("group", List.of(t.strings("group")))
                .withReference("group", "A");
    }

    @ParameterizedTest
    @MethodSource("sets")
    void matchesDeseq2(String tag, String formula, DispersionTrend.FitType fitType) {
        boolean pasilla = tag.startsWith("pasilla");
        boolean sim7 = tag.startsWith("sim7");
        CountMatrix counts = pasilla ? RefData.pasillaCounts()
                : RefData.countsCsv(sim7 ? "sim7_counts.csv" : "simlocal_counts.csv");
        SampleSheet sheet = pasilla ? RefData.pasillaSheet() : sim7 ? RefData.sim7Sheet() : simSheet();
        DesignMatrix design = DesignMatrix.of(DesignFormula.parse(formula), sheet);
        Deseq.Fit fit = Deseq.withDefaults().withFitType(fitType).withThreads(2).run(counts, design,
                ProgressMonitor.NONE);
        DeseqResults res = fit.results(pasilla ? Contrast.of("condition", "treated", "untreated")
                : sim7 ? Contrast.of("condition", "trt", "ctrl") : Contrast.of("group", "B", "A"));
        RefData.Table ref = RefData.read("local_" + tag + "_results.csv");
        RefData.Table sf = RefData.read("local_" + tag + "_size_factors.csv");
        Map<String, String> meta = RefData.read("local_" + tag + "_metadata.csv").keyValue();
        String[] genes = ref.strings("gene_id");
        assertEquals(List.of(genes), res.geneIds());
        int n = genes.length;
        double[] dispFit = new double[n];
        for (int g = 0; g < n; g++) {
            dispFit[g] = fit.trend().dispFit(g);
        }
        RefCompare c = new RefCompare("local trend " + tag);
        c.check("sizeFactor", sf.strings("sample"), fit.sizeFactorValues(), sf.doubles("sizeFactor"), 1e-10, 0);
        c.check("dispFit", genes, dispFit, ref.doubles("dispFit"), 1e-4, 0);
        c.checkResults(genes, res, ref);
        System.out.println(c.report());
        assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));

        assertEquals(meta.get("fitType"), fit.trend().fitType().name().toLowerCase(java.util.Locale.ROOT));
        boolean note = Boolean.parseBoolean(meta.get("fallback_note"));
        boolean warned = fit.warnings().stream().anyMatch(w -> w.contains("local regression fit was substituted"));
        assertTrue(note == warned, () -> "fallback warning, DESeq2 printed its note: " + note + "; warnings "
                + fit.warnings());
        assertRel(meta.get("varLogDispEsts"), fit.trend().varLogDispEsts(), 1e-6, "varLogDispEsts");
        assertRel(meta.get("dispPriorVar"), fit.prior().dispPriorVar(), 1e-6, "dispPriorVar");
        assertRel(meta.get("filterThreshold"), res.filterThreshold(), 1e-8, "filterThreshold");
        assertEquals(Integer.parseInt(meta.get("n_padj_lt_0.1")), res.significantCount(0.1));
    }

    /**
     * vst(dds, blind) of the simulated set: with the design its trend falls back to the local fit
     * and DESeq2 integrates it numerically; blind, the parametric fit holds. 1e-6 relative (absolute
     * below 1), as the pasilla VST test.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"true,blind", "false,design"})
    void vstMatchesDeseq2(boolean blind, String which) {
        CountMatrix counts = RefData.countsCsv("simlocal_counts.csv");
        DesignMatrix design = DesignMatrix.of(DesignFormula.parse("~ group"), simSheet());
        double[] sf = SizeFactors.ratio().estimate(counts).factors();
        VarianceStabilizingTransformation.Result r = VarianceStabilizingTransformation.vst(counts, sf, design, blind,
                2, ProgressMonitor.NONE);
        Map<String, String> meta = RefData.read("local_simlocal_vst_metadata.csv").keyValue();
        assertEquals(meta.get(which + "_fitType"), r.trend().fitType().name().toLowerCase(java.util.Locale.ROOT));
        RefData.Table ref = RefData.read("local_simlocal_vst_" + which + ".csv");
        assertEquals(List.of(ref.strings("gene_id")), counts.geneIds());
        int m = counts.sampleCount();
        double max = 0;
        for (int j = 0; j < m; j++) {
            double[] e = ref.doubles(counts.sampleName(j));
            for (int g = 0; g < e.length; g++) {
                double v = r.values()[g * m + j];
                double scale = Math.max(1, Math.abs(e[g]));
                max = Math.max(max, Math.abs(v - e[g]) / scale);
                assertEquals(e[g], v, 1e-6 * scale, counts.geneId(g) + " " + counts.sampleName(j));
            }
        }
        System.out.println("simlocal vst " + which + " (" + r.trend().fitType() + " trend) max deviation " + max);
    }

    private static void assertRel(String expected, double actual, double rel, String what) {
        double e = Double.parseDouble(expected);
        assertEquals(e, actual, rel * Math.abs(e) + 1e-300, what);
    }
}
