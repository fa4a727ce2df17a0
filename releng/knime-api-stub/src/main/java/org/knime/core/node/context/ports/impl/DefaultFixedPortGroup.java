package org.knime.core.node.context.ports.impl;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.context.ports.PortGroupConfiguration;
import org.knime.core.node.port.PortType;

/** Stub of the KNIME class of the same name (compile and test use, never shipped): ports the user cannot change. */
public final class DefaultFixedPortGroup implements PortGroupConfiguration {

    private final PortType[] m_fixedPortTypes;

    private final boolean m_definesInputPorts;

    private final boolean m_definesOutputPorts;

    /**
     * @param fixedPortTypes the ports
     * @param definesInputPorts whether they are input ports
     * @param definesOutputPorts whether they are output ports
     */
    public DefaultFixedPortGroup(final PortType[] fixedPortTypes, final boolean definesInputPorts,
        final boolean definesOutputPorts) {
        m_fixedPortTypes = fixedPortTypes;
        m_definesInputPorts = definesInputPorts;
        m_definesOutputPorts = definesOutputPorts;
    }

    @Override
    public DefaultFixedPortGroup copy() {
        return new DefaultFixedPortGroup(m_fixedPortTypes.clone(), m_definesInputPorts, m_definesOutputPorts);
    }

    @Override
    public void saveSettingsTo(final NodeSettingsWO settings) {
        // nothing to save: the ports are fixed (KNIME writes the group's empty sub config)
    }

    @Override
    public void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        // nothing to load
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
    public PortType[] getInputPorts() {
        if (definesInputPorts()) {
            return m_fixedPortTypes;
        }
        throw UNSUPPORTED_INPUT_OPERATION;
    }

    @Override
    public PortType[] getOutputPorts() {
        if (definesOutputPorts()) {
            return m_fixedPortTypes;
        }
        throw UNSUPPORTED_OUTPUT_OPERATION;
    }
}
