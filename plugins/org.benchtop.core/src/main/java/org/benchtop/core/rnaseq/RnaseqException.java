package org.benchtop.core.rnaseq;

import org.benchtop.core.BenchtopException;

/**
 * A problem in RNA-seq input or analysis. Messages name what was wrong (gene, sample, column,
 * design term or contrast level), where it came from and how to fix it; bad input is reported
 * before any output is produced.
 */
public final class RnaseqException extends BenchtopException {

    private static final long serialVersionUID = 1L;

    /**
     * @param kind whose fault the failure is
     * @param message the complete user-facing message
     */
    public RnaseqException(Kind kind, String message) {
        super(kind, message);
    }

    /**
     * @param kind whose fault the failure is
     * @param message the complete user-facing message
     * @param cause the underlying exception
     */
    public RnaseqException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    /**
     * Builds a {@link Kind#BAD_INPUT} exception from a template formatted with
     * {@link java.util.Locale#ROOT}.
     *
     * @param template a {@link String#format} template
     * @param args its arguments (box primitives explicitly)
     * @return the exception, to be thrown by the caller
     */
    public static RnaseqException badInput(String template, Object... args) {
        return new RnaseqException(Kind.BAD_INPUT, format(template, args));
    }

    /**
     * Builds a {@link Kind#ANALYSIS_FAILURE} exception from a template formatted with
     * {@link java.util.Locale#ROOT}.
     *
     * @param template a {@link String#format} template
     * @param args its arguments (box primitives explicitly)
     * @return the exception, to be thrown by the caller
     */
    public static RnaseqException failure(String template, Object... args) {
        return new RnaseqException(Kind.ANALYSIS_FAILURE, format(template, args));
    }
}
