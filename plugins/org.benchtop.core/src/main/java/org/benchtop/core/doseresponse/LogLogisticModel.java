package org.benchtop.core.doseresponse;

import java.util.Locale;

/**
 * The log-logistic models of drc (Ritz et al. 2015, PLoS ONE 10:e0146021,
 * doi:10.1371/journal.pone.0146021):
 * <pre>
 *   LL.5: y = c + (d - c) / (1 + exp(b (ln x - ln e)))^f
 *   LL.4: f = 1            (GraphPad Prism "variable slope" 4PL: Top = d, Bottom = c,
 *                           LogIC50 = log10 e, HillSlope = -b)
 *   LL.3: f = 1, c = 0
 *   LL.2: f = 1, c = 0, d = 1
 * </pre>
 * A dose x = 0 is allowed (a control): the term exp(b (ln x - ln e)) is 0 for b &gt; 0, so
 * y(0) = d; for b &lt; 0 it is infinite and y(0) = c.
 */
public enum LogLogisticModel {
    /** Two parameters (b, e); c = 0 and d = 1. */
    LL2("LL.2", new double[] {Double.NaN, 0, 1, Double.NaN, 1}),
    /** Three parameters (b, d, e); c = 0. */
    LL3("LL.3", new double[] {Double.NaN, 0, Double.NaN, Double.NaN, 1}),
    /** Four parameters (b, c, d, e). */
    LL4("LL.4", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1}),
    /** Five parameters (b, c, d, e, f). */
    LL5("LL.5", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});

    private final String label;
    private final double[] fixed;

    LogLogisticModel(String label, double[] fixed) {
        this.label = label;
        this.fixed = fixed;
    }

    /** @return drc's name, e.g. {@code LL.4} */
    public String label() {
        return label;
    }

    /**
     * @return the values the model itself fixes, in the order {b, c, d, e, f}; NaN for a
     *         parameter the model estimates (a copy)
     */
    public double[] fixedValues() {
        return fixed.clone();
    }

    /**
     * Parses a model name: {@code LL.4}, {@code LL4}, {@code ll.4}, {@code 4PL} (and likewise for 2 to 5).
     *
     * @param name the name
     * @return the model
     * @throws DoseResponseException (BAD_INPUT) for an unknown name
     */
    public static LogLogisticModel parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace(".", "");
        switch (n) {
            case "LL2", "2PL":
                return LL2;
            case "LL3", "3PL":
                return LL3;
            case "LL4", "4PL":
                return LL4;
            case "LL5", "5PL":
                return LL5;
            default:
                throw DoseResponseException.badInput("Unknown dose-response model '%s': use LL.2, LL.3, LL.4 or LL.5",
                        name);
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
