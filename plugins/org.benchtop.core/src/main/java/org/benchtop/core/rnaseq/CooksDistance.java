package org.benchtop.core.rnaseq;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.FDistribution;
import org.benchtop.core.ProgressMonitor;

/**
 * Step 8 of DESeq2 ({@code calculateCooksDistance}, {@code recordMaxCooks}): Cook's distance of
 * every count, D_ij = R_ij^2 / p * h_ij / (1 - h_ij)^2 with the Pearson residual
 * R_ij^2 = (K_ij - mu_ij)^2 / (mu_ij + alpha_rob mu_ij^2), h_ij the hat values of the GLM fit and
 * a robust method-of-moments dispersion alpha_rob = max((v - mean) / mean^2, 0.04) whose variance
 * v is a trimmed within-cell variance (cells = samples with the same design row, using cells of
 * at least 3 samples; trimmed variance of all samples otherwise). The maximum over the samples in
 * cells of >= 3 replicates is compared with the 99 % quantile of F(p, m - p) to flag outliers.
 *
 * <p>Cook (1977), Technometrics 19:15-18, doi:10.2307/1268249; Love et al. (2014), Genome
 * Biology 15:550.
 */
public final class CooksDistance {

    private CooksDistance() {
    }

    /**
     * Per-gene summaries of Cook's distances (the full matrix is not kept).
     *
     * @param maxCooks the maximum over samples in cells with >= 3 replicates (NaN if there are
     *        none, m <= p, or the gene was not fitted)
     * @param argMaxAll the sample with the largest distance over all samples (-1 if none)
     * @param cutoff DESeq2's default cutoff qf(0.99, p, m - p)
     * @param maxAll the maximum over all samples, NaN values ignored (for outlier replacement)
     */
    public record Result(double[] maxCooks, int[] argMaxAll, double cutoff, double[] maxAll) {
        /**
         * @param gene gene index
         * @return its maximum Cook's distance
         */
        public double maxCooks(int gene) {
            return maxCooks[gene];
        }
    }

    /**
     * @param samples m
     * @param coefficients p
     * @return qf(0.99, p, m - p), NaN if m <= p
     */
    public static double defaultCutoff(int samples, int coefficients) {
        if (samples <= coefficients) {
            return Double.NaN;
        }
        return FDistribution.of(coefficients, samples - coefficients).inverseCumulativeProbability(0.99);
    }

    /**
     * @param counts raw counts
     * @param design the model (DESeq2's dispModelMatrix)
     * @param glm the fits (hat values; and fitted means unless {@code dispersionMeans} is given)
     * @param dispersionMeans null for the Wald test; for the LRT the gene-wise step, whose fitted
     *        means DESeq2's nbinomLRT uses here (it stores the GLM means only after computing
     *        Cook's distances)
     * @param threads worker threads
     * @param monitor progress and cancellation
     * @return the per-gene maxima
     */
    public static Result compute(CountMatrix counts, DesignMatrix design, NegativeBinomialGlm.Result glm,
            GenewiseDispersion.Result dispersionMeans, int threads, ProgressMonitor monitor) {
        int n = glm.n;
        int m = glm.m;
        int p = design.coefficientCount();
        Rows rows = new Rows(counts, design, glm, dispersionMeans);
        boolean[] forMax = design.nOrMoreInCell(3);
        boolean anyForMax = false;
        for (boolean b : forMax) {
            anyForMax |= b;
        }
        boolean recordMax = m > p && anyForMax;
        double[] maxCooks = new double[n];
        double[] maxAll = new double[n];
        int[] argMax = new int[n];
        GeneParallel.run(n, threads, monitor, "Cook's distances", (from, to) -> {
            double[] c = new double[m];
            Scratch sc = new Scratch(m);
            for (int g = from; g < to; g++) {
                if (!glm.fitted[g]) {
                    maxCooks[g] = Double.NaN;
                    maxAll[g] = Double.NaN;
                    argMax[g] = -1;
                    continue;
                }
                rows.row(g, c, sc);
                maxCooks[g] = recordMax ? maxOver(c, forMax) : Double.NaN;
                argMax[g] = whichMax(c);
                maxAll[g] = argMax[g] < 0 ? Double.NaN : c[argMax[g]];
            }
        });
        return new Result(maxCooks, argMax, defaultCutoff(m, p), maxAll);
    }

