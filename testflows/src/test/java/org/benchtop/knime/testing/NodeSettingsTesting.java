package org.benchtop.knime.testing;

import org.knime.core.node.NodeSettings;

/** Helpers the node tests share for building settings. */
public final class NodeSettingsTesting {

    private NodeSettingsTesting() {
    }

    /**
     * A copy of a node's model settings without the entries whose key starts with a prefix, as an old
     * or hand-edited workflow might hold them; validation must reject it.
     *
     * @param saved the model settings a node saved
     * @param keyPrefix the key (or key prefix, to catch a model's {@code _Internals} entry too) to drop
     * @return the copy
     */
    public static NodeSettings without(NodeSettings saved, String keyPrefix) {
        NodeSettings copy = new NodeSettings("model");
        for (String key : saved.keySet()) {
            if (!key.startsWith(keyPrefix)) {
                copy.addEntry(saved.getEntry(key));
            }
        }
        return copy;
    }
}
