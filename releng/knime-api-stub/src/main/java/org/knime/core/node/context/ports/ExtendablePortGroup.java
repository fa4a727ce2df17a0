package org.knime.core.node.context.ports;

import java.util.Arrays;

import org.knime.core.node.port.PortType;

/**
 * Stub of the KNIME interface of the same name (compile and test use, never shipped): a port group to which ports
 * can be added and from which they can be removed. ({@code removePort(int)} of newer KNIME versions is not stubbed.)
 */
public interface ExtendablePortGroup extends ConfigurablePortGroup {

    @Override
    default public PortType[] getInputPorts() {
        if (definesInputPorts()) {
            return concat(getFixedPorts(), getConfiguredPorts());
        }
        throw UNSUPPORTED_INPUT_OPERATION;
    }

    @Override
    default public PortType[] getOutputPorts() {
        if (definesOutputPorts()) {
            return concat(getFixedPorts(), getConfiguredPorts());
        }
        throw UNSUPPORTED_OUTPUT_OPERATION;
    }

    private static PortType[] concat(final PortType[] a, final PortType[] b) {
        PortType[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** @return the fixed ports */
    public PortType[] getFixedPorts();

    /** @return the ports added to the fixed ones */
    public PortType[] getConfiguredPorts();

    /** @return whether another port may be added */
    public boolean canAddPort();

    /** @return whether ports have been added */
    public boolean hasConfiguredPorts();

    /** @param pType the port to add */
    public void addPort(final PortType pType);

    /** @return the removed last added port */
    public PortType removeLastPort();

}
