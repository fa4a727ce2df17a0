package org.knime.core.node;

/**
 * Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped).
 * Real source: knime/knime-shared org.knime.core.util/src/main/java/org/knime/core/node/InvalidSettingsException.java
 */
public class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param s the detail message */
    public InvalidSettingsException(final String s) {
        super(s);
    }

    /** @param cause the cause */
    public InvalidSettingsException(final Throwable cause) {
        super(cause);
    }

    /**
     * @param msg the detail message
     * @param cause the cause
     */
    public InvalidSettingsException(final String msg, final Throwable cause) {
        super(msg, cause);
    }
}
