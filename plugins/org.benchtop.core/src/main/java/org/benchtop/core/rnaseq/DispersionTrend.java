package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 3 of DESeq2 ({@code estimateDispersionsFit}): the mean-dispersion trend alpha_tr(mu).
 *
 * <ul>
 * <li>{@link FitType#PARAMETRIC} (default, {@code parametricDispersionFit}):
 * alpha_tr(mu) = asymptDisp + extraPois / mu, fitted by a gamma-family GLM with identity link
 * (R's {@code glm(disp ~ I(1/mean), family = Gamma("identity"), start = coefs)}, reproduced
 * iteration by iteration in {@link GammaIdentityGlm}) on the genes with gene-wise estimate
 * > 100 minDisp; genes whose ratio disp / alpha_tr(mean) is outside (1e-4, 15) are excluded and
 * the fit repeated until sum(log(coef/oldcoef)^2) < 1e-6 (at most 10 rounds). If the fit fails
 * (a non-positive coefficient, no convergence) DESeq2 substitutes a local regression
 * ({@code locfit}); this implementation substitutes the mean fit instead and says so in the
 * warnings.</li>
 * <li>{@link FitType#MEAN}: the 0.1 %-trimmed mean of the gene-wise estimates above 10 minDisp.</li>
 * </ul>
 *
 * The result also carries varLogDispEsts = mad(log dispGeneEst - log dispFit)^2 over the genes
 * with dispGeneEst >= 100 minDisp (DESeq2's {@code dispersionFunction<-}).
 *
 * <p>Anders and Huber (2010), Genome Biology 11:R106; Love et al. (2014), Genome Biology 15:550.
 */
public final class DispersionTrend {

    /** The kind of trend. */
    public enum FitType {
        /** asymptDisp + extraPois / mean (DESeq2's default). */
        PARAMETRIC,
        /** Local regression of log dispersion on log mean (DESeq2's locfit; see class notes). */
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
        if (fitType == FitType.PARAMETRIC) {
            coefs = parametric(mu, d);
            if (coefs == null) {
                warnings.add("The parametric dispersion trend (a/mean + b) did not fit; DESeq2 would substitute a "
                        + "local regression (locfit) here, which is not implemented: the mean dispersion trend is used "
                        + "instead, so dispersions and p-values will differ from DESeq2's for this data set. Choose the "
                        + "'mean' fit type explicitly to silence this warning.");
                used = FitType.MEAN;
            }
        } else if (fitType == FitType.LOCAL) {
            warnings.add("The local (locfit) dispersion trend is not implemented; the mean trend is used instead.");
            used = FitType.MEAN;
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
                meanDisp, dispFit, varLog, List.copyOf(warnings));
    }

    private static double[] unbox(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i).doubleValue();
        }
        return a;
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
     * @param dispFit per gene: the trend at its baseMean (NaN for all-zero genes)
     * @param varLogDispEsts mad^2 of the log residuals (NaN if none above the minimum)
     * @param warnings notes for the user
     */
    public record Result(FitType fitType, double asymptDisp, double extraPois, double meanDisp, double[] dispFit,
            double varLogDispEsts, List<String> warnings) {

        /**
         * @param mean a mean of normalized counts
         * @return the trend value there
         */
        public double at(double mean) {
            return fitType == FitType.PARAMETRIC ? asymptDisp + extraPois / mean : meanDisp;
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
