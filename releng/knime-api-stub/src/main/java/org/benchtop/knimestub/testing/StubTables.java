package org.benchtop.knimestub.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;

/** Test helper (stub only, not exported): build and read {@link BufferedDataTable}s. */
public final class StubTables {

    private StubTables() {
    }

    /**
     * @param spec table spec
     * @param rows rows (checked against the spec like in KNIME: cell count, types, unique keys)
     * @return a new table
     */
    public static BufferedDataTable of(final DataTableSpec spec, final List<? extends DataRow> rows) {
        BufferedDataContainer c = StubExecutionContexts.create().createDataContainer(spec);
        for (DataRow r : rows) {
            c.addRowToTable(r);
        }
        c.close();
        return c.getTable();
    }

    /**
     * @param spec table spec
     * @param rows rows
     * @return a new table
     */
    public static BufferedDataTable of(final DataTableSpec spec, final DataRow... rows) {
        return of(spec, Arrays.asList(rows));
    }

    /**
     * @param table any table
     * @return its rows in order
     */
    public static List<DataRow> rows(final DataTable table) {
        List<DataRow> r = new ArrayList<>();
        for (DataRow row : table) {
            r.add(row);
        }
        return r;
    }
}
