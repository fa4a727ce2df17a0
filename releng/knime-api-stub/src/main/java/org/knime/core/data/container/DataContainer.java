package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Keeps rows in memory. Like the
 * real container it rejects rows with the wrong number of cells, cells whose type does not fit the column type,
 * duplicate row keys, and additions after {@link #close()}.
 */
public class DataContainer implements RowAppender, RowFlushable {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<RowKey> m_keys = new HashSet<>();

    private DataTable m_table;

    /** @param spec spec of the table to build */
    public DataContainer(final DataTableSpec spec) {
        this(spec, false);
    }

    /**
     * @param spec spec of the table to build
     * @param initDomain ignored by the stub (no domains)
     */
    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        if (spec == null) {
            throw new NullPointerException("Spec must not be null!");
        }
        m_spec = spec;
    }

    @Override
    public void addRowToTable(final DataRow row) {
        if (row == null) {
            throw new NullPointerException("Row must not be null");
        }
        if (isClosed()) {
            throw new IllegalStateException("Cannot add rows to a closed container");
        }
        int n = m_spec.getNumColumns();
        if (row.getNumCells() != n) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey() + "\" is not equal to length"
                + " of column names array: " + row.getNumCells() + " vs. " + n);
        }
        for (int i = 0; i < n; i++) {
            DataCell c = row.getCell(i);
            DataColumnSpec col = m_spec.getColumnSpec(i);
            if (c == null) {
                throw new NullPointerException("Cell at index " + i + " of row \"" + row.getKey() + "\" is null");
            }
            if (!c.isMissing() && !col.getType().isASuperTypeOf(c.getType())) {
                throw new IllegalArgumentException("Runtime class of object \"" + c + "\" (index " + i
                    + ") in row \"" + row.getKey() + "\" is " + c.getType() + " and does not comply with its"
                    + " supposed superclass " + col.getType());
            }
        }
        if (!m_keys.add(row.getKey())) {
            throw new IllegalArgumentException("Encountered duplicate row ID \"" + row.getKey() + "\"");
        }
        m_rows.add(row);
    }

    @Override
    public void flushRows() {
        // everything is in memory
    }

    /** @return the table; only after {@link #close()} */
    public DataTable getTable() {
        if (!isClosed()) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        return m_table;
    }

    /** Closes the container; the table is then available. Throws IllegalStateException if already closed. */
    public void close() {
        if (isClosed()) {
            throw new IllegalStateException("Cannot close container: it is not open.");
        }
        m_table = new StubRowTable(m_spec, m_rows);
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return m_table != null;
    }

    /** @return whether rows can be added */
    public boolean isOpen() {
        return !isClosed();
    }

    /** @return number of rows added so far */
    public long size() {
        return m_rows.size();
    }

    /** @return the spec */
    public DataTableSpec getTableSpec() {
        return m_spec;
    }
}
