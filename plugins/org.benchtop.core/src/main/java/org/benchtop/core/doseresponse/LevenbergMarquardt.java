package org.benchtop.core.doseresponse;

/**
 * A compact Levenberg-Marquardt minimiser of a {@link CurveProblem} for small parameter vectors:
 * the step solves {@code (J'J + lambda diag(J'J)) delta = J'r} (Marquardt 1963, SIAM J Appl Math
 * 11:431, doi:10.1137/0111030) by Cholesky, and lambda follows Nielsen's gain-ratio update
 * (Madsen, Nielsen &amp; Tingleff 2004, Methods for Non-Linear Least Squares Problems, DTU, sec. 3.2).
 *
 * <p>Works on plain arrays that are allocated once per call, so one fit of a 4-parameter curve
 * costs a few microseconds. Commons Math's {@code LevenbergMarquardtOptimizer} (a MINPACK port)
 * solves the same problem and is kept as the reference implementation
 * ({@link LogLogisticFitter.Optimizer#COMMONS_MATH}); the tests check that both reach the same optimum.
 *
 * <p>Convergence: an accepted step whose predicted reduction of the RSS (by the local linear model)
 * was below {@code 1e-12} of the RSS, so the relative offset of R {@code nls} (Bates &amp; Watts 1981)
 * is of order 1e-6 or less; or a relative step below {@code 1e-10}; or RSS = 0.
 */
final class LevenbergMarquardt {

    private static final double PTOL = 1e-12;
    private static final double XTOL = 1e-10;

    private LevenbergMarquardt() {
    }

    static Minimum minimize(CurveProblem pr, double[] start, int maxIterations) {
        final int n = pr.n();
        final int p = pr.nParams;
        double[] theta = start.clone();
        pr.clamp(theta);
        double[] r = new double[n];
        double[] jac = new double[n * p];
        double[] rT = new double[n];
        double[] jacT = new double[n * p];
        double[] a = new double[p * p];
        double[] g = new double[p];
        double[] diag = new double[p];
        double[] m = new double[p * p];
        double[] delta = new double[p];
        double[] trial = new double[p];
        double rss = pr.evaluate(theta, r, jac);
        if (!Double.isFinite(rss)) {
            return new Minimum(theta, rss, 0, false);
        }
        double yScale = 0;
        for (int i = 0; i < n; i++) {
            yScale += pr.y[i] * pr.y[i];
        }
        normalEquations(jac, r, n, p, a, g);
        for (int j = 0; j < p; j++) {
            diag[j] = Math.max(a[j * p + j], 1e-300);
        }
        double lambda = 1e-3;
        double nu = 2;
        int iter = 0;
        boolean converged = rss <= 1e-30 * yScale;
        while (!converged && iter < maxIterations) {
            iter++;
            for (int j = 0; j < p; j++) {
                diag[j] = Math.max(diag[j], a[j * p + j]);
            }
            System.arraycopy(a, 0, m, 0, p * p);
            for (int j = 0; j < p; j++) {
                m[j * p + j] += lambda * diag[j];
            }
            if (!choleskySolve(m, g, delta, p)) {
                lambda *= nu;
                nu *= 2;
                if (lambda > 1e20) {
                    break;
                }
                continue;
            }
            double maxRel = 0;
            for (int j = 0; j < p; j++) {
                trial[j] = theta[j] + delta[j];
            }
            pr.clamp(trial);
            double pred = 0;
            for (int j = 0; j < p; j++) {
                double dj = trial[j] - theta[j];
                delta[j] = dj;
                pred += dj * (g[j] + lambda * diag[j] * dj);
                maxRel = Math.max(maxRel, Math.abs(dj) / (Math.abs(theta[j]) + XTOL));
            }
            double rssT = pr.evaluate(trial, rT, jacT);
            double actual = rss - rssT;
            if (Double.isFinite(rssT) && actual > 0) {
                double rho = pred > 0 ? actual / pred : 1;
                double[] tmp = theta;
                theta = trial;
                trial = tmp;
                tmp = r;
                r = rT;
                rT = tmp;
                tmp = jac;
                jac = jacT;
                jacT = tmp;
                double old = rss;
                rss = rssT;
                normalEquations(jac, r, n, p, a, g);
                double fac = 2 * rho - 1;
                lambda *= Math.max(1.0 / 3, 1 - fac * fac * fac);
                nu = 2;
                if (pred <= PTOL * old || maxRel <= XTOL || rss <= 1e-30 * yScale) {
                    converged = true;
                }
            } else {
                if (maxRel <= XTOL || (Double.isFinite(rssT) && Math.abs(actual) <= 1e-15 * rss)) {
                    // no progress possible at machine precision: the current point is the minimum
                    converged = pred <= 1e-10 * rss || maxRel <= XTOL;
                    if (converged) {
                        break;
                    }
                }
                lambda *= nu;
                nu *= 2;
                if (lambda > 1e20) {
                    break;
                }
            }
        }
        return new Minimum(theta, rss, iter, converged);
    }

    /** a = J'J (full), g = J'r. */
    static void normalEquations(double[] jac, double[] r, int n, int p, double[] a, double[] g) {
        if (p == 4) {
            normalEquations4(jac, r, n, a, g);
        } else {
            normalEquationsAnyP(jac, r, n, p, a, g);
        }
    }

