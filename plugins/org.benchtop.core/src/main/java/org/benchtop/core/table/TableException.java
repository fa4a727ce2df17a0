package org.benchtop.core.table;

import org.benchtop.core.BenchtopException;

/**
 * A problem with tabular input: an unreadable or malformed CSV file, a missing column, a value of
 * the wrong type. Always {@link BenchtopException.Kind#BAD_INPUT}: the message names the file or
 * table, the line or row and the column, and says how to fix it.
 */
public final class TableException extends BenchtopException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the complete user-facing message
     */
    public TableException(String message) {
        super(Kind.BAD_INPUT, message);
    }

    /**
     * @param message the complete user-facing message
     * @param cause the underlying exception
     */
    public TableException(String message, Throwable cause) {
        super(Kind.BAD_INPUT, message, cause);
    }

    /**
     * Builds an exception from a message template formatted with {@link java.util.Locale#ROOT}.
     *
     * @param template a {@link String#format} template
     * @param args its arguments
     * @return the exception, to be thrown by the caller
     */
    static TableException of(String template, Object... args) {
        return new TableException(format(template, args));
    }
}
