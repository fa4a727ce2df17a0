package org.benchtop.testflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The whole {@code testflows/milademetan-demo} workflow, node by node, as KNIME runs it: each Benchtop node is
 * created from the factory in its saved settings.xml, loads those settings, and gets the table its upstream node
 * produced (the CSV Readers' tables as {@link TestflowTest} reads them). {@link TestflowTest} checks only the one node
 * fed by a CSV Reader that testflow.properties names (the qPCR node); this test checks the chain the harness cannot:
 * Plate QC (#2) on the plates, and the Dose-Response Fitter (#4) on the output of the Plate Normalizer (#3) against
 * the simulated IC50s of {@code expected/ic50.csv} (truth and tolerance from make_expected.py, never our output).
 */
class MilademetanDemoTestflowTest {

    static Path dir() {
        return Testflow.root().resolve("milademetan-demo");
    }

    /** A Benchtop node of the workflow with its saved settings loaded. */
    static NodeModelRunner node(final String folder) throws Exception {
        NodeSettingsRO s = StubNodeSettings.load(dir().resolve(folder).resolve("settings.xml"));
        NodeModelRunner r = new NodeModelRunner(Testflow.createNodeModel(s.getString("factory")));
        r.loadSettings(s.getNodeSettings(StubNodeSettings.MODEL_KEY));
        return r;
    }

    /** Configure, then execute, as KNIME does; returns the table outputs. */
    static BufferedDataTable[] run(final NodeModelRunner r, final BufferedDataTable... in) throws Exception {
        DataTableSpec[] specs = new DataTableSpec[in.length];
        for (int i = 0; i < in.length; i++) {
            specs[i] = in[i].getDataTableSpec();
        }
        r.configure((PortObjectSpec[])specs);
        PortObject[] out = r.execute((PortObject[])in);
        BufferedDataTable[] t = new BufferedDataTable[out.length];
        for (int i = 0; i < out.length; i++) {
            t[i] = out[i] instanceof BufferedDataTable b ? b : null;
        }
        return t;
    }

    static BufferedDataTable csv(final String file) {
        return KnimeInput.of(CsvReader.withDefaults().read(dir().resolve("data").resolve(file)));
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

    @Test
    void theWorkflowIsTheDemoChain() throws Exception {
        NodeSettingsRO wf = StubNodeSettings.load(dir().resolve("workflow.knime"));
        NodeSettingsRO conns = wf.getNodeSettings("connections");
        Set<String> edges = new TreeSet<>();
        for (String key : conns.keySet()) {
            NodeSettingsRO c = conns.getNodeSettings(key);
            edges.add(c.getInt("sourceID") + ":" + c.getInt("sourcePort") + "->" + c.getInt("destID") + ":" + c.getInt("destPort"));
        }
        assertEquals(new TreeSet<>(List.of("1:1->2:1", "1:1->3:1", "3:1->4:1", "5:1->6:1")), edges);
        for (String[] reader : new String[][] {{"CSV Reader (#1)", "plates.csv"}, {"CSV Reader (#5)", "qpcr.csv"}}) {
            NodeSettingsRO path = StubNodeSettings.load(dir().resolve(reader[0]).resolve("settings.xml")).getNodeSettings("model")
                .getNodeSettings("settings").getNodeSettings("file_selection").getNodeSettings("path");
            assertEquals(KnimeXml.WORKFLOW_DATA_AREA, path.getString("file_system_specifier"), reader[0]);
            assertEquals(reader[1], path.getString("path"), reader[0]);
        }
    }

    @Test
    void plateQcPassesEveryPlate() throws Exception {
        BufferedDataTable qc = run(node("Plate QC (#2)"), csv("plates.csv"))[0];
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
    void doseResponseFitterDownstreamOfTheNormalizerRecoversTheSimulatedIc50s() throws Exception {
        BufferedDataTable normalized = run(node("Plate Normalizer (#3)"), csv("plates.csv"))[0];
        BufferedDataTable fits = run(node("Dose-Response Fitter (#4)"), normalized)[0];
        DataTableSpec spec = fits.getDataTableSpec();
        Map<String, DataRow> byLine = new HashMap<>();
        for (DataRow r : StubTables.rows(fits)) {
            byLine.put(text(r, spec, "cell_line"), r);
        }
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
}
