package org.benchtop.knime.rnaseq.tmm;

import org.knime.core.data.DataValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the TMM Normalization node. */
final class TmmNodeDialog extends DefaultNodeSettingsPane {

    TmmNodeDialog() {
        this(new TmmNodeSettings());
    }

    @SuppressWarnings("unchecked")
    private TmmNodeDialog(TmmNodeSettings s) {
        addDialogComponent(new DialogComponentColumnNameSelection(s.geneIdColumn, "Gene id", 0, DataValue.class));
        addDialogComponent(new DialogComponentStringSelection(s.method, "Method (edgeR calcNormFactors)",
                TmmNodeSettings.METHODS));
        addDialogComponent(new DialogComponentNumber(s.priorCount, "Prior count of logCPM", Double.valueOf(0.5)));
    }
}
