package org.benchtop.core.plate;

import org.benchtop.core.BenchtopException;

/**
 * A problem in plate normalization or QC. {@link BenchtopException.Kind#BAD_INPUT} when the input
 * or the settings are at fault (an unknown well id, a duplicate well, missing controls for a chosen
 * method, zero spread, non-numeric values, an empty table); the message names the file and line or
 * the plate, the well, and how to fix it.
 */
public final class PlateException extends BenchtopException {

    private static final long serialVersionUID = 1L;

    /**
     * @param kind whose fault the failure is
     * @param message the complete user-facing message
     */
    public PlateException(Kind kind, String message) {
        super(kind, message);
    }

    /**
     * A {@link BenchtopException.Kind#BAD_INPUT} exception from a message template formatted with
     * {@link java.util.Locale#ROOT}.
     *
     * @param template a {@link String#format} template
     * @param args its arguments
     * @return the exception, to be thrown by the caller
     */
    public static PlateException badInput(String template, Object... args) {
        return new PlateException(Kind.BAD_INPUT, format(template, args));
    }
}
