package org.benchtop.knime.testing;

import java.util.Collection;
import java.util.function.Predicate;

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
