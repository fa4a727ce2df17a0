package org.benchtop.knime.qpcr.genorm;

import static org.benchtop.knime.qpcr.QpcrFixtures.integer;
import static org.benchtop.knime.qpcr.QpcrFixtures.load;
import static org.benchtop.knime.qpcr.QpcrFixtures.near;
import static org.benchtop.knime.qpcr.QpcrFixtures.text;
import static org.benchtop.knime.qpcr.QpcrFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;
import org.benchtop.knime.qpcr.QpcrFixtures;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The geNorm Reference Gene Stability node against the KNIME API stub, on the simulated 10-gene panel: M values at
 * every exclusion step, pairwise variations and ranking per tissue against the base-R reference (1e-9 relative,
 * ranking exactly), Cq and quantity input, settings, configure, the run record and bad settings.
 */
class GenormNodeModelTest {

    private static NodeModelRunner runner() {
        return new NodeModelRunner(new GenormNodeFactory().createNodeModel());
    }

    private static BufferedDataTable panel() {
        return QpcrFixtures.knime(QpcrFixtures.resource("genorm_cq.csv", "group", "sample", "target"));
    }

    /** The panel with relative quantities 2^-Cq instead of Cq (column {@code rq}). */
    private static BufferedDataTable panelAsQuantities() {
        Table t = QpcrFixtures.resource("genorm_cq.csv", "group", "sample", "target");
        double[] cq = t.column("cq").toDoubleArray();
        double[] rq = new double[cq.length];
        for (int i = 0; i < cq.length; i++) {
            rq[i] = Math.pow(2, -cq[i]);
        }
        List<Column> cols = new ArrayList<>(t.columns().subList(0, 3));
        cols.add(Column.ofDoubles("rq", rq));
        return QpcrFixtures.knime(Table.of("panel", cols));
    }

    @Test
    void theFactoryMakesTheDialog() {
        assertNotNull(new GenormNodeFactory().createNodeDialogPane());
    }

    @Test
    void savesExactlyTheReleasedConfigKeys() {
        assertEquals(QpcrFixtures.savedKeys("sample_column", "target_column", "cq_column", "quantity_column",
                "group_column", "efficiencies", "cq_cutoff"), runner().saveSettings().keySet());
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        NodeModelRunner a = runner();
        load(a, "sample_column", "sample", "target_column", "target", "cq_column", "cq", "group_column", "group",
                "efficiencies", "GAPDH=1.95");
        String first = StubNodeSettings.toXml(a.saveSettings());
        NodeModelRunner b = runner();
        b.loadSettings(StubNodeSettings.fromXml(first));
        assertEquals(first, StubNodeSettings.toXml(b.saveSettings()));
        assertNotEquals(StubNodeSettings.toXml(runner().saveSettings()), first);
        assertEquals("", runner().saveSettings().getString("quantity_column"), "documented default");
    }

