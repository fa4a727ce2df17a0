package org.knime.core.node;

/** Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped). */
public class NotConfigurableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message why the dialog cannot be opened */
    public NotConfigurableException(final String message) {
        super(message);
    }

    /**
     * @param message why the dialog cannot be opened
     * @param cause the cause
     */
    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
