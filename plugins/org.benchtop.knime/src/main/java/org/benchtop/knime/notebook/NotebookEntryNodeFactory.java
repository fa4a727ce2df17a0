package org.benchtop.knime.notebook;

import java.util.Optional;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * Factory of the Lab Notebook Entry node, with dynamic ports: the user adds any number of result-table and image
 * ports (KNIME saves them in the node's settings.xml, sub config {@code node_creation_config}, one sub config per
 * port group). The port group names are saved in users' workflows: like config keys, never change them.
 */
public final class NotebookEntryNodeFactory extends ConfigurableNodeFactory<NotebookEntryNodeModel> {

    /** Port group of the result tables (input ports, any number, first). */
    static final String TABLE_GROUP = "Result table";

    /** Port group of the images (input ports, any number, after the tables). */
    static final String IMAGE_GROUP = "Image";

    /** Port group of the one output table. */
    static final String OUTPUT_GROUP = "Written files";

    @Override
    protected Optional<PortsConfigurationBuilder> createPortsConfigBuilder() {
        PortsConfigurationBuilder b = new PortsConfigurationBuilder();
        b.addExtendableInputPortGroup(TABLE_GROUP, BufferedDataTable.TYPE);
        b.addExtendableInputPortGroup(IMAGE_GROUP, ImagePortObject.TYPE);
        b.addFixedOutputPortGroup(OUTPUT_GROUP, BufferedDataTable.TYPE);
        return Optional.of(b);
    }

    @Override
    protected NotebookEntryNodeModel createNodeModel(NodeCreationConfiguration creationConfig) {
        return new NotebookEntryNodeModel(creationConfig.getPortConfig()
                .orElseThrow(() -> new IllegalStateException("The Lab Notebook Entry node has no port configuration")));
    }

    @Override
    protected NodeDialogPane createNodeDialogPane(NodeCreationConfiguration creationConfig) {
        return new NotebookEntryNodeDialog();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<NotebookEntryNodeModel> createNodeView(int viewIndex, NotebookEntryNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The Lab Notebook Entry node has no views: " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }
}
