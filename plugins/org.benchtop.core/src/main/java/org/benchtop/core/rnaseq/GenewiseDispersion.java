package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.ProgressMonitor;

/**
 * Step 2 of DESeq2 ({@code estimateDispersionsGeneEst}): the gene-wise maximum Cox-Reid adjusted
 * profile likelihood estimate of the NB dispersion alpha_i, together with the per-gene means and
 * variances of the normalized counts.
 *
 * <ol>
 * <li>baseMean / baseVar: mean and variance of K_ij / s_j; genes whose counts are all zero are
 * flagged and get NA estimates.</li>
 * <li>Start value: min(rough, moments) bounded to [minDisp, max(10, m)], where rough =
 * max(0, sum_j ((y_j - mu_j)^2 - mu_j) / mu_j^2 / (m - p)) with mu from the linear model of
 * the normalized counts (mu >= 1), and moments = (baseVar - mean(1/s) baseMean) / baseMean^2.</li>
 * <li>Fitted means: the linear model fit (when the design has as many distinct rows as
 * coefficients) or the NB GLM at the start value, bounded below by minmu = 0.5.</li>
 * <li>fitDisp line search in log(alpha) ({@link DispersionLikelihood}); a move that does not
 * raise the log-likelihood by |l|·1e-6 is rejected; genes that did not converge (or stopped
 * after one iteration) and are above 1e-7 are refitted on a grid (fitDispGrid).</li>
 * </ol>
 *
 * <p>Love, Huber and Anders (2014), Genome Biology 15:550, doi:10.1186/s13059-014-0550-8,
 * section "Dispersion estimation".
 *
 * <p>Immutable; {@link #withDefaults()} then {@code with...}.
 */
public final class GenewiseDispersion {

    /** DESeq2's lower bound on dispersions. */
    public static final double MIN_DISP = 1e-8;

    private final int threads;
    private final double minmu;
    private final int maxit;

    private GenewiseDispersion(int threads, double minmu, int maxit) {
        this.threads = threads;
        this.minmu = minmu;
        this.maxit = maxit;
    }

    /** @return DESeq2's defaults (minDisp 1e-8, kappa_0 1, dispTol 1e-6, maxit 100, minmu 0.5) */
    public static GenewiseDispersion withDefaults() {
        return new GenewiseDispersion(1, 0.5, 100);
    }

    /**
     * @param n worker threads (results do not depend on it)
     * @return a copy
     */
    public GenewiseDispersion withThreads(int n) {
        return new GenewiseDispersion(Math.max(1, n), minmu, maxit);
    }

