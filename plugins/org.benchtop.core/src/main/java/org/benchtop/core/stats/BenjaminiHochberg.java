package org.benchtop.core.stats;

/**
 * Benjamini-Hochberg adjusted p-values, as R's {@code p.adjust(p, method = "BH")}:
 * {@code p_adj(i) = min over j >= i of min(1, n p_(j) / j)} for the p-values sorted ascending
 * (Benjamini &amp; Hochberg 1995, J R Stat Soc B 57:289, doi:10.1111/j.2517-6161.1995.tb02031.x).
 * A test at false discovery rate Q rejects the hypotheses with {@code p_adj <= Q}.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /**
     * @param p p-values in [0, 1]; NaN entries (R's NA) stay NaN and are not counted in n
     * @return the adjusted p-values, in the input order (a new array)
     */
    public static double[] adjust(double[] p) {
        int n = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        double[] out = new double[p.length];
        java.util.Arrays.fill(out, Double.NaN);
        if (n == 0) {
            return out;
        }
        Integer[] order = new Integer[n];
        int k = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[k++] = Integer.valueOf(i);
            }
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a.intValue()], p[b.intValue()]));
        double min = 1;
        for (int r = n - 1; r >= 0; r--) {
            int i = order[r].intValue();
            min = Math.min(min, p[i] * n / (r + 1));
            out[i] = min;
        }
        return out;
    }
}
