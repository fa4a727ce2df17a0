package org.knime.core.data;

import java.util.Iterator;

/** Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped). */
public abstract class RowIterator implements Iterator<DataRow> {

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    @Override
    public final void remove() {
        throw new UnsupportedOperationException("Can't remove row from table. Data tables are read-only.");
    }
}
