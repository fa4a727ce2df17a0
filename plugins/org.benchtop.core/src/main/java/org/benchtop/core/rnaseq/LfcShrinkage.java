package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.benchtop.core.ProgressMonitor;

/**
 * DESeq2's {@code lfcShrink(dds, type = "normal")}: log2 fold changes shrunken by a zero-centred
 * normal prior on each non-intercept coefficient (Love, Huber and Anders 2014, Genome Biology
 * 15:550, "Empirical Bayes shrinkage for fold-change estimation"). The prior variance of a
 * coefficient is matched to the upper 5 % weighted quantile of the absolute MLE log2 fold changes
 * (weights 1 / (1/baseMean + dispFit), Hmisc's wtd.quantile as DESeq2 copies it):
 * sigma^2 = (q_0.95 / z_0.975)^2; the intercept keeps 1e6. For a contrast of factor levels the
 * model is refitted with DESeq2's expanded model matrix (one column per level, the factor's prior
 * averaged over its levels); for a coefficient, with the standard one. The GLM is then refitted
 * with ridge lambda = 1 / sigma^2 (the MAP estimate) and only log2FoldChange and lfcSE of the
 * results are replaced; statistics and p-values stay those of the MLE Wald test.
 */
public final class LfcShrinkage {

    private LfcShrinkage() {
    }

    /**
     * The shrunken results.
     *
     * @param results the results table with shrunken log2FoldChange and lfcSE
     * @param priorVariance the beta prior variance per coefficient of the refitted model
     * @param priorNames the coefficient names of the refitted model
     */
    public record Result(DeseqResults results, double[] priorVariance, List<String> priorNames) {
    }

    /**
     * @param fit a DESeq2 fit (Wald test, no interactions)
     * @param contrast a level contrast or a coefficient (numeric contrasts are refused, as DESeq2)
     * @param threads worker threads
     * @param monitor progress and cancellation
     * @return the shrunken results
     */
    public static Result normal(Deseq.Fit fit, Contrast contrast, int threads, ProgressMonitor monitor) {
        if (contrast instanceof Contrast.Numeric) {
            throw RnaseqException.badInput(
                    "Normal LFC shrinkage needs a contrast of factor levels or a coefficient name (DESeq2 refuses numeric "
                            + "contrasts for type='normal').");
        }
        DesignMatrix design = fit.design();
        if (design.formula() == null) {
            throw RnaseqException.badInput("Normal LFC shrinkage needs a design formula.");
        }
        if (design.formula().hasInteraction()) {
            throw RnaseqException.badInput(
                    "Normal LFC shrinkage is not available for designs with interactions (as in DESeq2).");
        }
        if (!design.formula().hasIntercept()) {
            throw RnaseqException.badInput("Normal LFC shrinkage needs a design with an intercept (as in DESeq2).");
        }
        DeseqResults mle = fit.results(contrast);
        boolean expanded = contrast instanceof Contrast.Levels;
        double[] standardPrior = betaPriorVar(fit);
        DesignMatrix model;
        double[] prior;
        if (expanded) {
            model = DesignMatrix.expanded(design.formula(), design.sheet());
            prior = averageOverLevels(fit, standardPrior, model.columnNames());
        } else {
            model = design;
            prior = standardPrior;
        }
        double[] lambda = new double[prior.length];
        for (int k = 0; k < prior.length; k++) {
            lambda[k] = 1 / prior[k];
        }
        CountMatrix counts = fit.counts();
        double[] disp = fit.dispersions().dispersion();
        NegativeBinomialGlm.Result glm = NegativeBinomialGlm.withDefaults().withThreads(threads).withLambda(lambda)
                .fit(counts.data(), counts.geneCount(), counts.sampleCount(), fit.sizeFactorValues(), model.data(),
                        model.coefficientCount(), model.columnNames(), false, disp, monitor);
        double[] lfc;
        double[] se;
        if (expanded) {
            Contrast.Levels lv = (Contrast.Levels) contrast;
            double[] w = new double[model.coefficientCount()];
            w[model.columnIndex(DesignMatrix.makeNames(lv.factor() + lv.numerator()))] = 1;
            w[model.columnIndex(DesignMatrix.makeNames(lv.factor() + lv.denominator()))] = -1;
            WaldTest.Result r = WaldTest.numeric(glm, w, 0.5, prior);
            lfc = r.log2FoldChange();
            se = r.lfcSE();
        } else {
            int idx = design.columnIndex(((Contrast.Coefficient) contrast).name());
            WaldTest.Result r = WaldTest.coefficient(glm, idx, 1);
            lfc = r.log2FoldChange();
            se = r.lfcSE();
        }
        // genes with all zero counts in the compared groups: DESeq2's results() sets lfc to 0
        double[] mleLfc = mle.log2FoldChange();
        double[] mleStat = mle.stat();
        double[] mlePv = mle.pvalue();
        for (int g = 0; g < lfc.length; g++) {
            if (mleLfc[g] == 0 && mleStat[g] == 0 && mlePv[g] == 1) {
                lfc[g] = 0;
            }
        }
        List<String> warn = new ArrayList<>(mle.warnings());
        DeseqResults shrunk = new DeseqResults(mle.geneIds(), mle.baseMean(), lfc, se, mle.stat(), mle.pvalue(),
                mle.padj(), mle.dispersion(), mle.contrast() + " (normal shrinkage)", mle.test(), mle.alpha(),
                mle.filterThreshold(), mle.filterTheta(), mle.cooksCutoff(), mle.cooksFiltered(), warn);
        return new Result(shrunk, prior, model.columnNames());
    }

