package org.benchtop.testflows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.knime.core.node.NodeSettings;

/**
 * Writes the KNIME workflow files of the testflows: {@code workflow.knime}, the CSV Reader's and the Benchtop node's
 * {@code settings.xml}. The Benchtop node's {@code model} settings are saved by the real node model (created from
 * its factory, configured through its own settings loading), so the keys in the files are the node's real keys.
 * Input and expected output are not written here: each scenario's {@code make_expected.py} derives them from the
 * reference data.
 *
 * <p>Runs only when asked (its output is committed):
 * {@code ./mvnw -B -o -q verify -pl testflows -Dtest=TestflowGenerator -Dbenchtop.testflows.generate=true}.
 * To add a scenario of a node fed by CSV Readers (one per input port), add an entry to {@link #SCENARIOS}, run it,
 * then write the scenario's {@code testflow.properties}, input and expected files (see README.md).
 */
@EnabledIfSystemProperty(named = "benchtop.testflows.generate", matches = "true")
class TestflowGenerator {

    /**
     * A scenario: one CSV Reader per input port (nodes 1 to k, reader i reading {@code data/<inputFiles[i-1]>} into
     * data port i-1) feeding a Benchtop node (node k + 1).
     *
     * @param folder the scenario folder under testflows/
     * @param factoryClass the Benchtop node's factory
     * @param settings the settings that differ from the node's defaults: config key to value (String, Boolean,
     *            Double or Integer, as the key's type)
     * @param inputFiles the input file of each data input port, in the scenario's data folder
     */
    record Scenario(String folder, String factoryClass, Map<String, Object> settings, List<String> inputFiles) {

        /** A one-input scenario: CSV Reader (#1) feeding the node (#2). */
        Scenario(final String folder, final String factoryClass, final Map<String, Object> settings,
            final String inputFile) {
            this(folder, factoryClass, settings, List.of(inputFile));
        }
    }

    /** The KcViab plate input: plate and replicate identify a plate; flagged wells NOT excluded (as in the R reference). */
    private static Map<String, Object> kcviabPlates() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plate_column", "plate");
        m.put("replicate_column", "replicate");
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

    private static Map<String, Object> with(final Map<String, Object> m, final String key, final Object value) {
        Map<String, Object> c = new LinkedHashMap<>(m);
        c.put(key, value);
        return c;
    }

    static final List<Scenario> SCENARIOS = List.of(
        // every normalization method (the node's default)
        new Scenario("plates-normalize-kcviab", "org.benchtop.knime.plates.normalizer.PlateNormalizerNodeFactory",
            kcviabPlates(), "input.csv"),
        new Scenario("plates-qc-kcviab", "org.benchtop.knime.plates.qc.PlateQcNodeFactory",
            with(kcviabPlates(), "z_prime_threshold", Double.valueOf(0.5)), "input.csv"),
        // dose response: drc's ryegrass, one curve per model (see testflows/tools/dose_response_make_expected.py)
        new Scenario("dose-response-ll4-ryegrass", "org.benchtop.knime.doseresponse.DoseResponseFitterNodeFactory",
            doseResponse("rootl", "LL.4", "jacobian"), "input.csv"),
        new Scenario("dose-response-ll3-ryegrass", "org.benchtop.knime.doseresponse.DoseResponseFitterNodeFactory",
            doseResponse("rootl", "LL.3", "hessian"), "input.csv"),
        new Scenario("dose-response-ll5-ryegrass", "org.benchtop.knime.doseresponse.DoseResponseFitterNodeFactory",
            doseResponse("rootl", "LL.5", "jacobian"), "input.csv"),
        new Scenario("dose-response-ll2-ryegrass-relative",
            "org.benchtop.knime.doseresponse.DoseResponseFitterNodeFactory",
            doseResponse("rootl_rel", "LL.2", "jacobian"), "input.csv"),
        // RNA-seq (two inputs: counts and sample sheet): DESeq2 on pasilla, ~ type + condition, as DESeq2 1.38.3
        new Scenario("rnaseq-deseq-pasilla", "org.benchtop.knime.rnaseq.deseq.DeseqNodeFactory",
            deseq("~ type + condition", "condition,treated,untreated"), List.of("counts.csv", "samples.csv")),
        // the simulated milademetan data: p53 targets up
        new Scenario("rnaseq-deseq-milademetan-p53", "org.benchtop.knime.rnaseq.deseq.DeseqNodeFactory",
            deseq("~ condition", "condition,milademetan,DMSO"), List.of("counts.csv", "samples.csv")),
        // edgeR TMM factors, CPM and logCPM of the filterByExpr-filtered pasilla counts
        new Scenario("rnaseq-tmm-pasilla", "org.benchtop.knime.rnaseq.tmm.TmmNodeFactory",
            Map.of("gene_id_column", "gene_id"), "counts.csv"));

