package org.knime.core.data;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Stub of the KNIME interface of the same name (signatures only; compile and test use, never shipped). */
public interface DataRow extends Iterable<DataCell> {

    /** @return number of cells */
    int getNumCells();

    /** @return the row key */
    RowKey getKey();

    /**
     * @param index cell index
     * @return the cell
     */
    DataCell getCell(final int index);

    /** @return a sequential stream of the cells */
    default Stream<DataCell> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
