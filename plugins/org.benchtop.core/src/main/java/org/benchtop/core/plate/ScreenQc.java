package org.benchtop.core.plate;

import java.util.List;

/**
 * Screen-level control QC: the negative and positive control wells of many plates pooled (for
 * example all plates of one replicate, when each plate has too few controls for a per-plate Z'),
 * summarised as in {@code expected_screen_qc.csv} of the KcViab reference: location and spread of
 * each control (mean/SD or median/MAD), Z' factor, SSMD, signal-to-background and CV%. Formulas in
 * {@link ControlSeparation}: Zhang et al. 1999, doi:10.1177/108705719900400206; Zhang 2007,
 * doi:10.1016/j.ygeno.2006.12.014.
 */
public final class ScreenQc {

    private ScreenQc() {
    }

    /** Which location and spread the QC uses. */
    public enum Statistics {
        /** Mean and SD (n − 1). */
        MEAN_SD("mean/SD"),
        /** Median and MAD (× 1.4826). */
        MEDIAN_MAD("median/MAD");

        private final String label;

        Statistics(String label) {
            this.label = label;
        }

        /** @return {@code mean/SD} or {@code median/MAD}, as in the reference file */
        public String label() {
            return label;
        }
    }

    /**
     * Pooled control QC.
     *
     * @param statistics mean/SD or median/MAD
     * @param nNeg the number of negative control values used
     * @param nPos the number of positive control values used
     * @param locationNeg mean or median of the negative controls
     * @param locationPos mean or median of the positive controls
     * @param spreadNeg SD or MAD of the negative controls
     * @param spreadPos SD or MAD of the positive controls
     * @param zPrime {@code 1 − 3(σn + σp)/|μn − μp|}
     * @param ssmd {@code (μn − μp)/√(σn² + σp²)}
     * @param signalToBackground {@code μn / μp}
     * @param cvNegPercent {@code 100 σn / μn}
     * @param cvPosPercent {@code 100 σp / μp}
     */
    public record Result(Statistics statistics, int nNeg, int nPos, double locationNeg, double locationPos,
            double spreadNeg, double spreadPos, double zPrime, double ssmd, double signalToBackground,
            double cvNegPercent, double cvPosPercent) {
    }

    /**
     * @param neg the pooled negative control values (NaN values are left out)
     * @param pos the pooled positive control values (NaN values are left out)
     * @param statistics mean/SD or median/MAD
     * @return the QC; Z' and SSMD are NaN unless both groups have at least two values
     */
    public static Result of(double[] neg, double[] pos, Statistics statistics) {
        GroupStatistics n = statsOfNonNaN(neg);
        GroupStatistics p = statsOfNonNaN(pos);
        boolean robust = statistics == Statistics.MEDIAN_MAD;
        double ln = robust ? n.median() : n.mean();
        double lp = robust ? p.median() : p.mean();
        double sn = robust ? n.mad() : n.sd();
        double sp = robust ? p.mad() : p.sd();
        boolean spread = n.n() >= 2 && p.n() >= 2; // as ControlSeparation: one well has no spread
        return new Result(statistics, n.n(), p.n(), ln, lp, sn, sp,
                spread ? ControlSeparation.zPrime(ln, sn, lp, sp) : Double.NaN,
                spread ? ControlSeparation.ssmd(ln, sn, lp, sp) : Double.NaN, ln / lp, 100 * sn / ln, 100 * sp / lp);
    }

    /**
     * @param neg the pooled negative control values
     * @param pos the pooled positive control values
     * @return the mean/SD and the median/MAD QC, in that order
     */
    public static List<Result> both(double[] neg, double[] pos) {
        return List.of(of(neg, pos, Statistics.MEAN_SD), of(neg, pos, Statistics.MEDIAN_MAD));
    }

    private static GroupStatistics statsOfNonNaN(double[] v) {
        double[] s = new double[v.length];
        int n = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                s[n++] = d;
            }
        }
        return GroupStatistics.ofFirst(s, n);
    }
}
