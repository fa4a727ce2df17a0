package org.knime.core.data;

import java.io.Serializable;

/** Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped). */
public abstract class DataCell implements DataValue, Serializable {

    private static final long serialVersionUID = 1L;

    /** @return the type of this cell, {@code DataType.getType(getClass())} */
    public DataType getType() {
        return DataType.getType(getClass());
    }

    /** @return whether this is a missing cell */
    public final boolean isMissing() {
        return this instanceof StubMissingCell;
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataCell)) {
            return false;
        }
        DataCell other = (DataCell)o;
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        if (getClass().equals(other.getClass())) {
            return equalsDataCell(other);
        }
        return false;
    }

    /**
     * @param dc cell of the same class, not missing
     * @return whether the values are equal
     */
    protected abstract boolean equalsDataCell(final DataCell dc);

    /**
     * @param otherValue value of a different cell class with the same preferred value
     * @return false (default)
     */
    protected boolean equalContent(final DataValue otherValue) {
        return false;
    }

    @Override
    public abstract int hashCode();
}
