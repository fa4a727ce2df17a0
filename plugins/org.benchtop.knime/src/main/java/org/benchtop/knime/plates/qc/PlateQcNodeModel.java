package org.benchtop.knime.plates.qc;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.Images;
import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.plate.PlateAnalysis;
import org.benchtop.core.plate.PlateHeatmap;
import org.benchtop.core.plate.PlateRuns;
import org.benchtop.core.plate.PlateSettings;
import org.benchtop.core.plate.QcOutput;
import org.benchtop.core.table.Table;
import org.benchtop.knime.util.BenchtopNodeModel;
import org.benchtop.knime.util.NodeOutput;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * Plate QC: per-plate control statistics, Z', SSMD, edge effects and pass/fail; the screen-level
 * pooled control QC; the median-polish effects; a heatmap per plate; and an overview image.
 */
final class PlateQcNodeModel extends BenchtopNodeModel<PlateQcSettings> {

    /** Plates drawn on the overview image port (all plates are in the heatmap table). */
    static final int OVERVIEW_PLATES = 24;

    PlateQcNodeModel() {
        super("plates.qc", new PlateQcSettings(), new PortType[] {BufferedDataTable.TYPE},
                new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE,
                    ImagePortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] outputSpecs(DataTableSpec[] in) throws InvalidSettingsException {
        for (String c : settings().requiredColumns()) {
            requireColumn(in[0], c, "plate input");
        }
        requireNumericColumn(in[0], settings().toEngine().valueColumn(), "raw value");
        // the QC tables' columns depend on the plate key columns' types: known after execution
        return new PortObjectSpec[] {null, null, null, imageTableSpec("plate"), pngSpec()};
    }

    @Override
    protected NodeOutput run(List<Table> inputs, ProgressMonitor progress) {
        Table input = inputs.get(0);
        PlateSettings s = settings().toEngine();
        var record = PlateRuns.start(PlateRuns.QC, input, s);
        QcOutput out = PlateAnalysis.qc(input, s, progress);
        List<PlateHeatmap> maps = PlateAnalysis.heatmaps(input, s, s.valueColumn(), progress);
        List<String> labels = new ArrayList<>();
        List<byte[]> pngs = new ArrayList<>();
        for (PlateHeatmap h : maps) {
            labels.add(h.plateName());
            pngs.add(h.png());
        }
        byte[] overview = Images.mosaic(pngs, OVERVIEW_PLATES, 4, 480);
        return new NodeOutput(List.of(new NodeOutput.TablePort(out.table(), false), new NodeOutput.TablePort(out.screen(), false),
                new NodeOutput.TablePort(out.effects(), false), new NodeOutput.ImageTablePort("plate", labels, pngs),
                new NodeOutput.ImagePort(overview)), out.warnings(), record.warnings(out.warnings()).finish().build());
    }
}
