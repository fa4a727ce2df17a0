package org.benchtop.testflows;

import java.io.IOException;
import java.nio.file.Files;
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
 * Writes the KNIME workflow files of {@code testflows/milademetan-demo}: the lab workflow of {@code benchtop demo}
 * as one workflow of several nodes, which {@link TestflowGenerator} (one CSV Reader feeding one node) cannot write.
 *
 * <pre>
 * CSV Reader (#1) data/plates.csv --+--> Plate QC (#2)
 *                                   +--> Plate Normalizer (#3) --> Dose-Response Fitter (#4)
 * CSV Reader (#5) data/qpcr.csv ------> qPCR Quantification (#6)
 * </pre>
 *
 * The Benchtop nodes' {@code model} settings are saved by the real node models after loading the settings below,
 * so the keys are the nodes' own; they are the options {@code benchtop demo} passes to the CLI subcommands.
 *
 * <p>Runs only when asked (its output is committed):
 * {@code ./mvnw -B -o -q verify -pl testflows -Dtest=MilademetanTestflowGenerator -Dbenchtop.testflows.generate=true};
 * then {@code python3 testflows/milademetan-demo/make_expected.py} for the data and expected files.
 */
@EnabledIfSystemProperty(named = "benchtop.testflows.generate", matches = "true")
class MilademetanTestflowGenerator {

    /** The scenario folder under testflows/. */
    static final String FOLDER = "milademetan-demo";

    static final String PLATE_QC = "org.benchtop.knime.plates.qc.PlateQcNodeFactory";

    static final String PLATE_NORMALIZER = "org.benchtop.knime.plates.normalizer.PlateNormalizerNodeFactory";

    static final String DOSE_RESPONSE = "org.benchtop.knime.doseresponse.DoseResponseFitterNodeFactory";

    static final String QPCR = "org.benchtop.knime.qpcr.quantification.QpcrQuantificationNodeFactory";

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

        KnimeXml.Node platesReader = new KnimeXml.Node(1, "CSV Reader", 100, 160);
        KnimeXml.Node qcNode = node(2, PLATE_QC, 320, 60);
        KnimeXml.Node normNode = node(3, PLATE_NORMALIZER, 320, 200);
        KnimeXml.Node fitNode = node(4, DOSE_RESPONSE, 540, 200);
        KnimeXml.Node qpcrReader = new KnimeXml.Node(5, "CSV Reader", 100, 360);
        KnimeXml.Node qpcrNode = node(6, QPCR, 320, 360);
        StubNodeSettings.write(KnimeXml.workflow(List.of(platesReader, qcNode, normNode, fitNode, qpcrReader, qpcrNode),
            List.of(new KnimeXml.Connection(1, 1, 2, 1), new KnimeXml.Connection(1, 1, 3, 1),
                new KnimeXml.Connection(3, 1, 4, 1), new KnimeXml.Connection(5, 1, 6, 1))),
            dir.resolve("workflow.knime"));
        reader(dir, platesReader, "plates.csv");
        reader(dir, qpcrReader, "qpcr.csv");
        benchtop(dir, qcNode, PLATE_QC, qc);
        benchtop(dir, normNode, PLATE_NORMALIZER, normalizer);
        benchtop(dir, fitNode, DOSE_RESPONSE, fit);
        benchtop(dir, qpcrNode, QPCR, qpcr);
        System.out.println("wrote " + dir.resolve("workflow.knime") + " and 6 nodes");
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
        NodeModelRunner runner = new NodeModelRunner(Testflow.createNodeModel(factory));
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
        StubNodeSettings.write(KnimeXml.node(factory, node.name(), KnimeXml.BENCHTOP, runner.saveSettings(),
            runner.getNrOutPorts(), false), dir.resolve(node.folder()).resolve("settings.xml"));
    }
}
