package org.benchtop.core.rnaseq;

import java.util.Arrays;
import java.util.List;

/**
 * edgeR's {@code calcNormFactors} (edgeR 3.40): normalization factors f_j that scale the library
 * sizes N_j to effective library sizes N_j f_j, and the counts per million computed from them.
 *
 * <ul>
 * <li>{@link Method#TMM} (default): the weighted trimmed mean of M-values. For sample j against a
 * reference sample r (the sample whose upper-quartile factor is closest to the mean), over the
 * genes with positive counts in both, M_g = log2((y_gj/N_j) / (y_gr/N_r)),
 * A_g = (log2(y_gj/N_j) + log2(y_gr/N_r)) / 2; genes with M in the central 40 % (30 % trimmed
 * each side) and A in the central 90 % (5 % each side) by rank are kept and
 * log2 f_j = sum(M/v) / sum(1/v) with the delta-method variances
 * v = (N_j - y_gj)/(N_j y_gj) + (N_r - y_gr)/(N_r y_gr). Robinson and Oshlack (2010), Genome
 * Biology 11:R25, doi:10.1186/gb-2010-11-3-r25.</li>
 * <li>{@link Method#RLE}: DESeq's median ratio to the geometric mean, divided by N_j (Anders and
 * Huber 2010).</li>
 * <li>{@link Method#UPPER_QUARTILE}: the 75 % quantile of the counts divided by N_j (Bullard et
 * al. 2010, doi:10.1186/1471-2105-11-94).</li>
 * </ul>
 * In every case the factors are finally scaled to a geometric mean of 1. Genes with zero counts
 * in all samples are ignored. CPM = y / (N f) 1e6; logCPM adds a prior count of 2 scaled by the
 * relative library size (edgeR's {@code cpm(y, log = TRUE)}).
 *
 * <p>Immutable; {@link #withDefaults()} then {@link #withMethod}.
 */
public final class TmmNormalization {

    /** The normalization method (edgeR's {@code method}). */
    public enum Method {
        /** Trimmed mean of M-values (edgeR's default). */
        TMM,
        /** Relative log expression. */
        RLE,
        /** Upper quartile. */
        UPPER_QUARTILE
    }

    private final Method method;
    private final double logratioTrim;
    private final double sumTrim;

    private TmmNormalization(Method method, double logratioTrim, double sumTrim) {
        this.method = method;
        this.logratioTrim = logratioTrim;
        this.sumTrim = sumTrim;
    }

    /** @return TMM with edgeR's defaults (logratioTrim 0.3, sumTrim 0.05, weighting on) */
    public static TmmNormalization withDefaults() {
        return new TmmNormalization(Method.TMM, 0.3, 0.05);
    }

    /**
     * @param m the method
     * @return a copy using it
     */
    public TmmNormalization withMethod(Method m) {
        return new TmmNormalization(m, logratioTrim, sumTrim);
    }