    /** {@link #normalEquations} for any number of parameters. */
    static void normalEquationsAnyP(double[] jac, double[] r, int n, int p, double[] a, double[] g) {
        java.util.Arrays.fill(a, 0);
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i < n; i++) {
            int row = i * p;
            double ri = r[i];
            for (int j = 0; j < p; j++) {
                double jij = jac[row + j];
                if (jij == 0) {
                    continue;
                }
                g[j] += jij * ri;
                int aj = j * p;
                for (int k = 0; k <= j; k++) {
                    a[aj + k] += jij * jac[row + k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                a[k * p + j] = a[j * p + k];
            }
        }
    }

    /**
     * {@link #normalEquations} for the four parameters of LL.4 (the usual model), with the sums in
     * local variables: the same products added in the same order (a zero Jacobian entry skipped as
     * there), so the same bits, in about half the time of the general loops under the C1 compiler
     * the command line runs with.
     */
    static void normalEquations4(double[] jac, double[] r, int n, double[] a, double[] g) {
        double a00 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, a22 = 0, a30 = 0, a31 = 0, a32 = 0, a33 = 0;
        double g0 = 0, g1 = 0, g2 = 0, g3 = 0;
        for (int i = 0, row = 0; i < n; i++, row += 4) {
            double ri = r[i];
            double j0 = jac[row];
            double j1 = jac[row + 1];
            double j2 = jac[row + 2];
            double j3 = jac[row + 3];
            if (j0 != 0) {
                g0 += j0 * ri;
                a00 += j0 * j0;
            }
            if (j1 != 0) {
                g1 += j1 * ri;
                a10 += j1 * j0;
                a11 += j1 * j1;
            }
            if (j2 != 0) {
                g2 += j2 * ri;
                a20 += j2 * j0;
                a21 += j2 * j1;
                a22 += j2 * j2;
            }
            if (j3 != 0) {
                g3 += j3 * ri;
                a30 += j3 * j0;
                a31 += j3 * j1;
                a32 += j3 * j2;
                a33 += j3 * j3;
            }
        }
        a[0] = a00;
        a[1] = a10;
        a[2] = a20;
        a[3] = a30;
        a[4] = a10;
        a[5] = a11;
        a[6] = a21;
        a[7] = a31;
        a[8] = a20;
        a[9] = a21;
        a[10] = a22;
        a[11] = a32;
        a[12] = a30;
        a[13] = a31;
        a[14] = a32;
        a[15] = a33;
        g[0] = g0;
        g[1] = g1;
        g[2] = g2;
        g[3] = g3;
    }

    /** Solves m x = b for symmetric positive definite m (destroyed); false if not positive definite. */
    static boolean choleskySolve(double[] m, double[] b, double[] x, int p) {
        for (int j = 0; j < p; j++) {
            double s = m[j * p + j];
            for (int k = 0; k < j; k++) {
                s -= m[j * p + k] * m[j * p + k];
            }
            if (!(s > 0)) {
                return false;
            }
            double ljj = Math.sqrt(s);
            m[j * p + j] = ljj;
            for (int i = j + 1; i < p; i++) {
                double t = m[i * p + j];
                for (int k = 0; k < j; k++) {
                    t -= m[i * p + k] * m[j * p + k];
                }
                m[i * p + j] = t / ljj;
            }
        }
        for (int i = 0; i < p; i++) {
            double t = b[i];
            for (int k = 0; k < i; k++) {
                t -= m[i * p + k] * x[k];
            }
            x[i] = t / m[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double t = x[i];
            for (int k = i + 1; k < p; k++) {
                t -= m[k * p + i] * x[k];
            }
            x[i] = t / m[i * p + i];
        }
        return true;
    }

    /**
     * Inverts a symmetric positive definite matrix (row-major p x p) by Cholesky.
     *
     * @return the inverse, or {@code null} if the matrix is not positive definite or not finite
     */
    static double[] invertSpd(double[] a, int p) {
        double[] sc = new double[p];
        for (int j = 0; j < p; j++) {
            double v = a[j * p + j];
            if (!(v > 0) || !Double.isFinite(v)) {
                return null;
            }
            sc[j] = 1 / Math.sqrt(v);
        }
        double[] m = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m[i * p + j] = a[i * p + j] * sc[i] * sc[j];
            }
        }
        double[] inv = new double[p * p];
        double[] e = new double[p];
        double[] col = new double[p];
        // factor once
        for (int j = 0; j < p; j++) {
            double s = m[j * p + j];
            for (int k = 0; k < j; k++) {
                s -= m[j * p + k] * m[j * p + k];
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                return null;
            }
            double ljj = Math.sqrt(s);
            m[j * p + j] = ljj;
            for (int i = j + 1; i < p; i++) {
                double t = m[i * p + j];
                for (int k = 0; k < j; k++) {
                    t -= m[i * p + k] * m[j * p + k];
                }
                m[i * p + j] = t / ljj;
            }
        }
        for (int c = 0; c < p; c++) {
            java.util.Arrays.fill(e, 0);
            e[c] = 1;
            for (int i = 0; i < p; i++) {
                double t = e[i];
                for (int k = 0; k < i; k++) {
                    t -= m[i * p + k] * col[k];
                }
                col[i] = t / m[i * p + i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double t = col[i];
                for (int k = i + 1; k < p; k++) {
                    t -= m[k * p + i] * col[k];
                }
                col[i] = t / m[i * p + i];
            }
            for (int i = 0; i < p; i++) {
                inv[i * p + c] = col[i] * sc[i] * sc[c];
            }
        }
        return inv;
    }
}
