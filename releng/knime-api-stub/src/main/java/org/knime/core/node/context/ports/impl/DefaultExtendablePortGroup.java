package org.knime.core.node.context.ports.impl;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.context.ports.ExtendablePortGroup;
import org.knime.core.node.port.PortType;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped), without a maximum number of
 * ports (KNIME's optional port groups are not stubbed). Saves, as KNIME does, one sub
 * config {@code port_<i>} per added port holding its {@link PortType#save(org.knime.core.node.config.ConfigWO)
 * object_class}; loading replaces the added ports by those of the sub configs, in order.
 */
public final class DefaultExtendablePortGroup implements ExtendablePortGroup {

    private final PortType[] m_fixedTypes;

    private final PortType[] m_supportedTypes;

    private final List<PortType> m_configuredTypes;

    private final boolean m_definesInputPorts;

    private final boolean m_definesOutputPorts;

    /**
     * @param fixedPortTypes the fixed ports
     * @param supportedTypes the types that may be added
     * @param definesInputPorts whether the group defines input ports
     * @param definesOutputPorts whether the group defines output ports
     */
    public DefaultExtendablePortGroup(final PortType[] fixedPortTypes, final PortType[] supportedTypes,
        final boolean definesInputPorts, final boolean definesOutputPorts) {
        this(fixedPortTypes, supportedTypes, new ArrayList<>(), definesInputPorts, definesOutputPorts);
    }

    private DefaultExtendablePortGroup(final PortType[] fixedPortTypes, final PortType[] supportedTypes,
        final List<PortType> configuredPorts, final boolean definesInputPorts, final boolean definesOutputPorts) {
        m_fixedTypes = fixedPortTypes;
        m_supportedTypes = supportedTypes;
        m_configuredTypes = configuredPorts;
        m_definesInputPorts = definesInputPorts;
        m_definesOutputPorts = definesOutputPorts;
    }

    @Override
    public boolean definesInputPorts() {
        return m_definesInputPorts;
    }

    @Override
    public boolean definesOutputPorts() {
        return m_definesOutputPorts;
    }

    @Override
    public DefaultExtendablePortGroup copy() {
        return new DefaultExtendablePortGroup(m_fixedTypes.clone(), m_supportedTypes.clone(),
            new ArrayList<>(m_configuredTypes), m_definesInputPorts, m_definesOutputPorts);
    }

    @Override
    public void saveSettingsTo(final NodeSettingsWO settings) {
        for (int i = 0; i < m_configuredTypes.size(); i++) {
            m_configuredTypes.get(i).save(settings.addNodeSettings("port_" + i));
        }
    }

    @Override
    public void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_configuredTypes.clear();
        for (String key : settings.keySet()) {
            m_configuredTypes.add(PortType.load(settings.getNodeSettings(key)));
        }
    }

    @Override
    public PortType[] getFixedPorts() {
        return m_fixedTypes;
    }

    @Override
    public PortType[] getConfiguredPorts() {
        return m_configuredTypes.toArray(new PortType[0]);
    }

    @Override
    public boolean canAddPort() {
        return true; // the stub has no group with a maximum (KNIME's optional port groups)
    }

    @Override
    public boolean hasConfiguredPorts() {
        return !m_configuredTypes.isEmpty();
    }

    @Override
    public void addPort(final PortType pType) {
        m_configuredTypes.add(pType);
    }

    @Override
    public PortType removeLastPort() {
        return m_configuredTypes.remove(m_configuredTypes.size() - 1);
    }

    @Override
    public PortType[] getSupportedPortTypes() {
        return m_supportedTypes;
    }
}
