package org.benchtop.core.rnaseq;

import java.util.List;

import org.benchtop.core.ProgressMonitor;

/**
 * The negative binomial GLM of DESeq2 ({@code fitNbinomGLMs} with the C++ {@code fitBeta}):
 * for each gene, K_ij ~ NB(mu_ij, alpha_i) with log mu_ij = log s_j + x_j' beta_i, fitted by
 * iteratively reweighted least squares on the QR decomposition of [W^1/2 X; Lambda^1/2] with a
 * small ridge penalty Lambda = lambda / log(2)^2 (lambda = 1e-6 per coefficient on the log2
 * scale, i.e. a N(0, 1e6) prior), weights w = mu / (1 + alpha mu), fitted means bounded below by
 * minmu = 0.5, convergence when |dev - dev_old| / (|dev| + 0.1) < 1e-8. Genes that do not
 * converge in 100 iterations (or whose coefficients pass |beta| > 30) are refitted with R's
 * L-BFGS-B ({@code fitNbinomGLMsOptim}, via {@link Lbfgsb}). Standard errors come from the
 * sandwich (X'WX + Lambda)^-1 X'WX (X'WX + Lambda)^-1; coefficients are reported on the log2 scale.
 *
 * <p>Love, Huber and Anders (2014), Moderated estimation of fold change and dispersion for
 * RNA-seq data with DESeq2, Genome Biology 15:550, doi:10.1186/s13059-014-0550-8.
 *
 * <p>Immutable; {@link #withDefaults()} then {@code with...} copies.
 */
public final class NegativeBinomialGlm {

    /** DESeq2's default ridge (prior precision) per coefficient on the log2 scale. */
    public static final double DEFAULT_LAMBDA = 1e-6;

    private final double[] lambda; // log2 scale, null = default for every coefficient
    private final double betaTol;
    private final int maxit;
    private final double minmu;
    private final boolean useOptim;
    private final int threads;

    private NegativeBinomialGlm(double[] lambda, double betaTol, int maxit, double minmu, boolean useOptim,
            int threads) {
        this.lambda = lambda;
        this.betaTol = betaTol;
        this.maxit = maxit;
        this.minmu = minmu;
        this.useOptim = useOptim;
        this.threads = threads;
    }

    /** @return DESeq2's defaults (lambda 1e-6, betaTol 1e-8, maxit 100, minmu 0.5, optim fallback on) */
    public static NegativeBinomialGlm withDefaults() {
        return new NegativeBinomialGlm(null, 1e-8, 100, 0.5, true, 1);
    }

    /**
     * @param n worker threads (results do not depend on it)
     * @return a copy using n threads
     */
    public NegativeBinomialGlm withThreads(int n) {
        if (n < 1) {
            throw RnaseqException.badInput("The number of threads must be at least 1, not %d.", Integer.valueOf(n));
        }
        return new NegativeBinomialGlm(lambda, betaTol, maxit, minmu, useOptim, n);
    }

    /**
     * @param perCoefficient prior precision of each coefficient on the log2 scale (DESeq2's
     *        {@code lambda}); 1e-6 is DESeq2's default, 1 / betaPriorVar for a normal prior
     * @return a copy with this ridge
     */
    public NegativeBinomialGlm withLambda(double[] perCoefficient) {
        return new NegativeBinomialGlm(perCoefficient.clone(), betaTol, maxit, minmu, useOptim, threads);
    }

    /**
     * @param iterations maximum IRLS iterations (DESeq2: 100)
     * @return a copy
     */
    public NegativeBinomialGlm withMaxIterations(int iterations) {
        return new NegativeBinomialGlm(lambda, betaTol, iterations, minmu, useOptim, threads);
    }

    /**
     * @param use whether non-converged genes are refitted with L-BFGS-B (DESeq2's useOptim)
     * @return a copy
     */
    public NegativeBinomialGlm withOptimFallback(boolean use) {
        return new NegativeBinomialGlm(lambda, betaTol, maxit, minmu, use, threads);
    }

