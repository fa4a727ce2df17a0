package org.knime.core.node;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped; no frame is created). The real
 * class also implements NodeModelWarningListener and has Swing-related methods, which are not part of this stub.
 *
 * @param <T> the node model class
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {

    /** @param nodeModel the model, not null */
    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    /** Called when the view is closed. */
    protected abstract void onClose();

    /** Called when the view is opened. */
    protected abstract void onOpen();

    @Override
    protected void callOpenView(final String title) {
        onOpen();
        modelChanged();
    }

    @Override
    public final void callCloseView() {
        onClose();
    }
}
