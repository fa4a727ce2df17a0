package org.knime.core.data;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). A type is the set of
 * {@link DataValue} interfaces its cell class implements; {@link #isCompatible(Class)} and
 * {@link #isASuperTypeOf(DataType)} answer from that set as the real class does for native types.
 */
public final class DataType {

    private static final Map<Class<? extends DataCell>, DataType> TYPES = new ConcurrentHashMap<>();

    private final Class<? extends DataCell> m_cellClass;

    private final Set<Class<? extends DataValue>> m_valueClasses;

    private final boolean m_isMissingType;

    private DataType(final Class<? extends DataCell> cellClass) {
        m_cellClass = cellClass;
        Set<Class<? extends DataValue>> values = new LinkedHashSet<>();
        collectValueInterfaces(values, cellClass);
        m_valueClasses = Collections.unmodifiableSet(values);
        m_isMissingType = StubMissingCell.class.equals(cellClass);
    }

    @SuppressWarnings("unchecked")
    private static void collectValueInterfaces(final Set<Class<? extends DataValue>> set, final Class<?> c) {
        for (Class<?> i : c.getInterfaces()) {
            if (DataValue.class.isAssignableFrom(i)) {
                set.add((Class<? extends DataValue>)i);
            }
            collectValueInterfaces(set, i);
        }
        if (c.getSuperclass() != null) {
            collectValueInterfaces(set, c.getSuperclass());
        }
    }

    /**
     * @param cell the cell class
     * @return the (cached) type of the cell class
     */
    public static DataType getType(final Class<? extends DataCell> cell) {
        if (cell == null) {
            throw new NullPointerException("Class must not be null.");
        }
        return TYPES.computeIfAbsent(cell, DataType::new);
    }

    /** @return the missing cell singleton */
    public static DataCell getMissingCell() {
        return StubMissingCell.INSTANCE;
    }

    /**
     * @param valueClass a value interface
     * @return whether cells of this type can be cast to the value class (always true for the missing type)
     */
    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        if (m_isMissingType) {
            return true;
        }
        for (Class<? extends DataValue> c : m_valueClasses) {
            if (valueClass.isAssignableFrom(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param type other type
     * @return whether every value interface of this type is also one of the argument's
     */
    public boolean isASuperTypeOf(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Type must not be null");
        }
        if (type == this || type.m_isMissingType) {
            return true;
        }
        return type.m_valueClasses.containsAll(m_valueClasses);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataType && ((DataType)obj).m_cellClass.equals(m_cellClass);
    }

    @Override
    public int hashCode() {
        return m_cellClass.hashCode();
    }

    @Override
    public String toString() {
        String n = m_cellClass.getSimpleName();
        return n.endsWith("Cell") ? n.substring(0, n.length() - 4) : n;
    }
}
