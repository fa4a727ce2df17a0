package org.benchtop.core;

import java.util.Locale;

/**
 * The one unchecked exception type of the Benchtop engines. Each analysis area has its own
 * subclass (for example {@code PlateException}); every message names what was wrong, where it
 * was found (file, line, column, well, gene) and how to fix it, so that the node layer and the
 * command line can show it to the user as it is, without a stack trace.
 *
 * <p>The {@link Kind} tells a caller whether the input was at fault ({@link Kind#BAD_INPUT}, exit
 * code 3 on the command line) or the analysis could not be carried out on valid input
 * ({@link Kind#ANALYSIS_FAILURE}, exit code 4).
 */
public class BenchtopException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whose fault a failure is. */
    public enum Kind {
        /** The input or the settings are wrong; the user can fix them. */
        BAD_INPUT,
        /** The input is valid but the analysis could not be completed. */
        ANALYSIS_FAILURE
    }

    private final Kind kind;

    /**
     * @param kind whose fault the failure is
     * @param message the complete user-facing message
     */
    public BenchtopException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /**
     * @param kind whose fault the failure is
     * @param message the complete user-facing message
     * @param cause the underlying exception
     */
    public BenchtopException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** @return whose fault the failure is */
    public Kind kind() {
        return kind;
    }

    /**
     * Formats a message template with {@link Locale#ROOT}, so numbers print the same everywhere.
     *
     * @param template a {@link String#format} template
     * @param args its arguments
     * @return the formatted message
     */
    protected static String format(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }
}
