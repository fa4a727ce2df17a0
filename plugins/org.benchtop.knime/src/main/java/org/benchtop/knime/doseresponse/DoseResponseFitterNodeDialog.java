package org.benchtop.knime.doseresponse;

import org.knime.core.data.DoubleValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Dose-Response Fitter node. */
final class DoseResponseFitterNodeDialog extends DefaultNodeSettingsPane {

    DoseResponseFitterNodeDialog() {
        this(new DoseResponseFitterSettings());
    }

    @SuppressWarnings("unchecked")
    private DoseResponseFitterNodeDialog(DoseResponseFitterSettings s) {
        createNewGroup("Columns");
        addDialogComponent(new DialogComponentColumnNameSelection(s.doseColumn, "Dose (≥ 0; 0 = control)", 0, DoubleValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.responseColumn, "Response", 0, DoubleValue.class));
        addDialogComponent(new GroupColumnsComponent(s.groupColumns, "Group columns (one curve per combination; none = one curve)", 0));
        closeCurrentGroup();
        createNewGroup("Model");
        addDialogComponent(new DialogComponentStringSelection(s.model, "Model", DoseResponseFitterSettings.MODELS));
        addDialogComponent(new DialogComponentString(s.fixedParameters, "Fixed parameters (e.g. c=0,d=100)"));
        addDialogComponent(new DialogComponentString(s.lowerBounds, "Lower bounds (e.g. e=0.001)"));
        addDialogComponent(new DialogComponentString(s.upperBounds, "Upper bounds (e.g. e=1000)"));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(new DialogComponentStringSelection(s.seConvention, "Standard errors",
                DoseResponseFitterSettings.SE_CONVENTIONS));
        addDialogComponent(new DialogComponentBoolean(s.robust, "Robust: flag outliers (ROUT-like, Q = 1%) and refit without them"));
        addDialogComponent(new DialogComponentString(s.edLevels, "ED levels in % (e.g. 10,50,90)"));
        closeCurrentGroup();
    }
}
