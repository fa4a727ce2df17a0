package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/**
 * Stub of the KNIME interface of the same name. Only the members listed here exist in the stub; the real
 * interface has more (char/short/byte/float getters, passwords, transient strings).
 */
public interface ConfigBaseRO extends Iterable<String> {

    /**
     * @param key key of the sub config
     * @return the sub config
     * @throws InvalidSettingsException if there is none
     */
    public ConfigBase getConfigBase(String key) throws InvalidSettingsException;

    /**
     * Writes this config as XML; the stream is closed.
     *
     * @param os to write to
     * @throws IOException if writing fails
     */
    public void saveToXML(final OutputStream os) throws IOException;

    /** @param config deep copy target */
    public void copyTo(ConfigBaseWO config);

    /** @return the key of this config */
    public String getKey();

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or not an int
     */
    public int getInt(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or not a double
     */
    public double getDouble(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or not a long
     */
    public long getLong(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value, may be null
     * @throws InvalidSettingsException if missing or not a string
     */
    public String getString(final String key) throws InvalidSettingsException;

    /** @return unmodifiable key set */
    public Set<String> keySet();

    /**
     * @param key the key
     * @return whether an entry (of any type) exists for the key
     */
    public boolean containsKey(final String key);

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or not a boolean
     */
    public boolean getBoolean(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the value or the default
     */
    public int getInt(final String key, final int def);

    /**
     * @param key the key
     * @return the array, may be null
     * @throws InvalidSettingsException if missing
     */
    public int[] getIntArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or the default
     */
    public int[] getIntArray(final String key, final int... def);

    /**
     * @param key the key
     * @param def default
     * @return the value or the default
     */
    public double getDouble(final String key, final double def);

    /**
     * @param key the key
     * @return the array, may be null
     * @throws InvalidSettingsException if missing
     */
    public double[] getDoubleArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or the default
     */
    public double[] getDoubleArray(final String key, final double... def);

    /**
     * @param key the key
     * @return the array, may be null
     * @throws InvalidSettingsException if missing
     */
    public long[] getLongArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or the default
     */
    public long[] getLongArray(final String key, final long... def);

    /**
     * @param key the key
     * @param def default
     * @return the value or the default
     */
    public long getLong(final String key, final long def);

    /**
     * @param key the key
     * @param def default
     * @return the value or the default
     */
    public boolean getBoolean(final String key, final boolean def);

    /**
     * @param key the key
     * @return the array, may be null
     * @throws InvalidSettingsException if missing
     */
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or the default
     */
    public boolean[] getBooleanArray(final String key, final boolean... def);

    /**
     * @param key the key
     * @param def default
     * @return the value (may be null) or the default
     */
    public String getString(final String key, final String def);

    /**
     * @param key the key
     * @return the array, may be null
     * @throws InvalidSettingsException if missing
     */
    public String[] getStringArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or the default
     */
    public String[] getStringArray(final String key, final String... def);

    @Override
    public Iterator<String> iterator();
}
