package org.benchtop.knime.plates.normalizer;

import java.util.List;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.plate.NormalizationMethod;
import org.benchtop.core.plate.NormalizeOutput;
import org.benchtop.core.plate.PlateAnalysis;
import org.benchtop.core.plate.PlateRuns;
import org.benchtop.core.plate.PlateSettings;
import org.benchtop.core.table.Table;
import org.benchtop.knime.util.BenchtopNodeModel;
import org.benchtop.knime.util.NodeOutput;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Plate Normalizer: the input wells plus one column per normalization method. */
final class PlateNormalizerNodeModel extends BenchtopNodeModel<PlateNormalizerSettings> {

    PlateNormalizerNodeModel() {
        super("plates.normalize", new PlateNormalizerSettings(), new PortType[] {BufferedDataTable.TYPE},
                new PortType[] {BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] outputSpecs(DataTableSpec[] in) throws InvalidSettingsException {
        for (String c : settings().requiredColumns()) {
            requireColumn(in[0], c, "plate input");
        }
        requireNumericColumn(in[0], settings().toEngine().valueColumn(), "raw value");
        List<NormalizationMethod> methods = List.copyOf(settings().chosenMethods());
        DataColumnSpec[] extra = new DataColumnSpec[methods.size()];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = new DataColumnSpecCreator(methods.get(i).columnName(), DoubleCell.TYPE).createSpec();
        }
        return new PortObjectSpec[] {append(in[0], extra)};
    }

    @Override
    protected NodeOutput run(List<Table> inputs, ProgressMonitor progress) {
        PlateSettings s = settings().toEngine();
        var record = PlateRuns.start(PlateRuns.NORMALIZE, inputs.get(0), s);
        NormalizeOutput out = PlateAnalysis.normalize(inputs.get(0), s, progress);
        return new NodeOutput(List.of(new NodeOutput.TablePort(out.table(), true)), out.warnings(),
                record.warnings(out.warnings()).finish().build());
    }
}
