package org.benchtop.knime.plates.normalizer;

import org.benchtop.core.plate.NormalizationMethod;
import org.benchtop.knime.plates.PlateInputDialog;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;

/** Dialog of the Plate Normalizer node. */
final class PlateNormalizerNodeDialog extends PlateInputDialog {

    PlateNormalizerNodeDialog() {
        this(new PlateNormalizerSettings());
    }

    private PlateNormalizerNodeDialog(PlateNormalizerSettings s) {
        super(s);
        createNewGroup("Methods (one output column each)");
        for (NormalizationMethod m : NormalizationMethod.values()) {
            addDialogComponent(new DialogComponentBoolean(s.methods.get(m), m.columnName()));
        }
        closeCurrentGroup();
    }
}
