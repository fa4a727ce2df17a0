package org.benchtop.core.rnaseq;

/**
 * The Cox-Reid adjusted profile log-likelihood of the NB dispersion of one gene, with an
 * optional normal prior on log(alpha), and DESeq2's two maximizers of it (ports of the C++
 * functions {@code log_posterior}, {@code dlog_posterior}, {@code fitDisp} and {@code fitDispGrid}
 * of DESeq2 1.38, {@code src/DESeq2.cpp}):
 *
 * <pre>
 * l(a) = sum_j [lgamma(y_j + 1/alpha) - lgamma(1/alpha) - y_j log(mu_j + 1/alpha)
 *               - (1/alpha) log(1 + mu_j alpha)] - 1/2 log det(X' W X)
 *        - (a - a0)^2 / (2 s^2)          (prior part only for MAP),   a = log(alpha),
 * W = diag(1 / (1/mu_j + alpha)).
 * </pre>
 *
 * Evaluated at DESeq2's sequence of points with DESeq2's per-sample terms, but cheaper: lgamma and
 * digamma once per distinct count, one logarithm per sample (of log(mu + 1/alpha) and
 * log(1 + mu alpha) = log(mu + 1/alpha) + log(alpha) the one with the larger coefficient, y or
 * 1/alpha, is evaluated and the other derived), X'WX and its derivative summed over the distinct rows of X
 * ({@link DesignMatrix.Cells}), and the derivative reusing the weights and logarithms of the
 * posterior at the same point (including log(y + 1/alpha), shared by lgamma and digamma).
 *
 * {@code fitDisp} is a backtracking (Armijo) line search along the gradient in log(alpha), step
 * kappa starting at kappa_0 = 1, growing by 1.1 after an accepted step and halved every 5
 * accepted steps, log(alpha) confined to [-30, 10], stopping when the log-posterior improves by
 * less than tol = 1e-6. {@code fitDispGrid} evaluates a 20-point grid over
 * [log 1e-8, log max(10, m)], then a 20-point fine grid around the best point.
 *
 * <p>Cox and Reid (1987), J. R. Stat. Soc. B 49:1-39; McCarthy, Chen and Smyth (2012), Nucleic
 * Acids Research 40:4288, doi:10.1093/nar/gks042; Love et al. (2014), doi:10.1186/s13059-014-0550-8.
 *
 * <p>Not thread-safe (holds scratch); use one instance per thread.
 */
final class DispersionLikelihood {

    private final int m;
    private final int p;
    private final DesignMatrix.Cells cells;
    private final double[] w; // 1 / (1/mu + alpha) per sample
    private final double[] dw; // its derivative in alpha, -w^2
    private final double[] cellSum; // per-cell sums of w (or of its derivative)
    private final double[] cellForm; // x_c' (X'WX)^-1 x_c per cell
    private final double[] b;
    private final double[] inv;
    private final double[] work;

    private final int[] uniqueOf; // per sample: index of its count among the distinct counts
    private final double[] uniqueCount;
    private final double[] uniqueValue; // lgamma or digamma of (count + 1/alpha)
    private final double[] uniqueLog; // log(count + 1/alpha) at cachedAlpha where above 10, else NaN
    private final int[] slot; // hash table of the distinct counts: index + 1, 0 = empty
    private final int slotShift;
    private final double[] y; // the current gene's counts
    private final double[] mu; // and fitted means
    private final double[] imu; // 1/mu
    private final double[] log1pCache; // log(1 + mu alpha) at cachedAlpha
    private double cachedAlpha = Double.NaN;
    private int nUnique;

    // per-gene prior
    private double priorMean;
    private double priorVar;
    private boolean usePrior;

    /** Outcome of {@link #fitDisp}. */
    static final class Fit {
        double logAlpha;
        int iter;
        double initialLp;
        double lastLp;
    }

    DispersionLikelihood(double[] x, int m, int p) {
        this.m = m;
        this.p = p;
        this.cells = DesignMatrix.Cells.of(x, m, p);
        this.w = new double[m];
        this.dw = new double[m];
        this.cellSum = new double[cells.count];
        this.cellForm = new double[cells.count];
        this.b = new double[p * p];
        this.inv = new double[p * p];
        this.work = new double[p * p];
        this.uniqueOf = new int[m];
        this.uniqueCount = new double[m];
        this.uniqueValue = new double[m];
        this.uniqueLog = new double[m];
        int bits = 32 - Integer.numberOfLeadingZeros(2 * m - 1); // table of 2^bits >= 2m slots
        this.slot = new int[1 << bits];
        this.slotShift = 64 - bits;
        this.y = new double[m];
        this.mu = new double[m];
        this.imu = new double[m];
        this.log1pCache = new double[m];
    }

