package org.benchtop.core.rnaseq;

import org.benchtop.core.ProgressMonitor;

/**
 * Step 5 of DESeq2 ({@code estimateDispersionsMAP}): the maximum a posteriori dispersion, the
 * maximizer of the Cox-Reid profile likelihood plus a normal prior on log(alpha) centred on the
 * trend with the prior variance of {@link DispersionPrior}, found by the same line search
 * ({@code fitDisp}) started at the gene-wise estimate (or the trend, if the gene-wise estimate
 * is below a tenth of it), with the grid search for genes that do not converge. Estimates are
 * bounded to [1e-8, max(10, m)]. Genes whose gene-wise estimate lies more than 2 standard
 * deviations (sqrt(varLogDispEsts)) above the trend on the log scale are dispersion outliers
 * and keep their gene-wise estimate.
 *
 * <p>Love, Huber and Anders (2014), Genome Biology 15:550, doi:10.1186/s13059-014-0550-8.
 */
public final class MapDispersion {

    private final int threads;
    private final double outlierSD;

    private MapDispersion(int threads, double outlierSD) {
        this.threads = threads;
        this.outlierSD = outlierSD;
    }

    /** @return DESeq2's defaults (outlierSD 2, kappa_0 1, dispTol 1e-6, maxit 100) */
    public static MapDispersion withDefaults() {
        return new MapDispersion(1, 2);
    }

    /**
     * @param n worker threads (results do not depend on it)
     * @return a copy
     */
    public MapDispersion withThreads(int n) {
        return new MapDispersion(Math.max(1, n), outlierSD);
    }

    /**
     * @param counts raw counts
     * @param design the model matrix
     * @param genewise the gene-wise step
     * @param trend the trend
     * @param prior the prior variance
     * @param monitor progress and cancellation
     * @return final dispersions
     */
    public Result estimate(CountMatrix counts, DesignMatrix design, GenewiseDispersion.Result genewise,
            DispersionTrend.Result trend, DispersionPrior.Result prior, ProgressMonitor monitor) {
        int n = genewise.n;
        int m = genewise.m;
        int p = genewise.p;
        double minDisp = GenewiseDispersion.MIN_DISP;
        double maxDisp = Math.max(10, m);
        double[] dispersion = new double[n];
        double[] dispMAP = new double[n];
        int[] dispIter = new int[n];
        boolean[] outlier = new boolean[n];
        boolean anyAbove = false;
        for (int g = 0; g < n; g++) {
            if (!genewise.allZero[g] && genewise.dispGeneEst[g] >= minDisp * 100) {
                anyAbove = true;
            }
        }
        if (!anyAbove) {
            // DESeq2: all genes have dispersion estimates < minDisp*10, returning disp = minDisp*10
            for (int g = 0; g < n; g++) {
                double v = genewise.allZero[g] ? Double.NaN : minDisp * 10;
                dispersion[g] = v;
                dispMAP[g] = Double.NaN;
            }
            return new Result(dispersion, dispMAP, dispIter, outlier, 0.25);
        }
        double priorVar = prior.dispPriorVar();
        double sdLog = Math.sqrt(trend.varLogDispEsts());
        double[] y = counts.data();
        double[] x = design.data();
        double[] grid = RMath.seq(Math.log(1e-8), Math.log(maxDisp), 20);
        GeneParallel.run(n, threads, monitor, "Final (MAP) dispersions", (from, to) -> {
            DispersionLikelihood lik = new DispersionLikelihood(x, m, p);
            DispersionLikelihood.Fit fit = new DispersionLikelihood.Fit();
            double[] mu = new double[m];
            for (int g = from; g < to; g++) {
                if (genewise.allZero[g]) {
                    dispersion[g] = Double.NaN;
                    dispMAP[g] = Double.NaN;
                    continue;
                }
                double ge = genewise.dispGeneEst[g];
                double fitted = trend.dispFit(g);
                double init = ge > 0.1 * fitted ? ge : fitted;
                genewise.mu(g, mu);
                double logFit = Math.log(fitted);
                lik.setGene(y, g * m, mu, 0, logFit, priorVar, true);
                lik.fitDisp(Math.log(init), Math.log(minDisp / 10), 1, 1e-6, 100, fit);
                dispIter[g] = fit.iter;
                double map = Math.exp(fit.logAlpha);
                if (!(fit.iter < 100)) {
                    map = Math.exp(lik.fitDispGrid(grid));
                }
                map = Math.min(Math.max(map, minDisp), maxDisp);
                dispMAP[g] = map;
                boolean out = Math.log(ge) > Math.log(fitted) + outlierSD * sdLog;
                outlier[g] = out;
                dispersion[g] = out ? ge : map;
            }
        });
        return new Result(dispersion, dispMAP, dispIter, outlier, priorVar);
    }

    /**
     * Final dispersion estimates.
     *
     * @param dispersion the final estimate per gene (MAP, or gene-wise for outliers; NaN for
     *        all-zero genes)
     * @param dispMAP the MAP estimate
     * @param dispIter line-search iterations
     * @param dispOutlier whether the gene is a dispersion outlier
     * @param dispPriorVar the prior variance used
     */
    public record Result(double[] dispersion, double[] dispMAP, int[] dispIter, boolean[] dispOutlier,
            double dispPriorVar) {

        /**
         * @param gene gene index
         * @return the final dispersion
         */
        public double dispersion(int gene) {
            return dispersion[gene];
        }

        /** @return a copy of the final dispersions */
        @Override
        public double[] dispersion() {
            return dispersion.clone();
        }

        /** Final dispersions without copying. */
        double[] values() {
            return dispersion;
        }
    }
}