    /** DESeq2's estimateBetaPriorVar (weighted upper quantile) on the standard model's MLEs. */
    static double[] betaPriorVar(Deseq.Fit fit) {
        NegativeBinomialGlm.Result glm = fit.glm();
        int p = glm.p;
        List<String> names = glm.names;
        double[] out = new double[p];
        for (int k = 0; k < p; k++) {
            if (names.get(k).equals("Intercept")) {
                out[k] = 1e6;
                continue;
            }
            final int kk = k;
            out[k] = priorFor(fit, g -> glm.coefficient(g, kk));
        }
        return out;
    }

    /** The weighted-quantile prior variance of one column of log2 fold changes. */
    private static double priorFor(Deseq.Fit fit, java.util.function.IntToDoubleFunction column) {
        int n = fit.glm().n;
        double[] w = new double[n];
        double[] x = new double[n];
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - 0.05 / 2);
        int c = 0;
        for (int g = 0; g < n; g++) {
            if (fit.genewise().allZero(g)) {
                continue;
            }
            double b = column.applyAsDouble(g);
            if (Math.abs(b) < 10) {
                x[c] = Math.abs(b);
                w[c] = 1 / (1 / fit.genewise().baseMean(g) + fit.trend().dispFit(g));
                c++;
            }
        }
        if (c == 0) {
            return 1e6;
        }
        double sd = weightedQuantile(Arrays.copyOf(x, c), Arrays.copyOf(w, c), 1 - 0.05) / z;
        return sd * sd;
    }

    /**
     * DESeq2's averagePriorsOverLevels for the expanded model matrix; the average for a factor
     * includes the priors of all pairwise differences of its coefficients (addAllContrasts).
     */
    private static double[] averageOverLevels(Deseq.Fit fit, double[] standardPrior, List<String> expandedNames) {
        DesignMatrix design = fit.design();
        NegativeBinomialGlm.Result glm = fit.glm();
        List<String> std = design.columnNames();
        double[] out = new double[expandedNames.size()];
        for (int k = 0; k < std.size(); k++) {
            int idx = expandedNames.indexOf(std.get(k));
            if (idx >= 0) {
                out[idx] = standardPrior[k];
            }
        }
        for (String var : design.formula().variables()) {
            SampleSheet.Variable v = design.sheet().variable(var);
            if (!v.isFactor()) {
                continue;
            }
            List<String> lv = v.levels();
            List<Integer> cols = new ArrayList<>();
            for (int l = 1; l < lv.size(); l++) {
                int k = std.indexOf(DesignMatrix.makeNames(var + "_" + lv.get(l) + "_vs_" + lv.get(0)));
                if (k >= 0) {
                    cols.add(Integer.valueOf(k));
                }
            }
            List<Double> priors = new ArrayList<>();
            for (Integer k : cols) {
                priors.add(Double.valueOf(standardPrior[k.intValue()]));
            }
            int nc = cols.size();
            for (int i = 1; i < nc; i++) {
                for (int j = 0; j < i; j++) {
                    final int ci = cols.get(i).intValue();
                    final int cj = cols.get(j).intValue();
                    priors.add(Double.valueOf(priorFor(fit, g -> glm.coefficient(g, ci) - glm.coefficient(g, cj))));
                }
            }
            double sum = 0;
            for (Double d : priors) {
                sum += d.doubleValue();
            }
            double mean = sum / priors.size();
            for (String l : lv) {
                int idx = expandedNames.indexOf(DesignMatrix.makeNames(var + l));
                if (idx >= 0) {
                    out[idx] = mean;
                }
            }
        }
        return out;
    }

    /**
     * Hmisc's {@code wtd.quantile(x, weights, prob, normwt = TRUE)} (type "quantile") as copied in
     * DESeq2: weights normalized to sum n, tied values pooled (and, as R does through the names of
     * tapply, rounded to 15 significant digits), then linear interpolation on the cumulative weights.
     */
    static double weightedQuantile(double[] x, double[] weights, double prob) {
        int n0 = x.length;
        double sw = RMath.sum(weights, 0, n0);
        double[] w = new double[n0];
        for (int i = 0; i < n0; i++) {
            w[i] = weights[i] * n0 / sw;
        }
        Integer[] order = new Integer[n0];
        for (int i = 0; i < n0; i++) {
            order[i] = Integer.valueOf(i);
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a.intValue()], x[b.intValue()]));
        double[] xs = new double[n0];
        double[] ws = new double[n0];
        for (int i = 0; i < n0; i++) {
            xs[i] = x[order[i].intValue()];
            ws[i] = w[order[i].intValue()];
        }
        boolean dup = false;
        for (int i = 1; i < n0; i++) {
            if (xs[i] == xs[i - 1]) {
                dup = true;
                break;
            }
        }
        double[] vx;
        double[] vw;
        int k;
        if (dup) {
            vx = new double[n0];
            vw = new double[n0];
            k = 0;
            int i = 0;
            while (i < n0) {
                int j = i;
                double[] grp = new double[n0];
                int gn = 0;
                while (j < n0 && xs[j] == xs[i]) {
                    grp[gn++] = ws[j];
                    j++;
                }
                vx[k] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.15g", Double.valueOf(xs[i])));
                vw[k] = RMath.sum(grp, 0, gn);
                k++;
                i = j;
            }
        } else {
            vx = xs;
            vw = ws;
            k = n0;
        }
        double total = RMath.sum(vw, 0, k);
        double ord = 1 + (total - 1) * prob;
        double low = Math.max(Math.floor(ord), 1);
        double high = Math.min(low + 1, total);
        double frac = ord % 1;
        double[] cum = new double[k];
        double acc = 0;
        for (int i = 0; i < k; i++) {
            acc += vw[i];
            cum[i] = acc;
        }
        double qLow = approxConstantRight(cum, vx, k, low);
        double qHigh = approxConstantRight(cum, vx, k, high);
        return (1 - frac) * qLow + frac * qHigh;
    }

    /** R's approx(x, y, xout, method = "constant", f = 1, rule = 2). */
    private static double approxConstantRight(double[] x, double[] y, int n, double v) {
        if (v <= x[0]) {
            return y[0];
        }
        if (v >= x[n - 1]) {
            return y[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi - 1) {
            int mid = (lo + hi) >>> 1;
            if (v < x[mid]) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        if (v == x[lo]) {
            return y[lo];
        }
        return y[hi];
    }
}
