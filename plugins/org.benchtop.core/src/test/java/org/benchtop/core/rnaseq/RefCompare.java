package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares per-gene values with reference values: relative tolerance, absolute floor, NA pattern. */
final class RefCompare {

    private final String context;
    private final List<String> failures = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    RefCompare(String context) {
        this.context = context;
    }

    /**
     * @param name quantity name
     * @param genes gene ids (for messages)
     * @param ours our values (NaN = NA)
     * @param ref reference values (NaN = NA)
     * @param rel relative tolerance
     * @param abs absolute differences below this always pass
     * @return the maximum relative deviation above the absolute floor
     */
    double check(String name, String[] genes, double[] ours, double[] ref, double rel, double abs) {
        double max = 0;
        int na = 0;
        int bad = 0;
        for (int g = 0; g < ref.length; g++) {
            boolean n1 = Double.isNaN(ours[g]);
            boolean n2 = Double.isNaN(ref[g]);
            if (n1 != n2) {
                na++;
                if (na <= 3) {
                    failures.add(String.format(Locale.ROOT, "%s %s %s: NA pattern, ours %s, DESeq2 %s", context, name,
                            genes[g], Double.toString(ours[g]), Double.toString(ref[g])));
                }
                continue;
            }
            if (n1) {
                continue;
            }
            double d = Math.abs(ours[g] - ref[g]);
            if (d <= abs) {
                continue;
            }
            double r = ref[g] == 0 ? Double.POSITIVE_INFINITY : d / Math.abs(ref[g]);
            max = Math.max(max, r);
            if (r > rel) {
                bad++;
                if (bad <= 3) {
                    failures.add(String.format(Locale.ROOT, "%s %s %s: ours %.12g, DESeq2 %.12g (rel %.2g > %.1g)",
                            context, name, genes[g], Double.valueOf(ours[g]), Double.valueOf(ref[g]), Double.valueOf(r),
                            Double.valueOf(rel)));
                }
            }
        }
        if (na > 0) {
            failures.add(context + " " + name + ": " + na + " NA mismatches");
        }
        if (bad > 3) {
            failures.add(context + " " + name + ": " + bad + " values outside tolerance in total");
        }
        report.append(String.format(Locale.ROOT, " %s %.2g;", name, Double.valueOf(max)));
        return max;
    }

    /** Identical set of genes with padj below the level. */
    void sameSignificant(String[] genes, double[] ours, double[] ref, double level) {
        int diff = 0;
        for (int g = 0; g < ref.length; g++) {
            if ((ours[g] < level) != (ref[g] < level)) {
                diff++;
                if (diff <= 3) {
                    failures.add(String.format(Locale.ROOT, "%s %s: padj %s vs DESeq2 %s around %s", context, genes[g],
                            Double.toString(ours[g]), Double.toString(ref[g]), Double.toString(level)));
                }
            }
        }
        report.append(" padj<").append(level).append(" set differences ").append(diff).append(';');
    }

    /**
     * The checks of a results table against DESeq2's: dispersion, log2FoldChange, lfcSE and stat to 1e-4
     * relative; pvalue and padj to 1e-3 relative (absolute differences below 1e-12 pass); identical NA patterns and
     * the same set of genes with padj &lt; 0.1.
     *
     * @param genes gene ids of the reference rows, in the order of {@code res}
     * @param res our results
     * @param ref DESeq2's results, with those column names
     */
    void checkResults(String[] genes, DeseqResults res, RefData.Table ref) {
        check("dispersion", genes, res.dispersion(), ref.doubles("dispersion"), 1e-4, 0);
        check("log2FoldChange", genes, res.log2FoldChange(), ref.doubles("log2FoldChange"), 1e-4, 0);
        check("lfcSE", genes, res.lfcSE(), ref.doubles("lfcSE"), 1e-4, 0);
        check("stat", genes, res.stat(), ref.doubles("stat"), 1e-4, 0);
        check("pvalue", genes, res.pvalue(), ref.doubles("pvalue"), 1e-3, 1e-12);
        check("padj", genes, res.padj(), ref.doubles("padj"), 1e-3, 1e-12);
        sameSignificant(genes, res.padj(), ref.doubles("padj"), 0.1);
    }

    List<String> failures() {
        return failures;
    }

    String report() {
        return context + ":" + report;
    }
}
