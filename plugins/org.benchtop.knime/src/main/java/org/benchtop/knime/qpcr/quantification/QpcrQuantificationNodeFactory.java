package org.benchtop.knime.qpcr.quantification;

import org.benchtop.knime.util.BenchtopNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the qPCR Relative Quantification node. */
public final class QpcrQuantificationNodeFactory extends BenchtopNodeFactory<QpcrQuantificationNodeModel> {

    @Override
    public QpcrQuantificationNodeModel createNodeModel() {
        return new QpcrQuantificationNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new QpcrQuantificationNodeDialog();
    }
}
