package org.benchtop.knime.util;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.table.Table;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/**
 * The shared base of every Benchtop node model: converts KNIME input tables to core tables, runs the
 * engine, turns its result into KNIME port objects, maps progress and cancellation, shows engine
 * warnings as the node's warning message and pushes the run record as flow variable
 * {@code benchtop.run.<node>}, where a downstream Lab Notebook node collects it.
 *
 * <p>Subclasses hold no statistics: they read their settings, call one engine facade and describe
 * their output specs.
 *
 * @param <S> the node's settings
 */
public abstract class BenchtopNodeModel<S extends BenchtopSettings> extends NodeModel {

    /** Prefix of the flow variables that carry run records. */
    public static final String RUN_VARIABLE_PREFIX = "benchtop.run.";

    private final String nodeId;
    private final S settings;

    /**
     * @param nodeId short id of the node, used in the run-record flow variable name
     * @param settings the node's settings (a fresh instance)
     * @param in input port types
     * @param out output port types
     */
    protected BenchtopNodeModel(String nodeId, S settings, PortType[] in, PortType[] out) {
        super(in, out);
        this.nodeId = nodeId;
        this.settings = settings;
    }

    /** @return the node's current settings */
    protected final S settings() {
        return settings;
    }

    /**
     * Runs the analysis.
     *
     * @param inputs the input tables, converted
     * @param progress progress and cancellation
     * @return the port contents, warnings and run record
     */
    protected abstract NodeOutput run(List<Table> inputs, ProgressMonitor progress);

    /**
     * The output specs, from the input specs and the settings, without data.
     *
     * @param inSpecs input table specs (entries for non-table ports are {@code null})
     * @return one spec per output port ({@code null} where it cannot be known before execution)
     * @throws InvalidSettingsException when the settings do not fit the input
     */
    protected abstract PortObjectSpec[] outputSpecs(DataTableSpec[] inSpecs) throws InvalidSettingsException;

    /**
     * @param spec an input table spec
     * @param column a column name from the settings
     * @param setting the setting's label in the dialog
     * @throws InvalidSettingsException if the column is not in the table
     */
    protected static void requireColumn(DataTableSpec spec, String column, String setting) throws InvalidSettingsException {
        if (column == null || column.isBlank()) {
            throw new InvalidSettingsException("Choose the " + setting + " column in the node's settings.");
        }
        if (spec != null && !spec.containsName(column)) {
            throw new InvalidSettingsException("The " + setting + " column '" + column
                    + "' is not in the input table; choose another column in the node's settings.");
        }
    }

    /**
     * @param spec an input table spec
     * @param column a column name from the settings
     * @param setting the setting's label in the dialog
     * @throws InvalidSettingsException if the column is not in the table or not numeric
     */
    protected static void requireNumericColumn(DataTableSpec spec, String column, String setting) throws InvalidSettingsException {
        requireColumn(spec, column, setting);
        if (spec != null && !spec.getColumnSpec(column).getType().isCompatible(DoubleValue.class)) {
            throw new InvalidSettingsException("The " + setting + " column '" + column + "' is not numeric ("
                    + spec.getColumnSpec(column).getType() + "); choose a number column or convert it (String to Number node).");
        }
    }

    /** @return the spec of an image port holding a PNG */
    protected static ImagePortObjectSpec pngSpec() {
        return new ImagePortObjectSpec(PNGImageContent.TYPE);
    }

