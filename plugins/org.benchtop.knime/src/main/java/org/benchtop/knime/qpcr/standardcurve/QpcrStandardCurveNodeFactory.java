package org.benchtop.knime.qpcr.standardcurve;

import org.benchtop.knime.util.BenchtopNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the qPCR Standard Curve node. */
public final class QpcrStandardCurveNodeFactory extends BenchtopNodeFactory<QpcrStandardCurveNodeModel> {

    @Override
    public QpcrStandardCurveNodeModel createNodeModel() {
        return new QpcrStandardCurveNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new QpcrStandardCurveNodeDialog();
    }
}
