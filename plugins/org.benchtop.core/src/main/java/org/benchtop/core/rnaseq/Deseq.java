package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.benchtop.core.ProgressMonitor;

/**
 * DESeq2's {@code DESeq()} and {@code results()}: the whole differential-expression pipeline,
 * step by step, each step an immutable object of this package named after DESeq2's:
 *
 * <pre>
 * run(counts, design)                      DESeq(dds)
 *   SizeFactors.estimate                     estimateSizeFactors
 *   GenewiseDispersion.estimate              estimateDispersionsGeneEst
 *   DispersionTrend.fit                      estimateDispersionsFit
 *   DispersionPrior.estimate                 estimateDispersionsPriorVar
 *   MapDispersion.estimate                   estimateDispersionsMAP
 *   NegativeBinomialGlm.fit                  nbinomWaldTest / nbinomLRT (full and reduced)
 *   CooksDistance.compute                    calculateCooksDistance, recordMaxCooks
 * Fit.results(contrast)                    results(dds, contrast)
 *   WaldTest.coefficient / numeric           cleanContrast, getContrast
 *   Cook's filter                            (maxCooks > qf(.99, p, m - p))
 *   IndependentFiltering.apply               pvalueAdjustment (filtered_p, lowess)
 * </pre>
 *
 * <p>Love, Huber and Anders (2014), Moderated estimation of fold change and dispersion for RNA-seq
 * data with DESeq2, Genome Biology 15:550, doi:10.1186/s13059-014-0550-8. Reproduces DESeq2 1.38.3.
 *
 * <p>Immutable; {@link #withDefaults()} then {@code with...}.
 */
public final class Deseq {

    private final SizeFactors sizeFactors;
    private final DispersionTrend.FitType fitType;
    private final int threads;
    private final int minReplicatesForReplace;

    private Deseq(SizeFactors sizeFactors, DispersionTrend.FitType fitType, int threads, int minReplicatesForReplace) {
        this.sizeFactors = sizeFactors;
        this.fitType = fitType;
        this.threads = threads;
        this.minReplicatesForReplace = minReplicatesForReplace;
    }

    /** @return DESeq2's defaults: median-of-ratios size factors, parametric trend, Wald test, 1 thread */
    public static Deseq withDefaults() {
        return new Deseq(SizeFactors.ratio(), DispersionTrend.FitType.PARAMETRIC, 1, 7);
    }

    /**
     * @param s the size factor estimator (ratio, poscounts or given)
     * @return a copy
     */
    public Deseq withSizeFactors(SizeFactors s) {
        return new Deseq(s, fitType, threads, minReplicatesForReplace);
    }

    /**
     * @param type the dispersion trend
     * @return a copy
     */
    public Deseq withFitType(DispersionTrend.FitType type) {
        return new Deseq(sizeFactors, type, threads, minReplicatesForReplace);
    }

    /**
     * @param n worker threads; results are identical for every n
     * @return a copy
     */
    public Deseq withThreads(int n) {
        if (n < 1) {
            throw RnaseqException.badInput("The number of threads must be at least 1, not %d.", Integer.valueOf(n));
        }
        return new Deseq(sizeFactors, fitType, n, minReplicatesForReplace);
    }

    /**
     * @param n DESeq2's minReplicatesForReplace: Cook's outliers in cells with at least n samples
     *        are replaced and the gene refitted (default 7; {@link Integer#MAX_VALUE} turns it off)
     * @return a copy
     */
    public Deseq withMinReplicatesForReplace(int n) {
        if (n < 3) {
            throw RnaseqException.badInput(
                    "At least 3 replicates are needed to identify a count outlier; minReplicatesForReplace was %d.",
                    Integer.valueOf(n));
        }
        return new Deseq(sizeFactors, fitType, threads, n);
    }

    /**
     * Runs DESeq2's pipeline with the Wald test.
     *
     * @param counts raw counts, columns in the order of the design's samples
     * @param design the full model
     * @param monitor progress and cancellation
     * @return the fitted data set
     */
    public Fit run(CountMatrix counts, DesignMatrix design, ProgressMonitor monitor) {
        return run(counts, design, null, monitor);
    }

