package org.benchtop.core.rnaseq;

import java.util.Arrays;

import org.benchtop.core.stats.BenjaminiHochberg;

/**
 * Step 9 of DESeq2 ({@code pvalueAdjustment} with genefilter's {@code filtered_p}): independent
 * filtering on the mean of normalized counts. For 50 quantiles theta of the filter statistic
 * (from the fraction of zeros, or 0, to 0.95), the genes at or above the theta-quantile are kept
 * and their p-values adjusted by Benjamini-Hochberg; the number of rejections at alpha is
 * smoothed by {@code lowess(f = 1/5)}, and the first theta whose rejections exceed
 * max(fit) - sqrt(mean(residual^2)) is chosen (theta = 0, i.e. no filtering, if at most 10
 * genes are rejected anywhere). Filtered-out genes get an adjusted p-value of NA.
 *
 * <p>Bourgon, Gentleman and Huber (2010), Independent filtering increases detection power for
 * high-throughput experiments, PNAS 107:9546, doi:10.1073/pnas.0914005107; Benjamini and
 * Hochberg (1995), J. R. Stat. Soc. B 57:289-300.
 */
public final class IndependentFiltering {

    /**
     * @param padj the adjusted p-values (NaN = NA)
     * @param filterThreshold the baseMean quantile used as threshold (NaN when not filtering)
     * @param filterTheta the chosen quantile
     * @param theta the quantile grid
     * @param numRej rejections at each quantile
     * @param lowessFit the lowess fit of numRej on theta
     * @param alpha the target FDR
     */
    public record Result(double[] padj, double filterThreshold, double filterTheta, double[] theta, int[] numRej,
            double[] lowessFit, double alpha) {
    }

    private IndependentFiltering() {
    }

    /**
     * DESeq2's pvalueAdjustment with independentFiltering = TRUE and the default theta grid.
     *
     * @param filter the filter statistic per gene (baseMean)
     * @param pvalue p-values (NaN = NA)
     * @param alpha target FDR (DESeq2: 0.1)
     * @return adjusted p-values and the filter chosen
     */
    public static Result apply(double[] filter, double[] pvalue, double alpha) {
        int n = filter.length;
        int zeros = 0;
        for (double f : filter) {
            if (f == 0) {
                zeros++;
            }
        }
        double lowerQuantile = (double) zeros / n;
        double upperQuantile = lowerQuantile < 0.95 ? 0.95 : 1;
        double[] theta = RMath.seq(lowerQuantile, upperQuantile, 50);
        double[] sorted = filter.clone();
        Arrays.sort(sorted);
        int nt = theta.length;
        double[] cutoffs = new double[nt];
        for (int i = 0; i < nt; i++) {
            cutoffs[i] = RMath.quantile7(sorted, n, theta[i]);
        }
        // Benjamini-Hochberg within each filtered set, walking the p-values sorted once
        int[] order = nonNaNOrder(pvalue);
        int[] subset = new int[order.length];
        double[] col = new double[n];
        int[] numRej = new int[nt];
        for (int i = 0; i < nt; i++) {
            numRej[i] = adjustAbove(filter, cutoffs[i], pvalue, order, subset, col, alpha);
        }
        double[] nr = new double[nt];
        int maxRej = 0;
        boolean allZero = true;
        for (int i = 0; i < nt; i++) {
            nr[i] = numRej[i];
            maxRej = Math.max(maxRej, numRej[i]);
            if (numRej[i] != 0) {
                allZero = false;
            }
        }
        double delta = 0.01 * (theta[nt - 1] - theta[0]);
        double[] fit = RMath.lowess(theta, nr, 1.0 / 5, 3, delta);
        int j;
        if (maxRej <= 10) {
            j = 0;
        } else {
            double meanSq;
            if (allZero) {
                meanSq = 0;
            } else {
                double[] r2 = new double[nt];
                int k = 0;
                for (int i = 0; i < nt; i++) {
                    if (numRej[i] > 0) {
                        double r = nr[i] - fit[i];
                        r2[k++] = r * r;
                    }
                }
                meanSq = RMath.mean(r2, 0, k);
            }
            double maxFit = Double.NEGATIVE_INFINITY;
            for (double v : fit) {
                maxFit = Math.max(maxFit, v);
            }
            double thresh = maxFit - Math.sqrt(meanSq);
            j = 0;
            for (int i = 0; i < nt; i++) {
                if (nr[i] > thresh) {
                    j = i;
                    break;
                }
            }
        }
        adjustAbove(filter, cutoffs[j], pvalue, order, subset, col, alpha);
        return new Result(col, cutoffs[j], theta[j], theta, numRej, fit, alpha);
    }

    /** The indices of the non-NaN values, ordered by value (ties in any order). */
    private static int[] nonNaNOrder(double[] values) {
        Integer[] idx = new Integer[values.length];
        int k = 0;
        for (int g = 0; g < values.length; g++) {
            if (!Double.isNaN(values[g])) {
                idx[k++] = Integer.valueOf(g);
            }
        }
        Arrays.sort(idx, 0, k, (a, b) -> Double.compare(values[a.intValue()], values[b.intValue()]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = idx[i].intValue();
        }
        return out;
    }

    /**
     * R's {@code p.adjust(p[filter >= cutoff], "BH")} into {@code padj} (NaN elsewhere), the same
     * arithmetic as {@link BenjaminiHochberg#adjust}: with the k kept p-values in ascending order,
     * padj_(r) = min(1, min_{s >= r} k / s p_(s)) (tied p-values share this value).
     *
     * @param order the indices of the non-NaN p-values in ascending order of p-value
     * @param subset scratch, at least as long as order
     * @return the number of adjusted p-values below alpha
     */
    private static int adjustAbove(double[] filter, double cutoff, double[] pvalue, int[] order, int[] subset,
            double[] padj, double alpha) {
        Arrays.fill(padj, Double.NaN);
        int k = 0;
        for (int g : order) {
            if (filter[g] >= cutoff) {
                subset[k++] = g;
            }
        }
        double cummin = Double.POSITIVE_INFINITY;
        int rejected = 0;
        for (int r = k - 1; r >= 0; r--) {
            int g = subset[r];
            cummin = Math.min(cummin, (double) k / (r + 1) * pvalue[g]);
            padj[g] = Math.min(1.0, cummin);
            if (padj[g] < alpha) {
                rejected++;
            }
        }
        return rejected;
    }

    /**
     * Plain Benjamini-Hochberg over all non-NA p-values (independentFiltering = FALSE).
     *
     * @param pvalue p-values (NaN = NA)
     * @param alpha the FDR level (recorded only)
     * @return adjusted p-values
     */
    public static Result none(double[] pvalue, double alpha) {
        return new Result(BenjaminiHochberg.adjust(pvalue), Double.NaN, Double.NaN, new double[0], new int[0], new double[0],
                alpha);
    }
}
