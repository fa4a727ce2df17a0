package org.benchtop.core.plate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.stats.Mad;
import org.benchtop.core.stats.Median;

/**
 * Normalizes and quality-controls plates, one {@link PlateData} at a time or many in parallel.
 *
 * <p>Per plate (steps named after cellHTS2's per-plate workflow, Boutros et al. 2006,
 * doi:10.1186/gb-2006-7-7-r66):
 * <ol>
 * <li>select the wells used by the statistics: present, not excluded, with a value;</li>
 * <li>{@link GroupStatistics} of the negative controls, positive controls and samples;</li>
 * <li>{@link ControlSeparation}: Z', robust Z', SSMD, robust SSMD, S/B, and the pass flag
 * {@code Z' ≥ threshold};</li>
 * <li>{@link MedianPolish} of the used sample wells on the plate grid (other wells set to NaN),
 * residuals of every well, their MAD over the used sample wells (B-score denominator), the largest
 * absolute row and column effects relative to that MAD;</li>
 * <li>{@link EdgeEffectTest} of the outer ring against the interior (used sample wells);</li>
 * <li>each requested {@link NormalizationMethod} is checked to be defined; its values are computed by
 * {@link PlateResult#normalized(NormalizationMethod, int)} for every well with a value.</li>
 * </ol>
 * Steps 4–5 run only when QC or the B-score is requested. Plates are independent; many plates run
 * in parallel with results in input order, so the numbers do not depend on the thread count.
 */
public final class PlateEngine {

    private final Set<NormalizationMethod> methods;
    private final boolean qc;
    private final double zPrimeThreshold;
    private final MedianPolish polish;
    private final String negativeLabel;
    private final String positiveLabel;
    private final String sampleLabel;

    private PlateEngine(Set<NormalizationMethod> methods, boolean qc, double zPrimeThreshold, MedianPolish polish,
            String negativeLabel, String positiveLabel, String sampleLabel) {
        this.methods = methods;
        this.qc = qc;
        this.zPrimeThreshold = zPrimeThreshold;
        this.polish = polish;
        this.negativeLabel = negativeLabel;
        this.positiveLabel = positiveLabel;
        this.sampleLabel = sampleLabel;
    }

    /**
     * @param methods the normalizations to compute (may be empty)
     * @return an engine computing them, without QC, Z' threshold 0.5, median polish eps 1e-5 and
     *         200 iterations, labels {@code neg}, {@code pos}, {@code sample} in messages
     */
    public static PlateEngine of(Set<NormalizationMethod> methods) {
        return new PlateEngine(copy(methods), false, 0.5, MedianPolish.withDefaults(), "neg", "pos", "sample");
    }

    /**
     * @param newMethods the normalizations to compute
     * @return a copy computing those
     */
    public PlateEngine withMethods(Set<NormalizationMethod> newMethods) {
        return new PlateEngine(copy(newMethods), qc, zPrimeThreshold, polish, negativeLabel, positiveLabel,
                sampleLabel);
    }

    /**
     * @param withQc whether to compute the median-polish effects and the edge test for QC
     * @return a copy
     */
    public PlateEngine withQc(boolean withQc) {
        return new PlateEngine(methods, withQc, zPrimeThreshold, polish, negativeLabel, positiveLabel, sampleLabel);
    }

    /**
     * @param threshold a plate passes when its Z' is at least this (finite, ≤ 1)
     * @return a copy
     * @throws PlateException (BAD_INPUT) if the threshold is not finite or above 1
     */
    public PlateEngine withZPrimeThreshold(double threshold) {
        if (!Double.isFinite(threshold) || threshold > 1) {
            throw PlateException.badInput("The Z' threshold must be a number of at most 1 (typically 0.5), got %s",
                    Double.toString(threshold));
        }
        return new PlateEngine(methods, qc, threshold, polish, negativeLabel, positiveLabel, sampleLabel);
    }

    /**
     * @param medianPolish the median polish to use for the B-score and the row/column effects
     * @return a copy
     */
    public PlateEngine withMedianPolish(MedianPolish medianPolish) {
        return new PlateEngine(methods, qc, zPrimeThreshold, Objects.requireNonNull(medianPolish), negativeLabel,
                positiveLabel, sampleLabel);
    }

    /**
     * @param negative the negative control label (only used in messages)
     * @param positive the positive control label (only used in messages)
     * @param sample the sample label (only used in messages)
     * @return a copy
     */
    public PlateEngine withLabels(String negative, String positive, String sample) {
        return new PlateEngine(methods, qc, zPrimeThreshold, polish, negative, positive, sample);
    }

    /** @return the normalizations computed */
    public Set<NormalizationMethod> methods() {
        return methods;
    }

    /** @return whether QC (median-polish effects, edge test) is computed */
    public boolean qc() {
        return qc;
    }

    /** @return the Z' pass threshold */
    public double zPrimeThreshold() {
        return zPrimeThreshold;
    }