    /**
     * Estimates the gene-wise dispersions.
     *
     * @param counts raw counts
     * @param sizeFactors per-sample size factors
     * @param design the model matrix (must have more samples than coefficients)
     * @param monitor progress and cancellation
     * @return the estimates
     * @throws RnaseqException (BAD_INPUT) if there are no residual degrees of freedom
     */
    public Result estimate(CountMatrix counts, double[] sizeFactors, DesignMatrix design, ProgressMonitor monitor) {
        int n = counts.geneCount();
        int m = counts.sampleCount();
        int p = design.coefficientCount();
        if (m == p) {
            throw RnaseqException.badInput(
                    "The design '%s' has as many coefficients (%d) as samples, so there are no replicates to "
                            + "estimate the dispersion from (DESeq2 stops here too: 'the number of samples and the "
                            + "number of model coefficients are equal'). Use a design with fewer terms or add "
                            + "replicates; with a single sample per group differential expression cannot be tested.",
                    design.formula() == null ? "user-supplied" : design.formula().toString(), Integer.valueOf(p));
        }
        double[] y = counts.data();
        double[] x = design.data();
        double maxDisp = Math.max(10, m);
        double[] baseMean = new double[n];
        double[] baseVar = new double[n];
        boolean[] allZero = new boolean[n];
        double[] alphaInit = new double[n];
        DesignMatrix.Cells cells = DesignMatrix.Cells.of(x, m, p);
        boolean linear = cells.count == p; // as many distinct rows as coefficients
        double[] pinv = linear ? null : NegativeBinomialGlm.leastSquaresOperator(x, m, p);
        double xim = 0;
        {
            double[] inv = new double[m];
            for (int j = 0; j < m; j++) {
                inv[j] = 1 / sizeFactors[j];
            }
            xim = RMath.mean(inv, 0, m);
        }
        final double ximF = xim;
        GeneParallel.run(n, threads, monitor, "Gene-wise dispersion: start values", (from, to) -> {
            double[] norm = new double[m];
            double[] mu = new double[m];
            double[] tmp = new double[m];
            double[] coef = new double[p];
            for (int g = from; g < to; g++) {
                double total = 0;
                for (int j = 0; j < m; j++) {
                    norm[j] = y[g * m + j] / sizeFactors[j];
                    total += y[g * m + j];
                }
                allZero[g] = total == 0;
                double bm = RMath.mean(norm, 0, m);
                baseMean[g] = bm;
                baseVar[g] = rowVar(norm, m, bm, tmp);
                if (allZero[g]) {
                    alphaInit[g] = Double.NaN;
                    continue;
                }
                linearMu(norm, x, pinv, cells, coef, mu);
                for (int j = 0; j < m; j++) {
                    double mj = Math.max(1, mu[j]);
                    double d = norm[j] - mj;
                    tmp[j] = (d * d - mj) / (mj * mj);
                }
                double rough = Math.max(RMath.sum(tmp, 0, m) / (m - p), 0);
                double moments = (baseVar[g] - ximF * bm) / (bm * bm);
                double a = Math.min(rough, moments);
                if (Double.isNaN(rough) || Double.isNaN(moments)) {
                    a = Double.NaN;
                }
                alphaInit[g] = Math.min(Math.max(MIN_DISP, a), maxDisp);
            }
        });
        NegativeBinomialGlm.Result glm = null;
        if (!linear) {
            glm = NegativeBinomialGlm.withDefaults().withThreads(threads).fit(y, n, m, sizeFactors, x, p,
                    design.columnNames(), false, alphaInit, monitor);
        }
        Result r = new Result(n, m, p, y, sizeFactors, cells, linear, glm, minmu, baseMean, baseVar, allZero);
        double[] dispGeneEst = r.dispGeneEst;
        int[] dispIter = r.dispGeneIter;
        double minLogAlpha = Math.log(MIN_DISP / 10);
        double[] grid = RMath.seq(Math.log(1e-8), Math.log(maxDisp), 20);
        GeneParallel.run(n, threads, monitor, "Gene-wise dispersion: fitting", (from, to) -> {
            DispersionLikelihood lik = new DispersionLikelihood(x, m, p);
            DispersionLikelihood.Fit fit = new DispersionLikelihood.Fit();
            double[] mu = new double[m];
            for (int g = from; g < to; g++) {
                if (allZero[g]) {
                    dispGeneEst[g] = Double.NaN;
                    continue;
                }
                r.mu(g, mu);
                double la = Math.log(alphaInit[g]);
                lik.setGene(y, g * m, mu, 0, la, 1, false);
                lik.fitDisp(la, minLogAlpha, 1, 1e-6, maxit, fit);
                dispIter[g] = fit.iter;
                double est = Math.min(Math.exp(fit.logAlpha), maxDisp);
                if (fit.lastLp < fit.initialLp + Math.abs(fit.initialLp) / 1e6) {
                    est = alphaInit[g];
                }
                boolean conv = fit.iter < maxit && fit.iter != 1;
                if (!conv && est > MIN_DISP * 10) {
                    lik.setGene(y, g * m, mu, 0, 0, 1, false);
                    est = Math.exp(lik.fitDispGrid(grid));
                }
                dispGeneEst[g] = Math.min(Math.max(est, MIN_DISP), maxDisp);
            }
        });
        return r;
    }

    /** matrixStats::rowVars: sum of squared deviations from the mean over (m - 1). */
    static double rowVar(double[] v, int m, double mean, double[] scratch) {
        for (int j = 0; j < m; j++) {
            double d = v[j] - mean;
            scratch[j] = d * d;
        }
        return RMath.sum(scratch, 0, m) / (m - 1);
    }

