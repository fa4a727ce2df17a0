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
 * Writes the KNIME workflow files of the qPCR testflows, as {@link TestflowGenerator} does for the one-input
 * scenarios (CSV Reader #1 feeding the node #2), plus the shape TestflowGenerator has no entry for: a source node
 * without input ports (the RDML Reader, node #1, alone in its workflow, reading a file of the workflow's data
 * area through a {@code knime://knime.workflow/data/...} URL). The node's {@code model} settings are saved by the
 * real node model after loading the scenario's settings, so the keys are the node's own.
 *
 * <p>Runs only when asked (its output is committed), and writes only the qPCR scenario folders:
 * {@code ./mvnw -B -o -q verify -pl testflows -Dtest=QpcrTestflowGenerator -Dbenchtop.testflows.generate=true}.
 */
@EnabledIfSystemProperty(named = "benchtop.testflows.generate", matches = "true")
class QpcrTestflowGenerator {

    /**
     * A scenario.
     *
     * @param folder the scenario folder under testflows/
     * @param factoryClass the Benchtop node's factory
     * @param settings the settings that differ from the node's defaults (String values)
     * @param inputFile the CSV the CSV Reader reads from the data folder, or {@code null} for a node without input
     */
    record Scenario(String folder, String factoryClass, Map<String, String> settings, String inputFile) {
    }

    private static Map<String, String> settings(final String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static final List<Scenario> SCENARIOS = List.of(
        // pcr's ct1 (Livak & Schmittgen 2001): c-myc vs GAPDH, brain vs kidney, separate tubes
        new Scenario("qpcr-quantify-pcr-ct1", "org.benchtop.knime.qpcr.quantification.QpcrQuantificationNodeFactory",
            settings("sample_column", "sample", "group_column", "group", "target_column", "target", "cq_column", "cq",
                "reference_genes", "GAPDH", "calibrator_group", "brain", "method", "ddcq", "mode", "separate-tubes"),
            "input.csv"),
        // the StepOne RDML example's Cq table: RNase P standards, 2 unknowns, NTC
        new Scenario("qpcr-standard-curve-stepone",
            "org.benchtop.knime.qpcr.standardcurve.QpcrStandardCurveNodeFactory",
            settings("sample_column", "sample", "target_column", "target", "cq_column", "cq", "quantity_column",
                "quantity", "type_column", "type", "well_column", "well"),
            "input.csv"),
        // simulated geNorm panel, 10 candidate genes, per tissue
        new Scenario("qpcr-genorm-simulated", "org.benchtop.knime.qpcr.genorm.GenormNodeFactory",
            settings("sample_column", "sample", "target_column", "target", "cq_column", "cq", "group_column", "group"),
            "input.csv"),
        // the StepOne RDML file itself, from the workflow's data area
        new Scenario("qpcr-read-rdml-stepone", "org.benchtop.knime.qpcr.rdml.RdmlReaderNodeFactory",
            settings("rdml_file", "knime://knime.workflow/data/RDML_stepone_std.rdml"), null));

    @Test
    void generate() throws Exception {
        for (Scenario s : SCENARIOS) {
            write(Testflow.root().resolve(s.folder()), s);
        }
    }

    private static void write(final Path dir, final Scenario s) throws Exception {
        NodeModelRunner runner = new NodeModelRunner(Testflow.createNodeModel(s.factoryClass()));
        NodeSettings settings = runner.saveSettings();
        for (Map.Entry<String, String> e : s.settings().entrySet()) {
            if (!settings.containsKey(e.getKey())) {
                throw new IllegalStateException(s.factoryClass() + " saves no setting '" + e.getKey() + "'; it saves "
                    + settings.keySet());
            }
            settings.addString(e.getKey(), e.getValue());
        }
        runner.loadSettings(settings); // validates, as KNIME does when the dialog is applied
        NodeSettings model = runner.saveSettings();

        String nodeName = Testflow.nodeName(s.factoryClass());
        List<KnimeXml.Node> nodes = new ArrayList<>();
        List<KnimeXml.Connection> connections = new ArrayList<>();
        KnimeXml.Node node;
        if (s.inputFile() != null) {
            KnimeXml.Node reader = new KnimeXml.Node(1, "CSV Reader", 100, 100);
            node = new KnimeXml.Node(2, nodeName, 300, 100);
            nodes.add(reader);
            connections.add(new KnimeXml.Connection(reader.id(), 1, node.id(), 1));
            StubNodeSettings.write(KnimeXml.node(KnimeXml.CSV_READER_FACTORY, reader.name(), KnimeXml.KNIME_BASE,
                KnimeXml.csvReaderModel(s.inputFile()), 1, true), dir.resolve(reader.folder()).resolve("settings.xml"));
        } else {
            node = new KnimeXml.Node(1, nodeName, 100, 100);
        }
        nodes.add(node);
        StubNodeSettings.write(KnimeXml.workflow(nodes, connections), dir.resolve("workflow.knime"));
        StubNodeSettings.write(KnimeXml.node(s.factoryClass(), nodeName, KnimeXml.BENCHTOP, model,
            runner.getNrOutPorts(), false), dir.resolve(node.folder()).resolve("settings.xml"));
        System.out.println("wrote " + dir.resolve("workflow.knime") + ", " + node.folder());
    }
}