    /**
     * Analyzes many plates in parallel.
     *
     * @param plates the plates
     * @param monitor progress and cancellation
     * @return one result per plate, in input order
     * @throws PlateException (BAD_INPUT) for the first plate, in input order, on which a requested
     *         method is undefined (missing controls, zero spread)
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public List<PlateResult> analyzeAll(List<PlateData> plates, ProgressMonitor monitor) {
        int n = plates.size();
        PlateResult[] results = new PlateResult[n];
        PlateException[] errors = new PlateException[n];
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int step = Math.max(1, n / 100);
        IntStream.range(0, n).parallel().forEach(i -> {
            if (stop.get()) {
                return;
            }
            if (monitor.isCanceled()) {
                stop.set(true);
                return;
            }
            try {
                results[i] = analyze(plates.get(i));
            } catch (PlateException e) {
                errors[i] = e;
            }
            int d = done.incrementAndGet();
            if (d % step == 0 || d == n) {
                monitor.setProgress((double) d / n, "Plate " + d + " of " + n);
            }
        });
        monitor.checkCanceled();
        for (PlateException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        return List.of(results);
    }

    /**
     * Analyzes one plate.
     *
     * @param plate the plate
     * @return its statistics, QC and normalized values
     * @throws PlateException (BAD_INPUT) if a requested method is undefined on this plate
     */
    public PlateResult analyze(PlateData plate) {
        PlateFormat format = plate.format();
        int wells = format.wells();
        double[] x = plate.valuesRef();
        WellContent[] content = plate.contentRef();
        boolean[] excluded = plate.excludedRef();
        EnumSet<PlateIssue> issues = EnumSet.noneOf(PlateIssue.class);

        // 1-2: used wells and group statistics
        boolean[] useSample = new boolean[wells];
        double[] neg = new double[wells];
        double[] pos = new double[wells];
        double[] smp = new double[wells];
        int nNeg = 0;
        int nPos = 0;
        int nSmp = 0;
        int nEmpty = 0;
        int nOther = 0;
        int nExcluded = 0;
        int nMissing = 0;
        for (int w = 0; w < wells; w++) {
            WellContent c = content[w];
            if (c == null) {
                continue;
            }
            if (excluded[w]) {
                nExcluded++;
                continue;
            }
            double v = x[w];
            if (Double.isNaN(v)) {
                nMissing++;
                continue;
            }
            switch (c) {
                case NEGATIVE:
                    neg[nNeg++] = v;
                    break;
                case POSITIVE:
                    pos[nPos++] = v;
                    break;
                case SAMPLE:
                    smp[nSmp++] = v;
                    useSample[w] = true;
                    break;
                case EMPTY:
                    nEmpty++;
                    break;
                default:
                    nOther++;
                    break;
            }
        }
        WellCounts counts = new WellCounts(nNeg, nPos, nSmp, nEmpty, nOther, nExcluded, nMissing);
        GroupStatistics negative = GroupStatistics.ofFirst(neg, nNeg);
        GroupStatistics positive = GroupStatistics.ofFirst(pos, nPos);
        GroupStatistics samples = GroupStatistics.ofFirst(smp, nSmp);
        if (nSmp == 0) {
            issues.add(PlateIssue.NO_SAMPLES);
        }

        // 3: control separation
        ControlSeparation separation = ControlSeparation.of(negative, positive);
        Boolean pass = null;
        if (Double.isNaN(separation.zPrime())) {
            if (qc) {
                issues.add(PlateIssue.Z_PRIME_UNDEFINED);
            }
        } else {
            pass = Boolean.valueOf(separation.zPrime() >= zPrimeThreshold);
        }

        checkMethods(plate, negative, positive, samples);

        // 4: median polish of the sample wells
        MedianPolish.Result mp = null;
        double[] residuals = null;
        double residualMad = Double.NaN;
        double maxRow = Double.NaN;
        double maxCol = Double.NaN;
        boolean bscore = methods.contains(NormalizationMethod.B_SCORE);
        if ((qc || bscore) && nSmp > 0) {
            double[] ys = new double[wells];
            for (int w = 0; w < wells; w++) {
                ys[w] = useSample[w] ? x[w] : Double.NaN;
            }
            mp = polish.fit(ys, format.rows(), format.columns());
            if (!mp.converged()) {
                issues.add(PlateIssue.MEDIAN_POLISH_NOT_CONVERGED);
            }
            residuals = new double[wells];
            double[] scratch = new double[nSmp];
            int k = 0;
            int cols = format.columns();
            for (int w = 0; w < wells; w++) {
                residuals[w] = mp.residualOf(w / cols, w % cols, x[w]);
                if (useSample[w]) {
                    scratch[k++] = residuals[w];
                }
            }
            residualMad = Mad.ofFirst(scratch, k, Median.ofFirst(scratch.clone(), k));
            if (residualMad > 0) { // relative to no spread is meaningless: leave NaN
                maxRow = mp.maxAbsRowEffect() / residualMad;
                maxCol = mp.maxAbsColumnEffect() / residualMad;
            }
            if (mp.hasEmptyLines()) {
                issues.add(PlateIssue.LINES_WITHOUT_SAMPLES);
            }
            if (bscore && !(residualMad > 0)) {
                throw zeroSpread(plate, NormalizationMethod.B_SCORE, "the median-polish residuals of the " + nSmp
                        + " sample wells have MAD 0 (most sample values fit the row + column model exactly)");
            }
        }

        // 5: edge test
        EdgeEffectTest.Result edge = null;
        if (qc) {
            edge = EdgeEffectTest.ofPlate(format, x, useSample);
            if (Double.isNaN(edge.pValue())) {
                issues.add(PlateIssue.EDGE_TEST_UNDEFINED);
            }
        }

        // 6: normalizations are computed on demand by PlateResult from these statistics
        return new PlateResult(plate, counts, negative, positive, samples, separation, mp, residualMad, maxRow, maxCol,
                edge, pass, methods, bscore ? residuals : null, issues);
    }

