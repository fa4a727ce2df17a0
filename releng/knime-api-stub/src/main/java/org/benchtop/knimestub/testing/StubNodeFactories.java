package org.benchtop.knimestub.testing;

import java.lang.reflect.Method;
import java.util.Map;

import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.context.ModifiableNodeCreationConfiguration;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.core.node.context.ports.ExtendablePortGroup;
import org.knime.core.node.context.ports.ModifiablePortsConfiguration;
import org.knime.core.node.port.PortType;

/**
 * Test helper (stub only, not exported): creates node models the way the KNIME framework does, also for
 * {@link ConfigurableNodeFactory configurable ("dynamic") ports}, by calling the factory's protected
 * {@code createNodeModel(NodeCreationConfiguration)} by reflection.
 *
 * <ul>
 * <li>{@link #createNodeModel(NodeSettingsRO)}: from a node's saved {@code settings.xml}, as KNIME loads a workflow
 * (knime-core {@code FileNativeNodeContainerPersistor}: the factory named by {@code factory}; for a configurable
 * factory {@code createNodeCreationConfig()}, then its {@code loadSettingsFrom(settings.xml)}, which reads the sub
 * config {@code node_creation_config}).</li>
 * <li>{@link #creationConfig(ConfigurableNodeFactory, Map)} / {@link #createNodeModel(ConfigurableNodeFactory, Map)}:
 * a new node to which the user added ports with the node's "add port" action, here a number of ports per
 * extendable group, each of the group's one supported type.</li>
 * </ul>
 */
public final class StubNodeFactories {

    private static final Method CREATE_MODEL =
        StubReflection.method(NodeFactory.class, "createNodeModel", NodeCreationConfiguration.class);

    private StubNodeFactories() {
    }

    /**
     * @param factory a node factory
     * @param creationConfig its creation configuration
     * @return {@code factory.createNodeModel(creationConfig)}
     */
    public static NodeModel createNodeModel(final NodeFactory<?> factory,
        final NodeCreationConfiguration creationConfig) {
        return (NodeModel)StubReflection.invokeUnchecked(CREATE_MODEL, factory, creationConfig);
    }

    /**
     * A configurable factory's creation configuration with ports added to its extendable groups.
     *
     * @param factory the factory
     * @param addedPorts per extendable input or output group, how many ports to add (groups not named get none)
     * @return the creation configuration
     * @throws IllegalArgumentException if a group does not exist, is not extendable, or supports more than one port
     *             type
     */
    public static ModifiableNodeCreationConfiguration creationConfig(final ConfigurableNodeFactory<?> factory,
        final Map<String, Integer> addedPorts) {
        ModifiableNodeCreationConfiguration config = factory.createNodeCreationConfig();
        ModifiablePortsConfiguration ports = config.getPortConfig()
            .orElseThrow(() -> new IllegalArgumentException(factory.getClass().getName() + " has no port groups"));
        Map<String, ExtendablePortGroup> groups = ports.getExtendablePorts();
        for (Map.Entry<String, Integer> e : addedPorts.entrySet()) {
            ExtendablePortGroup g = groups.get(e.getKey());
            if (g == null) {
                throw new IllegalArgumentException("No extendable port group '" + e.getKey() + "'; the groups are "
                    + ports.getPortGroupNames() + ", extendable " + groups.keySet());
            }
            PortType[] types = g.getSupportedPortTypes();
            if (types.length != 1) {
                throw new IllegalArgumentException("The group '" + e.getKey() + "' supports " + types.length
                    + " port types; this helper adds ports of a group's only type");
            }
            for (int i = 0; i < e.getValue().intValue(); i++) {
                g.addPort(types[0]);
            }
        }
        return config;
    }

    /**
     * @param factory a configurable factory
     * @param addedPorts per extendable group, how many ports to add
     * @return a new node model with those ports
     * @see #creationConfig(ConfigurableNodeFactory, Map)
     */
    public static NodeModel createNodeModel(final ConfigurableNodeFactory<?> factory,
        final Map<String, Integer> addedPorts) {
        return createNodeModel(factory, creationConfig(factory, addedPorts));
    }

    /**
     * Creates the node model of a node's saved settings.xml, as KNIME does when it loads a workflow.
     *
     * @param nodeSettings the whole settings.xml of a node (not only its {@code model})
     * @return the node model (its model settings not yet loaded)
     * @throws InvalidSettingsException if {@code factory} is missing or the port configuration cannot be loaded
     * @throws ReflectiveOperationException if the factory cannot be instantiated
     */
    public static NodeModel createNodeModel(final NodeSettingsRO nodeSettings)
        throws InvalidSettingsException, ReflectiveOperationException {
        String name = nodeSettings.getString("factory");
        NodeFactory<?> factory =
            Class.forName(name).asSubclass(NodeFactory.class).getDeclaredConstructor().newInstance();
        if (factory instanceof ConfigurableNodeFactory<?> c) {
            ModifiableNodeCreationConfiguration config = c.createNodeCreationConfig();
            config.loadSettingsFrom(nodeSettings);
            return createNodeModel(factory, config);
        }
        return factory.createNodeModel();
    }
}
