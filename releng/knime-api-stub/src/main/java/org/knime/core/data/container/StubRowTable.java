package org.knime.core.data.container;

import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;

/** Stub-internal (package-private, not part of the KNIME API): the in-memory table a DataContainer returns. */
final class StubRowTable implements DataTable {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    StubRowTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = List.copyOf(rows);
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public CloseableRowIterator iterator() {
        return CloseableRowIterator.wrap(m_rows.iterator());
    }
}
