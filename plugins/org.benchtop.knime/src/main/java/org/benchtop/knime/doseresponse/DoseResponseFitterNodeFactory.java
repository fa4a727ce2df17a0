package org.benchtop.knime.doseresponse;

import org.benchtop.knime.util.BenchtopNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Dose-Response Fitter node. */
public final class DoseResponseFitterNodeFactory extends BenchtopNodeFactory<DoseResponseFitterNodeModel> {

    @Override
    public DoseResponseFitterNodeModel createNodeModel() {
        return new DoseResponseFitterNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DoseResponseFitterNodeDialog();
    }
}
