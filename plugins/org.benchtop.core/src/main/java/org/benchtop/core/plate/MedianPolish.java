package org.benchtop.core.plate;

import java.util.Arrays;

import org.benchtop.core.stats.Median;

/**
 * Tukey's median polish of a two-way table, exactly as R's {@code stats::medpolish(x, eps,
 * maxiter, na.rm = TRUE)}: the table is decomposed as {@code x[i,j] = overall + row[i] + col[j] +
 * residual[i,j]}.
 *
 * <p>Each iteration (R's loop, step for step): subtract the row medians of the residuals and add
 * them to the row effects; move the median of the column effects into the overall effect; subtract
 * the column medians of the residuals and add them to the column effects; move the median of the
 * row effects into the overall effect. Stop when {@code Σ|res| = 0} or
 * {@code |Σ|res| − previous Σ|res|| < eps · Σ|res|}, or after {@code maxIterations}. Missing
 * cells (NaN) are ignored by every median and sum; a row or column with no value at all gets a NaN
 * effect, as in R.
 *
 * <p>Reference: Tukey 1977, Exploratory Data Analysis, Addison-Wesley, ch. 11; Mosteller &amp;
 * Tukey 1977, Data Analysis and Regression. Used for the B-score by Brideau et al. 2003,
 * doi:10.1177/1087057103258285.
 */
public final class MedianPolish {

    private final double eps;
    private final int maxIterations;

    private MedianPolish(double eps, int maxIterations) {
        this.eps = eps;
        this.maxIterations = maxIterations;
    }

    /**
     * @param eps relative convergence tolerance on the sum of absolute residuals, ≥ 0
     * @param maxIterations the largest number of iterations, ≥ 1
     * @return the algorithm
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static MedianPolish of(double eps, int maxIterations) {
        if (!(eps >= 0) || maxIterations < 1) {
            throw new IllegalArgumentException("medpolish needs eps >= 0 and maxIterations >= 1, got " + eps + ", "
                    + maxIterations);
        }
        return new MedianPolish(eps, maxIterations);
    }

    /** @return the B-score settings of cellHTS2: eps 1e-5, maxiter 200 */
    public static MedianPolish withDefaults() {
        return new MedianPolish(1e-5, 200);
    }

    /**
     * @param newEps relative convergence tolerance, ≥ 0
     * @return a copy with that tolerance
     */
    public MedianPolish withEps(double newEps) {
        return of(newEps, maxIterations);
    }

    /**
     * @param newMaxIterations the largest number of iterations, ≥ 1
     * @return a copy with that limit
     */
    public MedianPolish withMaxIterations(int newMaxIterations) {
        return of(eps, newMaxIterations);
    }

    /** @return the relative convergence tolerance */
    public double eps() {
        return eps;
    }

    /** @return the largest number of iterations */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * The outcome of a median polish: {@code x[i,j] = overall + row[i] + column[j] + residual[i,j]}.
     * Immutable; arrays are handed out as copies.
     */
    public static final class Result {
        private final double overall;
        private final double[] row;
        private final double[] column;
        private final double[] residuals;
        private final int iterations;
        private final boolean converged;

        /** Takes ownership of the arrays (only the fit creates results). */
        private Result(double overall, double[] row, double[] column, double[] residuals, int iterations,
                boolean converged) {
            this.overall = overall;
            this.row = row;
            this.column = column;
            this.residuals = residuals;
            this.iterations = iterations;
            this.converged = converged;
        }

        /** @return the overall effect (NaN if the table has no value) */
        public double overall() {
            return overall;
        }

        /** @return the row effects (a copy; NaN for a row without values) */
        public double[] row() {
            return row.clone();
        }

        /** @return the column effects (a copy; NaN for a column without values) */
        public double[] column() {
            return column.clone();
        }

        /**
         * @return the residuals, row-major (a copy), NaN where the input was NaN or its row or
         *         column has no value
         */
        public double[] residuals() {
            return residuals.clone();
        }

        /** @return the number of rows */
        public int rows() {
            return row.length;
        }

        /** @return the number of columns */
        public int columns() {
            return column.length;
        }

        /** @return the iterations run */
        public int iterations() {
            return iterations;
        }

        /** @return whether the tolerance was reached within the iteration limit (R warns if not) */
        public boolean converged() {
            return converged;
        }

