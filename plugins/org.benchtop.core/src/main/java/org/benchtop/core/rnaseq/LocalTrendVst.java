package org.benchtop.core.rnaseq;

import java.util.Arrays;

/**
 * The variance-stabilizing transformation for a dispersion trend without a closed-form integral
 * (DESeq2's {@code getVarianceStabilizedData} for {@code fitType = "local"}): the transformation
 * {@code g(q) = integral_0^q dx / sqrt(v(x))} of the variance function
 * {@code v(x) = alpha_tr(x) x^2 + x mean(1/s_j)} is integrated numerically by the trapezoidal
 * rule on 999 grid points {@code x_k = sinh(k asinh(max q) / 999)}, interpolated in asinh(x) by
 * R's {@code splinefun} (Forsythe, Malcolm and Moler's cubic spline, whose end conditions match
 * the third derivatives of cubics through the first and last four points), and scaled to the log2
 * scale between the 95 % and 99.9 % quantiles of the genes' mean normalized counts h1, h2:
 *
 * <pre>vst(q) = eta g(q) + xi,  eta = (log2 h2 - log2 h1) / (g(h2) - g(h1)),  xi = log2 h1 - eta g(h1)</pre>
 *
 * Anders and Huber (2010), Genome Biology 11:R106, doi:10.1186/gb-2010-11-10-r106; Forsythe,
 * Malcolm and Moler (1977), Computer Methods for Mathematical Computations, Prentice-Hall.
 */
final class LocalTrendVst {

    private static final int GRID = 1000;

    private LocalTrendVst() {
    }

    /**
     * @param counts raw counts (all genes)
     * @param sizeFactors per-sample size factors
     * @param trend a fitted trend (any type; used through {@link DispersionTrend.Result#at(double)})
     * @return row-major transformed values (genes x samples), log2 scale
     */
    static double[] transform(CountMatrix counts, double[] sizeFactors, DispersionTrend.Result trend) {
        int n = counts.geneCount();
        int m = counts.sampleCount();
        double[] y = counts.data();
        double[] q = new double[n * m];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n * m; i++) {
            q[i] = y[i] / sizeFactors[i % m];
            max = Math.max(max, q[i]);
        }
        double[] inv = new double[m];
        for (int j = 0; j < m; j++) {
            inv[j] = 1 / sizeFactors[j];
        }
        double xim = RMath.mean(inv, 0, m);
        double[] grid = RMath.seq(asinh(0), asinh(max), GRID);
        int k = GRID - 1;
        double[] xg = new double[k];
        double[] integrand = new double[k];
        for (int i = 0; i < k; i++) {
            xg[i] = Math.sinh(grid[i + 1]);
            integrand[i] = 1 / Math.sqrt(trend.at(xg[i]) * (xg[i] * xg[i]) + xim * xg[i]);
        }
        double[] knots = new double[k - 1];
        double[] cum = new double[k - 1];
        double sum = 0;
        for (int i = 0; i < k - 1; i++) {
            knots[i] = asinh((xg[i + 1] + xg[i]) / 2);
            sum += (xg[i + 1] - xg[i]) * (integrand[i + 1] + integrand[i]) / 2;
            cum[i] = sum;
        }
        Spline g = Spline.fmm(knots, cum);
        double[] rowMeans = new double[n];
        for (int i = 0; i < n; i++) {
            rowMeans[i] = RMath.mean(q, i * m, m);
        }
        Arrays.sort(rowMeans);
        double h1 = RMath.quantile7(rowMeans, n, 0.95);
        double h2 = RMath.quantile7(rowMeans, n, 0.999);
        double g1 = g.at(new double[] {asinh(h1)})[0];
        double g2 = g.at(new double[] {asinh(h2)})[0];
        double eta = (log2(h2) - log2(h1)) / (g2 - g1);
        double xi = log2(h1) - eta * g1;
        double[] out = new double[n * m];
        double[] column = new double[n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                column[i] = asinh(q[i * m + j]);
            }
            double[] v = g.at(column);
            for (int i = 0; i < n; i++) {
                out[i * m + j] = eta * v[i] + xi;
            }
        }
        return out;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** asinh accurate for small arguments: log1p(|x| + x^2 / (1 + sqrt(1 + x^2))) with the sign of x. */
    static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return x < 0 ? -r : r;
    }

    /** R's {@code splinefun(x, y, method = "fmm")} for strictly increasing x (spline_coef, spline_eval). */
    static final class Spline {
        private final double[] x;
        private final double[] y;
        private final double[] b;
        private final double[] c;
        private final double[] d;

        private Spline(double[] x, double[] y, double[] b, double[] c, double[] d) {
            this.x = x;
            this.y = y;
            this.b = b;
            this.c = c;
            this.d = d;
        }

        /** Coefficients of the cubic pieces y + b dx + c dx^2 + d dx^3 (R's fmm_spline; n >= 2). */
        static Spline fmm(double[] x, double[] y) {
            int n = x.length;
            double[] b = new double[n];
            double[] c = new double[n];
            double[] d = new double[n];
            if (n < 3) {
                b[0] = (y[1] - y[0]) / (x[1] - x[0]);
                b[1] = b[0];
                return new Spline(x, y, b, c, d);
            }
            int last = n - 1;
            // tridiagonal system: b diagonal, d off-diagonal, c right-hand side
            d[0] = x[1] - x[0];
            c[1] = (y[1] - y[0]) / d[0];
            for (int i = 1; i < last; i++) {
                d[i] = x[i + 1] - x[i];
                b[i] = 2 * (d[i - 1] + d[i]);
                c[i + 1] = (y[i + 1] - y[i]) / d[i];
                c[i] = c[i + 1] - c[i];
            }
            // end conditions: third derivatives from divided differences of the end cubics
            b[0] = -d[0];
            b[last] = -d[n - 2];
            c[0] = 0;
            c[last] = 0;
            if (n > 3) {
                c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0]);
                c[last] = c[n - 2] / (x[last] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4]);
                c[0] = c[0] * d[0] * d[0] / (x[3] - x[0]);
                c[last] = -c[last] * d[n - 2] * d[n - 2] / (x[last] - x[n - 4]);
            }
            for (int i = 1; i <= last; i++) {
                double t = d[i - 1] / b[i - 1];
                b[i] = b[i] - t * d[i - 1];
                c[i] = c[i] - t * c[i - 1];
            }
            c[last] = c[last] / b[last];
            for (int i = n - 2; i >= 0; i--) {
                c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
            }
            b[last] = (y[last] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2 * c[last]);
            for (int i = 0; i < last; i++) {
                b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i]);
                d[i] = (c[i + 1] - c[i]) / d[i];
                c[i] = 3 * c[i];
            }
            c[last] = 3 * c[last];
            d[last] = d[n - 2];
            return new Spline(x, y, b, c, d);
        }

        /** Values at u, in order, keeping the current interval between points as R's spline_eval. */
        double[] at(double[] u) {
            int n = x.length;
            double[] v = new double[u.length];
            int i = 0;
            for (int l = 0; l < u.length; l++) {
                double ul = u[l];
                if (ul < x[i] || (i < n - 1 && x[i + 1] < ul)) {
                    i = 0;
                    int j = n;
                    do {
                        int k = (i + j) / 2;
                        if (ul < x[k]) {
                            j = k;
                        } else {
                            i = k;
                        }
                    } while (j > i + 1);
                }
                double dx = ul - x[i];
                v[l] = y[i] + dx * (b[i] + dx * (c[i] + dx * d[i]));
            }
            return v;
        }
    }
}
