package org.knime.core.node.context;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Stub of the KNIME interface of the same name (compile and test use, never shipped). */
public interface NodeSettingsPersistable {

    /** @param settings to write into */
    public void saveSettingsTo(final NodeSettingsWO settings);

    /**
     * @param settings to read from
     * @throws InvalidSettingsException if they are invalid
     */
    public void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException;

}
