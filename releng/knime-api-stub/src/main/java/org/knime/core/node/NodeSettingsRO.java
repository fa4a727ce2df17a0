package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** Stub of the KNIME interface of the same name (signatures only; compile and test use, never shipped). */
public interface NodeSettingsRO extends ConfigRO {

    /**
     * @param key key of the sub settings
     * @return the sub settings
     * @throws InvalidSettingsException if there are none
     */
    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;

    /** @param dest deep copy target */
    public void copyTo(final ConfigWO dest);
}
