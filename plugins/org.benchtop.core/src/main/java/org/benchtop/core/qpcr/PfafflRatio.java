package org.benchtop.core.qpcr;

import java.util.ArrayList;
import java.util.List;

/**
 * Pfaffl's efficiency-corrected expression ratio (Pfaffl 2001, Nucleic Acids Res 29:e45,
 * doi:10.1093/nar/29.9.e45):
 * <pre>
 *   ratio = E_target^(ΔCq_target) / E_ref^(ΔCq_ref),   ΔCq_gene = mean Cq(calibrator) - mean Cq(sample group)
 * </pre>
 * with amplification factors E (2 = 100 % efficiency) from standard curves
 * ({@link StandardCurve.Result#amplificationFactor()}) or given by the user. With several
 * reference genes the denominator is the geometric mean of their efficiency-corrected ratios
 * (Vandesompele et al. 2002, Genome Biol 3:research0034).
 *
 * <p>Error (reported on the log2 scale, "cycles at 100 % efficiency"): the separate-tubes
 * propagation of {@link LivakDdcq}, each SD weighted by {@code log2 E}:
 * {@code error = sqrt((log2 E_t·sd_t)² + Σ_r (log2 E_r·sd_r / k)²)} over the k references, so that
 * with E = 2 and one reference the method equals Livak's separate-tubes ΔΔCq exactly. Bounds
 * {@code ratio·2^(∓error)}.
 */
public final class PfafflRatio {

    private PfafflRatio() {
    }

    /** @return the method (it has no settings) */
    public static PfafflRatio withDefaults() {
        return new PfafflRatio();
    }

    /**
     * The ratio of one group against the calibrator, for one target.
     *
     * @param group the group
     * @param target the target
     * @param efficiencyTarget E of the target
     * @param efficiencyRefs E of each reference
     * @param deltaCqTarget mean Cq(calibrator) - mean Cq(group) of the target, cycles
     * @param deltaCqRefs the same for each reference
     * @param ratio the efficiency-corrected ratio
     * @param row the common output row
     */
    public record GroupRatio(String group, String target, double efficiencyTarget, double[] efficiencyRefs,
            double deltaCqTarget, double[] deltaCqRefs, double ratio, RelativeQuantity row) {
    }

