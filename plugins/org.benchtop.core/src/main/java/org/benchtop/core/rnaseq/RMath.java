package org.benchtop.core.rnaseq;

import java.util.Arrays;

import org.benchtop.core.stats.Median;

/**
 * Numerical helpers that reproduce R's own definitions bit for bit where DESeq2 depends on them:
 * R's extended-precision {@code sum}/{@code mean}/{@code rowMeans} (emulated with a double-double
 * accumulator), {@code median}, {@code mad}, trimmed {@code mean(x, trim)}, {@code quantile(type = 7)},
 * {@code seq(from, to, length.out)}, {@code p.adjust(method = "BH")} with NA handling,
 * {@code lowess} (a port of R's {@code clowess}, Cleveland 1979, doi:10.2307/2286407) and
 * {@code dnbinom(x, size, mu, log = TRUE)} (Loader's saddle-point algorithm as in R's nmath,
 * Loader 2000, "Fast and accurate computation of binomial probabilities").
 *
 * <p>All methods are pure functions; arrays passed as scratch are documented as such.
 */
final class RMath {

    /** log(sqrt(2 pi)). */
    static final double LN_SQRT_2PI = 0.918938533204672741780329736406;
    /** log(2 pi). */
    static final double LN_2PI = 1.837877066409345483560659472811;
    /** 1 / log(2): converts natural-log coefficients to log2. */
    static final double LOG2E = 1.4426950408889634074;

    private RMath() {
    }

    /**
     * R's {@code sum()} of {@code a[off .. off+n)}: accumulated without rounding error
     * (double-double), then rounded once, as R's long-double accumulator does for all practical
     * inputs.
     */
    static double sum(double[] a, int off, int n) {
        double s = 0;
        double c = 0;
        for (int i = off, end = off + n; i < end; i++) {
            double v = a[i];
            double t = s + v;
            double bp = t - s;
            c += (s - (t - bp)) + (v - bp);
            s = t;
        }
        return s + c;
    }

    /** R's {@code mean()} (and {@code rowMeans()}) of {@code a[off .. off+n)}; NaN if n == 0. */
    static double mean(double[] a, int off, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        double c = 0;
        for (int i = off, end = off + n; i < end; i++) {
            double v = a[i];
            double t = s + v;
            double bp = t - s;
            c += (s - (t - bp)) + (v - bp);
            s = t;
        }
        if (!Double.isFinite(s)) {
            return s / n;
        }
        double hi = s + c;
        double lo = c - (hi - s);
        double q = hi / n;
        double r = Math.fma(-q, n, hi) + lo;
        return q + r / n;
    }

    /**
     * R's {@code median()} of {@code scratch[0..n)} (reordered in place); NaN if n == 0. R takes the
     * middle order statistics by partial sorting; so does this ({@link Median#select}).
     */
    static double median(double[] scratch, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int half = (n + 1) / 2;
        if (hasNaN(scratch, n)) {
            Arrays.sort(scratch, 0, n); // NaN sorts last
            return n % 2 == 1 ? scratch[half - 1] : mean2(scratch[half - 1], scratch[half]);
        }
        double lower = Median.select(scratch, n, half - 1);
        if (n % 2 == 1) {
            return lower;
        }
        double upper = scratch[half]; // after the selection all values from index half on are >= lower
        for (int i = half + 1; i < n; i++) {
            upper = Math.min(upper, scratch[i]);
        }
        return mean2(lower, upper);
    }

