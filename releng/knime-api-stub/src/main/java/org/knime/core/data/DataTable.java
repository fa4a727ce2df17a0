package org.knime.core.data;

/** Stub of the KNIME interface of the same name (signatures only; compile and test use, never shipped). */
public interface DataTable extends Iterable<DataRow> {

    /** @return the table spec */
    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
