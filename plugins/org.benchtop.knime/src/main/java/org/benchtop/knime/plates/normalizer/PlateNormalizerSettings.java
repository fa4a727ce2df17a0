package org.benchtop.knime.plates.normalizer;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.benchtop.core.plate.NormalizationMethod;
import org.benchtop.core.plate.PlateSettings;
import org.benchtop.knime.plates.PlateInputSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;

/** Settings of the Plate Normalizer node. Config keys are released: never change them. */
final class PlateNormalizerSettings extends PlateInputSettings {

    /** Config key prefix of the method switches: {@code method_<column name>}, e.g. {@code method_b_score}. */
    static final String CFG_METHOD_PREFIX = "method_";

    final Map<NormalizationMethod, SettingsModelBoolean> methods = new EnumMap<>(NormalizationMethod.class);

    PlateNormalizerSettings() {
        for (NormalizationMethod m : NormalizationMethod.values()) {
            methods.put(m, add(new SettingsModelBoolean(CFG_METHOD_PREFIX + m.columnName(), true)));
        }
    }

    Set<NormalizationMethod> chosenMethods() {
        Set<NormalizationMethod> chosen = EnumSet.noneOf(NormalizationMethod.class);
        methods.forEach((m, model) -> {
            if (model.getBooleanValue()) {
                chosen.add(m);
            }
        });
        return chosen;
    }

    PlateSettings toEngine() {
        return toEngine(chosenMethods(), 0.5);
    }

    @Override
    protected void validateValues() throws InvalidSettingsException {
        super.validateValues();
        if (chosenMethods().isEmpty()) {
            throw new InvalidSettingsException("Choose at least one normalization method.");
        }
    }
}