    private static boolean hasNaN(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(a[i])) {
                return true;
            }
        }
        return false;
    }

    /** R's {@code mean(c(a, b))}: the correctly rounded midpoint. */
    static double mean2(double a, double b) {
        double s = a + b;
        double bp = s - a;
        double err = (a - (s - bp)) + (b - bp);
        double q = s / 2;
        return q + err / 2;
    }

    /** R's {@code mad(x)} = 1.4826 * median(|x - median(x)|) of {@code scratch[0..n)} (overwritten). */
    static double mad(double[] scratch, int n) {
        double center = median(scratch, n);
        for (int i = 0; i < n; i++) {
            scratch[i] = Math.abs(scratch[i] - center);
        }
        return 1.4826 * median(scratch, n);
    }

    /**
     * R's {@code mean(x, trim = trim)} of {@code scratch[0..n)} (reordered in place): drops
     * {@code floor(n * trim)} values at each end; the median if {@code trim >= 0.5}. The kept
     * values are found by partial sorting ({@link Median#select}); their sum does not depend on their
     * order ({@link #mean} sums without rounding error).
     */
    static double trimmedMean(double[] scratch, int n, double trim) {
        if (n == 0) {
            return Double.NaN;
        }
        if (trim >= 0.5) {
            return median(scratch, n);
        }
        int lo = (int) Math.floor(n * trim); // 0-based first kept index
        int hi = n - lo; // exclusive
        if (hasNaN(scratch, n)) {
            Arrays.sort(scratch, 0, n); // NaN sorts last
        } else if (lo > 0) {
            Median.select(scratch, n, hi - 1); // the n - hi largest are now last
            Median.select(scratch, hi, lo); // and the lo smallest first
        }
        return mean(scratch, lo, hi - lo);
    }

    /** R's {@code quantile(x, prob, type = 7)} of an ascending array {@code sorted[0..n)}. */
    static double quantile7(double[] sorted, int n, double prob) {
        double index = 1 + Math.max(n - 1, 0) * prob;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double qs = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != qs) {
            double h = index - lo;
            qs = (1 - h) * qs + h * sorted[hi - 1];
        }
        return qs;
    }

    /** R's {@code seq(from, to, length.out = n)} for n >= 2 and finite from, to. */
    static double[] seq(double from, double to, int n) {
        double[] s = new double[n];
        if (n == 1) {
            s[0] = from;
            return s;
        }
        if (from == to) {
            Arrays.fill(s, from);
            return s;
        }
        double by = (to - from) / (n - 1);
        s[0] = from;
        for (int i = 1; i < n - 1; i++) {
            s[i] = from + i * by;
        }
        s[n - 1] = to;
        return s;
    }

    /**
     * R's {@code lowess(x, y, f, iter, delta)} for x already in ascending order (R sorts first);
     * returns the fitted values. Port of R's {@code clowess} (src/library/stats/src/lowess.c).
     */
    static double[] lowess(double[] x, double[] y, double f, int nsteps, double delta) {
        int n = x.length;
        double[] ys = new double[n];
        if (n < 2) {
            ys[0] = y[0];
            return ys;
        }
        double[] rw = new double[n];
        double[] res = new double[n];
        int ns = Math.max(2, Math.min(n, (int) (f * n + 1e-7)));
        int iter = 1;
        boolean[] ok = new boolean[1];
        while (iter <= nsteps + 1) {
            int nleft = 1;
            int nright = ns;
            int last = 0;
            int i = 1;
            for (;;) {
                if (nright < n) {
                    double d1 = x[i - 1] - x[nleft - 1];
                    double d2 = x[nright] - x[i - 1];
                    if (d1 > d2) {
                        nleft++;
                        nright++;
                        continue;
                    }
                }
                ys[i - 1] = lowest(x, y, n, x[i - 1], nleft, nright, res, iter > 1, rw, ok);
                if (!ok[0]) {
                    ys[i - 1] = y[i - 1];
                }
                if (last < i - 1) {
                    double denom = x[i - 1] - x[last - 1];
                    for (int j = last + 1; j < i; j++) {
                        double alpha = (x[j - 1] - x[last - 1]) / denom;
                        ys[j - 1] = alpha * ys[i - 1] + (1. - alpha) * ys[last - 1];
                    }
                }
                last = i;
                double cut = x[last - 1] + delta;
                for (i = last + 1; i <= n; i++) {
                    if (x[i - 1] > cut) {
                        break;
                    }
                    if (x[i - 1] == x[last - 1]) {
                        ys[i - 1] = ys[last - 1];
                        last = i;
                    }
                }
                i = Math.max(last + 1, i - 1);
                if (last >= n) {
                    break;
                }
            }
            for (i = 0; i < n; i++) {
                res[i] = y[i] - ys[i];
            }
            double sc = 0.;
            for (i = 0; i < n; i++) {
                sc += Math.abs(res[i]);
            }
            sc /= n;
            if (iter > nsteps) {
                break;
            }
            for (i = 0; i < n; i++) {
                rw[i] = Math.abs(res[i]);
            }
            int m1 = n / 2;
            double[] sorted = rw.clone();
            Arrays.sort(sorted);
            double cmad;
            if (n % 2 == 0) {
                int m2 = n - m1 - 1;
                cmad = 3. * (sorted[m1] + sorted[m2]);
            } else {
                cmad = 6. * sorted[m1];
            }
            if (cmad < 1e-7 * sc) {
                break;
            }
            double c9 = 0.999 * cmad;
            double c1 = 0.001 * cmad;
            for (i = 0; i < n; i++) {
                double r = Math.abs(res[i]);
                if (r <= c1) {
                    rw[i] = 1.;
                } else if (r <= c9) {
                    double q = r / cmad;
                    rw[i] = (1. - q * q) * (1. - q * q);
                } else {
                    rw[i] = 0.;
                }
            }
            iter++;
        }
        return ys;
    }

    /** R's {@code lowest}: local weighted linear fit at xs (1-based nleft, nright; w is scratch). */
    private static double lowest(double[] x, double[] y, int n, double xs, int nleft, int nright, double[] w,
            boolean userw, double[] rw, boolean[] ok) {
        double range = x[n - 1] - x[0];
        double h = Math.max(xs - x[nleft - 1], x[nright - 1] - xs);
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double a = 0.;
        int j = nleft;
        while (j <= n) {
            w[j - 1] = 0.;
            double r = Math.abs(x[j - 1] - xs);
            if (r <= h9) {
                if (r <= h1) {
                    w[j - 1] = 1.;
                } else {
                    double q = r / h;
                    double c = 1. - q * q * q;
                    w[j - 1] = c * c * c;
                }
                if (userw) {
                    w[j - 1] *= rw[j - 1];
                }
                a += w[j - 1];
            } else if (x[j - 1] > xs) {
                break;
            }
            j = j + 1;
        }
        int nrt = j - 1;
        if (a <= 0.) {
            ok[0] = false;
            return 0;
        }
        ok[0] = true;
        for (j = nleft; j <= nrt; j++) {
            w[j - 1] /= a;
        }
        if (h > 0.) {
            a = 0.;
            for (j = nleft; j <= nrt; j++) {
                a += w[j - 1] * x[j - 1];
            }
            double b = xs - a;
            double c = 0.;
            for (j = nleft; j <= nrt; j++) {
                c += w[j - 1] * (x[j - 1] - a) * (x[j - 1] - a);
            }
            if (Math.sqrt(c) > 0.001 * range) {
                b /= c;
                for (j = nleft; j <= nrt; j++) {
                    w[j - 1] *= (b * (x[j - 1] - a) + 1.);
                }
            }
        }
        double ys = 0.;
        for (j = nleft; j <= nrt; j++) {
            ys += w[j - 1] * y[j - 1];
        }
        return ys;
    }

    // ---------------------------------------------------------------- negative binomial density

    private static final double[] SFERR_HALVES = {
        0.0, 0.1534264097200273452913848, 0.0810614667953272582196702, 0.0548141210519176538961390,
        0.0413406959554092940938221, 0.03316287351993628748511048, 0.02767792568499833914878929,
        0.02374616365629749597132920, 0.02079067210376509311152277, 0.01848845053267318523077934,
        0.01664469118982119216319487, 0.01513497322191737887351255, 0.01387612882307074799874573,
        0.01281046524292022692424986, 0.01189670994589177009505572, 0.01110455975820691732662991,
        0.010411265261972096497478567, 0.009799416126158803298389475, 0.009255462182712732917728637,
        0.008768700134139385462952823, 0.008330563433362871256469318, 0.007934114564314020547248100,
        0.007573675487951840794972024, 0.007244554301320383179543912, 0.006942840107209529865664152,
        0.006665247032707682442354394, 0.006408994188004207068439631, 0.006171712263039457647532867,
        0.005951370112758847735624416, 0.005746216513010115682023589, 0.005554733551962801371038690
    };

    /** R's {@code stirlerr(n)} = log(n!) - log(sqrt(2 pi n) (n/e)^n) (R 4.2 nmath). */
    static double stirlerr(double n) {
        final double s0 = 0.083333333333333333333;
        final double s1 = 0.00277777777777777777778;
        final double s2 = 0.00079365079365079365079365;
        final double s3 = 0.000595238095238095238095238;
        final double s4 = 0.0008417508417508417508417508;
        if (n <= 15.0) {
            double nn = n + n;
            if (nn == (int) nn) {
                return SFERR_HALVES[(int) nn];
            }
            return lgamma(n + 1.) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
        }
        double nn = n * n;
        if (n > 500) {
            return (s0 - s1 / nn) / n;
        }
        if (n > 80) {
            return (s0 - (s1 - s2 / nn) / nn) / n;
        }
        if (n > 35) {
            return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
        }
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
    }

    /** R's {@code bd0(x, np)} = x log(x/np) + np - x, computed stably. */
    static double bd0(double x, double np) {
        if (Math.abs(x - np) < 0.1 * (x + np)) {
            double v = (x - np) / (x + np);
            double s = (x - np) * v;
            if (Math.abs(s) < Double.MIN_NORMAL) {
                return s;
            }
            double ej = 2 * x * v;
            v = v * v;
            for (int j = 1; j < 1000; j++) {
                ej *= v;
                double s1 = s + ej / ((j << 1) + 1);
                if (s1 == s) {
                    return s1;
                }
                s = s1;
            }
        }
        return x * Math.log(x / np) + np - x;
    }

    /** R's {@code dbinom_raw(x, n, p, q, log = TRUE)}. */
    static double dbinomRawLog(double x, double n, double p, double q) {
        if (p == 0) {
            return x == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        if (q == 0) {
            return x == n ? 0 : Double.NEGATIVE_INFINITY;
        }
        double lc;
        if (x == 0) {
            if (n == 0) {
                return 0;
            }
            lc = p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
            return lc;
        }
        if (x == n) {
            lc = q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
            return lc;
        }
        if (x < 0 || x > n) {
            return Double.NEGATIVE_INFINITY;
        }
        lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
        double lf = LN_2PI + Math.log(x) + log1p(-x / n);
        return lc - 0.5 * lf;
    }

    /**
     * R's {@code dnbinom(x, size = size, mu = mu, log = TRUE)} for a non-negative integer count x,
     * size > 0 and mu >= 0.
     */
    static double dnbinomMuLog(double x, double size, double mu) {
        if (x == 0) {
            return size * (size < mu ? Math.log(size / (size + mu)) : log1p(-mu / (size + mu)));
        }
        if (x < 1e-10 * size) {
            double p = size < mu ? Math.log(size / (1 + size / mu)) : Math.log(mu / (1 + mu / size));
            return x * p - mu - lgamma(x + 1) + log1p(x * (x - 1) / (2 * size));
        }
        double p = x < size ? log1p(-x / (size + x)) : Math.log(size / (size + x));
        double ans = dbinomRawLog(size, x + size, size / (size + mu), mu / (size + mu));
        return p + ans;
    }

    /**
     * log(1 + x) for x >= -1, within a few units in the last place also for tiny |x|: with u the
     * rounded 1 + x, log(u) x / (u - 1) (Goldberg 1991, What every computer scientist should know
     * about floating-point arithmetic, ACM Computing Surveys 23:5-48, theorem 4). Used instead of
     * {@link Math#log1p}, a native call on Java 17 that costs several logarithms.
     */
    static double log1p(double x) {
        double u = 1.0 + x;
        if (u == 1.0) {
            return x;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return Math.log(x);
        }
        return Math.log(u) * (x / (u - 1.0));
    }

    /** R's {@code dnorm(x, 0, sd, log = TRUE)}. */
    static double dnormLog(double x, double sd) {
        double z = x / sd;
        return -(LN_SQRT_2PI + 0.5 * z * z + Math.log(sd));
    }

    // ---------------------------------------------------------------- gamma family (R's nmath)

    private static final double[] GAMCS = {
        +.8571195590989331421920062399942e-2, +.4415381324841006757191315771652e-2,
        +.5685043681599363378632664588789e-1, -.4219835396418560501012500186624e-2,
        +.1326808181212460220584006796352e-2, -.1893024529798880432523947023886e-3,
        +.3606925327441245256578082217225e-4, -.6056761904460864218485548290365e-5,
        +.1055829546302283344731823509093e-5, -.1811967365542384048291855891166e-6,
        +.3117724964715322277790254593169e-7, -.5354219639019687140874081024347e-8,
        +.9193275519859588946887786825940e-9, -.1577941280288339761767423273953e-9,
        +.2707980622934954543266540433089e-10, -.4646818653825730144081661058933e-11,
        +.7973350192007419656460767175359e-12, -.1368078209830916025799499172309e-12,
        +.2347319486563800657233471771688e-13, -.4027432614949066932766570534699e-14,
        +.6910051747372100912138336975257e-15, -.1185584500221992907052387126192e-15
    };
    private static final int NGAM = 22;

    /**
     * R's {@code lgammacor(x)} = lgamma(x) - ((x - 1/2) log(x) - x + log(sqrt(2 pi))) for
     * 10 < x <= 4934720 (the range where R's lgamma uses it), from Stirling's series
     * sum_k B_2k / (2k (2k - 1) x^(2k - 1)), with as many terms as keep the first omitted one below
     * 2e-18: eight for x < 24, five up to x = 120, three beyond. R sums a Chebyshev series instead;
     * the two differ by less than 1e-17, below the last bit of lgamma(x) >= 12.8 (lgamma agrees
     * with R's bit for bit in about 99 % of cases, otherwise to one unit in the last place), and
     * this form costs one division instead of two.
     */
    private static double lgammacor(double x) {
        double z = 1 / x;
        double z2 = z * z;
        if (x >= 120) {
            return z * (1.0 / 12 - z2 * (1.0 / 360 - z2 * (1.0 / 1260)));
        }
        if (x >= 24) {
            return z * (1.0 / 12 - z2 * (1.0 / 360 - z2 * (1.0 / 1260 - z2 * (1.0 / 1680 - z2 * (1.0 / 1188)))));
        }
        return z * (1.0 / 12 - z2 * (1.0 / 360 - z2 * (1.0 / 1260 - z2 * (1.0 / 1680 - z2 * (1.0 / 1188
                - z2 * (691.0 / 360360 - z2 * (1.0 / 156 - z2 * (3617.0 / 122400))))))));
    }

    private static double chebyshevEval(double x, double[] a, int n) {
        double twox = x * 2;
        double b2 = 0;
        double b1 = 0;
        double b0 = 0;
        for (int i = 1; i <= n; i++) {
            b2 = b1;
            b1 = b0;
            b0 = twox * b1 - b2 + a[n - i];
        }
        return (b0 - b2) * 0.5;
    }

    /** R's {@code gammafn(x)} for 0 < x <= 10 (the only range used here). */
    private static double gammaSmall(double x) {
        int n = (int) x;
        double y = x - n;
        --n;
        double value = chebyshevEval(y * 2 - 1, GAMCS, NGAM) + .9375;
        if (n == 0) {
            return value;
        }
        if (n < 0) {
            n = -n;
            for (int i = 0; i < n; i++) {
                value /= (x + i);
            }
            return value;
        }
        for (int i = 1; i <= n; i++) {
            value *= (y + i);
        }
        return value;
    }

    /**
     * R's {@code lgamma(x)} (nmath lgammafn) for x > 0, same formulas and order of operations
     * (see {@link #lgammacor} for the one difference), so that DESeq2's log-likelihoods, which
     * subtract lgamma values of order 1e9 when the dispersion is tiny, carry the same rounding.
     */
    static double lgamma(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x <= 0) {
            return x == Math.rint(x) ? Double.POSITIVE_INFINITY : org.apache.commons.math3.special.Gamma.logGamma(x);
        }
        if (x < 1e-306) {
            return -Math.log(x);
        }
        if (x <= 10) {
            return Math.log(Math.abs(gammaSmall(x)));
        }
        return lgammaAbove10(x, Math.log(x));
    }

    /**
     * {@link #lgamma} for x > 10, given log(x) (for callers that also need digamma at x).
     *
     * @param x the argument, above 10
     * @param logX log(x)
     * @return lgamma(x)
     */
    static double lgammaAbove10(double x, double logX) {
        if (x > 2.5327372760800758e+305) {
            return Double.POSITIVE_INFINITY;
        }
        if (x > 1e17) {
            return x * (logX - 1.);
        }
        if (x > 4934720.) {
            return LN_SQRT_2PI + (x - 0.5) * logX - x;
        }
        return LN_SQRT_2PI + (x - 0.5) * logX - x + lgammacor(x);
    }

    /**
     * lgamma(x) for 0 < x <= 10 by the recurrence lgamma(x) = lgamma(z) - log(x (x + 1) ... (z - 1))
     * with z = x + n > 10 and Stirling's series at z ({@link #lgammaAbove10}): absolute error a
     * few 1e-15 (R's Chebyshev series for gamma, {@link #lgamma}, about 1e-16) at a fifth of the
     * cost. For sums of many lgamma values where that accuracy suffices.
     */
    static double lgammaBelow10(double x) {
        double product = x;
        double z = x + 1;
        while (z <= 10) {
            product *= z;
            z += 1;
        }
        return lgammaAbove10(z, Math.log(z)) - Math.log(product);
    }

    /**
     * The digamma function psi(x) for x > 0: upward recurrence to x >= 10, then the asymptotic
     * series through the B16 term (absolute error below 1e-16 |psi|).
     */
    static double digamma(double x) {
        if (Double.isNaN(x) || x <= 0) {
            return Double.NaN;
        }
        if (x >= 10) {
            return digammaAtLeast10(x, Math.log(x));
        }
        double acc = 0;
        while (x < 10) {
            acc += 1 / x;
            x += 1;
        }
        return digammaAtLeast10(x, Math.log(x)) - acc;
    }

    /**
     * {@link #digamma} for x >= 10, given log(x): log(x) - 1/(2x) - sum_k B_2k / (2k x^2k).
     *
     * @param x the argument, at least 10
     * @param logX log(x)
     * @return psi(x)
     */
    static double digammaAtLeast10(double x, double logX) {
        double z = 1 / x;
        double z2 = z * z;
        double series = z2 * (1.0 / 12 - z2 * (1.0 / 120 - z2 * (1.0 / 252 - z2 * (1.0 / 240 - z2 * (1.0 / 132
                - z2 * (691.0 / 32760 - z2 * (1.0 / 12 - z2 * 3617.0 / 8160)))))));
        return logX - 0.5 * z - series;
    }

    /**
     * The trigamma function psi'(x) for x > 0: upward recurrence to x >= 10, then the asymptotic
     * series through the B16 term.
     */
    static double trigamma(double x) {
        if (Double.isNaN(x) || x <= 0) {
            return Double.NaN;
        }
        double acc = 0;
        while (x < 10) {
            acc += 1 / (x * x);
            x += 1;
        }
        double z = 1 / x;
        double z2 = z * z;
        double series = z + z2 / 2 + z2 * z * (1.0 / 6 - z2 * (1.0 / 30 - z2 * (1.0 / 42 - z2 * (1.0 / 30
                - z2 * (5.0 / 66 - z2 * (691.0 / 2730 - z2 * (7.0 / 6 - z2 * 3617.0 / 510)))))));
        return series + acc;
    }
}
