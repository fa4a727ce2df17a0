package org.knime.core.node.context.ports.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.context.ports.ExtendablePortGroup;
import org.knime.core.node.context.ports.ModifiablePortsConfiguration;
import org.knime.core.node.context.ports.PortGroupConfiguration;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Saves one sub config per port
 * group, named by the group, as KNIME does.
 */
public final class DefaultModifiablePortsConfiguration extends DefaultPortsConfiguration
    implements ModifiablePortsConfiguration {

    /** @param portGroups the port groups, in port order */
    public DefaultModifiablePortsConfiguration(final Map<String, PortGroupConfiguration> portGroups) {
        super(portGroups);
    }

    @Override
    public ModifiablePortsConfiguration copy() {
        Map<String, PortGroupConfiguration> copy = new LinkedHashMap<>();
        m_portGroups.forEach((name, group) -> copy.put(name, group.copy()));
        return new DefaultModifiablePortsConfiguration(copy);
    }

    @Override
    public void saveSettingsTo(final NodeSettingsWO settings) {
        m_portGroups.forEach((name, group) -> group.saveSettingsTo(settings.addNodeSettings(name)));
    }

    @Override
    public void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (Map.Entry<String, PortGroupConfiguration> e : m_portGroups.entrySet()) {
            if (settings.containsKey(e.getKey())) {
                e.getValue().loadSettingsFrom(settings.getNodeSettings(e.getKey()));
            }
        }
    }

    @Override
    public Map<String, ExtendablePortGroup> getExtendablePorts() {
        Map<String, ExtendablePortGroup> r = new LinkedHashMap<>();
        m_portGroups.forEach((name, group) -> {
            if (group instanceof ExtendablePortGroup g) {
                r.put(name, g);
            }
        });
        return r;
    }

    @Override
    public PortGroupConfiguration getGroup(final String grpName) {
        PortGroupConfiguration g = m_portGroups.get(grpName);
        if (g == null) {
            throw new NoSuchElementException("There is no group called '" + grpName + "'");
        }
        return g;
    }
}
