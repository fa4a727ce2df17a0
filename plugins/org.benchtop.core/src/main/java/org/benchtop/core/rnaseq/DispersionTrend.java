package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.stats.Locfit;

/**
 * Step 3 of DESeq2 ({@code estimateDispersionsFit}): the mean-dispersion trend alpha_tr(mu),
 * fitted to the genes whose gene-wise estimate exceeds 100 minDisp (minDisp = 1e-8). If there are
 * none, DESeq2 stops, and so does this class.
 *
 * <ul>
 * <li>{@link FitType#PARAMETRIC} (default, {@code parametricDispersionFit}):
 * alpha_tr(mu) = asymptDisp + extraPois / mu, fitted by a gamma-family GLM with identity link
 * (R's {@code glm(disp ~ I(1/mean), family = Gamma("identity"), start = coefs)}, reproduced
 * iteration by iteration in {@link GammaIdentityGlm}) on those genes; genes whose ratio
 * disp / alpha_tr(mean) is outside (1e-4, 15) are excluded and the fit repeated until
 * sum(log(coef/oldcoef)^2) &lt; 1e-6 (at most 10 rounds). If the fit fails (a non-positive
 * coefficient, no convergence), DESeq2 substitutes the local fit with a note, and so does this
 * class (with a warning).</li>
 * <li>{@link FitType#LOCAL} ({@code localDispersionFit}): a local regression of the log gene-wise
 * estimates on the log means, weighted by the means, {@code locfit(log(disp) ~ log(mean),
 * weights = mean)} with locfit's defaults (nearest-neighbour fraction 0.7, local quadratics,
 * tricube kernel, adaptive tree with cubic Hermite interpolation; {@link Locfit}), and
 * alpha_tr(mu) = exp(fit(log mu)). DESeq2's branch for estimates all below 10 minDisp cannot be
 * reached, as only estimates above 100 minDisp are passed to it.</li>
 * <li>{@link FitType#MEAN}: the 0.1 %-trimmed mean of the gene-wise estimates above 10 minDisp.</li>
 * </ul>
 *
 * The result also carries varLogDispEsts = mad(log dispGeneEst - log dispFit)^2 over the genes
 * with dispGeneEst &gt;= 100 minDisp (DESeq2's {@code dispersionFunction<-}).
 *
 * <p>Anders and Huber (2010), Genome Biology 11:R106; Love et al. (2014), Genome Biology 15:550,
 * doi:10.1186/s13059-014-0550-8; Loader (1999), Local Regression and Likelihood, Springer.
 */
public final class DispersionTrend {

    /** The kind of trend. */
    public enum FitType {
        /** asymptDisp + extraPois / mean (DESeq2's default). */
        PARAMETRIC,
        /** Local regression of log dispersion on log mean (DESeq2's locfit). */
        LOCAL,
        /** A constant: the trimmed mean of the gene-wise estimates. */
        MEAN
    }

    private final FitType fitType;

    private DispersionTrend(FitType fitType) {
        this.fitType = fitType;
    }

    /** @return the parametric fit with DESeq2's fallback */
    public static DispersionTrend withDefaults() {
        return new DispersionTrend(FitType.PARAMETRIC);
    }

    /**
     * @param type the requested fit type
     * @return a copy using it
     */
    public DispersionTrend withFitType(FitType type) {
        return new DispersionTrend(type);
    }

    /**
     * Fits the trend to the gene-wise estimates.
     *
     * @param genewise the gene-wise step's result
     * @return the trend, the fitted value of every gene and varLogDispEsts
     * @throws RnaseqException (ANALYSIS_FAILURE) if all gene-wise estimates are at the minimum
     */
    public Result fit(GenewiseDispersion.Result genewise) {
        int n = genewise.n;
        double minDisp = GenewiseDispersion.MIN_DISP;
        List<Double> means = new ArrayList<>();
        List<Double> disps = new ArrayList<>();
        int nonZero = 0;
        for (int g = 0; g < n; g++) {
            if (genewise.allZero[g]) {
                continue;
            }
            nonZero++;
            if (genewise.dispGeneEst[g] > 100 * minDisp) {
                means.add(Double.valueOf(genewise.baseMean[g]));
                disps.add(Double.valueOf(genewise.dispGeneEst[g]));
            }
        }
        if (means.isEmpty()) {
            throw RnaseqException.failure(
                    "All %d gene-wise dispersion estimates are within 2 orders of magnitude of the minimum (1e-8), so "
                            + "no dispersion trend can be fitted (DESeq2 stops with the same error). The data show no "
                            + "overdispersion: check that the counts are raw read counts and not e.g. simulated "
                            + "Poisson data.", Integer.valueOf(nonZero));
        }
        double[] mu = unbox(means);
        double[] d = unbox(disps);
        List<String> warnings = new ArrayList<>();
        FitType used = fitType;
        double[] coefs = null;
        double meanDisp = Double.NaN;
        Locfit.Result local = null;
        if (fitType == FitType.PARAMETRIC) {
            coefs = parametric(mu, d);
            if (coefs == null) {
                warnings.add("The dispersion trend was not well captured by the function y = a/x + b (the parametric "
                        + "fit failed), so a local regression fit was substituted, as DESeq2 does. Choose the 'local' "
                        + "or 'mean' fit type to avoid this warning.");
                used = FitType.LOCAL;
            }
        }
        if (used == FitType.LOCAL) {
            local = local(mu, d);
        }
        if (used == FitType.MEAN) {
            double[] above = new double[n];
            int k = 0;
            for (int g = 0; g < n; g++) {
                if (!genewise.allZero[g] && genewise.dispGeneEst[g] > 10 * minDisp) {
                    above[k++] = genewise.dispGeneEst[g];
                }
            }
            meanDisp = RMath.trimmedMean(above, k, 0.001);
        }
        double[] dispFit = new double[n];
        for (int g = 0; g < n; g++) {
            if (genewise.allZero[g]) {
                dispFit[g] = Double.NaN;
            } else if (used == FitType.PARAMETRIC) {
                dispFit[g] = coefs[0] + coefs[1] / genewise.baseMean[g];
            } else if (used == FitType.LOCAL) {
                dispFit[g] = Math.exp(local.predict(Math.log(genewise.baseMean[g])));
            } else {
                dispFit[g] = meanDisp;
            }
        }
        // varLogDispEsts (dispersionFunction<- with estimateVar = TRUE)
        double[] res = new double[n];
        int k = 0;
        for (int g = 0; g < n; g++) {
            if (!genewise.allZero[g] && genewise.dispGeneEst[g] >= minDisp * 100) {
                res[k++] = Math.log(genewise.dispGeneEst[g]) - Math.log(dispFit[g]);
            }
        }
        double varLog = Double.NaN;
        if (k > 0) {
            double mad = RMath.mad(res, k);
            varLog = mad * mad;
        }
        return new Result(used, coefs == null ? Double.NaN : coefs[0], coefs == null ? Double.NaN : coefs[1],
                meanDisp, local, dispFit, varLog, List.copyOf(warnings));
    }