    /** @return the lower bound on fitted means used in the weights (DESeq2's minmu) */
    public double minMu() {
        return minmu;
    }

    /**
     * Fits every gene.
     *
     * @param counts raw counts
     * @param sizeFactors one per sample
     * @param design the model matrix
     * @param dispersions one per gene; NaN marks a gene that is not fitted (all-zero genes)
     * @param monitor progress and cancellation
     * @return the fits
     */
    public Result fit(CountMatrix counts, double[] sizeFactors, DesignMatrix design, double[] dispersions,
            ProgressMonitor monitor) {
        boolean interceptOnly = design.formula() != null ? design.formula().isInterceptOnly()
                : design.coefficientCount() == 1 && allOnes(design.data());
        return fit(counts.data(), counts.geneCount(), counts.sampleCount(), sizeFactors, design.data(),
                design.coefficientCount(), design.columnNames(), interceptOnly, dispersions, monitor);
    }

    private static boolean allOnes(double[] x) {
        for (double v : x) {
            if (v != 1) {
                return false;
            }
        }
        return true;
    }

    Result fit(double[] y, int n, int m, double[] sf, double[] x, int p, List<String> names, boolean interceptOnly,
            double[] alpha, ProgressMonitor monitor) {
        double[] lam = new double[p];
        for (int j = 0; j < p; j++) {
            lam[j] = lambda == null ? DEFAULT_LAMBDA : lambda[j];
        }
        boolean justIntercept = interceptOnly;
        for (double l : lam) {
            if (!(l <= 1e-6)) {
                justIntercept = false;
            }
        }
        double ln2sq = Math.log(2) * Math.log(2);
        double[] lamNat = new double[p];
        for (int j = 0; j < p; j++) {
            lamNat[j] = lam[j] / ln2sq;
        }
        Result r = new Result(n, m, p, x, sf, alpha, minmu, lamNat, justIntercept, names);
        if (justIntercept) {
            GeneParallel.run(n, threads, monitor, "Fitting intercept-only model",
                    (from, to) -> fitInterceptRows(y, r, from, to));
            return r;
        }
        boolean fullRank = true;
        for (boolean d : SmallMatrix.dependentColumns(x, m, p, 1e-7)) {
            fullRank &= !d;
        }
        double[] pinv = fullRank ? leastSquaresOperator(x, m, p) : null;
        int interceptCol = names.indexOf("Intercept");
        GeneParallel.run(n, threads, monitor, "Fitting negative binomial GLMs", (from, to) -> {
            Work w = new Work(m, p, r.cells.count);
            for (int g = from; g < to; g++) {
                if (Double.isNaN(alpha[g])) {
                    r.markSkipped(g);
                    continue;
                }
                fitRow(y, g, r, pinv, interceptCol, lam, w);
            }
        });
        return r;
    }

    /** R^-1 Q' of X (p x m, row-major): the unweighted least-squares operator for the start values. */
    static double[] leastSquaresOperator(double[] x, int m, int p) {
        double[] out = new double[p * m];
        double[] a = new double[m * p];
        double[] e = new double[m];
        double[] b = new double[p];
        double[] work = new double[p];
        for (int j = 0; j < m; j++) {
            System.arraycopy(x, 0, a, 0, m * p);
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            SmallMatrix.leastSquares(a, m, p, e, b, work);
            for (int k = 0; k < p; k++) {
                out[k * m + j] = b[k];
            }
        }
        return out;
    }

