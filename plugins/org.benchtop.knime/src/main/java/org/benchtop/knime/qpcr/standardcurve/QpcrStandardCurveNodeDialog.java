package org.benchtop.knime.qpcr.standardcurve;

import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the qPCR Standard Curve node. */
final class QpcrStandardCurveNodeDialog extends DefaultNodeSettingsPane {

    QpcrStandardCurveNodeDialog() {
        this(new QpcrStandardCurveSettings());
    }

    @SuppressWarnings("unchecked")
    private QpcrStandardCurveNodeDialog(QpcrStandardCurveSettings s) {
        createNewGroup("Columns");
        addDialogComponent(new DialogComponentColumnNameSelection(s.sampleColumn, "Sample", 0, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.targetColumn, "Target (gene)", 0, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.cqColumn, "Cq", 0, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.quantityColumn, "Standard quantity", 0,
                DoubleValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.typeColumn, "Sample type (unkn, std, ntc, nrt)", 0,
                false, true, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.wellColumn, "Well", 0, false, true, DataValue.class));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentNumber(s.cqCutoff, "Non-detect cut-off (cycles)", Double.valueOf(1)));
    }
}
