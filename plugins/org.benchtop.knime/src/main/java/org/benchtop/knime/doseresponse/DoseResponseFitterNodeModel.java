package org.benchtop.knime.doseresponse;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.Images;
import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.doseresponse.DoseResponseAnalysis;
import org.benchtop.core.doseresponse.DoseResponseException;
import org.benchtop.core.doseresponse.DoseResponseRuns;
import org.benchtop.core.doseresponse.DoseResponseSettings;
import org.benchtop.core.table.ColumnType;
import org.benchtop.core.table.Table;
import org.benchtop.knime.util.BenchtopNodeModel;
import org.benchtop.knime.util.KnimeTables;
import org.benchtop.knime.util.NodeOutput;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * Dose-Response Fitter: one log-logistic curve per group (drc LL.2 to LL.5). Outputs: the fit table
 * (one row per group), the point table (every input row with fitted value, residual and outlier
 * flag), one PNG per group, and an overview image of the first curves.
 */
final class DoseResponseFitterNodeModel extends BenchtopNodeModel<DoseResponseFitterSettings> {

    /** Curves drawn on the overview image port (all curves are in the image table). */
    static final int OVERVIEW_CURVES = 24;

    /** Label column of the image table. */
    static final String IMAGE_LABEL_COLUMN = "group";

    DoseResponseFitterNodeModel() {
        super(DoseResponseRuns.FIT, new DoseResponseFitterSettings(), new PortType[] {BufferedDataTable.TYPE},
                new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE, ImagePortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] outputSpecs(DataTableSpec[] in) throws InvalidSettingsException {
        DoseResponseFitterSettings st = settings();
        DoseResponseSettings s;
        try {
            s = st.toEngine();
        } catch (DoseResponseException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        requireNumeric(in[0], s.dose(), "dose");
        requireNumeric(in[0], s.response(), "response");
        for (String g : s.group()) {
            requireColumn(in[0], g, "group");
        }
        DataTableSpec fits = null;
        DataTableSpec points = null;
        if (in[0] != null) {
            List<ColumnType> types = new ArrayList<>();
            for (String g : s.group()) {
                types.add(KnimeTables.coreType(in[0].getColumnSpec(g)));
            }
            try {
                fits = KnimeTables.spec(DoseResponseAnalysis.fitLayout(s.group(), types, s));
                points = KnimeTables.spec(DoseResponseAnalysis.pointLayout(s.group(), types, s));
            } catch (DoseResponseException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            }
        }
        return new PortObjectSpec[] {fits, points, imageTableSpec(IMAGE_LABEL_COLUMN), pngSpec()};
    }

    private static void requireNumeric(DataTableSpec spec, String column, String setting) throws InvalidSettingsException {
        requireColumn(spec, column, setting);
        if (spec != null) {
            ColumnType t = KnimeTables.coreType(spec.getColumnSpec(column));
            if (t != ColumnType.DOUBLE && t != ColumnType.INT && t != ColumnType.LONG) {
                throw new InvalidSettingsException("The " + setting + " column '" + column
                        + "' is not numeric; choose a number column in the node's settings.");
            }
        }
    }

    @Override
    protected NodeOutput run(List<Table> inputs, ProgressMonitor progress) {
        Table input = inputs.get(0);
        DoseResponseSettings s = settings().toEngine();
        var record = DoseResponseRuns.start(input, s);
        DoseResponseAnalysis.Output out = DoseResponseAnalysis.withDefaults().run(input, s, progress);
        List<String> labels = new ArrayList<>();
        List<byte[]> pngs = new ArrayList<>();
        for (DoseResponseAnalysis.Plot p : out.plots()) {
            labels.add(p.group().isEmpty() ? "all" : p.group());
            pngs.add(p.png());
        }
        byte[] overview = Images.mosaic(pngs, OVERVIEW_CURVES, 4, 480);
        return new NodeOutput(List.of(new NodeOutput.TablePort(out.fits(), false), new NodeOutput.TablePort(out.points(), true),
                new NodeOutput.ImageTablePort(IMAGE_LABEL_COLUMN, labels, pngs), new NodeOutput.ImagePort(overview)),
                out.warnings(), record.warnings(out.warnings()).finish().build());
    }
}
