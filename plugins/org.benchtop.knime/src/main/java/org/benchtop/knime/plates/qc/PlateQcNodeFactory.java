package org.benchtop.knime.plates.qc;

import org.benchtop.knime.util.BenchtopNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Plate QC node. */
public final class PlateQcNodeFactory extends BenchtopNodeFactory<PlateQcNodeModel> {

    @Override
    public PlateQcNodeModel createNodeModel() {
        return new PlateQcNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new PlateQcNodeDialog();
    }
}
