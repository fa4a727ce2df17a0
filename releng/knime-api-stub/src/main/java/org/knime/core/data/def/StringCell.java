package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.data.StringValue;

/** Stub of the KNIME class of the same name. The real class also implements NominalValue (not in this stub). */
public final class StringCell extends DataCell implements StringValue {

    private static final long serialVersionUID = 1L;

    /** Type of this cell. */
    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String m_string;

    /** @return StringValue.class */
    public static final Class<? extends DataValue> getPreferredValueClass() {
        return StringValue.class;
    }

    /** @param str the value, not null */
    public StringCell(final String str) {
        if (str == null) {
            throw new NullPointerException("String value can't be null.");
        }
        m_string = str;
    }

    @Override
    public String getStringValue() {
        return m_string;
    }

    @Override
    public String toString() {
        return m_string;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return m_string.equals(((StringCell)dc).m_string);
    }

    @Override
    public int hashCode() {
        return m_string.hashCode();
    }
}