    private void fitInterceptRows(double[] y, Result r, int from, int to) {
        int m = r.m;
        for (int g = from; g < to; g++) {
            double a = r.alpha[g];
            if (Double.isNaN(a)) {
                r.markSkipped(g);
                continue;
            }
            double[] norm = new double[m];
            for (int j = 0; j < m; j++) {
                norm[j] = y[g * m + j] / r.sf[j];
            }
            double beta = log2(RMath.mean(norm, 0, m));
            double ll = 0;
            double xtwx = 0;
            double[] w = new double[m];
            for (int j = 0; j < m; j++) {
                double mu = r.sf[j] * Math.pow(2, beta);
                ll += RMath.dnbinomMuLog(y[g * m + j], 1 / a, mu);
                w[j] = 1 / (1 / mu + a);
            }
            xtwx = RMath.sum(w, 0, m);
            r.betaLog2[g] = beta;
            r.betaNat[g] = Double.NaN;
            r.seLog2[g] = RMath.LOG2E * Math.sqrt(1 / xtwx);
            r.logLike[g] = ll;
            r.converged[g] = true;
            r.iterations[g] = 1;
            r.fitted[g] = true;
        }
    }

    /** R's log2 (C99 log2, correctly rounded in glibc for practical purposes). */
    static double log2(double v) {
        return Math.log(v) * RMath.LOG2E;
    }

    /** Per-thread scratch. */
    static final class Work {
        final double[] mu;
        final double[] logMuOverNf;
        final double[] logMuOverNf0;
        final double[] log1pMuAlpha0;
        final double[] w;
        final double[] wz;
        final double[] eta;
        final double[] expEta;
        final double[] cellW;
        final double[] cellWz;
        final double[] a;
        final double[] rhs;
        final double[] beta;
        final double[] betaNew;
        final double[] tmp;
        final double[] xtwx;
        final double[] inv;
        final double[] inv2;
        final double[] pp;
        final NbDensity nb;
        /** The deviance of the first IRLS iteration (R's dnbinom sum). */
        double dev0;

        Work(int m, int p, int cells) {
            nb = new NbDensity(m);
            mu = new double[m];
            logMuOverNf = new double[m];
            logMuOverNf0 = new double[m];
            log1pMuAlpha0 = new double[m];
            w = new double[m];
            wz = new double[m];
            eta = new double[cells];
            expEta = new double[cells];
            cellW = new double[cells];
            cellWz = new double[cells];
            a = new double[(cells + p) * p];
            rhs = new double[cells + p];
            beta = new double[p];
            betaNew = new double[p];
            tmp = new double[p];
            xtwx = new double[p * p];
            inv = new double[p * p];
            inv2 = new double[p * p];
            pp = new double[p * p];
        }
    }

