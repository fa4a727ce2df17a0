package org.benchtop.core.stats;

import java.math.BigInteger;

/**
 * The sum of doubles as R's {@code sum()} computes it on x86-64: accumulated in the 80-bit x87
 * extended format ({@code long double}, a 64-bit significand), each addition rounded to nearest
 * with ties to even, and the total rounded once more to a double (R 4.2.2, {@code rsum} in
 * {@code src/main/summary.c}). IEEE 754-2008, doi:10.1109/IEEESTD.2008.4610935 (extended
 * precision formats). The extended additions are emulated exactly with integer arithmetic, so
 * results are identical to R's, not merely close; the cost (a few hundred nanoseconds per term)
 * suits short vectors.
 */
public final class LongDoubleSum {

    /** Significand bits of the x87 extended format. */
    private static final int EXTENDED_BITS = 64;
    /** Significand bits of a double. */
    private static final int DOUBLE_BITS = 53;

    private LongDoubleSum() {
    }

    /**
     * R's {@code sum(x)}.
     *
     * @param x the terms, in order
     * @return their sum; 0 for none; NaN if a term is NaN or infinities of both signs occur;
     *         an infinity if one occurs or the total exceeds the double range
     */
    public static double sum(double... x) {
        boolean nan = false;
        boolean posInf = false;
        boolean negInf = false;
        for (double v : x) {
            nan |= Double.isNaN(v);
            posInf |= v == Double.POSITIVE_INFINITY;
            negInf |= v == Double.NEGATIVE_INFINITY;
        }
        if (nan || (posInf && negInf)) {
            return Double.NaN;
        }
        if (posInf || negInf) {
            return posInf ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        BigInteger mant = BigInteger.ZERO; // value = mant * 2^exp, |mant| < 2^64 after each step
        int exp = 0;
        for (double v : x) {
            if (v == 0) {
                continue;
            }
            long bits = Double.doubleToRawLongBits(v);
            int biased = (int) ((bits >>> 52) & 0x7ff);
            long m = bits & 0xfffffffffffffL;
            int e;
            if (biased == 0) {
                e = -1074;
            } else {
                m |= 1L << 52;
                e = biased - 1075;
            }
            BigInteger bv = BigInteger.valueOf(v < 0 ? -m : m);
            if (mant.signum() == 0) {
                mant = bv;
                exp = e;
            } else {
                int lo = Math.min(exp, e);
                mant = mant.shiftLeft(exp - lo).add(bv.shiftLeft(e - lo));
                exp = lo;
            }
            int shift = mant.abs().bitLength() - EXTENDED_BITS;
            if (shift > 0) {
                mant = roundShift(mant, shift);
                exp += shift;
            }
        }
        if (mant.signum() == 0) {
            return 0.0;
        }
        // round the extended value once to the double grid (53 bits, or fewer for a subnormal total)
        int top = exp + mant.abs().bitLength() - 1; // binary exponent of the leading bit
        int shift = Math.max(top - (DOUBLE_BITS - 1), -1074) - exp;
        if (shift > 0) {
            mant = roundShift(mant, shift);
            exp += shift;
        }
        if (mant.signum() == 0) {
            return 0.0;
        }
        if (exp + mant.abs().bitLength() - 1 > 1023) {
            return mant.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return Math.scalb((double) mant.longValueExact(), exp);
    }

    /** {@code m / 2^shift} rounded to nearest, ties to even (on the magnitude, so symmetric). */
    private static BigInteger roundShift(BigInteger m, int shift) {
        BigInteger a = m.abs();
        BigInteger q = a.shiftRight(shift);
        boolean half = a.testBit(shift - 1);
        boolean sticky = a.getLowestSetBit() < shift - 1;
        if (half && (sticky || q.testBit(0))) {
            q = q.add(BigInteger.ONE);
        }
        return m.signum() < 0 ? q.negate() : q;
    }
}
