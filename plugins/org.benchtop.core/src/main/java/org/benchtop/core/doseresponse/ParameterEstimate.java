package org.benchtop.core.doseresponse;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * One parameter of a fitted curve.
 *
 * @param parameter which parameter
 * @param estimate the estimate, in the parameter's natural units (the EC50 in dose units); for a
 *        fixed parameter its fixed value
 * @param se the standard error under the fit's {@link SeConvention}; NaN for a fixed parameter or
 *        when the covariance is singular
 * @param lower the lower end of the t-based (Wald) confidence interval {@code estimate - t se},
 *        t the 0.975 quantile of Student's t with {@code df} degrees of freedom (what drc
 *        {@code confint} and R {@code nls} print); NaN when the SE is NaN
 * @param upper the upper end of that interval
 * @param df the residual degrees of freedom used for the interval and {@link #pValue()}
 * @param fixed whether the parameter was fixed (not estimated)
 */
public record ParameterEstimate(LogLogisticParameter parameter, double estimate, double se, double lower,
        double upper, int df, boolean fixed) {

    /** @return the t statistic {@code estimate / se} for the hypothesis "parameter = 0" (NaN if no SE) */
    public double t() {
        return estimate / se;
    }

    /** @return the two-sided p-value of {@link #t()} with {@code df} degrees of freedom (NaN if no SE) */
    public double pValue() {
        double t = t();
        if (!Double.isFinite(t) || df < 1) {
            return Double.NaN;
        }
        return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    }
}
