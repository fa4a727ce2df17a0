package org.knime.core.node.context.ports.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.knime.core.node.context.ports.PortGroupConfiguration;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortType;

/** Stub of the package-private KNIME class of the same name (compile and test use, never shipped). */
class DefaultPortsConfiguration implements PortsConfiguration {

    /** The port groups, in port order. */
    protected final Map<String, PortGroupConfiguration> m_portGroups;

    /** @param portGroups the port groups, in port order */
    protected DefaultPortsConfiguration(final Map<String, PortGroupConfiguration> portGroups) {
        m_portGroups = portGroups;
    }

    @Override
    public PortType[] getInputPorts() {
        return ports(PortGroupConfiguration::definesInputPorts, PortGroupConfiguration::getInputPorts);
    }

    @Override
    public PortType[] getOutputPorts() {
        return ports(PortGroupConfiguration::definesOutputPorts, PortGroupConfiguration::getOutputPorts);
    }

    private PortType[] ports(final Predicate<PortGroupConfiguration> defines,
        final Function<PortGroupConfiguration, PortType[]> portsOf) {
        List<PortType> all = new ArrayList<>();
        for (PortGroupConfiguration g : m_portGroups.values()) {
            if (defines.test(g)) {
                all.addAll(List.of(portsOf.apply(g)));
            }
        }
        return all.toArray(new PortType[0]);
    }

    @Override
    public List<String> getPortGroupNames() {
        return new ArrayList<>(m_portGroups.keySet());
    }

    @Override
    public Map<String, int[]> getInputPortLocation() {
        return locations(PortGroupConfiguration::definesInputPorts, PortGroupConfiguration::getInputPorts);
    }

    @Override
    public Map<String, int[]> getOutputPortLocation() {
        return locations(PortGroupConfiguration::definesOutputPorts, PortGroupConfiguration::getOutputPorts);
    }

    private Map<String, int[]> locations(final Predicate<PortGroupConfiguration> defines,
        final Function<PortGroupConfiguration, PortType[]> portsOf) {
        Map<String, int[]> r = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<String, PortGroupConfiguration> e : m_portGroups.entrySet()) {
            if (defines.test(e.getValue())) {
                int n = portsOf.apply(e.getValue()).length;
                if (n != 0) {
                    r.put(e.getKey(), IntStream.range(position, position + n).toArray());
                }
                position += n;
            }
        }
        return r;
    }
}
