package org.benchtop.knime.qpcr.quantification;

import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the qPCR Relative Quantification node. */
final class QpcrQuantificationNodeDialog extends DefaultNodeSettingsPane {

    QpcrQuantificationNodeDialog() {
        this(new QpcrQuantificationSettings());
    }

    @SuppressWarnings("unchecked")
    private QpcrQuantificationNodeDialog(QpcrQuantificationSettings s) {
        setDefaultTabTitle("Settings");
        createNewGroup("Columns");
        // ids and Cq may be numbers or text ("Undetermined"): any column
        addDialogComponent(new DialogComponentColumnNameSelection(s.sampleColumn, "Sample", 0, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.groupColumn, "Group (condition)", 0, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.targetColumn, "Target (gene)", 0, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.cqColumn, "Cq", 0, DataValue.class));
        closeCurrentGroup();
        createNewGroup("Quantification");
        addDialogComponent(new DialogComponentString(s.referenceGenes, "Reference gene(s), comma-separated"));
        addDialogComponent(new DialogComponentString(s.calibratorGroup, "Calibrator group"));
        addDialogComponent(new DialogComponentStringSelection(s.method, "Method", QpcrQuantificationSettings.METHODS));
        addDialogComponent(new DialogComponentStringSelection(s.mode, "ddCq mode", QpcrQuantificationSettings.MODES));
        addDialogComponent(new DialogComponentString(s.efficiencies, "Efficiencies (TARGET=E,...)"));
        closeCurrentGroup();
        createNewTab("Options");
        createNewGroup("Optional columns");
        addDialogComponent(new DialogComponentColumnNameSelection(s.wellColumn, "Well", 0, false, true, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.typeColumn, "Sample type (unkn, std, ntc, nrt)", 0,
                false, true, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.quantityColumn, "Standard quantity", 0, false, true,
                DoubleValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.plateColumn, "Plate / run", 0, false, true,
                DataValue.class));
        closeCurrentGroup();
        createNewGroup("Technical replicates");
        addDialogComponent(new DialogComponentNumber(s.cqCutoff, "Non-detect cut-off (cycles)", Double.valueOf(1)));
        addDialogComponent(new DialogComponentNumber(s.sdThreshold, "Flag replicate SD above (cycles)",
                Double.valueOf(0.1)));
        addDialogComponent(new DialogComponentBoolean(s.excludeOutliers, "Exclude one outlying replicate of flagged sets"));
        closeCurrentGroup();
    }
}
