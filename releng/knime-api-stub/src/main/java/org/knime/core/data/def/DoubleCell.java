package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;

/**
 * Stub of the KNIME class of the same name. The real class also implements ComplexNumberValue, FuzzyNumberValue,
 * FuzzyIntervalValue and BoundedValue, which are not part of this stub.
 */
public final class DoubleCell extends DataCell implements DoubleValue {

    private static final long serialVersionUID = 1L;

    /** Type of this cell. */
    public static final DataType TYPE = DataType.getType(DoubleCell.class);

    private final double m_double;

    /** @return DoubleValue.class */
    public static final Class<? extends DataValue> getPreferredValueClass() {
        return DoubleValue.class;
    }

    /** @param d the value */
    public DoubleCell(final double d) {
        m_double = d;
    }

    @Override
    public double getDoubleValue() {
        return m_double;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        double o = ((DoubleCell)dc).m_double;
        return (Double.isNaN(o) && Double.isNaN(m_double)) || o == m_double;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(m_double);
    }

    @Override
    public String toString() {
        return Double.toString(m_double);
    }
}
