package org.benchtop.core.stats;

/**
 * The few LINPACK and level-1 BLAS routines R's loess uses, with their arithmetic in their order,
 * so that {@link Loess} reproduces R's doubles (R 4.2.2 on Debian links the reference BLAS 3.11):
 * the Householder QR factorization without pivoting ({@code dqrdc} with job 0), the product
 * Q'y ({@code dqrsl} with job 1000), and the singular value decomposition by Golub and Kahan's
 * bidiagonalization and implicitly shifted QR iterations ({@code dsvdc}). Dongarra, Bunch, Moler
 * and Stewart (1979), <i>LINPACK Users' Guide</i>, SIAM, doi:10.1137/1.9781611971811, chapters 9
 * and 11; the Euclidean norm with Blue's three accumulators and the plane rotation of reference
 * BLAS 3.10+ (Anderson 2017, Algorithm 978, ACM TOMS 44:5, doi:10.1145/3061665; Blue 1978, ACM TOMS
 * 4:15-23, doi:10.1145/355769.355771).
 *
 * <p>R's build of {@code dsvdc} differs from LINPACK's in one place, reproduced here: an element
 * counts as negligible when adding it changes the sum it is compared with by at most 1e-15
 * relative ({@code |ztest - test| / (test + 1e-100) <= 1e-15}), not only when it changes it not at
 * all (read off R 4.2.2's compiled {@code libR.so}; with LINPACK's exact test 18 % of random 3 x 3
 * decompositions differed from R's in the last bits, with R's none).
 *
 * <p>Matrices are column-major with a leading dimension, as in Fortran; indices in the comments
 * are 1-based like LINPACK's. Sums (dot products, norms) run from the first element to the last.
 */
final class Linpack {

    /** Blue's thresholds: squares below TSML or above TBIG are scaled by SSML / SBIG. */
    private static final double TSML = 0x1p-511;
    private static final double TBIG = 0x1p486;
    private static final double SSML = 0x1p537;
    private static final double SBIG = 0x1p-538;
    private static final double SAFMIN = 0x1p-1022;
    private static final double SAFMAX = 0x1p1023;
    /** Most QR sweeps per singular value (dsvdc's maxit). */
    private static final int MAX_SWEEPS = 30;

    private Linpack() {
    }

    /** Offset of element (i, j), 1-based, of a column-major matrix with leading dimension ld. */
    static int at(int i, int j, int ld) {
        return (i - 1) + (j - 1) * ld;
    }

