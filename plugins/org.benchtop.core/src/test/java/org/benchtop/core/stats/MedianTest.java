package org.benchtop.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Median, MAD and moments against sorting and against values printed by R 4.2.2. */
class MedianTest {

    /** Selection must give exactly the sorted-array median, for odd and even n, with many ties. */
    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 5, 16, 17, 24, 32, 48, 380, 381, 1536 })
    void selectionEqualsSortedMedianExactly(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        for (int trial = 0; trial < 200; trial++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct values in half of the trials: ties everywhere
                x[i] = trial % 2 == 0 ? rnd.nextGaussian() * 1e6 : rnd.nextInt(4);
            }
            double[] s = x.clone();
            Arrays.sort(s);
            double expected = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            assertEquals(expected, Median.of(x), 0.0);
            for (int k = 0; k < n; k += Math.max(1, n / 7)) {
                double[] c = x.clone();
                assertEquals(s[k], Median.select(c, n, k), 0.0);
                for (int i = 0; i < n; i++) {
                    assertTrue(i < k ? c[i] <= c[k] : i == k || c[i] >= c[k]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 100, 1000 })
    void sortedAndReversedInputs(int n) {
        double[] up = new double[n];
        double[] down = new double[n];
        for (int i = 0; i < n; i++) {
            up[i] = i;
            down[i] = n - i;
        }
        assertEquals((n - 1) / 2.0, Median.of(up), 0.0);
        assertEquals((n + 1) / 2.0, Median.of(down), 0.0);
    }

    /**
     * R 4.2.2: {@code median(x)}, {@code mad(x)}, {@code mean(x)}, {@code sd(x)}; values printed with
     * {@code options(digits = 17)}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3 1 4 1 5 9 2 6 | 3.5 | 2.9651999999999998 | 3.875 | 2.7483761439387129",
        "1 2 2 3 5       | 2   | 1.4825999999999999 | 2.6000000000000001 | 1.5165750888103100",
        "7               | 7   | 0                  | 7   | NaN" })
    void matchesR(String xs, double median, double mad, double mean, double sd) {
        double[] x = Arrays.stream(xs.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(median, Median.of(x), 0.0);
        assertEquals(mad, Mad.of(x), 1e-15 * mad);
        assertEquals(mean, Moments.mean(x), 1e-15 * mean);
        assertEquals(sd, Moments.sd(x), Double.isNaN(sd) ? 0 : 1e-14 * sd);
    }

    @org.junit.jupiter.api.Test
    void missingAndEmpty() {
        assertTrue(Double.isNaN(Median.of(new double[0])));
        assertTrue(Double.isNaN(Median.of(new double[] { 1, Double.NaN })));
        assertEquals(1.5, Median.ofNonNaN(new double[] { 1, Double.NaN, 2 }), 0.0);
        assertTrue(Double.isNaN(Median.ofNonNaN(new double[] { Double.NaN })));
        assertTrue(Double.isNaN(Mad.of(new double[0])));
        assertTrue(Double.isNaN(Moments.mean(new double[0])));
        assertEquals(Double.MAX_VALUE, Median.of(new double[] { Double.MAX_VALUE, Double.MAX_VALUE }), 0.0);
    }
}
