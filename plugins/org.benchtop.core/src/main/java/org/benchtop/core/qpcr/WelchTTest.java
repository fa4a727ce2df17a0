package org.benchtop.core.qpcr;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's two-sample t-test with confidence interval, as R's {@code t.test(x, y)} (unequal
 * variances) and the R package {@code pcr}'s {@code pcr_test(test = "t.test")} on ΔCq values
 * (Welch 1947, Biometrika 34:28, doi:10.1093/biomet/34.1-2.28; Yuan et al. 2006, BMC
 * Bioinformatics 7:85, doi:10.1186/1471-2105-7-85):
 * <pre>
 *   t = (mean x - mean y) / sqrt(s_x²/n_x + s_y²/n_y)
 *   df = (s_x²/n_x + s_y²/n_y)² / ((s_x²/n_x)²/(n_x-1) + (s_y²/n_y)²/(n_y-1))
 *   p = 2·P(T_df &gt; |t|),   CI = (mean x - mean y) ± t_{df,1-α/2}·sqrt(s_x²/n_x + s_y²/n_y)
 * </pre>
 * With {@link #withEqualVariances(boolean) equal variances} it is Student's test with the pooled
 * variance and {@code n_x + n_y - 2} degrees of freedom ({@code t.test(var.equal = TRUE)}, equal to
 * {@code lm(ΔCq ~ group)}, pcr's {@code pcr_test(test = "lm")} for two groups).
 */
public final class WelchTTest {

    private final double confidenceLevel;
    private final boolean equalVariances;

    private WelchTTest(double confidenceLevel, boolean equalVariances) {
        this.equalVariances = equalVariances;
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw QpcrException.badInput("Confidence level %s must be between 0 and 1 (e.g. 0.95)",
                    Double.valueOf(confidenceLevel));
        }
        this.confidenceLevel = confidenceLevel;
    }

    /** @return the test at 95 % confidence */
    public static WelchTTest withDefaults() {
        return new WelchTTest(0.95, false);
    }

    /**
     * @param equal whether to assume equal variances (Student's pooled t-test)
     * @return a copy with that setting
     */
    public WelchTTest withEqualVariances(boolean equal) {
        return new WelchTTest(confidenceLevel, equal);
    }

    /**
     * @param level the confidence level of the interval, in (0, 1)
     * @return a copy with that level
     */
    public WelchTTest withConfidenceLevel(double level) {
        return new WelchTTest(level, equalVariances);
    }

    /**
     * @param estimate mean x - mean y
     * @param t the t statistic
     * @param df the degrees of freedom (Welch, or n_x + n_y - 2 with equal variances)
     * @param pValue the two-sided p-value
     * @param lower the lower confidence bound of the difference
     * @param upper the upper confidence bound
     * @param confidenceLevel the level used
     */
    public record Result(double estimate, double t, double df, double pValue, double lower, double upper,
            double confidenceLevel) {
    }

    /**
     * @param x the first sample (e.g. ΔCq of the treated group), NaN values removed
     * @param y the second sample (e.g. ΔCq of the control group)
     * @return the test
     * @throws QpcrException (BAD_INPUT) if a sample has fewer than 2 values or both have zero variance
     */
    public Result test(double[] x, double[] y) {
        x = finite(x);
        y = finite(y);
        if (x.length < 2 || y.length < 2) {
            throw QpcrException.badInput("Welch t-test needs at least 2 values per group (got %d and %d)",
                    Integer.valueOf(x.length), Integer.valueOf(y.length));
        }
        double vx = Math.pow(QMath.sd(x), 2) / x.length;
        double vy = Math.pow(QMath.sd(y), 2) / y.length;
        double se = Math.sqrt(vx + vy);
        double df = (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        if (equalVariances) {
            df = x.length + y.length - 2.0;
            double sp2 = (vx * x.length * (x.length - 1) + vy * y.length * (y.length - 1)) / df;
            se = Math.sqrt(sp2 * (1.0 / x.length + 1.0 / y.length));
        }
        if (!(se > 0)) {
            throw QpcrException.badInput("Welch t-test: both groups are constant; the data are essentially "
                    + "constant and no test is possible");
        }
        double d = QMath.mean(x) - QMath.mean(y);
        double t = d / se;
        TDistribution td = new TDistribution(null, df, 1e-15);
        double p = 2 * td.cumulativeProbability(-Math.abs(t));
        double q = -td.inverseCumulativeProbability((1 - confidenceLevel) / 2);
        return new Result(d, t, df, Math.min(1, p), d - q * se, d + q * se, confidenceLevel);
    }

    static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
    }
}