    /** The DESeq2 node on a wide count table with column gene_id and a sample sheet with column sample. */
    private static Map<String, Object> deseq(final String design, final String contrast) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gene_id_column", "gene_id");
        m.put("sample_column", "sample");
        m.put("design", design);
        m.put("contrast", contrast);
        return m;
    }

    /** The Dose-Response Fitter on ryegrass (dose column conc), no groups, ED10/20/50/80/90 as in the R reference. */
    private static Map<String, Object> doseResponse(final String response, final String model, final String se) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dose_column", "conc");
        m.put("response_column", response);
        m.put("model", model);
        m.put("se_convention", se);
        m.put("ed_levels", "10,20,50,80,90");
        return m;
    }

    /**
     * Writes every scenario, or with {@code -Dbenchtop.testflows.only=PREFIX} those whose folder starts with PREFIX.
     */
    @Test
    void generate() throws Exception {
        String only = System.getProperty("benchtop.testflows.only", "");
        for (Scenario s : SCENARIOS) {
            if (s.folder().startsWith(only)) {
                write(Testflow.root().resolve(s.folder()), s);
            }
        }
    }

    private static void write(final Path dir, final Scenario s) throws Exception {
        NodeModelRunner runner = new NodeModelRunner(Testflow.createNodeModel(s.factoryClass()));
        NodeSettings settings = runner.saveSettings();
        for (Map.Entry<String, Object> e : s.settings().entrySet()) {
            String key = e.getKey();
            if (!settings.containsKey(key)) {
                throw new IllegalStateException(s.factoryClass() + " saves no setting '" + key + "'; it saves "
                    + settings.keySet());
            }
            Object v = e.getValue();
            if (v instanceof String str) {
                settings.addString(key, str);
            } else if (v instanceof Boolean b) {
                settings.addBoolean(key, b.booleanValue());
            } else if (v instanceof Double d) {
                settings.addDouble(key, d.doubleValue());
            } else if (v instanceof Integer i) {
                settings.addInt(key, i.intValue());
            } else {
                throw new IllegalArgumentException(key + ": unsupported value type " + v.getClass());
            }
        }
        runner.loadSettings(settings); // validates, as KNIME does when the dialog is applied
        NodeSettings model = runner.saveSettings();

        String nodeName = Testflow.nodeName(s.factoryClass());
        int k = s.inputFiles().size();
        KnimeXml.Node node = new KnimeXml.Node(k + 1, nodeName, 300, 100);
        List<KnimeXml.Node> nodes = new ArrayList<>();
        List<KnimeXml.Connection> connections = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            KnimeXml.Node reader = new KnimeXml.Node(i + 1, "CSV Reader", 100, 100 + 120 * i);
            nodes.add(reader);
            // KNIME's port 0 is the flow-variable port: data input port i is KNIME port i + 1
            connections.add(new KnimeXml.Connection(reader.id(), 1, node.id(), i + 1));
            StubNodeSettings.write(KnimeXml.node(KnimeXml.CSV_READER_FACTORY, reader.name(), KnimeXml.KNIME_BASE,
                KnimeXml.csvReaderModel(s.inputFiles().get(i)), 1, true),
                dir.resolve(reader.folder()).resolve("settings.xml"));
        }
        nodes.add(node);
        StubNodeSettings.write(KnimeXml.workflow(nodes, connections), dir.resolve("workflow.knime"));
        StubNodeSettings.write(KnimeXml.node(s.factoryClass(), nodeName, KnimeXml.BENCHTOP, model,
            runner.getNrOutPorts(), false), dir.resolve(node.folder()).resolve("settings.xml"));
        System.out.println("wrote " + dir.resolve("workflow.knime") + ", " + k + " CSV Reader(s), " + node.folder());
    }
}
