package org.benchtop.knime.qpcr.rdml;

import org.benchtop.knime.util.BenchtopNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the RDML Reader node. */
public final class RdmlReaderNodeFactory extends BenchtopNodeFactory<RdmlReaderNodeModel> {

    @Override
    public RdmlReaderNodeModel createNodeModel() {
        return new RdmlReaderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new RdmlReaderNodeDialog();
    }
}
