package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stub of the KNIME class of the same name (no widgets; the model holds the value). */
public final class DialogComponentBoolean extends DialogComponent {

    /**
     * @param booleanModel the model
     * @param label check box label
     */
    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
    }

    @Override
    protected void updateComponent() {
        // no widgets
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // nothing to check
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widgets
    }

    /** @return the model's value */
    public boolean isSelected() {
        return ((SettingsModelBoolean)getModel()).getBooleanValue();
    }

    @Override
    public void setToolTipText(final String text) {
        // no widgets
    }
}