    /**
     * @param target the target
     * @param references the reference genes
     * @param calibrator the calibrator group
     * @param groups one ratio per group (the calibrator's is 1)
     * @param warnings single-value groups
     */
    public record Result(String target, List<String> references, String calibrator, List<GroupRatio> groups,
            List<String> warnings) {
        /** Defensive copies. */
        public Result {
            references = List.copyOf(references);
            groups = List.copyOf(groups);
            warnings = List.copyOf(warnings);
        }

        /** @return the common output rows */
        public List<RelativeQuantity> rows() {
            return groups.stream().map(GroupRatio::row).toList();
        }

        /**
         * @param group a group
         * @return its ratio
         */
        public GroupRatio group(String group) {
            return groups.stream().filter(r -> r.group().equals(group)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no group " + group));
        }
    }

    /**
     * Computes the ratio of every group against the calibrator. Arrays are per sample (or per well
     * for separate tubes); NaN Cq values are left out.
     *
     * @param target the target gene
     * @param efficiencyTarget E of the target (amplification factor, 1 &lt; E &le; 2.5)
     * @param groupsTarget the group of each target Cq
     * @param cqTarget the target Cq values, cycles
     * @param references the reference gene names
     * @param efficiencyRefs E of each reference
     * @param groupsRefs per reference, the group of each Cq
     * @param cqRefs per reference, the Cq values
     * @param calibrator the calibrator group
     * @return the ratios
     * @throws QpcrException (BAD_INPUT) for an efficiency outside (1, 2.5], an absent calibrator or a
     *     group without values
     */
    public Result compute(String target, double efficiencyTarget, String[] groupsTarget, double[] cqTarget,
            List<String> references, double[] efficiencyRefs, String[][] groupsRefs, double[][] cqRefs,
            String calibrator) {
        checkE(target, efficiencyTarget);
        int k = references.size();
        if (efficiencyRefs.length != k || groupsRefs.length != k || cqRefs.length != k || k == 0) {
            throw QpcrException.badInput("Pfaffl ratio of '%s': give at least one reference gene with an efficiency "
                    + "and Cq values for each", target);
        }
        for (int r = 0; r < k; r++) {
            checkE(references.get(r), efficiencyRefs[r]);
        }
        GroupIndex gt = new GroupIndex(groupsTarget);
        gt.requireCalibrator(calibrator, " for target '" + target + "'");
        GroupIndex[] gr = new GroupIndex[k];
        for (int r = 0; r < k; r++) {
            gr[r] = new GroupIndex(groupsRefs[r]);
            gr[r].requireCalibrator(calibrator, " for reference gene '" + references.get(r) + "'");
        }
        List<String> warnings = new ArrayList<>();
        double[] calT = gt.values(calibrator, cqTarget);
        LivakDdcq.requireSome(calT, target, calibrator);
        double mCalT = QMath.mean(calT);
        double[] mCalR = new double[k];
        for (int r = 0; r < k; r++) {
            double[] v = gr[r].values(calibrator, cqRefs[r]);
            LivakDdcq.requireSome(v, references.get(r), calibrator);
            mCalR[r] = QMath.mean(v);
        }
        double lt = Math.log(efficiencyTarget) / Math.log(2);
        List<GroupRatio> out = new ArrayList<>();
        for (String g : gt.groups()) {
            double[] t = gt.values(g, cqTarget);
            LivakDdcq.requireSome(t, target, g);
            double dT = mCalT - QMath.mean(t);
            double sT = QMath.sd(t);
            double var = (lt * sT) * (lt * sT);
            double[] dR = new double[k];
            double logRef = 0;
            double refMeanCq = 0;
            int n = t.length;
            for (int r = 0; r < k; r++) {
                if (!gr[r].has(g)) {
                    throw QpcrException.badInput("Reference gene '%s' has no Cq in group '%s' (needed for target "
                            + "'%s'); measure it in that group or choose another reference", references.get(r), g,
                            target);
                }
                double[] v = gr[r].values(g, cqRefs[r]);
                LivakDdcq.requireSome(v, references.get(r), g);
                dR[r] = mCalR[r] - QMath.mean(v);
                refMeanCq += QMath.mean(v) / k;
                double lr = Math.log(efficiencyRefs[r]) / Math.log(2);
                logRef += lr * dR[r] / k;
                double s = QMath.sd(v);
                var += (lr * s / k) * (lr * s / k);
                n = Math.min(n, v.length);
            }
            double log2Ratio = lt * dT - logRef;
            double ratio = Math.pow(2, log2Ratio);
            double err = Math.sqrt(var);
            if (Double.isNaN(err)) {
                warnings.add("Group '" + g + "', target '" + target + "' has a single value: no error");
            }
            RelativeQuantity row = new RelativeQuantity(g, target, n, QMath.mean(t) - refMeanCq, -log2Ratio, err,
                    ratio, ratio * Math.pow(2, -err), ratio * Math.pow(2, err));
            out.add(new GroupRatio(g, target, efficiencyTarget, efficiencyRefs.clone(), dT, dR, ratio, row));
        }
        return new Result(target, references, calibrator, out, warnings);
    }

    static void checkE(String gene, double e) {
        if (!(e > 1 && e <= 2.5)) {
            throw QpcrException.badInput("Amplification factor %s of '%s' is out of range; give E between 1 and 2.5 "
                    + "(2 = 100 %% efficiency; E = 1 + efficiency%%/100)", Double.valueOf(e), gene);
        }
    }
}
