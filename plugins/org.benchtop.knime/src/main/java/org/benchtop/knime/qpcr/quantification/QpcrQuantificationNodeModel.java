package org.benchtop.knime.qpcr.quantification;

import java.util.List;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.qpcr.QpcrAnalysis;
import org.benchtop.core.qpcr.QpcrRuns;
import org.benchtop.core.qpcr.QuantifySettings;
import org.benchtop.core.table.Table;
import org.benchtop.knime.qpcr.QpcrSpecs;
import org.benchtop.knime.util.BenchtopNodeModel;
import org.benchtop.knime.util.NodeOutput;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * qPCR Relative Quantification: ΔΔCq, Pfaffl, qbase+ NRQ or ΔCq per group and target; the
 * per-sample values, the technical replicates, the tests against the calibrator and a bar chart.
 */
final class QpcrQuantificationNodeModel extends BenchtopNodeModel<QpcrQuantificationSettings> {

    QpcrQuantificationNodeModel() {
        super(QpcrRuns.QUANTIFY, new QpcrQuantificationSettings(), new PortType[] {BufferedDataTable.TYPE},
                new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE,
                    BufferedDataTable.TYPE, ImagePortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] outputSpecs(DataTableSpec[] in) throws InvalidSettingsException {
        for (String[] c : settings().columns()) {
            requireColumn(in[0], c[0], c[1]);
        }
        return new PortObjectSpec[] {QpcrSpecs.RESULTS, QpcrSpecs.SAMPLES, QpcrSpecs.REPLICATES, QpcrSpecs.STATISTICS,
            pngSpec()};
    }

    @Override
    protected NodeOutput run(List<Table> inputs, ProgressMonitor progress) {
        Table input = inputs.get(0);
        QuantifySettings s = settings().toEngine();
        var record = QpcrRuns.quantify(input, s);
        QpcrAnalysis.QuantifyOutput out = QpcrAnalysis.create().quantify(input, s, true, progress);
        return new NodeOutput(List.of(new NodeOutput.TablePort(out.results(), false),
                new NodeOutput.TablePort(out.samples(), false), new NodeOutput.TablePort(out.replicates(), false),
                new NodeOutput.TablePort(out.statistics(), false), new NodeOutput.ImagePort(out.foldChangePlot())),
                out.warnings(), record.warnings(out.warnings()).finish().build());
    }
}
