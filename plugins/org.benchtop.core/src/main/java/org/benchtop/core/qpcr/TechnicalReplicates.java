package org.benchtop.core.qpcr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summarises technical replicates: the mean and sample SD of the detected Cq values of every
 * sample&times;target, flags replicate sets whose SD exceeds a threshold (default 0.5 cycles), and
 * optionally excludes one outlying replicate per set.
 *
 * <p>Outlier rule (when enabled): in a set of at least 3 detected replicates whose SD exceeds the
 * threshold, the replicate farthest from the median of the set is excluded, once; the exclusion
 * is reported per well. This is the "remove the replicate that deviates most" rule of qbase+
 * (Hellemans et al. 2007, Genome Biol 8:R19, doi:10.1186/gb-2007-8-2-r19, section "Replicate
 * variability").
 *
 * <p>Non-detects (undetermined, empty, or above the cut-off) never enter the mean; each is listed
 * in the per-well status and the warnings. A set without any detected replicate has mean NaN.
 */
public final class TechnicalReplicates {

    /** The default replicate SD threshold, in cycles. */
    public static final double DEFAULT_SD_THRESHOLD = 0.5;

    private final double sdThreshold;
    private final boolean excludeOutliers;

    private TechnicalReplicates(double sdThreshold, boolean excludeOutliers) {
        if (!(sdThreshold > 0) || Double.isInfinite(sdThreshold)) {
            throw QpcrException.badInput("Replicate SD threshold %s must be a positive number of cycles "
                    + "(default 0.5)", Double.valueOf(sdThreshold));
        }
        this.sdThreshold = sdThreshold;
        this.excludeOutliers = excludeOutliers;
    }

    /** @return threshold 0.5 cycles, no outlier exclusion */
    public static TechnicalReplicates withDefaults() {
        return new TechnicalReplicates(DEFAULT_SD_THRESHOLD, false);
    }

    /**
     * @param cycles the SD (cycles) above which a replicate set is flagged; must be positive
     * @return a copy with that threshold
     */
    public TechnicalReplicates withSdThreshold(double cycles) {
        return new TechnicalReplicates(cycles, excludeOutliers);
    }

    /**
     * @param exclude whether to exclude one outlying replicate from sets with a high SD
     * @return a copy with that setting
     */
    public TechnicalReplicates withOutlierExclusion(boolean exclude) {
        return new TechnicalReplicates(sdThreshold, exclude);
    }

    /** What happened to one well. */
    public enum WellState {
        /** Its Cq was used. */
        USED,
        /** A non-detect; see the well's {@link CqStatus}. */
        NON_DETECT,
        /** Excluded as the outlier of a high-SD replicate set. */
        OUTLIER_EXCLUDED
    }

    /**
     * The per-well outcome.
     *
     * @param well the input well
     * @param state what happened to it
     * @param note a human-readable reason
     */
    public record WellStatus(Well well, WellState state, String note) {
    }

    /**
     * One sample&times;target replicate set.
     *
     * @param sample the sample
     * @param group its group (may be {@code null})
     * @param target the target gene
     * @param type the sample type
     * @param quantity the standard quantity (NaN unless a standard)
     * @param wells the number of wells
     * @param used the number of Cq values used for the mean
     * @param nonDetects the number of non-detects
     * @param meanCq the mean Cq in cycles (NaN if none used)
     * @param sdCq the sample SD in cycles (NaN if fewer than 2 used)
     * @param seCq the standard error {@code sdCq / sqrt(used)}
     * @param highSd whether {@code sdCq} exceeded the threshold (before any exclusion)
     * @param excludedWells labels of wells excluded as outliers
     */
    public record Summary(String sample, String group, String target, SampleType type, double quantity, int wells,
            int used, int nonDetects, double meanCq, double sdCq, double seCq, boolean highSd,
            List<String> excludedWells) {
    }

    /**
     * @param sdThreshold the threshold used, cycles
     * @param excludeOutliers whether outliers were excluded
     * @param summaries the replicate sets, in order of first appearance
     * @param wells the per-well status, in input order
     * @param warnings non-detects, high-SD sets, exclusions, amplified controls
     */
    public record Result(double sdThreshold, boolean excludeOutliers, List<Summary> summaries, List<WellStatus> wells,
            List<String> warnings) {
        /** Defensive copies. */
        public Result {
            summaries = List.copyOf(summaries);
            wells = List.copyOf(wells);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Summarises the replicates of every sample&times;target.
     *
     * @param wells the wells, any order
     * @return the summaries with per-well status
     * @throws QpcrException (BAD_INPUT) if a sample appears in two groups, or a replicate set mixes
     *     sample types or standard quantities
     */
    public Result summarize(List<Well> wells) {
        // sample -> target -> positions in wells, in order of first appearance
        Map<String, Map<String, List<Integer>>> sets = new LinkedHashMap<>();
        Map<String, String> groupOf = new java.util.HashMap<>();
        for (int i = 0; i < wells.size(); i++) {
            Well w = wells.get(i);
            String wg = w.group() == null ? "" : w.group();
            String g = groupOf.putIfAbsent(w.sample(), wg);
            if (g != null && !g.equals(wg)) {
                throw QpcrException.badInput("Sample '%s' is in group '%s' at %s but in group '%s' elsewhere; a "
                        + "sample belongs to one group: rename one of the samples or fix the group", w.sample(), wg,
                        w.label(), g);
            }
            sets.computeIfAbsent(w.sample(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(w.target(), k -> new ArrayList<>(4)).add(Integer.valueOf(i));
        }
        WellStatus[] status = new WellStatus[wells.size()];
        List<String> warnings = new ArrayList<>();
        List<Summary> out = new ArrayList<>();
        for (Map<String, List<Integer>> byTarget : sets.values()) {
            for (List<Integer> pos : byTarget.values()) {
                summarizeSet(wells, pos, status, warnings, out);
            }
        }
        return new Result(sdThreshold, excludeOutliers, out, java.util.Arrays.asList(status), warnings);
    }

    private void summarizeSet(List<Well> wells, List<Integer> pos, WellStatus[] status, List<String> warnings,
            List<Summary> out) {
        Well first = wells.get(pos.get(0).intValue());
        List<Integer> det = new ArrayList<>(pos.size());
        int nd = 0;
        for (Integer p : pos) {
            Well w = wells.get(p.intValue());
            if (w.type() != first.type() || Double.compare(w.quantity(), first.quantity()) != 0) {
                throw QpcrException.badInput("Replicates of sample '%s', target '%s' disagree: %s has type %s, "
                        + "quantity %s but %s has type %s, quantity %s; give each standard dilution its own "
                        + "sample name", w.sample(), w.target(), w.label(), w.type().code(),
                        Double.valueOf(w.quantity()), first.label(), first.type().code(),
                        Double.valueOf(first.quantity()));
            }
            if (w.cq().status().isNonDetect()) {
                nd++;
                String why = switch (w.cq().status()) {
                    case UNDETERMINED -> "Undetermined";
                    case EMPTY -> "empty Cq";
                    default -> "Cq " + w.cq().text() + " above the cut-off";
                };
                status[p.intValue()] = new WellStatus(w, WellState.NON_DETECT, why);
                if (!w.type().isControl()) {
                    warnings.add(String.format(Locale.ROOT, "Non-detect (%s) at %s: sample '%s', target '%s'; "
                            + "left out of the mean", why, w.label(), w.sample(), w.target()));
                }
            } else {
                det.add(p);
                if (w.type() == SampleType.NTC || w.type() == SampleType.NRT || w.type() == SampleType.NAC
                        || w.type() == SampleType.NTP) {
                    warnings.add(String.format(Locale.ROOT, "Control %s (%s) amplified at Cq %s, target '%s'",
                            w.label(), w.type().code(), w.cq().text(), w.target()));
                }
            }
        }
        double[] x = cqs(wells, det);
        double sd = QMath.sd(x);
        boolean high = sd > sdThreshold;
        List<String> excluded = List.of();
        if (high && excludeOutliers && det.size() >= 3) {
            double med = QMath.median(x);
            int worst = 0;
            for (int i = 1; i < x.length; i++) {
                if (Math.abs(x[i] - med) > Math.abs(x[worst] - med)) {
                    worst = i;
                }
            }
            int p = det.remove(worst).intValue();
            Well w = wells.get(p);
            excluded = List.of(w.label());
            status[p] = new WellStatus(w, WellState.OUTLIER_EXCLUDED, String.format(Locale.ROOT,
                    "outlier: Cq %s is %.3f cycles from the replicate median %.3f (replicate SD %.3f > %.3f)",
                    w.cq().text(), Double.valueOf(Math.abs(x[worst] - med)), Double.valueOf(med),
                    Double.valueOf(sd), Double.valueOf(sdThreshold)));
            warnings.add(String.format(Locale.ROOT, "Excluded outlier %s (Cq %s) of sample '%s', target '%s'",
                    w.label(), w.cq().text(), w.sample(), w.target()));
            x = cqs(wells, det);
        }
        if (high) {
            warnings.add(String.format(Locale.ROOT, "Replicate SD %.3f cycles of sample '%s', target '%s' exceeds "
                    + "%.3f", Double.valueOf(sd), first.sample(), first.target(), Double.valueOf(sdThreshold)));
        }
        for (Integer p : det) {
            status[p.intValue()] = new WellStatus(wells.get(p.intValue()), WellState.USED, "used");
        }
        double mean = QMath.mean(x);
        double sdUsed = QMath.sd(x);
        out.add(new Summary(first.sample(), first.group(), first.target(), first.type(), first.quantity(), pos.size(),
                x.length, nd, mean, sdUsed, sdUsed / Math.sqrt(x.length), high, excluded));
    }

    private static double[] cqs(List<Well> wells, List<Integer> pos) {
        double[] x = new double[pos.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = wells.get(pos.get(i).intValue()).cq().value();
        }
        return x;
    }
}
