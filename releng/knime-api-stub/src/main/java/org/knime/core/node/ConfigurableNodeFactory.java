package org.knime.core.node;

import java.util.LinkedHashMap;
import java.util.Optional;

import org.knime.core.node.context.ModifiableNodeCreationConfiguration;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.core.node.context.ports.ModifiablePortsConfiguration;
import org.knime.core.node.context.ports.PortGroupConfiguration;
import org.knime.core.node.context.ports.impl.DefaultExtendablePortGroup;
import org.knime.core.node.context.ports.impl.DefaultFixedPortGroup;
import org.knime.core.node.context.ports.impl.DefaultModifiablePortsConfiguration;
import org.knime.core.node.port.PortType;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped): a node factory whose nodes have
 * configurable ("dynamic") ports. The framework creates the node model and dialog with
 * {@link #createNodeModel(NodeCreationConfiguration)} and {@link #createNodeDialogPane(NodeCreationConfiguration)};
 * the no-argument variants throw.
 *
 * @param <T> the node model class
 */
public abstract class ConfigurableNodeFactory<T extends NodeModel> extends NodeFactory<T> {

    /** Creates the factory. */
    protected ConfigurableNodeFactory() {
        super();
    }

    /**
     * {@inheritDoc}
     *
     * @deprecated not invoked by the framework for configurable factories; throws
     */
    @Override
    @Deprecated
    public T createNodeModel() {
        throw new UnsupportedOperationException("Method invocation not supported by ConfigurableNodeFactory");
    }

    /**
     * {@inheritDoc}
     *
     * @deprecated not invoked by the framework for configurable factories; throws
     */
    @Override
    @Deprecated
    protected NodeDialogPane createNodeDialogPane() {
        throw new UnsupportedOperationException("Method invocation not supported by ConfigurableNodeFactory");
    }

    /**
     * The creation configuration of a new node: the port groups of {@link #createPortsConfigBuilder()} with no added
     * ports. (KNIME then loads the saved port configuration into it, or the user adds ports.)
     *
     * @return the node creation configuration
     */
    public final ModifiableNodeCreationConfiguration createNodeCreationConfig() {
        return new ModifiableNodeCreationConfiguration(
            createPortsConfigBuilder().map(PortsConfigurationBuilder::build).orElse(null));
    }

    /** @return the builder of the node's port groups, if its ports are configurable */
    protected abstract Optional<PortsConfigurationBuilder> createPortsConfigBuilder();

    @Override
    protected abstract T createNodeModel(final NodeCreationConfiguration creationConfig);

    @Override
    protected abstract NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creationConfig);

    /**
     * Builder of a node's port groups; the order in which the groups are added is the order of the ports. Only the
     * two kinds of group that Benchtop uses are stubbed.
     */
    protected static final class PortsConfigurationBuilder {

        private final LinkedHashMap<String, PortGroupConfiguration> m_portConfigs;

        /** Creates an empty builder. */
        public PortsConfigurationBuilder() {
            m_portConfigs = new LinkedHashMap<>();
        }

        private ModifiablePortsConfiguration build() {
            return new DefaultModifiablePortsConfiguration(m_portConfigs);
        }

        /**
         * Adds a group of output ports the user cannot change.
         *
         * @param pGrpId the group's identifier (saved in the node's settings)
         * @param fixedPortTypes its ports
         */
        public void addFixedOutputPortGroup(final String pGrpId, final PortType... fixedPortTypes) {
            checkId(pGrpId);
            if (fixedPortTypes == null || fixedPortTypes.length == 0) {
                throw new IllegalArgumentException("At least one static port type has to be set");
            }
            m_portConfigs.put(pGrpId, new DefaultFixedPortGroup(fixedPortTypes, false, true));
        }

        /**
         * Adds a group of input ports, none at first, to which the user can add any number of ports of the supported
         * types.
         *
         * @param pGrpId the group's identifier (saved in the node's settings)
         * @param supportedTypes the types of port that can be added
         */
        public void addExtendableInputPortGroup(final String pGrpId, final PortType... supportedTypes) {
            checkId(pGrpId);
            if (supportedTypes == null || supportedTypes.length == 0) {
                throw new IllegalArgumentException("The supported port types have to contain at least one element");
            }
            m_portConfigs.put(pGrpId, new DefaultExtendablePortGroup(new PortType[0], supportedTypes, true, false));
        }

        private void checkId(final String pGrpId) {
            if (m_portConfigs.containsKey(pGrpId)) {
                throw new IllegalArgumentException("A port group with the given name already exists");
            }
            if (pGrpId == null || pGrpId.isEmpty()) {
                throw new IllegalArgumentException("The group identifier has to contain at least one character");
            }
        }
    }
}
