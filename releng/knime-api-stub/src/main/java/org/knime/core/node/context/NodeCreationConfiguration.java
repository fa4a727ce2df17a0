package org.knime.core.node.context;

import java.util.Optional;

import org.knime.core.node.context.ports.ModifiablePortsConfiguration;
import org.knime.core.node.context.ports.PortsConfiguration;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped): what a
 * {@link org.knime.core.node.ConfigurableNodeFactory} needs to create a node model, here only the ports configuration
 * (KNIME's URL configuration, for file drag and drop, is not stubbed).
 */
public class NodeCreationConfiguration {

    private final ModifiablePortsConfiguration m_portsConfig;

    /** @param portsConfig the ports configuration, may be null */
    protected NodeCreationConfiguration(final ModifiablePortsConfiguration portsConfig) {
        m_portsConfig = portsConfig;
    }

    /** @return the ports configuration (empty if the factory defines none) */
    public Optional<? extends PortsConfiguration> getPortConfig() {
        return Optional.ofNullable(m_portsConfig);
    }

    /** @return the modifiable ports configuration */
    protected Optional<ModifiablePortsConfiguration> getModifiablePortConfig() {
        return Optional.ofNullable(m_portsConfig);
    }
}
