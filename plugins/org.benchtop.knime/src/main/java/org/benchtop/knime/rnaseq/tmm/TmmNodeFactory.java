package org.benchtop.knime.rnaseq.tmm;

import org.benchtop.knime.util.BenchtopNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the TMM Normalization node. */
public final class TmmNodeFactory extends BenchtopNodeFactory<TmmNodeModel> {

    @Override
    public TmmNodeModel createNodeModel() {
        return new TmmNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new TmmNodeDialog();
    }
}