    /**
     * The factors and the library sizes they refer to.
     *
     * @param method the method used
     * @param libSizes column sums of the counts (N_j)
     * @param normFactors the normalization factors f_j (geometric mean 1)
     * @param referenceSample the TMM reference sample index (-1 for other methods)
     * @param warnings notes for the user
     */
    public record Result(Method method, double[] libSizes, double[] normFactors, int referenceSample,
            List<String> warnings) {

        /** @return N_j f_j */
        public double[] effectiveLibSizes() {
            double[] e = new double[libSizes.length];
            for (int j = 0; j < e.length; j++) {
                e[j] = libSizes[j] * normFactors[j];
            }
            return e;
        }

        /**
         * Counts per million on the effective library sizes (edgeR's {@code cpm(y)}).
         *
         * @param counts the counts the factors were computed from
         * @return row-major CPM values
         */
        public double[] cpm(CountMatrix counts) {
            int n = counts.geneCount();
            int m = counts.sampleCount();
            double[] eff = effectiveLibSizes();
            double[] y = counts.data();
            double[] out = new double[n * m];
            for (int g = 0; g < n; g++) {
                for (int j = 0; j < m; j++) {
                    out[g * m + j] = y[g * m + j] / eff[j] * 1e6;
                }
            }
            return out;
        }

        /**
         * log2 counts per million with edgeR's prior count (edgeR's {@code cpm(y, log = TRUE,
         * prior.count)}): prior p_j = prior N'_j / mean(N'), log2((y + p_j) / (N'_j + 2 p_j) 1e6)
         * with N' the effective library sizes.
         *
         * @param counts the counts
         * @param priorCount the average prior count (edgeR default 2)
         * @return row-major logCPM values
         */
        public double[] logCpm(CountMatrix counts, double priorCount) {
            int n = counts.geneCount();
            int m = counts.sampleCount();
            double[] eff = effectiveLibSizes();
            double mean = RMath.mean(eff, 0, m);
            double[] prior = new double[m];
            double[] logLib = new double[m];
            for (int j = 0; j < m; j++) {
                prior[j] = priorCount * eff[j] / mean;
                logLib[j] = Math.log(eff[j] + 2 * prior[j]);
            }
            double lnMillion = Math.log(1e6);
            double ln2 = Math.log(2);
            double[] y = counts.data();
            double[] out = new double[n * m];
            for (int g = 0; g < n; g++) {
                for (int j = 0; j < m; j++) {
                    double v = y[g * m + j] + prior[j];
                    out[g * m + j] = (Math.log(v) - logLib[j] + lnMillion) / ln2;
                }
            }
            return out;
        }
    }

