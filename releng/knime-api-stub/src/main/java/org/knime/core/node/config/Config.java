package org.knime.core.node.config;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigBase;

/** Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped). */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    private static final long serialVersionUID = 1L;

    /** @param key the key of this config */
    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(final String key);

    @Override
    public final Config addConfig(final String key) {
        Config c = getInstance(key);
        put(c);
        return c;
    }

    /** @param config config to append (must be of this runtime class) */
    protected final void addConfig(final Config config) {
        if (getClass() != config.getClass()) {
            throw new IllegalArgumentException("This " + getClass() + " is not equal to " + config.getClass());
        }
        put(config);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        Object o = get(key);
        if (!(o instanceof Config)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        return (Config)o;
    }

    @Override
    public void addEntry(final AbstractConfigEntry entry) {
        put(entry);
    }

    @Override
    public String toString() {
        return super.getKey();
    }

    /**
     * @param config target, filled and returned
     * @param in XML stream, closed when done
     * @return the argument config
     * @throws IOException if reading or parsing fails
     */
    protected static Config loadFromXML(final Config config, final InputStream in) throws IOException {
        if (in == null) {
            throw new NullPointerException();
        }
        config.load(in);
        return config;
    }

    @Override
    public void load(final InputStream is) throws IOException {
        super.load(is);
    }
}