    /** R's max() over the flagged samples (NaN if any is NaN). */
    static double maxOver(double[] c, boolean[] use) {
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            if (use[j]) {
                if (Double.isNaN(c[j])) {
                    return Double.NaN;
                }
                best = Math.max(best, c[j]);
            }
        }
        return best;
    }

    /** R's which.max (first maximum, NaN ignored), 0-based; -1 if all NaN. */
    static int whichMax(double[] c) {
        int best = -1;
        for (int j = 0; j < c.length; j++) {
            if (!Double.isNaN(c[j]) && (best < 0 || c[j] > c[best])) {
                best = j;
            }
        }
        return best;
    }

    /** Per-gene Cook's distances, recomputed on demand (no genes x samples matrix is stored). */
    static final class Rows {
        private final double[] y;
        private final int m;
        private final int p;
        private final double[] sf;
        private final NegativeBinomialGlm.Result glm;
        private final GenewiseDispersion.Result dispersionMeans;
        private final int[] groups;
        private final int[] groupSize;
        private final int nGroups;
        private final boolean cellwise;

        Rows(CountMatrix counts, DesignMatrix design, NegativeBinomialGlm.Result glm,
                GenewiseDispersion.Result dispersionMeans) {
            this.y = counts.data();
            this.m = counts.sampleCount();
            this.p = design.coefficientCount();
            this.sf = glm.sf;
            this.glm = glm;
            this.dispersionMeans = dispersionMeans;
            this.groups = design.rowGroups();
            int ng = 0;
            for (int gr : groups) {
                ng = Math.max(ng, gr + 1);
            }
            this.nGroups = ng;
            this.groupSize = new int[ng];
            for (int gr : groups) {
                groupSize[gr]++;
            }
            boolean three = false;
            for (int s = 0; s < m; s++) {
                if (groupSize[groups[s]] >= 3) {
                    three = true;
                }
            }
            this.cellwise = three;
        }

        /** Cook's distances of gene g into out[0..m). */
        void row(int g, double[] out) {
            row(g, out, new Scratch(m));
        }

        /** Cook's distances of gene g into out[0..m), with caller scratch. */
        void row(int g, double[] out, Scratch sc) {
            double[] norm = sc.norm;
            double[] mu = sc.mu;
            double[] h = sc.h;
            double[] s1 = sc.s1;
            double[] s2 = sc.s2;
            for (int j = 0; j < m; j++) {
                norm[j] = y[g * m + j] / sf[j];
            }
            double v = cellwise ? trimmedCellVariance(norm, groups, groupSize, nGroups, s1, s2)
                    : trimmedVariance(norm, m, s1, s2);
            double mean = RMath.mean(norm, 0, m);
            double alpha = Math.max((v - mean) / (mean * mean), 0.04);
            if (dispersionMeans == null) {
                glm.mu(g, mu);
            } else {
                dispersionMeans.mu(g, mu);
            }
            glm.hatDiagonals(g, h);
            for (int j = 0; j < m; j++) {
                double varj = mu[j] + alpha * (mu[j] * mu[j]);
                double d = y[g * m + j] - mu[j];
                double pr = d * d / varj;
                double one = 1 - h[j];
                out[j] = pr / p * h[j] / (one * one);
            }
        }
    }

    /** Per-thread scratch of {@link Rows#row(int, double[], Scratch)}. */
    static final class Scratch {
        final double[] norm;
        final double[] mu;
        final double[] h;
        final double[] s1;
        final double[] s2;

        Scratch(int m) {
            norm = new double[m];
            mu = new double[m];
            h = new double[m];
            s1 = new double[m];
            s2 = new double[m];
        }
    }

    private static int trimIndex(int n) {
        // cut(n, breaks = c(0, 3.5, 23.5, Inf))
        return n <= 3.5 ? 0 : n <= 23.5 ? 1 : 2;
    }

    private static final double[] TRIM = {1.0 / 3, 1.0 / 4, 1.0 / 8};
    private static final double[] SCALE = {2.04, 1.86, 1.51};

    /** DESeq2's trimmedCellVariance over the cells with >= 3 samples; max over cells. */
    static double trimmedCellVariance(double[] cnts, int[] groups, int[] groupSize, int ng, double[] s1,
            double[] s2) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < ng; c++) {
            int size = groupSize[c];
            if (size < 3) {
                continue;
            }
            int ti = trimIndex(size);
            int k = 0;
            for (int j = 0; j < cnts.length; j++) {
                if (groups[j] == c) {
                    s1[k++] = cnts[j];
                }
            }
            double v = SCALE[ti] * trimmedSquaredDeviation(s1, k, TRIM[ti], s2);
            if (v > max || Double.isNaN(v)) {
                max = v;
            }
        }
        return max;
    }

    /** DESeq2's trimmedVariance (no cell with 3 replicates). */
    static double trimmedVariance(double[] cnts, int m, double[] s1, double[] s2) {
        System.arraycopy(cnts, 0, s1, 0, m);
        return 1.51 * trimmedSquaredDeviation(s1, m, 1.0 / 8, s2);
    }

    /**
     * R's {@code mean((x - center)^2, trim)} with {@code center = mean(x, trim)}, for the finite
     * values x = {@code values[0..n)} (sorted in place; {@code scratch} receives the kept squares).
     * One sort serves both trimmed means: of the squared deviations, the {@code floor(n trim)}
     * largest belong to the values at the two ends of the sorted range, and the as many smallest
     * to a window of values around the center, so the kept ones are the two runs in between (ties
     * between squared deviations do not change the sum).
     */
    static double trimmedSquaredDeviation(double[] values, int n, double trim, double[] scratch) {
        Arrays.sort(values, 0, n);
        int lo = (int) Math.floor(n * trim);
        double center = RMath.mean(values, lo, n - 2 * lo);
        int left = 0; // after dropping the lo values farthest from the center: [left, right)
        int right = n;
        for (int t = 0; t < lo; t++) {
            if (center - values[left] >= values[right - 1] - center) {
                left++;
            } else {
                right--;
            }
        }
        int from = left; // the lo values nearest the center: [from, to), grown from the center
        while (from < right && values[from] < center) {
            from++;
        }
        int to = from;
        for (int t = 0; t < lo; t++) {
            if (from > left && (to == right || center - values[from - 1] <= values[to] - center)) {
                from--;
            } else {
                to++;
            }
        }
        int k = 0;
        for (int i = left; i < from; i++) {
            double d = values[i] - center;
            scratch[k++] = d * d;
        }
        for (int i = to; i < right; i++) {
            double d = values[i] - center;
            scratch[k++] = d * d;
        }
        return RMath.mean(scratch, 0, k);
    }
}
