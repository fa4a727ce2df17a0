package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * Stub of the KNIME interface of the same name. The real interface also has DataCell/DataType/RowKey adders,
 * which are not part of this stub.
 */
public interface ConfigWO extends ConfigBaseWO {

    /**
     * @param key key of the new sub config
     * @return the new sub config
     */
    Config addConfig(String key);
}
