package org.benchtop.core.stats;

import java.util.Arrays;

/**
 * The sample median, computed by selection (Hoare's FIND / quickselect, Hoare 1961,
 * doi:10.1145/366622.366647) in expected linear time instead of a full sort.
 *
 * <p>The result equals R's {@code median(x)}: for odd {@code n} the middle order statistic
 * {@code x(⌈n/2⌉)}; for even {@code n} the mean of the two middle order statistics
 * {@code (x(n/2) + x(n/2+1)) / 2}, computed in double precision (correctly rounded, as R's
 * extended-precision {@code mean} of two values is in all but pathological halfway cases).
 */
public final class Median {

    /** After this many partition rounds the remaining range is sorted instead (worst-case guard). */
    private static final int MAX_ROUNDS = 64;

    private Median() {
    }

    /**
     * The median of all values, as R's {@code median(x)} (no NA removal).
     *
     * @param x the values (not modified)
     * @return the median; NaN if {@code x} is empty or contains NaN
     */
    public static double of(double[] x) {
        for (double v : x) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
        }
        return ofFirst(x.clone(), x.length);
    }

    /**
     * The median of the values that are not NaN, as R's {@code median(x, na.rm = TRUE)}.
     *
     * @param x the values (not modified)
     * @return the median; NaN if no value is left
     */
    public static double ofNonNaN(double[] x) {
        double[] scratch = new double[x.length];
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                scratch[n++] = v;
            }
        }
        return ofFirst(scratch, n);
    }

    /**
     * The median of {@code scratch[0..n)}, reordering that range in place (no copy, for hot loops).
     *
     * @param scratch the values; the first {@code n} are used and left partially reordered; they
     *        must not contain NaN (the caller removes them)
     * @param n how many values to use, {@code 0 <= n <= scratch.length}
     * @return the median; NaN if {@code n == 0}
     */
    public static double ofFirst(double[] scratch, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int k = (n - 1) >>> 1;
        double lower = select(scratch, n, k);
        if ((n & 1) == 1) {
            return lower;
        }
        // after selection every value at an index > k is >= scratch[k]: the upper middle is their minimum
        double upper = scratch[k + 1];
        for (int i = k + 2; i < n; i++) {
            if (scratch[i] < upper) {
                upper = scratch[i];
            }
        }
        return mean2(lower, upper);
    }

    /**
     * The {@code k}-th smallest (0-based) of {@code a[0..n)}. Afterwards {@code a[k]} holds it,
     * every value before index {@code k} is {@code <=} it and every value after it is {@code >=} it.
     *
     * @param a the values, without NaN; reordered in place
     * @param n how many values to use
     * @param k the 0-based rank, {@code 0 <= k < n}
     * @return the order statistic
     * @throws IndexOutOfBoundsException if {@code k} is not in [0, n)
     */
    public static double select(double[] a, int n, int k) {
        if (k < 0 || k >= n || n > a.length) {
            throw new IndexOutOfBoundsException("rank " + k + " of " + n + " values");
        }
        int l = 0;
        int r = n - 1;
        int rounds = 0;
        while (l < r) {
            if (++rounds > MAX_ROUNDS) {
                Arrays.sort(a, l, r + 1);
                return a[k];
            }
            double x = medianOf3(a[l], a[(l + r) >>> 1], a[r]);
            int i = l;
            int j = r;
            do {
                while (a[i] < x) {
                    i++;
                }
                while (x < a[j]) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < k) {
                l = i;
            }
            if (k < i) {
                r = j;
            }
        }
        return a[k];
    }

    /** (a + b) / 2 without overflow; equals the correctly rounded mean for finite a, b. */
    static double mean2(double a, double b) {
        double s = (a + b) * 0.5;
        if (Double.isInfinite(s) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            return a * 0.5 + b * 0.5;
        }
        return s;
    }

    private static double medianOf3(double a, double b, double c) {
        if (a < b) {
            return b < c ? b : (a < c ? c : a);
        }
        return a < c ? a : (b < c ? c : b);
    }
}
