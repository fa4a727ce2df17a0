package org.benchtop.knime.qpcr.standardcurve;

import java.util.List;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.qpcr.QpcrAnalysis;
import org.benchtop.core.qpcr.QpcrRuns;
import org.benchtop.core.qpcr.StandardCurveSettings;
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

/** qPCR Standard Curve: a curve per target, the unknowns read off it, and a plot. */
final class QpcrStandardCurveNodeModel extends BenchtopNodeModel<QpcrStandardCurveSettings> {

    QpcrStandardCurveNodeModel() {
        super(QpcrRuns.STANDARD_CURVE, new QpcrStandardCurveSettings(), new PortType[] {BufferedDataTable.TYPE},
                new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE, ImagePortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] outputSpecs(DataTableSpec[] in) throws InvalidSettingsException {
        for (String[] c : settings().columns()) {
            requireColumn(in[0], c[0], c[1]);
        }
        return new PortObjectSpec[] {QpcrSpecs.CURVES, QpcrSpecs.UNKNOWNS, pngSpec()};
    }

    @Override
    protected NodeOutput run(List<Table> inputs, ProgressMonitor progress) {
        Table input = inputs.get(0);
        StandardCurveSettings s = settings().toEngine();
        var record = QpcrRuns.standardCurve(input, s);
        QpcrAnalysis.StandardCurveOutput out = QpcrAnalysis.create().standardCurve(input, s, true, progress);
        return new NodeOutput(List.of(new NodeOutput.TablePort(out.curves(), false),
                new NodeOutput.TablePort(out.unknowns(), false), new NodeOutput.ImagePort(out.plot())),
                out.warnings(), record.warnings(out.warnings()).finish().build());
    }
}