    /**
     * Runs DESeq2's pipeline; with a reduced model the likelihood-ratio test is added
     * ({@code DESeq(dds, test = "LRT", reduced = ...)}).
     *
     * @param counts raw counts
     * @param design the full model
     * @param reduced the reduced model for the LRT, or null for the Wald test
     * @param monitor progress and cancellation
     * @return the fitted data set
     */
    public Fit run(CountMatrix counts, DesignMatrix design, DesignMatrix reduced, ProgressMonitor monitor) {
        int m = counts.sampleCount();
        if (design.sampleCount() != m) {
            throw RnaseqException.badInput("The design has %d samples but the count matrix has %d columns.",
                    Integer.valueOf(design.sampleCount()), Integer.valueOf(m));
        }
        if (reduced != null) {
            checkReduced(design, reduced);
        }
        checkNotAllEqual(counts);
        List<String> warnings = new ArrayList<>();
        monitor.setProgress(0, "Size factors");
        SizeFactors.Result sf = sizeFactors.estimate(counts);
        warnings.addAll(sf.warnings());
        GenewiseDispersion.Result gw = GenewiseDispersion.withDefaults().withThreads(threads).estimate(counts,
                sf.values(), design, monitor);
        DispersionTrend.Result trend = DispersionTrend.withDefaults().withFitType(fitType).fit(gw);
        warnings.addAll(trend.warnings());
        DispersionPrior.Result prior = DispersionPrior.estimate(gw, trend, m, design.coefficientCount());
        warnings.addAll(prior.warnings());
        MapDispersion.Result map = MapDispersion.withDefaults().withThreads(threads).estimate(counts, design, gw,
                trend, prior, monitor);
        NegativeBinomialGlm glmFitter = NegativeBinomialGlm.withDefaults().withThreads(threads);
        NegativeBinomialGlm.Result glm = glmFitter.fit(counts, sf.values(), design, map.values(), monitor);
        NegativeBinomialGlm.Result reducedGlm = null;
        if (reduced != null) {
            reducedGlm = glmFitter.fit(counts, sf.values(), reduced, map.values(), monitor);
        }
        CooksDistance.Result cooks = CooksDistance.compute(counts, design, glm, reduced == null ? null : gw, threads,
                monitor);
        OutlierReplacement.Result replacement = null;
        boolean sufficientReps = false;
        if (minReplicatesForReplace != Integer.MAX_VALUE) {
            for (boolean b : design.nOrMoreInCell(minReplicatesForReplace)) {
                sufficientReps |= b;
            }
        }
        if (sufficientReps) {
            CooksDistance.Rows rows = new CooksDistance.Rows(counts, design, glm, reduced == null ? null : gw);
            replacement = OutlierReplacement.replace(counts, sf.values(), design, rows, cooks, gw,
                    minReplicatesForReplace, monitor);
            if (replacement != null && replacement.refitGenes().length > 0) {
                monitor.setProgress(0, "Refitting " + replacement.refitGenes().length + " genes without outliers");
                CountMatrix sub = replacement.refitCounts();
                GenewiseDispersion.Result gwSub = GenewiseDispersion.withDefaults().withThreads(threads).estimate(sub,
                        sf.values(), design, monitor);
                int k = sub.geneCount();
                double[] fitSub = new double[k];
                for (int i = 0; i < k; i++) {
                    fitSub[i] = trend.at(gwSub.baseMean(i));
                }
                DispersionTrend.Result trendSub = trend.withDispFit(fitSub, List.of());
                MapDispersion.Result mapSub = MapDispersion.withDefaults().withThreads(threads).estimate(sub, design,
                        gwSub, trendSub, prior, monitor);
                NegativeBinomialGlm.Result glmSub = glmFitter.fit(sub, sf.values(), design, mapSub.values(), monitor);
                int[] rowsRefit = replacement.refitGenes();
                boolean[] cleared = replacement.newAllZero();
                gw = gw.withRefit(replacement, gwSub);
                double[] dispFit = trend.dispFit();
                double[] disp = map.dispersion();
                double[] dispMap = map.dispMAP().clone();
                int[] dispIter = map.dispIter().clone();
                boolean[] outl = map.dispOutlier().clone();
                for (int i = 0; i < k; i++) {
                    int g = rowsRefit[i];
                    dispFit[g] = fitSub[i];
                    disp[g] = mapSub.dispersion(i);
                    dispMap[g] = mapSub.dispMAP()[i];
                    dispIter[g] = mapSub.dispIter()[i];
                    outl[g] = mapSub.dispOutlier()[i];
                }
                trend = trend.withDispFit(dispFit, trend.warnings());
                map = new MapDispersion.Result(disp, dispMap, dispIter, outl, map.dispPriorVar());
                glm = glm.withRows(rowsRefit, glmSub, cleared);
                if (reduced != null) {
                    NegativeBinomialGlm.Result redSub = glmFitter.fit(sub, sf.values(), reduced, mapSub.values(),
                            monitor);
                    reducedGlm = reducedGlm.withRows(rowsRefit, redSub, cleared);
                }
                // maxCooks: NA if every sample is replaceable, else over the other samples of the first fit
                boolean allReplaceable = true;
                for (boolean b : replacement.replaceable()) {
                    allReplaceable &= b;
                }
                double[] maxCooks = new double[counts.geneCount()];
                boolean[] forMax = design.nOrMoreInCell(3);
                boolean recordMax = counts.sampleCount() > design.coefficientCount();
                boolean anyForMax = false;
                for (boolean b : forMax) {
                    anyForMax |= b;
                }
                final boolean skipAll = allReplaceable || !recordMax || !anyForMax;
                final CooksDistance.Result first = cooks;
                final OutlierReplacement.Result rep = replacement;
                GeneParallel.run(maxCooks.length, threads, monitor, "Cook's distances without replaceable samples",
                        (from, to) -> {
                            double[] c = new double[counts.sampleCount()];
                            CooksDistance.Scratch sc = new CooksDistance.Scratch(counts.sampleCount());
                            for (int g = from; g < to; g++) {
                                if (skipAll || !cooksFitted(first, g) || rep.newAllZero()[g]) {
                                    maxCooks[g] = Double.NaN;
                                    continue;
                                }
                                rows.row(g, c, sc);
                                for (int j = 0; j < c.length; j++) {
                                    if (rep.replaceable()[j]) {
                                        c[j] = 0;
                                    }
                                }
                                maxCooks[g] = CooksDistance.maxOver(c, forMax);
                            }
                        });
                cooks = new CooksDistance.Result(maxCooks, cooks.argMaxAll(), cooks.cutoff(), cooks.maxAll());
            }
        }
        int notConverged = 0;
        for (int g = 0; g < counts.geneCount(); g++) {
            if (glm.fitted(g) && !glm.converged(g)) {
                notConverged++;
            }
        }
        if (notConverged > 0) {
            warnings.add(notConverged + " genes did not converge in beta (DESeq2's betaConv = FALSE).");
        }
        monitor.setProgress(1, "DESeq2 fit done");
        if (replacement != null && replacement.replacedCounts() > 0) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "%d count outliers (Cook's distance > %.4g) in samples of cells with >= %d replicates were replaced "
                            + "by trimmed means and %d genes refitted, as DESeq2 does.",
                    Integer.valueOf(replacement.replacedCounts()), Double.valueOf(replacement.cutoff()),
                    Integer.valueOf(minReplicatesForReplace), Integer.valueOf(replacement.refitGenes().length)));
        }
        return new Fit(counts, design, reduced, sf, gw, trend, prior, map, glm, reducedGlm, cooks, replacement,
                List.copyOf(warnings));
    }

    private static boolean cooksFitted(CooksDistance.Result cooks, int g) {
        return cooks.argMaxAll()[g] >= 0;
    }

    private static void checkReduced(DesignMatrix full, DesignMatrix reduced) {
        if (full.formula() != null && reduced.formula() != null) {
            for (String v : reduced.formula().variables()) {
                if (!full.formula().variables().contains(v)) {
                    throw RnaseqException.badInput(
                            "The reduced design '%s' uses '%s', which is not in the full design '%s'.",
                            reduced.formula(), v, full.formula());
                }
            }
        }
        if (reduced.coefficientCount() >= full.coefficientCount()) {
            throw RnaseqException.badInput(
                    "The reduced design has %d coefficients and the full design %d; the reduced model must be "
                            + "nested in the full one with fewer coefficients (less than one degree of freedom).",
                    Integer.valueOf(reduced.coefficientCount()), Integer.valueOf(full.coefficientCount()));
        }
    }

    private static void checkNotAllEqual(CountMatrix counts) {
        int n = counts.geneCount();
        int m = counts.sampleCount();
        double[] y = counts.data();
        for (int g = 0; g < n; g++) {
            double first = y[g * m];
            for (int j = 1; j < m; j++) {
                if (y[g * m + j] != first) {
                    return;
                }
            }
        }
        throw RnaseqException.badInput(
                "Every gene has the same count in all samples, so there is nothing to test (DESeq2: 'all genes have "
                        + "equal values for all samples').");
    }

    /**
     * A fitted data set (DESeq2's {@code DESeqDataSet} after {@code DESeq()}), holding every
     * step's immutable result.
     *
     * @param counts the counts
     * @param design the full model
     * @param reduced the reduced model (LRT) or null
     * @param sizeFactors step 1
     * @param genewise step 2
     * @param trend step 3
     * @param prior step 4
     * @param dispersions step 5
     * @param glm the full-model fits
     * @param reducedGlm the reduced-model fits (LRT) or null
     * @param cooks Cook's distance summaries
     * @param replacement the outlier replacement (null if no cell has enough replicates)
     * @param warnings notes for the user
     */
    public record Fit(CountMatrix counts, DesignMatrix design, DesignMatrix reduced, SizeFactors.Result sizeFactors,
            GenewiseDispersion.Result genewise, DispersionTrend.Result trend, DispersionPrior.Result prior,
            MapDispersion.Result dispersions, NegativeBinomialGlm.Result glm, NegativeBinomialGlm.Result reducedGlm,
            CooksDistance.Result cooks, OutlierReplacement.Result replacement, List<String> warnings) {

        /** @return "LRT" if a reduced model was given, else "Wald" */
        public String test() {
            return reduced == null ? "Wald" : "LRT";
        }

        /**
         * DESeq2's default {@code results(dds, contrast)}: alpha 0.1, Cook's filter and independent
         * filtering on.
         *
         * @param contrast what to compare
         * @return the results table
         */
        public DeseqResults results(Contrast contrast) {
            return results(contrast, 0.1, true, true);
        }

        /**
         * DESeq2's {@code results()}.
         *
         * @param contrast what to compare
         * @param alpha FDR level for independent filtering, in (0, 1)
         * @param independentFiltering whether to filter on baseMean
         * @param cooksFilter whether to set p-values of Cook's outlier genes to NA
         * @return the results table
         * @throws RnaseqException (BAD_INPUT) for an unknown factor, level or coefficient
         */
        public DeseqResults results(Contrast contrast, double alpha, boolean independentFiltering,
                boolean cooksFilter) {
            if (!(alpha > 0 && alpha < 1)) {
                throw RnaseqException.badInput("alpha must be between 0 and 1, not %s.", Double.toString(alpha));
            }
            int n = counts.geneCount();
            int m = counts.sampleCount();
            int p = design.coefficientCount();
            List<String> names = design.columnNames();
            List<String> warn = new ArrayList<>(warnings);
            WaldTest.Result wt;
            boolean[] contrastAllZero = new boolean[n];
            if (contrast instanceof Contrast.Levels lv) {
                ResolvedLevels r = resolveLevels(lv);
                if (r.coef >= 0) {
                    wt = WaldTest.coefficient(glm, r.coef, r.sign);
                } else {
                    wt = WaldTest.numeric(glm, r.weights, 0.5);
                }
                // genes with all zero counts in the two compared groups
                SampleSheet.Variable v = design.sheet().variable(lv.factor());
                double[] y = counts.data();
                for (int g = 0; g < n; g++) {
                    boolean all = true;
                    for (int j = 0; j < m; j++) {
                        String l = v.labels().get(j);
                        if ((l.equals(lv.numerator()) || l.equals(lv.denominator())) && y[g * m + j] != 0) {
                            all = false;
                            break;
                        }
                    }
                    contrastAllZero[g] = all;
                }
            } else if (contrast instanceof Contrast.Coefficient c) {
                int idx = names.indexOf(c.name());
                if (idx < 0) {
                    throw RnaseqException.badInput("There is no coefficient '%s'; the coefficients are: %s.", c.name(),
                            String.join(", ", names));
                }
                wt = WaldTest.coefficient(glm, idx, 1);
            } else {
                double[] w = ((Contrast.Numeric) contrast).weights();
                if (w.length != p) {
                    throw RnaseqException.badInput(
                            "The numeric contrast has %d weights but the model has %d coefficients (%s).",
                            Integer.valueOf(w.length), Integer.valueOf(p), String.join(", ", names));
                }
                boolean allZeroW = true;
                for (double d : w) {
                    if (d != 0) {
                        allZeroW = false;
                    }
                }
                if (allZeroW) {
                    throw RnaseqException.badInput("A numeric contrast cannot have all weights equal to 0.");
                }
                wt = WaldTest.numeric(glm, w, 0.5);
                contrastAllZero = contrastAllZeroNumeric(w);
            }
            double[] lfc = wt.log2FoldChange();
            double[] se = wt.lfcSE();
            double[] stat = wt.stat();
            double[] pv = wt.pvalue();
            for (int g = 0; g < n; g++) {
                if (contrastAllZero[g] && !genewise.allZero(g)) {
                    lfc[g] = 0;
                    stat[g] = 0;
                    pv[g] = 1;
                }
            }
            if (reduced != null) {
                int df = p - reduced.coefficientCount();
                ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
                for (int g = 0; g < n; g++) {
                    if (!glm.fitted(g)) {
                        stat[g] = Double.NaN;
                        pv[g] = Double.NaN;
                        continue;
                    }
                    double s = 2 * (glm.logLikelihood(g) - reducedGlm.logLikelihood(g));
                    stat[g] = s;
                    pv[g] = Double.isNaN(s) ? Double.NaN : chi.survivalProbability(s);
                }
            }
            double cutoff = cooks.cutoff();
            int filtered = 0;
            if (cooksFilter && !Double.isNaN(cutoff)) {
                boolean heuristic = false;
                String var = null;
                if (design.formula() != null && design.formula().variables().size() == 1) {
                    var = design.formula().variables().get(0);
                    SampleSheet.Variable v = design.sheet().variable(var);
                    heuristic = v.isFactor() && v.levels().size() == 2;
                }
                double[] y = counts.data();
                for (int g = 0; g < n; g++) {
                    double mc = cooks.maxCooks(g);
                    if (!(mc > cutoff)) {
                        continue;
                    }
                    if (heuristic) {
                        int am = cooks.argMaxAll()[g];
                        double outCount = y[g * m + am];
                        int larger = 0;
                        for (int j = 0; j < m; j++) {
                            if (y[g * m + j] > outCount) {
                                larger++;
                            }
                        }
                        if (larger >= 3) {
                            continue;
                        }
                    }
                    if (!Double.isNaN(pv[g])) {
                        filtered++;
                    }
                    pv[g] = Double.NaN;
                }
            }
            double[] baseMean = new double[n];
            for (int g = 0; g < n; g++) {
                baseMean[g] = genewise.baseMean(g);
            }
            if (replacement != null && replacement.flaggedGenes() > 0) {
                for (int g = 0; g < n; g++) {
                    if (replacement.replace()[g] && baseMean[g] == 0) {
                        lfc[g] = 0;
                        se[g] = 0;
                        stat[g] = 0;
                        pv[g] = 1;
                    }
                }
            }
            IndependentFiltering.Result adj = independentFiltering ? IndependentFiltering.apply(baseMean, pv, alpha)
                    : IndependentFiltering.none(pv, alpha);
            return new DeseqResults(counts.geneIds(), baseMean, lfc, se, stat, pv, adj.padj(), dispersions.dispersion(),
                    contrast.describe(), test(), alpha, adj.filterThreshold(), adj.filterTheta(),
                    cooksFilter ? cutoff : Double.NaN, filtered, warn);
        }

        /** The resolved form of a level contrast. */
        private record ResolvedLevels(int coef, double sign, double[] weights) {
        }

        private ResolvedLevels resolveLevels(Contrast.Levels lv) {
            if (design.sheet() == null) {
                throw RnaseqException.badInput(
                        "A contrast of factor levels needs a design formula; with a user-supplied model matrix "
                                + "give a numeric contrast.");
            }
            SampleSheet sheet = design.sheet();
            if (!sheet.has(lv.factor()) || !design.formula().variables().contains(lv.factor())) {
                throw RnaseqException.badInput("The contrast factor '%s' is not a variable of the design '%s'.",
                        lv.factor(), design.formula());
            }
            SampleSheet.Variable v = sheet.variable(lv.factor());
            if (!v.isFactor()) {
                throw RnaseqException.badInput(
                        "'%s' is numeric; a contrast of levels needs a factor (use the coefficient name '%s' instead).",
                        lv.factor(), lv.factor());
            }
            for (String level : List.of(lv.numerator(), lv.denominator())) {
                if (!v.levels().contains(level)) {
                    throw RnaseqException.badInput("The contrast level '%s' is not a level of '%s'; its levels are: %s.",
                            level, lv.factor(), String.join(", ", v.levels()));
                }
            }
            if (lv.numerator().equals(lv.denominator())) {
                throw RnaseqException.badInput("%s and %s should be different level names.", lv.numerator(),
                        lv.denominator());
            }
            List<String> names = design.columnNames();
            String ref = v.reference();
            boolean hasIntercept = design.formula().hasIntercept();
            boolean firstVar = lv.factor().equals(design.formula().variables().get(0));
            boolean noInterceptPullCoef = !hasIntercept && !firstVar
                    && (ref.equals(lv.numerator()) || ref.equals(lv.denominator()));
            if (hasIntercept || noInterceptPullCoef) {
                if (lv.denominator().equals(ref)) {
                    String name = noInterceptPullCoef ? DesignMatrix.makeNames(lv.factor() + lv.numerator())
                            : DesignMatrix.makeNames(lv.factor() + "_" + lv.numerator() + "_vs_" + lv.denominator());
                    int idx = names.indexOf(name);
                    if (idx < 0) {
                        throw RnaseqException.badInput(
                                "As %s is the reference level, coefficient %s was expected among: %s.",
                                lv.denominator(), name, String.join(", ", names));
                    }
                    return new ResolvedLevels(idx, 1, null);
                }
                if (lv.numerator().equals(ref)) {
                    String name = noInterceptPullCoef ? DesignMatrix.makeNames(lv.factor() + lv.denominator())
                            : DesignMatrix.makeNames(lv.factor() + "_" + lv.denominator() + "_vs_" + lv.numerator());
                    int idx = names.indexOf(name);
                    if (idx < 0) {
                        throw RnaseqException.badInput(
                                "As %s is the reference level, coefficient %s was expected among: %s.",
                                lv.numerator(), name, String.join(", ", names));
                    }
                    return new ResolvedLevels(idx, -1, null);
                }
                String num = DesignMatrix.makeNames(lv.factor() + "_" + lv.numerator() + "_vs_" + ref);
                String den = DesignMatrix.makeNames(lv.factor() + "_" + lv.denominator() + "_vs_" + ref);
                return new ResolvedLevels(-1, 0, weights(names, num, den, lv));
            }
            String num = DesignMatrix.makeNames(lv.factor() + lv.numerator());
            String den = DesignMatrix.makeNames(lv.factor() + lv.denominator());
            return new ResolvedLevels(-1, 0, weights(names, num, den, lv));
        }

        private static double[] weights(List<String> names, String num, String den, Contrast.Levels lv) {
            if (!names.contains(num) || !names.contains(den)) {
                throw RnaseqException.badInput(
                        "%s and %s should be levels of %s such that %s and %s are model coefficients; the "
                                + "coefficients are: %s.", lv.numerator(), lv.denominator(), lv.factor(), num, den,
                        String.join(", ", names));
            }
            double[] w = new double[names.size()];
            w[names.indexOf(num)] = 1;
            w[names.indexOf(den)] = -1;
            return w;
        }

        /** DESeq2's contrastAllZeroNumeric. */
        private boolean[] contrastAllZeroNumeric(double[] w) {
            int n = counts.geneCount();
            int m = counts.sampleCount();
            int p = design.coefficientCount();
            boolean[] out = new boolean[n];
            boolean allNonNeg = true;
            boolean allNonPos = true;
            for (double d : w) {
                allNonNeg &= d >= 0;
                allNonPos &= d <= 0;
            }
            if (allNonNeg || allNonPos) {
                return out;
            }
            boolean[] which = new boolean[m];
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += design.get(j, k) * (w[k] == 0 ? 0 : 1);
                }
                which[j] = s != 0;
            }
            double[] y = counts.data();
            for (int g = 0; g < n; g++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    if (which[j]) {
                        s += y[g * m + j];
                    }
                }
                out[g] = s == 0;
            }
            return out;
        }

        /** @return the per-sample size factors */
        public double[] sizeFactorValues() {
            return sizeFactors.factors();
        }
    }
}
