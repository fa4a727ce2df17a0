package org.benchtop.knime.util;

import org.benchtop.core.ProgressMonitor;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Adapts KNIME's {@link ExecutionMonitor} to the engines' {@link ProgressMonitor}. */
public final class KnimeProgress implements ProgressMonitor {

    private final ExecutionMonitor exec;

    /** @param exec the node's execution monitor */
    public KnimeProgress(ExecutionMonitor exec) {
        this.exec = exec;
    }

    @Override
    public void setProgress(double fraction, String message) {
        if (message == null) {
            exec.setProgress(fraction);
        } else {
            exec.setProgress(fraction, message);
        }
    }

    @Override
    public boolean isCanceled() {
        try {
            exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }
}