    void setGene(double[] counts, int countsOff, double[] means, int meansOff, double logPriorMean,
            double logPriorVar, boolean prior) {
        System.arraycopy(counts, countsOff, y, 0, m);
        System.arraycopy(means, meansOff, mu, 0, m);
        this.priorMean = logPriorMean;
        this.priorVar = logPriorVar;
        this.usePrior = prior;
        for (int j = 0; j < m; j++) {
            imu[j] = 1.0 / mu[j];
        }
        cachedAlpha = Double.NaN;
        // distinct counts: lgamma(y + 1/alpha) and digamma(y + 1/alpha) are evaluated once per value;
        // an open-addressing hash table (Fibonacci hashing of the bits, linear probing) finds them
        java.util.Arrays.fill(slot, 0);
        nUnique = 0;
        int mask = slot.length - 1;
        for (int j = 0; j < m; j++) {
            double v = y[j];
            int h = (int) ((Double.doubleToLongBits(v) * 0x9E3779B97F4A7C15L) >>> slotShift);
            while (slot[h] != 0 && uniqueCount[slot[h] - 1] != v) {
                h = (h + 1) & mask;
            }
            if (slot[h] == 0) {
                uniqueCount[nUnique] = v;
                slot[h] = ++nUnique;
            }
            uniqueOf[j] = slot[h] - 1;
        }
    }

    /**
     * X'WX = sum_c (sum_{j in c} w_j) x_c x_c' into {@link #b} for the weights in {@link #w}.
     */
    private void weightedCrossprod() {
        cells.sums(w, cellSum);
        cells.crossprod(cellSum, b);
    }

    /**
     * DESeq2's log_posterior (with the Cox-Reid term). The per-sample terms are DESeq2's,
     * lgamma(y + 1/alpha) - lgamma(1/alpha) - y log(mu + 1/alpha) - (1/alpha) log(1 + mu alpha),
     * with one logarithm per sample: log(mu + 1/alpha) and log(1 + mu alpha) differ by log(alpha),
     * and the one multiplied by the larger of y and 1/alpha is evaluated, so that the larger
     * product rounds as DESeq2's.
     */
    double logPosterior(double logAlpha) {
        double alpha = Math.exp(logAlpha);
        for (int j = 0; j < m; j++) {
            w[j] = 1.0 / (imu[j] + alpha);
        }
        weightedCrossprod();
        double crTerm = -0.5 * Math.log(SmallMatrix.det(b, p, work));
        double alphaNeg1 = 1.0 / alpha;
        double lgA = RMath.lgamma(alphaNeg1);
        for (int k = 0; k < nUnique; k++) {
            double x = uniqueCount[k] + alphaNeg1;
            if (x > 10) {
                double logX = Math.log(x); // kept for digamma at the same point
                uniqueLog[k] = logX;
                uniqueValue[k] = RMath.lgammaAbove10(x, logX);
            } else {
                uniqueLog[k] = Double.NaN;
                uniqueValue[k] = RMath.lgammaBelow10(x);
            }
        }
        double ll = 0;
        for (int j = 0; j < m; j++) {
            double yj = y[j];
            // log(mu + 1/alpha) = log(1 + mu alpha) - log(alpha): the logarithm with the larger
            // coefficient is evaluated, the other derived, so the dominant product rounds as DESeq2's
            double logMuR;
            double l1p;
            if (yj >= alphaNeg1) {
                logMuR = Math.log(mu[j] + alphaNeg1);
                l1p = logMuR + logAlpha;
            } else {
                l1p = Math.log(1.0 + mu[j] * alpha);
                logMuR = l1p - logAlpha;
            }
            log1pCache[j] = l1p;
            ll += uniqueValue[uniqueOf[j]] - lgA - yj * logMuR - alphaNeg1 * l1p;
        }
        cachedAlpha = alpha;
        double prior = 0.0;
        if (usePrior) {
            double d = logAlpha - priorMean;
            prior = -0.5 * (d * d) / priorVar;
        }
        return ll + prior + crTerm;
    }

