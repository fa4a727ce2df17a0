package org.knime.core.data.container;

import java.io.Closeable;
import java.util.Collections;
import java.util.Iterator;

import org.knime.core.data.DataRow;
import org.knime.core.data.RowIterator;

/** Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped). */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    /**
     * @param iterator an iterator
     * @return the argument if it already is closeable, else a wrapper
     */
    public static CloseableRowIterator from(final Iterator<DataRow> iterator) {
        return iterator instanceof CloseableRowIterator c ? c : wrap(iterator);
    }

    /**
     * @param delegate iterator to wrap
     * @return wrapper with a no-op close
     */
    public static CloseableRowIterator wrap(final Iterator<DataRow> delegate) {
        return new CloseableRowIterator() {
            @Override
            public boolean hasNext() {
                return delegate.hasNext();
            }

            @Override
            public DataRow next() {
                return delegate.next();
            }

            @Override
            public void close() {
                // nothing to close
            }
        };
    }

    /** @return an empty iterator */
    public static CloseableRowIterator empty() {
        return wrap(Collections.emptyIterator());
    }

    @Override
    public abstract void close();
}