    /**
     * Computes the factors.
     *
     * @param counts the counts (genes x samples)
     * @return the factors
     */
    public Result estimate(CountMatrix counts) {
        int n = counts.geneCount();
        int m = counts.sampleCount();
        double[] y = counts.data();
        double[] lib = new double[m];
        double[] col = new double[n];
        for (int j = 0; j < m; j++) {
            for (int g = 0; g < n; g++) {
                col[g] = y[g * m + j];
            }
            lib[j] = RMath.sum(col, 0, n);
            if (!(lib[j] > 0)) {
                throw RnaseqException.badInput(
                        "Sample '%s' has no reads (library size 0); remove it before normalization.",
                        counts.sampleName(j));
            }
        }
        // drop genes with zero counts in all samples
        int[] keep = new int[n];
        int k = 0;
        for (int g = 0; g < n; g++) {
            boolean any = false;
            for (int j = 0; j < m; j++) {
                if (y[g * m + j] > 0) {
                    any = true;
                    break;
                }
            }
            if (any) {
                keep[k++] = g;
            }
        }
        double[] f = new double[m];
        int ref = -1;
        Method used = (k == 0 || m == 1) ? null : method;
        if (used == null) {
            Arrays.fill(f, 1);
        } else if (used == Method.UPPER_QUARTILE || used == Method.TMM) {
            double[] f75 = upperQuartile(y, m, keep, k, lib);
            if (used == Method.UPPER_QUARTILE) {
                f = f75;
            } else {
                double[] s = f75.clone();
                double med = RMath.median(s, m);
                if (med < 1e-20) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < m; j++) {
                        double sq = 0;
                        for (int t = 0; t < k; t++) {
                            col[t] = Math.sqrt(y[keep[t] * m + j]);
                        }
                        sq = RMath.sum(col, 0, k);
                        if (sq > best) {
                            best = sq;
                            ref = j;
                        }
                    }
                } else {
                    double mean = RMath.mean(f75, 0, m);
                    double best = Double.POSITIVE_INFINITY;
                    for (int j = 0; j < m; j++) {
                        double d = Math.abs(f75[j] - mean);
                        if (d < best) {
                            best = d;
                            ref = j;
                        }
                    }
                }
                for (int j = 0; j < m; j++) {
                    f[j] = tmmFactor(y, m, keep, k, j, ref, lib[j], lib[ref]);
                }
            }
        } else {
            double[] gm = new double[k];
            double[] row = new double[m];
            for (int t = 0; t < k; t++) {
                for (int j = 0; j < m; j++) {
                    row[j] = Math.log(y[keep[t] * m + j]);
                }
                gm[t] = Math.exp(RMath.mean(row, 0, m));
            }
            double[] r = new double[k];
            for (int j = 0; j < m; j++) {
                int c = 0;
                for (int t = 0; t < k; t++) {
                    if (gm[t] > 0) {
                        r[c++] = y[keep[t] * m + j] / gm[t];
                    }
                }
                f[j] = RMath.median(r, c) / lib[j];
            }
        }
        double[] lf = new double[m];
        for (int j = 0; j < m; j++) {
            lf[j] = Math.log(f[j]);
        }
        double norm = Math.exp(RMath.mean(lf, 0, m));
        for (int j = 0; j < m; j++) {
            f[j] = f[j] / norm;
        }
        return new Result(method, lib, f, ref, List.of());
    }

    private static double[] upperQuartile(double[] y, int m, int[] keep, int k, double[] lib) {
        double[] f = new double[m];
        double[] c = new double[k];
        for (int j = 0; j < m; j++) {
            for (int t = 0; t < k; t++) {
                c[t] = y[keep[t] * m + j];
            }
            Arrays.sort(c);
            f[j] = RMath.quantile7(c, k, 0.75) / lib[j];
        }
        return f;
    }

    private double tmmFactor(double[] y, int m, int[] keep, int k, int obsCol, int refCol, double nO, double nR) {
        double[] logR = new double[k];
        double[] absE = new double[k];
        double[] v = new double[k];
        int c = 0;
        double ln2 = Math.log(2);
        for (int t = 0; t < k; t++) {
            double obs = y[keep[t] * m + obsCol];
            double ref = y[keep[t] * m + refCol];
            double lr = log2((obs / nO) / (ref / nR), ln2);
            double ae = (log2(obs / nO, ln2) + log2(ref / nR, ln2)) / 2;
            if (Double.isFinite(lr) && Double.isFinite(ae) && ae > -1e10) {
                logR[c] = lr;
                absE[c] = ae;
                v[c] = (nO - obs) / nO / obs + (nR - ref) / nR / ref;
                c++;
            }
        }
        double maxAbs = 0;
        for (int i = 0; i < c; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(logR[i]));
        }
        if (maxAbs < 1e-6) {
            return 1;
        }
        double loL = Math.floor(c * logratioTrim) + 1;
        double hiL = c + 1 - loL;
        double loS = Math.floor(c * sumTrim) + 1;
        double hiS = c + 1 - loS;
        double[] rankR = averageRanks(logR, c);
        double[] rankE = averageRanks(absE, c);
        double[] num = new double[c];
        double[] den = new double[c];
        int kk = 0;
        for (int i = 0; i < c; i++) {
            if (rankR[i] >= loL && rankR[i] <= hiL && rankE[i] >= loS && rankE[i] <= hiS) {
                num[kk] = logR[i] / v[i];
                den[kk] = 1 / v[i];
                kk++;
            }
        }
        double fl = RMath.sum(num, 0, kk) / RMath.sum(den, 0, kk);
        if (Double.isNaN(fl)) {
            fl = 0;
        }
        return Math.pow(2, fl);
    }

    private static double log2(double x, double ln2) {
        return Math.log(x) / ln2;
    }

    /** R's rank(x, ties.method = "average") of x[0..n). */
    static double[] averageRanks(double[] x, int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = Integer.valueOf(i);
        }
        Arrays.sort(idx, (a, b) -> Double.compare(x[a.intValue()], x[b.intValue()]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[idx[j + 1].intValue()] == x[idx[i].intValue()]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                r[idx[t].intValue()] = avg;
            }
            i = j + 1;
        }
        return r;
    }
}