    /**
     * DESeq2's dlog_posterior: derivative with respect to log(alpha). The Cox-Reid part,
     * d log det(X'WX) / d alpha = trace((X'WX)^-1 X' dW X), is summed over the cells:
     * sum_c (sum_{j in c} dw_j) x_c' (X'WX)^-1 x_c with dw_j = -1 / (1/mu_j + alpha)^2.
     */
    double dLogPosterior(double logAlpha, boolean withPrior) {
        double alpha = Math.exp(logAlpha);
        // after an accepted step fitDisp asks for the derivative where it last evaluated the posterior:
        // w, X'WX and log(1 + mu alpha) are then reused (identical values)
        boolean cached = alpha == cachedAlpha;
        if (!cached) {
            for (int j = 0; j < m; j++) {
                w[j] = 1.0 / (imu[j] + alpha);
                log1pCache[j] = Math.log(1 + mu[j] * alpha);
            }
            cachedAlpha = alpha;
            weightedCrossprod();
        }
        double detb = SmallMatrix.det(b, p, work);
        SmallMatrix.invert(b, p, inv, work);
        cells.quadraticForms(inv, cellForm);
        for (int j = 0; j < m; j++) {
            dw[j] = -(w[j] * w[j]);
        }
        cells.sums(dw, cellSum);
        double tr = 0;
        for (int c = 0; c < cells.count; c++) {
            tr += cellSum[c] * cellForm[c];
        }
        // as the C++: ddetb = det(b) * trace(b^-1 db); cr_term = -0.5 * ddetb / det(b)
        double crTerm = -0.5 * (detb * tr) / detb;
        double alphaNeg1 = 1.0 / alpha;
        double alphaNeg2 = alphaNeg1 * alphaNeg1; // R_pow_di(alpha, -2)
        double digA = RMath.digamma(alphaNeg1);
        for (int k = 0; k < nUnique; k++) {
            double x = uniqueCount[k] + alphaNeg1;
            uniqueValue[k] = cached && x > 10 ? RMath.digammaAtLeast10(x, uniqueLog[k]) : RMath.digamma(x);
        }
        double s = 0;
        for (int j = 0; j < m; j++) {
            double yj = y[j];
            double muj = mu[j];
            double ma = muj * alpha;
            s += digA + log1pCache[j] - ma * (1.0 / (1.0 + ma)) - uniqueValue[uniqueOf[j]]
                    + yj * (1.0 / (muj + alphaNeg1));
        }
        double ll = alphaNeg2 * s;
        double prior = 0.0;
        if (withPrior) {
            prior = -1.0 * (logAlpha - priorMean) / priorVar;
        }
        return (ll + crTerm) * alpha + prior;
    }

    /**
     * DESeq2's fitDisp line search for the current gene.
     *
     * @param logAlphaStart starting log(alpha)
     * @param minLogAlpha stop when log(alpha) falls below this
     * @param kappa0 initial step
     * @param tol convergence tolerance on the log posterior
     * @param maxit maximum iterations
     * @param out receives the result
     */
    void fitDisp(double logAlphaStart, double minLogAlpha, double kappa0, double tol, int maxit, Fit out) {
        final double epsilon = 1.0e-4;
        double a = logAlphaStart;
        double lp = logPosterior(a);
        double dlp = dLogPosterior(a, usePrior);
        double kappa = kappa0;
        out.initialLp = lp;
        int iter = 0;
        int iterAccept = 0;
        for (int t = 0; t < maxit; t++) {
            iter++;
            double aPropose = a + kappa * dlp;
            if (aPropose < -30.0) {
                kappa = (-30.0 - a) / dlp;
            }
            if (aPropose > 10.0) {
                kappa = (10.0 - a) / dlp;
            }
            double thetaKappa = -1.0 * logPosterior(a + kappa * dlp);
            double thetaHatKappa = -1.0 * lp - kappa * epsilon * (dlp * dlp);
            if (thetaKappa <= thetaHatKappa) {
                iterAccept++;
                a = a + kappa * dlp;
                double lpnew = -1.0 * thetaKappa;
                double change = lpnew - lp;
                if (change < tol) {
                    lp = lpnew;
                    break;
                }
                if (a < minLogAlpha) {
                    break;
                }
                lp = lpnew;
                dlp = dLogPosterior(a, usePrior);
                kappa = Math.min(kappa * 1.1, kappa0);
                if (iterAccept % 5 == 0) {
                    kappa = kappa / 2.0;
                }
            } else {
                kappa = kappa / 2.0;
            }
        }
        out.logAlpha = a;
        out.iter = iter;
        out.lastLp = lp;
    }

    /**
     * DESeq2's fitDispGrid for the current gene.
     *
     * @param grid the coarse grid of log(alpha) (R: seq(log(1e-8), log(max(10, m)), length = 20))
     * @return the maximizing log(alpha) on the fine grid
     */
    double fitDispGrid(double[] grid) {
        int ng = grid.length;
        double delta = grid[1] - grid[0];
        int best = 0;
        double bestVal = Double.NaN;
        for (int t = 0; t < ng; t++) {
            double v = logPosterior(grid[t]);
            if (t == 0 || v > bestVal || (Double.isNaN(bestVal) && !Double.isNaN(v))) {
                bestVal = v;
                best = t;
            }
        }
        double aHat = grid[best];
        double[] fine = RMath.seq(aHat - delta, aHat + delta, ng);
        best = 0;
        bestVal = Double.NaN;
        for (int t = 0; t < ng; t++) {
            double v = logPosterior(fine[t]);
            if (t == 0 || v > bestVal || (Double.isNaN(bestVal) && !Double.isNaN(v))) {
                bestVal = v;
                best = t;
            }
        }
        return fine[best];
    }
}
