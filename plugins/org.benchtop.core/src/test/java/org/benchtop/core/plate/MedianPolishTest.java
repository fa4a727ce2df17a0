package org.benchtop.core.plate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Median polish: a small case printed by R, an independent straightforward implementation (sorting
 * medians, as R's code reads), and the defining properties of the converged decomposition.
 */
class MedianPolishTest {

    /**
     * R 4.2.2: {@code m <- matrix(c(1,5,3,NA, 2,8,NA,4, 7,7,1,0, 3,2,9,6, NA,NA,NA,NA), nrow = 5, byrow =
     * TRUE); medpolish(m, eps = 1e-5, maxiter = 200, na.rm = TRUE)}: a row with no value gets an NA
     * effect and NA residuals.
     */
    @Test
    void smallTableWithMissingCellsAndAnEmptyRowMatchesR() {
        double n = Double.NaN;
        double[] m = { 1, 5, 3, n, 2, 8, n, 4, 7, 7, 1, 0, 3, 2, 9, 6, n, n, n, n };
        MedianPolish.Result r = MedianPolish.withDefaults().fit(m, 5, 4);
        assertEquals(3.5, r.overall(), 0.0);
        assertArrayEquals(new double[] { -0.625, 0.625, -1.0625, 2.0625, n }, r.row(), 0.0);
        assertArrayEquals(new double[] { -2, 3, 0.125, -0.125 }, r.column(), 0.0);
        assertArrayEquals(new double[] { 0.125, -0.875, 0, n, -0.125, 0.875, n, 0, 6.5625, 1.5625, -1.5625, -2.3125,
                -0.5625, -6.5625, 3.3125, 0.5625, n, n, n, n }, r.residuals(), 0.0);
        assertTrue(r.converged());
    }

    /** The quickselect implementation equals a literal transcription of R's loop using sorting. */
    @ParameterizedTest
    @CsvSource({ "2,3", "4,6", "8,12", "16,24", "32,48", "5,1", "1,7" })
    void equalsStraightforwardImplementationBitForBit(int rows, int cols) {
        SplittableRandom rnd = new SplittableRandom(rows * 100 + cols);
        for (int trial = 0; trial < 30; trial++) {
            double[] x = randomPlate(rnd, rows, cols, trial % 3 == 0 ? 0.1 : 0);
            MedianPolish.Result fast = MedianPolish.withDefaults().fit(x, rows, cols);
            double[] slow = naive(x, rows, cols, 1e-5, 200);
            assertEquals(slow[0], fast.overall(), 0.0);
            for (int i = 0; i < rows; i++) {
                assertEquals(slow[1 + i], fast.rowEffect(i), 0.0);
            }
            for (int j = 0; j < cols; j++) {
                assertEquals(slow[1 + rows + j], fast.columnEffect(j), 0.0);
            }
        }
    }

    /**
     * Properties at the fixed point (eps 0, 2000 iterations; with the usual eps the sweeps stop
     * earlier, at row medians of up to 1 % of the residual MAD): every column median of the residuals
     * is 0 (the last step), every row median is ~0, the median of the row effects is 0, and overall +
     * row + column + residual reconstructs the data.
     */
    @ParameterizedTest
    @CsvSource({ "8,12", "16,24", "32,48" })
    void convergedDecompositionHasZeroMedians(int rows, int cols) {
        SplittableRandom rnd = new SplittableRandom(rows);
        for (int trial = 0; trial < 10; trial++) {
            double[] x = randomPlate(rnd, rows, cols, 0.05);
            MedianPolish.Result r = MedianPolish.of(0, 2000).fit(x, rows, cols);
            double[] res = r.residuals();
            double scale = org.benchtop.core.stats.Mad.of(nonNaN(res));
            for (int j = 0; j < cols; j++) {
                double[] c = new double[rows];
                for (int i = 0; i < rows; i++) {
                    c[i] = res[i * cols + j];
                }
                assertEquals(0, org.benchtop.core.stats.Median.ofNonNaN(c), 1e-9 * scale, "column " + j);
            }
            for (int i = 0; i < rows; i++) {
                double rowMedian = org.benchtop.core.stats.Median.ofNonNaN(Arrays.copyOfRange(res, i * cols,
                        (i + 1) * cols));
                assertEquals(0, rowMedian, 1e-9 * scale, "row " + i);
            }
            assertEquals(0, org.benchtop.core.stats.Median.of(r.row()), 1e-9 * scale);
            assertEquals(0, Math.abs(org.benchtop.core.stats.Median.of(r.column())), 0.5 * scale);
            for (int w = 0; w < x.length; w++) {
                if (!Double.isNaN(x[w])) {
                    double back = r.overall() + r.rowEffect(w / cols) + r.columnEffect(w % cols) + res[w];
                    assertEquals(x[w], back, 1e-9 * Math.abs(x[w]));
                    assertEquals(res[w], r.residualOf(w / cols, w % cols, x[w]), 1e-9 * Math.abs(x[w]));
                }
            }
        }
    }

    /**
     * The medians come from insertion-sorted cell orders kept from sweep to sweep; the result must
     * equal, bit for bit (including the sign of zero residuals and effects), that of selecting each
     * median from the cells in their place (quickselect, {@code Median.ofFirst}), the implementation
     * before: on noisy plates, on small-integer plates full of ties and zero medians, and with
     * missing cells and -0.0 values.
     */
    @ParameterizedTest
    @CsvSource({ "2,3", "4,6", "8,12", "16,24", "32,48", "5,1", "1,7", "3,3" })
    void equalsSelectionImplementationBitForBit(int rows, int cols) {
        SplittableRandom rnd = new SplittableRandom(rows * 1000 + cols);
        for (int trial = 0; trial < 60; trial++) {
            double[] x = trial % 2 == 0 ? randomPlate(rnd, rows, cols, trial % 4 == 0 ? 0.1 : 0)
                    : smallIntegerPlate(rnd, rows, cols, trial % 3 == 0 ? 0.15 : 0);
            MedianPolish.Result fast = MedianPolish.withDefaults().fit(x, rows, cols);
            Object[] before = bySelection(x, rows, cols, 1e-5, 200);
            assertEquals(bits(((Double) before[0]).doubleValue()), bits(fast.overall()), "overall");
            assertArrayEquals(bits((double[]) before[1]), bits(fast.row()), "rows");
            assertArrayEquals(bits((double[]) before[2]), bits(fast.column()), "columns");
            assertArrayEquals(bits((double[]) before[3]), bits(fast.residuals()), "residuals");
            assertEquals(((Integer) before[4]).intValue(), fast.iterations(), "iterations");
        }
    }

    /** Values -2..2 (many ties, zero medians), some -0.0, some missing. */
    static double[] smallIntegerPlate(SplittableRandom rnd, int rows, int cols, double missing) {
        double[] x = new double[rows * cols];
        for (int w = 0; w < x.length; w++) {
            int v = rnd.nextInt(5) - 2;
            x[w] = rnd.nextDouble() < missing ? Double.NaN : v == 0 && rnd.nextBoolean() ? -0.0 : v;
        }
        return x;
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = bits(v[i]);
        }
        return b;
    }

    /**
     * The fit as it was before the sorted cell orders: every median selected (quickselect) from the
     * cells of the row or column in their place. Returns overall, rows, columns, residuals, iterations.
     */
    private static Object[] bySelection(double[] x, int rows, int columns, double eps, int maxIterations) {
        double[] z = x.clone();
        double[] r = new double[rows];
        double[] c = new double[columns];
        double[] scratch = new double[Math.max(rows, columns)];
        double t = 0;
        double oldSum = 0;
        int iter = 0;
        while (iter < maxIterations) {
            iter++;
            for (int i = 0; i < rows; i++) {
                int n = 0;
                for (int j = 0; j < columns; j++) {
                    if (!Double.isNaN(x[i * columns + j])) {
                        scratch[n++] = z[i * columns + j];
                    }
                }
                double delta = org.benchtop.core.stats.Median.ofFirst(scratch, n);
                if (n == 0) {
                    r[i] = Double.NaN;
                }
                for (int j = 0; j < columns; j++) {
                    if (!Double.isNaN(x[i * columns + j])) {
                        z[i * columns + j] -= delta;
                    }
                }
                r[i] += delta;
            }
            double delta = medianOfNonNaN(c, scratch);
            for (int j = 0; j < columns; j++) {
                c[j] -= delta;
            }
            t += delta;
            for (int j = 0; j < columns; j++) {
                int n = 0;
                for (int i = 0; i < rows; i++) {
                    if (!Double.isNaN(x[i * columns + j])) {
                        scratch[n++] = z[i * columns + j];
                    }
                }
                double cd = org.benchtop.core.stats.Median.ofFirst(scratch, n);
                if (n == 0) {
                    c[j] = Double.NaN;
                }
                for (int i = 0; i < rows; i++) {
                    if (!Double.isNaN(x[i * columns + j])) {
                        z[i * columns + j] -= cd;
                    }
                }
                c[j] += cd;
            }
            delta = medianOfNonNaN(r, scratch);
            for (int i = 0; i < rows; i++) {
                r[i] -= delta;
            }
            t += delta;
            double newSum = 0;
            for (int j = 0; j < columns; j++) {
                for (int i = 0; i < rows; i++) {
                    if (!Double.isNaN(x[i * columns + j])) {
                        newSum += Math.abs(z[i * columns + j]);
                    }
                }
            }
            if (newSum == 0 || Math.abs(newSum - oldSum) < eps * newSum) {
                break;
            }
            oldSum = newSum;
        }
        return new Object[] { Double.valueOf(t), r, c, z, Integer.valueOf(iter) };
    }

    private static double medianOfNonNaN(double[] v, double[] scratch) {
        int n = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                scratch[n++] = d;
            }
        }
        return org.benchtop.core.stats.Median.ofFirst(scratch, n);
    }

    @Test
    void iterationLimitIsReported() {
        SplittableRandom rnd = new SplittableRandom(3);
        MedianPolish.Result r = MedianPolish.of(0, 1).fit(randomPlate(rnd, 16, 24, 0), 16, 24);
        assertFalse(r.converged());
        assertEquals(1, r.iterations());
    }

    @Test
    void constantTableConvergesAtOnce() {
        double[] x = new double[96];
        Arrays.fill(x, 5);
        MedianPolish.Result r = MedianPolish.withDefaults().fit(x, 8, 12);
        assertEquals(5, r.overall(), 0.0);
        assertTrue(r.converged());
        assertEquals(1, r.iterations());
    }

    static double[] randomPlate(SplittableRandom rnd, int rows, int cols, double missing) {
        double[] x = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                x[i * cols + j] = rnd.nextDouble() < missing ? Double.NaN
                        : 1e5 + 3000 * i - 500 * j + 2000 * rnd.nextGaussian() + (rnd.nextInt(50) == 0 ? 5e4 : 0);
            }
        }
        return x;
    }

    private static double[] nonNaN(double[] v) {
        return Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
    }

    /** R's medpolish loop, transcribed literally with sort-based medians; returns overall, rows, columns. */
    private static double[] naive(double[] x, int nr, int nc, double eps, int maxiter) {
        double[][] z = new double[nr][nc];
        for (int i = 0; i < nr; i++) {
            z[i] = Arrays.copyOfRange(x, i * nc, (i + 1) * nc);
        }
        double t = 0;
        double[] r = new double[nr];
        double[] c = new double[nc];
        double oldsum = 0;
        for (int iter = 1; iter <= maxiter; iter++) {
            for (int i = 0; i < nr; i++) {
                double d = sortMedian(z[i]);
                for (int j = 0; j < nc; j++) {
                    z[i][j] -= d;
                }
                r[i] += d;
            }
            double delta = sortMedian(c);
            for (int j = 0; j < nc; j++) {
                c[j] -= delta;
            }
            t += delta;
            for (int j = 0; j < nc; j++) {
                double[] col = new double[nr];
                for (int i = 0; i < nr; i++) {
                    col[i] = z[i][j];
                }
                double d = sortMedian(col);
                for (int i = 0; i < nr; i++) {
                    z[i][j] -= d;
                }
                c[j] += d;
            }
            delta = sortMedian(r);
            for (int i = 0; i < nr; i++) {
                r[i] -= delta;
            }
            t += delta;
            double newsum = 0;
            for (double[] row : z) {
                for (double v : row) {
                    if (!Double.isNaN(v)) {
                        newsum += Math.abs(v);
                    }
                }
            }
            if (newsum == 0 || Math.abs(newsum - oldsum) < eps * newsum) {
                break;
            }
            oldsum = newsum;
        }
        double[] out = new double[1 + nr + nc];
        out[0] = t;
        System.arraycopy(r, 0, out, 1, nr);
        System.arraycopy(c, 0, out, 1 + nr, nc);
        return out;
    }

    private static double sortMedian(double[] v) {
        double[] s = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
