package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Vector;

import javax.swing.tree.TreeNode;

import org.knime.core.node.InvalidSettingsException;

/**
 * Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped). Holds an ordered
 * tree of typed entries; values are kept in their XML string form (see {@link StubXml}) so files read from a real
 * KNIME workflow are written back unchanged. Getters are type-strict like the real class: getInt on an xlong entry
 * throws.
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {

    private static final long serialVersionUID = 1L;

    private static final String CFG_ARRAY_SIZE = "array-size";

    private final LinkedHashMap<String, AbstractConfigEntry> m_map = new LinkedHashMap<>();

    /**
     * @param e entry to put (replaces an entry with the same key)
     */
    protected void put(final AbstractConfigEntry e) {
        m_map.put(e.getKey(), e);
        e.setParent(this);
    }

    /**
     * @param key the key
     * @return the entry or null
     */
    protected AbstractConfigEntry get(final String key) {
        return m_map.get(key);
    }

    /** @param key the key of this config */
    public ConfigBase(final String key) {
        super(ConfigEntries.config, key);
    }

    /**
     * @param key key of the new instance
     * @return a new, empty instance of the runtime class
     */
    public abstract ConfigBase getInstance(final String key);

    @Override
    public final ConfigBase addConfigBase(final String key) {
        ConfigBase c = getInstance(key);
        put(c);
        return c;
    }

    /** @param config config to append (must be of this runtime class) */
    protected final void addConfigBase(final ConfigBase config) {
        if (getClass() != config.getClass()) {
            throw new IllegalArgumentException("This " + getClass() + " is not equal to " + config.getClass());
        }
        put(config);
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        AbstractConfigEntry o = m_map.get(key);
        if (!(o instanceof ConfigBase)) {
            throw new InvalidSettingsException("ConfigBase for key \"" + key + "\" not found.");
        }
        return (ConfigBase)o;
    }

    // ---- stub-internal typed access -------------------------------------------------------------------------

    private void putValue(final ConfigEntries type, final String key, final String raw) {
        put(new StubValueEntry(type, key, raw));
    }

    private String rawOf(final ConfigEntries type, final String key, final String what)
        throws InvalidSettingsException {
        AbstractConfigEntry o = m_map.get(key);
        if (!(o instanceof StubValueEntry) || o.getType() != type) {
            throw new InvalidSettingsException(what + " for key \"" + key + "\" not found.");
        }
        return ((StubValueEntry)o).raw();
    }

    private boolean has(final ConfigEntries type, final String key) {
        AbstractConfigEntry o = m_map.get(key);
        return o instanceof StubValueEntry && o.getType() == type;
    }

    static void checkParsable(final ConfigEntries type, final String raw) {
        switch (type) {
            case xint -> Integer.parseInt(raw);
            case xlong -> Long.parseLong(raw);
            case xdouble -> Double.parseDouble(raw);
            case xshort -> Short.parseShort(raw);
            case xbyte -> Byte.parseByte(raw);
            case xfloat -> Float.parseFloat(raw);
            default -> {
                // strings, booleans, chars, passwords: any text is accepted
            }
        }
    }

    private ConfigBase arrayConfig(final String key) throws InvalidSettingsException {
        return getConfigBase(key);
    }

    private static int arraySize(final ConfigBase c) {
        return c.getInt(CFG_ARRAY_SIZE, -1);
    }

    private ConfigBaseWO newArrayConfig(final String key, final int size) {
        ConfigBaseWO c = addConfigBase(key);
        if (size >= 0) {
            c.addInt(CFG_ARRAY_SIZE, size);
        }
        return c;
    }

    // ---- int ------------------------------------------------------------------------------------------------

    @Override
    public void addInt(final String key, final int value) {
        putValue(ConfigEntries.xint, key, Integer.toString(value));
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return Integer.parseInt(rawOf(ConfigEntries.xint, key, "Int"));
    }

    @Override
    public int getInt(final String key, final int def) {
        return has(ConfigEntries.xint, key) ? Integer.parseInt(((StubValueEntry)m_map.get(key)).raw()) : def;
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        ConfigBase c = arrayConfig(key);
        int size = arraySize(c);
        if (size == -1) {
            return null;
        }
        int[] r = new int[size];
        for (int i = 0; i < size; i++) {
            r[i] = c.getInt(Integer.toString(i));
        }
        return r;
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        try {
            return getIntArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        ConfigBaseWO c = newArrayConfig(key, values == null ? -1 : values.length);
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                c.addInt(Integer.toString(i), values[i]);
            }
        }
    }

    // ---- double ---------------------------------------------------------------------------------------------

    @Override
    public void addDouble(final String key, final double value) {
        putValue(ConfigEntries.xdouble, key, Double.toString(value));
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return Double.parseDouble(rawOf(ConfigEntries.xdouble, key, "Double"));
    }

    @Override
    public double getDouble(final String key, final double def) {
        return has(ConfigEntries.xdouble, key) ? Double.parseDouble(((StubValueEntry)m_map.get(key)).raw()) : def;
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        ConfigBase c = arrayConfig(key);
        int size = arraySize(c);
        if (size == -1) {
            return null;
        }
        double[] r = new double[size];
        for (int i = 0; i < size; i++) {
            r[i] = c.getDouble(Integer.toString(i));
        }
        return r;
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        try {
            return getDoubleArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        ConfigBaseWO c = newArrayConfig(key, values == null ? -1 : values.length);
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                c.addDouble(Integer.toString(i), values[i]);
            }
        }
    }

    // ---- long -----------------------------------------------------------------------------------------------

    @Override
    public void addLong(final String key, final long value) {
        putValue(ConfigEntries.xlong, key, Long.toString(value));
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return Long.parseLong(rawOf(ConfigEntries.xlong, key, "Long"));
    }

    @Override
    public long getLong(final String key, final long def) {
        return has(ConfigEntries.xlong, key) ? Long.parseLong(((StubValueEntry)m_map.get(key)).raw()) : def;
    }

    @Override
    public long[] getLongArray(final String key) throws InvalidSettingsException {
        ConfigBase c = arrayConfig(key);
        int size = arraySize(c);
        if (size == -1) {
            return null;
        }
        long[] r = new long[size];
        for (int i = 0; i < size; i++) {
            r[i] = c.getLong(Integer.toString(i));
        }
        return r;
    }

    @Override
    public long[] getLongArray(final String key, final long... def) {
        try {
            return getLongArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addLongArray(final String key, final long... values) {
        ConfigBaseWO c = newArrayConfig(key, values == null ? -1 : values.length);
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                c.addLong(Integer.toString(i), values[i]);
            }
        }
    }

    // ---- boolean --------------------------------------------------------------------------------------------

    @Override
    public void addBoolean(final String key, final boolean value) {
        putValue(ConfigEntries.xboolean, key, Boolean.toString(value));
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return Boolean.parseBoolean(rawOf(ConfigEntries.xboolean, key, "Boolean"));
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        return has(ConfigEntries.xboolean, key) ? Boolean.parseBoolean(((StubValueEntry)m_map.get(key)).raw())
            : def;
    }

    @Override
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException {
        ConfigBase c = arrayConfig(key);
        int size = arraySize(c);
        if (size == -1) {
            return null;
        }
        boolean[] r = new boolean[size];
        for (int i = 0; i < size; i++) {
            r[i] = c.getBoolean(Integer.toString(i));
        }
        return r;
    }

    @Override
    public boolean[] getBooleanArray(final String key, final boolean... def) {
        try {
            return getBooleanArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addBooleanArray(final String key, final boolean... values) {
        ConfigBaseWO c = newArrayConfig(key, values == null ? -1 : values.length);
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                c.addBoolean(Integer.toString(i), values[i]);
            }
        }
    }

    // ---- String ---------------------------------------------------------------------------------------------

    @Override
    public void addString(final String key, final String value) {
        putValue(ConfigEntries.xstring, key, value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return rawOf(ConfigEntries.xstring, key, "String");
    }

    @Override
    public String getString(final String key, final String def) {
        return has(ConfigEntries.xstring, key) ? ((StubValueEntry)m_map.get(key)).raw() : def;
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        ConfigBase c = arrayConfig(key);
        int size = arraySize(c);
        if (size == -1) {
            return null;
        }
        String[] r = new String[size];
        for (int i = 0; i < size; i++) {
            r[i] = c.getString(Integer.toString(i));
        }
        return r;
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        ConfigBaseWO c = newArrayConfig(key, values == null ? -1 : values.length);
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                c.addString(Integer.toString(i), values[i]);
            }
        }
    }

    // ---- structure ------------------------------------------------------------------------------------------

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_map.keySet());
    }

    @Override
    public boolean containsKey(final String key) {
        return m_map.containsKey(key);
    }

    /**
     * @param otherConfig other config of the same class
     * @return whether both hold identical entries
     */
    @Override
    public boolean hasIdenticalValue(final AbstractConfigEntry otherConfig) {
        ConfigBase other = (ConfigBase)otherConfig;
        if (m_map.size() != other.m_map.size()) {
            return false;
        }
        for (Map.Entry<String, AbstractConfigEntry> e : m_map.entrySet()) {
            AbstractConfigEntry o = other.m_map.get(e.getKey());
            if (o == null || !e.getValue().isIdentical(o)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param key the key
     * @return the entry or null
     */
    public AbstractConfigEntry getEntry(final String key) {
        return m_map.get(key);
    }

    /** @param entry entry to add */
    public void addEntry(final AbstractConfigEntry entry) {
        put(entry);
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public final String toStringValue() {
        return getKey();
    }

    /** @param buf receives a multi-line dump of this config */
    public final void toString(final StringBuffer buf) {
        dump(0, buf);
    }

    private void dump(final int indent, final StringBuffer sb) {
        for (Map.Entry<String, AbstractConfigEntry> e : m_map.entrySet()) {
            sb.append("  ".repeat(indent)).append("key=").append(e.getKey()).append(",type=")
                .append(e.getValue().getType());
            if (e.getValue() instanceof ConfigBase) {
                sb.append(":\n");
                ((ConfigBase)e.getValue()).dump(indent + 1, sb);
            } else {
                String v = e.getValue().toStringValue();
                sb.append(v == null ? "->null" : "->" + v).append('\n');
            }
        }
    }

    @Override
    public String toString() {
        return getKey();
    }

    @Override
    public final void saveToXML(final OutputStream os) throws IOException {
        if (os == null) {
            throw new NullPointerException();
        }
        StubXml.write(this, os);
    }

    /**
     * @param config target, filled and returned
     * @param in XML stream, closed when done
     * @return the argument config
     * @throws IOException if reading or parsing fails
     */
    protected static ConfigBase loadFromXML(final ConfigBase config, final InputStream in) throws IOException {
        if (in == null) {
            throw new NullPointerException();
        }
        config.load(in);
        return config;
    }

    /**
     * Reads entries from XML into this object; the stream is closed.
     *
     * @param is the stream
     * @throws IOException if reading or parsing fails
     */
    public void load(final InputStream is) throws IOException {
        try {
            StubXml.read(this, is);
        } finally {
            is.close();
        }
    }

    @Override
    public void copyTo(final ConfigBaseWO dest) {
        for (AbstractConfigEntry e : m_map.values()) {
            if (e instanceof ConfigBase) {
                ConfigBase sub = dest.addConfigBase(e.getKey());
                ((ConfigBase)e).copyTo(sub);
            } else {
                ((ConfigBase)dest).addEntry(new StubValueEntry(e.getType(), e.getKey(), e.toStringValue()));
            }
        }
    }

    @Override
    public TreeNode getChildAt(final int childIndex) {
        Iterator<AbstractConfigEntry> it = m_map.values().iterator();
        for (int i = 0; i < childIndex; i++) {
            it.next();
        }
        return it.next();
    }

    @Override
    public int getChildCount() {
        return m_map.size();
    }

    @Override
    public int getIndex(final TreeNode node) {
        int i = 0;
        for (AbstractConfigEntry e : m_map.values()) {
            if (e.equals(node)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    @Override
    public final boolean isLeaf() {
        return m_map.isEmpty();
    }

    @Override
    public final Enumeration<TreeNode> children() {
        return new Vector<TreeNode>(m_map.values()).elements();
    }
}
