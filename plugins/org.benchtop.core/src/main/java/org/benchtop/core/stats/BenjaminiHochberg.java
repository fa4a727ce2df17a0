package org.benchtop.core.stats;

import java.util.Arrays;

/**
 * Benjamini-Hochberg adjusted p-values, as R's {@code p.adjust(p, method = "BH")}:
 * {@code p_adj(i) = min over j >= i of min(1, n/j * p_(j))} for the p-values sorted ascending
 * (Benjamini &amp; Hochberg 1995, J R Stat Soc B 57:289, doi:10.1111/j.2517-6161.1995.tb02031.x).
 * The products are formed in R's order ({@code n / j} first), so the results equal R's to the bit.
 * A test at false discovery rate Q rejects the hypotheses with {@code p_adj <= Q}.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /**
     * @param p p-values in [0, 1] (not modified); NaN entries (R's NA) stay NaN and are not counted
     *        in the number of tests n
     * @return the adjusted p-values, in the input order (a new array); tied p-values share one
     *         adjusted value
     */
    public static double[] adjust(double[] p) {
        int n = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        if (n == 0) {
            return out;
        }
        double[] sorted = new double[n];
        int k = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                sorted[k++] = v;
            }
        }
        Arrays.sort(sorted);
        double[] adjusted = new double[n];
        double cummin = Double.POSITIVE_INFINITY;
        for (int r = n - 1; r >= 0; r--) {
            cummin = Math.min(cummin, (double) n / (r + 1) * sorted[r]);
            adjusted[r] = Math.min(1.0, cummin);
        }
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                // any position of a tie group carries the group's value (cummin runs from the top)
                out[i] = adjusted[Arrays.binarySearch(sorted, p[i])];
            }
        }
        return out;
    }
}
