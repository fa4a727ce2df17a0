package org.benchtop.core.plate;

import java.util.Arrays;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.benchtop.core.stats.Mad;
import org.benchtop.core.stats.Moments;

/**
 * Tests whether the sample wells of the outer ring of a plate (first and last row and column)
 * differ from the interior sample wells — the evaporation / temperature "edge effect".
 *
 * <ul>
 * <li><b>Wilcoxon–Mann–Whitney rank-sum test</b>, two-sided, normal approximation with tie and
 * continuity correction, exactly R's {@code wilcox.test(outer, inner, exact = FALSE, correct =
 * TRUE)}: {@code W = Σ rank(outer) − n₁(n₁+1)/2} (mid-ranks for ties),
 * {@code σ² = n₁n₂/12 · ((n₁+n₂+1) − Σ(t³−t)/((n₁+n₂)(n₁+n₂−1)))},
 * {@code z = (W − n₁n₂/2 − sign(W − n₁n₂/2)/2)/σ}, {@code p = 2·Φ(−|z|)} (Mann &amp; Whitney 1947,
 * doi:10.1214/aoms/1177730491; Hollander &amp; Wolfe 1973, Nonparametric Statistical Methods).</li>
 * <li><b>Welch's t-test</b>, two-sided, as R's {@code t.test(outer, inner)} (Welch 1947,
 * doi:10.1093/biomet/34.1-2.28).</li>
 * <li><b>Effect size</b>: {@code (median(outer) − median(inner)) / MADpooled} with
 * {@code MADpooled = √(((n₁−1)·MAD₁² + (n₂−1)·MAD₂²)/(n₁+n₂−2))}: a robust analogue of Cohen's d,
 * in units of the within-group spread, so that 1 means the ring is shifted by one (robust) SD.
 * The Hodges–Lehmann shift is not computed: it needs all n₁·n₂ pairwise differences (215,000 on a
 * 1536-well plate), too slow for screens of thousands of plates.</li>
 * </ul>
 * Statistics are NaN when a group is empty (every well of a 6-well plate is on the edge) and the
 * Welch test is NaN when a group has fewer than two wells or both variances are 0.
 */
public final class EdgeEffectTest {

    private static final double SQRT2 = Math.sqrt(2);

    private EdgeEffectTest() {
    }

    /**
     * The outcome of the edge test.
     *
     * @param nOuter number of outer-ring sample wells used
     * @param nInner number of interior sample wells used
     * @param medianOuter median of the outer wells
     * @param medianInner median of the inner wells
     * @param w Wilcoxon rank-sum statistic W of the outer wells (R's {@code statistic})
     * @param z the continuity-corrected standard normal deviate
     * @param pValue two-sided p-value of the rank-sum test
     * @param effectSize {@code (median(outer) − median(inner)) / pooled MAD}
     * @param welchT Welch's t of outer minus inner
     * @param welchDf Welch–Satterthwaite degrees of freedom
     * @param welchPValue two-sided p-value of Welch's test
     */
    public record Result(int nOuter, int nInner, double medianOuter, double medianInner, double w, double z,
            double pValue, double effectSize, double welchT, double welchDf, double welchPValue) {
    }

    /**
     * Runs the tests on the sample wells of one plate.
     *
     * @param format the plate format
     * @param values raw values, row-major by well index
     * @param use which wells to use (sample wells that are not excluded and have a value)
     * @return the test result
     */
    public static Result ofPlate(PlateFormat format, double[] values, boolean[] use) {
        double[] outer = new double[values.length];
        double[] inner = new double[values.length];
        int no = 0;
        int ni = 0;
        for (int w = 0; w < values.length; w++) {
            if (use[w]) {
                if (format.isEdge(w)) {
                    outer[no++] = values[w];
                } else {
                    inner[ni++] = values[w];
                }
            }
        }
        return test(Arrays.copyOf(outer, no), Arrays.copyOf(inner, ni));
    }

    /**
     * Runs the tests on two groups.
     *
     * @param outer the outer-ring values, without NaN (not modified)
     * @param inner the interior values, without NaN (not modified)
     * @return the test result
     */
    public static Result test(double[] outer, double[] inner) {
        int n1 = outer.length;
        int n2 = inner.length;
        double[] so = outer.clone();
        double[] si = inner.clone();
        Arrays.sort(so);
        Arrays.sort(si);
        double medOuter = sortedMedian(so);
        double medInner = sortedMedian(si);
        if (n1 == 0 || n2 == 0) {
            return new Result(n1, n2, medOuter, medInner, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        // merge the sorted groups: each run of equal values gets the mid-rank; count the ties
        double rankSum = 0;
        double ties = 0;
        int i = 0;
        int j = 0;
        long pos = 0;
        while (i < n1 || j < n2) {
            double v = j >= n2 || i < n1 && so[i] <= si[j] ? so[i] : si[j];
            int co = 0;
            while (i < n1 && so[i] == v) {
                i++;
                co++;
            }
            int ci = 0;
            while (j < n2 && si[j] == v) {
                j++;
                ci++;
            }
            double t = co + ci;
            rankSum += co * (pos + (t + 1) / 2);
            ties += t * t * t - t;
            pos += co + ci;
        }
        double nx = n1;
        double ny = n2;
        double w = rankSum - nx * (nx + 1) / 2;
        double zc = w - nx * ny / 2;
        double sigma = Math.sqrt((nx * ny / 12) * ((nx + ny + 1) - ties / ((nx + ny) * (nx + ny - 1))));
        double z = (zc - Math.signum(zc) * 0.5) / sigma;
        // 2 * min(pnorm(z), 1 - pnorm(z)) = erfc(|z| / sqrt 2)
        double p = Double.isNaN(z) ? Double.NaN : Erf.erfc(Math.abs(z) / SQRT2);

        double madOuter = Mad.ofFirst(so, n1, medOuter);
        double madInner = Mad.ofFirst(si, n2, medInner);
        double pooled = n1 + n2 > 2
                ? Math.sqrt(((n1 - 1) * madOuter * madOuter + (n2 - 1) * madInner * madInner) / (n1 + n2 - 2))
                : Double.NaN;
        double effect = (medOuter - medInner) / pooled;

        double welchT = Double.NaN;
        double welchDf = Double.NaN;
        double welchP = Double.NaN;
        if (n1 >= 2 && n2 >= 2) {
            double m1 = Moments.mean(outer, n1);
            double m2 = Moments.mean(inner, n2);
            double se1 = Moments.variance(outer, n1, m1) / n1;
            double se2 = Moments.variance(inner, n2, m2) / n2;
            double se = se1 + se2;
            if (se > 0) {
                welchT = (m1 - m2) / Math.sqrt(se);
                welchDf = se * se / (se1 * se1 / (n1 - 1) + se2 * se2 / (n2 - 1));
                welchP = Beta.regularizedBeta(welchDf / (welchDf + welchT * welchT), welchDf / 2, 0.5);
            }
        }
        return new Result(n1, n2, medOuter, medInner, w, z, p, effect, welchT, welchDf, welchP);
    }

    private static double sortedMedian(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) * 0.5;
    }
}