    /**
     * @param labelColumn the label column's name
     * @return the spec of an image-table port (label, image)
     */
    protected static DataTableSpec imageTableSpec(String labelColumn) {
        return new DataTableSpec(new DataColumnSpecCreator(labelColumn, StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("image", PNGImageContent.TYPE).createSpec());
    }

    @Override
    protected final PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings.validateValues();
        DataTableSpec[] tables = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] instanceof DataTableSpec t) {
                tables[i] = t;
            }
        }
        try {
            return outputSpecs(tables);
        } catch (BenchtopException e) {
            // the engines' own settings checks (e.g. one column in two roles), shown before execution
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected final PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        List<Table> inputs = new ArrayList<>();
        RowKey[] firstKeys = null;
        long missing = 0;
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] instanceof BufferedDataTable t) {
                KnimeTables.Converted c = KnimeTables.toCore(t, "input table " + (i + 1), exec);
                inputs.add(c.table());
                missing += c.missingCells();
                if (firstKeys == null) {
                    firstKeys = c.rowKeys();
                }
            }
        }
        NodeOutput output;
        try {
            output = run(inputs, new KnimeProgress(exec.createSubProgress(0.9)));
        } catch (CancellationException e) {
            throw new CanceledExecutionException(e.getMessage());
        } catch (BenchtopException e) {
            // a user error: KNIME shows the message as "Execute failed: ..." and no output is produced
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        PortObject[] result = new PortObject[output.ports().size()];
        for (int p = 0; p < result.length; p++) {
            result[p] = toPortObject(output.ports().get(p), firstKeys, exec);
        }
        List<String> warnings = new ArrayList<>(output.warnings());
        if (missing > 0) {
            warnings.add(0, "The input has " + missing + " missing cell(s); they are treated as missing values, never as numbers.");
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        pushFlowVariableString(RUN_VARIABLE_PREFIX + nodeId, output.record().toJson());
        return result;
    }

    private static PortObject toPortObject(NodeOutput.Port port, RowKey[] inputKeys, ExecutionContext exec)
            throws CanceledExecutionException {
        if (port instanceof NodeOutput.TablePort t) {
            return KnimeTables.toKnime(t.table(), t.keepInputRowKeys() ? inputKeys : null, exec);
        }
        if (port instanceof NodeOutput.ImagePort img) {
            return new ImagePortObject(new PNGImageContent(img.png()), pngSpec());
        }
        NodeOutput.ImageTablePort images = (NodeOutput.ImageTablePort) port;
        DataTableSpec spec = imageTableSpec(images.labelColumn());
        BufferedDataContainer out = exec.createDataContainer(spec);
        for (int i = 0; i < images.pngs().size(); i++) {
            DataCell image = new PNGImageContent(images.pngs().get(i)).toImageCell();
            out.addRowToTable(new DefaultRow(RowKey.createRowKey(i), new StringCell(images.labels().get(i)), image));
        }
        out.close();
        return out.getTable();
    }

    /**
     * Appends columns to a spec (for "input columns plus results" outputs).
     *
     * @param in the input spec
     * @param extra the added columns
     * @return the combined spec
     * @throws InvalidSettingsException if a name is already taken
     */
    protected static DataTableSpec append(DataTableSpec in, DataColumnSpec... extra) throws InvalidSettingsException {
        DataColumnSpec[] all = new DataColumnSpec[in.getNumColumns() + extra.length];
        for (int i = 0; i < in.getNumColumns(); i++) {
            all[i] = in.getColumnSpec(i);
        }
        for (int i = 0; i < extra.length; i++) {
            if (in.containsName(extra[i].getName())) {
                throw new InvalidSettingsException("The input already has a column '" + extra[i].getName()
                        + "'; rename it (Column Rename node) so the result column can be added.");
            }
            all[in.getNumColumns() + i] = extra[i];
        }
        return new DataTableSpec(all);
    }

    @Override
    protected final void saveSettingsTo(NodeSettingsWO s) {
        settings.saveTo(s);
    }

    @Override
    protected final void validateSettings(NodeSettingsRO s) throws InvalidSettingsException {
        settings.validate(s);
    }

    @Override
    protected final void loadValidatedSettingsFrom(NodeSettingsRO s) throws InvalidSettingsException {
        settings.loadFrom(s);
    }

    @Override
    protected void reset() {
        // no internal state: every result is recomputed on execute
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) {
        // no internals
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) {
        // no internals
    }
}