    /** Fails before any output if a requested method is undefined on this plate. */
    private void checkMethods(PlateData plate, GroupStatistics negative, GroupStatistics positive,
            GroupStatistics samples) {
        for (NormalizationMethod m : methods) {
            if (m.needsNegative() && negative.n() == 0) {
                throw missingControls(plate, m, "negative", negativeLabel);
            }
            if (m.needsPositive() && positive.n() == 0) {
                throw missingControls(plate, m, "positive", positiveLabel);
            }
            if (m == NormalizationMethod.PERCENT_OF_NEGATIVE && negative.mean() == 0) {
                throw zeroSpread(plate, m, "the mean of the negative controls is 0");
            }
            if (m == NormalizationMethod.PERCENT_OF_POSITIVE && positive.mean() == 0) {
                throw zeroSpread(plate, m, "the mean of the positive controls is 0");
            }
            if (m == NormalizationMethod.PERCENT_INHIBITION && negative.mean() == positive.mean()) {
                throw zeroSpread(plate, m, "the negative and positive controls have the same mean "
                        + num(negative.mean()));
            }
            boolean needsSamples = m == NormalizationMethod.Z_SCORE || m == NormalizationMethod.ROBUST_Z_SCORE
                    || m == NormalizationMethod.B_SCORE || m == NormalizationMethod.PLATE_MEDIAN_RATIO;
            if (needsSamples && samples.n() == 0) {
                throw PlateException.badInput("Plate %s has no usable sample wells (content '%s', not excluded, with a "
                        + "value), so %s cannot be computed. Check the content labels (--sample) and the exclusion "
                        + "column, or do not select %s.", plate.describe(), sampleLabel, m.columnName(),
                        m.columnName());
            }
            if (m == NormalizationMethod.Z_SCORE && samples.n() < 2) {
                throw zeroSpread(plate, m, "it has only 1 usable sample well, so the SD is undefined");
            }
            if (m == NormalizationMethod.Z_SCORE && !(samples.sd() > 0)) {
                throw zeroSpread(plate, m, "the " + samples.n() + " sample wells all have the value "
                        + num(samples.mean()) + " (SD 0)");
            }
            if (m == NormalizationMethod.ROBUST_Z_SCORE && !(samples.mad() > 0)) {
                throw zeroSpread(plate, m, "the " + samples.n() + " sample wells have MAD 0 (at least half of them "
                        + "have the median value " + num(samples.median()) + ")");
            }
            if (m == NormalizationMethod.PLATE_MEDIAN_RATIO && samples.median() == 0) {
                throw zeroSpread(plate, m, "the median of the sample wells is 0");
            }
        }
    }

    private PlateException missingControls(PlateData plate, NormalizationMethod m, String which, String label) {
        return PlateException.badInput("Plate %s has no usable %s control wells (content '%s', not excluded, with a "
                + "value), but %s needs them. Label the %s controls '%s' in the content column (or set the %s label "
                + "to the one your file uses), or do not select %s.", plate.describe(), which, label, m.columnName(),
                which, label, which, m.columnName());
    }

    private static PlateException zeroSpread(PlateData plate, NormalizationMethod m, String why) {
        return PlateException.badInput("Plate %s: %s, so %s is undefined (division by zero). Check the values of "
                + "this plate, exclude it, or do not select %s.", plate.describe(), why, m.columnName(),
                m.columnName());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", Double.valueOf(v));
    }

    private static Set<NormalizationMethod> copy(Set<NormalizationMethod> methods) {
        EnumSet<NormalizationMethod> s = EnumSet.noneOf(NormalizationMethod.class);
        s.addAll(methods);
        return Collections.unmodifiableSet(s);
    }
}
