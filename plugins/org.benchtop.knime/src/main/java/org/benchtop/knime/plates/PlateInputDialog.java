package org.benchtop.knime.plates;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** The dialog part the plate nodes share: columns, content labels, plate format. */
public class PlateInputDialog extends DefaultNodeSettingsPane {

    /** @param s the settings the components edit */
    @SuppressWarnings("unchecked")
    protected PlateInputDialog(PlateInputSettings s) {
        createNewGroup("Columns");
        // plate ids may be numbers or text: any column (every type is compatible with DataValue)
        addDialogComponent(new DialogComponentColumnNameSelection(s.plateColumn, "Plate", 0, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.replicateColumn, "Replicate (optional)", 0, false, true,
                DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.wellColumn, "Well id (A1, A01, AF48)", 0, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.valueColumn, "Raw value", 0, DoubleValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.contentColumn, "Well content", 0, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.excludeColumn, "Flagged wells (optional)", 0, false, true,
                BooleanValue.class));
        closeCurrentGroup();
        createNewGroup("Content labels");
        addDialogComponent(new DialogComponentString(s.negativeLabel, "Negative control"));
        addDialogComponent(new DialogComponentString(s.positiveLabel, "Positive control"));
        addDialogComponent(new DialogComponentString(s.sampleLabel, "Sample"));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentStringSelection(s.plateFormat, "Plate format (wells)", PlateInputSettings.FORMATS));
    }
}
