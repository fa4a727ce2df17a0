package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Reads and writes KNIME's XML
 * config format ({@code settings.xml}), see the stub README.
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    private static final long serialVersionUID = 1L;

    /** @param key the key of this settings object */
    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    /**
     * Reads settings from an XML stream; the stream is closed.
     *
     * @param in XML input
     * @return the settings (key taken from the root element)
     * @throws IOException if reading or parsing fails
     */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        NodeSettings tmp = new NodeSettings("ignored");
        return (NodeSettingsRO)Config.loadFromXML(tmp, in);
    }

    @Override
    public void copyTo(final ConfigWO dest) {
        super.copyTo(dest);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)super.addConfig(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        super.addConfig(settings);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings)super.getConfig(key);
    }
}
