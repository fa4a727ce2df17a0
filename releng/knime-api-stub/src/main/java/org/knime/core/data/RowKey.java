package org.knime.core.data;

/** Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped). */
public final class RowKey {

    private final String m_id;

    /** @param id the row id, not null */
    public RowKey(final String id) {
        if (id == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_id = id;
    }

    /** @return the row id */
    public String getString() {
        return m_id;
    }

    @Override
    public String toString() {
        return getString();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof RowKey && ((RowKey)obj).m_id.equals(m_id));
    }

    @Override
    public int hashCode() {
        return m_id.hashCode();
    }

    /**
     * @param rowKeys keys, may be null
     * @return their strings, or null
     */
    public static String[] toStrings(final RowKey... rowKeys) {
        if (rowKeys == null) {
            return null;
        }
        String[] r = new String[rowKeys.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = rowKeys[i].getString();
        }
        return r;
    }

    /**
     * @param strs strings, may be null
     * @return keys, or null
     */
    public static RowKey[] toRowKeys(final String... strs) {
        if (strs == null) {
            return null;
        }
        RowKey[] r = new RowKey[strs.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = new RowKey(strs[i]);
        }
        return r;
    }

    /**
     * Default row key for a row index. Only the {@code int} overload was found in the stored KNIME sources; pass
     * an int so the call compiles against both this stub and real KNIME.
     *
     * @param rowIndex 0-based index
     * @return {@code "Row" + rowIndex}
     */
    public static RowKey createRowKey(final int rowIndex) {
        return new RowKey("Row" + rowIndex);
    }
}
