package org.benchtop.knimestub.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeView;
import org.knime.core.node.context.ModifiableNodeCreationConfiguration;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;

/** The stub's dynamic-port API: port groups, their persistence in settings.xml, and {@link StubNodeFactories}. */
class ConfigurableNodeFactoryStubTest {

    /** The {@code node_creation_config} KNIME writes for 2 added tables and no image (an empty config per group). */
    private static final String SAVED = """
            <config key="node_creation_config">
                <config key="tables">
                    <config key="port_0">
                        <entry key="object_class" type="xstring" value="org.knime.core.node.BufferedDataTable"/>
                    </config>
                    <config key="port_1">
                        <entry key="object_class" type="xstring" value="org.knime.core.node.BufferedDataTable"/>
                    </config>
                </config>
                <config key="images">
                </config>
                <config key="out">
                </config>
            </config>
        """;

    /** A node with a fixed output and two extendable input groups. */
    static final class Factory extends ConfigurableNodeFactory<PortsModel> {

        @Override
        protected Optional<PortsConfigurationBuilder> createPortsConfigBuilder() {
            PortsConfigurationBuilder b = new PortsConfigurationBuilder();
            b.addExtendableInputPortGroup("tables", BufferedDataTable.TYPE);
            b.addExtendableInputPortGroup("images", ImagePortObject.TYPE);
            b.addFixedOutputPortGroup("out", BufferedDataTable.TYPE);
            return Optional.of(b);
        }

        @Override
        protected PortsModel createNodeModel(final NodeCreationConfiguration creationConfig) {
            return new PortsModel(creationConfig.getPortConfig().orElseThrow());
        }

        @Override
        protected NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creationConfig) {
            return null;
        }

        @Override
        protected int getNrNodeViews() {
            return 0;
        }

        @Override
        public NodeView<PortsModel> createNodeView(final int viewIndex, final PortsModel nodeModel) {
            throw new IndexOutOfBoundsException();
        }

        @Override
        protected boolean hasDialog() {
            return false;
        }
    }

    /** Remembers its port configuration. */
    static final class PortsModel extends ToyNodeModel {

        final PortsConfiguration m_ports;

        PortsModel(final PortsConfiguration ports) {
            super(ports.getInputPorts(), ports.getOutputPorts());
            m_ports = ports;
        }

        @Override
        protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) {
            return new PortObjectSpec[]{new DataTableSpec()};
        }
    }

    @Test
    void portGroupsGiveThePortsInOrder() {
        PortsModel m = (PortsModel)StubNodeFactories.createNodeModel(new Factory(),
            Map.of("images", Integer.valueOf(1), "tables", Integer.valueOf(2)));
        NodeModelRunner r = new NodeModelRunner(m);
        assertEquals(3, r.getNrInPorts());
        assertEquals(1, r.getNrOutPorts());
        assertArrayEquals(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, ImagePortObject.TYPE},
            m.m_ports.getInputPorts());
        assertEquals(List.of("tables", "images", "out"), m.m_ports.getPortGroupNames());
        assertArrayEquals(new int[]{0, 1}, m.m_ports.getInputPortLocation().get("tables"));
        assertArrayEquals(new int[]{2}, m.m_ports.getInputPortLocation().get("images"));
        assertArrayEquals(new int[]{0}, m.m_ports.getOutputPortLocation().get("out"));

        PortsModel none = (PortsModel)StubNodeFactories.createNodeModel(new Factory(), Map.of());
        assertEquals(0, none.m_ports.getInputPorts().length);
        assertTrue(none.m_ports.getInputPortLocation().isEmpty(), "groups without ports have no location");
        assertThrows(IllegalArgumentException.class,
            () -> StubNodeFactories.createNodeModel(new Factory(), Map.of("out", Integer.valueOf(1))));
    }

    @Test
    void creationConfigIsSavedAndLoadedLikeKnime() throws Exception {
        NodeSettings xml = new NodeSettings("settings.xml");
        StubNodeFactories.creationConfig(new Factory(), Map.of("tables", Integer.valueOf(2))).saveSettingsTo(xml);
        String text = StubNodeSettings.toXml(xml);
        assertTrue(text.contains(">\n" + SAVED + "</config>"), text);

        ModifiableNodeCreationConfiguration loaded = new Factory().createNodeCreationConfig();
        loaded.loadSettingsFrom(StubNodeSettings.fromXml(text));
        assertArrayEquals(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            loaded.getPortConfig().orElseThrow().getInputPorts());
        assertSame(BufferedDataTable.TYPE, loaded.getPortConfig().orElseThrow().getInputPorts()[0],
            "PortType.load gives the class's TYPE");
        assertFalse(loaded.copy().getPortConfig().orElseThrow().getExtendablePorts().get("images").hasConfiguredPorts());

        NodeSettings withFactory = (NodeSettings)StubNodeSettings.fromXml(text);
        withFactory.addString("factory", Factory.class.getName());
        assertEquals(2, new NodeModelRunner(StubNodeFactories.createNodeModel(withFactory)).getNrInPorts());

        NodeSettings unknown = new NodeSettings("port_0");
        unknown.addString("object_class", "no.such.PortObject");
        assertThrows(InvalidSettingsException.class, () -> PortType.load(unknown));
    }

    @Test
    @SuppressWarnings("deprecation")
    void theNoArgumentFactoryMethodsThrow() {
        assertThrows(UnsupportedOperationException.class, () -> new Factory().createNodeModel());
    }
}
