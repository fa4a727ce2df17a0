package org.knime.core.node;

/** Stub-internal (package-private, not part of the KNIME API): progress monitors used by ExecutionMonitor. */
final class StubProgressMonitors {

    private StubProgressMonitors() {
    }

    /** Root monitor: stores progress, message and the cancel flag. */
    static final class Root implements NodeProgressMonitor {

        private volatile boolean m_canceled;

        private volatile Double m_progress;

        private volatile String m_message;

        @Override
        public void checkCanceled() throws CanceledExecutionException {
            if (m_canceled) {
                throw new CanceledExecutionException("Execution canceled");
            }
        }

        @Override
        public void setProgress(final double progress) {
            if (progress >= 0.0 && progress <= 1.0) {
                m_progress = progress;
            }
        }

        @Override
        public Double getProgress() {
            return m_progress;
        }

        @Override
        public void setProgress(final double progress, final String message) {
            setProgress(progress);
            m_message = message;
        }

        @Override
        public void setMessage(final String message) {
            m_message = message;
        }

        @Override
        public void setProgress(final String message) {
            m_message = message;
        }

        @Override
        public String getMessage() {
            return m_message;
        }

        @Override
        public void setExecuteCanceled() {
            m_canceled = true;
        }

        @Override
        public void reset() {
            m_canceled = false;
            m_progress = null;
            m_message = null;
        }
    }

    /** Sub monitor: reports a share of the parent's progress; cancel state is the parent's. */
    static final class Sub implements NodeProgressMonitor {

        private final NodeProgressMonitor m_parent;

        private final double m_max;

        private final boolean m_silent;

        private final double m_start;

        private double m_last;

        Sub(final NodeProgressMonitor parent, final double max, final boolean silent) {
            m_parent = parent;
            m_max = max;
            m_silent = silent;
            Double p = parent.getProgress();
            m_start = p == null ? 0.0 : p;
        }

        @Override
        public void checkCanceled() throws CanceledExecutionException {
            m_parent.checkCanceled();
        }

        @Override
        public void setProgress(final double progress) {
            if (progress >= 0.0 && progress <= 1.0) {
                m_last = progress;
                m_parent.setProgress(Math.min(1.0, m_start + progress * m_max));
            }
        }

        @Override
        public Double getProgress() {
            return m_last;
        }

        @Override
        public void setProgress(final double progress, final String message) {
            setProgress(progress);
            setMessage(message);
        }

        @Override
        public void setMessage(final String message) {
            if (!m_silent) {
                m_parent.setMessage(message);
            }
        }

        @Override
        public void setProgress(final String message) {
            setMessage(message);
        }

        @Override
        public String getMessage() {
            return m_parent.getMessage();
        }

        @Override
        public void setExecuteCanceled() {
            m_parent.setExecuteCanceled();
        }

        @Override
        public void reset() {
            m_last = 0.0;
        }
    }
}
