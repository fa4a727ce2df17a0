package org.benchtop.core.qpcr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Livak's comparative 2<sup>-ΔΔCq</sup> method (Livak &amp; Schmittgen 2001, Methods 25:402,
 * doi:10.1006/meth.2001.1262; ABI User Bulletin #2), in the two variants of the R package
 * {@code pcr} ({@code pcr_ddct}, Ahmed &amp; Kim 2018, PeerJ 6:e4473, doi:10.7717/peerj.4473).
 *
 * <ul>
 * <li><b>Separate tubes</b> (target and reference amplified in different wells): per group
 * {@code ΔCq = mean(Cq_target) - mean(Cq_ref)}, {@code error = sqrt(sd(Cq_target)² + sd(Cq_ref)²)}.
 * <li><b>Same tube</b> (target and reference paired per sample, e.g. multiplexed): per sample
 * {@code ΔCq_i = Cq_target,i - Cq_ref,i}; per group {@code ΔCq = mean(ΔCq_i)}, {@code error = sd(ΔCq_i)}.
 * </ul>
 * Then {@code ΔΔCq = ΔCq - ΔCq(calibrator)}, relative expression {@code 2^-ΔΔCq}, bounds
 * {@code 2^-(ΔΔCq + error)} and {@code 2^-(ΔΔCq - error)}. SDs are sample SDs (n - 1).
 *
 * <p>With several reference genes, pass per sample the arithmetic mean of their Cq values (the
 * log of the geometric mean of their quantities). Groups are reported in order of first appearance.
 */
public final class LivakDdcq {

    /** How target and reference were amplified. */
    public enum Mode {
        /** Different wells: average per group, then propagate the SDs. */
        SEPARATE_TUBES,
        /** Same well/sample: ΔCq per sample, then average. */
        SAME_TUBE
    }

    private final Mode mode;

    private LivakDdcq(Mode mode) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
    }

    /** @return the separate-tubes variant (pcr's default) */
    public static LivakDdcq withDefaults() {
        return new LivakDdcq(Mode.SEPARATE_TUBES);
    }

    /**
     * @param mode the variant
     * @return the method
     */
    public static LivakDdcq of(Mode mode) {
        return new LivakDdcq(mode);
    }

    /**
     * @param m the variant
     * @return a copy with that variant
     */
    public LivakDdcq withMode(Mode m) {
        return new LivakDdcq(m);
    }

    /** @return the variant */
    public Mode mode() {
        return mode;
    }

    /**
     * @param mode the variant used
     * @param target the target gene
     * @param reference the reference gene label
     * @param calibrator the calibrator group
     * @param rows one row per group
     * @param warnings groups with too few values, dropped unpaired samples
     */
    public record Result(Mode mode, String target, String reference, String calibrator, List<RelativeQuantity> rows,
            List<String> warnings) {
        /** Defensive copies. */
        public Result {
            rows = List.copyOf(rows);
            warnings = List.copyOf(warnings);
        }

        /**
         * @param group a group
         * @return its row
         * @throws IllegalArgumentException if absent
         */
        public RelativeQuantity row(String group) {
            return rows.stream().filter(r -> r.group().equals(group)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no group " + group));
        }
    }

    /**
     * Computes ΔΔCq for one target. Arrays are parallel: position i is one sample (pcr's layout:
     * one row per sample, one column per gene). NaN marks a missing/non-detected Cq: in separate
     * tubes it is left out of that gene's mean, in same tube the sample is left out.
     *
     * @param target the target gene name (for the result and messages)
     * @param reference the reference gene name(s)
     * @param groups the group of each sample
     * @param targetCq the target Cq of each sample, cycles
     * @param refCq the reference Cq of each sample, cycles
     * @param calibrator the group whose ΔCq is subtracted
     * @return one row per group
     * @throws QpcrException (BAD_INPUT) for unequal lengths, an absent calibrator, or a group
     *     without any usable value
     */
    public Result compute(String target, String reference, String[] groups, double[] targetCq, double[] refCq,
            String calibrator) {
        if (groups.length != targetCq.length || groups.length != refCq.length) {
            throw QpcrException.badInput("ΔΔCq input for target '%s': %d groups, %d target Cq, %d reference Cq; "
                    + "give one of each per sample", target, Integer.valueOf(groups.length),
                    Integer.valueOf(targetCq.length), Integer.valueOf(refCq.length));
        }
        GroupIndex gi = new GroupIndex(groups);
        gi.requireCalibrator(calibrator, " for target '" + target + "'");
        List<String> warnings = new ArrayList<>();
        List<String> gs = gi.groups();
        double[] dct = new double[gs.size()];
        double[] err = new double[gs.size()];
        int[] n = new int[gs.size()];
        double[] paired = new double[groups.length];
        for (int i = 0; i < paired.length; i++) {
            paired[i] = targetCq[i] - refCq[i];
        }
        for (int k = 0; k < gs.size(); k++) {
            String g = gs.get(k);
            if (mode == Mode.SEPARATE_TUBES) {
                double[] t = gi.values(g, targetCq);
                double[] r = gi.values(g, refCq);
                requireSome(t, target, g);
                requireSome(r, reference, g);
                dct[k] = QMath.mean(t) - QMath.mean(r);
                double st = QMath.sd(t);
                double sr = QMath.sd(r);
                err[k] = Math.sqrt(st * st + sr * sr);
                n[k] = Math.min(t.length, r.length);
            } else {
                double[] d = gi.values(g, paired);
                int all = gi.values(g, new double[groups.length]).length;
                if (d.length < all) {
                    warnings.add(String.format(Locale.ROOT, "Group '%s', target '%s': %d of %d samples lack a target "
                            + "or reference Cq and were left out of the same-tube ΔCq", g, target,
                            Integer.valueOf(all - d.length), Integer.valueOf(all)));
                }
                requireSome(d, target + " - " + reference, g);
                dct[k] = QMath.mean(d);
                err[k] = QMath.sd(d);
                n[k] = d.length;
            }
            if (Double.isNaN(err[k])) {
                warnings.add(String.format(Locale.ROOT, "Group '%s', target '%s' has a single value: no error and no "
                        + "bounds", g, target));
            }
        }
        double cal = dct[gs.indexOf(calibrator)];
        List<RelativeQuantity> rows = new ArrayList<>();
        for (int k = 0; k < gs.size(); k++) {
            rows.add(RelativeQuantity.fromCycles(gs.get(k), target, n[k], dct[k], dct[k] - cal, err[k]));
        }
        return new Result(mode, target, reference, calibrator, rows, warnings);
    }

    static void requireSome(double[] v, String gene, String group) {
        if (v.length == 0) {
            throw QpcrException.badInput("No usable Cq for '%s' in group '%s' (all missing or non-detects); "
                    + "remove the group or re-run the reactions", gene, group);
        }
    }
}