        /**
         * @param i 0-based row
         * @return the effect of that row
         */
        public double rowEffect(int i) {
            return row[i];
        }

        /**
         * @param j 0-based column
         * @return the effect of that column
         */
        public double columnEffect(int j) {
            return column[j];
        }

        /**
         * The residual of any value at a cell, as cellHTS2 computes it for wells left out of the
         * fit: {@code x − (overall + (row[i] + col[j]))}.
         *
         * @param i 0-based row
         * @param j 0-based column
         * @param x the value
         * @return its residual; NaN if {@code x} or an effect is NaN
         */
        public double residualOf(int i, int j, double x) {
            return x - (overall + (row[i] + column[j]));
        }

        /** @return the largest |row effect| (NaN rows ignored; NaN if all are NaN) */
        public double maxAbsRowEffect() {
            return maxAbs(row);
        }

        /** @return the largest |column effect| (NaN columns ignored; NaN if all are NaN) */
        public double maxAbsColumnEffect() {
            return maxAbs(column);
        }

        /** @return whether some row or column has no value (NaN effect) */
        public boolean hasEmptyLines() {
            for (double d : row) {
                if (Double.isNaN(d)) {
                    return true;
                }
            }
            for (double d : column) {
                if (Double.isNaN(d)) {
                    return true;
                }
            }
            return false;
        }

        private static double maxAbs(double[] v) {
            double m = Double.NaN;
            for (double d : v) {
                if (!Double.isNaN(d) && !(Math.abs(d) <= m)) {
                    m = Math.abs(d);
                }
            }
            return m;
        }
    }

