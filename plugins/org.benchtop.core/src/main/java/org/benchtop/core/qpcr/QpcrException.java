package org.benchtop.core.qpcr;

import org.benchtop.core.BenchtopException;

/**
 * A problem in qPCR input or analysis. Messages name what was wrong (sample, target, group, well
 * or row) and how to fix it; bad input is reported before any output is produced.
 */
public final class QpcrException extends BenchtopException {

    private static final long serialVersionUID = 1L;

    /**
     * @param kind whose fault the failure is
     * @param message the complete user-facing message
     */
    public QpcrException(Kind kind, String message) {
        super(kind, message);
    }

    /**
     * @param kind whose fault the failure is
     * @param message the complete user-facing message
     * @param cause the underlying exception
     */
    public QpcrException(Kind kind, String message, Throwable cause) {
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
    public static QpcrException badInput(String template, Object... args) {
        return new QpcrException(Kind.BAD_INPUT, format(template, args));
    }

    /**
     * Builds a {@link Kind#BAD_INPUT} exception with a cause.
     *
     * @param cause the underlying exception
     * @param template a {@link String#format} template
     * @param args its arguments
     * @return the exception, to be thrown by the caller
     */
    public static QpcrException badInput(Throwable cause, String template, Object... args) {
        return new QpcrException(Kind.BAD_INPUT, format(template, args), cause);
    }

    /**
     * Builds a {@link Kind#ANALYSIS_FAILURE} exception.
     *
     * @param template a {@link String#format} template
     * @param args its arguments
     * @return the exception, to be thrown by the caller
     */
    public static QpcrException failure(String template, Object... args) {
        return new QpcrException(Kind.ANALYSIS_FAILURE, format(template, args));
    }
}
