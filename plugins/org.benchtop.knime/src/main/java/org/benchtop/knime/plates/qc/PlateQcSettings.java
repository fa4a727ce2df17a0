package org.benchtop.knime.plates.qc;

import java.util.Set;

import org.benchtop.core.plate.PlateSettings;
import org.benchtop.knime.plates.PlateInputSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;

/** Settings of the Plate QC node. Config keys are released: never change them. */
final class PlateQcSettings extends PlateInputSettings {

    /** Config key: a plate passes when its Z' is at least this. */
    static final String CFG_Z_PRIME_THRESHOLD = "z_prime_threshold";

    final SettingsModelDouble zPrimeThreshold = add(new SettingsModelDouble(CFG_Z_PRIME_THRESHOLD, 0.5));

    PlateSettings toEngine() {
        return toEngine(Set.of(), zPrimeThreshold.getDoubleValue());
    }
}
