package org.benchtop.core.doseresponse;

import org.benchtop.core.BenchtopException;

/**
 * A problem with a dose-response analysis: bad input ({@link Kind#BAD_INPUT}: negative dose,
 * too few points, constant response, missing or non-numeric values, impossible settings) or a
 * computation that could not be carried out ({@link Kind#ANALYSIS_FAILURE}). The message names
 * the offending value, where it came from (column, row, group) and how to fix it.
 */
public final class DoseResponseException extends BenchtopException {

    private static final long serialVersionUID = 1L;

    /**
     * @param kind whose fault the failure is
     * @param message the complete user-facing message
     */
    public DoseResponseException(Kind kind, String message) {
        super(kind, message);
    }

    /**
     * Builds a {@link Kind#BAD_INPUT} exception from a message template formatted with
     * {@link java.util.Locale#ROOT}.
     *
     * @param template a {@link String#format} template
     * @param args its arguments
     * @return the exception, to be thrown by the caller
     */
    public static DoseResponseException badInput(String template, Object... args) {
        return new DoseResponseException(Kind.BAD_INPUT, format(template, args));
    }

    /**
     * Builds a {@link Kind#ANALYSIS_FAILURE} exception from a message template formatted with
     * {@link java.util.Locale#ROOT}.
     *
     * @param template a {@link String#format} template
     * @param args its arguments
     * @return the exception, to be thrown by the caller
     */
    public static DoseResponseException failure(String template, Object... args) {
        return new DoseResponseException(Kind.ANALYSIS_FAILURE, format(template, args));
    }
}
