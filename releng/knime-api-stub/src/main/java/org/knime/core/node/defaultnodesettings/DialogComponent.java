package org.knime.core.node.defaultnodesettings;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Load and save go through the
 * settings model exactly as in KNIME, so a dialog writes the same keys as the node model. The real class also
 * has protected Swing helpers (DEFAULT_FG/DEFAULT_BG, showError, clearError, EmptySettingsModel), which are not
 * part of this stub.
 */
public abstract class DialogComponent {

    private final SettingsModel m_model;

    private final JPanel m_panel;

    private PortObjectSpec[] m_lastSpecs;

    /** @param model the settings model, not null */
    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("SettingsModel can't be null.");
        }
        m_model = model;
        m_panel = new JPanel();
    }

    /** @return the panel with the component's widgets */
    public JPanel getComponentPanel() {
        return m_panel;
    }

    /** @return the settings model */
    public final SettingsModel getModel() {
        return m_model;
    }

    /**
     * @param portID port index
     * @return the spec of the last load, may be null
     */
    protected final PortObjectSpec getLastTableSpec(final int portID) {
        return m_lastSpecs == null ? null : m_lastSpecs[portID];
    }

    /** @return the specs of the last load, may be null */
    protected final PortObjectSpec[] getLastTableSpecs() {
        return m_lastSpecs;
    }

    /**
     * @param settings settings to load
     * @param specs input specs
     * @throws NotConfigurableException if the component can't be used with the specs
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_lastSpecs = specs;
        checkConfigurabilityBeforeLoad(specs);
        m_model.dlgLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    /** Transfers the model value into the component. */
    protected abstract void updateComponent();

    /**
     * @param settings to write to
     * @throws InvalidSettingsException if the entered value is invalid (and the model enabled)
     */
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        try {
            validateSettingsBeforeSave();
        } catch (InvalidSettingsException ise) {
            if (m_model.isEnabled()) {
                throw ise;
            }
        }
        m_model.dlgSaveSettingsTo(settings);
    }

    /** @throws InvalidSettingsException if the entered value is invalid */
    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    /**
     * @param specs input specs
     * @throws NotConfigurableException if the component can't be used with them
     */
    protected abstract void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs)
        throws NotConfigurableException;

    /**
     * @param enabled new status
     * @deprecated use the settings model's setEnabled
     */
    @Deprecated
    public final void setEnabled(final boolean enabled) {
        m_model.setEnabled(enabled);
        setEnabledComponents(enabled);
        getComponentPanel().setEnabled(enabled);
    }

    /** @param enabled new status of the widgets */
    protected abstract void setEnabledComponents(final boolean enabled);

    /** @param text tool tip */
    public abstract void setToolTipText(final String text);
}
