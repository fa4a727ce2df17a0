package org.knime.core.node.port;

import java.lang.reflect.Method;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). In real KNIME, port types are
 * obtained from PortTypeRegistry or the TYPE constants of the port object classes; the stub has only the
 * (deprecated) public constructors, which the stub's TYPE constants use.
 */
public final class PortType {

    /** The default color for ports. */
    public static final int DEFAULT_COLOR = 0xff9b9b9b;

    private final Class<? extends PortObjectSpec> m_specClass;

    private final Class<? extends PortObject> m_objectClass;

    private final boolean m_isOptional;

    private final String m_name;

    /**
     * @param objectClass port object class
     * @param isOptional whether the port may stay unconnected
     * @deprecated in KNIME use PortTypeRegistry or the TYPE constant of the port object class
     */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass, final boolean isOptional) {
        m_objectClass = objectClass;
        m_specClass = getPortObjectSpecClass(objectClass);
        m_isOptional = isOptional;
        m_name = objectClass.getSimpleName();
    }

    /**
     * @param objectClass port object class (non-optional port)
     * @deprecated in KNIME use PortTypeRegistry or the TYPE constant of the port object class
     */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass) {
        this(objectClass, false);
    }

    /** @return a readable name */
    public String getName() {
        return m_name;
    }

    /** @return the port color */
    public int getColor() {
        return DEFAULT_COLOR;
    }

    /** @return the spec class */
    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return m_specClass;
    }

    /** @return the port object class */
    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    /** @return whether the port may stay unconnected */
    public boolean isOptional() {
        return m_isOptional;
    }

    /** @return false in the stub */
    public boolean isHidden() {
        return false;
    }

    /**
     * @param subType other type
     * @return whether the argument's object class is a subclass of this one's
     */
    public boolean isSuperTypeOf(final PortType subType) {
        return m_objectClass.isAssignableFrom(subType.m_objectClass);
    }

    /**
     * @param spec a spec, may be null
     * @return whether it fits this port
     */
    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null || m_specClass.isAssignableFrom(spec.getClass());
    }

    /**
     * @param obj an object, may be null
     * @return whether it fits this port
     */
    public boolean acceptsPortObject(final PortObject obj) {
        return obj == null || m_objectClass.isAssignableFrom(obj.getClass());
    }

    @Override
    public String toString() {
        return "PortType(" + m_specClass.getSimpleName() + "," + m_objectClass.getSimpleName() + ")";
    }

    @Override
    public int hashCode() {
        return m_objectClass.hashCode();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof PortType && ((PortType)obj).m_objectClass.equals(m_objectClass));
    }

    /**
     * @param objectClass port object class
     * @return the return type of its getSpec() method
     */
    public static Class<? extends PortObjectSpec> getPortObjectSpecClass(
        final Class<? extends PortObject> objectClass) {
        try {
            Method m = objectClass.getMethod("getSpec");
            return m.getReturnType().asSubclass(PortObjectSpec.class);
        } catch (NoSuchMethodException e) {
            throw new RuntimeException(e);
        }
    }
}
