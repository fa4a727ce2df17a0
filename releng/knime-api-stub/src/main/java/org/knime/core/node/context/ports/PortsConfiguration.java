package org.knime.core.node.context.ports;

import java.util.List;
import java.util.Map;

import org.knime.core.node.port.PortType;

/** Stub of the KNIME interface of the same name (compile and test use, never shipped): a node's ports. */
public interface PortsConfiguration {

    /** @return the configured input ports, in order */
    public PortType[] getInputPorts();

    /** @return the configured output ports, in order */
    public PortType[] getOutputPorts();

    /**
     * @return for each input port group that has at least one port, the indices of its ports among the input ports
     *         (groups without ports are not in the map)
     */
    public Map<String, int[]> getInputPortLocation();

    /** @return as {@link #getInputPortLocation()}, for the output ports */
    public Map<String, int[]> getOutputPortLocation();

    /** @return the port group names, in order */
    public List<String> getPortGroupNames();

}
