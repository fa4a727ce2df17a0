package org.benchtop.core.qpcr;

import java.util.Locale;

/**
 * A parsed quantification cycle: its value (NaN for a non-detect) and its {@link CqStatus}.
 *
 * @param value the Cq in cycles; NaN when {@code status} is a non-detect
 * @param status whether it is detected, and if not, why
 * @param text the original text, for messages ("" when empty)
 */
public record Cq(double value, CqStatus status, String text) {

    /** The default non-detect cut-off: Cq values above 40 cycles are non-detects. */
    public static final double DEFAULT_CUTOFF = 40.0;

    /**
     * Parses a Cq cell. Empty or {@code null} gives {@link CqStatus#EMPTY}; "Undetermined",
     * "N/A", "NA", "No Ct", "NaN", "-" give {@link CqStatus#UNDETERMINED}; a number above
     * {@code cutoff} gives {@link CqStatus#ABOVE_CUTOFF} (the number is kept in {@code text},
     * the value is NaN).
     *
     * @param text the cell text
     * @param cutoff the non-detect cut-off in cycles (Cq &gt; cutoff is a non-detect)
     * @param where where the cell came from, for the error message (e.g. "row 12, well B3")
     * @return the parsed Cq
     * @throws QpcrException (BAD_INPUT) for text that is neither a number nor a non-detect word,
     *     or a negative Cq
     */
    public static Cq parse(String text, double cutoff, String where) {
        if (text == null || text.isBlank()) {
            return new Cq(Double.NaN, CqStatus.EMPTY, "");
        }
        String t = text.trim();
        char c0 = t.isEmpty() ? ' ' : t.charAt(0);
        if (c0 >= '0' && c0 <= '9') {
            try {
                return of(Double.parseDouble(t), cutoff, where, t);
            } catch (NumberFormatException e) {
                // falls through to the general path (e.g. a decimal comma)
            }
        }
        String l = t.toLowerCase(Locale.ROOT);
        if (l.equals("undetermined") || l.equals("n/a") || l.equals("na") || l.equals("no ct")
                || l.equals("no cq") || l.equals("nan") || l.equals("-") || l.equals("nd")) {
            return new Cq(Double.NaN, CqStatus.UNDETERMINED, t);
        }
        double v;
        try {
            v = Double.parseDouble(t.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw QpcrException.badInput("Cq '%s' at %s is not a number; write the Cq in cycles, or "
                    + "'Undetermined' or an empty cell for a non-detect", t, where);
        }
        return of(v, cutoff, where, t);
    }

    /**
     * Classifies a numeric Cq (NaN means undetermined).
     *
     * @param value the Cq in cycles, NaN for a non-detect
     * @param cutoff the non-detect cut-off in cycles
     * @param where where it came from, for the error message
     * @return the parsed Cq
     * @throws QpcrException (BAD_INPUT) for a negative or infinite Cq
     */
    public static Cq of(double value, double cutoff, String where) {
        return of(value, cutoff, where, Double.isNaN(value) ? "" : Double.toString(value));
    }

    private static Cq of(double v, double cutoff, String where, String text) {
        if (Double.isNaN(v)) {
            return new Cq(Double.NaN, CqStatus.UNDETERMINED, text);
        }
        if (Double.isInfinite(v) || v < 0) {
            throw QpcrException.badInput("Cq %s at %s is not a valid cycle number; Cq must be between 0 "
                    + "and the cut-off, or marked 'Undetermined'", text, where);
        }
        if (v > cutoff) {
            return new Cq(Double.NaN, CqStatus.ABOVE_CUTOFF, text);
        }
        return new Cq(v, CqStatus.DETECTED, text);
    }
}
