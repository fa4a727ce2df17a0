package org.benchtop.knime.qpcr.genorm;

import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the geNorm Reference Gene Stability node. */
final class GenormNodeDialog extends DefaultNodeSettingsPane {

    GenormNodeDialog() {
        this(new GenormNodeSettings());
    }

    @SuppressWarnings("unchecked")
    private GenormNodeDialog(GenormNodeSettings s) {
        createNewGroup("Columns");
        addDialogComponent(new DialogComponentColumnNameSelection(s.sampleColumn, "Sample", 0, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.targetColumn, "Target (candidate gene)", 0,
                DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.groupColumn, "Group (geNorm per group)", 0, false,
                true, DataValue.class));
        closeCurrentGroup();
        createNewGroup("Values: a Cq column or a relative quantity column");
        addDialogComponent(new DialogComponentColumnNameSelection(s.cqColumn, "Cq", 0, false, true, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.quantityColumn, "Relative quantity", 0, false, true,
                DoubleValue.class));
        addDialogComponent(new DialogComponentString(s.efficiencies, "Efficiencies for Cq (GENE=E,...)"));
        addDialogComponent(new DialogComponentNumber(s.cqCutoff, "Non-detect cut-off (cycles)", Double.valueOf(1)));
        closeCurrentGroup();
    }
}
