package org.benchtop.knime.rnaseq.deseq;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.benchtop.core.Images;
import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.rnaseq.DeseqAnalysis;
import org.benchtop.core.rnaseq.DeseqSettings;
import org.benchtop.core.rnaseq.DesignFormula;
import org.benchtop.core.rnaseq.RnaseqRuns;
import org.benchtop.core.table.Table;
import org.benchtop.knime.rnaseq.RnaseqSpecs;
import org.benchtop.knime.util.BenchtopNodeModel;
import org.benchtop.knime.util.NodeOutput;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * DESeq2 Differential Expression: DESeq2's {@code DESeq()} + {@code results()} on a count table and a sample
 * sheet. Outputs: the results (one row per gene), the normalized counts, the size factors, and one image with the
 * volcano, MA, dispersion and PCA (of VST values) plots.
 */
final class DeseqNodeModel extends BenchtopNodeModel<DeseqNodeSettings> {

    /** Width in pixels of one plot on the image port (2 x 2 plots). */
    static final int TILE_WIDTH = 800;

    DeseqNodeModel() {
        super(RnaseqRuns.DESEQ, new DeseqNodeSettings(), new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE},
                new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE, ImagePortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] outputSpecs(DataTableSpec[] in) throws InvalidSettingsException {
        DeseqSettings s = settings().toEngine();
        DesignFormula design = DesignFormula.parse(s.design());
        Set<String> variables = new LinkedHashSet<>(design.variables());
        if (s.reduced() != null) {
            variables.addAll(DesignFormula.parse(s.reduced()).variables());
        }
        DataTableSpec normalized = null;
        if (in[0] != null) {
            normalized = countSpecs(in[0], s);
        }
        if (in[1] != null) {
            sheetSpecs(in[1], s, variables);
        }
        return new PortObjectSpec[] {RnaseqSpecs.DESEQ_RESULTS, normalized, RnaseqSpecs.SIZE_FACTORS, pngSpec()};
    }

    /**
     * Checks the count table's spec and returns the spec of the normalized counts: {@code gene_id} and one double
     * column per sample (wide table), or {@code null} for a long table (its samples are known only from the data).
     */
    private static DataTableSpec countSpecs(DataTableSpec counts, DeseqSettings s) throws InvalidSettingsException {
        if (s.countColumn() == null) {
            return RnaseqSpecs.geneBySample(counts, s.geneColumn());
        }
        RnaseqSpecs.geneColumn(counts, s.geneColumn());
        requireColumn(counts, s.countSampleColumn(), "long-format sample");
        requireNumericColumn(counts, s.countColumn(), "long-format count");
        return null;
    }

    private static void sheetSpecs(DataTableSpec sheet, DeseqSettings s, Set<String> variables)
            throws InvalidSettingsException {
        String sample = s.sampleColumn() != null ? s.sampleColumn()
                : sheet.getNumColumns() > 0 ? sheet.getColumnSpec(0).getName() : null;
        if (sample == null) {
            throw new InvalidSettingsException("The sample sheet (input 2) has no columns.");
        }
        if (!sheet.containsName(sample)) {
            throw new InvalidSettingsException("The sample column '" + sample + "' is not in the sample sheet (input 2); "
                    + "choose another column in the node's settings.");
        }
        for (String v : variables) {
            if (!sheet.containsName(v)) {
                throw new InvalidSettingsException("The design uses '" + v + "', but the sample sheet (input 2) has no such "
                        + "column; its columns are: " + String.join(", ", sheet.getColumnNames())
                        + ". Correct the design or add the column to the sample sheet.");
            }
        }
    }

    @Override
    protected NodeOutput run(List<Table> inputs, ProgressMonitor progress) {
        Table counts = inputs.get(0);
        Table samples = inputs.get(1);
        DeseqSettings s = settings().toEngine();
        var record = RnaseqRuns.deseq(counts, samples, s);
        DeseqAnalysis.Output out = DeseqAnalysis.run(counts, samples, s, true, progress);
        List<byte[]> plots = new ArrayList<>();
        for (byte[] png : new byte[][] {out.volcanoPlot(), out.maPlot(), out.dispersionPlot(), out.pcaPlot()}) {
            if (png != null) {
                plots.add(png);
            }
        }
        byte[] mosaic = Images.mosaic(plots, plots.size(), 2, TILE_WIDTH);
        // a wide table's genes are its rows, in order: the results keep the input's row keys
        boolean sameRows = s.countColumn() == null && out.results().rowCount() == counts.rowCount();
        return new NodeOutput(List.of(new NodeOutput.TablePort(out.results(), sameRows),
                new NodeOutput.TablePort(out.normalizedCounts(), sameRows), new NodeOutput.TablePort(out.sizeFactors(), false),
                new NodeOutput.ImagePort(mosaic)), out.warnings(), record.warnings(out.warnings()).finish().build());
    }
}
