package org.benchtop.testflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.benchtop.core.notebook.ElnReader;
import org.benchtop.core.notebook.ElnVerifier;
import org.benchtop.core.notebook.NotebookEntry;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.benchtop.knime.testing.NodeSettingsTesting;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubNodeFactories;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.benchtop.knimestub.testing.StubTables;
import org.benchtop.knimestub.testing.StubWorkflowContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.workflow.FlowVariable;

/**
 * The whole {@code testflows/milademetan-demo} workflow, as KNIME runs it: every node of {@code workflow.knime} in
 * order, each Benchtop node created from its saved settings.xml (factory, and for the Lab Notebook Entry its dynamic
 * ports, {@code node_creation_config}), loading its saved settings (and saving them again unchanged, so a renamed
 * config key fails here; keys added to a node since the file was saved are optional and saved in addition), getting
 * the port objects its connections bring (the CSV Readers' tables as {@link TestflowTest} reads them) and the flow
 * variables of every node upstream (so the notebook sees each analysis's run record). {@link TestflowTest} checks
 * only the one node fed by a CSV Reader that testflow.properties names (the qPCR node); this test checks the chain the harness cannot, against the simulation
 * truth of {@code expected/} (truth and tolerances from make_expected.py, never our output): Plate QC (#2); the
 * Dose-Response Fitter (#4) downstream of the Plate Normalizer (#3); DESeq2 (#9); and the Lab Notebook Entry (#10),
 * whose .eln must verify and list every upstream run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MilademetanDemoTestflowTest {

    /** The analyses of the demo: every Benchtop node upstream of the notebook pushes one run record. */
    static final Set<String> ANALYSES =
        Set.of("plates.qc", "plates.normalize", "dose_response.fit", "qpcr.quantify", "rnaseq.deseq");

    /**
     * Where the Lab Notebook Entry writes: its saved output folder {@link MilademetanTestflowGenerator#NOTEBOOK_FOLDER},
     * {@code knime://knime.workflow/../milademetan-notebook}, resolved as in a KNIME workspace holding the workflow: the
     * folder beside the workflow in a temporary workspace of this class (not beside the testflow in the repository).
     */
    private Path notebookFolder;

    /** Each node's output port objects (index = KNIME port - 1), by node id. */
    private final Map<Integer, PortObject[]> outputs = new HashMap<>();

    /** The flow variables each node passes downstream: those it received and those it pushed. */
    private final Map<Integer, Map<String, FlowVariable>> variables = new HashMap<>();

    /** The node models, by node id (CSV Readers have none). */
    private final Map<Integer, NodeModelRunner> runners = new HashMap<>();

    static Path dir() {
        return Testflow.root().resolve("milademetan-demo");
    }

    /** The connections of workflow.knime as "source:port->dest:port" (KNIME ports: 0 is the flow-variable port). */
    static Set<String> edges() throws Exception {
        NodeSettingsRO conns = StubNodeSettings.load(dir().resolve("workflow.knime")).getNodeSettings("connections");
        Set<String> edges = new TreeSet<>();
        for (String key : conns.keySet()) {
            NodeSettingsRO c = conns.getNodeSettings(key);
            edges.add(c.getInt("sourceID") + ":" + c.getInt("sourcePort") + "->" + c.getInt("destID") + ":"
                + c.getInt("destPort"));
        }
        return edges;
    }

    /**
     * Runs every node of workflow.knime in id order (the generator numbers them so that every connection goes from a
     * lower to a higher id, which this checks): configure, then execute, as KNIME does.
     *
     * @param workspace a temporary KNIME workspace (the mount point LOCAL) holding the workflow, kept until every
     *            test of the class has run; the notebook writes into its folder {@code milademetan-notebook}
     */
    @BeforeAll
    void runTheWorkflow(@TempDir final Path workspace) throws Exception {
        // knime://knime.workflow/ URLs resolve against the workflow as imported into the workspace
        StubWorkflowContext.set(workspace.resolve("milademetan-demo"), workspace);
        try {
            notebookFolder = workspace.resolve("milademetan-notebook");
            runEveryNode();
        } finally {
            StubWorkflowContext.clear();
        }
    }

    private void runEveryNode() throws Exception {
        NodeSettingsRO nodes = StubNodeSettings.load(dir().resolve("workflow.knime")).getNodeSettings("nodes");
        SortedMap<Integer, String> files = new TreeMap<>();
        for (String key : nodes.keySet()) {
            NodeSettingsRO n = nodes.getNodeSettings(key);
            files.put(Integer.valueOf(n.getInt("id")), n.getString("node_settings_file"));
        }
        Map<String, String> source = new HashMap<>(); // "dest:port" -> "source:port"
        for (String e : edges()) {
            String[] ends = e.split("->");
            assertTrue(Integer.parseInt(ends[0].split(":")[0]) < Integer.parseInt(ends[1].split(":")[0]), e);
            source.put(ends[1], ends[0]);
        }
        for (Map.Entry<Integer, String> f : files.entrySet()) {
            int id = f.getKey().intValue();
            NodeSettingsRO settings = StubNodeSettings.load(dir().resolve(f.getValue()));
            Map<String, FlowVariable> vars = new LinkedHashMap<>();
            if (KnimeXml.CSV_READER_FACTORY.equals(settings.getString("factory"))) {
                String file = settings.getNodeSettings("model").getNodeSettings("settings").getNodeSettings("file_selection")
                    .getNodeSettings("path").getString("path");
                outputs.put(f.getKey(), new PortObject[] {KnimeInput.of(CsvReader.withDefaults().read(dir().resolve("data")
                    .resolve(file)))});
                variables.put(f.getKey(), vars);
                continue;
            }
            NodeModelRunner r = new NodeModelRunner(StubNodeFactories.createNodeModel(settings));
            NodeSettings model = (NodeSettings)settings.getNodeSettings(StubNodeSettings.MODEL_KEY);
            r.loadSettings(model);
            // keys added since the file was saved are optional (they loaded without it) and saved in addition
            assertEquals(StubNodeSettings.toXml(model),
                StubNodeSettings.toXml(NodeSettingsTesting.only(r.saveSettings(), model.keySet())),
                () -> f.getValue() + ": the node no longer saves the settings stored there; regenerate the testflow"
                    + " (README.md) after a deliberate change, never rename a released key");
            PortObject[] in = new PortObject[r.getNrInPorts()];
            PortObjectSpec[] specs = new PortObjectSpec[in.length];
            for (int p = 0; p < in.length; p++) {
                String from = source.get(id + ":" + (p + 1));
                assertNotNull(from, "input port " + (p + 1) + " of node " + id + " is not connected");
                Integer src = Integer.valueOf(from.split(":")[0]);
                in[p] = outputs.get(src)[Integer.parseInt(from.split(":")[1]) - 1];
                specs[p] = in[p].getSpec();
                vars.putAll(variables.get(src));
            }
            r.setInputFlowVariables(vars.values().toArray(new FlowVariable[0]));
            r.configure(specs);
            outputs.put(f.getKey(), r.execute(in));
            vars.putAll(r.getPushedFlowVariables());
            variables.put(f.getKey(), vars);
            runners.put(f.getKey(), r);
        }
    }

    static double number(final DataRow row, final DataTableSpec spec, final String column) {
        int c = spec.findColumnIndex(column);
        assertTrue(c >= 0, "no column " + column + " in " + spec);
        DataCell cell = row.getCell(c);
        return cell.isMissing() ? Double.NaN : ((DoubleValue)cell).getDoubleValue();
    }

    static boolean bool(final DataRow row, final DataTableSpec spec, final String column) {
        DataCell cell = row.getCell(spec.findColumnIndex(column));
        return !cell.isMissing() && ((BooleanValue)cell).getBooleanValue();
    }

    static String text(final DataRow row, final DataTableSpec spec, final String column) {
        return row.getCell(spec.findColumnIndex(column)).toString();
    }

    private BufferedDataTable table(final int node, final int knimePort) {
        return assertInstanceOf(BufferedDataTable.class, outputs.get(Integer.valueOf(node))[knimePort - 1]);
    }

    /** The rows of a table by their value in a (unique) text column. */
    static Map<String, DataRow> rowsBy(final BufferedDataTable table, final String column) {
        Map<String, DataRow> rows = new HashMap<>();
        for (DataRow r : StubTables.rows(table)) {
            rows.put(text(r, table.getDataTableSpec(), column), r);
        }
        return rows;
    }

    @Test
    void theWorkflowIsTheDemoChain() throws Exception {
        Set<String> expected = new TreeSet<>(List.of("1:1->2:1", "1:1->3:1", "3:1->4:1", "5:1->6:1", "7:1->9:1",
            "8:1->9:2"));
        int[][] notebook = MilademetanTestflowGenerator.NOTEBOOK_INPUTS;
        for (int i = 0; i < notebook.length; i++) {
            expected.add(notebook[i][0] + ":" + notebook[i][1] + "->10:" + (i + 1));
        }
        assertEquals(expected, edges());
        for (String[] reader : new String[][] {{"CSV Reader (#1)", "plates.csv"}, {"CSV Reader (#5)", "qpcr.csv"},
            {"CSV Reader (#7)", "rnaseq_counts.csv"}, {"CSV Reader (#8)", "rnaseq_samples.csv"}}) {
            NodeSettingsRO path = StubNodeSettings.load(dir().resolve(reader[0]).resolve("settings.xml")).getNodeSettings("model")
                .getNodeSettings("settings").getNodeSettings("file_selection").getNodeSettings("path");
            assertEquals(KnimeXml.WORKFLOW_DATA_AREA, path.getString("file_system_specifier"), reader[0]);
            assertEquals(reader[1], path.getString("path"), reader[0]);
        }
        // the notebook's dynamic ports, as saved: the tables, then the images
        NodeModelRunner nb = runners.get(Integer.valueOf(10));
        assertEquals(notebook.length, nb.getNrInPorts());
        for (int p = 0; p < notebook.length; p++) {
            assertEquals(p < MilademetanTestflowGenerator.NOTEBOOK_TABLES.length ? BufferedDataTable.TYPE
                : ImagePortObject.TYPE, nb.getInPortType(p), "notebook port " + p);
        }
    }

    @Test
    void plateQcPassesEveryPlate() {
        BufferedDataTable qc = table(2, 1);
        DataTableSpec spec = qc.getDataTableSpec();
        List<DataRow> rows = StubTables.rows(qc);
        assertEquals(8, rows.size(), "one row per plate");
        for (DataRow r : rows) {
            double z = number(r, spec, "z_prime");
            System.out.printf(Locale.ROOT, "milademetan-demo Plate QC %s Z' %.3f%n", text(r, spec, "plate"), Double.valueOf(z));
            assertTrue(z >= 0.5 && bool(r, spec, "pass"), "plate " + text(r, spec, "plate") + ": Z' " + z);
        }
    }

    @Test
    void doseResponseFitterDownstreamOfTheNormalizerRecoversTheSimulatedIc50s() {
        BufferedDataTable fits = table(4, 1);
        DataTableSpec spec = fits.getDataTableSpec();
        Map<String, DataRow> byLine = rowsBy(fits, "cell_line");
        Table expected = CsvReader.withDefaults().withStringColumns(Set.of("cell_line"))
            .read(dir().resolve("expected").resolve("ic50.csv"));
        assertEquals(expected.rowCount(), byLine.size(), "one curve per cell line");
        for (int i = 0; i < expected.rowCount(); i++) {
            String line = expected.column("cell_line").getString(i);
            DataRow r = byLine.get(line);
            assertNotNull(r, "no curve for " + line);
            double truth = expected.column("ic50_nM").getDouble(i);
            double ec50 = number(r, spec, "ec50");
            if (Double.isNaN(truth)) {
                assertFalse(bool(r, spec, "well_determined"), line + " was simulated without effect but has an IC50 " + ec50);
                assertTrue(Double.isNaN(ec50), line + ": an IC50 is reported");
                continue;
            }
            double tol = expected.column("tolerance_ln").getDouble(i);
            double dev = Math.abs(Math.log(ec50 / truth));
            System.out.printf(Locale.ROOT, "milademetan-demo IC50 %-11s %9.4g vs simulated %6.4g: |ln ratio| %.3f <= %.3f%n", line,
                Double.valueOf(ec50), Double.valueOf(truth), Double.valueOf(dev), Double.valueOf(tol));
            assertTrue(bool(r, spec, "well_determined"), line + " is not well determined: " + text(r, spec, "reason"));
            assertTrue(dev <= tol, line + ": IC50 " + ec50 + " vs simulated " + truth + ", |ln ratio| " + dev + " > " + tol);
        }
    }

    /**
     * DESeq2 (#9) against the simulation: each named gene's log2 fold change within its own 4-SD bound
     * ({@code expected/rnaseq_p53.csv}), every p53 target up at padj &lt; 0.1 (the demo's "p53 targets up"), every
     * repressed gene down.
     */
    @Test
    void deseq2FindsTheSimulatedP53TargetsUp() {
        BufferedDataTable de = table(9, 1);
        DataTableSpec spec = de.getDataTableSpec();
        Map<String, DataRow> byGene = rowsBy(de, "gene_id");
        Table truth = CsvReader.withDefaults().withStringColumns(Set.of("gene_id", "role"))
            .read(dir().resolve("expected").resolve("rnaseq_p53.csv"));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < truth.rowCount(); i++) {
            String gene = truth.column("gene_id").getString(i);
            String role = truth.column("role").getString(i);
            DataRow r = byGene.get(gene);
            assertNotNull(r, "no result for " + gene);
            double lfc = number(r, spec, "log2FoldChange");
            double padj = number(r, spec, "padj");
            double dev = Math.abs(lfc - truth.column("log2_fold_change").getDouble(i));
            double tol = truth.column("tolerance").getDouble(i);
            System.out.printf(Locale.ROOT, "milademetan-demo DESeq2 %-10s %-10s log2FC %6.3f |dev| %.3f <= %.3f padj %.2g%n",
                gene, role, Double.valueOf(lfc), Double.valueOf(dev), Double.valueOf(tol), Double.valueOf(padj));
            boolean direction = switch (role) {
                case "p53_target" -> lfc > 0 && padj < 0.1;
                case "repressed" -> lfc < 0;
                default -> true;
            };
            if (!(dev <= tol) || !direction) {
                failures.add(gene + " (" + role + "): log2FC " + lfc + " (|dev| " + dev + ", bound " + tol + "), padj " + padj);
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    /**
     * The Lab Notebook Entry (#10): one output row naming the written .eln and HTML report (SHA-256 of the .eln);
     * the .eln verifies (every file present, sizes and checksums match) and holds every upstream run, each with the
     * parameters and input checksums its node recorded, the result tables of the notebook's table ports (the
     * recognized ones linked to their run) and the plots of its image ports and of the curve-plot table. Timestamps
     * are not compared.
     */
    @Test
    void theNotebookEntryHoldsEveryUpstreamRun() throws Exception {
        assertEquals(MilademetanTestflowGenerator.NOTEBOOK_FOLDER, StubNodeSettings.load(dir().resolve(
            "Lab Notebook Entry (#10)/settings.xml")).getNodeSettings("model").getString("output_folder"),
            "a folder beside the workflow, for every machine");
        List<DataRow> rows = StubTables.rows(table(10, 1));
        assertEquals(1, rows.size());
        assertNull(runners.get(Integer.valueOf(10)).getWarningMessage(), "every table has provenance");
        Path eln = Path.of(((StringValue)rows.get(0).getCell(0)).getStringValue());
        Path html = Path.of(((StringValue)rows.get(0).getCell(2)).getStringValue());
        assertEquals(notebookFolder.resolve("milademetan-demo.eln"), eln);
        assertEquals(notebookFolder.resolve("milademetan-demo.html"), html);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(eln))),
            ((StringValue)rows.get(0).getCell(1)).getStringValue());
        ElnVerifier.Report report = ElnVerifier.withDefaults().verify(eln);
        assertTrue(report.intact(), report.problems().toString());

        NotebookEntry entry = ElnReader.withDefaults().readEntry(eln);
        assertEquals("Benchtop demo", entry.author().name());
        Map<String, FlowVariable> upstream = variables.get(Integer.valueOf(10));
        Map<String, List<String>> outputsOf = new HashMap<>();
        for (NotebookEntry.Analysis a : entry.analyses()) {
            RunRecord got = a.record();
            RunRecord pushed = RunRecord.fromJson(upstream.get("benchtop.run." + got.analysis()).getStringValue());
            assertEquals(pushed.parameters(), got.parameters(), got.analysis());
            assertEquals(pushed.inputs(), got.inputs(), got.analysis());
            assertEquals(pushed.benchtopVersion(), got.benchtopVersion(), got.analysis());
            outputsOf.put(got.analysis(), a.outputs());
        }
        assertEquals(ANALYSES, outputsOf.keySet(), "every upstream run is in the entry");
        assertEquals(Map.of("plates.qc", List.of("plate_qc.csv"), "plates.normalize", List.of("plate_normalization.csv"),
            "dose_response.fit", List.of("dose_response.csv"), "qpcr.quantify", List.of("qpcr.csv"), "rnaseq.deseq",
            List.of("rnaseq.csv")), outputsOf);
        assertEquals(List.of("plate_qc.csv", "plate_normalization.csv", "dose_response.csv", "qpcr.csv", "rnaseq.csv"),
            entry.tables().stream().map(NotebookEntry.ResultTable::name).toList());
        List<String> plots = entry.plots().stream().map(NotebookEntry.Plot::name).toList();
        assertEquals(8 + 3, plots.size(), plots.toString());
        assertTrue(plots.contains("table_4_images/SJSA-1.png") && plots.containsAll(List.of("image_1.png",
            "image_2.png", "image_3.png")), plots.toString());

        String page = Files.readString(html, StandardCharsets.UTF_8);
        for (String analysis : ANALYSES) {
            assertTrue(page.contains("<span class=\"source\">(" + analysis + ")</span>"), "the report's provenance of " + analysis);
            assertTrue(page.contains("made by <b>" + analysis + "</b>"), "the report's summary of the result of " + analysis);
        }
    }
}
