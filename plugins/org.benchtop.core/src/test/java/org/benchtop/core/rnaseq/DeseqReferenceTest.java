package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.benchtop.core.ProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole pipeline against DESeq2 1.38.3 (full-precision references made by
 * make_expected_deseq2_full.R): size factors 1e-10 relative; baseMean, dispGeneEst, dispFit,
 * dispersion, log2FoldChange, lfcSE, stat 1e-4 relative; pvalue, padj 1e-3 relative or 1e-12
 * absolute; identical NA pattern and identical set of genes with padj < 0.1.
 */
class DeseqReferenceTest {

    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("pasilla_condition", "~ condition", "condition", "treated", "untreated"),
                Arguments.of("pasilla_type_condition", "~ type + condition", "condition", "treated", "untreated"),
                Arguments.of("synthetic_single", "~ condition", "condition", "B", "A"),
                Arguments.of("synthetic_multi", "~ group + condition", "condition", "B", "A"));
    }

    static Deseq.Fit fit(String tag, String formula, int threads) {
        boolean pasilla = tag.startsWith("pasilla");
        CountMatrix counts = pasilla ? RefData.pasillaCounts() : RefData.syntheticCounts();
        SampleSheet sheet = pasilla ? RefData.pasillaSheet() : RefData.syntheticSheet();
        DesignMatrix design = DesignMatrix.of(DesignFormula.parse(formula), sheet);
        return Deseq.withDefaults().withThreads(threads).run(counts, design, ProgressMonitor.NONE);
    }

    /** Max relative deviation with NA pattern check; returns the worst gene index too. */
    static final class Dev {
        final String name;
        double maxRel;
        int worst = -1;
        int naMismatch;
        final List<String> failures = new ArrayList<>();

        Dev(String name) {
            this.name = name;
        }

        void compare(String[] genes, double[] ours, double[] ref, double rel, double abs) {
            for (int g = 0; g < ref.length; g++) {
                boolean na1 = Double.isNaN(ours[g]);
                boolean na2 = Double.isNaN(ref[g]);
                if (na1 != na2) {
                    naMismatch++;
                    if (failures.size() < 5) {
                        failures.add(String.format(Locale.ROOT, "%s %s: ours %s, DESeq2 %s", name, genes[g],
                                Double.toString(ours[g]), Double.toString(ref[g])));
                    }
                    continue;
                }
                if (na1) {
                    continue;
                }
                double d = Math.abs(ours[g] - ref[g]);
                double r = ref[g] == 0 ? d : d / Math.abs(ref[g]);
                if (d > abs && r > maxRel) {
                    maxRel = r;
                    worst = g;
                }
                if (d > abs && r > rel && failures.size() < 5) {
                    failures.add(String.format(Locale.ROOT, "%s %s: ours %.12g, DESeq2 %.12g (rel %.2g)", name,
                            genes[g], Double.valueOf(ours[g]), Double.valueOf(ref[g]), Double.valueOf(r)));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sets")
    void matchesDeseq2(String tag, String formula, String factor, String num, String den) {
        Deseq.Fit fit = fit(tag, formula, 2);
        DeseqResults res = fit.results(Contrast.of(factor, num, den));
        // pasilla ~condition: the shared expected file (10 digits); the others: make_expected_deseq2_full.R (12 digits)
        RefData.Table ref = RefData.read(tag.equals("pasilla_condition") ? "expected_deseq2_condition_results.csv"
                : "full_" + tag + "_results.csv");
        RefData.Table sfRef = RefData.read("full_" + tag + "_size_factors.csv");
        Map<String, String> meta = RefData.read("full_" + tag + "_metadata.csv").keyValue();
        String[] genes = ref.strings("gene_id");
        assertEquals(List.of(genes), res.geneIds());

        Dev sf = new Dev("sizeFactor");
        sf.compare(sfRef.strings("sample"), fit.sizeFactorValues(), sfRef.doubles("sizeFactor"), 1e-10, 0);
        int n = genes.length;
        double[] dispGene = new double[n];
        double[] dispFit = new double[n];
        for (int g = 0; g < n; g++) {
            dispGene[g] = fit.genewise().dispGeneEst(g);
            dispFit[g] = fit.trend().dispFit(g);
        }
        List<Dev> devs = new ArrayList<>();
        devs.add(sf);
        Object[][] q = {
            {"baseMean", res.baseMean(), Double.valueOf(1e-9), Double.valueOf(0.0)},
            {"dispGeneEst", dispGene, Double.valueOf(1e-4), Double.valueOf(0.0)},
            {"dispFit", dispFit, Double.valueOf(1e-4), Double.valueOf(0.0)},
            {"dispersion", res.dispersion(), Double.valueOf(1e-4), Double.valueOf(0.0)},
            {"log2FoldChange", res.log2FoldChange(), Double.valueOf(1e-4), Double.valueOf(0.0)},
            {"lfcSE", res.lfcSE(), Double.valueOf(1e-4), Double.valueOf(0.0)},
            {"stat", res.stat(), Double.valueOf(1e-4), Double.valueOf(0.0)},
            {"pvalue", res.pvalue(), Double.valueOf(1e-3), Double.valueOf(1e-12)},
            {"padj", res.padj(), Double.valueOf(1e-3), Double.valueOf(1e-12)},
        };
        for (Object[] row : q) {
            Dev d = new Dev((String) row[0]);
            d.compare(genes, (double[]) row[1], ref.doubles((String) row[0]), ((Double) row[2]).doubleValue(),
                    ((Double) row[3]).doubleValue());
            devs.add(d);
        }
        // identical set of genes with padj < 0.1
        double[] padjRef = ref.doubles("padj");
        double[] padj = res.padj();
        int setDiff = 0;
        for (int g = 0; g < n; g++) {
            if ((padj[g] < 0.1) != (padjRef[g] < 0.1)) {
                setDiff++;
            }
        }
        StringBuilder report = new StringBuilder(tag + ":");
        for (Dev d : devs) {
            report.append(String.format(Locale.ROOT, " %s %.2g (NA mismatches %d)%s;", d.name,
                    Double.valueOf(d.maxRel), Integer.valueOf(d.naMismatch),
                    d.worst >= 0 && d.name != "sizeFactor" ? " worst " + genes[d.worst] : ""));
        }
        report.append(" padj<0.1 set differences ").append(setDiff).append(", n ").append(res.significantCount(0.1));
        report.append(" vs ").append(meta.get("n_padj_lt_alpha"));
        System.out.println(report);
        List<String> failures = new ArrayList<>();
        for (Dev d : devs) {
            failures.addAll(d.failures);
            if (d.naMismatch > 0) {
                failures.add(d.name + ": " + d.naMismatch + " NA mismatches");
            }
        }
        assertTrue(failures.isEmpty(), () -> tag + ": " + String.join("\n", failures));
        assertEquals(0, setDiff, tag + ": genes with padj < 0.1 differ");
        // step-level metadata: trend, prior, independent filtering, Cook's cutoff
        assertRel(meta.get("asymptDisp"), fit.trend().asymptDisp(), 1e-6, "asymptDisp");
        assertRel(meta.get("extraPois"), fit.trend().extraPois(), 1e-6, "extraPois");
        assertRel(meta.get("varLogDispEsts"), fit.trend().varLogDispEsts(), 1e-6, "varLogDispEsts");
        assertRel(meta.get("dispPriorVar"), fit.prior().dispPriorVar(), 1e-6, "dispPriorVar");
        assertRel(meta.get("filterThreshold"), res.filterThreshold(), 1e-8, "filterThreshold");
        assertRel(meta.get("filterTheta"), res.filterTheta(), 1e-12, "filterTheta");
        assertRel(meta.get("cooksCutoff"), res.cooksCutoff(), 1e-10, "cooksCutoff");
        assertEquals(Integer.parseInt(meta.get("n_padj_lt_alpha")), res.significantCount(0.1));
    }

    private static void assertRel(String expected, double actual, double rel, String what) {
        double e = Double.parseDouble(expected);
        assertEquals(e, actual, rel * Math.abs(e) + 1e-300, what);
    }

    /** The shared refdata files (10 significant digits, make_expected.R), pasilla ~ condition. */
    @org.junit.jupiter.api.Test
    void matchesSharedPasillaReference() {
        Deseq.Fit fit = fit("pasilla_condition", "~ condition", 1);
        DeseqResults res = fit.results(Contrast.of("condition", "treated", "untreated"));
        DeseqResults noFilter = fit.results(Contrast.of("condition", "treated", "untreated"), 0.1, false, false);
        RefData.Table ref = RefData.read("expected_deseq2_condition_results.csv");
        RefData.Table sf = RefData.read("expected_deseq2_condition_size_factors.csv");
        Map<String, String> meta = RefData.read("expected_deseq2_condition_metadata.csv").keyValue();
        String[] genes = ref.strings("gene_id");
        RefCompare c = new RefCompare("shared pasilla ~condition");
        // the file has 10 significant digits: size factors can only be checked to 5e-10
        c.check("sizeFactor", sf.strings("sample"), fit.sizeFactorValues(), sf.doubles("sizeFactor"), 6e-10, 0);
        int n = genes.length;
        double[] dg = new double[n];
        double[] df = new double[n];
        double[] allZero = new double[n];
        double[] outlier = new double[n];
        double[] maxCooks = new double[n];
        for (int g = 0; g < n; g++) {
            dg[g] = fit.genewise().dispGeneEst(g);
            df[g] = fit.trend().dispFit(g);
            allZero[g] = fit.genewise().allZero(g) ? 1 : 0;
            outlier[g] = fit.dispersions().dispOutlier()[g] ? 1 : fit.genewise().allZero(g) ? Double.NaN : 0;
            maxCooks[g] = fit.cooks().maxCooks(g);
        }
        c.check("baseMean", genes, res.baseMean(), ref.doubles("baseMean"), 1e-9, 0);
        c.check("allZero", genes, allZero, ref.doubles("allZero"), 0, 0);
        c.check("dispGeneEst", genes, dg, ref.doubles("dispGeneEst"), 1e-4, 0);
        c.check("dispFit", genes, df, ref.doubles("dispFit"), 1e-4, 0);
        c.check("dispersion", genes, res.dispersion(), ref.doubles("dispersion"), 1e-4, 0);
        c.check("dispOutlier", genes, outlier, ref.doubles("dispOutlier"), 0, 0);
        c.check("log2FoldChange", genes, res.log2FoldChange(), ref.doubles("log2FoldChange"), 1e-4, 0);
        c.check("lfcSE", genes, res.lfcSE(), ref.doubles("lfcSE"), 1e-4, 0);
        c.check("stat", genes, res.stat(), ref.doubles("stat"), 1e-4, 0);
        c.check("pvalue", genes, res.pvalue(), ref.doubles("pvalue"), 1e-3, 1e-12);
        c.check("padj", genes, res.padj(), ref.doubles("padj"), 1e-3, 1e-12);
        c.check("maxCooks", genes, maxCooks, ref.doubles("maxCooks"), 1e-3, 0);
        c.check("pvalue_noCooksFilter", genes, noFilter.pvalue(), ref.doubles("pvalue_noCooksFilter"), 1e-3, 1e-12);
        c.check("padj_noIndepFilter_noCooks", genes, noFilter.padj(), ref.doubles("padj_noIndepFilter_noCooks"), 1e-3,
                1e-12);
        c.sameSignificant(genes, res.padj(), ref.doubles("padj"), 0.1);
        System.out.println(c.report());
        assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));
        assertEquals(Integer.parseInt(meta.get("n_padj_lt_0.1")), res.significantCount(0.1));
        assertEquals(Integer.parseInt(meta.get("n_padj_lt_0.05")), res.significantCount(0.05));
        assertEquals(Integer.parseInt(meta.get("n_pvalue_NA_from_cooks")), res.cooksFiltered());
        assertRel(meta.get("dispTrend_asymptDisp"), fit.trend().asymptDisp(), 1e-6, "asymptDisp");
        assertRel(meta.get("dispPriorVar"), fit.prior().dispPriorVar(), 1e-6, "dispPriorVar");
        assertRel(meta.get("filterThreshold_baseMean"), res.filterThreshold(), 1e-8, "filterThreshold");
        assertRel(meta.get("cooksCutoff"), res.cooksCutoff(), 1e-10, "cooksCutoff");
    }

    /** PyDESeq2's stored R outputs (DESeq2 1.34.0) for its synthetic data. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"single_factor,~ condition", "multi_factor,~ group + condition"})
    void matchesPydeseq2StoredDeseq2Output(String which, String formula) {
        Deseq.Fit fit = fit(which.startsWith("single") ? "synthetic_single" : "synthetic_multi", formula, 1);
        DeseqResults res = fit.results(Contrast.of("condition", "B", "A"));
        String dir = "pydeseq2_synthetic/" + which + "__r_test_";
        RefData.Table ref = RefData.read(dir + "res.csv");
        RefData.Table disp = RefData.read(dir + "dispersions.csv");
        RefData.Table sf = RefData.read(dir + "size_factors.csv");
        String[] genes = ref.strings("");
        RefCompare c = new RefCompare("PyDESeq2 " + which);
        c.check("sizeFactor", sf.strings(""), fit.sizeFactorValues(), sf.doubles("x"), 1e-10, 0);
        c.check("dispersion", genes, res.dispersion(), disp.doubles("x"), 1e-4, 0);
        for (String q : new String[] {"baseMean", "log2FoldChange", "lfcSE", "stat"}) {
            double[] ours = switch (q) {
                case "baseMean" -> res.baseMean();
                case "log2FoldChange" -> res.log2FoldChange();
                case "lfcSE" -> res.lfcSE();
                default -> res.stat();
            };
            c.check(q, genes, ours, ref.doubles(q), 1e-4, 0);
        }
        c.check("pvalue", genes, res.pvalue(), ref.doubles("pvalue"), 1e-3, 1e-12);
        c.check("padj", genes, res.padj(), ref.doubles("padj"), 1e-3, 1e-12);
        System.out.println(c.report());
        assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));
    }

    /** Identical numbers whatever the thread count. */
    @org.junit.jupiter.api.Test
    void deterministicAcrossThreadCounts() {
        DeseqResults one = fit("pasilla_type_condition", "~ type + condition", 1)
                .results(Contrast.of("condition", "treated", "untreated"));
        DeseqResults four = fit("pasilla_type_condition", "~ type + condition", 4)
                .results(Contrast.of("condition", "treated", "untreated"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(one.log2FoldChange(), four.log2FoldChange());
        org.junit.jupiter.api.Assertions.assertArrayEquals(one.lfcSE(), four.lfcSE());
        org.junit.jupiter.api.Assertions.assertArrayEquals(one.pvalue(), four.pvalue());
        org.junit.jupiter.api.Assertions.assertArrayEquals(one.padj(), four.padj());
        org.junit.jupiter.api.Assertions.assertArrayEquals(one.dispersion(), four.dispersion());
    }
}
