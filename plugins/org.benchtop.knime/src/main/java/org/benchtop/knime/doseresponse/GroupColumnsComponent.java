package org.benchtop.knime.doseresponse;

import java.awt.Dimension;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.SettingsModelStringArray;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A multi-selection list of the input table's columns for a {@link SettingsModelStringArray} (the
 * group columns; none selected = one curve). Selected columns that the current input lacks are kept
 * in the list, so that opening the dialog never drops a saved setting silently.
 */
final class GroupColumnsComponent extends DialogComponent {

    private final DefaultListModel<String> columns = new DefaultListModel<>();
    private final JList<String> list = new JList<>(columns);
    private final int port;

    /**
     * @param model the group columns
     * @param label the border title
     * @param port the input port whose columns are listed
     */
    GroupColumnsComponent(SettingsModelStringArray model, String label, int port) {
        super(model);
        this.port = port;
        list.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        list.setVisibleRowCount(6);
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                model().setStringArrayValue(list.getSelectedValuesList().toArray(new String[0]));
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new Dimension(260, 120));
        getComponentPanel().setBorder(BorderFactory.createTitledBorder(label));
        getComponentPanel().add(scroll);
    }

    private SettingsModelStringArray model() {
        return (SettingsModelStringArray) getModel();
    }

    @Override
    protected void updateComponent() {
        String[] chosen = model().getStringArrayValue();
        Set<String> selected = new LinkedHashSet<>(chosen == null ? List.of() : List.of(chosen));
        List<String> names = new ArrayList<>();
        PortObjectSpec spec = getLastTableSpec(port);
        if (spec instanceof DataTableSpec t) {
            for (DataColumnSpec c : t) {
                names.add(c.getName());
            }
        }
        for (String s : selected) {
            if (!names.contains(s)) {
                names.add(s);
            }
        }
        columns.clear();
        for (String n : names) {
            columns.addElement(n);
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (selected.contains(names.get(i))) {
                idx.add(Integer.valueOf(i));
            }
        }
        list.setSelectedIndices(idx.stream().mapToInt(Integer::intValue).toArray());
        // the listener may have reordered the value: keep the saved order
        model().setStringArrayValue(selected.toArray(new String[0]));
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // the selection listener keeps the model up to date
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException {
        // optional setting: any input will do
    }

    @Override
    protected void setEnabledComponents(boolean enabled) {
        list.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(String text) {
        list.setToolTipText(text);
    }
}
