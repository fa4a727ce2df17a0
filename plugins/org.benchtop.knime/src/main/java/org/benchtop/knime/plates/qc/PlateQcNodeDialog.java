package org.benchtop.knime.plates.qc;

import org.benchtop.knime.plates.PlateInputDialog;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the Plate QC node. */
final class PlateQcNodeDialog extends PlateInputDialog {

    PlateQcNodeDialog() {
        this(new PlateQcSettings());
    }

    private PlateQcNodeDialog(PlateQcSettings s) {
        super(s);
        addDialogComponent(new DialogComponentNumber(s.zPrimeThreshold, "Pass when Z' is at least", Double.valueOf(0.05)));
    }
}
