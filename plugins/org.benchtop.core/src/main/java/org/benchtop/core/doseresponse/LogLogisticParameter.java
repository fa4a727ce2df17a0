package org.benchtop.core.doseresponse;

import java.util.Locale;

/**
 * The five parameters of the log-logistic dose-response model in drc's parameterisation
 * {@code y = c + (d - c) / (1 + exp(b (ln x - ln e)))^f} (Ritz et al. 2015, PLoS ONE 10:e0146021,
 * doi:10.1371/journal.pone.0146021). The {@link #ordinal()} is the slot used in parameter arrays
 * {@code {b, c, d, e, f}} throughout this package.
 */
public enum LogLogisticParameter {
    /** b: the slope; positive for a falling curve as in drc (GraphPad Prism's HillSlope is -b). */
    HILL_SLOPE("hill_slope", "b"),
    /** c: the lower asymptote, the response at infinite dose for b &gt; 0 (Prism's Bottom). */
    BOTTOM("bottom", "c"),
    /** d: the upper asymptote, the response at dose 0 for b &gt; 0 (Prism's Top). */
    TOP("top", "d"),
    /** e: the inflection point (EC50/IC50 for f = 1), in dose units; Prism's LogIC50 = log10(e). */
    EC50("ec50", "e"),
    /** f: the asymmetry of the five-parameter model (1 for the symmetric LL.2 to LL.4). */
    ASYMMETRY("asymmetry", "f");

    private final String columnName;
    private final String letter;

    LogLogisticParameter(String columnName, String letter) {
        this.columnName = columnName;
        this.letter = letter;
    }

    /** @return the output column name, e.g. {@code hill_slope} */
    public String columnName() {
        return columnName;
    }

    /** @return drc's one-letter name, e.g. {@code b} */
    public String letter() {
        return letter;
    }

    /**
     * Parses a parameter name: drc's letter ({@code b, c, d, e, f}), the output column name
     * ({@code hill_slope, bottom, top, ec50, asymmetry}) or Prism's names ({@code HillSlope, Bottom,
     * Top, IC50, EC50}), case-insensitively. Prism's HillSlope is -b: this method only names the
     * parameter, it converts no value.
     *
     * @param name the name
     * @return the parameter
     * @throws DoseResponseException (BAD_INPUT) for an unknown name
     */
    public static LogLogisticParameter parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (LogLogisticParameter p : values()) {
            if (p.letter.equals(n) || p.columnName.equals(n)) {
                return p;
            }
        }
        switch (n) {
            case "hillslope", "slope":
                return HILL_SLOPE;
            case "ic50":
                return EC50;
            default:
                throw DoseResponseException.badInput(
                        "Unknown dose-response parameter '%s': use b, c, d, e or f (or hill_slope, bottom, top, ec50, asymmetry)",
                        name);
        }
    }
}
