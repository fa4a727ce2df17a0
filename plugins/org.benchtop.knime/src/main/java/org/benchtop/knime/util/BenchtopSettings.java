package org.benchtop.knime.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * All settings models of one node, registered once in the subclass's constructor. The config keys
 * are constants of the subclass; users' saved workflows contain them.
 *
 * <p><b>The rule for released nodes: never remove or rename a key; a new key is optional with a
 * default.</b> A key of the first release is registered with {@link #add} and is required: settings
 * without it are rejected. A key added later is registered with {@link #addSince}: workflows saved
 * before it existed lack it, so settings without it are accepted and the model keeps its default
 * (the value it was constructed with); it is saved like any other key from then on. A node whose
 * meaning must change is deprecated and replaced, not edited.
 */
public abstract class BenchtopSettings {

    private final List<SettingsModel> models = new ArrayList<>();

    /** The keys registered with {@link #addSince}: each model's default as it saves it. */
    private final Map<SettingsModel, Added> added = new LinkedHashMap<>();

    /** A key added after the node's first release: since which version, and its default. */
    private record Added(String key, String version, NodeSettings defaults) {
    }

    /**
     * Registers a model of the node's first release (a required key); call from the subclass
     * constructor, in the order the dialog shows them.
     *
     * @param <M> the model type
     * @param model the model
     * @return the model
     */
    protected final <M extends SettingsModel> M add(M model) {
        models.add(model);
        return model;
    }

    /**
     * Registers a model added after the node was released: settings without its key (a workflow
     * saved by an older version) are valid and give the model its default, the value it holds now.
     * Register it after the models of earlier versions, which keeps the saved order stable.
     *
     * @param <M> the model type
     * @param version the Benchtop version that added the key, e.g. {@code "0.2.0"}
     * @param key the model's config key (a settings model does not tell it)
     * @param model the model, holding its default value
     * @return the model
     * @throws IllegalArgumentException if the model does not save under {@code key}
     */
    protected final <M extends SettingsModel> M addSince(String version, String key, M model) {
        NodeSettings defaults = new NodeSettings("defaults");
        model.saveSettingsTo(defaults);
        if (!defaults.containsKey(key)) {
            throw new IllegalArgumentException("The settings model does not save under the key '" + key + "'");
        }
        added.put(model, new Added(key, version, defaults));
        return add(model);
    }

    /** @return the keys added after the node's first release, with the version that added each, in order */
    public final Map<String, String> addedKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Added a : added.values()) {
            keys.put(a.key(), a.version());
        }
        return Collections.unmodifiableMap(keys);
    }

    /** @return the defaults of a model added later whose key the settings lack, else {@code null} */
    private NodeSettingsRO defaultsIfAbsent(SettingsModel m, NodeSettingsRO settings) {
        Added a = added.get(m);
        return a == null || settings.containsKey(a.key()) ? null : a.defaults();
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
     * @param settings the settings to check; a key registered with {@link #addSince} may be absent
     * @throws InvalidSettingsException if a model cannot read them, e.g. a required key is missing
     */
    public final void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : models) {
            if (defaultsIfAbsent(m, settings) == null) {
                m.validateSettings(settings);
            }
        }
    }

    /**
     * @param settings the settings to load, already validated; a model registered with
     *        {@link #addSince} whose key is absent gets its default
     * @throws InvalidSettingsException if a model cannot read them
     */
    public final void loadFrom(NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : models) {
            NodeSettingsRO defaults = defaultsIfAbsent(m, settings);
            m.loadSettingsFrom(defaults == null ? settings : defaults);
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
