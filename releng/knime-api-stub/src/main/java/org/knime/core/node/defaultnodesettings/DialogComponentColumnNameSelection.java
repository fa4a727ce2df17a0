package org.knime.core.node.defaultnodesettings;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stub of the KNIME class of the same name (no widgets). Like KNIME, it refuses to load (NotConfigurableException)
 * when the input spec is missing or, if required, has no column compatible to the class filter. Constructors
 * taking a ColumnFilter are not part of this stub.
 */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private final int m_specIndex;

    private final boolean m_isRequired;

    private final Class<? extends DataValue>[] m_classFilter;

    /**
     * @param model model holding the column name
     * @param label label
     * @param specIndex input port index
     * @param classFilter accepted value classes
     */
    @SuppressWarnings("unchecked")
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, classFilter);
    }

    /**
     * @param model model holding the column name
     * @param label label
     * @param specIndex input port index
     * @param isRequired whether a compatible column must exist
     * @param classFilter accepted value classes
     */
    @SuppressWarnings("unchecked")
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, isRequired, false, classFilter);
    }

    /**
     * @param model model holding the column name
     * @param label label
     * @param specIndex input port index
     * @param isRequired whether a compatible column must exist
     * @param addNoneCol whether a "none" option is offered
     * @param classFilter accepted value classes
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final boolean addNoneCol,
        final Class<? extends DataValue>... classFilter) {
        super(model);
        m_specIndex = specIndex;
        m_isRequired = isRequired;
        m_classFilter = classFilter == null || classFilter.length == 0
            ? new Class[]{DataValue.class} : classFilter.clone();
    }

    /** @return the selected column name (the model's value) */
    public final String getSelected() {
        return ((SettingsModelString)getModel()).getStringValue();
    }

    /** @return the spec of the selected column in the last loaded spec, or null */
    public final DataColumnSpec getSelectedAsSpec() {
        PortObjectSpec s = getLastTableSpec(m_specIndex);
        return s instanceof DataTableSpec ? ((DataTableSpec)s).getColumnSpec(getSelected()) : null;
    }

    private boolean accepts(final DataColumnSpec col) {
        for (Class<? extends DataValue> c : m_classFilter) {
            if (col.getType().isCompatible(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void updateComponent() {
        // no widgets
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_specIndex) {
            throw new NotConfigurableException(
                "Need input table spec to configure dialog. Configure or execute predecessor nodes.");
        }
        if (specs[m_specIndex] != null && !(specs[m_specIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException(
                "Wrong type of PortObject for ColumnNameSelection, expecting DataTableSpec!");
        }
        if (!m_isRequired) {
            return;
        }
        DataTableSpec spec = (DataTableSpec)specs[m_specIndex];
        if (spec == null) {
            throw new NotConfigurableException(
                "Need input table spec to configure dialog. Configure or execute predecessor nodes.");
        }
        for (DataColumnSpec col : spec) {
            if (accepts(col)) {
                return;
            }
        }
        throw new NotConfigurableException("No column in spec compatible to the required type(s).");
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // the model holds the selection
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widgets
    }

    @Override
    public void setToolTipText(final String text) {
        // no widgets
    }
}