    /**
     * Median-polishes a table.
     *
     * @param x the table, row-major, {@code rows · columns} values; NaN marks a missing cell; not
     *        modified
     * @param rows the number of rows, ≥ 1
     * @param columns the number of columns, ≥ 1
     * @return the decomposition
     * @throws IllegalArgumentException if the sizes do not match
     */
    public Result fit(double[] x, int rows, int columns) {
        if (rows < 1 || columns < 1 || x.length != rows * columns) {
            throw new IllegalArgumentException("medpolish: " + x.length + " values for " + rows + " x " + columns);
        }
        double[] z = x.clone();
        double[] r = new double[rows];
        double[] c = new double[columns];
        double[] scratch = new double[Math.max(rows, columns)];
        // the missing cells never change: list the present cells of every row and column once
        int[] rowCells = new int[x.length];
        int[] rowStart = new int[rows + 1];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            rowStart[i] = k;
            for (int j = 0; j < columns; j++) {
                if (!Double.isNaN(x[i * columns + j])) {
                    rowCells[k++] = i * columns + j;
                }
            }
        }
        rowStart[rows] = k;
        int[] colCells = new int[x.length];
        int[] colStart = new int[columns + 1];
        k = 0;
        for (int j = 0; j < columns; j++) {
            colStart[j] = k;
            for (int i = 0; i < rows; i++) {
                if (!Double.isNaN(x[i * columns + j])) {
                    colCells[k++] = i * columns + j;
                }
            }
        }
        colStart[columns] = k;
        // The cells of every row and column, kept in ascending order of their residuals at the last
        // sweep: residuals change little from one sweep to the next, so an insertion sort finds
        // them nearly sorted and the medians cost little more than a pass over the values.
        int[] rowOrder = Arrays.copyOf(rowCells, k);
        int[] colOrder = Arrays.copyOf(colCells, k);
        double[] fallback = new double[scratch.length];
        double t = 0;
        double oldSum = 0;
        boolean converged = false;
        int iter = 0;
        while (iter < maxIterations) {
            iter++;
            for (int i = 0; i < rows; i++) {
                int from = rowStart[i];
                int to = rowStart[i + 1];
                double delta;
                if (from == to) {
                    delta = Double.NaN;
                    r[i] = Double.NaN; // as R: NA effect for a row without values
                } else {
                    delta = sortedMedian(z, rowOrder, from, to, scratch);
                    if (Double.isNaN(delta)) {
                        delta = selectionMedian(z, rowCells, from, to, fallback);
                    }
                }
                for (int q = from; q < to; q++) {
                    z[rowCells[q]] -= delta;
                }
                r[i] += delta;
            }
            double delta = medianNonNaN(c, scratch);
            for (int j = 0; j < columns; j++) {
                c[j] -= delta;
            }
            t += delta;
            for (int j = 0; j < columns; j++) {
                int from = colStart[j];
                int to = colStart[j + 1];
                double cd;
                if (from == to) {
                    cd = Double.NaN;
                    c[j] = Double.NaN;
                } else {
                    cd = sortedMedian(z, colOrder, from, to, scratch);
                    if (Double.isNaN(cd)) {
                        cd = selectionMedian(z, colCells, from, to, fallback);
                    }
                }
                for (int q = from; q < to; q++) {
                    z[colCells[q]] -= cd;
                }
                c[j] += cd;
            }
            delta = medianNonNaN(r, scratch);
            for (int i = 0; i < rows; i++) {
                r[i] -= delta;
            }
            t += delta;
            double newSum = 0;
            for (int q = 0; q < k; q++) {
                newSum += Math.abs(z[colCells[q]]);
            }
            converged = newSum == 0 || Math.abs(newSum - oldSum) < eps * newSum;
            if (converged) {
                break;
            }
            oldSum = newSum;
        }
        return new Result(t, r, c, z, iter, converged);
    }

    /**
     * The median of the residuals {@code z} of the cells {@code order[from, to)} (at least one),
     * sorting those cells by residual (binary insertion sort, stable: fast when they are nearly in
     * order)
     * with {@code sorted} as scratch for the values. It is the median {@link Median#ofFirst} gives:
     * the order statistics of doubles without NaN are unique except for the sign of zero, so when a
     * middle value is zero and the zeros differ in sign, or a value is NaN, this method returns NaN
     * and the caller selects the median as before ({@link #selectionMedian}).
     *
     * @return the median, or NaN to ask for {@link #selectionMedian}
     */
    private static double sortedMedian(double[] z, int[] order, int from, int to, double[] sorted) {
        int n = to - from;
        for (int q = 0; q < n; q++) {
            int cell = order[from + q];
            double v = z[cell];
            if (v != v) {
                return Double.NaN;
            }
            if (q > 0 && sorted[q - 1] > v) {
                // after the values above v: binary search, then shift them up by one
                int lo = 0;
                int hi = q - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (sorted[mid] > v) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                System.arraycopy(sorted, lo, sorted, lo + 1, q - lo);
                System.arraycopy(order, from + lo, order, from + lo + 1, q - lo);
                sorted[lo] = v;
                order[from + lo] = cell;
            } else {
                sorted[q] = v;
                order[from + q] = cell;
            }
        }
        int m = (n - 1) >>> 1;
        double lower = sorted[m];
        double upper = (n & 1) == 1 ? lower : sorted[m + 1];
        if ((lower == 0 || upper == 0) && zerosDifferInSign(sorted, n, lower == 0 ? m : m + 1)) {
            return Double.NaN;
        }
        return (n & 1) == 1 ? lower : mean2(lower, upper);
    }

    /** Whether the run of zeros around {@code sorted[at]} (a zero) holds both +0.0 and -0.0. */
    private static boolean zerosDifferInSign(double[] sorted, int n, int at) {
        long bits = Double.doubleToRawLongBits(sorted[at]);
        for (int p = at - 1; p >= 0 && sorted[p] == 0; p--) {
            if (Double.doubleToRawLongBits(sorted[p]) != bits) {
                return true;
            }
        }
        for (int p = at + 1; p < n && sorted[p] == 0; p++) {
            if (Double.doubleToRawLongBits(sorted[p]) != bits) {
                return true;
            }
        }
        return false;
    }

    /** The median of the residuals of the cells {@code cells[from, to)} in that order, by {@link Median#ofFirst}. */
    private static double selectionMedian(double[] z, int[] cells, int from, int to, double[] scratch) {
        int n = 0;
        for (int q = from; q < to; q++) {
            scratch[n++] = z[cells[q]];
        }
        return Median.ofFirst(scratch, n);
    }

    /** The mean of the two middle values, as {@link Median#ofFirst} computes it (without overflow). */
    private static double mean2(double a, double b) {
        double s = (a + b) * 0.5;
        if (Double.isInfinite(s) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            return a * 0.5 + b * 0.5;
        }
        return s;
    }

    private static double medianNonNaN(double[] v, double[] scratch) {
        int n = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                scratch[n++] = d;
            }
        }
        return Median.ofFirst(scratch, n);
    }
}
