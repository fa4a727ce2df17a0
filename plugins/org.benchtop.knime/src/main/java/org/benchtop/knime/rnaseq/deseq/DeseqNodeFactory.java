package org.benchtop.knime.rnaseq.deseq;

import org.benchtop.knime.util.BenchtopNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the DESeq2 Differential Expression node. */
public final class DeseqNodeFactory extends BenchtopNodeFactory<DeseqNodeModel> {

    @Override
    public DeseqNodeModel createNodeModel() {
        return new DeseqNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DeseqNodeDialog();
    }
}
