package org.knime.core.node.workflow;

import java.util.Objects;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Only string, double and int
 * variables are supported; the VariableType-based API and the Scope enum of the real class are not part of this
 * stub. As in KNIME (Scope.Flow), blank names and names starting with "knime" are rejected.
 */
public final class FlowVariable extends FlowObject {

    /**
     * The type of a variable.
     *
     * @deprecated in KNIME 4.1+, use VariableType (not part of this stub)
     */
    @Deprecated
    public enum Type {
        /** double type. */
        DOUBLE,
        /** int type. */
        INTEGER,
        /** String type. */
        STRING,
        /** credentials. */
        CREDENTIALS,
        /** all other types. */
        OTHER;
    }

    private final String m_name;

    private final Type m_type;

    private final Object m_value;

    private FlowVariable(final String name, final Type type, final Object value) {
        if (name == null) {
            throw new IllegalArgumentException("Name must not be null");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("Invalid (empty) flow variable name");
        }
        if (name.startsWith("knime")) {
            throw new IllegalArgumentException(
                "The flow variable '" + name + "' has a reserved prefix ('knime'). Please change the name.");
        }
        m_name = name;
        m_type = type;
        m_value = value;
    }

    /**
     * @param name variable name
     * @param valueS string value
     */
    public FlowVariable(final String name, final String valueS) {
        this(name, Type.STRING, valueS);
    }

    /**
     * @param name variable name
     * @param valueD double value
     */
    public FlowVariable(final String name, final double valueD) {
        this(name, Type.DOUBLE, valueD);
    }

    /**
     * @param name variable name
     * @param valueI int value
     */
    public FlowVariable(final String name, final int valueI) {
        this(name, Type.INTEGER, valueI);
    }

    /** @return the name */
    public String getName() {
        return m_name;
    }

    /**
     * @return the type
     * @deprecated in KNIME use getVariableType() (not part of this stub)
     */
    @Deprecated
    public Type getType() {
        return m_type;
    }

    /** @return the string value, or null if not a string variable */
    public String getStringValue() {
        return m_type == Type.STRING ? (String)m_value : null;
    }

    /** @return the double value, or NaN if not a double variable */
    public double getDoubleValue() {
        return m_type == Type.DOUBLE ? (Double)m_value : Double.NaN;
    }

    /** @return the int value, or 0 if not an int variable */
    public int getIntValue() {
        return m_type == Type.INTEGER ? (Integer)m_value : 0;
    }

    /** @return the value as string, whatever the type */
    public String getValueAsString() {
        return String.valueOf(m_value);
    }

    @Override
    public String toString() {
        return String.format("\"%s\" (%s: %s)", m_name, m_type, getValueAsString());
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof FlowVariable)) {
            return false;
        }
        FlowVariable v = (FlowVariable)obj;
        return v.m_name.equals(m_name) && v.m_type == m_type && Objects.equals(v.m_value, m_value);
    }

    @Override
    public int hashCode() {
        return m_type.hashCode() ^ m_name.hashCode();
    }
}
