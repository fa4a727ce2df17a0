package org.benchtop.knime.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * All settings models of one node, registered once in the subclass's constructor. The config keys
 * are constants of the subclass and never change once a node is released: users' saved workflows
 * contain them.
 */
public abstract class BenchtopSettings {

    private final List<SettingsModel> models = new ArrayList<>();

    /**
     * Registers a model; call from the subclass constructor, in the order the dialog shows them.
     *
     * @param <M> the model type
     * @param model the model
     * @return the model
     */
    protected final <M extends SettingsModel> M add(M model) {
        models.add(model);
        return model;
    }

    /** @return the registered models */
    public final List<SettingsModel> models() {
        return Collections.unmodifiableList(models);
    }

    /**
     * Checks the values together (beyond each model's own validation), e.g. that a required column
     * is chosen. Called on a copy loaded from the settings being validated.
     *
     * @throws InvalidSettingsException naming the setting and how to fix it
     */
    protected void validateValues() throws InvalidSettingsException {
        // nothing beyond the models' own checks by default
    }

    /** @param settings where to save every model */
    public final void saveTo(NodeSettingsWO settings) {
        for (SettingsModel m : models) {
            m.saveSettingsTo(settings);
        }
    }

    /**
     * @param settings the settings to check
     * @throws InvalidSettingsException if a model cannot read them
     */
    public final void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : models) {
            m.validateSettings(settings);
        }
    }

    /**
     * @param settings the settings to load, already validated
     * @throws InvalidSettingsException if a model cannot read them
     */
    public final void loadFrom(NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : models) {
            m.loadSettingsFrom(settings);
        }
    }

    /**
     * @param value a setting's text value
     * @return the text trimmed, or {@code null} when empty (an optional column left unset)
     */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
