package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/**
 * Stub of the KNIME class of the same name. The real class also implements ComplexNumberValue, FuzzyNumberValue,
 * FuzzyIntervalValue and BoundedValue, which are not part of this stub.
 */
public class IntCell extends DataCell implements IntValue, LongValue, DoubleValue {

    private static final long serialVersionUID = 1L;

    /** Type of this cell. */
    public static final DataType TYPE = DataType.getType(IntCell.class);

    private final int m_int;

    /** @return IntValue.class */
    public static final Class<? extends DataValue> getPreferredValueClass() {
        return IntValue.class;
    }

    /** @param i the value */
    public IntCell(final int i) {
        m_int = i;
    }

    @Override
    public int getIntValue() {
        return m_int;
    }

    @Override
    public long getLongValue() {
        return m_int;
    }

    @Override
    public double getDoubleValue() {
        return m_int;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((IntCell)dc).m_int == m_int;
    }

    @Override
    public int hashCode() {
        return m_int;
    }

    @Override
    public String toString() {
        return Integer.toString(m_int);
    }
}