    /** sum_{i<n} x[xo + i incx] y[yo + i incy], accumulated in order (ddot). */
    static double dot(int n, double[] x, int xo, int incx, double[] y, int yo, int incy) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s = s + x[xo + i * incx] * y[yo + i * incy];
        }
        return s;
    }

    /** y += a x over n elements (daxpy; nothing for a = 0). */
    static void axpy(int n, double a, double[] x, int xo, double[] y, int yo) {
        if (n <= 0 || a == 0.0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            y[yo + i] = y[yo + i] + a * x[xo + i];
        }
    }

    /** x *= a over n contiguous elements (dscal). */
    static void scal(int n, double a, double[] x, int xo) {
        for (int i = 0; i < n; i++) {
            x[xo + i] = a * x[xo + i];
        }
    }

    /** Exchanges n contiguous elements of two vectors (dswap). */
    static void swap(int n, double[] x, int xo, double[] y, int yo) {
        for (int i = 0; i < n; i++) {
            double t = x[xo + i];
            x[xo + i] = y[yo + i];
            y[yo + i] = t;
        }
    }

    /** Applies the plane rotation (c, s) to n contiguous pairs (drot). */
    static void rot(int n, double[] x, int xo, double[] y, int yo, double c, double s) {
        for (int i = 0; i < n; i++) {
            double t = c * x[xo + i] + s * y[yo + i];
            y[yo + i] = c * y[yo + i] - s * x[xo + i];
            x[xo + i] = t;
        }
    }

    /**
     * The plane rotation zeroing b against a (drotg, reference BLAS 3.10+).
     *
     * @param out receives r (the new a), z (the new b), c and s
     */
    static void rotg(double a, double b, double[] out) {
        double anorm = Math.abs(a);
        double bnorm = Math.abs(b);
        if (bnorm == 0.0) {
            out[0] = a;
            out[1] = 0.0;
            out[2] = 1.0;
            out[3] = 0.0;
        } else if (anorm == 0.0) {
            out[0] = b;
            out[1] = 1.0;
            out[2] = 0.0;
            out[3] = 1.0;
        } else {
            double scl = Math.min(SAFMAX, Math.max(SAFMIN, Math.max(anorm, bnorm)));
            double sigma = anorm > bnorm ? Math.copySign(1.0, a) : Math.copySign(1.0, b);
            double as = a / scl;
            double bs = b / scl;
            double r = sigma * (scl * Math.sqrt(as * as + bs * bs));
            double c = a / r;
            double s = b / r;
            double z;
            if (anorm > bnorm) {
                z = s;
            } else if (c != 0.0) {
                z = 1.0 / c;
            } else {
                z = 1.0;
            }
            out[0] = r;
            out[1] = z;
            out[2] = c;
            out[3] = s;
        }
    }

    /** The Euclidean norm of n elements x[xo], x[xo + inc], ... (dnrm2, reference BLAS 3.10+). */
    static double nrm2(int n, double[] x, int xo, int inc) {
        if (n <= 0) {
            return 0.0;
        }
        boolean notBig = true;
        double asml = 0.0;
        double amed = 0.0;
        double abig = 0.0;
        for (int i = 0; i < n; i++) {
            double ax = Math.abs(x[xo + i * inc]);
            if (ax > TBIG) {
                double t = ax * SBIG;
                abig = abig + t * t;
                notBig = false;
            } else if (ax < TSML) {
                if (notBig) {
                    double t = ax * SSML;
                    asml = asml + t * t;
                }
            } else {
                amed = amed + ax * ax;
            }
        }
        double scl;
        double sumsq;
        if (abig > 0.0) {
            if (amed > 0.0 || Double.isNaN(amed)) {
                abig = abig + (amed * SBIG) * SBIG;
            }
            scl = 1.0 / SBIG;
            sumsq = abig;
        } else if (asml > 0.0) {
            if (amed > 0.0 || Double.isNaN(amed)) {
                amed = Math.sqrt(amed);
                asml = Math.sqrt(asml) / SSML;
                double ymin = asml > amed ? amed : asml;
                double ymax = asml > amed ? asml : amed;
                scl = 1.0;
                double q = ymin / ymax;
                sumsq = ymax * ymax * (1.0 + q * q);
            } else {
                scl = 1.0 / SSML;
                sumsq = asml;
            }
        } else {
            scl = 1.0;
            sumsq = amed;
        }
        return scl * Math.sqrt(sumsq);
    }

    /** Fortran's SIGN(a, b): |a| with the sign of b. */
    private static double sign(double a, double b) {
        return b >= 0 ? Math.abs(a) : -Math.abs(a);
    }

    /**
     * Householder QR of the n x p matrix x without pivoting (dqrdc, job 0): R in the upper
     * triangle, the Householder vectors below it and in qraux.
     */
    static void qrdc(double[] x, int ldx, int n, int p, double[] qraux) {
        int lup = Math.min(n, p);
        for (int l = 1; l <= lup; l++) {
            qraux[l - 1] = 0.0;
            if (l == n) {
                continue;
            }
            int ll = at(l, l, ldx);
            double nrmxl = nrm2(n - l + 1, x, ll, 1);
            if (nrmxl == 0.0) {
                continue;
            }
            if (x[ll] != 0.0) {
                nrmxl = sign(nrmxl, x[ll]);
            }
            scal(n - l + 1, 1.0 / nrmxl, x, ll);
            x[ll] = 1.0 + x[ll];
            for (int j = l + 1; j <= p; j++) {
                int lj = at(l, j, ldx);
                double t = -dot(n - l + 1, x, ll, 1, x, lj, 1) / x[ll];
                axpy(n - l + 1, t, x, ll, x, lj);
            }
            qraux[l - 1] = x[ll];
            x[ll] = -nrmxl;
        }
    }

    /** Overwrites y with Q'y for the factorization of {@link #qrdc} with k columns (dqrsl, job 1000). */
    static void qrQty(double[] x, int ldx, int n, int k, double[] qraux, double[] y) {
        int ju = Math.min(k, n - 1);
        for (int j = 1; j <= ju; j++) {
            if (qraux[j - 1] == 0.0) {
                continue;
            }
            int jj = at(j, j, ldx);
            double temp = x[jj];
            x[jj] = qraux[j - 1];
            double t = -dot(n - j + 1, x, jj, 1, y, j - 1, 1) / x[jj];
            axpy(n - j + 1, t, x, jj, y, j - 1);
            x[jj] = temp;
        }
    }

    /**
     * The singular value decomposition x = U diag(s) V' of the n x p matrix x (dsvdc with job 21:
     * the first min(n, p) left singular vectors in u, the right ones in v). x is destroyed.
     *
     * @param s receives the singular values in decreasing order (length min(n + 1, p))
     * @param e work space of length p (the super-diagonal)
     * @param work work space of length n
     * @return 0, or the number of singular values not found within 30 sweeps each
     */
    static int svdc(double[] x, int ldx, int n, int p, double[] s, double[] e, double[] u, int ldu, double[] v,
            int ldv, double[] work) {
        int ncu = Math.min(n, p);
        int nct = Math.min(n - 1, p);
        int nrt = Math.max(0, Math.min(p - 2, n));
        int lu = Math.max(nct, nrt);
        // reduce x to bidiagonal form: s the diagonal, e the super-diagonal
        for (int l = 1; l <= lu; l++) {
            int lp1 = l + 1;
            int ll = at(l, l, ldx);
            if (l <= nct) {
                s[l - 1] = nrm2(n - l + 1, x, ll, 1);
                if (s[l - 1] != 0.0) {
                    if (x[ll] != 0.0) {
                        s[l - 1] = sign(s[l - 1], x[ll]);
                    }
                    scal(n - l + 1, 1.0 / s[l - 1], x, ll);
                    x[ll] = 1.0 + x[ll];
                }
                s[l - 1] = -s[l - 1];
            }
            for (int j = lp1; j <= p; j++) {
                int lj = at(l, j, ldx);
                if (l <= nct && s[l - 1] != 0.0) {
                    double t = -dot(n - l + 1, x, ll, 1, x, lj, 1) / x[ll];
                    axpy(n - l + 1, t, x, ll, x, lj);
                }
                e[j - 1] = x[lj];
            }
            if (l <= nct) {
                for (int i = l; i <= n; i++) {
                    u[at(i, l, ldu)] = x[at(i, l, ldx)];
                }
            }
            if (l <= nrt) {
                e[l - 1] = nrm2(p - l, e, lp1 - 1, 1);
                if (e[l - 1] != 0.0) {
                    if (e[lp1 - 1] != 0.0) {
                        e[l - 1] = sign(e[l - 1], e[lp1 - 1]);
                    }
                    scal(p - l, 1.0 / e[l - 1], e, lp1 - 1);
                    e[lp1 - 1] = 1.0 + e[lp1 - 1];
                }
                e[l - 1] = -e[l - 1];
                if (lp1 <= n && e[l - 1] != 0.0) {
                    for (int i = lp1; i <= n; i++) {
                        work[i - 1] = 0.0;
                    }
                    for (int j = lp1; j <= p; j++) {
                        axpy(n - l, e[j - 1], x, at(lp1, j, ldx), work, lp1 - 1);
                    }
                    for (int j = lp1; j <= p; j++) {
                        axpy(n - l, -e[j - 1] / e[lp1 - 1], work, lp1 - 1, x, at(lp1, j, ldx));
                    }
                }
                for (int i = lp1; i <= p; i++) {
                    v[at(i, l, ldv)] = e[i - 1];
                }
            }
        }
        // the final bidiagonal matrix of order m
        int m = Math.min(p, n + 1);
        int nctp1 = nct + 1;
        int nrtp1 = nrt + 1;
        if (nct < p) {
            s[nctp1 - 1] = x[at(nctp1, nctp1, ldx)];
        }
        if (n < m) {
            s[m - 1] = 0.0;
        }
        if (nrtp1 < m) {
            e[nrtp1 - 1] = x[at(nrtp1, m, ldx)];
        }
        e[m - 1] = 0.0;
        generateU(u, ldu, n, s, nct, ncu);
        generateV(v, ldv, p, e, nrt);
        return iterate(s, e, u, ldu, v, ldv, n, p, m);
    }

    /** Accumulates the left Householder transformations into u (its first ncu columns). */
    private static void generateU(double[] u, int ldu, int n, double[] s, int nct, int ncu) {
        for (int j = nct + 1; j <= ncu; j++) {
            for (int i = 1; i <= n; i++) {
                u[at(i, j, ldu)] = 0.0;
            }
            u[at(j, j, ldu)] = 1.0;
        }
        for (int l = nct; l >= 1; l--) {
            int ll = at(l, l, ldu);
            if (s[l - 1] != 0.0) {
                for (int j = l + 1; j <= ncu; j++) {
                    int lj = at(l, j, ldu);
                    double t = -dot(n - l + 1, u, ll, 1, u, lj, 1) / u[ll];
                    axpy(n - l + 1, t, u, ll, u, lj);
                }
                scal(n - l + 1, -1.0, u, ll);
                u[ll] = 1.0 + u[ll];
                for (int i = 1; i <= l - 1; i++) {
                    u[at(i, l, ldu)] = 0.0;
                }
            } else {
                for (int i = 1; i <= n; i++) {
                    u[at(i, l, ldu)] = 0.0;
                }
                u[ll] = 1.0;
            }
        }
    }

    /** Accumulates the right Householder transformations into v. */
    private static void generateV(double[] v, int ldv, int p, double[] e, int nrt) {
        for (int l = p; l >= 1; l--) {
            int lp1 = l + 1;
            if (l <= nrt && e[l - 1] != 0.0) {
                int pl = at(lp1, l, ldv);
                for (int j = lp1; j <= p; j++) {
                    int pj = at(lp1, j, ldv);
                    double t = -dot(p - l, v, pl, 1, v, pj, 1) / v[pl];
                    axpy(p - l, t, v, pl, v, pj);
                }
            }
            for (int i = 1; i <= p; i++) {
                v[at(i, l, ldv)] = 0.0;
            }
            v[at(l, l, ldv)] = 1.0;
        }
    }

    /** The QR sweeps on the bidiagonal matrix (s, e) until every super-diagonal element is negligible. */
    private static int iterate(double[] s, double[] e, double[] u, int ldu, double[] v, int ldv, int n, int p,
            int mInit) {
        double[] g = new double[4];
        int m = mInit;
        int mm = m;
        int iter = 0;
        while (m != 0) {
            if (iter >= MAX_SWEEPS) {
                return m;
            }
            // find l: e(l) negligible, or l = 0
            int l = 0;
            for (int ll = 1; ll <= m; ll++) {
                l = m - ll;
                if (l == 0) {
                    break;
                }
                double test = Math.abs(s[l - 1]) + Math.abs(s[l]);
                double ztest = test + Math.abs(e[l - 1]);
                if (negligible(test, ztest)) {
                    e[l - 1] = 0.0;
                    break;
                }
            }
            int kase;
            if (l == m - 1) {
                kase = 4;
            } else {
                int ls = l;
                for (int lls = l + 1; lls <= m + 1; lls++) {
                    ls = m - lls + l + 1;
                    if (ls == l) {
                        break;
                    }
                    double test = 0.0;
                    if (ls != m) {
                        test = test + Math.abs(e[ls - 1]);
                    }
                    if (ls != l + 1) {
                        test = test + Math.abs(e[ls - 2]);
                    }
                    double ztest = test + Math.abs(s[ls - 1]);
                    if (negligible(test, ztest)) {
                        s[ls - 1] = 0.0;
                        break;
                    }
                }
                if (ls == l) {
                    kase = 3;
                } else if (ls == m) {
                    kase = 1;
                } else {
                    kase = 2;
                    l = ls;
                }
            }
            l = l + 1;
            switch (kase) {
                case 1 -> { // deflate negligible s(m)
                    double f = e[m - 2];
                    e[m - 2] = 0.0;
                    for (int k = m - 1; k >= l; k--) {
                        rotg(s[k - 1], f, g);
                        s[k - 1] = g[0];
                        double cs = g[2];
                        double sn = g[3];
                        if (k != l) {
                            f = -sn * e[k - 2];
                            e[k - 2] = cs * e[k - 2];
                        }
                        rot(p, v, at(1, k, ldv), v, at(1, m, ldv), cs, sn);
                    }
                }
                case 2 -> { // split at negligible s(l)
                    double f = e[l - 2];
                    e[l - 2] = 0.0;
                    for (int k = l; k <= m; k++) {
                        rotg(s[k - 1], f, g);
                        s[k - 1] = g[0];
                        double cs = g[2];
                        double sn = g[3];
                        f = -sn * e[k - 1];
                        e[k - 1] = cs * e[k - 1];
                        rot(n, u, at(1, k, ldu), u, at(1, l - 1, ldu), cs, sn);
                    }
                }
                case 3 -> { // one QR step with Wilkinson's shift
                    qrStep(s, e, u, ldu, v, ldv, n, p, m, l, g);
                    iter++;
                }
                default -> { // convergence: make s(l) positive and move it into order
                    if (s[l - 1] < 0.0) {
                        s[l - 1] = -s[l - 1];
                        scal(p, -1.0, v, at(1, l, ldv));
                    }
                    while (l != mm && s[l - 1] < s[l]) {
                        double t = s[l - 1];
                        s[l - 1] = s[l];
                        s[l] = t;
                        if (l < p) {
                            swap(p, v, at(1, l, ldv), v, at(1, l + 1, ldv));
                        }
                        if (l < n) {
                            swap(n, u, at(1, l, ldu), u, at(1, l + 1, ldu));
                        }
                        l = l + 1;
                    }
                    iter = 0;
                    m = m - 1;
                }
            }
        }
        return 0;
    }

    /**
     * Whether adding an element to test changes it by at most 1e-15 relative: R's version of
     * dsvdc's negligibility test (LINPACK's is {@code ztest == test}, which extended-precision
     * registers defeat).
     */
    private static boolean negligible(double test, double ztest) {
        return !(Math.abs(test - ztest) / (test + 1.0e-100) > 1.0e-15);
    }

    /** dsvdc's kase 3: the shift from the trailing 2 x 2 block, then chasing the bulge down. */
    private static void qrStep(double[] s, double[] e, double[] u, int ldu, double[] v, int ldv, int n, int p,
            int m, int l, double[] g) {
        double scale = Math.max(Math.max(Math.max(Math.max(Math.abs(s[m - 1]), Math.abs(s[m - 2])),
                Math.abs(e[m - 2])), Math.abs(s[l - 1])), Math.abs(e[l - 1]));
        double sm = s[m - 1] / scale;
        double smm1 = s[m - 2] / scale;
        double emm1 = e[m - 2] / scale;
        double sl = s[l - 1] / scale;
        double el = e[l - 1] / scale;
        double b = ((smm1 + sm) * (smm1 - sm) + emm1 * emm1) / 2.0;
        double smemm1 = sm * emm1;
        double c = smemm1 * smemm1;
        double shift = 0.0;
        if (b != 0.0 || c != 0.0) {
            shift = Math.sqrt(b * b + c);
            if (b < 0.0) {
                shift = -shift;
            }
            shift = c / (b + shift);
        }
        double f = (sl + sm) * (sl - sm) + shift;
        double gg = sl * el;
        for (int k = l; k <= m - 1; k++) {
            rotg(f, gg, g);
            f = g[0];
            double cs = g[2];
            double sn = g[3];
            if (k != l) {
                e[k - 2] = f;
            }
            f = cs * s[k - 1] + sn * e[k - 1];
            e[k - 1] = cs * e[k - 1] - sn * s[k - 1];
            gg = sn * s[k];
            s[k] = cs * s[k];
            rot(p, v, at(1, k, ldv), v, at(1, k + 1, ldv), cs, sn);
            rotg(f, gg, g);
            f = g[0];
            cs = g[2];
            sn = g[3];
            s[k - 1] = f;
            f = cs * e[k - 1] + sn * s[k];
            s[k] = -sn * e[k - 1] + cs * s[k];
            gg = sn * e[k];
            e[k] = cs * e[k];
            if (k < n) {
                rot(n, u, at(1, k, ldu), u, at(1, k + 1, ldu), cs, sn);
            }
        }
        e[m - 2] = f;
    }
}
