package org.benchtop.knimestub.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;

/**
 * Test helper (stub only, not exported): read and write KNIME node {@code settings.xml} files (KNIME's XML config
 * format, see the stub README). A node's own settings are the sub config {@code model} of its settings.xml.
 */
public final class StubNodeSettings {

    /** Key of the node model's settings inside a node's settings.xml. */
    public static final String MODEL_KEY = "model";

    private StubNodeSettings() {
    }

    /**
     * @param settingsXml a settings.xml file
     * @return the whole settings tree
     * @throws IOException if the file can't be read or parsed
     */
    public static NodeSettingsRO load(final Path settingsXml) throws IOException {
        try (InputStream in = Files.newInputStream(settingsXml)) {
            return NodeSettings.loadFromXML(in);
        }
    }

    /**
     * @param settingsXml a node's settings.xml
     * @return its {@code model} sub config
     * @throws IOException if the file can't be read or parsed
     * @throws InvalidSettingsException if it has no {@code model} sub config
     */
    public static NodeSettingsRO loadModelSettings(final Path settingsXml)
        throws IOException, InvalidSettingsException {
        return load(settingsXml).getNodeSettings(MODEL_KEY);
    }

    /**
     * @param settings settings to write (its key becomes the root element's key)
     * @param target file to (over)write; parent directories are created
     * @throws IOException if writing fails
     */
    public static void write(final NodeSettings settings, final Path target) throws IOException {
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            settings.saveToXML(out);
        }
    }

    /**
     * @param settings settings
     * @return the XML text
     */
    public static String toXml(final NodeSettings settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            settings.saveToXML(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * @param xml XML text
     * @return the settings
     * @throws IOException if it can't be parsed
     */
    public static NodeSettingsRO fromXml(final String xml) throws IOException {
        return NodeSettings.loadFromXML(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
