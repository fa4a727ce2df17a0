package org.benchtop.core.stats;

/**
 * The median absolute deviation scaled to be a consistent estimator of the standard deviation
 * under normality, as R's {@code mad(x)}: {@code MAD = 1.4826 · median(|x − median(x)|)}
 * (Hampel 1974, doi:10.1080/01621459.1974.10482962; the constant is R's default
 * {@code 1/qnorm(3/4)} rounded to 1.4826).
 */
public final class Mad {

    /** R's default scale constant of {@code mad()}. */
    public static final double CONSTANT = 1.4826;

    private Mad() {
    }

    /**
     * R's {@code mad(x)} (centre = median, constant 1.4826, no NA removal).
     *
     * @param x the values (not modified)
     * @return the MAD, in the units of {@code x}; 0 for one value; NaN if empty or any value is NaN
     */
    public static double of(double[] x) {
        for (double v : x) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
        }
        double[] scratch = x.clone();
        double center = Median.ofFirst(scratch, scratch.length);
        return ofFirst(scratch, scratch.length, center);
    }

    /**
     * The MAD of {@code scratch[0..n)} around a given centre, overwriting that range with the
     * absolute deviations (no copy, for hot loops).
     *
     * @param scratch the values, without NaN; the first {@code n} are overwritten
     * @param n how many values to use
     * @param center the centre, normally the median of the same values
     * @return {@code 1.4826 · median(|x − center|)}; NaN if {@code n == 0}
     */
    public static double ofFirst(double[] scratch, int n, double center) {
        for (int i = 0; i < n; i++) {
            scratch[i] = Math.abs(scratch[i] - center);
        }
        return CONSTANT * Median.ofFirst(scratch, n);
    }
}
