package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.benchtop.core.ProgressMonitor;

/**
 * DESeq2's {@code vst()}: the variance-stabilizing transformation for PCA and clustering. A
 * dispersion trend is fitted to 1000 genes spread evenly over the ranks of the mean normalized
 * count (among genes with mean > 5), with the intercept-only design when {@code blind} and the
 * experimental design otherwise; the normalized counts q are then transformed with the closed
 * form for the parametric trend alpha(mu) = a + b/mu,
 *
 * <pre>vst(q) = log2((1 + b + 2 a q + 2 sqrt(a q (1 + b + a q))) / (4 a))</pre>
 *
 * or, for the mean trend, (2 asinh(sqrt(alpha q)) - log(alpha) - log 4) / log 2; when the
 * parametric fit fails and DESeq2 substitutes the local trend, by numerical integration
 * ({@link LocalTrendVst}).
 * Anders and Huber (2010), Genome Biology 11:R106, doi:10.1186/gb-2010-11-10-r106.
 */
public final class VarianceStabilizingTransformation {

    /**
     * @param values row-major transformed values (genes x samples), log2 scale
     * @param trend the dispersion trend used
     * @param warnings notes for the user
     */
    public record Result(double[] values, DispersionTrend.Result trend, List<String> warnings) {
    }

    private VarianceStabilizingTransformation() {
    }

    /**
     * DESeq2's {@code vst(dds, blind)} with nsub = 1000.
     *
     * @param counts raw counts
     * @param sizeFactors per-sample size factors
     * @param design the design (used when not blind)
     * @param blind whether to ignore the design (DESeq2's default TRUE)
     * @param threads worker threads
     * @param monitor progress and cancellation
     * @return the transformed values
     * @throws RnaseqException (BAD_INPUT) if fewer than 1000 genes have a mean normalized count
     *         above 5 (DESeq2: use varianceStabilizingTransformation directly)
     */
    public static Result vst(CountMatrix counts, double[] sizeFactors, DesignMatrix design, boolean blind,
            int threads, ProgressMonitor monitor) {
        int nsub = 1000;
        int n = counts.geneCount();
        int m = counts.sampleCount();
        double[] y = counts.data();
        double[] baseMean = new double[n];
        double[] norm = new double[m];
        List<Integer> above = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            for (int j = 0; j < m; j++) {
                norm[j] = y[g * m + j] / sizeFactors[j];
            }
            baseMean[g] = RMath.mean(norm, 0, m);
            if (baseMean[g] > 5) {
                above.add(Integer.valueOf(g));
            }
        }
        if (n < nsub || above.size() < nsub) {
            throw RnaseqException.badInput(
                    "The VST needs at least %d genes with a mean normalized count above 5 (found %d of %d genes); "
                            + "DESeq2's vst() stops here too.", Integer.valueOf(nsub), Integer.valueOf(above.size()),
                    Integer.valueOf(n));
        }
        Integer[] o = above.toArray(new Integer[0]);
        Arrays.sort(o, (a, b) -> Double.compare(baseMean[a.intValue()], baseMean[b.intValue()]));
        double[] pos = RMath.seq(1, o.length, nsub);
        int[] sub = new int[nsub];
        String[] ids = new String[nsub];
        double[] c = new double[nsub * m];
        for (int i = 0; i < nsub; i++) {
            sub[i] = o[(int) Math.rint(pos[i]) - 1].intValue();
            ids[i] = counts.geneId(sub[i]) + "#" + i; // the same gene may be drawn twice
            System.arraycopy(y, sub[i] * m, c, i * m, m);
        }
        CountMatrix subCounts = CountMatrix.wrap(ids, counts.sampleNames().toArray(new String[0]), c);
        return transform(counts, subCounts, sizeFactors, design, blind, threads, monitor);
    }

    /**
     * DESeq2's {@code varianceStabilizingTransformation(dds, blind)}: as {@link #vst} but with the
     * trend fitted on all genes (for data sets with fewer than 1000 genes of mean above 5).
     *
     * @param counts raw counts
     * @param sizeFactors per-sample size factors
     * @param design the design (used when not blind)
     * @param blind whether to ignore the design
     * @param threads worker threads
     * @param monitor progress and cancellation
     * @return the transformed values
     */
    public static Result varianceStabilizingTransformation(CountMatrix counts, double[] sizeFactors,
            DesignMatrix design, boolean blind, int threads, ProgressMonitor monitor) {
        return transform(counts, counts, sizeFactors, design, blind, threads, monitor);
    }

    private static Result transform(CountMatrix counts, CountMatrix subCounts, double[] sizeFactors,
            DesignMatrix design, boolean blind, int threads, ProgressMonitor monitor) {
        int n = counts.geneCount();
        int m = counts.sampleCount();
        double[] y = counts.data();
        DesignMatrix d = blind || design.formula() == null
                ? DesignMatrix.of(DesignFormula.parse("~ 1"), design.sheet() != null ? design.sheet()
                        : SampleSheet.of(counts.sampleNames()))
                : design;
        GenewiseDispersion.Result gw = GenewiseDispersion.withDefaults().withThreads(threads).estimate(subCounts,
                sizeFactors, d, monitor);
        DispersionTrend.Result trend = DispersionTrend.withDefaults().fit(gw);
        if (trend.fitType() == DispersionTrend.FitType.LOCAL) { // the parametric fit failed
            return new Result(LocalTrendVst.transform(counts, sizeFactors, trend), trend, trend.warnings());
        }
        double[] out = new double[n * m];
        double a = trend.asymptDisp();
        double b = trend.extraPois();
        double meanDisp = trend.meanDisp();
        boolean parametric = trend.fitType() == DispersionTrend.FitType.PARAMETRIC;
        double ln2 = Math.log(2);
        for (int g = 0; g < n; g++) {
            for (int j = 0; j < m; j++) {
                double q = y[g * m + j] / sizeFactors[j];
                if (parametric) {
                    out[g * m + j] = Math.log((1 + b + 2 * a * q + 2 * Math.sqrt(a * q * (1 + b + a * q))) / (4 * a))
                            / ln2;
                } else {
                    out[g * m + j] = (2 * asinh(Math.sqrt(meanDisp * q)) - Math.log(meanDisp) - Math.log(4)) / ln2;
                }
            }
        }
        return new Result(out, trend, trend.warnings());
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}
