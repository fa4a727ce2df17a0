package org.knime.core.node;

import java.util.function.Supplier;

/** Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped). */
public class ExecutionMonitor {

    private final NodeProgressMonitor m_progress;

    /** Creates a monitor with its own (default) progress monitor. */
    public ExecutionMonitor() {
        this(null);
    }

    /** @param progress progress monitor to report to; null for a default one */
    public ExecutionMonitor(final NodeProgressMonitor progress) {
        m_progress = progress == null ? new StubProgressMonitors.Root() : progress;
    }

    /** @return the progress monitor */
    public final NodeProgressMonitor getProgressMonitor() {
        return m_progress;
    }

    boolean isCanceled() {
        try {
            m_progress.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    /** @throws CanceledExecutionException if cancellation was requested */
    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    /** @param progress value in [0, 1] */
    public void setProgress(final double progress) {
        m_progress.setProgress(progress);
    }

    /**
     * @param progress value in [0, 1]
     * @param message message
     */
    public void setProgress(final double progress, final String message) {
        m_progress.setProgress(progress, message);
    }

    /**
     * @param progress value in [0, 1]
     * @param messageSupplier message supplier, not null
     */
    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        m_progress.setProgress(progress, messageSupplier);
    }

    /** @param message message */
    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    /** @param messageSupplier message supplier, not null */
    public void setMessage(final Supplier<String> messageSupplier) {
        m_progress.setMessage(messageSupplier);
    }

    /** @param message message */
    public void setProgress(final String message) {
        m_progress.setProgress(message);
    }

    /**
     * @param maxProg share of the total progress, in [0, 1]
     * @return a monitor for a sub task
     */
    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(createSubProgressMonitor(maxProg));
    }

    /**
     * @param maxProg share of the total progress, in [0, 1]
     * @return a monitor for a sub task that ignores messages
     */
    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(createSilentSubProgressMonitor(maxProg));
    }

    NodeProgressMonitor createSubProgressMonitor(final double maxProg) {
        checkRange(maxProg);
        return new StubProgressMonitors.Sub(m_progress, maxProg, false);
    }

    NodeProgressMonitor createSilentSubProgressMonitor(final double maxProg) {
        checkRange(maxProg);
        return new StubProgressMonitors.Sub(m_progress, maxProg, true);
    }

    private static void checkRange(final double maxProg) {
        if (maxProg > 1.0 || maxProg < 0.0) {
            throw new IllegalArgumentException("Invalid sub progress size: " + maxProg);
        }
    }
}
