package org.knime.core.node.defaultnodesettings;

import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.config.Config;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Saves exactly what KNIME saves:
 * a sub config {@code <configName>_Internals} with {@code SettingsModelID} (xstring) and {@code EnabledStatus}
 * (xboolean), followed by the entries written by the subclass.
 */
public abstract class SettingsModel {

    /** Suffix of the sub config holding model id and enabled status. */
    public static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODELID = "SettingsModelID";

    private static final String CFGKEY_ENABLESTAT = "EnabledStatus";

    private final CopyOnWriteArrayList<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_enabled = true;

    /** Default constructor. */
    public SettingsModel() {
    }

    /**
     * @param <T> the concrete model class
     * @param settings settings holding the new value
     * @return a clone with the value read from the settings
     * @throws InvalidSettingsException if the settings hold no valid value
     */
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        T result = createClone();
        ((SettingsModel)result).m_enabled = m_enabled;
        ((SettingsModel)result).readEnableStatusAndCheckModelID(settings);
        ((SettingsModel)result).loadSettingsForModel(settings);
        return result;
    }

    /**
     * @param <T> the concrete model class
     * @return a copy with identical state and value
     */
    protected abstract <T extends SettingsModel> T createClone();

    /** @return id identifying compatible models */
    protected abstract String getModelTypeID();

    /** @return the config key of the value */
    protected abstract String getConfigName();

    /**
     * @param settings settings to read (may be incomplete)
     * @param specs input specs
     * @throws NotConfigurableException if the specs don't allow configuration
     */
    protected abstract void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException;

    final void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            readEnableStatusAndCheckModelID(settings);
        } catch (InvalidSettingsException ise) {
            // dialogs must load anything
        }
        loadSettingsForDialog(settings, specs);
    }

    /**
     * @param settings to write to
     * @throws InvalidSettingsException if the value is invalid
     */
    protected abstract void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException;

    final void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveEnableStatusAndModelID(settings);
        try {
            saveSettingsForDialog(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    /** @param l listener to add (at the end) */
    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    /** @param l listener to add (at the start) */
    protected void prependChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(0, l);
        }
    }

    /** @param l listener to remove */
    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    /** Notifies all listeners. */
    protected void notifyChangeListeners() {
        for (ChangeListener l : m_listeners) {
            l.stateChanged(new ChangeEvent(this));
        }
    }

    /** @param enabled new enabled status */
    public void setEnabled(final boolean enabled) {
        boolean notify = m_enabled != enabled;
        m_enabled = enabled;
        if (notify) {
            notifyChangeListeners();
        }
    }

    /** @return the enabled status */
    public boolean isEnabled() {
        return m_enabled;
    }

    /**
     * @param settings settings to check (values are not taken over)
     * @throws InvalidSettingsException if invalid
     */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        boolean old = m_enabled;
        readEnableStatusAndCheckModelID(settings);
        boolean settingsEnabled = m_enabled;
        m_enabled = old;
        if (settingsEnabled) {
            validateSettingsForModel(settings);
        }
    }

    /**
     * @param settings settings to check
     * @throws InvalidSettingsException if invalid
     */
    protected abstract void validateSettingsForModel(final NodeSettingsRO settings)
        throws InvalidSettingsException;

    /**
     * @param settings settings to read
     * @throws InvalidSettingsException if the value is missing or invalid (and the model enabled)
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        readEnableStatusAndCheckModelID(settings);
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    /**
     * @param settings settings to read
     * @throws InvalidSettingsException if the value is missing or invalid
     */
    protected abstract void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException;

    /** @param settings to write to */
    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveEnableStatusAndModelID(settings);
        saveSettingsForModel(settings);
    }

    /** @param settings to write to */
    protected abstract void saveSettingsForModel(final NodeSettingsWO settings);

    private void readEnableStatusAndCheckModelID(final NodeSettingsRO settings) throws InvalidSettingsException {
        Config idCfg;
        try {
            idCfg = settings.getConfig(getConfigName() + CFGKEY_INTERNAL);
        } catch (InvalidSettingsException ise) {
            return; // older settings have no internals
        }
        String settingsID = idCfg.getString(CFGKEY_MODELID);
        m_enabled = idCfg.getBoolean(CFGKEY_ENABLESTAT);
        assert getModelTypeID().equals(settingsID) : "Incorrect Implementation: the SettingsModel that wrote the"
            + " values (" + settingsID + ") differs from the one reading them (" + getModelTypeID() + ", " + this
            + ")";
    }

    private void saveEnableStatusAndModelID(final NodeSettingsWO settings) {
        Config intCfg = settings.addConfig(getConfigName() + CFGKEY_INTERNAL);
        intCfg.addString(CFGKEY_MODELID, getModelTypeID());
        intCfg.addBoolean(CFGKEY_ENABLESTAT, m_enabled);
    }

    @Override
    public abstract String toString();
}
