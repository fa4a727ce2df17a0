package org.benchtop.testflows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubNodeFactories;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.context.ModifiableNodeCreationConfiguration;

/**
 * Writes the KNIME workflow files of {@code testflows/milademetan-demo}: the lab workflow of {@code benchtop demo}
 * as one workflow of several nodes, which {@link TestflowGenerator} (one CSV Reader feeding one node) cannot write.
 *
 * <pre>
 * CSV Reader (#1) data/plates.csv --+--> Plate QC (#2) ---------------------------------+
 *                                   +--> Plate Normalizer (#3) --> Dose-Response Fitter (#4) --+
 * CSV Reader (#5) data/qpcr.csv ------> qPCR Quantification (#6) --------------------------+--> Lab Notebook Entry (#10)
 * CSV Reader (#7) data/rnaseq_counts.csv --+--> DESeq2 Differential Expression (#9) ------+
 * CSV Reader (#8) data/rnaseq_samples.csv -+
 * </pre>
 *
 * The Benchtop nodes' {@code model} settings are saved by the real node models after loading the settings below,
 * so the keys are the nodes' own; they are the options {@code benchtop demo} passes to the CLI subcommands. The Lab
 * Notebook Entry has dynamic ports ({@link #NOTEBOOK_INPUTS}); its settings.xml holds them as KNIME saves them, in
 * the sub config {@code node_creation_config} after {@code factory_settings} (knime-core
 * {@code FileNativeNodeContainerPersistor.save}: factory, creation config, then the node itself).
 *
 * <p>Runs only when asked (its output is committed):
 * first {@code python3 testflows/milademetan-demo/make_expected.py} (the data and expected files; the qPCR
 * efficiencies below are read from its {@code data/qpcr_efficiencies.csv}), then
 * {@code ./mvnw -B -o -q verify -pl testflows -Dtest=MilademetanTestflowGenerator -Dbenchtop.testflows.generate=true}.
 */
@EnabledIfSystemProperty(named = "benchtop.testflows.generate", matches = "true")
class MilademetanTestflowGenerator {

    /** The scenario folder under testflows/. */
    static final String FOLDER = "milademetan-demo";

    static final String PLATE_QC = "org.benchtop.knime.plates.qc.PlateQcNodeFactory";

    static final String PLATE_NORMALIZER = "org.benchtop.knime.plates.normalizer.PlateNormalizerNodeFactory";

    static final String DOSE_RESPONSE = "org.benchtop.knime.doseresponse.DoseResponseFitterNodeFactory";

    static final String QPCR = "org.benchtop.knime.qpcr.quantification.QpcrQuantificationNodeFactory";

    static final String DESEQ = "org.benchtop.knime.rnaseq.deseq.DeseqNodeFactory";

    static final String NOTEBOOK = "org.benchtop.knime.notebook.NotebookEntryNodeFactory";

    /** The notebook node's table port group (its name is saved in the workflow). */
    static final String TABLE_GROUP = "Result table";

    /** The notebook node's image port group. */
    static final String IMAGE_GROUP = "Image";

    /**
     * What feeds the Lab Notebook Entry (#10), in its port order, as {node id, KNIME output port}: the result tables
     * (plate QC, normalized wells, IC50 fits, the curve-plot table, qPCR fold changes, DE results), then the images
     * (plate QC overview, qPCR chart, DESeq2 plots). {@code benchtop demo} gathers the same results.
     */
    static final int[][] NOTEBOOK_TABLES = {{2, 1}, {3, 1}, {4, 1}, {4, 3}, {6, 1}, {9, 1}};

    /** The images feeding the notebook, after the tables. */
    static final int[][] NOTEBOOK_IMAGES = {{2, 5}, {6, 5}, {9, 4}};

    /**
     * The Lab Notebook Entry's output folder: the folder {@code milademetan-notebook} beside the workflow, in the same
     * space (mount point), created by the node on its first run. A workflow-relative URL works on every machine and
     * operating system; beside the workflow rather than inside it (e.g. {@code knime://knime.workflow/data/}) so that
     * the results neither mix with the input data nor travel with the workflow when it is exported or shared, and a
     * KNIME user finds them next to the workflow in the space explorer.
     */
    static final String NOTEBOOK_FOLDER = "knime://knime.workflow/../milademetan-notebook";

    /** The notebook's inputs: the tables, then the images. */
    static final int[][] NOTEBOOK_INPUTS = concat(NOTEBOOK_TABLES, NOTEBOOK_IMAGES);

