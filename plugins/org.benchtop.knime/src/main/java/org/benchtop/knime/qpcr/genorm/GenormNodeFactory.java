package org.benchtop.knime.qpcr.genorm;

import org.benchtop.knime.util.BenchtopNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the geNorm Reference Gene Stability node. */
public final class GenormNodeFactory extends BenchtopNodeFactory<GenormNodeModel> {

    @Override
    public GenormNodeModel createNodeModel() {
        return new GenormNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GenormNodeDialog();
    }
}
