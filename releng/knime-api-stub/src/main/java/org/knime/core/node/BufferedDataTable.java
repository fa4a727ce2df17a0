package org.knime.core.node;

import java.util.List;

import javax.swing.JComponent;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Holds its rows in memory. Like
 * in KNIME, instances are created through an {@link ExecutionContext} only (tests: see the stub's testing
 * package).
 */
public final class BufferedDataTable implements DataTable, PortObject {

    /** Port type of data tables. */
    @SuppressWarnings("deprecation")
    public static final PortType TYPE = new PortType(BufferedDataTable.class);

    /** Port type of optional data tables. */
    @SuppressWarnings("deprecation")
    public static final PortType TYPE_OPTIONAL = new PortType(BufferedDataTable.class, true);

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    BufferedDataTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = List.copyOf(rows);
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public DataTableSpec getSpec() {
        return getDataTableSpec();
    }

    @Override
    public String getSummary() {
        return "Rows: " + size() + ", Cols: " + getSpec().getNumColumns();
    }

    @Override
    public CloseableRowIterator iterator() {
        return CloseableRowIterator.wrap(m_rows.iterator());
    }

    /**
     * @return number of rows
     * @deprecated use {@link #size()}
     */
    @Deprecated
    public int getRowCount() {
        return m_rows.size();
    }

    /** @return number of rows */
    public long size() {
        return m_rows.size();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
