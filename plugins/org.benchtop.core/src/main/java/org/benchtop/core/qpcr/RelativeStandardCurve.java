package org.benchtop.core.qpcr;

import java.util.ArrayList;
import java.util.List;

/**
 * Relative quantification with standard curves ({@code pcr_curve} of the R package {@code pcr};
 * Ahmed &amp; Kim 2018, PeerJ 6:e4473, doi:10.7717/peerj.4473; ABI User Bulletin #2): each Cq is
 * turned into an input amount with its gene's standard curve,
 * {@code a = 10^((Cq - intercept)/slope)}, then
 * <ul>
 * <li>separate tubes: {@code normalized = mean(a_target)/mean(a_ref)} per group,
 * {@code cv = sqrt(cv_target² + cv_ref²)} with {@code cv = sd/mean};
 * <li>same tube: {@code r_i = a_target,i / a_ref,i}, {@code normalized = mean(r)}, {@code cv = sd(r)/mean(r)}.
 * </ul>
 * {@code calibrated = normalized / normalized(calibrator)}, {@code error = cv·normalized} and, as pcr
 * reports them, {@code lower = calibrated - cv}, {@code upper = calibrated + cv}.
 */
public final class RelativeStandardCurve {

    private final LivakDdcq.Mode mode;

    private RelativeStandardCurve(LivakDdcq.Mode mode) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
    }

    /**
     * @param mode separate tubes or same tube
     * @return the method
     */
    public static RelativeStandardCurve of(LivakDdcq.Mode mode) {
        return new RelativeStandardCurve(mode);
    }

    /**
     * One group.
     *
     * @param group the group
     * @param normalized target amount / reference amount
     * @param calibrated normalized / normalized of the calibrator
     * @param error {@code cv·normalized}
     * @param lower {@code calibrated - cv}
     * @param upper {@code calibrated + cv}
     */
    public record Row(String group, double normalized, double calibrated, double error, double lower, double upper) {
    }

    /**
     * @param mode the variant
     * @param rows one per group, in order of first appearance
     */
    public record Result(LivakDdcq.Mode mode, List<Row> rows) {
        /** Defensive copy. */
        public Result {
            rows = List.copyOf(rows);
        }

        /**
         * @param group a group
         * @return its row
         */
        public Row row(String group) {
            return rows.stream().filter(r -> r.group().equals(group)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no group " + group));
        }
    }

    /**
     * @param target the target gene
     * @param groups the group of each sample
     * @param targetCq the target Cq per sample
     * @param refCq the reference Cq per sample
     * @param targetCurve the target's standard curve
     * @param refCurve the reference's standard curve
     * @param calibrator the calibrator group
     * @return one row per group
     * @throws QpcrException (BAD_INPUT) for an absent calibrator or empty group
     */
    public Result compute(String target, String[] groups, double[] targetCq, double[] refCq,
            StandardCurve.Result targetCurve, StandardCurve.Result refCurve, String calibrator) {
        GroupIndex gi = new GroupIndex(groups);
        gi.requireCalibrator(calibrator, " for target '" + target + "'");
        double[] at = new double[targetCq.length];
        double[] ar = new double[refCq.length];
        double[] r = new double[targetCq.length];
        for (int i = 0; i < at.length; i++) {
            at[i] = targetCurve.quantity(targetCq[i]);
            ar[i] = refCurve.quantity(refCq[i]);
            r[i] = at[i] / ar[i];
        }
        List<String> gs = gi.groups();
        double[] norm = new double[gs.size()];
        double[] cv = new double[gs.size()];
        for (int k = 0; k < gs.size(); k++) {
            String g = gs.get(k);
            if (mode == LivakDdcq.Mode.SEPARATE_TUBES) {
                double[] t = gi.values(g, at);
                double[] f = gi.values(g, ar);
                LivakDdcq.requireSome(t, target, g);
                LivakDdcq.requireSome(f, refCurve.target(), g);
                norm[k] = QMath.mean(t) / QMath.mean(f);
                double ct = QMath.sd(t) / QMath.mean(t);
                double cr = QMath.sd(f) / QMath.mean(f);
                cv[k] = Math.sqrt(ct * ct + cr * cr);
            } else {
                double[] v = gi.values(g, r);
                LivakDdcq.requireSome(v, target, g);
                norm[k] = QMath.mean(v);
                cv[k] = QMath.sd(v) / QMath.mean(v);
            }
        }
        double cal = norm[gs.indexOf(calibrator)];
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < gs.size(); k++) {
            double c = norm[k] / cal;
            rows.add(new Row(gs.get(k), norm[k], c, cv[k] * norm[k], c - cv[k], c + cv[k]));
        }
        return new Result(mode, rows);
    }
}
