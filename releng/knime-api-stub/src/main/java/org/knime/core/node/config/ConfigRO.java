package org.knime.core.node.config;

import java.util.Iterator;

import javax.swing.tree.TreeNode;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/**
 * Stub of the KNIME interface of the same name. The real interface also has DataCell/DataType/RowKey getters,
 * which are not part of this stub.
 */
public interface ConfigRO extends ConfigBaseRO, TreeNode, Iterable<String> {

    /**
     * @param key key of the sub config
     * @return the sub config
     * @throws InvalidSettingsException if there is none
     */
    public Config getConfig(String key) throws InvalidSettingsException;

    @Override
    public Iterator<String> iterator();
}
