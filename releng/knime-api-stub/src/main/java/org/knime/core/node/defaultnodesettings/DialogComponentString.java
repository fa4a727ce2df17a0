package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stub of the KNIME class of the same name (no widgets; the model holds the value). With
 * {@code disallowEmptyString} an empty value is rejected on save, as in KNIME.
 */
public final class DialogComponentString extends DialogComponent {

    private final boolean m_disallowEmpty;

    /**
     * @param stringModel the model
     * @param label label
     */
    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        this(stringModel, label, false, 15);
    }

    /**
     * @param stringModel the model
     * @param label label
     * @param disallowEmptyString whether an empty string is rejected
     * @param compWidth field width in characters
     */
    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth) {
        super(stringModel);
        m_disallowEmpty = disallowEmptyString;
    }

    @Override
    protected void updateComponent() {
        // no widgets
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        String v = ((SettingsModelString)getModel()).getStringValue();
        if (m_disallowEmpty && (v == null || v.isEmpty())) {
            throw new InvalidSettingsException("Please enter a string value.");
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widgets
    }

    /**
     * @param width width
     * @param height height
     */
    public void setSizeComponents(final int width, final int height) {
        // no widgets
    }

    @Override
    public void setToolTipText(final String text) {
        // no widgets
    }
}
