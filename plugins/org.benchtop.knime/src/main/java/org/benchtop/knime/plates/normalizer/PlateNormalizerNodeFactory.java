package org.benchtop.knime.plates.normalizer;

import org.benchtop.knime.util.BenchtopNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Plate Normalizer node. */
public final class PlateNormalizerNodeFactory extends BenchtopNodeFactory<PlateNormalizerNodeModel> {

    @Override
    public PlateNormalizerNodeModel createNodeModel() {
        return new PlateNormalizerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new PlateNormalizerNodeDialog();
    }
}
