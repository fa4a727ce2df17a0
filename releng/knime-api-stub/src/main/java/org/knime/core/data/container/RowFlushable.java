package org.knime.core.data.container;

/** Stub of the KNIME interface of the same name (signatures only; compile and test use, never shipped). */
public interface RowFlushable {

    /** Makes sure all added rows are written. */
    void flushRows();
}