    private static int[][] concat(final int[][] a, final int[][] b) {
        int[][] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The plate input: one plate column, 384 wells, the labels of examples/milademetan/plates.csv. */
    static Map<String, Object> plates() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plate_column", "plate");
        m.put("replicate_column", "");
        m.put("well_column", "well");
        m.put("value_column", "value");
        m.put("content_column", "content");
        m.put("negative_label", "neg");
        m.put("positive_label", "pos");
        m.put("sample_label", "sample");
        m.put("exclude_column", "");
        m.put("plate_format", "384");
        return m;
    }

    /** The efficiencies of data/qpcr_efficiencies.csv as {@code TARGET=E,...}. */
    static String efficiencies(final Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("data/qpcr_efficiencies.csv"));
        List<String> parts = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                parts.add(line.trim().replace(',', '='));
            }
        }
        return String.join(",", parts);
    }

    @Test
    void generate() throws Exception {
        Path dir = Testflow.root().resolve(FOLDER);
        Map<String, Object> qc = plates();
        qc.put("z_prime_threshold", Double.valueOf(0.5));
        Map<String, Object> normalizer = plates();
        NodeSettings defaults = new NodeModelRunner(Testflow.createNodeModel(PLATE_NORMALIZER)).saveSettings();
        for (String key : defaults.keySet()) {
            if (key.startsWith("method_")) {
                normalizer.put(key, Boolean.valueOf(key.equals("method_percent_of_negative")));
            }
        }
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("dose_column", "dose_nM");
        fit.put("response_column", "percent_of_negative");
        fit.put("group_columns", new String[] {"cell_line"});
        fit.put("model", "LL.4");
        fit.put("se_convention", "jacobian");
        Map<String, Object> qpcr = new LinkedHashMap<>();
        qpcr.put("sample_column", "sample");
        qpcr.put("group_column", "group");
        qpcr.put("target_column", "target");
        qpcr.put("cq_column", "cq");
        qpcr.put("reference_genes", "GAPDH,ACTB");
        qpcr.put("calibrator_group", "DMSO");
        qpcr.put("method", "nrq");
        qpcr.put("efficiencies", efficiencies(dir));
        qpcr.put("mode", "separate-tubes");

        Map<String, Object> deseq = new LinkedHashMap<>();
        deseq.put("gene_id_column", "gene_id");
        deseq.put("sample_column", "sample");
        deseq.put("design", "~ condition");
        deseq.put("contrast", "condition,milademetan,DMSO");
        Map<String, Object> notebook = new LinkedHashMap<>();
        notebook.put("title", "Milademetan (DS-3032b) in TP53 wild-type and mutant cell lines (SIMULATED demo data)");
        notebook.put("author", "Benchtop demo");
        notebook.put("project", "MDM2 inhibition: viability, p53 target induction");
        notebook.put("notes", "The data are SIMULATED from published values (examples/milademetan/README.md): "
            + "nothing was measured. Plate QC and normalization, an IC50 per cell line, qPCR of p53 targets against "
            + "GAPDH and ACTB, and DESeq2 differential expression of treated vs DMSO cells.");
        notebook.put("output_folder", NOTEBOOK_FOLDER);
        notebook.put("file_name", "milademetan-demo.eln");
        notebook.put("overwrite", Boolean.TRUE);

        KnimeXml.Node platesReader = new KnimeXml.Node(1, "CSV Reader", 100, 160);
        KnimeXml.Node qcNode = node(2, PLATE_QC, 320, 60);
        KnimeXml.Node normNode = node(3, PLATE_NORMALIZER, 320, 200);
        KnimeXml.Node fitNode = node(4, DOSE_RESPONSE, 540, 200);
        KnimeXml.Node qpcrReader = new KnimeXml.Node(5, "CSV Reader", 100, 360);
        KnimeXml.Node qpcrNode = node(6, QPCR, 320, 360);
        KnimeXml.Node countsReader = new KnimeXml.Node(7, "CSV Reader", 100, 480);
        KnimeXml.Node samplesReader = new KnimeXml.Node(8, "CSV Reader", 100, 580);
        KnimeXml.Node deseqNode = node(9, DESEQ, 320, 520);
        KnimeXml.Node notebookNode = node(10, NOTEBOOK, 760, 300);
        List<KnimeXml.Connection> connections = new ArrayList<>(List.of(new KnimeXml.Connection(1, 1, 2, 1),
            new KnimeXml.Connection(1, 1, 3, 1), new KnimeXml.Connection(3, 1, 4, 1), new KnimeXml.Connection(5, 1, 6, 1),
            new KnimeXml.Connection(7, 1, 9, 1), new KnimeXml.Connection(8, 1, 9, 2)));
        for (int i = 0; i < NOTEBOOK_INPUTS.length; i++) {
            connections.add(new KnimeXml.Connection(NOTEBOOK_INPUTS[i][0], NOTEBOOK_INPUTS[i][1], 10, i + 1));
        }
        StubNodeSettings.write(KnimeXml.workflow(List.of(platesReader, qcNode, normNode, fitNode, qpcrReader, qpcrNode,
            countsReader, samplesReader, deseqNode, notebookNode), connections), dir.resolve("workflow.knime"));
        reader(dir, platesReader, "plates.csv");
        reader(dir, qpcrReader, "qpcr.csv");
        reader(dir, countsReader, "rnaseq_counts.csv");
        reader(dir, samplesReader, "rnaseq_samples.csv");
        benchtop(dir, qcNode, PLATE_QC, qc);
        benchtop(dir, normNode, PLATE_NORMALIZER, normalizer);
        benchtop(dir, fitNode, DOSE_RESPONSE, fit);
        benchtop(dir, qpcrNode, QPCR, qpcr);
        benchtop(dir, deseqNode, DESEQ, deseq);
        ModifiableNodeCreationConfiguration ports = StubNodeFactories.creationConfig(
            (ConfigurableNodeFactory<?>)Class.forName(NOTEBOOK).getDeclaredConstructor().newInstance(),
            Map.of(TABLE_GROUP, Integer.valueOf(NOTEBOOK_TABLES.length), IMAGE_GROUP,
                Integer.valueOf(NOTEBOOK_IMAGES.length)));
        benchtop(dir, notebookNode, NOTEBOOK, ports, notebook);
        System.out.println("wrote " + dir.resolve("workflow.knime") + " and 10 nodes");
    }

    private static KnimeXml.Node node(final int id, final String factory, final int x, final int y) throws IOException {
        return new KnimeXml.Node(id, Testflow.nodeName(factory), x, y);
    }

    private static void reader(final Path dir, final KnimeXml.Node reader, final String file) throws IOException {
        StubNodeSettings.write(KnimeXml.node(KnimeXml.CSV_READER_FACTORY, reader.name(), KnimeXml.KNIME_BASE,
            KnimeXml.csvReaderModel(file), 1, true), dir.resolve(reader.folder()).resolve("settings.xml"));
    }

    private static void benchtop(final Path dir, final KnimeXml.Node node, final String factory,
        final Map<String, Object> values) throws Exception {
        benchtop(dir, node, factory, null, values);
    }

    /**
     * Writes a Benchtop node's settings.xml: the settings the node model saves after loading {@code values}, and
     * the node's port configuration if it has dynamic ports.
     */
    private static void benchtop(final Path dir, final KnimeXml.Node node, final String factory,
        final ModifiableNodeCreationConfiguration ports, final Map<String, Object> values) throws Exception {
        NodeModelRunner runner = new NodeModelRunner(ports == null ? Testflow.createNodeModel(factory)
            : StubNodeFactories.createNodeModel((NodeFactory<?>)Class.forName(factory).getDeclaredConstructor()
                .newInstance(), ports));
        NodeSettings settings = runner.saveSettings();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = e.getKey();
            if (!settings.containsKey(key)) {
                throw new IllegalStateException(factory + " saves no setting '" + key + "'; it saves " + settings.keySet());
            }
            Object v = e.getValue();
            if (v instanceof String str) {
                settings.addString(key, str);
            } else if (v instanceof String[] arr) {
                settings.addStringArray(key, arr);
            } else if (v instanceof Boolean b) {
                settings.addBoolean(key, b.booleanValue());
            } else if (v instanceof Double d) {
                settings.addDouble(key, d.doubleValue());
            } else {
                throw new IllegalArgumentException(key + ": unsupported value type " + v.getClass());
            }
        }
        runner.loadSettings(settings); // validates, as KNIME does when the dialog is applied
        NodeSettings xml = KnimeXml.node(factory, node.name(), KnimeXml.BENCHTOP, runner.saveSettings(),
            runner.getNrOutPorts(), false);
        StubNodeSettings.write(ports == null ? xml : withCreationConfig(xml, ports),
            dir.resolve(node.folder()).resolve("settings.xml"));
    }

    /** The settings.xml with the port configuration inserted where KNIME saves it: right after factory_settings. */
    private static NodeSettings withCreationConfig(final NodeSettings xml,
        final ModifiableNodeCreationConfiguration ports) {
        NodeSettings out = new NodeSettings(xml.getKey());
        for (String key : xml.keySet()) {
            out.addEntry(xml.getEntry(key));
            if (key.equals("factory_settings")) {
                ports.saveSettingsTo(out);
            }
        }
        return out;
    }
}
