package org.benchtop.testflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Runs every testflow (each folder under {@code testflows/} with a {@code testflow.properties}, see README.md) the
 * way KNIME would: instantiates the factory named in the Benchtop node's saved settings.xml, loads the saved
 * {@code model} settings into the node model (validate, then load), reads each input CSV as the workflow's CSV
 * Reader would, configures, executes, and compares every output that has a reference file with it.
 *
 * <p>The saved settings must also be exactly what the node saves today, so a renamed, added or removed config key
 * fails here instead of silently breaking users' workflows.
 */
class TestflowTest {

    static List<String> scenarios() {
        List<String> names = new ArrayList<>();
        for (Path p : Testflow.scenarios(Testflow.root())) {
            names.add(p.getFileName().toString());
        }
        return names;
    }

    @Test
    void thePlateScenariosArePresent() {
        assertTrue(scenarios().containsAll(List.of("plates-normalize-kcviab", "plates-qc-kcviab")),
            "scenario folders found under " + Testflow.root() + ": " + scenarios());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(final String name) throws Exception {
        Testflow flow = Testflow.load(Testflow.root().resolve(name));
        NodeModel model = Testflow.createNodeModel(flow.factoryClass());
        NodeModelRunner runner = new NodeModelRunner(model);

        // the saved settings load, and are what the node saves today
        NodeSettings saved = flow.model();
        try {
            runner.loadSettings(saved);
        } catch (InvalidSettingsException e) {
            throw new AssertionError(flow + ": the node cannot load the settings saved in " + flow.nodeFolder()
                + "/settings.xml (was a config key renamed or removed? That breaks users' saved workflows): "
                + e.getMessage(), e);
        }
        assertEquals(StubNodeSettings.toXml(saved), StubNodeSettings.toXml(runner.saveSettings()),
            () -> flow + ": the node no longer saves the settings stored in " + flow.nodeFolder() + "/settings.xml."
                + " A renamed or removed config key breaks users' saved workflows: restore it. If a setting was added"
                + " on purpose (loading a default when absent), regenerate the testflows (README.md) and review the"
                + " diff.");
        flow.checkWorkflow(runner.getNrInPorts());

        // inputs as the CSV Readers deliver them
        BufferedDataTable[] in = new BufferedDataTable[runner.getNrInPorts()];
        DataTableSpec[] inSpecs = new DataTableSpec[in.length];
        for (Testflow.Input input : flow.inputs().values()) {
            Table t = CsvReader.withDefaults().withStringColumns(input.stringColumns()).read(input.file());
            in[input.port()] = KnimeInput.of(t);
            inSpecs[input.port()] = in[input.port()].getDataTableSpec();
        }

        KnimeUrlHandlerProvider.setWorkflow(flow.dir()); // knime://knime.workflow/ URLs resolve into this scenario
        PortObjectSpec[] specs = runner.configure((PortObjectSpec[])inSpecs);
        PortObject[] out;
        try {
            out = runner.execute((PortObject[])in);
        } catch (Exception e) {
            throw new AssertionError(flow + ": execute failed: " + e.getMessage(), e);
        }
        for (int p = 0; p < out.length; p++) {
            if (specs[p] instanceof DataTableSpec configured) {
                DataTableSpec actual = assertInstanceOf(BufferedDataTable.class, out[p]).getDataTableSpec();
                assertTrue(configured.equalStructure(actual), flow + ", output port " + p
                    + ": configure promised " + configured + " but execute produced " + actual);
            }
        }

        List<String> failures = new ArrayList<>();
        for (Map.Entry<Integer, Path> e : flow.expected().entrySet()) {
            int p = e.getKey().intValue();
            assertTrue(p < out.length, flow + ": expected." + p + " but the node has " + out.length + " outputs");
            BufferedDataTable actual = assertInstanceOf(BufferedDataTable.class, out[p],
                () -> flow + ": output port " + p + " is not a table");
            OutputComparison c = OutputComparison.compare(flow, p, readAsText(e.getValue()), actual);
            c.deviations().forEach((column, d) -> System.out.printf(Locale.ROOT,
                "%s port %d %-22s max rel. deviation %.2e, max abs. %.2e (%d values)%n", flow.name(),
                Integer.valueOf(p), column, Double.valueOf(d.relative()), Double.valueOf(d.absolute()),
                Integer.valueOf(d.values())));
            if (!c.ok()) {
                failures.add(c.message());
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    /** The expected CSV with every column as text, exactly as written (numbers are parsed when compared). */
    private static Table readAsText(final Path csv) {
        Set<String> names = new LinkedHashSet<>(CsvReader.withDefaults().read(csv).columnNames());
        return CsvReader.withDefaults().withStringColumns(names).read(csv);
    }
}
