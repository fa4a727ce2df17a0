package org.benchtop.core.stats;

/**
 * A stream of random numbers identical to R's with its default generators ({@code RNGkind()}
 * "Mersenne-Twister", "Inversion"): after {@link #seeded(int) seeded(s)}, the draws equal those of R
 * after {@code set.seed(s)}, draw for draw. Reproduces R 4.2.2 ({@code src/main/RNG.c},
 * {@code src/nmath/snorm.c, sexp.c, rgamma.c, rchisq.c, qnorm.c}):
 * <ul>
 * <li><b>Seeding</b> ({@code set.seed}): the integer seed s is scrambled by 50 steps of the
 * linear congruence {@code s <- 69069 s + 1 (mod 2^32)}; the next 625 values of the congruence
 * fill R's seed vector, whose first element (the position) is then set to 624, so the other 624
 * are the generator's state and the first draw regenerates it.</li>
 * <li><b>Uniform</b> ({@code unif_rand}): the Mersenne Twister MT19937 (Matsumoto and Nishimura
 * 1998, ACM TOMACS 8:3-30, doi:10.1145/272991.272995): the 32-bit tempered output y gives
 * {@code y * 2.3283064365386963e-10} in [0, 1), moved into (0, 1) by R's fixup (0 becomes
 * {@code 0.5 / (2^32 - 1)}, a value that rounds to 1 becomes 1 minus that).</li>
 * <li><b>Normal</b> ({@code norm_rand}, "Inversion"): {@code u = floor(2^27 u1) + u2} from two
 * uniforms, then {@code qnorm(u / 2^27)} by Wichura's algorithm AS 241 (1988, Applied Statistics
 * 37:477-484, doi:10.2307/2347330), with R's 1 - p written {@code (0.5 - p) + 0.5};
 * {@code rnorm(mean, sd)} is {@code mean + sd * norm_rand()}, and for sd = 0 returns the mean
 * without drawing.</li>
 * <li><b>Exponential</b> ({@code exp_rand}): Ahrens and Dieter (1972), Computer methods for
 * sampling from the exponential and normal distributions, Comm. ACM 15:873-882,
 * doi:10.1145/355604.355610, algorithm SA with the table {@code q[k] = sum_{i<=k} ln2^i / i!}.</li>
 * <li><b>Gamma</b> ({@code rgamma(a, scale)}): for a &lt; 1 algorithm GS of Ahrens and Dieter
 * (1974), Computing 12:223-246, doi:10.1007/BF02293108; for a &gt;= 1 algorithm GD of Ahrens and
 * Dieter (1982), Comm. ACM 25:47-54, doi:10.1145/358315.358390 (normal deviate with immediate and
 * squeeze acceptance, quotient test, double-exponential rejection), with R's constants;
 * {@code rchisq(df) = rgamma(df / 2, 2)}.</li>
 * </ul>
 * Only arithmetic in R's order and {@code Math.log/exp/expm1/sqrt} are used. sqrt is exact; the
 * other three differ from the C library R uses (glibc) in the last bit for a few arguments in 10^4
 * (neither is correctly rounded), so draws that go through them (normal deviates in the outer 15 %,
 * gamma and chi-squared deviates) are identical to R's except for rare differences of a few units
 * in the last place (measured against R 4.2.2: chi-squared with 1 degree of freedom, whose
 * algorithm GS raises a logarithm to the power 1/a, 98.8 % to 100 % identical, at most 7 ulps;
 * every other kind tested identical); uniform and exponential draws are always identical.
 *
 * <p>Mutable and not thread-safe: a stream is consumed in order, as R's generator is.
 */
public final class RRandomStream {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    /** 1 / (2^32 - 1), R's i2_32m1. */
    private static final double I2_32M1 = 2.328306437080797e-10;
    /** 2^27: the inversion method combines two uniforms to 2^27 + 32 bits. */
    private static final double BIG = 134217728;

    /** Ahrens and Dieter's q[k] = sum_{i=1}^{k+1} ln(2)^i / i! (R's sexp.c values). */
    private static final double[] EXP_Q = {0.6931471805599453, 0.9333736875190459, 0.9888777961838675,
        0.9984959252914960, 0.9998292811061389, 0.9999833164100727, 0.9999985691438767, 0.9999998906925558,
        0.9999999924734159, 0.9999999995283275, 0.9999999999728814, 0.9999999999985598, 0.9999999999999289,
        0.9999999999999968, 0.9999999999999999, 1.0000000000000000};

    private final int[] mt = new int[N];
    private int mti;
    /** GD's step-4 constants of the last shape (R keeps them in static variables; a pure cache). */
    private GdConstants gd;

    private RRandomStream() {
    }

    /**
     * R's {@code set.seed(seed)} with the default kinds.
     *
     * @param seed any integer (R's seed; NA is not an integer here)
     * @return a fresh stream positioned at R's first draw after that call
     */
    public static RRandomStream seeded(int seed) {
        RRandomStream r = new RRandomStream();
        int s = seed;
        for (int j = 0; j < 50; j++) {
            s = 69069 * s + 1;
        }
        // R fills 1 + 624 values; the first is the position, overwritten with 624 (regenerate first)
        s = 69069 * s + 1;
        for (int j = 0; j < N; j++) {
            s = 69069 * s + 1;
            r.mt[j] = s;
        }
        r.mti = N;
        return r;
    }