    @Test
    void configureDescribesTheThreeTables() throws Exception {
        NodeModelRunner r = runner();
        load(r, "sample_column", "sample", "target_column", "target", "cq_column", "cq");
        PortObjectSpec[] specs = r.configure(panel().getDataTableSpec());
        assertEquals(List.of("group", "step", "target", "m_value"),
                List.of(assertInstanceOf(DataTableSpec.class, specs[0]).getColumnNames()));
        DataTableSpec v = assertInstanceOf(DataTableSpec.class, specs[1]);
        assertEquals(List.of("group", "step", "n_genes", "label", "pairwise_variation"), List.of(v.getColumnNames()));
        assertEquals(IntCell.TYPE, v.getColumnSpec(2).getType());
        assertEquals(List.of("group", "rank", "target"),
                List.of(assertInstanceOf(DataTableSpec.class, specs[2]).getColumnNames()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"neither Cq nor quantity|cq_column|''|neither is set",
        "both Cq and quantity|quantity_column|cq|both are set",
        "missing column|group_column|tissue|'tissue' is not in the input table",
        "malformed efficiencies|efficiencies|GAPDH|is not TARGET=E"})
    void configureExplainsBadSettings(String what, String key, String value, String message) throws Exception {
        NodeModelRunner r = runner();
        load(r, "sample_column", "sample", "target_column", "target", "cq_column", "cq", key, value);
        DataTableSpec in = panel().getDataTableSpec();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> r.configure(in), what);
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0} input")
    @CsvSource({"cq_column, cq", "quantity_column, rq"})
    void executeGivesTheBaseRGenormPerTissue(String key, String column) throws Exception {
        NodeModelRunner r = runner();
        load(r, "sample_column", "sample", "target_column", "target", "cq_column", "", key, column, "group_column",
                "group");
        PortObject[] out = r.execute(key.equals("cq_column") ? panel() : panelAsQuantities());

        BufferedDataTable m = assertInstanceOf(BufferedDataTable.class, out[0]);
        List<DataRow> mr = StubTables.rows(m);
        Table me = QpcrFixtures.resource("expected_genorm_M.csv", "group", "target");
        List<Integer> wanted = rowsOf(me, "group");
        assertEquals(wanted.size(), mr.size());
        for (int k = 0; k < wanted.size(); k++) {
            int i = wanted.get(k).intValue();
            DataRow row = mr.get(k);
            assertEquals(me.column("group").getString(i), text(m, row, "group"));
            assertEquals(me.column("step").getLong(i), integer(m, row, "step"));
            assertEquals(me.column("target").getString(i), text(m, row, "target"));
            near(me.column("m_value").getDouble(i), value(m, row, "m_value"), "M row " + k);
        }

        BufferedDataTable v = assertInstanceOf(BufferedDataTable.class, out[1]);
        List<DataRow> vr = StubTables.rows(v);
        Table ve = QpcrFixtures.resource("expected_genorm_V.csv", "group");
        List<Integer> wv = rowsOf(ve, "group");
        assertEquals(wv.size(), vr.size());
        for (int k = 0; k < wv.size(); k++) {
            int i = wv.get(k).intValue();
            long n = ve.column("n").getLong(i);
            assertEquals("V" + n + "/" + (n + 1), text(v, vr.get(k), "label"));
            near(ve.column("v").getDouble(i), value(v, vr.get(k), "pairwise_variation"), "V" + n);
        }

        BufferedDataTable rk = assertInstanceOf(BufferedDataTable.class, out[2]);
        Table re = QpcrFixtures.resource("expected_genorm_ranking.csv", "group", "target");
        List<String> expected = new ArrayList<>();
        for (int i : rowsOf(re, "group")) {
            expected.add(re.column("group").getString(i) + "/" + re.column("target").getString(i));
        }
        List<String> actual = new ArrayList<>();
        for (DataRow row : StubTables.rows(rk)) {
            actual.add(text(rk, row, "group") + "/" + text(rk, row, "target"));
        }
        assertEquals(expected, actual);

        RunRecord rec = QpcrFixtures.record(r, "benchtop.run.qpcr.genorm");
        assertEquals("qpcr.genorm", rec.analysis());
        assertEquals(List.of("sample", "target", "cq", "quantity", "group", "efficiency", "cq_cutoff"),
                rec.parameters().stream().map(RunRecord.Parameter::name).toList());
        assertEquals(column, QpcrFixtures.parameters(rec).get(key.equals("cq_column") ? "cq" : "quantity"));
    }

    /** The rows of the per-tissue groups (the reference also has the pooled group "all"). */
    private static List<Integer> rowsOf(Table t, String groupColumn) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!t.column(groupColumn).getString(i).equals("all")) {
                rows.add(Integer.valueOf(i));
            }
        }
        return rows;
    }

    @Test
    void withoutAGroupColumnAllSamplesAreOneGroup() throws Exception {
        NodeModelRunner r = runner();
        load(r, "sample_column", "sample", "target_column", "target", "cq_column", "cq");
        BufferedDataTable m = (BufferedDataTable) r.execute(panel())[0];
        Table me = QpcrFixtures.resource("expected_genorm_M.csv", "group", "target");
        List<DataRow> mr = StubTables.rows(m);
        int k = 0;
        for (int i = 0; i < me.rowCount(); i++) {
            if (me.column("group").getString(i).equals("all")) {
                assertEquals("all", text(m, mr.get(k), "group"));
                assertEquals(me.column("target").getString(i), text(m, mr.get(k), "target"));
                near(me.column("m_value").getDouble(i), value(m, mr.get(k), "m_value"), "M all " + k);
                k++;
            }
        }
        assertEquals(54, k);
        assertEquals(k, mr.size());
    }
}
