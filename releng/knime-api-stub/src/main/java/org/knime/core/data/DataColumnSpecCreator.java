package org.knime.core.data;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Only name and type are
 * supported.
 */
public final class DataColumnSpecCreator {

    private static int emptyColumnCount = 0;

    private String m_name;

    private DataType m_type;

    /**
     * @param name column name
     * @param type column type
     */
    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    /** @param cspec spec to copy */
    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        m_name = cspec.getName();
        m_type = cspec.getType();
    }

    /**
     * Sets the name; it is trimmed, and a blank name is replaced by an artificial one (as in KNIME).
     *
     * @param name the name, not null
     */
    public void setName(final String name) {
        if (name == null) {
            throw new NullPointerException("Name of DataColumnSpec must not be null!");
        }
        String valid = name.trim();
        if (valid.isEmpty()) {
            synchronized (DataColumnSpecCreator.class) {
                valid = "<empty_" + (++emptyColumnCount) + ">";
            }
        }
        m_name = valid;
    }

    /** @param type the type, not null */
    public void setType(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Type of DataColumnSpec must not be null!");
        }
        m_type = type;
    }

    /** @return a new spec */
    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type);
    }
}
