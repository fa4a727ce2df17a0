package org.benchtop.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One-dimensional local polynomial regression as R's {@code locfit(y ~ x, weights = w)} with
 * its defaults (package locfit 1.5-9.7): Gaussian family with identity link, nearest-neighbour
 * bandwidth fraction {@code alpha} (nn) 0.7, local degree 2, tricube kernel, and the default
 * evaluation structure {@code ev = rbox()} (an adaptive tree with {@code cut} 0.8) with cubic
 * Hermite interpolation between its vertices. Loader (1999), <i>Local Regression and
 * Likelihood</i>, Springer, doi:10.1007/b98858, chapters 2 and 12. DESeq2's local dispersion
 * trend is this fit of log dispersion on log mean (Love, Huber and Anders 2014, Genome Biology
 * 15:550, doi:10.1186/s13059-014-0550-8; see {@code org.benchtop.core.rnaseq.DispersionTrend}).
 *
 * <p>The fit, reproducing locfit's C code step by step:
 * <ol>
 * <li><b>Parametric component.</b> A global weighted polynomial of the local degree,
 * {@code pc(x) = sum_j c_j (x - xbar)^j / j!}, fitted by weighted least squares with the prior
 * weights, {@code xbar = sum w_i x_i / sum w_i}. It is subtracted from every vertex fit and added
 * back when predicting, so the interpolation acts on the residual from a global polynomial.</li>
 * <li><b>Local fit at a point t.</b> The bandwidth {@code h(t)} is the distance from t to its
 * k-th nearest data point, {@code k = floor(n alpha + 1e-12)} (0 if k = 0). The kernel weights are
 * {@code W(|x_i - t| / h)} with the tricube {@code W(u) = (1 - u^3)^3} for u &lt; 1 and 0 otherwise
 * (for h = 0: 1 where x_i = t). The local coefficients maximize
 * {@code -1/2 sum W_i w_i (y_i - sum_j b_j (x_i - t)^j / j!)^2}: one Newton step from
 * {@code (sum W w y / sum W w, 0, ...)} with the Hessian solved as locfit does, by a Jacobi
 * eigen-decomposition of its correlation form whose eigenvalues at or below 1e-8 times the largest
 * are not inverted. The fitted value is b_0 and the slope b_1.</li>
 * <li><b>Tree.</b> Vertices at the data range [min x, max x]; a cell [l, u] whose vertices have
 * bandwidths h_l, h_u is split at its midpoint when {@code (u - l) / min(h_l, h_u) > cut} (over
 * the positive bandwidths; if none is positive, when {@code 2 (u - l) / (max x - min x) > cut}),
 * the new vertex fitted, and both halves examined in turn (left first). At most
 * {@code floor(2 (5 / (a cu) + 1))} vertices are allowed, a = min(alpha, 1), cu = min(cut, 1)
 * (19 with the defaults): locfit stops with "out of vertex space" beyond, and so does this class.</li>
 * <li><b>Prediction at x.</b> Descend the tree to the cell containing x (points outside the range
 * go to the outermost cell), interpolate the vertex values and slopes (residuals from the
 * parametric component) by the cubic Hermite polynomial of the cell (linearly extrapolated with
 * the end slope outside it; linear interpolation of the values for degree 0) and add
 * {@code pc(x)}.</li>
 * </ol>
 * In locfit's C code the same arithmetic is done in the same order, so results agree to a few
 * units in the last place. Not reproduced: other families, links, kernels, dimensions and
 * evaluation structures, fixed bandwidths, and locfit's NA marker (a prediction exactly equal
 * to 0.1278433 is NA in R).
 *
 * <p>Immutable; {@link #withDefaults()} then {@code with...}. Thread-safe.
 */
public final class Locfit {

    /** Eigenvalues at or below this fraction of the largest are not inverted (locfit's E_TOL). */
    private static final double EIGEN_TOL = 1.0e-8;
    /** Sweeps of the Jacobi eigen-decomposition (locfit's E_MAXIT). */
    private static final int EIGEN_SWEEPS = 20;

    private final double alpha;
    private final int degree;
    private final double cut;

    private Locfit(double alpha, int degree, double cut) {
        this.alpha = alpha;
        this.degree = degree;
        this.cut = cut;
    }

    /** @return locfit's defaults: alpha (nn) 0.7, degree 2, cut 0.8 */
    public static Locfit withDefaults() {
        return new Locfit(0.7, 2, 0.8);
    }

    /**
     * @param nn the nearest-neighbour fraction of the bandwidth, {@code 0 < nn <= 1}
     *        (locfit's {@code alpha} or {@code lp(x, nn = )})
     * @return a copy using it
     * @throws IllegalArgumentException if outside (0, 1]
     */
    public Locfit withAlpha(double nn) {
        if (!(nn > 0 && nn <= 1)) {
            throw new IllegalArgumentException("The nearest-neighbour fraction must be in (0, 1], not " + nn);
        }
        return new Locfit(nn, degree, cut);
    }

    /**
     * @param deg the degree of the local polynomials, 0 to 3 (locfit's {@code deg})
     * @return a copy using it
     * @throws IllegalArgumentException if outside 0..3
     */
    public Locfit withDegree(int deg) {
        if (deg < 0 || deg > 3) {
            throw new IllegalArgumentException("The local degree must be 0, 1, 2 or 3, not " + deg);
        }
        return new Locfit(alpha, deg, cut);
    }

    /**
     * @param c the tree's cut ({@code rbox(cut = )}): smaller values give more vertices; at least 0.01
     * @return a copy using it
     * @throws IllegalArgumentException if below 0.01 or not finite
     */
    public Locfit withCut(double c) {
        if (!(c >= 0.01 && c < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("The tree cut must be a finite number >= 0.01, not " + c);
        }
        return new Locfit(alpha, degree, c);
    }

    /** @return the nearest-neighbour fraction */
    public double alpha() {
        return alpha;
    }

    /** @return the local degree */
    public int degree() {
        return degree;
    }

    /** @return the tree cut */
    public double cut() {
        return cut;
    }

    /**
     * Fits the local regression of y on x.
     *
     * @param x the predictor values (any order; ties allowed)
     * @param y the responses
     * @param weights prior weights (non-negative, positive sum), or null for all 1
     * @return the fit, to be evaluated with {@link Result#predict(double)}
     * @throws IllegalArgumentException for empty or unequal-length arrays, non-finite values,
     *         negative weights or a zero weight sum
     * @throws IllegalStateException when the tree needs more vertices than locfit allows (R stops
     *         with "newsplit: out of vertex space"; happens for data with long empty stretches,
     *         e.g. a far outlier in x)
     */
    public Result fit(double[] x, double[] y, double[] weights) {
        int n = x.length;
        if (n == 0 || y.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("locfit needs equally long, non-empty x, y (and weights); got "
                    + n + ", " + y.length + (weights == null ? "" : ", " + weights.length));
        }
        double[] w = weights == null ? filled(n, 1.0) : weights.clone();
        double sw = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]) || !(w[i] >= 0) || w[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("locfit needs finite x, y and non-negative finite weights; "
                        + "point " + (i + 1) + " has x " + x[i] + ", y " + y[i] + ", weight " + w[i]);
            }
            sw += w[i];
        }
        if (!(sw > 0)) {
            throw new IllegalArgumentException("locfit needs a positive sum of weights");
        }
        Fitter f = new Fitter(x.clone(), y.clone(), w, degree, (int) (n * alpha + 1e-12));
        // parametric component at the weighted mean, all kernel weights 1
        double xbar = 0;
        for (int i = 0; i < n; i++) {
            xbar += x[i] * w[i];
        }
        xbar /= sw;
        double[] pc = f.fitAll(xbar);
        double lo = x[0];
        double hi = x[0];
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        Tree t = new Tree(f, pc, xbar, lo, hi, cut, capacity());
        t.vertex(lo);
        t.vertex(hi);
        t.grow(0, 1, lo, hi);
        return new Result(this, t, pc, xbar);
    }

    /** locfit's atree_guessnv for one dimension: the most vertices the tree may have. */
    int capacity() {
        double a0 = alpha > 1 ? 1 : 1 / alpha;
        double cu = Math.min(1.0, cut);
        return (int) ((5 * a0 / cu + 1) * 2);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** The local fits: data, scratch space and locfit's coefficient vector carried between fits. */
    private static final class Fitter {
        final double[] x;
        final double[] y;
        final double[] w;
        final int p;
        final int k;
        final boolean ordered;
        final int[] ind;
        final double[] kw;
        final double[] dist;
        /** locfit keeps the last coefficients when a neighbourhood has no weight (LF_NOPT). */
        final double[] cf;
        double h;

        Fitter(double[] x, double[] y, double[] w, int degree, int k) {
            this.x = x;
            this.y = y;
            this.w = w;
            this.p = degree + 1;
            this.k = k;
            int n = x.length;
            int i = 1;
            while (i < n && x[i] >= x[i - 1]) {
                i++;
            }
            ordered = i == n;
            ind = new int[n];
            kw = new double[n];
            dist = new double[n];
            cf = new double[p];
        }

        /** The global fit (all kernel weights 1) at t: the parametric component's coefficients. */
        double[] fitAll(double t) {
            int n = x.length;
            for (int i = 0; i < n; i++) {
                ind[i] = i;
                kw[i] = 1.0;
            }
            solve(n, t);
            return cf.clone();
        }

        /** The local fit at t; leaves the coefficients in cf and the bandwidth in h. */
        void fitAt(double t) {
            solve(ordered ? neighbourhoodOrdered(t) : neighbourhood(t), t);
        }

        /** locfit's nbhd for unsorted data: the k-th smallest distance, points in data order. */
        private int neighbourhood(double t) {
            int n = x.length;
            for (int i = 0; i < n; i++) {
                dist[i] = Math.abs(x[i] - t);
            }
            if (k < 1) {
                h = 0;
            } else {
                double[] s = dist.clone();
                Arrays.sort(s);
                h = s[k - 1];
            }
            int m = 0;
            for (int i = 0; i < n; i++) {
                double kwi = kernel(dist[i], h);
                if (kwi > 0) {
                    kw[m] = kwi;
                    ind[m++] = i;
                }
            }
            return m;
        }

        /**
         * locfit's nbhd1 for sorted data: the window of the k nearest points grown from the
         * closest one, then the points with positive weight from there to the left, then to the right.
         */
        private int neighbourhoodOrdered(double t) {
            int n = x.length;
            int z;
            if (t <= x[0]) {
                z = 0;
            } else if (t >= x[n - 1]) {
                z = n - 1;
            } else {
                int l = 0;
                int r = n - 1;
                while (r - l > 1) {
                    int mid = (r + l) / 2;
                    if (x[mid] > t) {
                        r = mid;
                    } else {
                        l = mid;
                    }
                }
                z = (t - x[l]) > (x[r] - t) ? r : l;
            }
            if (k > 0) {
                int l = z;
                int r = z;
                if (l == 0) {
                    r = k - 1;
                }
                if (r == n - 1) {
                    l = n - k;
                }
                while (r - l < k - 1) {
                    if ((t - x[l - 1]) < (x[r + 1] - t)) {
                        l--;
                    } else {
                        r++;
                    }
                    if (l == 0) {
                        r = k - 1;
                    }
                    if (r == n - 1) {
                        l = n - k;
                    }
                }
                h = Math.max(t - x[l], x[r] - t);
            } else {
                h = 0;
            }
            if (h < 0) {
                h = 0;
            }
            int m = 0;
            if (x[z] > t) {
                z--;
            }
            for (int i = z; i >= 0; i--) {
                double kwi = kernel(t - x[i], h);
                if (!(kwi > 0)) {
                    break;
                }
                kw[m] = kwi;
                ind[m++] = i;
            }
            for (int i = z + 1; i < n; i++) {
                double kwi = kernel(x[i] - t, h);
                if (!(kwi > 0)) {
                    break;
                }
                kw[m] = kwi;
                ind[m++] = i;
            }
            return m;
        }

        private static double kernel(double d, double h) {
            if (h == 0) {
                return d == 0 ? 1.0 : 0.0;
            }
            double u = Math.abs(d / h);
            if (u > 1) {
                return 0.0;
            }
            double v = 1 - u * u * u;
            return v * v * v;
        }

        /**
         * Weighted least squares over ind[0..m) with kernel weights kw: locfit's reginit start
         * and one max_nr Newton step (the Gaussian likelihood stops iterating after it).
         */
        private void solve(int m, double t) {
            double s0 = 0;
            double s1 = 0;
            for (int i = 0; i < m; i++) {
                int ii = ind[i];
                s1 += kw[i] * (w[ii] * y[ii]);
                s0 += kw[i] * w[ii];
            }
            if (s0 == 0) {
                return; // LF_NOPT: locfit leaves the previous coefficients in place
            }
            double[] start = new double[p];
            start[0] = s1 / s0;
            double[] grad = new double[p];
            double[] hess = new double[p * p];
            double[] row = new double[p];
            for (int i = 0; i < m; i++) {
                int ii = ind[i];
                basis(x[ii], t, row);
                double th = 0;
                for (int j = 0; j < p; j++) {
                    th += start[j] * row[j];
                }
                double dll = w[ii] * (y[ii] - th);
                double c = kw[i] * w[ii];
                for (int j = 0; j < p; j++) {
                    grad[j] += row[j] * kw[i] * dll;
                }
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        hess[a * p + b] += c * row[a] * row[b];
                    }
                }
            }
            solveEigd(hess, grad, p);
            for (int j = 0; j < p; j++) {
                cf[j] = start[j] + 1.0 * grad[j];
            }
        }
    }

    /**
     * locfit's jacob_solve with JAC_EIGD: {@code v <- Z^-1 v} via the eigen-decomposition of
     * D Z D, D = diag(1/sqrt(Z_ii)) (0 where Z_ii &lt;= 0). Components whose eigenvalue is at or
     * below 1e-8 times the largest diagonal entry are left undivided, as in locfit.
     */
    static int solveEigd(double[] z, double[] v, int p) {
        double[] dg = new double[p];
        for (int i = 0; i < p; i++) {
            double d = z[i * (p + 1)];
            dg[i] = d <= 0 ? 0.0 : 1 / Math.sqrt(d);
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                z[i * p + j] *= dg[i] * dg[j];
            }
        }
        double[] q = jacobiEigen(z, p);
        for (int i = 0; i < p; i++) {
            v[i] *= dg[i];
        }
        double mx = z[0];
        for (int i = 1; i < p; i++) {
            if (z[i * (p + 1)] > mx) {
                mx = z[i * (p + 1)];
            }
        }
        double tol = EIGEN_TOL * mx;
        double[] u = new double[p];
        int rank = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                u[i] += q[j * p + i] * v[j];
            }
        }
        for (int i = 0; i < p; i++) {
            if (z[i * p + i] > tol) {
                u[i] /= z[i * (p + 1)];
                rank++;
            }
        }
        for (int i = 0; i < p; i++) {
            v[i] = 0.0;
            for (int j = 0; j < p; j++) {
                v[i] += q[i * p + j] * u[j];
            }
        }
        for (int i = 0; i < p; i++) {
            v[i] *= dg[i];
        }
        return rank;
    }

    /**
     * Cyclic Jacobi rotations on the symmetric p x p matrix a (row-major), as locfit's eig_dec:
     * a becomes diagonal (the eigenvalues), the returned matrix holds the eigenvectors in its columns.
     */
    private static double[] jacobiEigen(double[] a, int p) {
        double[] q = new double[p * p];
        for (int i = 0; i < p; i++) {
            q[i * p + i] = 1.0;
        }
        for (int sweep = 0; sweep < EIGEN_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    double off = a[i * p + j];
                    if (off * off > 1.0e-15 * Math.abs(a[i * p + i] * a[j * p + j])) {
                        double c = (a[j * p + j] - a[i * p + i]) / 2;
                        double s = -off;
                        double r = Math.sqrt(c * c + s * s);
                        c /= r;
                        s = Math.sqrt((1 - c) / 2) * (s > 0 ? 1 : -1);
                        c = Math.sqrt((1 + c) / 2);
                        for (int k = 0; k < p; k++) {
                            double u = a[i * p + k];
                            double v = a[j * p + k];
                            a[i * p + k] = u * c + v * s;
                            a[j * p + k] = v * c - u * s;
                        }
                        for (int k = 0; k < p; k++) {
                            double u = a[k * p + i];
                            double v = a[k * p + j];
                            a[k * p + i] = u * c + v * s;
                            a[k * p + j] = v * c - u * s;
                        }
                        a[i * p + j] = 0.0;
                        a[j * p + i] = 0.0;
                        for (int k = 0; k < p; k++) {
                            double u = q[k * p + i];
                            double v = q[k * p + j];
                            q[k * p + i] = u * c + v * s;
                            q[k * p + j] = v * c - u * s;
                        }
                        rotated = true;
                    }
                }
            }
            if (!rotated) {
                break;
            }
        }
        return q;
    }

    /** The adaptive tree under construction (locfit's atree_start / atree_grow / newsplit). */
    private static final class Tree {
        final Fitter f;
        final double[] pc;
        final double xbar;
        final double lo;
        final double hi;
        final int capacity;
        final List<double[]> vertices = new ArrayList<>(); // {x, h, value, slope}
        // cells: left vertex, right vertex, split vertex (-1 for a leaf), left child, right child
        final List<int[]> cells = new ArrayList<>();
        final double cut;

        Tree(Fitter f, double[] pc, double xbar, double lo, double hi, double cut, int capacity) {
            this.f = f;
            this.pc = pc;
            this.xbar = xbar;
            this.lo = lo;
            this.hi = hi;
            this.cut = cut;
            this.capacity = capacity;
        }

        /** Fits a new vertex at t (procvraw + subparcomp). */
        int vertex(double t) {
            if (vertices.size() == capacity) {
                throw new IllegalStateException("locfit: out of vertex space (" + capacity
                        + " vertices); the x values leave long empty stretches that the tree cannot cover");
            }
            f.fitAt(t);
            double[] row = new double[f.p];
            basis(t, xbar, row);
            double value = f.cf[0] - inner(pc, row);
            double slope = 0;
            if (f.p > 1) {
                derivativeBasis(t, xbar, row);
                slope = f.cf[1] - inner(pc, row);
            }
            vertices.add(new double[] {t, f.h, value, slope});
            return vertices.size() - 1;
        }

        /** Grows the subtree of the cell [l, u] between vertices a (left) and b (right). */
        int grow(int a, int b, double l, double u) {
            int cell = cells.size();
            cells.add(new int[] {a, b, -1, -1, -1});
            if (!split(vertices.get(a)[1], vertices.get(b)[1], l, u)) {
                return cell;
            }
            double[] va = vertices.get(a);
            double[] vb = vertices.get(b);
            int m = vertex((va[0] + vb[0]) / 2);
            int left = grow(a, m, l, (u + l) / 2);
            int right = grow(m, b, (l + u) / 2, u);
            cells.set(cell, new int[] {a, b, m, left, right});
            return cell;
        }

        boolean split(double ha, double hb, double l, double u) {
            return splits(ha, hb, l, u, lo, hi, cut);
        }
    }

    /** locfit's atree_split in one dimension. */
    static boolean splits(double ha, double hb, double l, double u, double boxLo, double boxHi, double cut) {
        double hmin = 0.0;
        for (double h : new double[] {ha, hb}) {
            if (h > 0 && (hmin == 0 || h < hmin)) {
                hmin = h;
            }
        }
        double score = hmin == 0 ? 2 * (u - l) / (boxHi - boxLo) : (u - l) / hmin;
        return cut < score;
    }

    private static double inner(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The basis row {@code (x - t)^j / j!}, j = 0..p-1, as locfit's fitfun. */
    static void basis(double xi, double t, double[] row) {
        double dx = xi - t;
        row[0] = 1.0;
        double f = 1.0;
        for (int j = 1; j < row.length; j++) {
            f = f * dx / j;
            row[j] = f;
        }
    }

    /** The first derivative of the basis, {@code (x - t)^(j-1) / (j-1)!}, as locfit's fitfun with one derivative. */
    private static void derivativeBasis(double xi, double t, double[] row) {
        double dx = xi - t;
        row[0] = 0.0;
        double f = 1.0;
        for (int j = 1; j < row.length; j++) {
            if (j > 1) {
                f = f * dx / (j - 1);
            }
            row[j] = f;
        }
    }

    /**
     * A fitted local regression: the tree's vertices with their bandwidths and fits, and the
     * parametric component. Immutable.
     */
    public static final class Result {
        private final Locfit settings;
        private final double[] vx;
        private final double[] vh;
        private final double[] value;
        private final double[] slope;
        private final int[][] cells;
        private final double[] pc;
        private final double xbar;

        private Result(Locfit settings, Tree t, double[] pc, double xbar) {
            this.settings = settings;
            int nv = t.vertices.size();
            vx = new double[nv];
            vh = new double[nv];
            value = new double[nv];
            slope = new double[nv];
            for (int i = 0; i < nv; i++) {
                double[] v = t.vertices.get(i);
                vx[i] = v[0];
                vh[i] = v[1];
                value[i] = v[2];
                slope[i] = v[3];
            }
            cells = t.cells.toArray(new int[0][]);
            this.pc = pc.clone();
            this.xbar = xbar;
        }

        /**
         * The fitted regression function at x (R's {@code predict(fit, x)}).
         *
         * @param x a predictor value; outside the data range the outermost cell's cubic is
         *        continued linearly with the slope at its end
         * @return the fitted value; NaN for NaN x
         */
        public double predict(double x) {
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
            int c = 0;
            while (cells[c][2] >= 0) {
                double l = vx[cells[c][0]];
                double u = vx[cells[c][1]];
                c = 2 * (x - l) < u - l ? cells[c][3] : cells[c][4];
            }
            int a = cells[c][0];
            int b = cells[c][1];
            double l = vx[a];
            double z = vx[b] - l;
            double d = x - l;
            double f;
            if (settings.degree == 0) {
                f = z == 0 ? value[a] : ((z - d) * value[a] + d * value[b]) / z;
            } else {
                double phi0;
                double phi1;
                double phi2;
                double phi3;
                if (z == 0) {
                    phi0 = 1;
                    phi1 = 0;
                    phi2 = 0;
                    phi3 = 0;
                } else {
                    double hh = d / z;
                    if (hh < 0) {
                        phi0 = 1;
                        phi1 = 0;
                        phi2 = hh;
                        phi3 = 0;
                    } else if (hh > 1) {
                        phi0 = 0;
                        phi1 = 1;
                        phi2 = 0;
                        phi3 = hh - 1;
                    } else {
                        phi1 = hh * hh * (3 - 2 * hh);
                        phi0 = 1 - phi1;
                        phi2 = hh * (1 - hh) * (1 - hh);
                        phi3 = hh * hh * (hh - 1);
                    }
                }
                phi2 *= z;
                phi3 *= z;
                f = phi0 * value[a] + phi1 * value[b] + phi2 * slope[a] + phi3 * slope[b];
            }
            double[] row = new double[pc.length];
            basis(x, xbar, row);
            return f + inner(pc, row);
        }

        /**
         * @param x predictor values
         * @return {@link #predict(double)} of each
         */
        public double[] predict(double[] x) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = predict(x[i]);
            }
            return out;
        }

        /** @return the tree's vertices, in the order locfit creates them (R's {@code fit$eva$xev}) */
        public double[] vertices() {
            return vx.clone();
        }

        /** @return the nearest-neighbour bandwidth at each vertex */
        public double[] bandwidths() {
            return vh.clone();
        }

        /** @return the parametric component's coefficients for {@code (x - xbar)^j / j!} */
        public double[] parametricComponent() {
            return pc.clone();
        }

        /** @return the weighted mean of x about which the parametric component is expanded */
        public double xbar() {
            return xbar;
        }

        /** @return the settings of the fit (nearest-neighbour fraction, degree, cut) */
        public Locfit settings() {
            return settings;
        }
    }
}
