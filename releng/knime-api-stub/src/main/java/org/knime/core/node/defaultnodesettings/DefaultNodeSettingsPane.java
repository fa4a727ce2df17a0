package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Load and save delegate to the
 * registered dialog components in order, as in KNIME; layout calls only record panels.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private static final String TAB_TITLE = "Options";

    private final List<DialogComponent> m_dialogComponents = new ArrayList<>();

    private JPanel m_currentPanel;

    private String m_defaultTabTitle = TAB_TITLE;

    /** Creates the pane with one tab "Options". */
    public DefaultNodeSettingsPane() {
        super();
        m_currentPanel = newPanel();
        addTab(m_defaultTabTitle, m_currentPanel);
    }

    private static JPanel newPanel() {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        return p;
    }

    /** @param tabTitle new title of the default tab, not empty */
    public void setDefaultTabTitle(final String tabTitle) {
        if (tabTitle == null || tabTitle.isEmpty()) {
            throw new IllegalArgumentException("The title of a tab can't be null or empty.");
        }
        if (!tabTitle.equals(m_defaultTabTitle)) {
            renameTab(m_defaultTabTitle, tabTitle);
            m_defaultTabTitle = tabTitle;
        }
    }

    /**
     * @param tabTitle title of the new tab, not empty
     * @param index position
     */
    public void createNewTabAt(final String tabTitle, final int index) {
        if (tabTitle == null || tabTitle.isEmpty()) {
            throw new IllegalArgumentException("The title of a tab can't be null nor empty.");
        }
        m_currentPanel = newPanel();
        addTabAt(index, tabTitle, m_currentPanel);
    }

    /** @param tabTitle title of the new tab, not empty */
    public void createNewTab(final String tabTitle) {
        createNewTabAt(tabTitle, Integer.MAX_VALUE);
    }

    /** @param tabTitle tab to bring to front (no effect in the stub) */
    public void selectTab(final String tabTitle) {
        // no visible dialog in the stub
    }

    /** @param title title of the new group */
    public void createNewGroup(final String title) {
        // layout only
    }

    /** Closes the current group. */
    public void closeCurrentGroup() {
        // layout only
    }

    /** @param diaC component to add; it is loaded and saved with the dialog */
    public void addDialogComponent(final DialogComponent diaC) {
        m_dialogComponents.add(diaC);
        m_currentPanel.add(diaC.getComponentPanel());
    }

    /** @param horizontal whether following components are placed side by side */
    public void setHorizontalPlacement(final boolean horizontal) {
        // layout only
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent comp : m_dialogComponents) {
            comp.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent comp : m_dialogComponents) {
            comp.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    /**
     * @param settings settings
     * @param specs input specs
     * @throws NotConfigurableException if the dialog can't be opened
     */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] dts = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] instanceof DataTableSpec) {
                dts[i] = (DataTableSpec)specs[i];
            } else if (specs[i] == null) {
                dts[i] = new DataTableSpec();
            } else {
                return;
            }
        }
        loadAdditionalSettingsFrom(settings, dts);
    }

    /**
     * @param settings settings
     * @param specs input table specs, none null
     * @throws NotConfigurableException if the dialog can't be opened
     */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        // hook
    }

    /**
     * @param settings to write to
     * @throws InvalidSettingsException if a value is invalid
     */
    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // hook
    }
}
