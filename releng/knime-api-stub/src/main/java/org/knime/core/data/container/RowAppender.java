package org.knime.core.data.container;

import org.knime.core.data.DataRow;

/** Stub of the KNIME interface of the same name (signatures only; compile and test use, never shipped). */
public interface RowAppender {

    /** @param row row to append */
    public void addRowToTable(final DataRow row);
}
