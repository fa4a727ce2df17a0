package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 1 of DESeq2: per-sample size factors s_j that put the counts on a common scale
 * (normalized count = K_ij / s_j).
 *
 * <ul>
 * <li>{@link Method#RATIO} (DESeq2's default, {@code estimateSizeFactorsForMatrix}): the median
 * of ratios, s_j = exp(median_i [log K_ij - mean_j' log K_ij']) over the genes with no zero count
 * and K_ij > 0 (Anders and Huber 2010, Genome Biology 11:R106, doi:10.1186/gb-2010-11-10-r106).</li>
 * <li>{@link Method#POSCOUNTS} ({@code type = "poscounts"}): the geometric mean of each gene uses
 * its positive counts only, exp(sum log K_ij [K_ij > 0] / m) (0 for all-zero genes); the factors
 * are then scaled to a geometric mean of 1. For data in which every gene has a zero.</li>
 * <li>{@link Method#USER}: factors given by the user, used as they are.</li>
 * </ul>
 *
 * <p>Immutable; create with {@link #ratio()}, {@link #poscounts()} or {@link #given(double[])}.
 */
public final class SizeFactors {

    /** How the factors are obtained. */
    public enum Method {
        /** Median of ratios to the geometric mean (DESeq2 default). */
        RATIO,
        /** Median of ratios with geometric means of the positive counts. */
        POSCOUNTS,
        /** Supplied by the user. */
        USER
    }

    /**
     * The estimated factors.
     *
     * @param method the method used
     * @param factors one per sample, in column order
     * @param warnings notes for the user
     */
    public record Result(Method method, double[] factors, List<String> warnings) {
        /** @return a copy of the factors */
        @Override
        public double[] factors() {
            return factors.clone();
        }

        /** The factors without copying (package internal). */
        double[] values() {
            return factors;
        }
    }

    private final Method method;
    private final double[] given;

    private SizeFactors(Method method, double[] given) {
        this.method = method;
        this.given = given;
    }

    /** @return the median-of-ratios estimator (DESeq2's default) */
    public static SizeFactors ratio() {
        return new SizeFactors(Method.RATIO, null);
    }

    /** @return the positive-counts variant ({@code type = "poscounts"}) */
    public static SizeFactors poscounts() {
        return new SizeFactors(Method.POSCOUNTS, null);
    }

    /**
     * @param factors one positive, finite factor per sample
     * @return an estimator that returns these factors
     */
    public static SizeFactors given(double[] factors) {
        for (int i = 0; i < factors.length; i++) {
            if (!(factors[i] > 0) || Double.isInfinite(factors[i])) {
                throw RnaseqException.badInput("Size factor %d is %s; size factors must be positive and finite.",
                        Integer.valueOf(i + 1), Double.toString(factors[i]));
            }
        }
        return new SizeFactors(Method.USER, factors.clone());
    }

    /** @return the method */
    public Method method() {
        return method;
    }

    /**
     * Computes the size factors of a count matrix.
     *
     * @param counts the raw counts
     * @return the factors, one per sample
     * @throws RnaseqException (BAD_INPUT) if every gene has a zero (median of ratios impossible;
     *         the message suggests poscounts), or user factors of the wrong length
     */
    public Result estimate(CountMatrix counts) {
        int n = counts.geneCount();
        int m = counts.sampleCount();
        double[] k = counts.data();
        List<String> warnings = new ArrayList<>();
        if (method == Method.USER) {
            if (given.length != m) {
                throw RnaseqException.badInput("%d size factors were given for %d samples.",
                        Integer.valueOf(given.length), Integer.valueOf(m));
            }
            return new Result(method, given.clone(), List.of());
        }
        double[] logGeo = new double[n];
        double[] row = new double[m];
        boolean anyFinite = false;
        for (int g = 0; g < n; g++) {
            if (method == Method.RATIO) {
                for (int j = 0; j < m; j++) {
                    row[j] = Math.log(k[g * m + j]);
                }
                logGeo[g] = RMath.mean(row, 0, m);
            } else {
                int pos = 0;
                for (int j = 0; j < m; j++) {
                    double v = k[g * m + j];
                    if (v > 0) {
                        row[pos++] = Math.log(v);
                    }
                }
                double geo = pos == 0 ? 0 : Math.exp(RMath.sum(row, 0, pos) / m);
                logGeo[g] = Math.log(geo);
            }
            if (Double.isFinite(logGeo[g])) {
                anyFinite = true;
            }
        }
        if (!anyFinite) {
            throw RnaseqException.badInput(
                    "Every gene has at least one zero count, so the geometric means of the median-of-ratios size "
                            + "factors cannot be computed (DESeq2: 'every gene contains at least one zero'). Use the "
                            + "'poscounts' size factor method, or give size factors.");
        }
        double[] sf = new double[m];
        double[] ratios = new double[n];
        for (int j = 0; j < m; j++) {
            int c = 0;
            for (int g = 0; g < n; g++) {
                double v = k[g * m + j];
                if (Double.isFinite(logGeo[g]) && v > 0) {
                    ratios[c++] = Math.log(v) - logGeo[g];
                }
            }
            if (c == 0) {
                throw RnaseqException.badInput(
                        "Sample '%s' has no positive count among the genes without zeros, so its size factor "
                                + "cannot be estimated. Remove the sample or use the 'poscounts' method.",
                        counts.sampleName(j));
            }
            sf[j] = Math.exp(RMath.median(ratios, c));
        }
        if (method == Method.POSCOUNTS) {
            double[] lsf = new double[m];
            for (int j = 0; j < m; j++) {
                lsf[j] = Math.log(sf[j]);
            }
            double norm = Math.exp(RMath.mean(lsf, 0, m));
            for (int j = 0; j < m; j++) {
                sf[j] = sf[j] / norm;
            }
        }
        return new Result(method, sf, List.copyOf(warnings));
    }
}
