package org.knime.core.node.context.ports;

import org.knime.core.node.context.DeepCopy;
import org.knime.core.node.context.NodeSettingsPersistable;
import org.knime.core.node.port.PortType;

/** Stub of the KNIME interface of the same name (compile and test use, never shipped): one port group. */
public interface PortGroupConfiguration extends DeepCopy<PortGroupConfiguration>, NodeSettingsPersistable {

    /** Thrown when the input ports of a group without input ports are asked for. */
    public static final UnsupportedOperationException UNSUPPORTED_INPUT_OPERATION =
        new UnsupportedOperationException("This port group does not specify input ports.");

    /** Thrown when the output ports of a group without output ports are asked for. */
    public static final UnsupportedOperationException UNSUPPORTED_OUTPUT_OPERATION =
        new UnsupportedOperationException("This port group does not specify output ports.");

    /** @return the input port types, never null */
    public PortType[] getInputPorts();

    /** @return the output port types, never null */
    public PortType[] getOutputPorts();

    /** @return whether the group defines input ports */
    public boolean definesInputPorts();

    /** @return whether the group defines output ports */
    public boolean definesOutputPorts();

}
