package org.benchtop.knime.notebook;

import org.benchtop.knime.util.BenchtopNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Lab Notebook Entry node. */
public final class NotebookEntryNodeFactory extends BenchtopNodeFactory<NotebookEntryNodeModel> {

    @Override
    public NotebookEntryNodeModel createNodeModel() {
        return new NotebookEntryNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new NotebookEntryNodeDialog();
    }
}
