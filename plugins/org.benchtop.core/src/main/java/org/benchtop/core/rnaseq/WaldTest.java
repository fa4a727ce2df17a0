package org.benchtop.core.rnaseq;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Step 7 of DESeq2 ({@code nbinomWaldTest} and the contrast part of {@code results}): for a
 * coefficient or contrast c of the log2 fold changes beta, the Wald statistic
 * z = c'beta / sqrt(c' Sigma c) with the sandwich covariance of {@link NegativeBinomialGlm}, and
 * the two-sided normal p-value 2 (1 - Phi(|z|)). A contrast that is not a single coefficient is
 * evaluated as DESeq2's {@code getContrast} does: Sigma is recomputed at the stored coefficients
 * (fitted means bounded by minmu = 0.5, ridge 1 / (log(2)^2 1e6)).
 *
 * <p>Love, Huber and Anders (2014), Genome Biology 15:550, doi:10.1186/s13059-014-0550-8.
 */
public final class WaldTest {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /**
     * Per-gene contrast estimates.
     *
     * @param log2FoldChange c'beta (log2 scale)
     * @param lfcSE its standard error
     * @param stat the Wald statistic
     * @param pvalue the two-sided p-value
     */
    public record Result(double[] log2FoldChange, double[] lfcSE, double[] stat, double[] pvalue) {
    }

    private WaldTest() {
    }

    /**
     * R's {@code 2 * pnorm(abs(z), lower.tail = FALSE)}.
     *
     * @param z a Wald statistic
     * @return its two-sided p-value; NaN for NaN
     */
    public static double twoSidedPvalue(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
    }

    /**
     * The Wald test of one coefficient (stored estimate and standard error).
     *
     * @param glm the fits
     * @param coef the coefficient index
     * @param sign +1, or -1 to report the reverse comparison (DESeq2 negates lfc and stat)
     * @return per-gene results (NaN for genes not fitted)
     */
    public static Result coefficient(NegativeBinomialGlm.Result glm, int coef, double sign) {
        int n = glm.n;
        double[] lfc = new double[n];
        double[] se = new double[n];
        double[] stat = new double[n];
        double[] pv = new double[n];
        for (int g = 0; g < n; g++) {
            double b = glm.coefficient(g, coef);
            double s = glm.standardError(g, coef);
            double z = b / s;
            lfc[g] = sign * b;
            se[g] = s;
            stat[g] = sign * z;
            pv[g] = twoSidedPvalue(z);
        }
        return new Result(lfc, se, stat, pv);
    }

    /**
     * DESeq2's getContrast: a numeric contrast evaluated at the stored coefficients.
     *
     * @param glm the fits
     * @param contrast one weight per coefficient
     * @param minmu lower bound on fitted means in the weights (DESeq2 results(): 0.5)
     * @return per-gene results
     */
    public static Result numeric(NegativeBinomialGlm.Result glm, double[] contrast, double minmu) {
        double[] prior = new double[glm.p];
        java.util.Arrays.fill(prior, 1e6);
        return numeric(glm, contrast, minmu, prior);
    }

    /**
     * getContrast with a beta prior: ridge 1 / (log(2)^2 betaPriorVar) per coefficient.
     *
     * @param glm the fits
     * @param contrast one weight per coefficient
     * @param minmu lower bound on fitted means in the weights
     * @param betaPriorVar prior variance per coefficient (1e6 = DESeq2's flat prior)
     * @return per-gene results
     */
    static Result numeric(NegativeBinomialGlm.Result glm, double[] contrast, double minmu, double[] betaPriorVar) {
        int n = glm.n;
        int m = glm.m;
        int p = glm.p;
        double ln2 = Math.log(2);
        double[] lambda = new double[p];
        for (int k = 0; k < p; k++) {
            lambda[k] = 1 / (ln2 * ln2 * betaPriorVar[k]);
        }
        double[] lfc = new double[n];
        double[] se = new double[n];
        double[] stat = new double[n];
        double[] pv = new double[n];
        double[] beta = new double[p];
        double[] w = new double[m];
        double[] xtwx = new double[p * p];
        double[] cellScratch = new double[glm.cells.count];
        double[] ridged = new double[p * p];
        double[] inv = new double[p * p];
        double[] t1 = new double[p * p];
        double[] sigma = new double[p * p];
        for (int g = 0; g < n; g++) {
            if (!glm.fitted[g]) {
                lfc[g] = se[g] = stat[g] = pv[g] = Double.NaN;
                continue;
            }
            double a = glm.alpha[g];
            for (int k = 0; k < p; k++) {
                beta[k] = ln2 * glm.betaLog2[g * p + k];
            }
            glm.cells.expLinearPredictors(beta, 0, cellScratch);
            for (int j = 0; j < m; j++) {
                double mu = Math.max(glm.sf[j] * cellScratch[glm.cells.cellOf[j]], minmu);
                w[j] = mu / (1.0 + a * mu);
            }
            glm.cells.weightedCrossprod(w, cellScratch, xtwx);
            System.arraycopy(xtwx, 0, ridged, 0, p * p);
            for (int k = 0; k < p; k++) {
                ridged[k * p + k] += lambda[k];
            }
            SmallMatrix.invert(ridged, p, inv, t1);
            SmallMatrix.multiply(inv, xtwx, p, t1);
            SmallMatrix.multiply(t1, inv, p, sigma);
            double num = 0;
            for (int k = 0; k < p; k++) {
                num += contrast[k] * beta[k];
            }
            double q = 0;
            for (int l = 0; l < p; l++) {
                double cs = 0;
                for (int k = 0; k < p; k++) {
                    cs += contrast[k] * sigma[k * p + l];
                }
                q += cs * contrast[l];
            }
            double est = RMath.LOG2E * num;
            double s = RMath.LOG2E * Math.sqrt(q);
            lfc[g] = est;
            se[g] = s;
            stat[g] = est / s;
            pv[g] = twoSidedPvalue(stat[g]);
        }
        return new Result(lfc, se, stat, pv);
    }
}
