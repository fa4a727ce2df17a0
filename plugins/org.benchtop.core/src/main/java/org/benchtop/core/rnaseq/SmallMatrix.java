package org.benchtop.core.rnaseq;

/**
 * Dense linear algebra for the small (p x p, p = number of model coefficients) systems of the
 * per-gene fits: Householder QR least squares (Golub and Van Loan, Matrix Computations, 4th ed.,
 * section 5.2), LU with partial pivoting for determinants and inverses. Matrices are row-major
 * {@code double[]}; every method writes into caller-provided arrays so that the per-gene loops
 * allocate nothing.
 */
final class SmallMatrix {

    private SmallMatrix() {
    }

    /**
     * Solves the least-squares problem min ||A b - y|| by Householder QR, as LAPACK/LINPACK do.
     * A is {@code rows x p} row-major and is overwritten (by the QR factors), y is overwritten.
     *
     * @param a the matrix, overwritten
     * @param rows number of rows (>= p)
     * @param p number of columns
     * @param y the right-hand side, overwritten
     * @param b receives the solution (length p)
     * @param work scratch of length >= p
     * @return false if R has a zero on its diagonal (rank deficient)
     */
    static boolean leastSquares(double[] a, int rows, int p, double[] y, double[] b, double[] work) {
        for (int k = 0; k < p; k++) {
            double norm = 0;
            double scale = 0;
            for (int i = k; i < rows; i++) {
                scale = Math.max(scale, Math.abs(a[i * p + k]));
            }
            if (scale == 0) {
                return false;
            }
            for (int i = k; i < rows; i++) {
                double v = a[i * p + k] / scale;
                norm += v * v;
            }
            norm = scale * Math.sqrt(norm);
            double akk = a[k * p + k];
            double alpha = akk > 0 ? -norm : norm;
            // v = x - alpha e1, stored in column k below the diagonal; v_k = akk - alpha
            double vk = akk - alpha;
            a[k * p + k] = vk;
            double vnorm2 = vk * vk;
            for (int i = k + 1; i < rows; i++) {
                vnorm2 += a[i * p + k] * a[i * p + k];
            }
            // apply H = I - 2 v v' / (v'v) to the remaining columns and to y
            for (int j = k + 1; j < p; j++) {
                double dot = 0;
                for (int i = k; i < rows; i++) {
                    dot += a[i * p + k] * a[i * p + j];
                }
                double f = 2 * dot / vnorm2;
                for (int i = k; i < rows; i++) {
                    a[i * p + j] -= f * a[i * p + k];
                }
            }
            double dot = 0;
            for (int i = k; i < rows; i++) {
                dot += a[i * p + k] * y[i];
            }
            double f = 2 * dot / vnorm2;
            for (int i = k; i < rows; i++) {
                y[i] -= f * a[i * p + k];
            }
            work[k] = alpha; // R[k][k]
        }
        // back substitution R b = (Q'y)[0..p)
        for (int k = p - 1; k >= 0; k--) {
            double s = y[k];
            for (int j = k + 1; j < p; j++) {
                s -= a[k * p + j] * b[j];
            }
            b[k] = s / work[k];
        }
        return true;
    }

