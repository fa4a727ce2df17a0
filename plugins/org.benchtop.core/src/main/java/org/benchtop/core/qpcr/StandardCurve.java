package org.benchtop.core.qpcr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A qPCR standard curve: the ordinary least-squares line {@code Cq = intercept + slope·log10(quantity)}
 * through a dilution series (as R's {@code lm(cq ~ log10(q))}), with R², standard errors of slope
 * and intercept, the amplification factor {@code E = 10^(-1/slope)} (2 for perfect doubling) and
 * the efficiency {@code (E - 1)·100 %} (Rutledge &amp; Côté 2003, Nucleic Acids Res 31:e93,
 * doi:10.1093/nar/gng093; Pfaffl 2001, Nucleic Acids Res 29:e45, doi:10.1093/nar/29.9.e45).
 * Unknowns are interpolated as {@code quantity = 10^((Cq - intercept)/slope)}.
 *
 * <p>Requires at least 3 distinct dilution levels (quantities); replicates at a level are separate
 * points of the fit, as in the R package {@code pcr} ({@code pcr_assess}).
 */
public final class StandardCurve {

    /** The minimum number of distinct dilution levels. */
    public static final int MIN_LEVELS = 3;

    private StandardCurve() {
    }

    /** @return the fitter (it has no settings) */
    public static StandardCurve withDefaults() {
        return new StandardCurve();
    }

    /**
     * A fitted standard curve.
     *
     * @param target the target gene
     * @param n the number of points (wells) fitted
     * @param levels the number of distinct quantities
     * @param slope the slope, cycles per log10 unit (about -3.32 at 100 % efficiency)
     * @param intercept the Cq at quantity 1
     * @param rSquared the coefficient of determination
     * @param seSlope the standard error of the slope
     * @param seIntercept the standard error of the intercept
     * @param amplificationFactor {@code 10^(-1/slope)}
     * @param efficiencyPercent {@code (amplificationFactor - 1)·100}
     * @param minLog10Quantity the smallest log10 quantity of the series
     * @param maxLog10Quantity the largest log10 quantity of the series
     * @param warnings e.g. efficiency outside 90-110 %, R² below 0.98
     */
    public record Result(String target, int n, int levels, double slope, double intercept, double rSquared,
            double seSlope, double seIntercept, double amplificationFactor, double efficiencyPercent,
            double minLog10Quantity, double maxLog10Quantity, List<String> warnings) {
        /** Defensive copy. */
        public Result {
            warnings = List.copyOf(warnings);
        }

        /**
         * @param cq a Cq in cycles
         * @return the interpolated log10 quantity {@code (cq - intercept)/slope}
         */
        public double log10Quantity(double cq) {
            return (cq - intercept) / slope;
        }

        /**
         * @param cq a Cq in cycles
         * @return the interpolated quantity (unit of the standards); NaN for NaN
         */
        public double quantity(double cq) {
            return Math.pow(10, log10Quantity(cq));
        }

        /**
         * @param cq a Cq
         * @return whether it falls outside the Cq range spanned by the standards (extrapolation)
         */
        public boolean extrapolates(double cq) {
            double a = intercept + slope * minLog10Quantity;
            double b = intercept + slope * maxLog10Quantity;
            return cq < Math.min(a, b) || cq > Math.max(a, b);
        }
    }

    /**
     * Fits the curve. NaN Cq values (non-detects) are left out with a warning.
     *
     * @param target the target gene (for messages)
     * @param quantity the known input quantity of each standard well (positive, any unit)
     * @param cq the Cq of each standard well, cycles
     * @return the fit
     * @throws QpcrException (BAD_INPUT) for unequal lengths, non-positive quantities or fewer
     *     than 3 distinct dilution levels with a Cq
     */
    public Result fit(String target, double[] quantity, double[] cq) {
        if (quantity.length != cq.length) {
            throw QpcrException.badInput("Standard curve of '%s': %d quantities but %d Cq values", target,
                    Integer.valueOf(quantity.length), Integer.valueOf(cq.length));
        }
        List<String> warnings = new ArrayList<>();
        int n = 0;
        double[] x = new double[cq.length];
        double[] y = new double[cq.length];
        TreeSet<Double> levels = new TreeSet<>();
        int dropped = 0;
        for (int i = 0; i < cq.length; i++) {
            if (!(quantity[i] > 0) || Double.isInfinite(quantity[i])) {
                throw QpcrException.badInput("Standard %d of target '%s' has quantity %s; standard quantities must "
                        + "be positive numbers", Integer.valueOf(i + 1), target, Double.valueOf(quantity[i]));
            }
            if (Double.isNaN(cq[i])) {
                dropped++;
                continue;
            }
            x[n] = Math.log10(quantity[i]);
            y[n] = cq[i];
            levels.add(Double.valueOf(quantity[i]));
            n++;
        }
        if (dropped > 0) {
            warnings.add(String.format(Locale.ROOT, "Standard curve of '%s': %d standard well(s) without a Cq "
                    + "(non-detects) left out", target, Integer.valueOf(dropped)));
        }
        if (levels.size() < MIN_LEVELS) {
            throw QpcrException.badInput("Standard curve of target '%s' has %d dilution level(s) with a Cq (%s); at "
                    + "least %d are needed: add standards at further dilutions", target,
                    Integer.valueOf(levels.size()), levels.toString(), Integer.valueOf(MIN_LEVELS));
        }
        x = java.util.Arrays.copyOf(x, n);
        y = java.util.Arrays.copyOf(y, n);
        double mx = QMath.mean(x);
        double my = QMath.mean(y);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        double slope = sxy / sxx;
        double icpt = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - icpt - slope * x[i];
            rss += r * r;
        }
        double r2 = syy > 0 ? 1 - rss / syy : Double.NaN;
        double s2 = n > 2 ? rss / (n - 2) : Double.NaN;
        double seSlope = Math.sqrt(s2 / sxx);
        double seIcpt = Math.sqrt(s2 * (1.0 / n + mx * mx / sxx));
        double amp = Math.pow(10, -1 / slope);
        double eff = (amp - 1) * 100;
        if (!(slope < 0)) {
            warnings.add(String.format(Locale.ROOT, "Standard curve of '%s' has a non-negative slope %.4f: Cq should "
                    + "fall as quantity rises; check the quantities", target, Double.valueOf(slope)));
        } else if (eff < 90 || eff > 110) {
            warnings.add(String.format(Locale.ROOT, "Efficiency of '%s' is %.1f %%, outside 90-110 %%", target,
                    Double.valueOf(eff)));
        }
        if (r2 < 0.98) {
            warnings.add(String.format(Locale.ROOT, "Standard curve of '%s' has R² %.4f < 0.98", target,
                    Double.valueOf(r2)));
        }
        return new Result(target, n, levels.size(), slope, icpt, r2, seSlope, seIcpt, amp, eff,
                Math.log10(levels.first().doubleValue()), Math.log10(levels.last().doubleValue()), warnings);
    }
}
