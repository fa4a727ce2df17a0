package org.benchtop.knime.qpcr.genorm;

import java.util.List;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.qpcr.GenormSettings;
import org.benchtop.core.qpcr.QpcrAnalysis;
import org.benchtop.core.qpcr.QpcrRuns;
import org.benchtop.core.table.Table;
import org.benchtop.knime.qpcr.QpcrSpecs;
import org.benchtop.knime.util.BenchtopNodeModel;
import org.benchtop.knime.util.NodeOutput;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** geNorm Reference Gene Stability: M values per exclusion step, pairwise variations, ranking. */
final class GenormNodeModel extends BenchtopNodeModel<GenormNodeSettings> {

    GenormNodeModel() {
        super(QpcrRuns.GENORM, new GenormNodeSettings(), new PortType[] {BufferedDataTable.TYPE},
                new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] outputSpecs(DataTableSpec[] in) throws InvalidSettingsException {
        for (String[] c : settings().columns()) {
            requireColumn(in[0], c[0], c[1]);
        }
        return new PortObjectSpec[] {QpcrSpecs.M_VALUES, QpcrSpecs.VARIATIONS, QpcrSpecs.RANKING};
    }

    @Override
    protected NodeOutput run(List<Table> inputs, ProgressMonitor progress) {
        Table input = inputs.get(0);
        GenormSettings s = settings().toEngine();
        var record = QpcrRuns.genorm(input, s);
        QpcrAnalysis.GenormOutput out = QpcrAnalysis.create().genorm(input, s, progress);
        return new NodeOutput(List.of(new NodeOutput.TablePort(out.mValues(), false),
                new NodeOutput.TablePort(out.variations(), false), new NodeOutput.TablePort(out.ranking(), false)),
                out.warnings(), record.warnings(out.warnings()).finish().build());
    }
}
