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
    private final double[] w;
    private final double[] dw;
    private final double[] b;
    private final double[] db;
    private final double[] inv;
    private final double[] work;

    private final double[] xx; // x_jk * x_jl for k <= l, per sample (m x p(p+1)/2)
    private final int[] uniqueOf; // per sample: index of its count among the distinct counts
    private final double[] uniqueCount;
    private final double[] uniqueValue;
    private final double[] sortScratch;
    private final double[] imu; // 1/mu per sample
    private final double[] tCache; // 1/mu + alpha at cachedAlpha
    private final double[] log1pCache; // log(1 + mu alpha) at cachedAlpha
    private double cachedAlpha = Double.NaN;
    private int nUnique;

    // per-gene inputs
    private double[] y;
    private int yOff;
    private double[] mu;
    private int muOff;
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
        this.w = new double[m];
        this.dw = new double[m];
        this.b = new double[p * p];
        this.db = new double[p * p];
        this.inv = new double[p * p];
        this.work = new double[p * p];
        int q = p * (p + 1) / 2;
        this.xx = new double[m * q];
        for (int j = 0; j < m; j++) {
            int t = 0;
            for (int k = 0; k < p; k++) {
                for (int l = k; l < p; l++) {
                    xx[j * q + t++] = x[j * p + k] * x[j * p + l];
                }
            }
        }
        this.uniqueOf = new int[m];
        this.uniqueCount = new double[m];
        this.uniqueValue = new double[m];
        this.sortScratch = new double[m];
        this.imu = new double[m];
        this.tCache = new double[m];
        this.log1pCache = new double[m];
    }

    void setGene(double[] counts, int countsOff, double[] means, int meansOff, double logPriorMean,
            double logPriorVar, boolean prior) {
        this.y = counts;
        this.yOff = countsOff;
        this.mu = means;
        this.muOff = meansOff;
        this.priorMean = logPriorMean;
        this.priorVar = logPriorVar;
        this.usePrior = prior;
        for (int j = 0; j < m; j++) {
            imu[j] = 1.0 / means[meansOff + j];
        }
        cachedAlpha = Double.NaN;
        // distinct counts: lgamma(y + 1/alpha) and digamma(y + 1/alpha) are evaluated once per value
        System.arraycopy(counts, countsOff, sortScratch, 0, m);
        java.util.Arrays.sort(sortScratch, 0, m);
        nUnique = 0;
        for (int j = 0; j < m; j++) {
            if (j == 0 || sortScratch[j] != sortScratch[j - 1]) {
                uniqueCount[nUnique++] = sortScratch[j];
            }
        }
        for (int j = 0; j < m; j++) {
            uniqueOf[j] = java.util.Arrays.binarySearch(uniqueCount, 0, nUnique, counts[countsOff + j]);
        }
    }

    private void crossprod(double[] weights, double[] out) {
        int q = p * (p + 1) / 2;
        int t = 0;
        for (int k = 0; k < p; k++) {
            for (int l = k; l < p; l++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += weights[j] * xx[j * q + t];
                }
                out[k * p + l] = s;
                out[l * p + k] = s;
                t++;
            }
        }
    }

    /** DESeq2's log_posterior (with the Cox-Reid term). */
    double logPosterior(double logAlpha) {
        double alpha = Math.exp(logAlpha);
        for (int j = 0; j < m; j++) {
            double t = imu[j] + alpha;
            tCache[j] = t;
            w[j] = 1.0 / t;
        }
        crossprod(w, b);
        double crTerm = -0.5 * Math.log(SmallMatrix.det(b, p, work));
        double alphaNeg1 = 1.0 / alpha;
        double lgA = RMath.lgamma(alphaNeg1);
        for (int k = 0; k < nUnique; k++) {
            uniqueValue[k] = RMath.lgamma(uniqueCount[k] + alphaNeg1);
        }
        double ll = 0;
        for (int j = 0; j < m; j++) {
            double yj = y[yOff + j];
            double muj = mu[muOff + j];
            double l1p = Math.log(1.0 + muj * alpha);
            log1pCache[j] = l1p;
            ll += uniqueValue[uniqueOf[j]] - lgA - yj * Math.log(muj + alphaNeg1) - alphaNeg1 * l1p;
        }
        cachedAlpha = alpha;
        double prior = 0.0;
        if (usePrior) {
            double d = logAlpha - priorMean;
            prior = -0.5 * (d * d) / priorVar;
        }
        return ll + prior + crTerm;
    }

    /** DESeq2's dlog_posterior: derivative with respect to log(alpha). */
    double dLogPosterior(double logAlpha, boolean withPrior) {
        double alpha = Math.exp(logAlpha);
        // after an accepted step fitDisp asks for the derivative where it last evaluated the posterior:
        // w, X'WX and log(1 + mu alpha) are then reused (identical values)
        boolean cached = alpha == cachedAlpha;
        for (int j = 0; j < m; j++) {
            double t = cached ? tCache[j] : imu[j] + alpha;
            if (!cached) {
                w[j] = 1.0 / t;
            }
            dw[j] = -1.0 / (t * t);
        }
        if (!cached) {
            crossprod(w, b);
        }
        crossprod(dw, db);
        double tr;
        if (p == 1) {
            tr = (1.0 / b[0]) * db[0];
        } else {
            SmallMatrix.invert(b, p, inv, work);
            tr = 0;
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < p; l++) {
                    tr += inv[k * p + l] * db[l * p + k];
                }
            }
        }
        // as the C++: ddetb = det(b) * trace(b^-1 db); cr_term = -0.5 * ddetb / det(b)
        double detb = SmallMatrix.det(b, p, work);
        double crTerm = -0.5 * (detb * tr) / detb;
        double alphaNeg1 = 1.0 / alpha;
        double alphaNeg2 = alphaNeg1 * alphaNeg1; // R_pow_di(alpha, -2)
        double digA = RMath.digamma(alphaNeg1);
        for (int k = 0; k < nUnique; k++) {
            uniqueValue[k] = RMath.digamma(uniqueCount[k] + alphaNeg1);
        }
        double s = 0;
        for (int j = 0; j < m; j++) {
            double yj = y[yOff + j];
            double muj = mu[muOff + j];
            double ma = muj * alpha;
            double l1p = cached ? log1pCache[j] : Math.log(1 + ma);
            s += digA + l1p - ma * (1.0 / (1.0 + ma)) - uniqueValue[uniqueOf[j]] + yj * (1.0 / (muj + alphaNeg1));
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
