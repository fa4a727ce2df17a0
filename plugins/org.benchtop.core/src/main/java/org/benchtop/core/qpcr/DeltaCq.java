package org.benchtop.core.qpcr;

import java.util.ArrayList;
import java.util.List;

/**
 * The ΔCq method without a reference gene ({@code pcr_dct} of the R package {@code pcr}, separate
 * tubes; Ahmed &amp; Kim 2018, PeerJ 6:e4473, doi:10.7717/peerj.4473): per group the mean Cq of
 * one gene, {@code ΔCq = mean(Cq) - mean(Cq | calibrator)}, fold change {@code 2^-ΔCq}, error
 * {@code sd(Cq)} (sample SD) and bounds {@code 2^-(ΔCq ± sd)}.
 *
 * <p>In the returned rows {@link RelativeQuantity#deltaCq()} is the group's mean Cq and
 * {@link RelativeQuantity#deltaDeltaCq()} the difference from the calibrator.
 */
public final class DeltaCq {

    private DeltaCq() {
    }

    /** @return the method (it has no settings) */
    public static DeltaCq withDefaults() {
        return new DeltaCq();
    }

    /**
     * @param target the gene
     * @param calibrator the calibrator group
     * @param rows one row per group, in order of first appearance
     * @param warnings single-value groups
     */
    public record Result(String target, String calibrator, List<RelativeQuantity> rows, List<String> warnings) {
        /** Defensive copies. */
        public Result {
            rows = List.copyOf(rows);
            warnings = List.copyOf(warnings);
        }

        /**
         * @param group a group
         * @return its row
         */
        public RelativeQuantity row(String group) {
            return rows.stream().filter(r -> r.group().equals(group)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no group " + group));
        }
    }

    /**
     * @param target the gene
     * @param groups the group of each sample
     * @param cq the Cq of each sample (NaN = missing), cycles
     * @param calibrator the calibrator group
     * @return one row per group
     * @throws QpcrException (BAD_INPUT) for an absent calibrator or a group without values
     */
    public Result compute(String target, String[] groups, double[] cq, String calibrator) {
        if (groups.length != cq.length) {
            throw QpcrException.badInput("ΔCq input for '%s': %d groups but %d Cq values", target,
                    Integer.valueOf(groups.length), Integer.valueOf(cq.length));
        }
        GroupIndex gi = new GroupIndex(groups);
        gi.requireCalibrator(calibrator, " for target '" + target + "'");
        List<String> warnings = new ArrayList<>();
        double cal = Double.NaN;
        List<double[]> vals = new ArrayList<>();
        for (String g : gi.groups()) {
            double[] v = gi.values(g, cq);
            LivakDdcq.requireSome(v, target, g);
            vals.add(v);
            if (g.equals(calibrator)) {
                cal = QMath.mean(v);
            }
        }
        List<RelativeQuantity> rows = new ArrayList<>();
        List<String> gs = gi.groups();
        for (int k = 0; k < gs.size(); k++) {
            double[] v = vals.get(k);
            double m = QMath.mean(v);
            double s = QMath.sd(v);
            if (Double.isNaN(s)) {
                warnings.add("Group '" + gs.get(k) + "', target '" + target + "' has a single value: no error");
            }
            rows.add(RelativeQuantity.fromCycles(gs.get(k), target, v.length, m, m - cal, s));
        }
        return new Result(target, calibrator, rows, warnings);
    }
}
