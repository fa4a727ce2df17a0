package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Stub of the KNIME interface of the same name (signatures only; compile and test use, never shipped). */
public interface NodeSettingsWO extends ConfigWO {

    /**
     * @param key key of the new sub settings
     * @return the new sub settings
     */
    NodeSettingsWO addNodeSettings(String key);

    /** @param settings settings to add under their own key */
    void addNodeSettings(NodeSettings settings);
}