    /**
     * Inverts the p x p matrix {@code a} (not modified) into {@code inv} by LU with partial
     * pivoting (Gauss-Jordan on an augmented copy).
     *
     * @param work scratch of length >= p * p
     * @return false if the matrix is singular
     */
    static boolean invert(double[] a, int p, double[] inv, double[] work) {
        System.arraycopy(a, 0, work, 0, p * p);
        for (int i = 0; i < p * p; i++) {
            inv[i] = 0;
        }
        for (int i = 0; i < p; i++) {
            inv[i * p + i] = 1;
        }
        for (int c = 0; c < p; c++) {
            int piv = c;
            double best = Math.abs(work[c * p + c]);
            for (int r = c + 1; r < p; r++) {
                double v = Math.abs(work[r * p + c]);
                if (v > best) {
                    best = v;
                    piv = r;
                }
            }
            if (best == 0) {
                return false;
            }
            if (piv != c) {
                for (int j = 0; j < p; j++) {
                    double t = work[c * p + j];
                    work[c * p + j] = work[piv * p + j];
                    work[piv * p + j] = t;
                    t = inv[c * p + j];
                    inv[c * p + j] = inv[piv * p + j];
                    inv[piv * p + j] = t;
                }
            }
            double d = work[c * p + c];
            for (int j = 0; j < p; j++) {
                work[c * p + j] /= d;
                inv[c * p + j] /= d;
            }
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = work[r * p + c];
                    if (f != 0) {
                        for (int j = 0; j < p; j++) {
                            work[r * p + j] -= f * work[c * p + j];
                            inv[r * p + j] -= f * inv[c * p + j];
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * The determinant of the p x p matrix {@code a} (not modified): explicit for p <= 2, LU with
     * partial pivoting otherwise.
     *
     * @param work scratch of length >= p * p
     */
    static double det(double[] a, int p, double[] work) {
        if (p == 1) {
            return a[0];
        }
        if (p == 2) {
            return a[0] * a[3] - a[1] * a[2];
        }
        System.arraycopy(a, 0, work, 0, p * p);
        double det = 1;
        for (int c = 0; c < p; c++) {
            int piv = c;
            double best = Math.abs(work[c * p + c]);
            for (int r = c + 1; r < p; r++) {
                double v = Math.abs(work[r * p + c]);
                if (v > best) {
                    best = v;
                    piv = r;
                }
            }
            if (best == 0) {
                return 0;
            }
            if (piv != c) {
                for (int j = 0; j < p; j++) {
                    double t = work[c * p + j];
                    work[c * p + j] = work[piv * p + j];
                    work[piv * p + j] = t;
                }
                det = -det;
            }
            double d = work[c * p + c];
            det *= d;
            for (int r = c + 1; r < p; r++) {
                double f = work[r * p + c] / d;
                if (f != 0) {
                    for (int j = c; j < p; j++) {
                        work[r * p + j] -= f * work[c * p + j];
                    }
                }
            }
        }
        return det;
    }

    /** out = A B for p x p matrices (out must not alias a or b). */
    static void multiply(double[] a, double[] b, int p, double[] out) {
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += a[i * p + k] * b[k * p + j];
                }
                out[i * p + j] = s;
            }
        }
    }

    /**
     * Numerical rank of the m x p matrix x (row-major, not modified) by Householder QR with
     * LINPACK-style column checks: a column whose remaining norm falls below {@code tol} times
     * its original norm is dependent on the previous ones (R's {@code qr(x)$rank} with tol 1e-7).
     *
     * @return for each column, true if it is linearly dependent on the earlier columns
     */
    static boolean[] dependentColumns(double[] x, int m, int p, double tol) {
        double[] q = new double[m * p]; // orthonormal basis of accepted columns, column-major
        int kept = 0;
        boolean[] dep = new boolean[p];
        double[] v = new double[m];
        for (int j = 0; j < p; j++) {
            double norm0 = 0;
            for (int i = 0; i < m; i++) {
                v[i] = x[i * p + j];
                norm0 += v[i] * v[i];
            }
            norm0 = Math.sqrt(norm0);
            if (norm0 == 0) {
                dep[j] = true;
                continue;
            }
            for (int pass = 0; pass < 2; pass++) { // re-orthogonalise once for stability
                for (int k = 0; k < kept; k++) {
                    double dot = 0;
                    for (int i = 0; i < m; i++) {
                        dot += q[k * m + i] * v[i];
                    }
                    for (int i = 0; i < m; i++) {
                        v[i] -= dot * q[k * m + i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            if (norm < tol * norm0) {
                dep[j] = true;
            } else {
                for (int i = 0; i < m; i++) {
                    q[kept * m + i] = v[i] / norm;
                }
                kept++;
            }
        }
        return dep;
    }
}
