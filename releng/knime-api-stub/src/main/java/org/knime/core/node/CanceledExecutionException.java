package org.knime.core.node;

/**
 * Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped).
 * The real class also has the nested interface CancelChecker, which is not part of this stub.
 */
public class CanceledExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates an exception without message. */
    public CanceledExecutionException() {
        super();
    }

    /** @param s the detail message */
    public CanceledExecutionException(final String s) {
        super(s);
    }
}
