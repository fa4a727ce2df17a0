package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

/** Stub of the KNIME class of the same name (compile and test use, never shipped). */
public abstract class NodeDialogPane {

    private final JPanel m_panel = new JPanel(new BorderLayout());

    private final JTabbedPane m_pane = new JTabbedPane();

    private final Map<String, Component> m_tabs = new LinkedHashMap<>();

    /** Creates the pane. */
    protected NodeDialogPane() {
        m_panel.add(m_pane, BorderLayout.CENTER);
    }

    /** @return the panel holding the tabs */
    public final JPanel getPanel() {
        return m_panel;
    }

    /** @return the flow variables available in the dialog (none in the stub) */
    public final Map<String, FlowVariable> getAvailableFlowVariables() {
        return Collections.emptyMap();
    }

    /**
     * Default: casts the specs to DataTableSpec and calls {@link #loadSettingsFrom(NodeSettingsRO,
     * DataTableSpec[])}.
     *
     * @param settings settings to show
     * @param specs input specs
     * @throws NotConfigurableException if the dialog can't be opened
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] in = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException("Input Port " + i + " does not hold data table specs. "
                    + "Likely reason: wrong version of loadSettingsFrom() overwritten!");
            }
            in[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, in);
    }

    /**
     * @param settings settings to show
     * @param specs input table specs
     * @throws NotConfigurableException if the dialog can't be opened
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    /** Called on cancel. */
    public void onCancel() {
        // default: nothing
    }

    /** Called when the dialog closes. */
    public void onClose() {
        // default: nothing
    }

    /** Called when the dialog opens. */
    public void onOpen() {
        // default: nothing
    }

    /**
     * @param settings to write the dialog's settings into
     * @throws InvalidSettingsException if a component holds an invalid value
     */
    protected abstract void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException;

    /**
     * @param title unique tab title
     * @param comp tab content
     */
    protected final void addTab(final String title, final Component comp) {
        addTabAt(Integer.MAX_VALUE, title, comp);
    }

    /**
     * @param index position
     * @param title unique tab title
     * @param comp tab content
     * @return the actual index
     */
    protected final int addTabAt(final int index, final String title, final Component comp) {
        if (title == null || comp == null) {
            throw new NullPointerException("Tab title and component must not be null");
        }
        if (m_tabs.containsKey(title)) {
            throw new IllegalArgumentException("Can't use a tab title twice in the same dialog.");
        }
        if (index < 0) {
            throw new IndexOutOfBoundsException("Index must be greater than or equal to zero");
        }
        int at = Math.min(index, m_pane.getTabCount());
        m_pane.insertTab(title, null, comp, null, at);
        m_tabs.put(title, comp);
        return at;
    }

    /**
     * @param oldName current title
     * @param newName new unique title
     */
    protected final void renameTab(final String oldName, final String newName) {
        if (oldName == null || newName == null) {
            throw new NullPointerException("The title of a tab in the dialog can't be null");
        }
        if (!m_tabs.containsKey(oldName)) {
            throw new IllegalArgumentException("Tab with specified name doesn't exist.");
        }
        if (m_tabs.containsKey(newName)) {
            throw new IllegalArgumentException("Another tab with the specified new name already exists");
        }
        Component c = m_tabs.remove(oldName);
        m_tabs.put(newName, c);
        m_pane.setTitleAt(m_pane.indexOfTab(oldName), newName);
    }
}