    private static double[] unbox(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i).doubleValue();
        }
        return a;
    }

    /**
     * DESeq2's localDispersionFit on the genes above 100 minDisp (all of them are at least 10
     * minDisp): locfit of log dispersion on log mean with the means as weights.
     */
    static Locfit.Result local(double[] means, double[] disps) {
        int n = means.length;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(means[i]);
            y[i] = Math.log(disps[i]);
        }
        try {
            return Locfit.withDefaults().fit(x, y, means);
        } catch (IllegalStateException e) {
            throw RnaseqException.failure("The local dispersion trend could not be fitted to the %d genes with a "
                    + "gene-wise dispersion above 1e-6: their mean counts leave gaps that locfit's evaluation tree "
                    + "cannot cover (%s). DESeq2 stops with the same error ('newsplit: out of vertex space'). Choose "
                    + "the 'mean' fit type, or remove genes with outlying mean counts.", Integer.valueOf(n),
                    e.getMessage());
        }
    }

    /** DESeq2's parametricDispersionFit; null when it fails. */
    static double[] parametric(double[] means, double[] disps) {
        double[] coefs = {0.1, 1};
        int iter = 0;
        int n = means.length;
        while (true) {
            int ng = 0;
            int[] good = new int[n];
            for (int i = 0; i < n; i++) {
                double r = disps[i] / (coefs[0] + coefs[1] / means[i]);
                if (r > 1e-4 && r < 15) {
                    good[ng++] = i;
                }
            }
            double[] yy = new double[ng];
            double[] xx = new double[ng];
            for (int i = 0; i < ng; i++) {
                yy[i] = disps[good[i]];
                xx[i] = 1 / means[good[i]];
            }
            GammaIdentityGlm.Fit fit = GammaIdentityGlm.fit(yy, xx, coefs);
            if (fit == null) {
                return null;
            }
            double[] old = coefs;
            coefs = fit.coefficients();
            if (!(coefs[0] > 0 && coefs[1] > 0)) {
                return null;
            }
            double l0 = Math.log(coefs[0] / old[0]);
            double l1 = Math.log(coefs[1] / old[1]);
            if ((l0 * l0 + l1 * l1) < 1e-6 && fit.converged()) {
                break;
            }
            iter++;
            if (iter > 10) {
                return null;
            }
        }
        return coefs;
    }

    /**
     * The fitted trend.
     *
     * @param fitType the trend actually used
     * @param asymptDisp parametric coefficient a (NaN otherwise)
     * @param extraPois parametric coefficient b (NaN otherwise)
     * @param meanDisp the constant of the mean fit (NaN otherwise)
     * @param local the local regression of log dispersion on log mean (null unless local)
     * @param dispFit per gene: the trend at its baseMean (NaN for all-zero genes)
     * @param varLogDispEsts mad^2 of the log residuals (NaN if none above the minimum)
     * @param warnings notes for the user
     */
    public record Result(FitType fitType, double asymptDisp, double extraPois, double meanDisp, Locfit.Result local,
            double[] dispFit, double varLogDispEsts, List<String> warnings) {

        /**
         * @param mean a mean of normalized counts (positive)
         * @return the trend value there (DESeq2's {@code dispersionFunction(dds)(mean)})
         */
        public double at(double mean) {
            return switch (fitType) {
                case PARAMETRIC -> asymptDisp + extraPois / mean;
                case LOCAL -> Math.exp(local.predict(Math.log(mean)));
                case MEAN -> meanDisp;
            };
        }

        /**
         * The same trend with other per-gene fitted values (e.g. after refitting genes).
         *
         * @param values per gene: the trend at its baseMean
         * @param notes the warnings of the copy
         * @return the copy
         */
        public Result withDispFit(double[] values, List<String> notes) {
            return new Result(fitType, asymptDisp, extraPois, meanDisp, local, values, varLogDispEsts, notes);
        }

        /**
         * @param gene gene index
         * @return the fitted dispersion of that gene
         */
        public double dispFit(int gene) {
            return dispFit[gene];
        }

        /** @return a copy of the per-gene fitted values */
        @Override
        public double[] dispFit() {
            return dispFit.clone();
        }
    }
}