    /**
     * DESeq2's linearModelMu for one row: the least-squares fit X (X'X)^-1 X' v ({@code pinv} is
     * (X'X)^-1 X'). When the design has as many distinct rows as coefficients the fit is the mean
     * of v over each cell's samples, computed as such ({@code pinv} may then be null). {@code out}
     * may be {@code v}; {@code coef} is scratch of length p.
     */
    static void linearMu(double[] v, double[] x, double[] pinv, DesignMatrix.Cells cells, double[] coef,
            double[] out) {
        int m = cells.m;
        int p = cells.p;
        if (cells.count == p) {
            cells.sums(v, coef);
            for (int j = 0; j < m; j++) {
                int c = cells.cellOf[j];
                out[j] = coef[c] / cells.size(c);
            }
            return;
        }
        for (int k = 0; k < p; k++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += pinv[k * m + j] * v[j];
            }
            coef[k] = s;
        }
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += x[j * p + k] * coef[k];
            }
            out[j] = s;
        }
    }

    /**
     * Gene-wise estimates and what the later steps need from this one.
     */
    public static final class Result {
        final int n;
        final int m;
        final int p;
        private final double[] y;
        private final double[] sf;
        private final DesignMatrix.Cells cells;
        private final boolean linearMu;
        private final NegativeBinomialGlm.Result glm;
        private final double minmu;
        final double[] baseMean;
        final double[] baseVar;
        final boolean[] allZero;
        final double[] dispGeneEst;
        final int[] dispGeneIter;
        private final int[] subIndex;
        private final Result sub;

        Result(int n, int m, int p, double[] y, double[] sf, DesignMatrix.Cells cells, boolean linearMu,
                NegativeBinomialGlm.Result glm, double minmu, double[] baseMean, double[] baseVar,
                boolean[] allZero) {
            this.n = n;
            this.m = m;
            this.p = p;
            this.y = y;
            this.sf = sf;
            this.cells = cells;
            this.linearMu = linearMu;
            this.glm = glm;
            this.minmu = minmu;
            this.baseMean = baseMean;
            this.baseVar = baseVar;
            this.allZero = allZero;
            this.dispGeneEst = new double[n];
            this.dispGeneIter = new int[n];
            this.subIndex = null;
            this.sub = null;
        }

        private Result(Result base, double[] baseMean, double[] baseVar, boolean[] allZero, double[] dispGeneEst,
                int[] dispGeneIter, int[] subIndex, Result sub) {
            this.n = base.n;
            this.m = base.m;
            this.p = base.p;
            this.y = base.y;
            this.sf = base.sf;
            this.cells = base.cells;
            this.linearMu = base.linearMu;
            this.glm = base.glm;
            this.minmu = base.minmu;
            this.baseMean = baseMean;
            this.baseVar = baseVar;
            this.allZero = allZero;
            this.dispGeneEst = dispGeneEst;
            this.dispGeneIter = dispGeneIter;
            this.subIndex = subIndex;
            this.sub = sub;
        }

        /**
         * The result after DESeq2's outlier replacement: means and variances of the replaced counts
         * for every gene, and the refitted genes' estimates from {@code refit} (fitted on
         * {@code replacement.refitCounts()}).
         */
        Result withRefit(OutlierReplacement.Result replacement, Result refit) {
            double[] dge = dispGeneEst.clone();
            int[] it = dispGeneIter.clone();
            boolean[] az = allZero.clone();
            int[] idx = new int[n];
            java.util.Arrays.fill(idx, -1);
            for (int g = 0; g < n; g++) {
                if (replacement.newAllZero()[g]) {
                    az[g] = true; // DESeq2 keeps the (intermediate) dispersion columns of these genes
                }
            }
            int[] genes = replacement.refitGenes();
            for (int i = 0; i < genes.length; i++) {
                int g = genes[i];
                idx[g] = i;
                dge[g] = refit.dispGeneEst[i];
                it[g] = refit.dispGeneIter[i];
            }
            return new Result(this, replacement.baseMean().clone(), replacement.baseVar().clone(), az, dge, it, idx,
                    refit);
        }

        /**
         * The fitted means used for the dispersion (DESeq2's assay "mu" after this step),
         * recomputed on demand so that no genes x samples matrix is kept.
         */
        void mu(int g, double[] out) {
            if (subIndex != null && subIndex[g] >= 0) {
                sub.mu(subIndex[g], out);
                return;
            }
            if (linearMu) {
                for (int j = 0; j < m; j++) {
                    out[j] = y[g * m + j] / sf[j];
                }
                linearMu(out, null, null, cells, new double[p], out);
                for (int j = 0; j < m; j++) {
                    out[j] = out[j] * sf[j];
                }
            } else {
                glm.mu(g, out);
            }
            for (int j = 0; j < m; j++) {
                if (out[j] < minmu) {
                    out[j] = minmu;
                }
            }
        }

        /** @return the number of genes */
        public int geneCount() {
            return n;
        }

        /**
         * @param gene gene index
         * @return the mean of the normalized counts (DESeq2's baseMean)
         */
        public double baseMean(int gene) {
            return baseMean[gene];
        }

        /**
         * @param gene gene index
         * @return the variance of the normalized counts (baseVar)
         */
        public double baseVar(int gene) {
            return baseVar[gene];
        }

        /**
         * @param gene gene index
         * @return whether all counts of the gene are zero
         */
        public boolean allZero(int gene) {
            return allZero[gene];
        }

        /**
         * @param gene gene index
         * @return the gene-wise dispersion estimate (dispGeneEst); NaN for all-zero genes
         */
        public double dispGeneEst(int gene) {
            return dispGeneEst[gene];
        }

        /**
         * @param gene gene index
         * @return the line-search iterations (dispGeneIter)
         */
        public int dispGeneIter(int gene) {
            return dispGeneIter[gene];
        }

        /** @return whether the linear-model means were used (the design has one row pattern per coefficient) */
        public boolean usedLinearMu() {
            return linearMu;
        }

        /** @return notes for the user */
        public List<String> warnings() {
            return new ArrayList<>();
        }
    }
}
