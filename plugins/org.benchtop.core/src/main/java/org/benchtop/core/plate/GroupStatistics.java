package org.benchtop.core.plate;

import org.benchtop.core.stats.Mad;
import org.benchtop.core.stats.Median;
import org.benchtop.core.stats.Moments;

/**
 * Location and spread of one group of wells (the negative controls, the positive controls or the
 * samples of a plate), as R computes them: {@code mean}, {@code sd} (n − 1), {@code median},
 * {@code mad} (constant 1.4826) and the coefficient of variation {@code 100 · sd / mean}.
 *
 * @param n the number of wells used (not excluded, with a value)
 * @param mean the arithmetic mean; NaN if {@code n = 0}
 * @param sd the sample standard deviation; NaN if {@code n < 2}
 * @param median the median; NaN if {@code n = 0}
 * @param mad the scaled MAD; 0 for one well; NaN if {@code n = 0}
 * @param cvPercent {@code 100 · sd / mean}; NaN if {@code n < 2}
 */
public record GroupStatistics(int n, double mean, double sd, double median, double mad, double cvPercent) {

    /** The statistics of a group without wells. */
    public static final GroupStatistics EMPTY = new GroupStatistics(0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);

    /**
     * Computes the statistics of {@code values[0..n)}.
     *
     * @param values the values, without NaN; the first {@code n} are used and left reordered
     * @param n how many values
     * @return the statistics
     */
    public static GroupStatistics ofFirst(double[] values, int n) {
        if (n == 0) {
            return EMPTY;
        }
        double mean = Moments.mean(values, n);
        double sd = Math.sqrt(Moments.variance(values, n, mean));
        double median = Median.ofFirst(values, n);
        double mad = Mad.ofFirst(values, n, median);
        return new GroupStatistics(n, mean, sd, median, mad, 100 * sd / mean);
    }

    /**
     * @param values the values, without NaN (not modified)
     * @return their statistics
     */
    public static GroupStatistics of(double[] values) {
        return ofFirst(values.clone(), values.length);
    }
}
