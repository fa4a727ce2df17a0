package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/**
 * Stub of the KNIME class of the same name. The real class also implements ComplexNumberValue, FuzzyNumberValue,
 * FuzzyIntervalValue, BoundedValue and NominalValue, which are not part of this stub.
 */
public final class BooleanCell extends DataCell implements BooleanValue, IntValue, LongValue, DoubleValue {

    private static final long serialVersionUID = 1L;

    /** TRUE instance. */
    public static final BooleanCell TRUE = new BooleanCell(true);

    /** FALSE instance. */
    public static final BooleanCell FALSE = new BooleanCell(false);

    /** Type of this cell. */
    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    private final boolean m_boolean;

    BooleanCell(final boolean b) {
        m_boolean = b;
    }

    @Override
    public boolean getBooleanValue() {
        return m_boolean;
    }

    @Override
    public int getIntValue() {
        return m_boolean ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return getIntValue();
    }

    @Override
    public double getDoubleValue() {
        return m_boolean ? 1.0 : 0.0;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_boolean == m_boolean;
    }

    @Override
    public int hashCode() {
        return getIntValue();
    }

    @Override
    public String toString() {
        return Boolean.toString(m_boolean);
    }

    private Object readResolve() {
        return m_boolean ? TRUE : FALSE;
    }

    /**
     * Factory for boolean cells. The real class also implements FromSimpleString and FromComplexString and has
     * instance methods for them, which are not part of this stub.
     */
    public static final class BooleanCellFactory {

        /** Type of the created cells. */
        public static final DataType TYPE = BooleanCell.TYPE;

        /**
         * @param s any string, parsed with {@link Boolean#parseBoolean(String)}
         * @return TRUE or FALSE
         */
        public static DataCell create(final String s) {
            return Boolean.parseBoolean(s) ? TRUE : FALSE;
        }

        /**
         * @param b the value
         * @return TRUE or FALSE
         */
        public static DataCell create(final boolean b) {
            return b ? TRUE : FALSE;
        }
    }
}
