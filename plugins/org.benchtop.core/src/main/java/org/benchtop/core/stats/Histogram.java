package org.benchtop.core.stats;

import java.util.Arrays;

/**
 * A histogram with given breaks as R's {@code hist(x, breaks, plot = FALSE)} with its defaults
 * ({@code right = TRUE}, {@code include.lowest = TRUE}, {@code fuzz = 1e-7}; R 4.2.2,
 * {@code graphics:::hist.default} and its C routine {@code BinCount}):
 * <ul>
 * <li>non-finite values are dropped; n is the number of the others;</li>
 * <li>the breaks b_0 &lt; ... &lt; b_k are sorted and moved by a fuzz, so that values equal to a break
 * up to rounding fall as R's do: with {@code d = 1e-7 * median(diff(b))} (for more than five breaks;
 * the smallest positive width for four or five; the range of x for two or three),
 * {@code b_0 - d} and {@code b_j + d} for j &gt;= 1;</li>
 * <li>bin j counts the values in {@code (b'_{j-1}, b'_j]}, the first bin also {@code b'_0} itself
 * (right-closed, lowest included), found by bisection;</li>
 * <li>the density of bin j is {@code counts_j / (n (b_j - b_{j-1}))}.</li>
 * </ul>
 * Becker, Chambers and Wilks (1988), <i>The New S Language</i>, Wadsworth (hist); the counts and
 * densities are identical to R's.
 */
public final class Histogram {

    private final double[] breaks;
    private final int[] counts;
    private final double[] density;
    private final int n;

    private Histogram(double[] breaks, int[] counts, double[] density, int n) {
        this.breaks = breaks;
        this.counts = counts;
        this.density = density;
        this.n = n;
    }

    /**
     * Bins x as R's {@code hist(x, breaks = breaks, plot = FALSE)}.
     *
     * @param x the values; NaN and infinite ones are ignored
     * @param breaks at least two distinct finite breaks, in any order
     * @return the histogram
     * @throws IllegalArgumentException for fewer than two breaks, non-finite or repeated breaks, or a
     *         finite value outside the breaks (R: "some 'x' not counted; maybe 'breaks' do not span
     *         range of 'x'")
     */
    public static Histogram of(double[] x, double[] breaks) {
        if (breaks.length < 2) {
            throw new IllegalArgumentException("A histogram needs at least two breaks, got " + breaks.length);
        }
        double[] b = breaks.clone();
        Arrays.sort(b);
        int nb = b.length;
        double[] h = new double[nb - 1];
        for (int j = 0; j < nb - 1; j++) {
            if (!Double.isFinite(b[j]) || !Double.isFinite(b[j + 1]) || !(b[j + 1] > b[j])) {
                throw new IllegalArgumentException("Histogram breaks must be finite and distinct; got "
                        + Arrays.toString(breaks));
            }
            h[j] = b[j + 1] - b[j];
        }
        int n = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (Double.isFinite(v)) {
                n++;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double diddle;
        if (nb > 5) {
            diddle = 1e-7 * median(h);
        } else if (nb <= 3) {
            diddle = 1e-7 * (n == 0 ? Double.NaN : hi - lo);
        } else {
            double min = Double.POSITIVE_INFINITY;
            for (double w : h) {
                min = Math.min(min, w);
            }
            diddle = 1e-7 * min;
        }
        double[] fuzzy = new double[nb];
        fuzzy[0] = b[0] + -diddle;
        for (int j = 1; j < nb; j++) {
            fuzzy[j] = b[j] + diddle;
        }
        int[] counts = new int[nb - 1];
        int counted = 0;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                continue;
            }
            int l = 0;
            int u = nb - 1;
            if (fuzzy[l] <= v && v <= fuzzy[u]) {
                while (u - l >= 2) {
                    int mid = (u + l) / 2;
                    if (v > fuzzy[mid]) {
                        l = mid;
                    } else {
                        u = mid;
                    }
                }
                counts[l]++;
                counted++;
            }
        }
        if (counted < n) {
            throw new IllegalArgumentException("some 'x' not counted; maybe 'breaks' do not span range of 'x' ("
                    + (n - counted) + " of " + n + " values outside [" + b[0] + ", " + b[nb - 1] + "])");
        }
        double[] density = new double[nb - 1];
        for (int j = 0; j < nb - 1; j++) {
            density[j] = counts[j] / (n * h[j]);
        }
        return new Histogram(b, counts, density, n);
    }

    /** R's median of the bin widths (the mean of the two middle values for an even count). */
    private static double median(double[] h) {
        double[] s = h.clone();
        Arrays.sort(s);
        int k = s.length;
        return k % 2 == 1 ? s[k / 2] : s[k / 2 - 1] * 0.5 + s[k / 2] * 0.5;
    }

    /** @return the sorted breaks (without fuzz) */
    public double[] breaks() {
        return breaks.clone();
    }

    /** @return the number of values in each bin */
    public int[] counts() {
        return counts.clone();
    }

    /** @return the density of each bin, {@code counts / (n * width)}; NaN for every bin when n = 0 */
    public double[] density() {
        return density.clone();
    }

    /** @return the number of finite values binned */
    public int n() {
        return n;
    }
}
