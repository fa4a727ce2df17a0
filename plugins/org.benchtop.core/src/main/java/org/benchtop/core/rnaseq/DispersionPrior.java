package org.benchtop.core.rnaseq;

import java.util.List;

/**
 * Step 4 of DESeq2 ({@code estimateDispersionsPriorVar}): the variance of the normal prior on
 * log dispersions around the trend. The observed variance of the log residuals
 * (varLogDispEsts = mad^2, from {@link DispersionTrend}) includes the sampling variance of the
 * log gene-wise estimates, which for m samples and p coefficients is approximately
 * trigamma((m - p) / 2); the prior variance is the excess, at least 0.25:
 *
 * <pre>dispPriorVar = max(varLogDispEsts - trigamma((m - p)/2), 0.25)   (m > p + 3)</pre>
 *
 * For m = p the observed variance is used as it is. For 1 <= m - p <= 3 DESeq2 matches the
 * residual distribution by simulation with R's random number generator and a loess fit; that
 * branch is not reproduced here: the formula above is used and a warning says so.
 *
 * <p>Love, Huber and Anders (2014), Genome Biology 15:550, doi:10.1186/s13059-014-0550-8
 * (Methods, "Dispersion prior").
 */
public final class DispersionPrior {

    /**
     * @param dispPriorVar the prior variance of log dispersions
     * @param varLogDispEsts the observed variance of the log residuals
     * @param expectedSamplingVariance trigamma((m - p)/2) (0 if m = p)
     * @param warnings notes for the user
     */
    public record Result(double dispPriorVar, double varLogDispEsts, double expectedSamplingVariance,
            List<String> warnings) {
    }

    private DispersionPrior() {
    }

    /**
     * @param trend the fitted trend (carries varLogDispEsts)
     * @param samples number of samples m
     * @param coefficients number of model coefficients p
     * @return the prior variance
     */
    public static Result estimate(DispersionTrend.Result trend, int samples, int coefficients) {
        double varLog = trend.varLogDispEsts();
        int df = samples - coefficients;
        if (Double.isNaN(varLog)) {
            return new Result(Double.NaN, varLog, Double.NaN, List.of());
        }
        if (df > 0) {
            double exp = RMath.trigamma(df / 2.0);
            double v = Math.max(varLog - exp, 0.25);
            if (df <= 3) {
                return new Result(v, varLog, exp, List.of(String.format(java.util.Locale.ROOT,
                        "With %d residual degrees of freedom DESeq2 estimates the dispersion prior variance by a "
                                + "seeded simulation (R's RNG + loess), which is not reproduced; the moment estimate "
                                + "max(varLogDispEsts - trigamma(df/2), 0.25) = %.6g is used, so dispersions may "
                                + "differ slightly from DESeq2's.", Integer.valueOf(df), Double.valueOf(v))));
            }
            return new Result(v, varLog, exp, List.of());
        }
        return new Result(varLog, varLog, 0, List.of());
    }
}
