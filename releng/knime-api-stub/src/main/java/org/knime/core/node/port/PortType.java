package org.knime.core.node.port;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

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

    /**
     * Saves this port type: only its port object class ({@code object_class}), as KNIME does.
     *
     * @param settings to save to
     */
    public void save(final ConfigWO settings) {
        settings.addString("object_class", m_objectClass.getName());
    }

    /**
     * Counterpart of {@link #save(ConfigWO)}. KNIME returns the type registered for the class (non-optional); the
     * stub returns the class's {@code TYPE} constant if it has one, else a new non-optional type.
     *
     * @param settings to load from
     * @return the port type
     * @throws InvalidSettingsException if the class is missing, unknown or not a port object class
     */
    public static PortType load(final ConfigRO settings) throws InvalidSettingsException {
        String name = settings.getString("object_class");
        if (name == null) {
            throw new InvalidSettingsException("No port object class found to create PortType object");
        }
        Class<?> c;
        try {
            c = Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new InvalidSettingsException("Unable to restore port type, can't load class \"" + name + "\"");
        }
        if (!PortObject.class.isAssignableFrom(c)) {
            throw new InvalidSettingsException("Port object class \"" + name + "\" does not extend "
                + PortObject.class.getSimpleName());
        }
        try {
            Field f = c.getField("TYPE");
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof PortType t && !t.isOptional()) {
                return t;
            }
        } catch (NoSuchFieldException | IllegalAccessException e) { // NOSONAR: no TYPE constant, make one
            // fall through
        }
        return new PortType(c.asSubclass(PortObject.class));
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
