package org.benchtop.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Local polynomial regression with one predictor as R's {@code loess(y ~ x, span, degree)} with
 * its defaults otherwise (family "gaussian", surface "interpolate", cell 0.2) and
 * {@code predict()}: Cleveland, Grosse and Shyu (1992), Local regression models, chapter 8 of
 * <i>Statistical Models in S</i> (Chambers and Hastie, eds.), Wadsworth, doi:10.1201/9780203738535;
 * Cleveland and Grosse (1991), Computational methods for local regression, Statistics and
 * Computing 1:47-62, doi:10.1007/BF01890836. Reproduces R 4.2.2's {@code stats} C and Fortran code
 * (netlib dloess) step by step:
 * <ol>
 * <li><b>Neighbourhood size.</b> {@code q = min(n, floor(n span + 1e-5))} points; the local model
 * has {@code k = degree + 1} coefficients ({@code 1, x - t, (x - t)^2}).</li>
 * <li><b>k-d tree.</b> The bounding box is the data range widened by 0.5 % on each side
 * ({@code 0.005 max(range, 1e-10 max|x| + 1e-30)}). A cell with more than
 * {@code fc = floor(n span cell)} points is split at the median of its points (the
 * {@code floor((l + u) / 2)}-th by Floyd and Rivest's selection, moved to the nearest boundary
 * between distinct values if the median is tied), unless the median equals a cell bound; the
 * split point becomes a new vertex. Cells are examined in the order they are created.</li>
 * <li><b>Vertex fits.</b> At each vertex t: the q points nearest to t, with d_i their distance
 * and h the q-th smallest distance (times sqrt(span) if the span exceeds 1), the rows of the
 * weighted least squares problem multiplied by {@code sqrt(w_i (1 - (d_i / h)^3)^3)} (square roots
 * of the tricube weights times the prior weights), the columns scaled to unit length, Householder
 * QR, and a pseudo-inverse from the singular value decomposition of R (singular values at or below
 * {@code 100 eps sigma_1} are dropped); the vertex keeps the fitted value and slope at t. The
 * nearest-neighbour permutation carries over from one vertex to the next, as in dloess.</li>
 * <li><b>Interpolation.</b> Within the leaf cell {@code [v_0, v_1]} holding x, the cubic Hermite
 * polynomial through the two vertices' values and slopes ({@code h = (x - v_0) / (v_1 - v_0)}).
 * {@link Result#predict(double)} is NaN outside the data range, like R's NA.</li>
 * </ol>
 * The arithmetic is LINPACK's and the reference BLAS's in their order ({@link Linpack}), so fitted
 * values and predictions are identical doubles to R's on the same platform. Not reproduced: more
 * than one predictor, the "symmetric" family (robustness iterations), surface "direct", and the
 * statistics R reports (equivalent number of parameters, residual standard error).
 *
 * <p>Immutable; {@link #withDefaults()} then {@code with...}. Thread-safe.
 */
public final class Loess {

    /** 100 times the machine epsilon: the relative cut for singular values (dloess: 100 machep). */
    private static final double SINGULAR_TOL = 100 * 2.220446049250313e-16;

    private final double span;
    private final int degree;
    private final double cell;

    private Loess(double span, int degree, double cell) {
        this.span = span;
        this.degree = degree;
        this.cell = cell;
    }

    /** @return R's defaults: span 0.75, degree 2, cell 0.2 */
    public static Loess withDefaults() {
        return new Loess(0.75, 2, 0.2);
    }

    /**
     * @param s the span: the fraction of points in each neighbourhood; above 1 all points, with
     *        the neighbourhood radius widened
     * @return a copy using it
     * @throws IllegalArgumentException if not positive and finite
     */
    public Loess withSpan(double s) {
        if (!(s > 0 && s < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("The loess span must be positive and finite, not " + s);
        }
        return new Loess(s, degree, cell);
    }

    /**
     * @param d the degree of the local polynomials, 0, 1 or 2
     * @return a copy using it
     * @throws IllegalArgumentException otherwise
     */
    public Loess withDegree(int d) {
        if (d < 0 || d > 2) {
            throw new IllegalArgumentException("The loess degree must be 0, 1 or 2, not " + d);
        }
        return new Loess(span, d, cell);
    }

    /**
     * @param c R's {@code loess.control(cell = )}: cells of the k-d tree hold at most
     *        {@code floor(n span cell)} points
     * @return a copy using it
     * @throws IllegalArgumentException if not positive and finite
     */
    public Loess withCell(double c) {
        if (!(c > 0 && c < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("The loess cell must be positive and finite, not " + c);
        }
        return new Loess(span, degree, c);
    }

    /** @return the span */
    public double span() {
        return span;
    }

    /** @return the local degree */
    public int degree() {
        return degree;
    }

    /** @return the cell fraction of the k-d tree */
    public double cell() {
        return cell;
    }

    /**
     * Fits with unit weights ({@code loess(y ~ x, span = , degree = )}).
     *
     * @param x the predictor values, any order, ties allowed
     * @param y the responses
     * @return the fit
     * @throws IllegalArgumentException see {@link #fit(double[], double[], double[])}
     */
    public Result fit(double[] x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * Fits the local regression of y on x ({@code loess(y ~ x, weights = w, span = , degree = )}).
     *
     * @param x the predictor values, any order, ties allowed
     * @param y the responses
     * @param weights prior weights (non-negative, finite), or null for all 1
     * @return the fit
     * @throws IllegalArgumentException for empty or unequal-length arrays, non-finite values,
     *         negative weights, a span too small for the degree (R: "span is too small", "Fewer data
     *         values than degrees of freedom"), or a neighbourhood of zero width or zero weight (R
     *         warns "zero-width neighborhood" / "all data on boundary of neighborhood" and returns NaN)
     */
    public Result fit(double[] x, double[] y, double[] weights) {
        int n = x.length;
        if (n == 0 || y.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("loess needs equally long, non-empty x, y (and weights); got "
                    + n + ", " + y.length + (weights == null ? "" : ", " + weights.length));
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = weights == null ? 1.0 : weights[i];
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]) || !(w[i] >= 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("loess needs finite x, y and non-negative finite weights; point "
                        + (i + 1) + " has x " + x[i] + ", y " + y[i] + ", weight " + w[i]);
            }
        }
        int q = (int) Math.min(n, Math.floor(n * span + 1e-5));
        if (q <= 0) {
            throw new IllegalArgumentException("span is too small: " + span + " of " + n + " points is no point");
        }
        int k = degree + 1;
        if (k > q - 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The loess span %s is too small: %d neighbours are fewer than the %d needed for degree %d"
                            + " (R: \"Fewer data values than degrees of freedom\")",
                    Double.toString(span), Integer.valueOf(q), Integer.valueOf(k + 1), Integer.valueOf(degree)));
        }
        Fitter fitter = new Fitter(x.clone(), y.clone(), w, q, degree, span);
        Tree tree = Tree.build(fitter.x, (int) Math.floor(n * (span * cell)), Math.max(200, n));
        int nv = tree.nv;
        double[] value = new double[nv];
        double[] slope = new double[nv];
        for (int v = 0; v < nv; v++) {
            fitter.fitAt(tree.vx[v]);
            value[v] = fitter.value;
            slope[v] = fitter.slope;
        }
        double lo = x[0];
        double hi = x[0];
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new Result(this, tree, value, slope, x, lo, hi, fitter.warnings);
    }

    /**
     * dloess's ehg106: Floyd and Rivest's selection (CACM 18:173, 1975, algorithm 489, without the
     * sampling step) on positions il..ir of the permutation pi, so that {@code p[pi[k]]} is the
     * (k - il + 1)-th smallest of them, smaller ones before and larger ones after it.
     */
    static void select(int il, int ir, int k, double[] p, int[] pi) {
        int l = il;
        int r = ir;
        while (l < r) {
            double t = p[pi[k]];
            int i = l;
            int j = r;
            swap(pi, l, k);
            if (t < p[pi[r]]) {
                swap(pi, l, r);
            }
            while (i < j) {
                swap(pi, i, j);
                i++;
                j--;
                while (p[pi[i]] < t) {
                    i++;
                }
                while (t < p[pi[j]]) {
                    j--;
                }
            }
            if (p[pi[l]] == t) {
                swap(pi, l, j);
            } else {
                j++;
                swap(pi, r, j);
            }
            if (j <= k) {
                l = j + 1;
            }
            if (k <= j) {
                r = j - 1;
            }
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** The k-d tree of dloess's ehg126/ehg124/ehg125 in one dimension. */
    private static final class Tree {
        final double[] vx;
        int nv;
        /** Per cell: split flag (0 = leaf), split value, children, vertices, point range. */
        final int[] split;
        final double[] xi;
        final int[] left;
        final int[] right;
        final int[] v0;
        final int[] v1;
        int nc;

        private Tree(int nvmax) {
            vx = new double[nvmax];
            split = new int[nvmax];
            xi = new double[nvmax];
            left = new int[nvmax];
            right = new int[nvmax];
            v0 = new int[nvmax];
            v1 = new int[nvmax];
        }

        static Tree build(double[] x, int fc, int nvmax) {
            int n = x.length;
            Tree t = new Tree(nvmax);
            // bounding box, widened by 0.5 % of the range (ehg126)
            double alpha = Double.MAX_VALUE;
            double beta = -Double.MAX_VALUE;
            for (double v : x) {
                alpha = Math.min(alpha, v);
                beta = Math.max(beta, v);
            }
            double mu = 0.005 * Math.max(beta - alpha, 1.e-10 * Math.max(Math.abs(alpha), Math.abs(beta)) + 1.e-30);
            t.vx[0] = alpha - mu;
            t.vx[1] = beta + mu;
            t.nv = 2;
            int[] pi = new int[n];
            for (int i = 0; i < n; i++) {
                pi[i] = i;
            }
            int[] lo = new int[nvmax];
            int[] hi = new int[nvmax];
            t.nc = 1;
            t.v0[0] = 0;
            t.v1[0] = 1;
            lo[0] = 0;
            hi[0] = n - 1;
            // cells in the order of their creation (ehg124)
            for (int p = 0; p < t.nc; p++) {
                int l = lo[p];
                int u = hi[p];
                double diag = t.vx[t.v1[p]] - t.vx[t.v0[p]];
                double diam = Math.sqrt(diag * diag);
                boolean leaf = u - l + 1 <= fc || diam <= 0.0 || nvmax < t.nc + 2 || nvmax < t.nv + 1.0;
                int m = 0;
                if (!leaf) {
                    m = (l + u) / 2;
                    select(l, u, m, x, pi);
                    // all ties go with the upper cell: move m to the nearest boundary between values
                    int offset = 0;
                    while (m + offset < u && m + offset >= l) {
                        int lower;
                        int check;
                        int upper;
                        if (offset < 0) {
                            lower = l;
                            check = m + offset;
                            upper = check;
                        } else {
                            lower = m + offset + 1;
                            check = lower;
                            upper = u;
                        }
                        select(lower, upper, check, x, pi);
                        if (x[pi[m + offset]] == x[pi[m + offset + 1]]) {
                            offset = -offset;
                            if (offset >= 0) {
                                offset++;
                            }
                        } else {
                            m = m + offset;
                            break;
                        }
                    }
                    double xm = x[pi[m]];
                    leaf = t.vx[t.v0[p]] == xm || t.vx[t.v1[p]] == xm;
                }
                if (leaf) {
                    t.split[p] = 0;
                    continue;
                }
                t.split[p] = 1;
                t.xi[p] = x[pi[m]];
                int a = t.nc++;
                int b = t.nc++;
                t.left[p] = a;
                t.right[p] = b;
                lo[a] = l;
                hi[a] = m;
                lo[b] = m + 1;
                hi[b] = u;
                int vm = t.vertex(t.xi[p]);
                t.v0[a] = t.v0[p];
                t.v1[a] = vm;
                t.v0[b] = vm;
                t.v1[b] = t.v1[p];
            }
            return t;
        }

        /** The vertex at s: an existing one if equal (ehg125's redundancy check), else a new one. */
        int vertex(double s) {
            for (int i = 0; i < nv; i++) {
                if (vx[i] == s) {
                    return i;
                }
            }
            vx[nv] = s;
            return nv++;
        }
    }

    /** The local fits at the vertices (dloess's ehg127), with the state carried between them. */
    private static final class Fitter {
        final double[] x;
        final double[] y;
        final double[] rw;
        final int q;
        final int k;
        final double f;
        final int n;
        final int[] psi;
        final double[] dist;
        final double[] w;
        final double[] b;
        final double[] eta;
        final double[] colnor = new double[3];
        final double[] qraux = new double[3];
        final double[] sigma = new double[3];
        final double[] e = new double[3];
        final double[] u = new double[9];
        final double[] v = new double[9];
        final double[] work = new double[3];
        final double[] dgamma = new double[3];
        final List<String> warnings = new ArrayList<>();
        int singular;
        double rcond = 1.0;
        double value;
        double slope;

        Fitter(double[] x, double[] y, double[] rw, int q, int degree, double f) {
            this.x = x;
            this.y = y;
            this.rw = rw;
            this.q = q;
            this.k = degree + 1;
            this.f = f;
            this.n = x.length;
            psi = new int[n];
            for (int i = 0; i < n; i++) {
                psi[i] = i;
            }
            dist = new double[n];
            w = new double[q];
            b = new double[q * k];
            eta = new double[q];
        }

        void fitAt(double t) {
            for (int i = 0; i < n; i++) {
                double d = x[i] - t;
                dist[i] = d * d;
            }
            select(0, n - 1, q - 1, dist, psi);
            double rho = dist[psi[q - 1]] * Math.max(1.0, f);
            if (rho <= 0) {
                throw new IllegalArgumentException("loess: zero-width neighborhood at " + t
                        + " (more than the span's share of the points are tied there); make the span bigger");
            }
            boolean any = false;
            for (int i = 0; i < q; i++) {
                double r = Math.sqrt(dist[psi[i]] / rho);
                double c = 1 - r * r * r;
                w[i] = Math.sqrt(rw[psi[i]] * (c * c * c));
                any |= w[i] != 0;
            }
            if (!any) {
                throw new IllegalArgumentException("loess: all data on boundary of neighborhood at " + t
                        + "; make the span bigger");
            }
            // weighted design matrix (column-major, leading dimension q) and response
            for (int i = 0; i < q; i++) {
                b[i] = w[i];
                if (k > 1) {
                    b[i + q] = w[i] * (x[psi[i]] - t);
                }
                if (k > 2) {
                    double d = x[psi[i]] - t;
                    b[i + 2 * q] = w[i] * (d * d);
                }
                eta[i] = w[i] * y[psi[i]];
            }
            // equilibrate the columns
            for (int j = 0; j < k; j++) {
                double scal = 0;
                for (int i = 0; i < q; i++) {
                    scal = scal + b[i + j * q] * b[i + j * q];
                }
                scal = Math.sqrt(scal);
                if (0 < scal) {
                    for (int i = 0; i < q; i++) {
                        b[i + j * q] = b[i + j * q] / scal;
                    }
                    colnor[j] = scal;
                } else {
                    colnor[j] = 1;
                }
            }
            Linpack.qrdc(b, q, q, k, qraux);
            Linpack.qrQty(b, q, q, k, qraux, eta);
            // SVD of the triangular factor
            double[] r = new double[k * k];
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    r[i + j * k] = b[i + j * q];
                }
            }
            int info = Linpack.svdc(r, k, k, k, sigma, e, u, k, v, k, work);
            if (info != 0) {
                throw new IllegalStateException("loess: the singular value decomposition failed at " + t);
            }
            double tol = sigma[0] * SINGULAR_TOL;
            rcond = Math.min(rcond, sigma[k - 1] / sigma[0]);
            if (sigma[k - 1] <= tol) {
                singular++;
                if (singular == 1) {
                    warnings.add(String.format(Locale.ROOT, "pseudoinverse used at %.5g; neighborhood radius %.5g;"
                            + " reciprocal condition number %.5g", Double.valueOf(t), Double.valueOf(Math.sqrt(rho)),
                            Double.valueOf(rcond)));
                } else if (singular == 2) {
                    warnings.add("There are other near singularities as well.");
                }
            }
            // undo the equilibration in V, then the pseudo-inverse solution
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < k; i++) {
                    v[j + i * k] = v[j + i * k] / colnor[j];
                }
            }
            for (int j = 0; j < k; j++) {
                dgamma[j] = tol < sigma[j] ? Linpack.dot(k, u, j * k, 1, eta, 0, 1) / sigma[j] : 0.0;
            }
            value = Linpack.dot(k, v, 0, k, dgamma, 0, 1);
            slope = k > 1 ? Linpack.dot(k, v, 1, k, dgamma, 0, 1) : 0.0;
        }
    }

    /**
     * A fitted loess surface: the k-d tree with each vertex's fitted value and slope. Immutable.
     */
    public static final class Result {
        private final Loess settings;
        private final double[] vx;
        private final double[] value;
        private final double[] slope;
        private final int[] split;
        private final double[] xi;
        private final int[] left;
        private final int[] right;
        private final int[] v0;
        private final int[] v1;
        private final int cells;
        private final double lo;
        private final double hi;
        private final List<String> warnings;
        private final double[] fitted;

        private Result(Loess settings, Tree t, double[] value, double[] slope, double[] x, double lo, double hi,
                List<String> warnings) {
            this.settings = settings;
            this.vx = java.util.Arrays.copyOf(t.vx, t.nv);
            this.value = value;
            this.slope = slope;
            this.split = t.split;
            this.xi = t.xi;
            this.left = t.left;
            this.right = t.right;
            this.v0 = t.v0;
            this.v1 = t.v1;
            this.cells = t.nc;
            this.lo = lo;
            this.hi = hi;
            this.warnings = List.copyOf(warnings);
            fitted = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                fitted[i] = interpolate(x[i]);
            }
        }

        /** ehg128 in one dimension: cubic Hermite interpolation in the leaf cell holding z. */
        double interpolate(double z) {
            int j = leaf(z);
            int a = v0[j];
            int b = v1[j];
            double width = vx[b] - vx[a];
            double h = (z - vx[a]) / width;
            double h1 = 1 - h;
            double phi0 = h1 * h1 * (1 + 2 * h);
            double phi1 = h * h * (3 - 2 * h);
            double psi0 = h * (h1 * h1);
            double psi1 = h * h * (h - 1);
            return phi0 * value[a] + phi1 * value[b] + (psi0 * slope[a] + psi1 * slope[b]) * width;
        }

        /** The leaf cell holding z (ehg128's descent: z at a split value goes left). */
        private int leaf(double z) {
            int j = 0;
            while (split[j] != 0) {
                j = z <= xi[j] ? left[j] : right[j];
            }
            return j;
        }

        /**
         * R's {@code predict(fit, x)}.
         *
         * @param x a predictor value
         * @return the fitted surface at x; NaN outside the range of the data (R: NA) or for NaN
         */
        public double predict(double x) {
            if (!(x >= lo && x <= hi)) {
                return Double.NaN;
            }
            return interpolate(x);
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

        /** @return the fitted values at the data, in input order (R's {@code fitted(fit)}) */
        public double[] fitted() {
            return fitted.clone();
        }

        /**
         * @return the vertices of the k-d tree in the order of creation: the two ends of the
         *         bounding box, then the split points (R: {@code c(fit$kd$vert, fit$kd$xi[fit$kd$a != 0])})
         */
        public double[] vertices() {
            return vx.clone();
        }

        /** @return the fitted value at each vertex (R: {@code fit$kd$vval[1, ]}) */
        public double[] vertexValues() {
            return value.clone();
        }

        /** @return the fitted slope at each vertex (R: {@code fit$kd$vval[2, ]}) */
        public double[] vertexSlopes() {
            return slope.clone();
        }

        /** @return the number of cells of the k-d tree (R: {@code fit$kd$parameter["nc"]}) */
        public int cellCount() {
            return cells;
        }

        /** @return R's warnings about near-singular local fits (pseudo-inverse used), if any */
        public List<String> warnings() {
            return warnings;
        }

        /** @return the settings of the fit */
        public Loess settings() {
            return settings;
        }
    }
}
