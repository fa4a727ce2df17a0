package org.benchtop.knime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.Collection;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/** Helpers the node tests share for building settings. */
public final class NodeSettingsTesting {

    private NodeSettingsTesting() {
    }

    /**
     * A copy of a node's model settings without the entries whose key starts with a prefix, as an old
     * or hand-edited workflow might hold them; validation must reject it unless the key was added after
     * the node's first release (then it is optional).
     *
     * @param saved the model settings a node saved
     * @param keyPrefix the key (or key prefix, to catch a model's {@code _Internals} entry too) to drop
     * @return the copy
     */
    public static NodeSettings without(NodeSettings saved, String keyPrefix) {
        return copy(saved, key -> !key.startsWith(keyPrefix));
    }

    /**
     * A copy of a node's model settings with only the given keys, in the saved order: what a workflow saved
     * before the other keys were added holds.
     *
     * @param saved the model settings a node saved
     * @param keys the keys to keep
     * @return the copy
     */
    public static NodeSettings only(NodeSettings saved, Collection<String> keys) {
        return copy(saved, keys::contains);
    }

    /**
     * The round trip of a workflow save: the settings of {@code configured} written as KNIME's XML and loaded into a
     * new node model must be saved again as the same XML; and they must differ from a new model's defaults, or the
     * round trip would prove nothing.
     *
     * @param configured a node model whose settings were changed from the defaults
     * @param fresh makes a new node model of the same node
     * @return the settings the new model saved after loading the XML
     */
    public static NodeSettings roundTripThroughXml(NodeModelRunner configured, Supplier<NodeModelRunner> fresh)
            throws IOException, InvalidSettingsException {
        String first = StubNodeSettings.toXml(configured.saveSettings());
        NodeModelRunner loaded = fresh.get();
        loaded.loadSettings(StubNodeSettings.fromXml(first));
        NodeSettings again = loaded.saveSettings();
        assertEquals(first, StubNodeSettings.toXml(again));
        assertNotEquals(StubNodeSettings.toXml(fresh.get().saveSettings()), first, "the values must not be defaults");
        return again;
    }

    private static NodeSettings copy(NodeSettings saved, Predicate<String> keep) {
        NodeSettings copy = new NodeSettings("model");
        for (String key : saved.keySet()) {
            if (keep.test(key)) {
                copy.addEntry(saved.getEntry(key));
            }
        }
        return copy;
    }
}
