package org.knime.core.node.context.ports;

import org.knime.core.node.port.PortType;

/** Stub of the KNIME interface of the same name (compile and test use, never shipped). */
public interface ConfigurablePortGroup extends PortGroupConfiguration {

    /** @return the port types the user may choose from */
    PortType[] getSupportedPortTypes();
}