    /**
     * R's {@code unif_rand()} ({@code runif(1)}).
     *
     * @return a uniform deviate in the open interval (0, 1)
     */
    public double unifRand() {
        if (mti >= N) {
            twist();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        double v = (y & 0xffffffffL) * 2.3283064365386963e-10;
        if (v <= 0.0) {
            return 0.5 * I2_32M1;
        }
        if (1.0 - v <= 0.0) {
            return 1.0 - 0.5 * I2_32M1;
        }
        return v;
    }

    /** Regenerates the 624 words of state (MT19937's recurrence). */
    private void twist() {
        int kk = 0;
        for (; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        mti = 0;
    }

    /**
     * R's {@code runif(1, min, max)}.
     *
     * @param min lower end
     * @param max upper end, at least min
     * @return {@code min + (max - min) u}; min if the two are equal (no draw); NaN for non-finite or
     *         reversed limits (no draw)
     */
    public double runif(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            return Double.NaN;
        }
        if (min == max) {
            return min;
        }
        double u;
        do {
            u = unifRand();
        } while (u <= 0 || u >= 1);
        return min + (max - min) * u;
    }

    /**
     * R's {@code norm_rand()} with the "Inversion" method: two uniforms, then AS 241.
     *
     * @return a standard normal deviate
     */
    public double normRand() {
        double u = unifRand();
        u = (int) (BIG * u) + unifRand();
        return qnorm(u / BIG);
    }

    /**
     * R's {@code rnorm(1, mean, sd)}.
     *
     * @param mean the mean
     * @param sd the standard deviation; 0 returns the mean without consuming a draw
     * @return a normal deviate; NaN (no draw) for NaN mean, negative or non-finite sd; an infinite
     *         mean is returned as it is
     */
    public double rnorm(double mean, double sd) {
        if (Double.isNaN(mean) || !Double.isFinite(sd) || sd < 0) {
            return Double.NaN;
        }
        if (sd == 0 || !Double.isFinite(mean)) {
            return mean;
        }
        return mean + sd * normRand();
    }

    /**
     * R's {@code exp_rand()} ({@code rexp(1)}): Ahrens and Dieter's algorithm SA.
     *
     * @return a standard exponential deviate
     */
    public double expRand() {
        double a = 0;
        double u = unifRand();
        for (;;) {
            u += u;
            if (u > 1.0) {
                break;
            }
            a += EXP_Q[0];
        }
        u -= 1.0;
        if (u <= EXP_Q[0]) {
            return a + u;
        }
        int i = 0;
        double ustar = unifRand();
        double umin = ustar;
        do {
            ustar = unifRand();
            if (ustar < umin) {
                umin = ustar;
            }
            i++;
        } while (u > EXP_Q[i]);
        return a + umin * EXP_Q[0];
    }

    /**
     * R's {@code rexp(1, rate)}.
     *
     * @param rate the rate (1 / mean)
     * @return {@code exp_rand() / rate} computed as R does ({@code (1 / rate) * exp_rand()}); 0 for
     *         an infinite rate and NaN for a rate that is not positive, both without drawing
     */
    public double rexp(double rate) {
        double scale = 1 / rate;
        if (!Double.isFinite(scale) || scale <= 0.0) {
            return scale == 0 ? 0 : Double.NaN;
        }
        return scale * expRand();
    }

    /**
     * R's {@code rchisq(1, df)}: {@code rgamma(df / 2, scale = 2)}.
     *
     * @param df degrees of freedom, non-negative
     * @return a chi-squared deviate; NaN (no draw) for negative or non-finite df
     */
    public double rchisq(double df) {
        if (!Double.isFinite(df) || df < 0.0) {
            return Double.NaN;
        }
        return rgamma(df / 2.0, 2.0);
    }

    /**
     * R's {@code rgamma(1, shape = a, scale = scale)}: algorithm GS for a &lt; 1, GD for a &gt;= 1.
     *
     * @param a the shape
     * @param scale the scale
     * @return a gamma deviate; 0 (no draw) if a or scale is 0; NaN (no draw) for NaN or negative
     *         arguments; infinity for infinite ones
     */
    public double rgamma(double a, double scale) {
        if (Double.isNaN(a) || Double.isNaN(scale)) {
            return Double.NaN;
        }
        if (a <= 0.0 || scale <= 0.0) {
            return scale == 0 || a == 0 ? 0 : Double.NaN;
        }
        if (!Double.isFinite(a) || !Double.isFinite(scale)) {
            return Double.POSITIVE_INFINITY;
        }
        if (a < 1) {
            return scale * gammaSmallShape(a);
        }
        return scale * gammaGd(a);
    }

    /** Algorithm GS (0 &lt; a &lt; 1): rejection from a mixture of a power and an exponential density. */
    private double gammaSmallShape(double a) {
        final double expM1 = 0.36787944117144232159; // exp(-1)
        double e = 1.0 + expM1 * a;
        for (;;) {
            double p = e * unifRand();
            if (p >= 1.0) {
                double x = -Math.log((e - p) / a);
                if (expRand() >= (1.0 - a) * Math.log(x)) {
                    return x;
                }
            } else {
                double x = Math.exp(Math.log(p) / a);
                if (expRand() >= x) {
                    return x;
                }
            }
        }
    }

    /** Algorithm GD (a &gt;= 1), steps 1 to 11 of Ahrens and Dieter (1982) with R's constants. */
    private double gammaGd(double a) {
        // step 1
        double s2 = a - 0.5;
        double s = Math.sqrt(s2);
        double d = 5.656854 - s * 12.0; // sqrt(32) - 12 s
        // step 2: immediate acceptance
        double t = normRand();
        double x = s + 0.5 * t;
        double retVal = x * x;
        if (t >= 0.0) {
            return retVal;
        }
        // step 3: squeeze acceptance
        double u = unifRand();
        if (d * u <= t * t * t) {
            return retVal;
        }
        // step 4
        if (gd == null || gd.a != a) {
            gd = new GdConstants(a, s, s2);
        }
        GdConstants c = gd;
        // steps 5 to 7: quotient acceptance
        if (x > 0.0) {
            double q = c.q(t);
            if (Math.log(1.0 - u) <= q) {
                return retVal;
            }
        }
        // steps 8 to 11: double-exponential rejection
        for (;;) {
            double e = expRand();
            u = unifRand();
            u = u + u - 1.0;
            t = u < 0.0 ? c.b - c.si * e : c.b + c.si * e;
            if (t >= -0.71874483771719) {
                double q = c.q(t);
                if (q > 0.0) {
                    double w = Math.expm1(q);
                    if (c.c * Math.abs(u) <= w * Math.exp(e - 0.5 * t * t)) {
                        break;
                    }
                }
            }
        }
        x = s + 0.5 * t;
        return x * x;
    }

    /** GD's step-4 constants (q0, b, si, c), and the quotient q(t) of steps 6 and 10. */
    private static final class GdConstants {
        final double a;
        final double s;
        final double s2;
        final double q0;
        final double b;
        final double si;
        final double c;

        GdConstants(double a, double s, double s2) {
            this.a = a;
            this.s = s;
            this.s2 = s2;
            double r = 1.0 / a;
            q0 = ((((((2.424e-4 * r + 2.4511e-4) * r + -7.388e-5) * r + 0.00144121) * r + 0.00801191) * r
                    + 0.02083148) * r + 0.04166669) * r;
            if (a <= 3.686) {
                b = 0.463 + s + 0.178 * s2;
                si = 1.235;
                c = 0.195 / s - 0.079 + 0.16 * s;
            } else if (a <= 13.022) {
                b = 1.654 + 0.0076 * s2;
                si = 1.68 / s + 0.275;
                c = 0.062 / s + 0.024;
            } else {
                b = 1.77;
                si = 0.75;
                c = 0.1515 / s;
            }
        }

        double q(double t) {
            double v = t / (s + s);
            if (Math.abs(v) <= 0.25) {
                return q0 + 0.5 * t * t * ((((((0.1233795 * v + -0.1367177) * v + 0.1423657) * v + -0.1662921) * v
                        + 0.2000062) * v + -0.250003) * v + 0.3333333) * v;
            }
            return q0 - s * t + 0.25 * t * t + (s2 + s2) * Math.log(1.0 + v);
        }
    }

    /**
     * R's {@code qnorm(p)} (lower tail, not log): Wichura's AS 241, with R's arithmetic.
     *
     * @param p a probability
     * @return the standard normal quantile; -Inf / +Inf at 0 / 1, NaN outside [0, 1] or for NaN
     */
    public static double qnorm(double p) {
        if (Double.isNaN(p) || p < 0 || p > 1) {
            return Double.NaN;
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        double val;
        if (Math.abs(q) <= .425) {
            double r = .180625 - q * q;
            val = q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r
                            + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                            + 42.313330701600911252) * r + 1.);
        } else {
            double r = q > 0 ? (0.5 - p + 0.5) : p;
            r = Math.sqrt(-Math.log(r));
            if (r <= 5.) {
                r += -1.6;
                val = (((((((r * 7.7454501427834140764e-4 + .0227238449892691845833) * r + .24178072517745061177) * r
                        + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                        + 4.6303378461565452959) * r + 1.42343711074968357734)
                        / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r
                                + .0151986665636164571966) * r + .14810397642748007459) * r + .68976733498510000455) * r
                                + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1.);
            } else {
                r += -5.;
                val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
                        + .0012426609473880784386) * r + .026532189526576123093) * r + .29656057182850489123) * r
                        + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772)
                        / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
                                + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
                                + .0148753612908506148525) * r + .13692988092273580531) * r + .59983220655588793769) * r
                                + 1.);
            }
            if (q < 0.0) {
                val = -val;
            }
        }
        return val;
    }
}
