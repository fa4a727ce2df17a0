package org.benchtop.core.notebook;

import org.benchtop.core.BenchtopException;

/**
 * A problem with provenance or lab-notebook data, for example a run record whose JSON cannot be
 * read. The message names the field or entry at fault and how to fix it.
 */
public final class NotebookException extends BenchtopException {

    private static final long serialVersionUID = 1L;

    /**
     * @param kind whose fault the failure is
     * @param message the complete user-facing message
     */
    public NotebookException(Kind kind, String message) {
        super(kind, message);
    }

    /**
     * @param kind whose fault the failure is
     * @param message the complete user-facing message
     * @param cause the underlying exception
     */
    public NotebookException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
