package org.knime.core.data;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Only name and type are kept;
 * domains, properties and handlers of the real class are not part of this stub.
 */
public final class DataColumnSpec {

    private final String m_name;

    private final DataType m_type;

    DataColumnSpec(final String name, final DataType type) {
        if (name == null || type == null) {
            throw new IllegalArgumentException("Do not init DataColumnSpec with null arguments!");
        }
        m_name = name;
        m_type = type;
    }

    /** @return the column name */
    public String getName() {
        return m_name;
    }

    /** @return the column type */
    public DataType getType() {
        return m_type;
    }

    /**
     * @param cspec other spec
     * @return same name and the argument's type is a super type of this type
     */
    public boolean isCompatibleWith(final DataColumnSpec cspec) {
        if (cspec == this) {
            return true;
        }
        return cspec != null && m_name.equals(cspec.m_name) && cspec.m_type.isASuperTypeOf(m_type);
    }

    /**
     * @param cspec other spec
     * @return same name and type
     */
    public boolean equalStructure(final DataColumnSpec cspec) {
        if (cspec == this) {
            return true;
        }
        return cspec != null && m_name.equals(cspec.m_name) && m_type.equals(cspec.m_type);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DataColumnSpec && equalStructure((DataColumnSpec)o);
    }

    @Override
    public int hashCode() {
        return m_name.hashCode() ^ m_type.hashCode();
    }

    @Override
    public String toString() {
        return m_name + " (" + m_type + ")";
    }
}
