package org.benchtop.knimestub.testing;

import java.io.File;
import java.util.List;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortType;

/** Base of the stub tests' toy node models: its settings models are its settings; no internals, nothing to reset. */
abstract class ToyNodeModel extends NodeModel {

    private final List<SettingsModel> m_settings;

    ToyNodeModel(final int nrInDataPorts, final int nrOutDataPorts, final SettingsModel... settings) {
        super(nrInDataPorts, nrOutDataPorts);
        m_settings = List.of(settings);
    }

    ToyNodeModel(final PortType[] in, final PortType[] out, final SettingsModel... settings) {
        super(in, out);
        m_settings = List.of(settings);
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        for (SettingsModel m : m_settings) {
            m.saveSettingsTo(settings);
        }
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : m_settings) {
            m.validateSettings(settings);
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : m_settings) {
            m.loadSettingsFrom(settings);
        }
    }

    @Override
    protected void reset() {
        // nothing
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing
    }
}
