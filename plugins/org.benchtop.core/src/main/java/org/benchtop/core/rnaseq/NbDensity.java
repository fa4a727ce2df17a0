package org.benchtop.core.rnaseq;

/**
 * R's {@code dnbinom(y, size, mu = mu, log = TRUE)} for one gene's counts and a fixed size
 * (1/dispersion), evaluated for many mean vectors (the IRLS iterations): the parts of Loader's
 * saddle-point formula that depend only on y and size (the stirlerr terms and the log of the
 * 2 pi factor) are computed once per sample; each evaluation then costs two bd0 terms. The
 * arithmetic is the same, in the same order, as {@link RMath#dnbinomMuLog}, so the values are
 * identical.
 */
final class NbDensity {

    private final int m;
    private final int[] kind; // 0: y == 0, 1: y < 1e-10 size, 2: saddle point
    private final double[] lcConst;
    private final double[] lf;
    private final double[] pTerm;
    private double[] y;
    private int off;
    private double size;

    NbDensity(int m) {
        this.m = m;
        this.kind = new int[m];
        this.lcConst = new double[m];
        this.lf = new double[m];
        this.pTerm = new double[m];
    }

    /** Prepares for counts y[off .. off+m) and the given size. */
    void prepare(double[] counts, int offset, double sizeParam) {
        this.y = counts;
        this.off = offset;
        this.size = sizeParam;
        double stSize = RMath.stirlerr(sizeParam);
        for (int j = 0; j < m; j++) {
            double x = counts[offset + j];
            if (x == 0) {
                kind[j] = 0;
            } else if (x < 1e-10 * sizeParam) {
                kind[j] = 1;
            } else {
                kind[j] = 2;
                // dbinom_raw(x = size, n = x + size, ...): lc = stirlerr(n) - stirlerr(size) - stirlerr(x) - bd0 - bd0
                double n = x + sizeParam;
                lcConst[j] = RMath.stirlerr(n) - stSize - RMath.stirlerr(n - sizeParam);
                lf[j] = RMath.LN_2PI + Math.log(sizeParam) + RMath.log1p(-sizeParam / n);
                pTerm[j] = x < sizeParam ? RMath.log1p(-x / (sizeParam + x))
                        : Math.log(sizeParam / (sizeParam + x));
            }
        }
    }

    /** log dnbinom(y_j, size, mu). */
    double logDensity(int j, double mu) {
        double x = y[off + j];
        switch (kind[j]) {
            case 0:
                return size * (size < mu ? Math.log(size / (size + mu)) : RMath.log1p(-mu / (size + mu)));
            case 1:
                return RMath.dnbinomMuLog(x, size, mu);
            default:
                double n = x + size;
                double p = size / (size + mu);
                double q = mu / (size + mu);
                if (p == 0 || q == 0) {
                    return RMath.dnbinomMuLog(x, size, mu);
                }
                double lc = lcConst[j] - RMath.bd0(size, n * p) - RMath.bd0(n - size, n * q);
                return pTerm[j] + (lc - 0.5 * lf[j]);
        }
    }
}
