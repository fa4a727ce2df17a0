package org.benchtop.core.plate;

/**
 * How well the negative and positive controls separate, from their locations {@code μ} and spreads
 * {@code σ} (mean and SD, or, for the robust variants, median and MAD):
 * <ul>
 * <li>Z' factor {@code 1 − 3(σn + σp) / |μn − μp|} (Zhang, Chung &amp; Oldenburg 1999, J Biomol
 * Screen 4:67, doi:10.1177/108705719900400206); robust Z' with median and MAD;</li>
 * <li>SSMD {@code (μn − μp) / √(σn² + σp²)} (Zhang 2007, Genomics 89:552,
 * doi:10.1016/j.ygeno.2006.12.014); robust SSMD with median and MAD; positive when the negative
 * control signal is above the positive control's, as in an inhibition or viability assay;</li>
 * <li>signal-to-background {@code μn / μp} (on the mean/SD or median/MAD scale).</li>
 * </ul>
 * Z' and SSMD (plain and robust) are NaN when either control group has fewer than two wells (a
 * single well has no spread; R's {@code mad} would give 0 and a meaningless robust Z' of 1).
 *
 * @param zPrime the Z' factor (mean/SD)
 * @param ssmd the SSMD (mean/SD)
 * @param signalToBackground {@code mean(neg) / mean(pos)}
 * @param robustZPrime the Z' factor with median and MAD
 * @param robustSsmd the SSMD with median and MAD
 * @param robustSignalToBackground {@code median(neg) / median(pos)}
 */
public record ControlSeparation(double zPrime, double ssmd, double signalToBackground, double robustZPrime,
        double robustSsmd, double robustSignalToBackground) {

    /**
     * @param neg the negative control statistics
     * @param pos the positive control statistics
     * @return the separation measures
     */
    public static ControlSeparation of(GroupStatistics neg, GroupStatistics pos) {
        if (neg.n() < 2 || pos.n() < 2) {
            return new ControlSeparation(Double.NaN, Double.NaN, neg.mean() / pos.mean(), Double.NaN, Double.NaN,
                    neg.median() / pos.median());
        }
        return new ControlSeparation(zPrime(neg.mean(), neg.sd(), pos.mean(), pos.sd()),
                ssmd(neg.mean(), neg.sd(), pos.mean(), pos.sd()), neg.mean() / pos.mean(),
                zPrime(neg.median(), neg.mad(), pos.median(), pos.mad()),
                ssmd(neg.median(), neg.mad(), pos.median(), pos.mad()), neg.median() / pos.median());
    }

    /**
     * @param locNeg location of the negative controls
     * @param spreadNeg spread of the negative controls
     * @param locPos location of the positive controls
     * @param spreadPos spread of the positive controls
     * @return {@code 1 − 3(σn + σp) / |μn − μp|}
     */
    public static double zPrime(double locNeg, double spreadNeg, double locPos, double spreadPos) {
        return 1 - 3 * (spreadNeg + spreadPos) / Math.abs(locNeg - locPos);
    }

    /**
     * @param locNeg location of the negative controls
     * @param spreadNeg spread of the negative controls
     * @param locPos location of the positive controls
     * @param spreadPos spread of the positive controls
     * @return {@code (μn − μp) / √(σn² + σp²)}
     */
    public static double ssmd(double locNeg, double spreadNeg, double locPos, double spreadPos) {
        return (locNeg - locPos) / Math.sqrt(spreadNeg * spreadNeg + spreadPos * spreadPos);
    }
}
