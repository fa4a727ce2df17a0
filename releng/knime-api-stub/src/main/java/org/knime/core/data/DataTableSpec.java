package org.knime.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Column names must be unique,
 * as in KNIME.
 */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private static final String DFT_SPEC_NAME = "default";

    private static final String CFG_SPEC_NAME = "spec_name";

    private final String m_name;

    private final DataColumnSpec[] m_columnSpecs;

    private final Map<String, Integer> m_colIndexMap = new HashMap<>();

    /**
     * @param names column names
     * @param types column types
     * @return column specs
     */
    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException("Parameter arrays names and types must have the same length (names: "
                + names.length + ", types: " + types.length + ").");
        }
        Set<String> seen = new HashSet<>();
        DataColumnSpec[] r = new DataColumnSpec[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!seen.add(names[i])) {
                throw new IllegalArgumentException("Duplicate column name \"" + names[i] + "\" at position " + i + ".");
            }
            r[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return r;
    }

    /** Empty spec named "default". */
    public DataTableSpec() {
        this(DFT_SPEC_NAME);
    }

    /** @param colSpecs the columns */
    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this(DFT_SPEC_NAME, colSpecs);
    }

    /**
     * @param spec1 first spec
     * @param spec2 second spec, appended
     */
    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(concatName(spec1.getName(), spec2.getName()), spec1, spec2);
    }

    /** @param name spec name */
    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    /**
     * @param name spec name (null for "default")
     * @param colSpecs the columns
     */
    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name == null ? DFT_SPEC_NAME : name;
        m_columnSpecs = new DataColumnSpec[colSpecs.length];
        for (int i = 0; i < colSpecs.length; i++) {
            String n = colSpecs[i].getName();
            Integer dup = m_colIndexMap.put(n, i);
            if (dup != null) {
                throw new IllegalArgumentException(
                    "Duplicate column name \"" + n + "\" at positions " + dup + " and " + i + ".");
            }
            m_columnSpecs[i] = colSpecs[i];
        }
    }

    /**
     * @param name spec name
     * @param spec1 first spec
     * @param spec2 second spec, appended
     */
    public DataTableSpec(final String name, final DataTableSpec spec1, final DataTableSpec spec2) {
        this(name, concat(spec1, spec2));
    }

    /**
     * @param name spec name
     * @param names column names
     * @param types column types
     */
    public DataTableSpec(final String name, final String[] names, final DataType[] types) {
        this(name, createColumnSpecs(names, types));
    }

    /**
     * @param names column names
     * @param types column types
     */
    public DataTableSpec(final String[] names, final DataType[] types) {
        this(CFG_SPEC_NAME, names, types);
    }

    private static DataColumnSpec[] concat(final DataTableSpec a, final DataTableSpec b) {
        DataColumnSpec[] r = Arrays.copyOf(a.m_columnSpecs, a.m_columnSpecs.length + b.m_columnSpecs.length);
        System.arraycopy(b.m_columnSpecs, 0, r, a.m_columnSpecs.length, b.m_columnSpecs.length);
        return r;
    }

    private static String concatName(final String n1, final String n2) {
        if (DFT_SPEC_NAME.equals(n1)) {
            return n2;
        }
        return DFT_SPEC_NAME.equals(n2) ? n1 : n1 + "+" + n2;
    }

    /**
     * @param valueClass value class
     * @return whether any column type is compatible to it (false for null)
     */
    public boolean containsCompatibleType(final Class<? extends DataValue> valueClass) {
        if (valueClass == null) {
            return false;
        }
        for (DataColumnSpec c : m_columnSpecs) {
            if (c.getType().isCompatible(valueClass)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param columnName name
     * @return whether a column of that name exists (false for null)
     */
    public boolean containsName(final String columnName) {
        return findColumnIndex(columnName) >= 0;
    }

    /**
     * @param spec other spec
     * @return same column names and types in the same order
     */
    public boolean equalStructure(final DataTableSpec spec) {
        if (spec == this) {
            return true;
        }
        if (spec == null || spec.getNumColumns() != getNumColumns()) {
            return false;
        }
        for (int i = 0; i < m_columnSpecs.length; i++) {
            if (!m_columnSpecs[i].equalStructure(spec.m_columnSpecs[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataTableSpec && m_name.equals(((DataTableSpec)obj).m_name)
            && equalStructure((DataTableSpec)obj);
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (DataColumnSpec c : m_columnSpecs) {
            h ^= c.hashCode();
        }
        return h;
    }

    /**
     * @param columnName name
     * @return index or -1 (also for null)
     */
    public int findColumnIndex(final String columnName) {
        if (columnName == null) {
            return -1;
        }
        Integer i = m_colIndexMap.get(columnName);
        return i == null ? -1 : i;
    }

    /** @return the column names in order */
    public final String[] getColumnNames() {
        String[] r = new String[m_columnSpecs.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = m_columnSpecs[i].getName();
        }
        return r;
    }

    /**
     * @param index column index
     * @return the column spec
     */
    public DataColumnSpec getColumnSpec(final int index) {
        return m_columnSpecs[index];
    }

    /**
     * @param column column name
     * @return the column spec or null
     */
    public DataColumnSpec getColumnSpec(final String column) {
        int i = findColumnIndex(column);
        return i < 0 ? null : m_columnSpecs[i];
    }

    /** @return the spec name */
    public String getName() {
        return m_name;
    }

    /** @return number of columns */
    public int getNumColumns() {
        return m_columnSpecs.length;
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_columnSpecs)).iterator();
    }

    /**
     * @param spec spec to check
     * @param columnName desired name
     * @return the trimmed name, or the name with " (#i)" appended if it already exists
     */
    public static String getUniqueColumnName(final DataTableSpec spec, final String columnName) {
        if (columnName == null) {
            throw new NullPointerException("Column name must not be null.");
        }
        String trimmed = columnName.trim();
        String result = trimmed;
        int i = 1;
        while (spec.containsName(result)) {
            result = trimmed + " (#" + (i++) + ")";
        }
        return result;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("name=" + m_name + ",columns=[");
        for (int i = 0; i < m_columnSpecs.length; i++) {
            b.append(i > 0 ? "; " : "").append(m_columnSpecs[i].getName());
        }
        return b.append(']').toString();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
