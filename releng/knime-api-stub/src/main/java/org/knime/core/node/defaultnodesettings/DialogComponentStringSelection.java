package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stub of the KNIME class of the same name (no widgets). As in KNIME, a model value that is not in the list is
 * replaced by the first item (non-editable lists), and saving without a selection fails. Constructors taking
 * StringIconOption or FlowVariableModel are not part of this stub.
 */
public final class DialogComponentStringSelection extends DialogComponent {

    private final List<String> m_items = new ArrayList<>();

    private final boolean m_editable;

    /**
     * @param stringModel the model
     * @param label label
     * @param list items, at least one
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list), false);
    }

    /**
     * @param stringModel the model
     * @param label label
     * @param list items, at least one, none null
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        this(stringModel, label, list, false);
    }

    /**
     * @param stringModel the model
     * @param label label
     * @param list items, at least one, none null
     * @param editable whether the user may enter other values
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list, final boolean editable) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of options shouldn't be null or empty");
        }
        for (String s : list) {
            if (s == null) {
                throw new NullPointerException("Options in the selection list can't be null");
            }
            m_items.add(s);
        }
        m_editable = editable;
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        SettingsModelString m = (SettingsModelString)getModel();
        if (!m_editable && !m_items.contains(m.getStringValue())) {
            m.setStringValue(m_items.get(0));
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (((SettingsModelString)getModel()).getStringValue() == null) {
            throw new InvalidSettingsException("Please select an item from the list.");
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

    /**
     * @param newItems new items, not empty
     * @param select item to select, or null to keep the selection if possible
     */
    public void replaceListItems(final Collection<String> newItems, final String select) {
        if (newItems == null || newItems.isEmpty()) {
            throw new NullPointerException("The container with the new items can't be null or empty.");
        }
        m_items.clear();
        m_items.addAll(newItems);
        if (select != null && m_items.contains(select)) {
            ((SettingsModelString)getModel()).setStringValue(select);
        }
        updateComponent();
    }
}
