package org.benchtop.knime.rnaseq.tmm;

import java.util.List;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.rnaseq.RnaseqRuns;
import org.benchtop.core.rnaseq.TmmAnalysis;
import org.benchtop.core.rnaseq.TmmSettings;
import org.benchtop.core.table.Table;
import org.benchtop.knime.rnaseq.RnaseqSpecs;
import org.benchtop.knime.util.BenchtopNodeModel;
import org.benchtop.knime.util.NodeOutput;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * TMM Normalization: edgeR's normalization factors ({@code calcNormFactors}: TMM, RLE or upper quartile) and the
 * CPM and logCPM values computed with them.
 */
final class TmmNodeModel extends BenchtopNodeModel<TmmNodeSettings> {

    TmmNodeModel() {
        super(RnaseqRuns.TMM, new TmmNodeSettings(), new PortType[] {BufferedDataTable.TYPE},
                new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] outputSpecs(DataTableSpec[] in) throws InvalidSettingsException {
        TmmSettings s = settings().toEngine();
        DataTableSpec cpm = in[0] == null ? null : RnaseqSpecs.geneBySample(in[0], s.geneColumn());
        return new PortObjectSpec[] {RnaseqSpecs.NORM_FACTORS, cpm, cpm};
    }

    @Override
    protected NodeOutput run(List<Table> inputs, ProgressMonitor progress) {
        Table counts = inputs.get(0);
        TmmSettings s = settings().toEngine();
        var record = RnaseqRuns.tmm(counts, s);
        TmmAnalysis.Output out = TmmAnalysis.run(counts, s, progress);
        boolean sameRows = out.cpm().rowCount() == counts.rowCount();
        return new NodeOutput(List.of(new NodeOutput.TablePort(out.factors(), false),
                new NodeOutput.TablePort(out.cpm(), sameRows), new NodeOutput.TablePort(out.logCpm(), sameRows)),
                out.warnings(), record.warnings(out.warnings()).finish().build());
    }
}