    private void fitRow(double[] y, int g, Result r, double[] pinv, int interceptCol, double[] lam, Work w) {
        int m = r.m;
        int p = r.p;
        if (pinv != null) {
            // start values: least squares of log(normalized counts + 0.1) on X
            for (int k = 0; k < p; k++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += pinv[k * m + j] * Math.log(y[g * m + j] / r.sf[j] + 0.1);
                }
                w.beta[k] = s;
            }
        } else {
            // not of full rank (expanded model matrix): 0, and log(mean normalized count) for the intercept
            double[] norm = new double[m];
            for (int j = 0; j < m; j++) {
                norm[j] = y[g * m + j] / r.sf[j];
            }
            for (int k = 0; k < p; k++) {
                w.beta[k] = interceptCol < 0 ? 1 : 0;
            }
            if (interceptCol >= 0) {
                w.beta[interceptCol] = Math.log(RMath.mean(norm, 0, m));
            }
        }
        double[] betaInit = w.beta.clone();
        double alpha = r.alpha[g];
        int iter = irls(y, g * m, r.sf, r.cells, alpha, r.lambdaNat, w.beta, r.hatBeta, g * p, betaTol, maxit, minmu,
                w);
        // variances at the final weights (C++: recomputed from mu_hat)
        boolean stable = true;
        for (int k = 0; k < p; k++) {
            if (Double.isNaN(w.beta[k])) {
                stable = false;
            }
        }
        boolean varPositive = sandwich(r, alpha, w);
        for (int k = 0; k < p; k++) {
            r.betaNat[g * p + k] = w.beta[k];
            r.betaLog2[g * p + k] = RMath.LOG2E * w.beta[k];
            r.seLog2[g * p + k] = RMath.LOG2E * Math.sqrt(Math.max(w.tmp[k], 0));
        }
        boolean conv = iter < maxit;
        r.iterations[g] = iter;
        r.converged[g] = conv;
        r.fitted[g] = true;
        // NB log-likelihood at the final means (not bounded by minmu), R's dnbinom term by term: the
        // LRT statistic is a difference of two of them and may be far smaller than either
        double ll = 0; // w.nb was prepared by irls for this gene and dispersion
        r.cells.expLinearPredictors(w.beta, 0, w.expEta);
        for (int j = 0; j < m; j++) {
            ll += w.nb.logDensity(j, r.sf[j] * w.expEta[r.cells.cellOf[j]]);
        }
        r.logLike[g] = ll;
        if ((useOptim && !conv) || !stable || !varPositive) {
            optimRow(y, g, r, betaInit, stable, lam);
        }
    }

    /**
     * The C++ fitBeta loop for one gene. Updates beta in place; writes the beta that produced the
     * final fitted means (used for the weights and hat values) to muBeta[off..].
     *
     * <p>Each iteration solves DESeq2's ridge-penalized weighted least-squares problem
     * min ||W^1/2 (X beta - z)||^2 + beta' Lambda beta, z_j = log(mu_j / nf_j) + (y_j - mu_j) / mu_j,
     * by Householder QR as DESeq2 does, but on the design compressed to its distinct rows
     * ({@link DesignMatrix.Cells}): rows sqrt(W_c) x_c' with right-hand side (sum_{j in c} w_j z_j) / sqrt(W_c),
     * W_c = sum_{j in c} w_j, which have the same normal equations. Samples of one cell share the
     * linear predictor, so exp and log are taken once per cell (log(mu_j / nf_j) is the cell's
     * linear predictor unless mu_j was raised to minmu). The deviance of the convergence test is
     * R's dnbinom sum at the first iteration and is carried on by the change of its mu-dependent
     * part ({@link #logLikelihoodChange}), which costs one logarithm per sample instead of the
     * saddle-point terms.
     *
     * @return the iteration count (maxit when not converged)
     */
    static int irls(double[] y, int yOff, double[] nf, DesignMatrix.Cells cells, double alpha, double[] lambdaNat,
            double[] beta, double[] muBeta, int muBetaOff, double tol, int maxit, double minmu, Work w) {
        int m = cells.m;
        int p = cells.p;
        int nc = cells.count;
        fittedMeans(nf, cells, beta, minmu, w);
        System.arraycopy(beta, 0, muBeta, muBetaOff, p);
        double devOld = 0.0;
        w.nb.prepare(y, yOff, 1.0 / alpha);
        int iter = 0;
        for (int t = 0; t < maxit; t++) {
            iter++;
            for (int j = 0; j < m; j++) {
                double mu = w.mu[j];
                double q = 1.0 / (1.0 + alpha * mu);
                w.w[j] = mu * q;
                w.wz[j] = w.w[j] * w.logMuOverNf[j] + (y[yOff + j] - mu) * q;
            }
            cells.sums(w.w, w.cellW);
            cells.sums(w.wz, w.cellWz);
            for (int c = 0; c < nc; c++) {
                double sw = Math.sqrt(w.cellW[c]);
                for (int k = 0; k < p; k++) {
                    w.a[c * p + k] = sw * cells.rows[c * p + k];
                }
                w.rhs[c] = w.cellWz[c] / sw;
            }
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < p; l++) {
                    w.a[(nc + k) * p + l] = k == l ? Math.sqrt(lambdaNat[k]) : 0.0;
                }
                w.rhs[nc + k] = 0.0;
            }
            SmallMatrix.leastSquares(w.a, nc + p, p, w.rhs, w.betaNew, w.tmp);
            System.arraycopy(w.betaNew, 0, beta, 0, p);
            boolean large = false;
            for (int k = 0; k < p; k++) {
                if (Math.abs(beta[k]) > 30.0) {
                    large = true;
                }
            }
            if (large) {
                iter = maxit;
                break;
            }
            fittedMeans(nf, cells, beta, minmu, w);
            System.arraycopy(beta, 0, muBeta, muBetaOff, p);
            double dev;
            if (t == 0) {
                dev = 0.0;
                for (int j = 0; j < m; j++) {
                    dev = dev + -2.0 * w.nb.logDensity(j, w.mu[j]);
                }
                w.dev0 = dev;
                for (int j = 0; j < m; j++) {
                    w.logMuOverNf0[j] = w.logMuOverNf[j];
                    w.log1pMuAlpha0[j] = RMath.log1p(w.mu[j] * alpha);
                }
            } else {
                dev = w.dev0 - 2.0 * logLikelihoodChange(y, yOff, m, alpha, w);
            }
            double convTest = Math.abs(dev - devOld) / (Math.abs(dev) + 0.1);
            if (Double.isNaN(convTest)) {
                iter = maxit;
                break;
            }
            if (t > 0 && convTest < tol) {
                break;
            }
            devOld = dev;
        }
        return iter;
    }

    /**
     * The change of the NB log-likelihood sum_j log NB(y_j; mu_j, 1/alpha) since the first IRLS
     * iteration (whose means are in w.logMuOverNf0 and w.log1pMuAlpha0): only
     * y log(mu) - (y + 1/alpha) log(1 + alpha mu) depends on mu, and its change is summed from the
     * changes of log(mu) and log(1 + alpha mu), without the cancellation of the full terms.
     */
    private static double logLikelihoodChange(double[] y, int yOff, int m, double alpha, Work w) {
        double size = 1.0 / alpha;
        double change = 0.0;
        for (int j = 0; j < m; j++) {
            double yj = y[yOff + j];
            change += yj * (w.logMuOverNf[j] - w.logMuOverNf0[j])
                    - (yj + size) * (RMath.log1p(w.mu[j] * alpha) - w.log1pMuAlpha0[j]);
        }
        return change;
    }

    /**
     * mu_j = max(nf_j exp(x_j' beta), minmu) into w.mu and log(mu_j / nf_j) into w.logMuOverNf,
     * with one exp per cell (w.eta and w.expEta hold the cells' linear predictors and their exp).
     */
    private static void fittedMeans(double[] nf, DesignMatrix.Cells cells, double[] beta, double minmu, Work w) {
        cells.linearPredictors(beta, 0, w.eta);
        for (int c = 0; c < cells.count; c++) {
            w.expEta[c] = Math.exp(w.eta[c]);
        }
        for (int j = 0; j < cells.m; j++) {
            int c = cells.cellOf[j];
            double mu = nf[j] * w.expEta[c];
            if (mu < minmu) {
                w.mu[j] = minmu;
                w.logMuOverNf[j] = Math.log(minmu / nf[j]);
            } else {
                w.mu[j] = mu;
                w.logMuOverNf[j] = w.eta[c];
            }
        }
    }

    /**
     * Diagonal of (X'WX + R)^-1 X'WX (X'WX + R)^-1 at the current w.mu into w.tmp.
     *
     * @return whether all variances are positive
     */
    private static boolean sandwich(Result r, double alpha, Work w) {
        int m = r.m;
        int p = r.p;
        for (int j = 0; j < m; j++) {
            w.w[j] = w.mu[j] / (1.0 + alpha * w.mu[j]);
        }
        r.cells.weightedCrossprod(w.w, w.cellW, w.xtwx);
        System.arraycopy(w.xtwx, 0, w.pp, 0, p * p);
        for (int k = 0; k < p; k++) {
            w.pp[k * p + k] += r.lambdaNat[k];
        }
        boolean ok = SmallMatrix.invert(w.pp, p, w.inv, w.inv2);
        if (!ok) {
            for (int k = 0; k < p; k++) {
                w.tmp[k] = Double.NaN;
            }
            return false;
        }
        SmallMatrix.multiply(w.inv, w.xtwx, p, w.inv2);
        SmallMatrix.multiply(w.inv2, w.inv, p, w.pp);
        boolean pos = true;
        for (int k = 0; k < p; k++) {
            w.tmp[k] = w.pp[k * p + k];
            if (!(w.tmp[k] > 0)) {
                pos = false;
            }
        }
        return pos;
    }

    /** DESeq2's fitNbinomGLMsOptim for one gene. */
    private void optimRow(double[] y, int g, Result r, double[] betaInitNat, boolean stable, double[] lam) {
        int m = r.m;
        int p = r.p;
        double[] x = r.x;
        double alpha = r.alpha[g];
        double large = 30;
        boolean small = true;
        for (int k = 0; k < p; k++) {
            if (!(Math.abs(r.betaLog2[g * p + k]) < large)) {
                small = false;
            }
        }
        double[] start = new double[p];
        for (int k = 0; k < p; k++) {
            start[k] = stable && small ? r.betaLog2[g * p + k] : betaInitNat[k];
        }
        double size = 1 / alpha;
        double[] sd = new double[p];
        for (int k = 0; k < p; k++) {
            sd[k] = Math.sqrt(1 / lam[k]);
        }
        double[] lower = new double[p];
        double[] upper = new double[p];
        java.util.Arrays.fill(lower, -large);
        java.util.Arrays.fill(upper, large);
        Lbfgsb.Result o = Lbfgsb.minimize(par -> {
            double ll = 0;
            for (int j = 0; j < m; j++) {
                double eta = 0;
                for (int k = 0; k < p; k++) {
                    eta += x[j * p + k] * par[k];
                }
                double mu = r.sf[j] * Math.pow(2, eta);
                ll += RMath.dnbinomMuLog(y[g * m + j], size, mu);
            }
            double lp = 0;
            for (int k = 0; k < p; k++) {
                lp += RMath.dnormLog(par[k], sd[k]);
            }
            double neg = -1 * (ll + lp);
            return Double.isFinite(neg) ? neg : 1e300;
        }, start, lower, upper);
        if (o.convergence() == 0) {
            r.converged[g] = true;
        }
        double[] par = o.par();
        double[] muRow = new double[m];
        double[] wts = new double[m];
        double ll = 0;
        for (int j = 0; j < m; j++) {
            double eta = 0;
            for (int k = 0; k < p; k++) {
                eta += x[j * p + k] * par[k];
            }
            muRow[j] = r.sf[j] * Math.pow(2, eta);
            if (muRow[j] < minmu) {
                muRow[j] = minmu;
            }
            wts[j] = 1 / (1 / muRow[j] + alpha);
            ll += RMath.dnbinomMuLog(y[g * m + j], size, muRow[j]);
        }
        double[] xtwx = new double[p * p];
        r.cells.weightedCrossprod(wts, new double[r.cells.count], xtwx);
        double[] ridged = xtwx.clone();
        for (int k = 0; k < p; k++) {
            ridged[k * p + k] += r.lambdaNat[k];
        }
        double[] inv = new double[p * p];
        double[] t1 = new double[p * p];
        SmallMatrix.invert(ridged, p, inv, t1);
        SmallMatrix.multiply(inv, xtwx, p, t1);
        double[] sigma = new double[p * p];
        SmallMatrix.multiply(t1, inv, p, sigma);
        for (int k = 0; k < p; k++) {
            r.betaLog2[g * p + k] = par[k];
            r.seLog2[g * p + k] = RMath.LOG2E * Math.sqrt(Math.max(sigma[k * p + k], 0));
        }
        r.logLike[g] = ll;
        r.optim[g] = true;
    }

    /**
     * Fitted coefficients and their standard errors for every gene. Immutable once returned.
     */
    public static final class Result {
        final int n;
        final int m;
        final int p;
        final double[] x;
        final DesignMatrix.Cells cells;
        final double[] sf;
        final double[] alpha;
        final double minmu;
        final double[] lambdaNat;
        final boolean interceptOnly;
        final List<String> names;
        final double[] betaNat;
        final double[] betaLog2;
        final double[] seLog2;
        final double[] hatBeta;
        final double[] logLike;
        final boolean[] converged;
        final boolean[] optim;
        final boolean[] fitted;
        final int[] iterations;

        Result(int n, int m, int p, double[] x, double[] sf, double[] alpha, double minmu, double[] lambdaNat,
                boolean interceptOnly, List<String> names) {
            this(n, m, p, x, DesignMatrix.Cells.of(x, m, p), sf, alpha, minmu, lambdaNat, interceptOnly, names);
        }

        private Result(int n, int m, int p, double[] x, DesignMatrix.Cells cells, double[] sf, double[] alpha,
                double minmu, double[] lambdaNat, boolean interceptOnly, List<String> names) {
            this.n = n;
            this.m = m;
            this.p = p;
            this.x = x;
            this.cells = cells;
            this.sf = sf;
            this.alpha = alpha;
            this.minmu = minmu;
            this.lambdaNat = lambdaNat;
            this.interceptOnly = interceptOnly;
            this.names = List.copyOf(names);
            this.betaNat = new double[n * p];
            this.betaLog2 = new double[n * p];
            this.seLog2 = new double[n * p];
            this.hatBeta = new double[n * p];
            this.logLike = new double[n];
            this.converged = new boolean[n];
            this.optim = new boolean[n];
            this.fitted = new boolean[n];
            this.iterations = new int[n];
        }

        /**
         * A copy in which the given genes carry the fits of {@code refit} (gene i of refit is gene
         * rows[i] here) and {@code cleared} genes are marked not fitted (DESeq2's outlier refit).
         */
        Result withRows(int[] rows, Result refit, boolean[] cleared) {
            Result r = new Result(n, m, p, x, cells, sf, alpha.clone(), minmu, lambdaNat, interceptOnly, names);
            System.arraycopy(betaNat, 0, r.betaNat, 0, n * p);
            System.arraycopy(betaLog2, 0, r.betaLog2, 0, n * p);
            System.arraycopy(seLog2, 0, r.seLog2, 0, n * p);
            System.arraycopy(hatBeta, 0, r.hatBeta, 0, n * p);
            System.arraycopy(logLike, 0, r.logLike, 0, n);
            System.arraycopy(converged, 0, r.converged, 0, n);
            System.arraycopy(optim, 0, r.optim, 0, n);
            System.arraycopy(fitted, 0, r.fitted, 0, n);
            System.arraycopy(iterations, 0, r.iterations, 0, n);
            for (int g = 0; g < n; g++) {
                if (cleared[g]) {
                    r.markSkipped(g);
                    r.fitted[g] = false;
                    r.converged[g] = false;
                    r.alpha[g] = Double.NaN;
                }
            }
            for (int i = 0; i < rows.length; i++) {
                int g = rows[i];
                System.arraycopy(refit.betaNat, i * p, r.betaNat, g * p, p);
                System.arraycopy(refit.betaLog2, i * p, r.betaLog2, g * p, p);
                System.arraycopy(refit.seLog2, i * p, r.seLog2, g * p, p);
                System.arraycopy(refit.hatBeta, i * p, r.hatBeta, g * p, p);
                r.logLike[g] = refit.logLike[i];
                r.converged[g] = refit.converged[i];
                r.optim[g] = refit.optim[i];
                r.fitted[g] = refit.fitted[i];
                r.iterations[g] = refit.iterations[i];
                r.alpha[g] = refit.alpha[i];
            }
            return r;
        }

        void markSkipped(int g) {
            for (int k = 0; k < p; k++) {
                betaNat[g * p + k] = Double.NaN;
                betaLog2[g * p + k] = Double.NaN;
                seLog2[g * p + k] = Double.NaN;
                hatBeta[g * p + k] = Double.NaN;
            }
            logLike[g] = Double.NaN;
        }

        /** @return the coefficient names ({@code resultsNames}) */
        public List<String> coefficientNames() {
            return names;
        }

        /** @return number of genes */
        public int geneCount() {
            return n;
        }

        /**
         * @param gene gene index
         * @param coef coefficient index
         * @return the coefficient on the log2 scale (NaN for genes not fitted)
         */
        public double coefficient(int gene, int coef) {
            return betaLog2[gene * p + coef];
        }

        /**
         * @param gene gene index
         * @param coef coefficient index
         * @return its standard error on the log2 scale
         */
        public double standardError(int gene, int coef) {
            return seLog2[gene * p + coef];
        }

        /**
         * @param gene gene index
         * @return whether the fit converged (DESeq2's betaConv); false for genes not fitted
         */
        public boolean converged(int gene) {
            return converged[gene];
        }

        /**
         * @param gene gene index
         * @return IRLS iterations (DESeq2's betaIter)
         */
        public int iterations(int gene) {
            return iterations[gene];
        }

        /**
         * @param gene gene index
         * @return whether the L-BFGS-B fallback produced the estimate
         */
        public boolean usedOptim(int gene) {
            return optim[gene];
        }

        /**
         * @param gene gene index
         * @return the NB log-likelihood at the fit (DESeq2: deviance = -2 logLik)
         */
        public double logLikelihood(int gene) {
            return logLike[gene];
        }

        /**
         * @param gene gene index
         * @return whether the gene was fitted (false for all-zero genes)
         */
        public boolean fitted(int gene) {
            return fitted[gene];
        }

        /** Fitted means (DESeq2's assay "mu", not bounded by minmu) of one gene into out[0..m). */
        void mu(int g, double[] out) {
            if (interceptOnly) {
                for (int j = 0; j < m; j++) {
                    out[j] = sf[j] * Math.pow(2, betaLog2[g]);
                }
                return;
            }
            // one exp (or pow) per distinct row of X
            double[] expEta = new double[cells.count];
            if (optim[g]) {
                cells.linearPredictors(betaLog2, g * p, expEta);
                for (int c = 0; c < cells.count; c++) {
                    expEta[c] = Math.pow(2, expEta[c]);
                }
            } else {
                cells.expLinearPredictors(betaNat, g * p, expEta);
            }
            for (int j = 0; j < m; j++) {
                out[j] = sf[j] * expEta[cells.cellOf[j]];
            }
        }

        /**
         * Diagonal of the hat matrix W^1/2 X (X'WX + R)^-1 X' W^1/2 of one gene (as fitBeta):
         * h_j = w_j x_c' (X'WX + R)^-1 x_c for the cell c of sample j.
         */
        void hatDiagonals(int g, double[] out) {
            double a = alpha[g];
            double[] w = new double[m];
            if (interceptOnly) {
                double s;
                for (int j = 0; j < m; j++) {
                    double mu = sf[j] * Math.pow(2, betaLog2[g]);
                    w[j] = 1 / (1 / mu + a);
                }
                s = RMath.sum(w, 0, m);
                for (int j = 0; j < m; j++) {
                    out[j] = w[j] * (1 / s);
                }
                return;
            }
            double[] cellScratch = new double[cells.count];
            cells.expLinearPredictors(hatBeta, g * p, cellScratch);
            for (int j = 0; j < m; j++) {
                double mu = Math.max(sf[j] * cellScratch[cells.cellOf[j]], minmu);
                w[j] = mu / (1.0 + a * mu);
            }
            double[] xtwx = new double[p * p];
            cells.weightedCrossprod(w, cellScratch, xtwx);
            for (int k = 0; k < p; k++) {
                xtwx[k * p + k] += lambdaNat[k];
            }
            double[] inv = new double[p * p];
            SmallMatrix.invert(xtwx, p, inv, new double[p * p]);
            cells.quadraticForms(inv, cellScratch);
            for (int j = 0; j < m; j++) {
                out[j] = w[j] * cellScratch[cells.cellOf[j]];
            }
        }
    }
}
