package org.knime.core.node.defaultnodesettings;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stub of the KNIME class of the same name. Saves, as KNIME does, a sub config {@code <configName>} holding
 * {@code useRowID} (xboolean) and {@code columnName} (xstring), plus {@code <configName>_Internals} (model id
 * "SMID_string").
 */
public class SettingsModelColumnName extends SettingsModelString {

    private static final String CFG_COLUMN_NAME = "columnName";

    private static final String CFG_ROWID = "useRowID";

    private final String m_configName;

    private boolean m_useRowID = false;

    /**
     * @param configName config key, non-empty
     * @param defaultValue initial column name
     */
    public SettingsModelColumnName(final String configName, final String defaultValue) {
        super(CFG_COLUMN_NAME, defaultValue);
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_configName = configName;
    }

    private SettingsModelColumnName(final String configName, final String defaultValue, final boolean useRowID) {
        super(CFG_COLUMN_NAME, defaultValue);
        m_configName = configName;
        m_useRowID = useRowID;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelColumnName createClone() {
        return new SettingsModelColumnName(getConfigName(), getStringValue(), m_useRowID);
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    /**
     * @param columnName selected column
     * @param useRowID whether the RowID is selected instead
     */
    public void setSelection(final String columnName, final boolean useRowID) {
        boolean rowIdChanged = m_useRowID != useRowID;
        m_useRowID = useRowID;
        boolean nameChanged = !Objects.equals(columnName, getStringValue());
        setStringValue(columnName);
        if (rowIdChanged && !nameChanged) {
            notifyChangeListeners();
        }
    }

    /** @return whether the RowID is selected instead of a column */
    public boolean useRowID() {
        return m_useRowID;
    }

    /** @return the column name (null for none or RowID) */
    public String getColumnName() {
        return getStringValue();
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO sub = settings.getNodeSettings(m_configName);
        sub.getBoolean(CFG_ROWID);
        super.validateSettingsForModel(sub);
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        NodeSettingsWO sub = settings.addNodeSettings(m_configName);
        sub.addBoolean(CFG_ROWID, m_useRowID);
        super.saveSettingsForDialog(sub);
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        NodeSettingsWO sub = settings.addNodeSettings(m_configName);
        sub.addBoolean(CFG_ROWID, m_useRowID);
        super.saveSettingsForModel(sub);
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        boolean oldUseRowID = m_useRowID;
        try {
            NodeSettingsRO sub = settings.getNodeSettings(m_configName);
            boolean rowIdChanged = setUseRowID(sub.getBoolean(CFG_ROWID));
            String old = getStringValue();
            super.loadSettingsForDialog(sub, specs);
            if (rowIdChanged && Objects.equals(old, getStringValue())) {
                notifyChangeListeners();
            }
        } catch (InvalidSettingsException ise) {
            m_useRowID = oldUseRowID;
        }
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO sub = settings.getNodeSettings(m_configName);
        boolean rowIdChanged = setUseRowID(sub.getBoolean(CFG_ROWID));
        String old = getStringValue();
        super.loadSettingsForModel(sub);
        if (rowIdChanged && Objects.equals(old, getStringValue())) {
            notifyChangeListeners();
        }
    }

    private boolean setUseRowID(final boolean useRowID) {
        boolean changed = m_useRowID != useRowID;
        m_useRowID = useRowID;
        return changed;
    }
}
