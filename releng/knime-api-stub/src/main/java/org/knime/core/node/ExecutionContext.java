package org.knime.core.node;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). The public constructors of the
 * real class need a Node and are not part of this stub; tests obtain an instance through
 * org.benchtop.knimestub.testing.StubExecutionContexts.
 */
public class ExecutionContext extends ExecutionMonitor {

    /** Stub-only (package-private) constructor. */
    ExecutionContext(final NodeProgressMonitor progMon) {
        super(progMon);
    }

    /**
     * @param table table to cache (returned as is if it already is a BufferedDataTable)
     * @param subProgressMon for progress and cancellation
     * @return the cached table
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        if (table instanceof BufferedDataTable) {
            return (BufferedDataTable)table;
        }
        BufferedDataContainer c = createDataContainer(table.getDataTableSpec(), true);
        try {
            for (RowIterator it = table.iterator(); it.hasNext();) {
                DataRow next = it.next();
                subProgressMon.checkCanceled();
                c.addRowToTable(next);
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    /**
     * @param tables tables to cache
     * @param exec for progress and cancellation
     * @return the cached tables
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable[] createBufferedDataTables(final DataTable[] tables, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        BufferedDataTable[] r = new BufferedDataTable[tables.length];
        for (int i = 0; i < tables.length; i++) {
            r[i] = createBufferedDataTable(tables[i], exec.createSubProgress(1.0 / tables.length));
        }
        return r;
    }

    /**
     * @param spec spec of the table to build
     * @return a new container
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return createDataContainer(spec, true);
    }

    /**
     * @param spec spec of the table to build
     * @param initDomain ignored by the stub (no domains)
     * @return a new container
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return new BufferedDataContainer(spec, initDomain);
    }

    /**
     * @param in input table
     * @param newSpec new spec with the same structure
     * @return a table with the rows of {@code in} and the new spec
     */
    public BufferedDataTable createSpecReplacerTable(final BufferedDataTable in, final DataTableSpec newSpec) {
        if (newSpec.getNumColumns() != in.getDataTableSpec().getNumColumns()) {
            throw new IllegalArgumentException("Column count of the new spec differs from the table's");
        }
        BufferedDataContainer c = createDataContainer(newSpec);
        for (DataRow r : in) {
            c.addRowToTable(r);
        }
        c.close();
        return c.getTable();
    }

    /**
     * @param in table to wrap
     * @return a table with the same content
     */
    public BufferedDataTable createWrappedTable(final BufferedDataTable in) {
        return createSpecReplacerTable(in, in.getDataTableSpec());
    }

    /**
     * Concatenates tables row-wise (same structure required in the stub; duplicate row keys are rejected).
     *
     * @param exec for cancellation
     * @param tables tables, not empty
     * @return the concatenation
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createConcatenateTable(final ExecutionMonitor exec, final BufferedDataTable... tables)
        throws CanceledExecutionException {
        if (tables.length == 0) {
            throw new IllegalArgumentException("Argument array must not be empty.");
        }
        DataTableSpec spec = tables[0].getDataTableSpec();
        BufferedDataContainer c = createDataContainer(spec);
        for (BufferedDataTable t : tables) {
            if (!spec.equalStructure(t.getDataTableSpec())) {
                throw new IllegalArgumentException("The stub only concatenates tables of equal structure");
            }
            for (DataRow r : t) {
                exec.checkCanceled();
                c.addRowToTable(r);
            }
        }
        c.close();
        return c.getTable();
    }

    /**
     * @param maxProg share of the total progress, in [0, 1]
     * @return a context for a sub task
     */
    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(createSubProgressMonitor(maxProg));
    }

    /**
     * @param maxProg share of the total progress, in [0, 1]
     * @return a context for a sub task that ignores messages
     */
    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        return new ExecutionContext(createSilentSubProgressMonitor(maxProg));
    }
}
