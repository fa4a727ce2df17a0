package org.benchtop.knime.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.notebook.AtomicFiles;
import org.benchtop.core.notebook.ElnWriter;
import org.benchtop.core.notebook.HtmlReport;
import org.benchtop.core.notebook.NotebookEntry;
import org.benchtop.core.notebook.NotebookException;
import org.benchtop.core.notebook.ResultKind;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Table;
import org.benchtop.knime.util.BenchtopNodeModel;
import org.benchtop.knime.util.KnimeTables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Lab Notebook Entry: gathers the result tables and images at its inputs and the run records that upstream
 * Benchtop nodes pushed as flow variables {@code benchtop.run.*}, and writes a notebook entry as an {@code .eln}
 * archive (and its HTML report) into a folder. Output: one row with the written paths and the archive's SHA-256.
 *
 * <p>Output folder: a local path or a URL ({@link NotebookEntrySettings#resolveFolder}); a missing folder whose parent
 * exists is created. Result tables are recognized and linked to the run that made them by {@link RunOutputs}.
 *
 * <p>Ports: dynamic ({@link NotebookEntryNodeFactory}): any number of result tables, then any number of images, as
 * the user added them; the model gets their positions from the node's {@link PortsConfiguration}. A table with PNG
 * image columns (e.g. the heatmap or curve tables of the Benchtop nodes) contributes its images as plots, not as a
 * table.
 *
 * <p>Not derived from {@link BenchtopNodeModel}: this node runs no analysis and records none; it reads images and
 * flow variables, which that base class does not hand to its subclasses. Headless-safe: no user interface is
 * touched while executing.
 */
final class NotebookEntryNodeModel extends NodeModel {

    /** Output columns. */
    static final String COL_ELN_PATH = "eln_path";
    static final String COL_ELN_SHA256 = "eln_sha256";
    static final String COL_HTML_PATH = "html_path";

    private final NotebookEntrySettings settings = new NotebookEntrySettings();

    /** The input ports of the result tables, in order. */
    private final int[] tablePorts;

    /** The input ports of the images, in order. */
    private final int[] imagePorts;

    /** @param ports the node's ports, as the user configured them */
    NotebookEntryNodeModel(PortsConfiguration ports) {
        super(ports.getInputPorts(), ports.getOutputPorts());
        Map<String, int[]> at = ports.getInputPortLocation(); // a group without ports is not in the map
        tablePorts = at.getOrDefault(NotebookEntryNodeFactory.TABLE_GROUP, new int[0]);
        imagePorts = at.getOrDefault(NotebookEntryNodeFactory.IMAGE_GROUP, new int[0]);
    }

    static DataTableSpec outputSpec() {
        return new DataTableSpec(new DataColumnSpecCreator(COL_ELN_PATH, StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator(COL_ELN_SHA256, StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator(COL_HTML_PATH, StringCell.TYPE).createSpec());
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings.validateValues();
        return new PortObjectSpec[] {outputSpec()};
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec) throws Exception {
        settings.validateValues();
        List<String> warnings = new ArrayList<>();
        NotebookEntry.Builder b = NotebookEntry.builder().title(settings.title.getStringValue())
                .project(settings.project.getStringValue()).notes(settings.notes.getStringValue())
                .license(settings.license.getStringValue());
        Path folder = settings.folder();
        Path eln = settings.elnFile(folder);
        Path html = settings.writeHtml.getBooleanValue() ? NotebookEntrySettings.htmlFile(eln) : null;
        boolean overwrite = settings.overwrite.getBooleanValue();
        try {
            b.author(settings.toAuthor());
            // checked first, so that no work is done when the files cannot be written
            createFolder(folder);
            AtomicFiles.checkWritable(eln, overwrite, "notebook entry");
            if (html != null) {
                AtomicFiles.checkWritable(html, overwrite, "HTML report");
            }
            List<RunRecord> runs = upstreamRuns(warnings);
            Map<String, ResultKind> tableKinds = new LinkedHashMap<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < tablePorts.length; i++) {
                if (in[tablePorts[i]] instanceof BufferedDataTable t) {
                    addTable(b, t, i + 1, names, tableKinds, runs, exec);
                }
                exec.checkCanceled();
            }
            for (int i = 0; i < imagePorts.length; i++) {
                if (in[imagePorts[i]] instanceof ImagePortObject img) {
                    DataCell cell = img.toDataCell();
                    if (cell instanceof PNGImageValue png) {
                        b.plot(unique("image_" + (i + 1) + ".png", names), png.getImageContent().getByteArray());
                    } else {
                        warnings.add("Image input " + (i + 1) + " is not a PNG image (" + cell.getType()
                                + "); it is not part of the entry.");
                    }
                }
            }
            List<List<String>> outputs = RunOutputs.outputs(runs, tableKinds);
            for (int i = 0; i < runs.size(); i++) {
                b.run(runs.get(i), outputs.get(i));
            }
            NotebookEntry entry = b.build();
            exec.setProgress(0.5, "Writing " + eln.getFileName());
            AtomicFiles.Written written = ElnWriter.write(entry, eln, overwrite);
            AtomicFiles.Written report = html == null ? null : HtmlReport.write(entry, html, overwrite);
            List<String> all = new ArrayList<>(entry.warnings());
            all.addAll(warnings);
            if (entry.tables().isEmpty() && entry.plots().isEmpty()) {
                all.add("No table or image is connected: the entry holds only run records.");
            }
            if (!all.isEmpty()) {
                setWarningMessage(String.join("\n", all));
            }
            BufferedDataContainer out = exec.createDataContainer(outputSpec());
            out.addRowToTable(new DefaultRow("Row0", new StringCell(written.path().toString()),
                    new StringCell(written.sha256()),
                    report == null ? DataType.getMissingCell() : new StringCell(report.path().toString())));
            out.close();
            return new PortObject[] {out.getTable()};
        } catch (BenchtopException e) {
            // a user error (folder, name, existing file, ...): KNIME shows it as "Execute failed: ..."
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /**
     * Creates the output folder when it is missing but its parent folder exists, e.g. the folder beside the workflow
     * that {@code knime://knime.workflow/../notebook} names, the first time. A deeper missing path is left to
     * {@link AtomicFiles#checkWritable}, which names the missing folder: a mistyped path does not become a new tree.
     */
    private static void createFolder(Path folder) throws InvalidSettingsException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (Files.exists(folder)) {
            throw new InvalidSettingsException("The output folder " + folder + " is a file, not a folder; choose another "
                    + "output folder.");
        }
        Path parent = folder.getParent();
        if (parent != null && Files.isDirectory(parent)) {
            try {
                Files.createDirectory(folder);
            } catch (IOException e) {
                String why = e instanceof AccessDeniedException ? "access denied" : e.getMessage();
                throw new InvalidSettingsException("Cannot create the output folder " + folder + ": " + why
                        + "; create it or choose another output folder.", e);
            }
        }
    }

    /** Adds a table: its PNG columns as plots, else the table itself, named after its kind. */
    private static void addTable(NotebookEntry.Builder b, BufferedDataTable t, int port, Set<String> names,
            Map<String, ResultKind> kinds, List<RunRecord> runs, ExecutionContext exec)
            throws CanceledExecutionException {
        DataTableSpec spec = t.getDataTableSpec();
        List<Integer> imageCols = new ArrayList<>();
        int labelCol = -1;
        for (int c = 0; c < spec.getNumColumns(); c++) {
            DataColumnSpec cs = spec.getColumnSpec(c);
            if (cs.getType().isCompatible(PNGImageValue.class)) {
                imageCols.add(Integer.valueOf(c));
            } else if (labelCol < 0 && cs.getType().isCompatible(StringValue.class)) {
                labelCol = c;
            }
        }
        if (imageCols.isEmpty()) {
            Table table = KnimeTables.toCore(t, "input table " + port, exec).table();
            ResultKind kind = RunOutputs.kindOf(table, runs);
            String name = unique((kind == ResultKind.OTHER ? "table_" + port : kind.fileStem()) + ".csv", names);
            b.table(name, table);
            kinds.put(name, kind);
            return;
        }
        String folder = "table_" + port + "_images/";
        try (CloseableRowIterator it = t.iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                String label = labelCol >= 0 && !row.getCell(labelCol).isMissing()
                        ? ((StringValue) row.getCell(labelCol)).getStringValue() : row.getKey().getString();
                for (Integer c : imageCols) {
                    DataCell cell = row.getCell(c.intValue());
                    if (cell.isMissing()) {
                        continue;
                    }
                    String col = imageCols.size() > 1 ? "_" + spec.getColumnSpec(c.intValue()).getName() : "";
                    b.plot(unique(folder + fileName(label + col) + ".png", names),
                            ((PNGImageValue) cell).getImageContent().getByteArray());
                }
                exec.checkCanceled();
            }
        }
    }

    /** @return the run records of the flow variables {@code benchtop.run.*}, oldest first */
    private List<RunRecord> upstreamRuns(List<String> warnings) {
        List<RunRecord> runs = new ArrayList<>();
        for (Map.Entry<String, FlowVariable> v : getAvailableFlowVariables().entrySet()) {
            if (!v.getKey().startsWith(BenchtopNodeModel.RUN_VARIABLE_PREFIX)) {
                continue;
            }
            String json = v.getValue().getStringValue();
            try {
                if (json == null) {
                    throw new NotebookException(BenchtopException.Kind.BAD_INPUT, "not a string");
                }
                runs.add(RunRecord.fromJson(json));
            } catch (NotebookException e) {
                warnings.add("The flow variable '" + v.getKey() + "' is not a Benchtop run record (" + e.getMessage()
                        + "); it is left out.");
            }
        }
        runs.sort((x, y) -> x.started().compareTo(y.started()));
        return runs;
    }

    private static String unique(String name, Set<String> taken) {
        String n = name;
        int dot = name.lastIndexOf('.');
        for (int i = 2; !taken.add(n.toLowerCase(Locale.ROOT)); i++) {
            n = name.substring(0, dot) + "_" + i + name.substring(dot);
        }
        return n;
    }

    /** A file name from a label: characters other than letters, digits, {@code . _ - =} become {@code _}. */
    private static String fileName(String label) {
        String s = label.replaceAll("[^A-Za-z0-9._=-]+", "_").replaceAll("^[._]+|[._]+$", "");
        return s.isEmpty() ? "image" : s.length() > 80 ? s.substring(0, 80) : s;
    }

    @Override
    protected void saveSettingsTo(NodeSettingsWO s) {
        settings.saveTo(s);
    }

    @Override
    protected void validateSettings(NodeSettingsRO s) throws InvalidSettingsException {
        settings.validate(s);
    }

    @Override
    protected void loadValidatedSettingsFrom(NodeSettingsRO s) throws InvalidSettingsException {
        settings.loadFrom(s);
    }

    @Override
    protected void reset() {
        // no internal state; the files written stay (they are the node's purpose)
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
