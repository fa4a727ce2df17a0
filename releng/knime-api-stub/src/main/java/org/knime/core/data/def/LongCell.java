package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;

/**
 * Stub of the KNIME class of the same name. The real class also implements ComplexNumberValue, FuzzyNumberValue,
 * FuzzyIntervalValue and BoundedValue, which are not part of this stub.
 */
public class LongCell extends DataCell implements LongValue, DoubleValue {

    private static final long serialVersionUID = 1L;

    /** Type of this cell. */
    public static final DataType TYPE = DataType.getType(LongCell.class);

    private final long m_long;

    /** @return LongValue.class */
    public static final Class<? extends DataValue> getPreferredValueClass() {
        return LongValue.class;
    }

    /** @param l the value */
    public LongCell(final long l) {
        m_long = l;
    }

    @Override
    public long getLongValue() {
        return m_long;
    }

    @Override
    public double getDoubleValue() {
        return m_long;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((LongCell)dc).m_long == m_long;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(m_long);
    }

    @Override
    public String toString() {
        return Long.toString(m_long);
    }
}
