package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/** Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped). */
public class DefaultRow implements DataRow {

    private final RowKey m_rowKey;

    private final DataCell[] m_row;

    /**
     * @param rowKey key
     * @param row cells (copied), none null
     */
    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        if (rowKey == null) {
            throw new NullPointerException("Row ID must not be null!");
        }
        if (row == null) {
            throw new NullPointerException("Row array must not be null!");
        }
        m_row = new DataCell[row.length];
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                throw new NullPointerException("Cell at index " + i + " is null!");
            }
            m_row[i] = row[i];
        }
        m_rowKey = rowKey;
    }

    /**
     * @param rowId key string
     * @param row cells
     */
    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowId key string
     * @param row cells
     */
    public DefaultRow(final String rowId, final List<DataCell> row) {
        this(rowId, row.toArray(new DataCell[row.size()]));
    }

    /**
     * @param rowKey key
     * @param row cells
     */
    public DefaultRow(final RowKey rowKey, final List<DataCell> row) {
        this(rowKey, row.toArray(new DataCell[row.size()]));
    }

    /**
     * @param rowKey key
     * @param row values, stored as DoubleCells
     */
    public DefaultRow(final RowKey rowKey, final double... row) {
        this(rowKey, Arrays.stream(nonNull(row)).mapToObj(DoubleCell::new).toArray(DataCell[]::new));
    }

    /**
     * @param rowId key string
     * @param row values, stored as DoubleCells
     */
    public DefaultRow(final String rowId, final double... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowId key string
     * @param row values, stored as IntCells
     */
    public DefaultRow(final String rowId, final int... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowKey key
     * @param row values, stored as IntCells
     */
    public DefaultRow(final RowKey rowKey, final int... row) {
        this(rowKey, Arrays.stream(nonNull(row)).mapToObj(IntCell::new).toArray(DataCell[]::new));
    }

    /**
     * @param rowId key string
     * @param row values, stored as StringCells
     */
    public DefaultRow(final String rowId, final String... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowKey key
     * @param row values, stored as StringCells (none null)
     */
    public DefaultRow(final RowKey rowKey, final String... row) {
        this(rowKey, Arrays.stream(nonNull(row)).map(StringCell::new).toArray(DataCell[]::new));
    }

    /**
     * @param rowId new key string
     * @param row row to copy
     */
    public DefaultRow(final String rowId, final DataRow row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param key new key
     * @param row row to copy
     */
    public DefaultRow(final RowKey key, final DataRow row) {
        this(checkKey(key), cellsOf(row));
    }

    private static RowKey checkKey(final RowKey key) {
        if (key == null) {
            throw new IllegalArgumentException("Row ID can't be null.");
        }
        return key;
    }

    private static DataCell[] cellsOf(final DataRow row) {
        DataCell[] r = new DataCell[row.getNumCells()];
        for (int i = 0; i < r.length; i++) {
            r[i] = row.getCell(i);
            if (r[i] == null) {
                throw new IllegalArgumentException("A row element can't be null.");
            }
        }
        return r;
    }

    private static <T> T nonNull(final T array) {
        if (array == null) {
            throw new NullPointerException("Row array must not be null!");
        }
        return array;
    }

    @Override
    public final int getNumCells() {
        return m_row.length;
    }

    @Override
    public final RowKey getKey() {
        return m_rowKey;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_row[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_row)).iterator();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(getKey().toString()).append(": (");
        for (int i = 0; i < m_row.length; i++) {
            b.append(i > 0 ? ", " : "").append(m_row[i]);
        }
        return b.append(')').toString();
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DataRow)) {
            return false;
        }
        DataRow o = (DataRow)obj;
        if (o.getNumCells() != getNumCells() || !o.getKey().equals(getKey())) {
            return false;
        }
        for (int i = 0; i < m_row.length; i++) {
            if (!o.getCell(i).equals(m_row[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return getKey().hashCode();
    }
}
