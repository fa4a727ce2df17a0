package org.benchtop.knime.rnaseq.deseq;

import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the DESeq2 Differential Expression node. */
final class DeseqNodeDialog extends DefaultNodeSettingsPane {

    DeseqNodeDialog() {
        this(new DeseqNodeSettings());
    }

    @SuppressWarnings("unchecked")
    private DeseqNodeDialog(DeseqNodeSettings s) {
        setDefaultTabTitle("Input and model");
        createNewGroup("Count table (input 1)");
        addDialogComponent(new DialogComponentColumnNameSelection(s.geneIdColumn, "Gene id", 0, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.countSampleColumn,
                "Long format: sample column (none = one column per sample)", 0, false, true, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.countColumn, "Long format: count column", 0, false,
                true, DoubleValue.class));
        closeCurrentGroup();
        createNewGroup("Sample sheet (input 2)");
        addDialogComponent(new DialogComponentColumnNameSelection(s.sampleColumn, "Sample name", 1, DataValue.class));
        addDialogComponent(new DialogComponentString(s.factors, "Numeric columns to read as factors (a,b)"));
        closeCurrentGroup();
        createNewGroup("Model");
        addDialogComponent(new DialogComponentString(s.design, "Design (e.g. ~ batch + condition)", true, 30));
        addDialogComponent(new DialogComponentString(s.contrast, "Contrast (e.g. condition,treated,control)", true, 30));
        addDialogComponent(new DialogComponentString(s.reducedDesign, "Reduced design for a LRT (empty = Wald test)",
                false, 30));
        addDialogComponent(new DialogComponentString(s.references, "Reference levels (e.g. batch=b1)", false, 30));
        closeCurrentGroup();

        createNewTab("Options");
        createNewGroup("Results");
        addDialogComponent(new DialogComponentNumber(s.alpha, "FDR level alpha", Double.valueOf(0.01)));
        addDialogComponent(new DialogComponentStringSelection(s.shrink, "LFC shrinkage", DeseqNodeSettings.SHRINK));
        addDialogComponent(new DialogComponentBoolean(s.independentFiltering, "Independent filtering"));
        addDialogComponent(new DialogComponentBoolean(s.cooksCutoff, "Cook's distance filter of p-values"));
        closeCurrentGroup();
        createNewGroup("Fit");
        addDialogComponent(new DialogComponentStringSelection(s.sizeFactors, "Size factors", DeseqNodeSettings.SIZE_FACTORS));
        addDialogComponent(new DialogComponentStringSelection(s.fitType, "Dispersion trend", DeseqNodeSettings.FIT_TYPES));
        addDialogComponent(new DialogComponentNumber(s.minReplicatesForReplace,
                "Replace Cook's outliers with at least this many replicates (0 = off)", Integer.valueOf(1)));
        addDialogComponent(new DialogComponentNumber(s.threads, "Threads (0 = all cores)", Integer.valueOf(1)));
        closeCurrentGroup();
    }
}
