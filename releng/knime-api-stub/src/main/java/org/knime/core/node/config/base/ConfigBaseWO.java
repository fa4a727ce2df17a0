package org.knime.core.node.config.base;

/**
 * Stub of the KNIME interface of the same name. Only the members listed here exist in the stub; the real
 * interface has more (char/short/byte/float adders, passwords, transient strings).
 */
public interface ConfigBaseWO {

    /**
     * @param key key of the new sub config
     * @return the new sub config
     */
    ConfigBase addConfigBase(String key);

    /** @return the key of this config */
    String getKey();

    /**
     * @param key the key
     * @param value the value
     */
    public void addInt(final String key, final int value);

    /**
     * @param key the key
     * @param value the value
     */
    public void addDouble(final String key, final double value);

    /**
     * @param key the key
     * @param value the value
     */
    public void addLong(final String key, final long value);

    /**
     * @param key the key
     * @param value the value, may be null
     */
    public void addString(final String key, final String value);

    /**
     * @param key the key
     * @param value the value
     */
    public void addBoolean(final String key, final boolean value);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    public void addIntArray(final String key, final int... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    public void addDoubleArray(final String key, final double... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    public void addLongArray(final String key, final long... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    public void addBooleanArray(final String key, final boolean... values);

    /**
     * @param key the key
     * @param values the values, array and elements may be null
     */
    public void addStringArray(final String key, final String... values);
}
