package org.knime.core.node.context;

import java.util.Optional;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.context.ports.ModifiablePortsConfiguration;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Saved, as in KNIME, into a node's
 * settings.xml as the sub config {@code node_creation_config} holding the ports configuration (one sub config per
 * port group).
 */
public final class ModifiableNodeCreationConfiguration extends NodeCreationConfiguration
    implements DeepCopy<ModifiableNodeCreationConfiguration>, NodeSettingsPersistable {

    private static final String NODE_CREATION_CONFIG_KEY = "node_creation_config";

    /** @param portsConfig the ports configuration, may be null */
    public ModifiableNodeCreationConfiguration(final ModifiablePortsConfiguration portsConfig) {
        super(portsConfig);
    }

    @Override
    public Optional<ModifiablePortsConfiguration> getPortConfig() {
        return super.getModifiablePortConfig();
    }

    @Override
    public ModifiableNodeCreationConfiguration copy() {
        return new ModifiableNodeCreationConfiguration(getModifiablePortConfig().map(DeepCopy::copy).orElse(null));
    }

    @Override
    public void saveSettingsTo(final NodeSettingsWO settings) {
        Optional<ModifiablePortsConfiguration> ports = getModifiablePortConfig();
        if (ports.isPresent()) {
            ports.get().saveSettingsTo(settings.addNodeSettings(NODE_CREATION_CONFIG_KEY));
        }
    }

    @Override
    public void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        Optional<ModifiablePortsConfiguration> ports = getModifiablePortConfig();
        if (ports.isPresent() && settings.containsKey(NODE_CREATION_CONFIG_KEY)) {
            ports.get().loadSettingsFrom(settings.getNodeSettings(NODE_CREATION_CONFIG_KEY));
        }
    }
}
