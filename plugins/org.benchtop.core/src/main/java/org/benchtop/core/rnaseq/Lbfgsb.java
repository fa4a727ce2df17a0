package org.benchtop.core.rnaseq;

import java.util.function.ToDoubleFunction;

/**
 * R's {@code optim(par, fn, method = "L-BFGS-B", lower, upper)} with default control settings
 * (m = 5 corrections, factr = 1e7, pgtol = 0, maxit = 100, central finite-difference gradient
 * with ndeps = 1e-3 respecting the bounds), ported statement by statement from R's
 * {@code src/appl/lbfgsb.c} (L-BFGS-B 2.3, itself an f2c translation of the Fortran code of Zhu,
 * Byrd, Lu-Chen and Nocedal) and the driver {@code lbfgsb()} / {@code fmingr()} of R's optim.
 * DESeq2 uses it ({@code fitNbinomGLMsOptim}) for the genes whose IRLS fit does not converge, so
 * reproducing its iterates, not just its optimum, is what makes those genes match DESeq2.
 *
 * <p>Reference: Byrd, Lu, Nocedal and Zhu (1995), A limited memory algorithm for bound
 * constrained optimization, SIAM J. Sci. Comput. 16:1190-1208, doi:10.1137/0916069; Moré and
 * Thuente (1994), Line search algorithms with guaranteed sufficient decrease, ACM TOMS 20:286-307,
 * doi:10.1145/192115.192132.
 *
 * <p>Arrays are 1-based internally (index 0 unused) and 2-D arrays column-major, exactly as in
 * the C source, to keep the port checkable line by line.
 */
final class Lbfgsb {

    /**
     * The outcome, as R's optim list.
     *
     * @param par the final parameters
     * @param value the objective at par
     * @param convergence 0 converged, 1 maxit reached, 51 warning, 52 error (R's codes)
     * @param evaluations number of objective+gradient evaluations
     */
    record Result(double[] par, double value, int convergence, int evaluations) {
    }

    private static final int M = 5;
    private static final double FACTR = 1e7;
    private static final double PGTOL = 0.0;
    private static final double NDEPS = 1e-3;
    private static final double EPSMCH = Math.ulp(1.0);

    // task codes
    private static final int FG_LNSRCH = 1;
    private static final int NEW_X = 2;

    private final int n;
    private final ToDoubleFunction<double[]> fn;
    private final double[] lo; // 1-based
    private final double[] up;
    private final int[] nbd;
    private final double[] work; // gradient scratch (0-based, length n)

    // mainlb state (formerly static in C)
    private boolean cnstnd;
    private boolean boxed;
    private boolean updatd;
    private int nintol;
    private int iback;
    private int head;
    private int col;
    private int itail;
    private int iter;
    private int iupdat;
    private int nint;
    private int nfgv;
    private int info;
    private int ifun;
    private int nfree;
    private int ileave;
    private int nenter;
    private double theta;
    private double fold;
    private double tol;
    private double dnorm;
    private double gd;
    private double stpmx;
    private double sbgnrm;
    private double stp;
    private double gdold;
    private double dtd;
    private boolean wrk;

    // dcsrch state
    private int stage;
    private boolean brackt;
    private double ginit;
    private double gtest;
    private double gx;
    private double gy;
    private double finit;
    private double fx;
    private double fy;
    private double stx;
    private double sty;
    private double stmin;
    private double stmax;
    private double width;
    private double width1;
    // dcstep in/out
    private double csStx;
    private double csFx;
    private double csDx;
    private double csSty;
    private double csFy;
    private double csDy;
    private double csStp;

