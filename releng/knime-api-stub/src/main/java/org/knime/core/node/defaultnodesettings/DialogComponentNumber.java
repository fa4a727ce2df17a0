package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stub of the KNIME class of the same name (no widgets; the model holds the value). The constructors taking a
 * FlowVariableModel are not part of this stub.
 */
public class DialogComponentNumber extends DialogComponent {

    /**
     * @param numberModel a SettingsModelDouble or SettingsModelInteger (or bounded variants)
     * @param label label
     * @param stepSize spinner step
     */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10);
    }

    /**
     * @param numberModel a SettingsModelDouble or SettingsModelInteger (or bounded variants)
     * @param label label
     * @param stepSize spinner step
     * @param compWidth width in characters, at least 1
     */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        if (compWidth < 1) {
            throw new IllegalArgumentException("Width of component can't be smaller than 1");
        }
        if (!(numberModel instanceof SettingsModelDouble) && !(numberModel instanceof SettingsModelInteger)) {
            throw new IllegalArgumentException("Only Double and Integer are currently supported by the"
                + " NumberComponent");
        }
    }

    @Override
    protected void updateComponent() {
        // no widgets
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // the model holds a valid value
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
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
