package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Stub of the KNIME interface of the same name. The real interface also has addProgressListener,
 * removeProgressListener and removeAllProgressListener (NodeProgressListener), which are not part of this stub.
 */
public interface NodeProgressMonitor {

    /** @throws CanceledExecutionException if cancellation was requested */
    void checkCanceled() throws CanceledExecutionException;

    /** @param progress value in [0, 1]; others are ignored */
    void setProgress(final double progress);

    /** @return current progress or null */
    Double getProgress();

    /**
     * @param progress value in [0, 1]
     * @param message message, may be null
     */
    void setProgress(final double progress, final String message);

    /**
     * @param progress value in [0, 1]
     * @param message message supplier, not null
     */
    default void setProgress(final double progress, final Supplier<String> message) {
        setProgress(progress, message.get());
    }

    /** @param message message */
    void setMessage(final String message);

    /** @param message message supplier, not null */
    default void setMessage(final Supplier<String> message) {
        setMessage(message.get());
    }

    /** @param message message */
    void setProgress(final String message);

    /** @return current message */
    String getMessage();

    /** Requests cancellation. */
    void setExecuteCanceled();

    /** Resets progress, message and cancel flag. */
    void reset();
}