    private Lbfgsb(int n, ToDoubleFunction<double[]> fn, double[] lower, double[] upper) {
        this.n = n;
        this.fn = fn;
        this.lo = new double[n + 1];
        this.up = new double[n + 1];
        this.nbd = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            lo[i] = lower[i - 1];
            up[i] = upper[i - 1];
            boolean fl = Double.isFinite(lo[i]);
            boolean fu = Double.isFinite(up[i]);
            nbd[i] = fl ? (fu ? 2 : 1) : (fu ? 3 : 0);
        }
        this.work = new double[n];
    }

    /**
     * Minimizes {@code fn} from {@code start} within the box, as R's
     * {@code optim(start, fn, method = "L-BFGS-B", lower = lower, upper = upper)}.
     *
     * @param fn the objective (must return finite values; R's callers map non-finite to 1e300)
     * @param start the starting point (not modified)
     * @param lower lower bounds
     * @param upper upper bounds
     * @return the optimum found and R's convergence code
     */
    static Result minimize(ToDoubleFunction<double[]> fn, double[] start, double[] lower, double[] upper) {
        return new Lbfgsb(start.length, fn, lower, upper).run(start, 100);
    }

    // ------------------------------------------------------------------ objective, as fminfn/fmingr

    private double evaluate(double[] x1, double[] g1) {
        for (int i = 0; i < n; i++) {
            work[i] = x1[i + 1];
        }
        double f = fn.applyAsDouble(work.clone());
        for (int i = 0; i < n; i++) {
            double[] xx = new double[n];
            for (int k = 0; k < n; k++) {
                xx[k] = x1[k + 1];
            }
            double p = x1[i + 1];
            double eps = NDEPS;
            double epsused = eps;
            double tmp = p + eps;
            if (tmp > up[i + 1]) {
                tmp = up[i + 1];
                epsused = tmp - p;
            }
            xx[i] = tmp;
            double val1 = fn.applyAsDouble(xx.clone());
            tmp = p - eps;
            if (tmp < lo[i + 1]) {
                tmp = lo[i + 1];
                eps = p - tmp;
            }
            xx[i] = tmp;
            double val2 = fn.applyAsDouble(xx.clone());
            g1[i + 1] = (val1 - val2) / (epsused + eps);
            if (!Double.isFinite(g1[i + 1])) {
                throw new IllegalStateException("non-finite finite-difference value");
            }
        }
        return f;
    }

    // ------------------------------------------------------------------ driver + mainlb

    private Result run(double[] start, int maxit) {
        double[] x = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            x[i] = start[i - 1];
        }
        double[] g = new double[n + 1];
        double[] z = new double[n + 1];
        double[] r = new double[n + 1];
        double[] d = new double[n + 1];
        double[] t = new double[n + 1];
        double[] wa = new double[8 * M + 1];
        double[] ws = new double[n * M + 1];
        double[] wy = new double[n * M + 1];
        double[] sy = new double[M * M + 1];
        double[] ss = new double[M * M + 1];
        double[] wt = new double[M * M + 1];
        double[] wn = new double[4 * M * M + 1];
        double[] snd = new double[4 * M * M + 1];
        int[] indx = new int[n + 1];
        int[] iwhere = new int[n + 1];
        int[] indx2 = new int[n + 1];
        int driverIter = 0;

        // START
        fold = 0.;
        dnorm = 0.;
        gd = 0.;
        sbgnrm = 0.;
        stp = 0.;
        stpmx = 0.;
        gdold = 0.;
        dtd = 0.;
        col = 0;
        head = 1;
        theta = 1.;
        iupdat = 0;
        updatd = false;
        iback = 0;
        itail = 0;
        ifun = 0;
        ileave = 0;
        nenter = 0;
        iter = 0;
        nfgv = 0;
        nint = 0;
        nintol = 0;
        nfree = n;
        tol = FACTR * EPSMCH;
        info = 0;
        active(x, iwhere);
        // FG_START
        double f = evaluate(x, g);
        nfgv = 1;
        sbgnrm = projgr(x, g);
        if (sbgnrm <= PGTOL) {
            return result(x, f, 0);
        }
        L222:
        for (;;) {
            boolean skipToL333 = false;
            if (!cnstnd && col > 0) {
                System.arraycopy(x, 1, z, 1, n);
                wrk = updatd;
                nint = 0;
                skipToL333 = true;
            }
            if (!skipToL333) {
                cauchy(x, g, indx2, iwhere, t, d, z, wy, ws, sy, wt, wa);
                if (info != 0) {
                    resetMemory();
                    continue L222;
                }
                nintol += nint;
                freev(indx, indx2, iwhere);
            }
            // L333
            if (!(nfree == 0 || col == 0)) {
                if (wrk) {
                    formk(indx, indx2, wn, snd, ws, wy, sy);
                }
                if (info != 0) {
                    resetMemory();
                    continue L222;
                }
                cmprlb(x, g, ws, wy, sy, wt, z, r, wa, indx);
                if (info == 0) {
                    subsm(indx, z, r, ws, wy, wa, wn);
                }
                if (info != 0) {
                    resetMemory();
                    continue L222;
                }
            }
            // L555
            for (int i = 1; i <= n; ++i) {
                d[i] = z[i] - x[i];
            }
            // L666: line search with reverse communication
            boolean fgLn = false;
            for (;;) {
                f = lnsrlb(x, f, g, d, r, t, z, fgLn);
                int task = lnTask;
                if (info != 0 || iback >= 20) {
                    System.arraycopy(t, 1, x, 1, n);
                    System.arraycopy(r, 1, g, 1, n);
                    f = fold;
                    if (col == 0) {
                        if (info == 0) {
                            info = -9;
                            --nfgv;
                            --ifun;
                            --iback;
                        }
                        ++iter;
                        return result(x, f, 52);
                    }
                    if (info == 0) {
                        --nfgv;
                    }
                    resetMemory();
                    continue L222;
                } else if (task == FG_LNSRCH) {
                    f = evaluate(x, g);
                    fgLn = true;
                } else {
                    ++iter;
                    sbgnrm = projgr(x, g);
                    // driver: NEW_X
                    if (++driverIter > maxit) {
                        return result(x, f, 1);
                    }
                    break;
                }
            }
            // L777
            if (sbgnrm <= PGTOL) {
                return result(x, f, 0);
            }
            double ddum = Math.max(Math.max(Math.abs(fold), Math.abs(f)), 1.);
            if (fold - f <= tol * ddum) {
                return result(x, f, 0);
            }
            for (int i = 1; i <= n; ++i) {
                r[i] = g[i] - r[i];
            }
            double rr = ddot(n, r, 1, r, 1);
            double dr;
            if (stp == 1.) {
                dr = gd - gdold;
                ddum = -gdold;
            } else {
                dr = (gd - gdold) * stp;
                for (int i = 1; i <= n; i++) {
                    d[i] = stp * d[i];
                }
                ddum = -gdold * stp;
            }
            if (dr <= EPSMCH * ddum) {
                updatd = false;
                continue L222;
            }
            updatd = true;
            ++iupdat;
            matupd(ws, wy, sy, ss, d, r, rr, dr);
            formt(wt, sy, ss);
            if (info != 0) {
                resetMemory();
                continue L222;
            }
        }
    }

    private Result result(double[] x, double f, int code) {
        double[] par = new double[n];
        System.arraycopy(x, 1, par, 0, n);
        return new Result(par, f, code, nfgv);
    }

    private void resetMemory() {
        info = 0;
        col = 0;
        head = 1;
        theta = 1.;
        iupdat = 0;
        updatd = false;
    }

    private void active(double[] x, int[] iwhere) {
        cnstnd = false;
        boxed = true;
        for (int i = 1; i <= n; ++i) {
            if (nbd[i] > 0) {
                if (nbd[i] <= 2 && x[i] <= lo[i]) {
                    if (x[i] < lo[i]) {
                        x[i] = lo[i];
                    }
                } else if (nbd[i] >= 2 && x[i] >= up[i]) {
                    if (x[i] > up[i]) {
                        x[i] = up[i];
                    }
                }
            }
        }
        for (int i = 1; i <= n; ++i) {
            if (nbd[i] != 2) {
                boxed = false;
            }
            if (nbd[i] == 0) {
                iwhere[i] = -1;
            } else {
                cnstnd = true;
                if (nbd[i] == 2 && up[i] - lo[i] <= 0.) {
                    iwhere[i] = 3;
                } else {
                    iwhere[i] = 0;
                }
            }
        }
    }

    private double projgr(double[] x, double[] g) {
        double norm = 0.;
        for (int i = 1; i <= n; ++i) {
            double gi = g[i];
            if (nbd[i] != 0) {
                if (gi < 0.) {
                    if (nbd[i] >= 2) {
                        double d1 = x[i] - up[i];
                        if (gi < d1) {
                            gi = d1;
                        }
                    }
                } else {
                    if (nbd[i] <= 2) {
                        double d1 = x[i] - lo[i];
                        if (gi > d1) {
                            gi = d1;
                        }
                    }
                }
            }
            double a = Math.abs(gi);
            if (norm < a) {
                norm = a;
            }
        }
        return norm;
    }

    // ------------------------------------------------------------------ index helpers (1-based, column-major)

    private int iws(int i, int j) {
        return i + (j - 1) * n; // ws(i,j), ws/wy are n x m
    }

    private static int im(int i, int j) {
        return i + (j - 1) * M; // m x m
    }

    private static int i2(int i, int j) {
        return i + (j - 1) * 2 * M; // 2m x 2m
    }

    // ------------------------------------------------------------------ BLAS / LINPACK

    private static double ddot(int len, double[] x, int xo, double[] y, int yo) {
        double s = 0.;
        for (int i = 0; i < len; i++) {
            s += x[xo + i] * y[yo + i];
        }
        return s;
    }

    /** LINPACK dpofa on a(i,j) = a[off + (i-1) + (j-1)*lda]; returns info. */
    private static int dpofa(double[] a, int off, int lda, int nn) {
        for (int j = 1; j <= nn; ++j) {
            double s = 0.;
            for (int k = 1; k <= j - 1; ++k) {
                double t = a[off + (k - 1) + (j - 1) * lda]
                        - ddot(k - 1, a, off + (k - 1) * lda, a, off + (j - 1) * lda);
                t = t / a[off + (k - 1) + (k - 1) * lda];
                a[off + (k - 1) + (j - 1) * lda] = t;
                s += t * t;
            }
            s = a[off + (j - 1) + (j - 1) * lda] - s;
            if (s <= 0.) {
                return j;
            }
            a[off + (j - 1) + (j - 1) * lda] = Math.sqrt(s);
        }
        return 0;
    }

    /** LINPACK dtrsl on t(i,j) = t[off + (i-1) + (j-1)*ldt], b(i) = b[bo + i - 1]; returns info. */
    private static int dtrsl(double[] t, int off, int ldt, int nn, double[] b, int bo, int job) {
        for (int k = 1; k <= nn; k++) {
            if (t[off + (k - 1) + (k - 1) * ldt] == 0.) {
                return k;
            }
        }
        int kase = 1;
        if (job % 10 != 0) {
            kase = 2;
        }
        if ((job % 100) / 10 != 0) {
            kase += 2;
        }
        switch (kase) {
            case 1: // t lower, t x = b
                b[bo] = b[bo] / t[off];
                for (int j = 2; j <= nn; j++) {
                    double temp = -b[bo + j - 2];
                    for (int k = 0; k < nn - j + 1; k++) {
                        b[bo + j - 1 + k] += temp * t[off + (j - 1 + k) + (j - 2) * ldt];
                    }
                    b[bo + j - 1] = b[bo + j - 1] / t[off + (j - 1) + (j - 1) * ldt];
                }
                break;
            case 2: // t upper, t x = b
                b[bo + nn - 1] = b[bo + nn - 1] / t[off + (nn - 1) + (nn - 1) * ldt];
                for (int jj = 2; jj <= nn; jj++) {
                    int j = nn - jj + 1;
                    double temp = -b[bo + j];
                    for (int k = 0; k < j; k++) {
                        b[bo + k] += temp * t[off + k + j * ldt];
                    }
                    b[bo + j - 1] = b[bo + j - 1] / t[off + (j - 1) + (j - 1) * ldt];
                }
                break;
            case 3: // t lower, t' x = b
                b[bo + nn - 1] = b[bo + nn - 1] / t[off + (nn - 1) + (nn - 1) * ldt];
                for (int jj = 2; jj <= nn; jj++) {
                    int j = nn - jj + 1;
                    b[bo + j - 1] = b[bo + j - 1] - ddot(jj - 1, t, off + j + (j - 1) * ldt, b, bo + j);
                    b[bo + j - 1] = b[bo + j - 1] / t[off + (j - 1) + (j - 1) * ldt];
                }
                break;
            default: // t upper, t' x = b
                b[bo] = b[bo] / t[off];
                for (int j = 2; j <= nn; j++) {
                    b[bo + j - 1] = b[bo + j - 1] - ddot(j - 1, t, off + (j - 1) * ldt, b, bo);
                    b[bo + j - 1] = b[bo + j - 1] / t[off + (j - 1) + (j - 1) * ldt];
                }
                break;
        }
        return 0;
    }

    // ------------------------------------------------------------------ bmv

    /** p = M v for the 2col middle matrix; v at va[vo+1..], p at pa[po+1..] (1-based offsets). */
    private void bmv(double[] sy, double[] wt, double[] va, int vo, double[] pa, int po) {
        if (col == 0) {
            return;
        }
        pa[po + col + 1] = va[vo + col + 1];
        for (int i = 2; i <= col; ++i) {
            int ii2 = col + i;
            double sum = 0.;
            for (int k = 1; k <= i - 1; ++k) {
                sum += sy[im(i, k)] * va[vo + k] / sy[im(k, k)];
            }
            pa[po + ii2] = va[vo + ii2] + sum;
        }
        info = dtrsl(wt, 1, M, col, pa, po + col + 1, 11);
        if (info != 0) {
            return;
        }
        for (int i = 1; i <= col; ++i) {
            pa[po + i] = va[vo + i] / Math.sqrt(sy[im(i, i)]);
        }
        info = dtrsl(wt, 1, M, col, pa, po + col + 1, 1);
        if (info != 0) {
            return;
        }
        for (int i = 1; i <= col; ++i) {
            pa[po + i] = -pa[po + i] / Math.sqrt(sy[im(i, i)]);
        }
        for (int i = 1; i <= col; ++i) {
            double sum = 0.;
            for (int k = i + 1; k <= col; ++k) {
                sum += sy[im(k, i)] * pa[po + col + k] / sy[im(i, i)];
            }
            pa[po + i] += sum;
        }
    }

    // ------------------------------------------------------------------ cauchy

    private void cauchy(double[] x, double[] g, int[] iorder, int[] iwhere, double[] t, double[] d, double[] xcp,
            double[] wy, double[] ws, double[] sy, double[] wt, double[] wa) {
        // p = wa[1..2m], c = wa[2m+1..4m], wbp = wa[4m+1..6m], v = wa[6m+1..8m]
        final int po = 0;
        final int co = 2 * M;
        final int wbpo = 4 * M;
        final int vo = 6 * M;
        if (sbgnrm <= 0.) {
            System.arraycopy(x, 1, xcp, 1, n);
            return;
        }
        boolean bnded = true;
        int nfreeC = n + 1;
        int nbreak = 0;
        int ibkmin = 0;
        double bkmin = 0.;
        int col2 = col << 1;
        double f1 = 0.;
        double tl = 0.0;
        double tu = 0.0;
        for (int i = 1; i <= col2; ++i) {
            wa[po + i] = 0.;
        }
        for (int i = 1; i <= n; ++i) {
            double neggi = -g[i];
            if (iwhere[i] != 3 && iwhere[i] != -1) {
                if (nbd[i] <= 2) {
                    tl = x[i] - lo[i];
                }
                if (nbd[i] >= 2) {
                    tu = up[i] - x[i];
                }
                boolean xlower = nbd[i] <= 2 && tl <= 0.;
                boolean xupper = nbd[i] >= 2 && tu <= 0.;
                iwhere[i] = 0;
                if (xlower) {
                    if (neggi <= 0.) {
                        iwhere[i] = 1;
                    }
                } else if (xupper) {
                    if (neggi >= 0.) {
                        iwhere[i] = 2;
                    }
                } else {
                    if (Math.abs(neggi) <= 0.) {
                        iwhere[i] = -3;
                    }
                }
            }
            int pointr = head;
            if (iwhere[i] != 0 && iwhere[i] != -1) {
                d[i] = 0.;
            } else {
                d[i] = neggi;
                f1 -= neggi * neggi;
                for (int j = 1; j <= col; ++j) {
                    wa[po + j] += wy[iws(i, pointr)] * neggi;
                    wa[po + col + j] += ws[iws(i, pointr)] * neggi;
                    pointr = pointr % M + 1;
                }
                if (nbd[i] <= 2 && nbd[i] != 0 && neggi < 0.) {
                    ++nbreak;
                    iorder[nbreak] = i;
                    t[nbreak] = tl / (-neggi);
                    if (nbreak == 1 || t[nbreak] < bkmin) {
                        bkmin = t[nbreak];
                        ibkmin = nbreak;
                    }
                } else if (nbd[i] >= 2 && neggi > 0.) {
                    ++nbreak;
                    iorder[nbreak] = i;
                    t[nbreak] = tu / neggi;
                    if (nbreak == 1 || t[nbreak] < bkmin) {
                        bkmin = t[nbreak];
                        ibkmin = nbreak;
                    }
                } else {
                    --nfreeC;
                    iorder[nfreeC] = i;
                    if (Math.abs(neggi) > 0.) {
                        bnded = false;
                    }
                }
            }
        }
        if (theta != 1.) {
            for (int j = 1; j <= col; j++) {
                wa[po + col + j] = theta * wa[po + col + j];
            }
        }
        System.arraycopy(x, 1, xcp, 1, n);
        if (nbreak == 0 && nfreeC == n + 1) {
            return;
        }
        for (int j = 1; j <= col2; ++j) {
            wa[co + j] = 0.;
        }
        double f2 = -theta * f1;
        double f2Org = f2;
        if (col > 0) {
            bmv(sy, wt, wa, po, wa, vo);
            if (info != 0) {
                return;
            }
            f2 -= ddot(col2, wa, vo + 1, wa, po + 1);
        }
        double dtm = -f1 / f2;
        double tsum = 0.;
        nint = 1;
        boolean toL888 = nbreak == 0;
        boolean toL999 = false;
        if (!toL888) {
            int nleft = nbreak;
            int itc = 1;
            double tj = 0.;
            for (;;) { // L777
                double tj0 = tj;
                int ibp;
                if (itc == 1) {
                    tj = bkmin;
                    ibp = iorder[ibkmin];
                } else {
                    if (itc == 2) {
                        if (ibkmin != nbreak) {
                            t[ibkmin] = t[nbreak];
                            iorder[ibkmin] = iorder[nbreak];
                        }
                    }
                    hpsolb(nleft, t, iorder, itc - 2);
                    tj = t[nleft];
                    ibp = iorder[nleft];
                }
                double dt = tj - tj0;
                if (dtm < dt) {
                    toL888 = true;
                    break;
                }
                tsum += dt;
                --nleft;
                ++itc;
                double dibp = d[ibp];
                d[ibp] = 0.;
                double zibp;
                if (dibp > 0.) {
                    zibp = up[ibp] - x[ibp];
                    xcp[ibp] = up[ibp];
                    iwhere[ibp] = 2;
                } else {
                    zibp = lo[ibp] - x[ibp];
                    xcp[ibp] = lo[ibp];
                    iwhere[ibp] = 1;
                }
                if (nleft == 0 && nbreak == n) {
                    dtm = dt;
                    toL999 = true;
                    break;
                }
                ++nint;
                double dibp2 = dibp * dibp;
                f1 = f1 + dt * f2 + dibp2 - theta * dibp * zibp;
                f2 -= theta * dibp2;
                if (col > 0) {
                    for (int j = 1; j <= col2; j++) {
                        wa[co + j] += dt * wa[po + j];
                    }
                    int pointr = head;
                    for (int j = 1; j <= col; ++j) {
                        wa[wbpo + j] = wy[iws(ibp, pointr)];
                        wa[wbpo + col + j] = theta * ws[iws(ibp, pointr)];
                        pointr = pointr % M + 1;
                    }
                    bmv(sy, wt, wa, wbpo, wa, vo);
                    if (info != 0) {
                        return;
                    }
                    double wmc = ddot(col2, wa, co + 1, wa, vo + 1);
                    double wmp = ddot(col2, wa, po + 1, wa, vo + 1);
                    double wmw = ddot(col2, wa, wbpo + 1, wa, vo + 1);
                    for (int j = 1; j <= col2; j++) {
                        wa[po + j] += -dibp * wa[wbpo + j];
                    }
                    f1 += dibp * wmc;
                    f2 += (2. * dibp * wmp - dibp2 * wmw);
                }
                double d1 = EPSMCH * f2Org;
                if (f2 < d1) {
                    f2 = d1;
                }
                if (nleft > 0) {
                    dtm = -f1 / f2;
                    continue;
                } else if (bnded) {
                    f1 = 0.;
                    f2 = 0.;
                    dtm = 0.;
                } else {
                    dtm = -f1 / f2;
                }
                toL888 = true;
                break;
            }
        }
        if (toL888 && !toL999) {
            if (dtm <= 0.) {
                dtm = 0.;
            }
            tsum += dtm;
            for (int i = 1; i <= n; i++) {
                xcp[i] += tsum * d[i];
            }
        }
        // L999
        if (col > 0) {
            for (int j = 1; j <= col2; j++) {
                wa[co + j] += dtm * wa[po + j];
            }
        }
    }

    private static void hpsolb(int nn, double[] t, int[] iorder, int iheap) {
        if (iheap == 0) {
            for (int k = 2; k <= nn; ++k) {
                double ddum = t[k];
                int indxin = iorder[k];
                int i = k;
                while (i > 1) {
                    int j = i / 2;
                    if (ddum < t[j]) {
                        t[i] = t[j];
                        iorder[i] = iorder[j];
                        i = j;
                    } else {
                        break;
                    }
                }
                t[i] = ddum;
                iorder[i] = indxin;
            }
        }
        if (nn > 1) {
            int i = 1;
            double out = t[1];
            int indxou = iorder[1];
            double ddum = t[nn];
            int indxin = iorder[nn];
            for (;;) {
                int j = i + i;
                if (j <= nn - 1) {
                    if (t[j + 1] < t[j]) {
                        ++j;
                    }
                    if (t[j] < ddum) {
                        t[i] = t[j];
                        iorder[i] = iorder[j];
                        i = j;
                        continue;
                    }
                }
                break;
            }
            t[i] = ddum;
            iorder[i] = indxin;
            t[nn] = out;
            iorder[nn] = indxou;
        }
    }

    // ------------------------------------------------------------------ cmprlb, freev, formk, formt

    private void cmprlb(double[] x, double[] g, double[] ws, double[] wy, double[] sy, double[] wt, double[] z,
            double[] r, double[] wa, int[] indx) {
        if (!cnstnd && col > 0) {
            for (int i = 1; i <= n; ++i) {
                r[i] = -g[i];
            }
        } else {
            for (int i = 1; i <= nfree; ++i) {
                int k = indx[i];
                r[i] = -theta * (z[k] - x[k]) - g[k];
            }
            bmv(sy, wt, wa, 2 * M, wa, 0);
            if (info != 0) {
                info = -8;
                return;
            }
            int pointr = head;
            for (int j = 1; j <= col; ++j) {
                double a1 = wa[j];
                double a2 = theta * wa[col + j];
                for (int i = 1; i <= nfree; ++i) {
                    int k = indx[i];
                    r[i] += wy[iws(k, pointr)] * a1 + ws[iws(k, pointr)] * a2;
                }
                pointr = pointr % M + 1;
            }
        }
    }

    private void freev(int[] indx, int[] indx2, int[] iwhere) {
        nenter = 0;
        ileave = n + 1;
        if (iter > 0 && cnstnd) {
            for (int i = 1; i <= nfree; ++i) {
                int k = indx[i];
                if (iwhere[k] > 0) {
                    --ileave;
                    indx2[ileave] = k;
                }
            }
            for (int i = nfree + 1; i <= n; ++i) {
                int k = indx[i];
                if (iwhere[k] <= 0) {
                    ++nenter;
                    indx2[nenter] = k;
                }
            }
        }
        wrk = ileave < n + 1 || nenter > 0 || updatd;
        nfree = 0;
        int iact = n + 1;
        for (int i = 1; i <= n; ++i) {
            if (iwhere[i] <= 0) {
                ++nfree;
                indx[nfree] = i;
            } else {
                --iact;
                indx[iact] = i;
            }
        }
    }

    private void formk(int[] ind, int[] indx2, double[] wn, double[] wn1, double[] ws, double[] wy, double[] sy) {
        int upcl;
        if (updatd) {
            if (iupdat > M) {
                for (int jy = 1; jy <= M - 1; ++jy) {
                    int js = M + jy;
                    int len = M - jy;
                    System.arraycopy(wn1, i2(jy + 1, jy + 1), wn1, i2(jy, jy), len);
                    System.arraycopy(wn1, i2(js + 1, js + 1), wn1, i2(js, js), len);
                    System.arraycopy(wn1, i2(M + 2, jy + 1), wn1, i2(M + 1, jy), M - 1);
                }
            }
            int pbegin = 1;
            int pend = nfree;
            int dbegin = nfree + 1;
            int dend = n;
            int iy = col;
            int is = M + col;
            int ipntr = head + col - 1;
            if (ipntr > M) {
                ipntr -= M;
            }
            int jpntr = head;
            for (int jy = 1; jy <= col; ++jy) {
                int js = M + jy;
                double temp1 = 0.;
                double temp2 = 0.;
                double temp3 = 0.;
                for (int k = pbegin; k <= pend; ++k) {
                    int k1 = ind[k];
                    temp1 += wy[iws(k1, ipntr)] * wy[iws(k1, jpntr)];
                }
                for (int k = dbegin; k <= dend; ++k) {
                    int k1 = ind[k];
                    temp2 += ws[iws(k1, ipntr)] * ws[iws(k1, jpntr)];
                    temp3 += ws[iws(k1, ipntr)] * wy[iws(k1, jpntr)];
                }
                wn1[i2(iy, jy)] = temp1;
                wn1[i2(is, js)] = temp2;
                wn1[i2(is, jy)] = temp3;
                jpntr = jpntr % M + 1;
            }
            int jy = col;
            jpntr = head + col - 1;
            if (jpntr > M) {
                jpntr -= M;
            }
            ipntr = head;
            for (int i = 1; i <= col; ++i) {
                is = M + i;
                double temp3 = 0.;
                for (int k = pbegin; k <= pend; ++k) {
                    int k1 = ind[k];
                    temp3 += ws[iws(k1, ipntr)] * wy[iws(k1, jpntr)];
                }
                ipntr = ipntr % M + 1;
                wn1[i2(is, jy)] = temp3;
            }
            upcl = col - 1;
        } else {
            upcl = col;
        }
        int ipntr = head;
        for (int iy = 1; iy <= upcl; ++iy) {
            int is = M + iy;
            int jpntr = head;
            for (int jy = 1; jy <= iy; ++jy) {
                int js = M + jy;
                double temp1 = 0.;
                double temp2 = 0.;
                double temp3 = 0.;
                double temp4 = 0.;
                for (int k = 1; k <= nenter; ++k) {
                    int k1 = indx2[k];
                    temp1 += wy[iws(k1, ipntr)] * wy[iws(k1, jpntr)];
                    temp2 += ws[iws(k1, ipntr)] * ws[iws(k1, jpntr)];
                }
                for (int k = ileave; k <= n; ++k) {
                    int k1 = indx2[k];
                    temp3 += wy[iws(k1, ipntr)] * wy[iws(k1, jpntr)];
                    temp4 += ws[iws(k1, ipntr)] * ws[iws(k1, jpntr)];
                }
                wn1[i2(iy, jy)] = wn1[i2(iy, jy)] + temp1 - temp3;
                wn1[i2(is, js)] = wn1[i2(is, js)] - temp2 + temp4;
                jpntr = jpntr % M + 1;
            }
            ipntr = ipntr % M + 1;
        }
        ipntr = head;
        for (int is = M + 1; is <= M + upcl; ++is) {
            int jpntr = head;
            for (int jy = 1; jy <= upcl; ++jy) {
                double temp1 = 0.;
                double temp3 = 0.;
                for (int k = 1; k <= nenter; ++k) {
                    int k1 = indx2[k];
                    temp1 += ws[iws(k1, ipntr)] * wy[iws(k1, jpntr)];
                }
                for (int k = ileave; k <= n; ++k) {
                    int k1 = indx2[k];
                    temp3 += ws[iws(k1, ipntr)] * wy[iws(k1, jpntr)];
                }
                if (is <= jy + M) {
                    wn1[i2(is, jy)] += temp1 - temp3;
                } else {
                    wn1[i2(is, jy)] += -temp1 + temp3;
                }
                jpntr = jpntr % M + 1;
            }
            ipntr = ipntr % M + 1;
        }
        int m2 = M << 1;
        for (int iy = 1; iy <= col; ++iy) {
            int is = col + iy;
            int is1 = M + iy;
            for (int jy = 1; jy <= iy; ++jy) {
                int js = col + jy;
                int js1 = M + jy;
                wn[i2(jy, iy)] = wn1[i2(iy, jy)] / theta;
                wn[i2(js, is)] = wn1[i2(is1, js1)] * theta;
            }
            for (int jy = 1; jy <= iy - 1; ++jy) {
                wn[i2(jy, is)] = -wn1[i2(is1, jy)];
            }
            for (int jy = iy; jy <= col; ++jy) {
                wn[i2(jy, is)] = wn1[i2(is1, jy)];
            }
            wn[i2(iy, iy)] += sy[im(iy, iy)];
        }
        info = dpofa(wn, 1, m2, col);
        if (info != 0) {
            info = -1;
            return;
        }
        int col2 = col << 1;
        for (int js = col + 1; js <= col2; ++js) {
            info = dtrsl(wn, 1, m2, col, wn, i2(1, js), 11);
        }
        for (int is = col + 1; is <= col2; ++is) {
            for (int js = is; js <= col2; ++js) {
                wn[i2(is, js)] += ddot(col, wn, i2(1, is), wn, i2(1, js));
            }
        }
        info = dpofa(wn, i2(col + 1, col + 1), m2, col);
        if (info != 0) {
            info = -2;
        }
    }

    private void formt(double[] wt, double[] sy, double[] ss) {
        for (int j = 1; j <= col; ++j) {
            wt[im(1, j)] = theta * ss[im(1, j)];
        }
        for (int i = 2; i <= col; ++i) {
            for (int j = i; j <= col; ++j) {
                int k1 = Math.min(i, j) - 1;
                double ddum = 0.;
                for (int k = 1; k <= k1; ++k) {
                    ddum += sy[im(i, k)] * sy[im(j, k)] / sy[im(k, k)];
                }
                wt[im(i, j)] = ddum + theta * ss[im(i, j)];
            }
        }
        info = dpofa(wt, 1, M, col);
        if (info != 0) {
            info = -3;
        }
    }

    // ------------------------------------------------------------------ line search

    private int lnTask;
    private boolean csStart;

    private double lnsrlb(double[] x, double f, double[] g, double[] d, double[] r, double[] t, double[] z,
            boolean fgLn) {
        final double ftol = .001;
        final double gtol = .9;
        final double xtol = .1;
        final double stpmin = 0.;
        if (!fgLn) {
            dtd = ddot(n, d, 1, d, 1);
            dnorm = Math.sqrt(dtd);
            stpmx = 1e10;
            if (cnstnd) {
                if (iter == 0) {
                    stpmx = 1.;
                } else {
                    for (int i = 1; i <= n; ++i) {
                        double a1 = d[i];
                        if (nbd[i] != 0) {
                            if (a1 < 0. && nbd[i] <= 2) {
                                double a2 = lo[i] - x[i];
                                if (a2 >= 0.) {
                                    stpmx = 0.;
                                } else if (a1 * stpmx < a2) {
                                    stpmx = a2 / a1;
                                }
                            } else if (a1 > 0. && nbd[i] >= 2) {
                                double a2 = up[i] - x[i];
                                if (a2 <= 0.) {
                                    stpmx = 0.;
                                } else if (a1 * stpmx > a2) {
                                    stpmx = a2 / a1;
                                }
                            }
                        }
                    }
                }
            }
            if (iter == 0 && !boxed) {
                double d1 = 1. / dnorm;
                stp = Math.min(d1, stpmx);
            } else {
                stp = 1.;
            }
            System.arraycopy(x, 1, t, 1, n);
            System.arraycopy(g, 1, r, 1, n);
            fold = f;
            ifun = 0;
            iback = 0;
            csStart = true;
        }
        gd = ddot(n, g, 1, d, 1);
        if (ifun == 0) {
            gdold = gd;
            if (gd >= 0.) {
                info = -4;
                return f;
            }
        }
        int cs = dcsrch(f, gd, ftol, gtol, xtol, stpmin, stpmx);
        if (cs != DC_CONV && cs != DC_WARN) { // R also continues after an ERROR from dcsrch
            lnTask = FG_LNSRCH;
            ++ifun;
            ++nfgv;
            iback = ifun - 1;
            if (stp == 1.) {
                System.arraycopy(z, 1, x, 1, n);
            } else {
                for (int i = 1; i <= n; ++i) {
                    x[i] = stp * d[i] + t[i];
                }
            }
        } else {
            lnTask = NEW_X;
        }
        return f;
    }

    private static final int DC_FG = 0;
    private static final int DC_CONV = 1;
    private static final int DC_WARN = 2;
    private static final int DC_ERROR = 3;

    /** Moré-Thuente dcsrch; f, g at the current stp; updates stp; returns the task code. */
    private int dcsrch(double f, double g, double ftol, double gtol, double xtol, double stpmin, double stpmax) {
        if (csStart) {
            csStart = false;
            if (stp < stpmin || stp > stpmax || g >= 0. || stpmax < stpmin) {
                return DC_ERROR;
            }
            brackt = false;
            stage = 1;
            finit = f;
            ginit = g;
            gtest = ftol * ginit;
            width = stpmax - stpmin;
            width1 = width / .5;
            stx = 0.;
            fx = finit;
            gx = ginit;
            sty = 0.;
            fy = finit;
            gy = ginit;
            stmin = 0.;
            stmax = stp + stp * 4.;
            return DC_FG;
        }
        int task = -1;
        double ftest = finit + stp * gtest;
        if (stage == 1 && f <= ftest && g >= 0.) {
            stage = 2;
        }
        if (brackt && (stp <= stmin || stp >= stmax)) {
            task = DC_WARN;
        }
        if (brackt && stmax - stmin <= xtol * stmax) {
            task = DC_WARN;
        }
        if (stp == stpmax && f <= ftest && g <= gtest) {
            task = DC_WARN;
        }
        if (stp == stpmin && (f > ftest || g >= gtest)) {
            task = DC_WARN;
        }
        if (f <= ftest && Math.abs(g) <= gtol * (-ginit)) {
            task = DC_CONV;
        }
        if (task == DC_WARN || task == DC_CONV) {
            return task;
        }
        if (stage == 1 && f <= fx && f > ftest) {
            double fm = f - stp * gtest;
            double fxm = fx - stx * gtest;
            double fym = fy - sty * gtest;
            double gm = g - gtest;
            double gxm = gx - gtest;
            double gym = gy - gtest;
            csStx = stx;
            csFx = fxm;
            csDx = gxm;
            csSty = sty;
            csFy = fym;
            csDy = gym;
            csStp = stp;
            dcstep(fm, gm, stmin, stmax);
            stx = csStx;
            sty = csSty;
            stp = csStp;
            fx = csFx + stx * gtest;
            fy = csFy + sty * gtest;
            gx = csDx + gtest;
            gy = csDy + gtest;
        } else {
            csStx = stx;
            csFx = fx;
            csDx = gx;
            csSty = sty;
            csFy = fy;
            csDy = gy;
            csStp = stp;
            dcstep(f, g, stmin, stmax);
            stx = csStx;
            fx = csFx;
            gx = csDx;
            sty = csSty;
            fy = csFy;
            gy = csDy;
            stp = csStp;
        }
        if (brackt) {
            if (Math.abs(sty - stx) >= width1 * .66) {
                stp = stx + (sty - stx) * .5;
            }
            width1 = width;
            width = Math.abs(sty - stx);
        }
        if (brackt) {
            stmin = Math.min(stx, sty);
            stmax = Math.max(stx, sty);
        } else {
            stmin = stp + (stp - stx) * 1.1;
            stmax = stp + (stp - stx) * 4.;
        }
        if (stp < stpmin) {
            stp = stpmin;
        }
        if (stp > stpmax) {
            stp = stpmax;
        }
        if ((brackt && (stp <= stmin || stp >= stmax)) || (brackt && (stmax - stmin <= xtol * stmax))) {
            stp = stx;
        }
        return DC_FG;
    }

    /** Moré-Thuente dcstep on the cs* fields (stx, fx, dx, sty, fy, dy, stp); brackt updated. */
    private void dcstep(double fp, double dp, double stpmin, double stpmax) {
        double sgnd = dp * (csDx / Math.abs(csDx));
        double stpf;
        if (fp > csFx) {
            double theta1 = (csFx - fp) * 3. / (csStp - csStx) + csDx + dp;
            double s = Math.max(Math.max(Math.abs(theta1), Math.abs(csDx)), Math.abs(dp));
            double d1 = theta1 / s;
            double gamm = s * Math.sqrt(d1 * d1 - csDx / s * (dp / s));
            if (csStp < csStx) {
                gamm = -gamm;
            }
            double p = gamm - csDx + theta1;
            double q = gamm - csDx + gamm + dp;
            double r = p / q;
            double stpc = csStx + r * (csStp - csStx);
            double stpq = csStx + csDx / ((csFx - fp) / (csStp - csStx) + csDx) / 2. * (csStp - csStx);
            if (Math.abs(stpc - csStx) < Math.abs(stpq - csStx)) {
                stpf = stpc;
            } else {
                stpf = stpc + (stpq - stpc) / 2.;
            }
            brackt = true;
        } else if (sgnd < 0.) {
            double theta1 = (csFx - fp) * 3. / (csStp - csStx) + csDx + dp;
            double s = Math.max(Math.max(Math.abs(theta1), Math.abs(csDx)), Math.abs(dp));
            double d1 = theta1 / s;
            double gamm = s * Math.sqrt(d1 * d1 - csDx / s * (dp / s));
            if (csStp > csStx) {
                gamm = -gamm;
            }
            double p = gamm - dp + theta1;
            double q = gamm - dp + gamm + csDx;
            double r = p / q;
            double stpc = csStp + r * (csStx - csStp);
            double stpq = csStp + dp / (dp - csDx) * (csStx - csStp);
            if (Math.abs(stpc - csStp) > Math.abs(stpq - csStp)) {
                stpf = stpc;
            } else {
                stpf = stpq;
            }
            brackt = true;
        } else if (Math.abs(dp) < Math.abs(csDx)) {
            double theta1 = (csFx - fp) * 3. / (csStp - csStx) + csDx + dp;
            double s = Math.max(Math.max(Math.abs(theta1), Math.abs(csDx)), Math.abs(dp));
            double d1 = theta1 / s;
            d1 = d1 * d1 - csDx / s * (dp / s);
            double gamm = d1 < 0 ? 0. : s * Math.sqrt(d1);
            if (csStp > csStx) {
                gamm = -gamm;
            }
            double p = gamm - dp + theta1;
            double q = gamm + (csDx - dp) + gamm;
            double r = p / q;
            double stpc;
            if (r < 0. && gamm != 0.) {
                stpc = csStp + r * (csStx - csStp);
            } else if (csStp > csStx) {
                stpc = stpmax;
            } else {
                stpc = stpmin;
            }
            double stpq = csStp + dp / (dp - csDx) * (csStx - csStp);
            if (brackt) {
                if (Math.abs(stpc - csStp) < Math.abs(stpq - csStp)) {
                    stpf = stpc;
                } else {
                    stpf = stpq;
                }
                double dd = csStp + (csSty - csStp) * .66;
                if (csStp > csStx) {
                    stpf = Math.min(dd, stpf);
                } else {
                    stpf = Math.max(dd, stpf);
                }
            } else {
                if (Math.abs(stpc - csStp) > Math.abs(stpq - csStp)) {
                    stpf = stpc;
                } else {
                    stpf = stpq;
                }
                stpf = Math.min(stpmax, stpf);
                stpf = Math.max(stpmin, stpf);
            }
        } else {
            if (brackt) {
                double theta1 = (fp - csFy) * 3. / (csSty - csStp) + csDy + dp;
                double s = Math.max(Math.max(Math.abs(theta1), Math.abs(csDy)), Math.abs(dp));
                double d1 = theta1 / s;
                double gamm = s * Math.sqrt(d1 * d1 - csDy / s * (dp / s));
                if (csStp > csSty) {
                    gamm = -gamm;
                }
                double p = gamm - dp + theta1;
                double q = gamm - dp + gamm + csDy;
                double r = p / q;
                stpf = csStp + r * (csSty - csStp);
            } else if (csStp > csStx) {
                stpf = stpmax;
            } else {
                stpf = stpmin;
            }
        }
        if (fp > csFx) {
            csSty = csStp;
            csFy = fp;
            csDy = dp;
        } else {
            if (sgnd < 0.) {
                csSty = csStx;
                csFy = csFx;
                csDy = csDx;
            }
            csStx = csStp;
            csFx = fp;
            csDx = dp;
        }
        csStp = stpf;
    }

    // ------------------------------------------------------------------ subsm, matupd

    private void subsm(int[] ind, double[] xOut, double[] d, double[] ws, double[] wy, double[] wa, double[] wn) {
        // In mainlb: subsm(n, m, nfree, indx, l, u, nbd, z, r, ws, wy, theta, col, head, iword, wa, wn, ...)
        // "x" of subsm is z (the Cauchy point, updated in place), "d" of subsm is r.
        double[] xx = xOut;
        int ns = nfree;
        if (ns <= 0) {
            return;
        }
        int pointr = head;
        for (int i = 1; i <= col; ++i) {
            double temp1 = 0.;
            double temp2 = 0.;
            for (int j = 1; j <= ns; ++j) {
                int k = ind[j];
                temp1 += wy[iws(k, pointr)] * d[j];
                temp2 += ws[iws(k, pointr)] * d[j];
            }
            wa[i] = temp1;
            wa[col + i] = theta * temp2;
            pointr = pointr % M + 1;
        }
        int m2 = M << 1;
        int col2 = col << 1;
        info = dtrsl(wn, 1, m2, col2, wa, 1, 11);
        if (info != 0) {
            return;
        }
        for (int i = 1; i <= col; ++i) {
            wa[i] = -wa[i];
        }
        info = dtrsl(wn, 1, m2, col2, wa, 1, 1);
        if (info != 0) {
            return;
        }
        pointr = head;
        for (int jy = 1; jy <= col; ++jy) {
            int js = col + jy;
            for (int i = 1; i <= ns; ++i) {
                int k = ind[i];
                d[i] += (wy[iws(k, pointr)] * wa[jy] / theta + ws[iws(k, pointr)] * wa[js]);
            }
            pointr = pointr % M + 1;
        }
        for (int i = 1; i <= ns; ++i) {
            d[i] /= theta;
        }
        double alpha = 1.;
        double temp1 = alpha;
        int ibd = 0;
        for (int i = 1; i <= ns; ++i) {
            int k = ind[i];
            double dk = d[i];
            if (nbd[k] != 0) {
                if (dk < 0. && nbd[k] <= 2) {
                    double temp2 = lo[k] - xx[k];
                    if (temp2 >= 0.) {
                        temp1 = 0.;
                    } else if (dk * alpha < temp2) {
                        temp1 = temp2 / dk;
                    }
                } else if (dk > 0. && nbd[k] >= 2) {
                    double temp2 = up[k] - xx[k];
                    if (temp2 <= 0.) {
                        temp1 = 0.;
                    } else if (dk * alpha > temp2) {
                        temp1 = temp2 / dk;
                    }
                }
                if (temp1 < alpha) {
                    alpha = temp1;
                    ibd = i;
                }
            }
        }
        if (alpha < 1.) {
            double dk = d[ibd];
            int k = ind[ibd];
            if (dk > 0.) {
                xx[k] = up[k];
                d[ibd] = 0.;
            } else if (dk < 0.) {
                xx[k] = lo[k];
                d[ibd] = 0.;
            }
        }
        for (int i = 1; i <= ns; ++i) {
            xx[ind[i]] += alpha * d[i];
        }
    }

    private void matupd(double[] ws, double[] wy, double[] sy, double[] ss, double[] d, double[] r, double rr,
            double dr) {
        if (iupdat <= M) {
            col = iupdat;
            itail = (head + iupdat - 2) % M + 1;
        } else {
            itail = itail % M + 1;
            head = head % M + 1;
        }
        System.arraycopy(d, 1, ws, iws(1, itail), n);
        System.arraycopy(r, 1, wy, iws(1, itail), n);
        theta = rr / dr;
        if (iupdat > M) {
            for (int j = 1; j <= col - 1; ++j) {
                System.arraycopy(ss, im(2, j + 1), ss, im(1, j), j);
                System.arraycopy(sy, im(j + 1, j + 1), sy, im(j, j), col - j);
            }
        }
        int pointr = head;
        for (int j = 1; j <= col - 1; ++j) {
            sy[im(col, j)] = ddot(n, d, 1, wy, iws(1, pointr));
            ss[im(j, col)] = ddot(n, ws, iws(1, pointr), d, 1);
            pointr = pointr % M + 1;
        }
        if (stp == 1.) {
            ss[im(col, col)] = dtd;
        } else {
            ss[im(col, col)] = stp * stp * dtd;
        }
        sy[im(col, col)] = dr;
    }
}
