package org.knime.core.node;

import org.knime.core.node.context.NodeCreationConfiguration;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Only the constructors and the
 * abstract methods every node factory implements; node descriptions are not read by the stub.
 *
 * @param <T> the node model class
 */
public abstract class NodeFactory<T extends NodeModel> {

    /** Creates the factory. */
    protected NodeFactory() {
        this(false);
    }

    /** @param lazyInitialization ignored by the stub */
    protected NodeFactory(final boolean lazyInitialization) {
        // nothing to initialize in the stub
    }

    /** @return a new node model */
    public abstract T createNodeModel();

    /**
     * Overridden by {@link ConfigurableNodeFactory}s; here, as in KNIME, {@link #createNodeModel()}.
     *
     * @param creationConfig the node creation configuration
     * @return a new node model
     */
    protected T createNodeModel(final NodeCreationConfiguration creationConfig) {
        return createNodeModel();
    }

    /** @return number of views */
    protected abstract int getNrNodeViews();

    /**
     * @param viewIndex view index
     * @param nodeModel the model
     * @return a new view
     */
    public abstract NodeView<T> createNodeView(final int viewIndex, final T nodeModel);

    /** @return whether the node has a dialog */
    protected abstract boolean hasDialog();

    /** @return a new dialog pane */
    protected abstract NodeDialogPane createNodeDialogPane();

    /**
     * Overridden by {@link ConfigurableNodeFactory}s; here, as in KNIME, {@link #createNodeDialogPane()}.
     *
     * @param creationConfig the node creation configuration
     * @return a new dialog pane
     */
    protected NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creationConfig) {
        return createNodeDialogPane();
    }
}
