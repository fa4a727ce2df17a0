package org.benchtop.core.qpcr;

import java.util.Arrays;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilcoxon rank-sum (Mann-Whitney) test with the Hodges-Lehmann estimate of the location shift
 * and its confidence interval, as R's {@code wilcox.test(x, y, conf.int = TRUE)} (two-sided,
 * continuity correction) and {@code pcr_test(test = "wilcox.test")} (Hollander &amp; Wolfe 1973,
 * Nonparametric Statistical Methods, ch. 4; Bauer 1972, JASA 67:687, doi:10.2307/2284469).
 *
 * <p>{@code W = Σ rank(x_i) - n_x(n_x+1)/2}. With {@code n_x, n_y < 50} and no ties the exact null
 * distribution is used: {@code p = min(1, 2·min(P(W ≤ w), P(W ≥ w)))}, the estimate is the median of
 * all differences {@code x_i - y_j}, and the interval is {@code (d_(q), d_(n_x n_y - q + 1))} with
 * {@code q = qwilcox(α/2)}. Otherwise the normal approximation with tie and continuity correction is
 * used, and the estimate and bounds are the roots of the standardized statistic found with R's own
 * root finder ({@code uniroot(tol = 1e-4)}, Brent's zeroin, reproduced step for step).
 */
public final class WilcoxonRankSum {

    private final double confidenceLevel;

    private WilcoxonRankSum(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw QpcrException.badInput("Confidence level %s must be between 0 and 1 (e.g. 0.95)",
                    Double.valueOf(confidenceLevel));
        }
        this.confidenceLevel = confidenceLevel;
    }

    /** @return the test at 95 % confidence */
    public static WilcoxonRankSum withDefaults() {
        return new WilcoxonRankSum(0.95);
    }

    /**
     * @param level the confidence level of the interval, in (0, 1)
     * @return a copy with that level
     */
    public WilcoxonRankSum withConfidenceLevel(double level) {
        return new WilcoxonRankSum(level);
    }

    /**
     * @param estimate the Hodges-Lehmann shift estimate (x - y)
     * @param w the rank-sum statistic W
     * @param pValue the two-sided p-value
     * @param lower the lower confidence bound
     * @param upper the upper confidence bound
     * @param exact whether the exact distribution was used
     * @param confidenceLevel the requested level
     */
    public record Result(double estimate, double w, double pValue, double lower, double upper, boolean exact,
            double confidenceLevel) {
    }

    /**
     * @param x the first sample, NaN removed
     * @param y the second sample, NaN removed
     * @return the test
     * @throws QpcrException (BAD_INPUT) for an empty sample
     */
    public Result test(double[] x, double[] y) {
        x = WelchTTest.finite(x);
        y = WelchTTest.finite(y);
        int nx = x.length;
        int ny = y.length;
        if (nx < 1 || ny < 1) {
            throw QpcrException.badInput("Wilcoxon test needs at least one value per group (got %d and %d)",
                    Integer.valueOf(nx), Integer.valueOf(ny));
        }
        Shift sh = new Shift(x, y);
        double[] ut0 = ut(sh, 0);
        double w = ut0[0];
        boolean ties = ut0[1] > 0;
        double alpha = 1 - confidenceLevel;
        if (nx < 50 && ny < 50 && !ties) {
            double[] cdf = cdf(nx, ny);
            double p = w > nx * ny / 2.0 ? 1 - cdf[(int) w - 1] : cdf[(int) w];
            p = Math.min(2 * p, 1);
            double[] diffs = new double[nx * ny];
            int k = 0;
            for (double a : x) {
                for (double b : y) {
                    diffs[k++] = a - b;
                }
            }
            Arrays.sort(diffs);
            int qu = qwilcox(alpha / 2, cdf);
            if (qu == 0) {
                qu = 1;
            }
            int ql = nx * ny - qu;
            return new Result(QMath.median(diffs), w, p, diffs[qu - 1], diffs[ql], true, confidenceLevel);
        }
        int n = nx + ny;
        double sigma = Math.sqrt((nx * (double) ny / 12) * ((n + 1) - ut0[1] / ((double) n * (n - 1))));
        if (!(sigma > 0)) {
            throw QpcrException.badInput("Wilcoxon test: all %d values are tied; no test is possible",
                    Integer.valueOf(n));
        }
        double z = w - nx * ny / 2.0;
        z = (z - Math.signum(z) * 0.5) / sigma;
        NormalDistribution nd = new NormalDistribution(null, 0, 1);
        double p = 2 * nd.cumulativeProbability(-Math.abs(z));
        double mumin = Arrays.stream(x).min().getAsDouble() - Arrays.stream(y).max().getAsDouble();
        double mumax = Arrays.stream(x).max().getAsDouble() - Arrays.stream(y).min().getAsDouble();
        double zq = -nd.inverseCumulativeProbability(alpha / 2);
        double lo = root(sh, mumin, mumax, zq);
        double hi = root(sh, mumin, mumax, -zq);
        double est = root(sh, mumin, mumax, 0);
        return new Result(est, w, Math.min(1, p), lo, hi, false, confidenceLevel);
    }

    /**
     * R's {@code wdiff}: the standardized, continuity-corrected statistic of {@code (x - d, y)} minus
     * {@code zq}. Computed by counting against the sorted y (the Mann-Whitney U equals the rank sum
     * minus n_x(n_x+1)/2) in one merge pass, O(n_x + n_y), with the tie correction of the pooled ranks.
     */
    private static double wdiff(Shift s, double d, double zq) {
        double[] ut = ut(s, d);
        double u = ut[0];
        double ties = ut[1];
        int nx = s.nx;
        int ny = s.ys.length;
        double dz = u - nx * (double) ny / 2.0;
        int n = nx + ny;
        double sig = Math.sqrt((nx * (double) ny / 12) * ((n + 1) - ties / ((double) n * (n - 1))));
        if (!(sig > 0)) {
            throw QpcrException.badInput("Wilcoxon confidence interval: the values are all tied; no interval");
        }
        return (dz - Math.signum(dz) * 0.5) / sig - zq;
    }

    /** The Mann-Whitney U of (x - d, y) (ties count 1/2) and the tie term Σ(t³ - t) of the pooled values. */
    private static double[] ut(Shift s, double d) {
        double u = 0;
        double ties = s.tyTies;
        double[] ys = s.ys;
        int lo = 0;
        int hi = 0;
        for (int k = 0; k < s.ux.length; k++) {
            double v = s.ux[k] - d; // increasing in k, so both bounds only move right
            while (lo < ys.length && ys[lo] < v) {
                lo++;
            }
            if (hi < lo) {
                hi = lo;
            }
            while (hi < ys.length && ys[hi] <= v) {
                hi++;
            }
            int eq = hi - lo;
            u += s.cx[k] * (lo + 0.5 * eq);
            double t = s.cx[k] + eq;
            ties += (t * t * t - t) - ((double) eq * eq * eq - eq);
        }
        return new double[] {u, ties};
    }

    /** x as distinct values with counts, y sorted, and y's own tie term. */
    private static final class Shift {
        final double[] ux;
        final double[] cx;
        final double[] ys;
        final int nx;
        final double tyTies;

        Shift(double[] x, double[] y) {
            double[] xs = x.clone();
            Arrays.sort(xs);
            int m = 0;
            double[] u = new double[xs.length];
            double[] c = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                if (m > 0 && u[m - 1] == xs[i]) {
                    c[m - 1]++;
                } else {
                    u[m] = xs[i];
                    c[m++] = 1;
                }
            }
            ux = Arrays.copyOf(u, m);
            cx = Arrays.copyOf(c, m);
            ys = y.clone();
            Arrays.sort(ys);
            nx = x.length;
            double t = 0;
            int i = 0;
            while (i < ys.length) {
                int j = i;
                while (j + 1 < ys.length && ys[j + 1] == ys[i]) {
                    j++;
                }
                double k = j - i + 1;
                t += k * k * k - k;
                i = j + 1;
            }
            tyTies = t;
        }
    }

    private static double root(Shift sh, double lo, double hi, double zq) {
        double fl = wdiff(sh, lo, zq);
        double fh = wdiff(sh, hi, zq);
        if (fl <= 0) {
            return lo;
        }
        if (fh >= 0) {
            return hi;
        }
        return zeroin(sh, zq, lo, hi, fl, fh);
    }

    /**
     * R's {@code uniroot(tol = 1e-4, maxiter = 1000)}: Brent's zeroin as in R's {@code R_zeroin2}
     * (Brent 1973, Algorithms for Minimization without Derivatives, ch. 4), step for step, so the
     * estimate and bounds equal R's even where the statistic is a step function with flat zeros.
     */
    private static double zeroin(Shift sh, double zq, double ax, double bx, double fa0, double fb0) {
        final double tol = 1e-4;
        final double eps = Math.ulp(1.0);
        double a = ax;
        double b = bx;
        double fa = fa0;
        double fb = fb0;
        double c = a;
        double fc = fa;
        if (fa == 0.0) {
            return a;
        }
        if (fb == 0.0) {
            return b;
        }
        for (int it = 0; it <= 1000; it++) {
            double prevStep = b - a;
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tolAct = 2 * eps * Math.abs(b) + tol / 2;
            double newStep = (c - b) / 2;
            if (Math.abs(newStep) <= tolAct || fb == 0.0) {
                return b;
            }
            if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
                double p;
                double q;
                double cb = c - b;
                if (a == c) {
                    double t1 = fb / fa;
                    p = cb * t1;
                    q = 1.0 - t1;
                } else {
                    q = fa / fc;
                    double t1 = fb / fc;
                    double t2 = fb / fa;
                    p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
                    q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (p < (0.75 * cb * q - Math.abs(tolAct * q) / 2) && p < Math.abs(prevStep * q / 2)) {
                    newStep = p / q;
                }
            }
            if (Math.abs(newStep) < tolAct) {
                newStep = newStep > 0 ? tolAct : -tolAct;
            }
            a = b;
            fa = fb;
            b += newStep;
            fb = wdiff(sh, b, zq);
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
                c = a;
                fc = fa;
            }
        }
        return b;
    }

    /** The exact CDF P(W ≤ k), k = 0..m·n, of the rank-sum statistic (counts by recursion). */
    static double[] cdf(int m, int n) {
        int max = m * n;
        // c[i][k]: number of ways, for i of the first sample among i + j values, j = current column
        double[][] c = new double[m + 1][max + 1];
        for (int i = 0; i <= m; i++) {
            c[i][0] = 1; // j = 0: only W = 0
        }
        for (int j = 1; j <= n; j++) {
            double[][] nc = new double[m + 1][max + 1];
            nc[0][0] = 1;
            for (int i = 1; i <= m; i++) {
                for (int k = 0; k <= i * j; k++) {
                    double v = c[i][k];
                    if (k - j >= 0) {
                        v += nc[i - 1][k - j];
                    }
                    nc[i][k] = v;
                }
            }
            c = nc;
        }
        double total = 0;
        for (int k = 0; k <= max; k++) {
            total += c[m][k];
        }
        double[] cdf = new double[max + 1];
        double acc = 0;
        for (int k = 0; k <= max; k++) {
            acc += c[m][k];
            cdf[k] = acc / total;
        }
        return cdf;
    }

    /** R's qwilcox for a lower-tail probability p &le; 0.5. */
    private static int qwilcox(double p, double[] cdf) {
        double target = p - 10 * Math.ulp(1.0);
        int q = 0;
        while (q < cdf.length - 1 && cdf[q] < target) {
            q++;
        }
        return q;
    }
}
