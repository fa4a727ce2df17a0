package org.benchtop.core;

import java.util.concurrent.CancellationException;

/**
 * Progress and cancellation for long-running engines. The KNIME node layer adapts it to
 * {@code ExecutionMonitor}, the command line to a progress bar on standard error. Implementations
 * must be safe to call from several worker threads.
 */
public interface ProgressMonitor {

    /** A monitor that ignores progress and is never cancelled. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void setProgress(double fraction, String message) {
            // nothing to report to
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    /**
     * @param fraction the fraction of the work done, in [0, 1]
     * @param message a short description of the current step, or {@code null}
     */
    void setProgress(double fraction, String message);

    /** @return whether the user asked to stop */
    boolean isCanceled();

    /**
     * Stops the computation if the user asked to.
     *
     * @throws CancellationException if {@link #isCanceled()} is true
     */
    default void checkCanceled() {
        if (isCanceled()) {
            throw new CancellationException("Cancelled by the user");
        }
    }
}
