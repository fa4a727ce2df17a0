package org.benchtop.core.stats;

/**
 * Mean, variance and standard deviation computed as R does: the mean is the sum divided by
 * {@code n} followed by one correction pass, {@code m += Σ(x − m)/n} (R's {@code mean.default});
 * the variance is the two-pass {@code Σ(x − m)²/(n − 1)} (R's {@code var}, {@code sd}). See
 * Chan, Golub &amp; LeVeque 1983, doi:10.1080/00031305.1983.10483115, for the two-pass algorithm.
 */
public final class Moments {

    private Moments() {
    }

    /**
     * @param x the values (NaN propagates)
     * @return the arithmetic mean; NaN if empty
     */
    public static double mean(double[] x) {
        return mean(x, x.length);
    }

    /**
     * @param x the values; the first {@code n} are used
     * @param n how many values to use
     * @return the arithmetic mean of {@code x[0..n)}; NaN if {@code n == 0}
     */
    public static double mean(double[] x, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        double m = s / n;
        if (Double.isFinite(m)) {
            double c = 0;
            for (int i = 0; i < n; i++) {
                c += x[i] - m;
            }
            m += c / n;
        }
        return m;
    }

    /**
     * The unbiased sample variance {@code Σ(x − mean)²/(n − 1)}.
     *
     * @param x the values; the first {@code n} are used
     * @param n how many values to use
     * @param mean their mean ({@link #mean(double[], int)})
     * @return the variance in squared units of {@code x}; NaN if {@code n < 2}
     */
    public static double variance(double[] x, int n, double mean) {
        if (n < 2) {
            return Double.NaN;
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            ss += d * d;
        }
        return ss / (n - 1);
    }

    /**
     * @param x the values; the first {@code n} are used
     * @param n how many values to use
     * @return the sample standard deviation (R's {@code sd}); NaN if {@code n < 2}
     */
    public static double sd(double[] x, int n) {
        return Math.sqrt(variance(x, n, mean(x, n)));
    }

    /**
     * @param x the values
     * @return the sample standard deviation (R's {@code sd}); NaN if fewer than 2 values
     */
    public static double sd(double[] x) {
        return sd(x, x.length);
    }
}
