package org.benchtop.knime.util;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * The shared base of Benchtop's node factories: no node views (results are tables and images), a
 * dialog. The node description is the XML file named like the factory, beside it.
 *
 * @param <M> the node model
 */
public abstract class BenchtopNodeFactory<M extends NodeModel> extends NodeFactory<M> {

    @Override
    protected final int getNrNodeViews() {
        return 0;
    }

    @Override
    public final NodeView<M> createNodeView(int viewIndex, M nodeModel) {
        throw new IndexOutOfBoundsException("Benchtop nodes have no views: " + viewIndex);
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }

    @Override
    protected abstract NodeDialogPane createNodeDialogPane();
}
