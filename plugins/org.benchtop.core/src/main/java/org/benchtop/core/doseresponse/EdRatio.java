package org.benchtop.core.doseresponse;

/**
 * The ratio of two effective doses ED_p(curve 1) / ED_p(curve 2) with its delta-method standard
 * error: drc's {@code EDcomp} / {@code compParm(..., "/")} (Ritz et al. 2015, PLoS ONE
 * 10:e0146021). Curves from one joint fit use the full covariance matrix (with the pooled residual
 * variance); curves fitted separately are treated as independent.
 *
 * @param level the relative level p (50 for the EC50 ratio)
 * @param ratio the ratio
 * @param se its delta-method standard error
 * @param t the t statistic for "ratio = 1": {@code (ratio - 1) / se}
 * @param pValue two-sided p-value of {@code t} with {@code df} degrees of freedom
 * @param lower lower end of the t-based 95% interval {@code ratio - t se}
 * @param upper upper end of that interval
 * @param df degrees of freedom (of the joint fit, or the sum of the two fits' for independent fits)
 */
public record EdRatio(double level, double ratio, double se, double t, double pValue, double lower, double upper,
        int df) {

    /**
     * The ratio ED_p(a) / ED_p(b) for two independently fitted curves (no covariance between them;
     * degrees of freedom {@code df_a + df_b}). For curves that share a residual variance use
     * {@link LogLogisticFitter.JointResult#edRatio}.
     *
     * @param a the numerator curve
     * @param b the denominator curve
     * @param p the relative level in (0, 100), 50 for the EC50 ratio
     * @return the ratio with delta-method SE
     */
    public static EdRatio independent(LogLogisticFitter.Result a, LogLogisticFitter.Result b, double p) {
        return CurveStatistics.independentRatio(a, b, p);
    }
}
