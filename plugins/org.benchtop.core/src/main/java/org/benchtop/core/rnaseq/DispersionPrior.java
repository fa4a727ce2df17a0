package org.benchtop.core.rnaseq;

import java.util.Arrays;
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
 * For 1 <= m - p <= 3 (e.g. 2 vs 2 or 3 vs 2 samples) that approximation is poor and DESeq2
 * instead matches the distribution of the log residuals by a seeded simulation with R's random
 * numbers and a loess fit, reproduced exactly by {@link DispersionPriorSimulation} on the residuals
 * {@code log(dispGeneEst) - log(dispFit)} of the genes that are not all zero and whose gene-wise
 * estimate is at least 100 minDisp. For m = p the observed variance is used as it is.
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
     * @param genewise the gene-wise estimates (their residuals from the trend feed the simulation)
     * @param trend the fitted trend (carries varLogDispEsts and dispFit)
     * @param samples number of samples m
     * @param coefficients number of model coefficients p
     * @return the prior variance: for 1 &lt;= m - p &lt;= 3 from DESeq2's simulation (should no residual
     *         lie between -10 and 10, where DESeq2 stops with an error, the moment estimate with a
     *         warning); NaN if no gene-wise estimate exceeds 100 minDisp
     */
    public static Result estimate(GenewiseDispersion.Result genewise, DispersionTrend.Result trend, int samples,
            int coefficients) {
        double varLog = trend.varLogDispEsts();
        int df = samples - coefficients;
        if (Double.isNaN(varLog)) {
            return new Result(Double.NaN, varLog, Double.NaN, List.of());
        }
        if (df > 0) {
            double exp = RMath.trigamma(df / 2.0);
            if (df <= 3) {
                int n = genewise.geneCount();
                double[] residuals = new double[n];
                int k = 0;
                for (int g = 0; g < n; g++) {
                    if (!genewise.allZero(g) && genewise.dispGeneEst(g) >= GenewiseDispersion.MIN_DISP * 100) {
                        residuals[k++] = Math.log(genewise.dispGeneEst(g)) - Math.log(trend.dispFit(g));
                    }
                }
                try {
                    double v = DispersionPriorSimulation.estimate(Arrays.copyOf(residuals, k), df).dispPriorVar();
                    return new Result(v, varLog, exp, List.of());
                } catch (IllegalArgumentException e) {
                    // no residual inside (-10, 10): DESeq2's loess stops with an error here
                    double v = Math.max(varLog - exp, 0.25);
                    return new Result(v, varLog, exp, List.of(String.format(java.util.Locale.ROOT,
                            "No log dispersion residual lies between -10 and 10, so DESeq2's simulation for %d "
                                    + "residual degrees of freedom cannot run (DESeq2 stops with an error); the moment "
                                    + "estimate max(varLogDispEsts - trigamma(df/2), 0.25) = %.6g is used instead.",
                            Integer.valueOf(df), Double.valueOf(v))));
                }
            }
            return new Result(Math.max(varLog - exp, 0.25), varLog, exp, List.of());
        }
        return new Result(varLog, varLog, 0, List.of());
    }
}
