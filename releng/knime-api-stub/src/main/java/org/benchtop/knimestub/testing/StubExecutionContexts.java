package org.benchtop.knimestub.testing;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeProgressMonitor;

/**
 * Test helper (stub only, not exported): working {@link ExecutionContext}s. Cancellation uses the public KNIME API:
 * {@code exec.getProgressMonitor().setExecuteCanceled()}, after which {@code checkCanceled()} throws
 * CanceledExecutionException (also in sub contexts created from it).
 */
public final class StubExecutionContexts {

    private StubExecutionContexts() {
    }

    /** @return a new execution context with its own progress monitor */
    public static ExecutionContext create() {
        return create(null);
    }

    /**
     * @param monitor progress monitor to report to (null for a default one)
     * @return a new execution context
     */
    public static ExecutionContext create(final NodeProgressMonitor monitor) {
        return StubReflection.construct(ExecutionContext.class, new Class<?>[]{NodeProgressMonitor.class}, monitor);
    }

    /** @param exec context or monitor whose execution is to be canceled */
    public static void cancel(final ExecutionMonitor exec) {
        exec.getProgressMonitor().setExecuteCanceled();
    }

    /**
     * @param exec a context
     * @return its current progress (null if never set)
     */
    public static Double progress(final ExecutionMonitor exec) {
        return exec.getProgressMonitor().getProgress();
    }

    /**
     * @param exec a context
     * @return its current progress message (null if never set)
     */
    public static String message(final ExecutionMonitor exec) {
        return exec.getProgressMonitor().getMessage();
    }
}
