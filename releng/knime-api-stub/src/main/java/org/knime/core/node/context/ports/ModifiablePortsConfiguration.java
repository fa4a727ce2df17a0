package org.knime.core.node.context.ports;

import java.util.Map;
import java.util.NoSuchElementException;

import org.knime.core.node.context.DeepCopy;
import org.knime.core.node.context.NodeSettingsPersistable;

/**
 * Stub of the KNIME interface of the same name (compile and test use, never shipped). Not stubbed:
 * {@code getExchangeablePorts}, {@code mapInputPorts}, {@code mapOutputPorts}, {@code isInteractive}.
 */
public interface ModifiablePortsConfiguration
    extends PortsConfiguration, DeepCopy<ModifiablePortsConfiguration>, NodeSettingsPersistable {

    /** @return the extendable port groups by name, in order */
    Map<String, ExtendablePortGroup> getExtendablePorts();

    /**
     * @param grpName a group name
     * @return its configuration
     * @throws NoSuchElementException if there is no such group
     */
    PortGroupConfiguration getGroup(final String grpName);

}
