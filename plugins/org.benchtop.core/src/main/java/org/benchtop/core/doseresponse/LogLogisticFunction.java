package org.benchtop.core.doseresponse;

/**
 * The log-logistic function {@code y = c + (d - c) g}, {@code g = (1 + exp(u))^-f},
 * {@code u = b (ln x - ln e)}, with its first and second derivatives in the natural parameters
 * {@code {b, c, d, e, f}} (drc's LL.5; Ritz et al. 2015, PLoS ONE 10:e0146021).
 *
 * <p>Written in numerically stable form: {@code ln(1 + exp(u))} as a softplus and
 * {@code exp(u) / (1 + exp(u))} as a logistic, so that neither overflows for large |u|. A dose of
 * 0 is handled as the limit {@code ln x -> -inf}: {@code g = 1} for b &gt; 0, {@code g = 0} for
 * b &lt; 0 ({@code 2^-f} for b = 0), and every derivative in b, e and f is 0.
 *
 * <p>With {@code q = exp(u)/(1+exp(u))}, {@code s = ln(1+exp(u))}, {@code L = ln x - ln e},
 * {@code D = d - c}:
 * <pre>
 *   dg/du = -f g q                      d2g/du2 = -f g q (1 - (f+1) q)
 *   dg/df = -s g                        d2g/dudf = g q (f s - 1)         d2g/df2 = s^2 g
 *   dy/db = D g_u L   dy/dc = 1 - g   dy/dd = g   dy/de = -D g_u b / e   dy/df = D g_f
 * </pre>
 */
final class LogLogisticFunction {

    private LogLogisticFunction() {
    }

    /**
     * @param x dose (&ge; 0)
     * @param p {b, c, d, e, f}
     * @return the fitted response
     */
    static double value(double x, double[] p) {
        return p[1] + (p[2] - p[1]) * g(x, p[0], p[3], p[4]);
    }

    /**
     * The fraction g = (1 + exp(b (ln x - ln e)))^-f of the way from c to d.
     *
     * @param x dose (&ge; 0)
     * @param b slope
     * @param e EC50 (&gt; 0)
     * @param f asymmetry
     * @return g in [0, 1]
     */
    static double g(double x, double b, double e, double f) {
        if (x <= 0) {
            return b > 0 ? 1 : (b < 0 ? 0 : Math.pow(2, -f));
        }
        double u = b * (Math.log(x) - Math.log(e));
        if (f == 1) {
            return u > 0 ? Math.exp(-u) / (1 + Math.exp(-u)) : 1 / (1 + Math.exp(u));
        }
        return Math.exp(-f * softplus(u));
    }

    /** @return ln(1 + exp(u)) without overflow */
    static double softplus(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }

    /** @return exp(u) / (1 + exp(u)) without overflow */
    static double logistic(double u) {
        if (u > 0) {
            return 1 / (1 + Math.exp(-u));
        }
        double t = Math.exp(u);
        return t / (1 + t);
    }

    /**
     * Gradient and (optionally) Hessian of the fitted value in the natural parameters.
     *
     * @param x dose (&ge; 0)
     * @param p {b, c, d, e, f}
     * @param grad receives the 5 first derivatives
     * @param hess receives the 5 x 5 second derivatives row-major, or {@code null}
     * @return the fitted value
     */
    static double derivatives(double x, double[] p, double[] grad, double[] hess) {
        return derivatives(x, x > 0 ? Math.log(x) : Double.NEGATIVE_INFINITY, p, Math.log(p[3]), grad, hess, true);
    }

    /**
     * {@link #derivatives(double, double[], double[], double[])} for many doses of one curve, with
     * {@code ln x} and {@code ln e} computed once by the caller (the same values, so the same results).
     * The derivative in f needs {@code s = ln(1 + exp(u))}, a second transcendental function per
     * dose: it is computed only when {@code withAsymmetry} or a Hessian is asked for.
     *
     * @param x dose (&ge; 0)
     * @param lnX {@code Math.log(x)} (unused for x = 0)
     * @param p {b, c, d, e, f}
     * @param lnE {@code Math.log(e)}
     * @param grad receives the 5 first derivatives; {@code grad[4]} is NaN unless
     *        {@code withAsymmetry} or a Hessian is asked for
     * @param hess receives the 5 x 5 second derivatives row-major, or {@code null}
     * @param withAsymmetry whether to compute the derivative in f
     * @return the fitted value
     */
    static double derivatives(double x, double lnX, double[] p, double lnE, double[] grad, double[] hess,
            boolean withAsymmetry) {
        double b = p[0], c = p[1], d = p[2], e = p[3], f = p[4];
        double dd = d - c;
        if (hess != null) {
            java.util.Arrays.fill(hess, 0);
        }
        if (x <= 0) {
            double g = b > 0 ? 1 : (b < 0 ? 0 : Math.pow(2, -f));
            grad[0] = 0;
            grad[1] = 1 - g;
            grad[2] = g;
            grad[3] = 0;
            grad[4] = 0;
            return c + dd * g;
        }
        double lx = lnX - lnE;
        double u = b * lx;
        // q = logistic(u) and s = softplus(u) from one exponential: exp(-u) for u > 0, exp(u) otherwise
        double expU = u > 0 ? Math.exp(-u) : Math.exp(u);
        double q = u > 0 ? 1 / (1 + expU) : expU / (1 + expU);
        double s = Double.NaN;
        if (withAsymmetry || hess != null || f != 1) {
            s = u > 0 ? u + Math.log1p(expU) : Math.log1p(expU);
        }
        double g = f == 1 ? 1 - q : Math.exp(-f * s);
        if (f == 1 && u > 0) {
            g = expU * q; // 1 - q without cancellation
        }
        double gu = -f * g * q;
        double gf = -s * g;
        double dudb = lx;
        double dude = -b / e;
        grad[0] = dd * gu * dudb;
        grad[1] = 1 - g;
        grad[2] = g;
        grad[3] = dd * gu * dude;
        grad[4] = dd * gf;
        if (hess != null) {
            double guu = -f * g * q * (1 - (f + 1) * q);
            double guf = g * q * (f * s - 1);
            double gff = s * s * g;
            // second derivatives of y; index i*5+j
            double hbb = dd * guu * dudb * dudb;
            double hbc = -gu * dudb;
            double hbd = gu * dudb;
            double hbe = dd * (guu * dude * dudb + gu * (-1 / e));
            double hbf = dd * guf * dudb;
            double hce = -gu * dude;
            double hde = gu * dude;
            double hcf = -gf;
            double hdf = gf;
            double hee = dd * (guu * dude * dude + gu * (b / (e * e)));
            double hef = dd * guf * dude;
            double hff = dd * gff;
            set(hess, 0, 0, hbb);
            set(hess, 0, 1, hbc);
            set(hess, 0, 2, hbd);
            set(hess, 0, 3, hbe);
            set(hess, 0, 4, hbf);
            set(hess, 1, 3, hce);
            set(hess, 2, 3, hde);
            set(hess, 1, 4, hcf);
            set(hess, 2, 4, hdf);
            set(hess, 3, 3, hee);
            set(hess, 3, 4, hef);
            set(hess, 4, 4, hff);
        }
        return c + dd * g;
    }

    private static void set(double[] h, int i, int j, double v) {
        h[i * 5 + j] = v;
        h[j * 5 + i] = v;
    }
}
