package org.knime.core.node;

/**
 * Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped).
 *
 * @param <T> the node model class
 */
public abstract class AbstractNodeView<T extends NodeModel> {

    private final T m_nodeModel;

    private final NodeLogger m_logger;

    /** @param nodeModel the model, not null */
    protected AbstractNodeView(final T nodeModel) {
        if (nodeModel == null) {
            throw new IllegalArgumentException("Node model must not be null");
        }
        m_nodeModel = nodeModel;
        m_logger = NodeLogger.getLogger(getClass());
    }

    /** @return the model */
    protected T getNodeModel() {
        return m_nodeModel;
    }

    /** @return a logger for the runtime class */
    public NodeLogger getLogger() {
        return m_logger;
    }

    /** Called when the model changed. */
    protected abstract void modelChanged();

    /** @param arg argument passed to NodeModel#notifyViews */
    protected void updateModel(final Object arg) {
        // default: nothing
    }

    /** @param title view title */
    protected abstract void callOpenView(final String title);

    /** Closes the view. */
    protected abstract void callCloseView();
}
