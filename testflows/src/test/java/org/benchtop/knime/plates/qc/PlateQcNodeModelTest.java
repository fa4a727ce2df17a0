package org.benchtop.knime.plates.qc;

import static org.benchtop.knime.plates.PlateFixtures.fixtureColumns;
import static org.benchtop.knime.plates.PlateFixtures.mad;
import static org.benchtop.knime.plates.PlateFixtures.mean;
import static org.benchtop.knime.plates.PlateFixtures.median;
import static org.benchtop.knime.plates.PlateFixtures.sd;
import static org.benchtop.knime.plates.PlateFixtures.values;
import static org.benchtop.knime.plates.PlateFixtures.withStrings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.knime.plates.PlateFixtures;
import org.benchtop.knime.plates.PlateFixtures.Well;
import org.benchtop.knime.testing.NodeSettingsTesting;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubExecutionContexts;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

/**
 * The Plate QC node against the KNIME API stub: settings, configure, execute on two 96-well plates (one passing,
 * one failing Z' &gt;= 0.5) whose statistics are computed by hand here, its five outputs (per-plate QC, screen QC,
 * median-polish effects, heatmap table, overview image), missing values, the run record, bad input and
 * cancellation.
 */
class PlateQcNodeModelTest {

    private static final byte[] PNG_SIGNATURE = {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static NodeModelRunner runner() {
        return new NodeModelRunner(new PlateQcNodeFactory().createNodeModel());
    }

    private static NodeModelRunner configured() throws InvalidSettingsException {
        NodeModelRunner r = runner();
        r.loadSettings(fixtureColumns(r.saveSettings()));
        return r;
    }

    /** P1: neg 1000..1070 (Z' about 0.905, passes); P2: neg 1000..1700 (Z' about 0.397, fails). */
    private static List<Well> twoPlates(final String... missing) {
        List<Well> wells = new ArrayList<>(PlateFixtures.plate("P1", 10, missing));
        wells.addAll(PlateFixtures.plate("P2", 100));
        return wells;
    }

    @Test
    void savesExactlyTheReleasedConfigKeys() {
        Set<String> expected = new HashSet<>();
        for (String key : List.of("plate_column", "replicate_column", "well_column", "value_column", "content_column",
            "negative_label", "positive_label", "sample_label", "exclude_column", "plate_format", "z_prime_threshold")) {
            expected.add(key);
            expected.add(key + "_Internals");
        }
        assertEquals(expected, runner().saveSettings().keySet());
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        NodeModelRunner a = runner();
        NodeSettings s = withStrings(fixtureColumns(a.saveSettings()), "replicate_column", "replicate",
            "negative_label", "DMSO", "exclude_column", "flag");
        s.addDouble("z_prime_threshold", 0.4);
        a.loadSettings(s);
        NodeSettings again = NodeSettingsTesting.roundTripThroughXml(a, PlateQcNodeModelTest::runner);
        assertEquals(0.4, again.getDouble("z_prime_threshold"));
        assertEquals("DMSO", again.getString("negative_label"));
        assertEquals(0.5, runner().saveSettings().getDouble("z_prime_threshold"), "documented default");
    }

    @Test
    void configureDescribesTheImageOutputsAndLeavesTheQcTablesOpen() throws Exception {
        PortObjectSpec[] specs = configured().configure(PlateFixtures.SPEC);
        assertEquals(5, specs.length);
        assertNull(specs[0]); // columns depend on the plate key columns' types: known after execution
        assertNull(specs[1]);
        assertNull(specs[2]);
        DataTableSpec images = assertInstanceOf(DataTableSpec.class, specs[3]);
        assertEquals(List.of("plate", "image"), Arrays.asList(images.getColumnNames()));
        assertEquals(StringCell.TYPE, images.getColumnSpec(0).getType());
        assertEquals(PNGImageContent.TYPE, images.getColumnSpec(1).getType());
        assertInstanceOf(ImagePortObjectSpec.class, specs[4]);
    }

    @Test
    void configureNamesAMissingColumn() throws Exception {
        NodeModelRunner r = runner();
        r.loadSettings(withStrings(fixtureColumns(r.saveSettings()), "content_column", "layout"));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> r.configure(PlateFixtures.SPEC));
        assertTrue(e.getMessage().contains("'layout'") && e.getMessage().contains("not in the input table"),
            e.getMessage());
    }

    @Test
    void executeGivesTheQcOfEachPlateAsTheFormulasSay() throws Exception {
        List<Well> wells = twoPlates();
        NodeModelRunner r = configured();
        PortObject[] out = r.execute(PlateFixtures.table(wells));
        assertEquals(5, out.length);
        BufferedDataTable qc = assertInstanceOf(BufferedDataTable.class, out[0]);
        List<DataRow> rows = StubTables.rows(qc);
        assertEquals(2, rows.size());
        for (int p = 0; p < 2; p++) {
            String plate = p == 0 ? "P1" : "P2";
            DataRow row = rows.get(p);
            assertEquals(plate, text(qc, row, "plate"));
            List<Well> mine = wells.stream().filter(w -> w.plate().equals(plate)).toList();
            double[] neg = values(mine, w -> w.content().equals("neg"));
            double[] pos = values(mine, w -> w.content().equals("pos"));
            double[] smp = values(mine, w -> w.content().equals("sample"));
            assertEquals(8, integer(qc, row, "n_neg"));
            assertEquals(8, integer(qc, row, "n_pos"));
            assertEquals(80, integer(qc, row, "n_sample"));
            assertEquals(0, integer(qc, row, "n_missing"));
            near(mean(neg), qc, row, "neg_mean");
            near(sd(neg), qc, row, "neg_sd");
            near(median(neg), qc, row, "neg_median");
            near(mad(neg), qc, row, "neg_mad");
            near(100 * sd(neg) / mean(neg), qc, row, "neg_cv_percent");
            near(mean(pos), qc, row, "pos_mean");
            near(sd(pos), qc, row, "pos_sd");
            near(mean(smp), qc, row, "sample_mean");
            near(sd(smp), qc, row, "sample_sd");
            near(median(smp), qc, row, "sample_median");
            near(mad(smp), qc, row, "sample_mad");
            double zPrime = 1 - 3 * (sd(neg) + sd(pos)) / Math.abs(mean(neg) - mean(pos));
            near(zPrime, qc, row, "z_prime");
            near(1 - 3 * (mad(neg) + mad(pos)) / Math.abs(median(neg) - median(pos)), qc, row, "robust_z_prime");
            near((mean(neg) - mean(pos)) / Math.sqrt(sd(neg) * sd(neg) + sd(pos) * sd(pos)), qc, row, "ssmd");
            near(mean(neg) / mean(pos), qc, row, "signal_to_background");
            DataCell pass = row.getCell(qc.getDataTableSpec().findColumnIndex("pass"));
            assertEquals(zPrime >= 0.5, ((BooleanValue)pass).getBooleanValue(), plate + " Z' " + zPrime);
        }
        assertEquals(1 - 3 * (10 + 2) * Math.sqrt(6) / 928, value(qc, rows.get(0), "z_prime"), 1e-12);
    }

    @Test
    void executeGivesScreenQcEffectsHeatmapsAndOverview() throws Exception {
        List<Well> wells = twoPlates();
        PortObject[] out = configured().execute(PlateFixtures.table(wells));

        // screen QC: one group (a single plate column), raw and plate-median-ratio scale, mean/SD and median/MAD
        BufferedDataTable screen = assertInstanceOf(BufferedDataTable.class, out[1]);
        List<DataRow> s = StubTables.rows(screen);
        assertEquals(4, s.size());
        List<String> scales = new ArrayList<>();
        for (DataRow row : s) {
            scales.add(text(screen, row, "scale"));
            assertEquals(16, integer(screen, row, "n_neg"));
        }
        assertEquals(List.of("raw", "raw", "plate_median_ratio", "plate_median_ratio"), scales);
        double[] neg = values(wells, w -> w.content().equals("neg"));
        double[] pos = values(wells, w -> w.content().equals("pos"));
        DataRow raw = s.get(0);
        assertEquals("mean/SD", text(screen, raw, "statistics"));
        near(mean(neg), screen, raw, "mean_neg");
        near(sd(pos), screen, raw, "sd_pos");
        near(1 - 3 * (sd(neg) + sd(pos)) / Math.abs(mean(neg) - mean(pos)), screen, raw, "z_prime");

        // median polish effects: overall, 8 rows, 12 columns per plate
        BufferedDataTable effects = assertInstanceOf(BufferedDataTable.class, out[2]);
        List<DataRow> e = StubTables.rows(effects);
        assertEquals(2 * (1 + 8 + 12), e.size());
        assertEquals("overall", text(effects, e.get(0), "effect"));
        assertTrue(e.get(0).getCell(effects.getDataTableSpec().findColumnIndex("position")).isMissing());
        assertEquals("row", text(effects, e.get(1), "effect"));
        assertEquals("A", text(effects, e.get(1), "position"));
        assertEquals("H", text(effects, e.get(8), "position"));
        assertEquals("column", text(effects, e.get(9), "effect"));
        assertEquals("1", text(effects, e.get(9), "position"));
        assertEquals("12", text(effects, e.get(20), "position"));
        assertEquals("P2", text(effects, e.get(21), "plate"));

        // one heatmap per plate
        BufferedDataTable maps = assertInstanceOf(BufferedDataTable.class, out[3]);
        List<DataRow> m = StubTables.rows(maps);
        assertEquals(2, m.size());
        for (int i = 0; i < 2; i++) {
            assertTrue(text(maps, m.get(i), "plate").contains(i == 0 ? "P1" : "P2"), text(maps, m.get(i), "plate"));
            assertPng(((PNGImageValue)m.get(i).getCell(1)).getImageContent().getByteArray());
        }

        // overview image
        ImagePortObject overview = assertInstanceOf(ImagePortObject.class, out[4]);
        assertPng(((PNGImageValue)overview.toDataCell()).getImageContent().getByteArray());
    }

    @Test
    void missingValuesAreLeftOutAndCounted() throws Exception {
        List<Well> wells = twoPlates("D05");
        NodeModelRunner r = configured();
        BufferedDataTable qc = (BufferedDataTable)r.execute(PlateFixtures.table(wells))[0];
        assertNotNull(r.getWarningMessage());
        assertTrue(r.getWarningMessage().contains("1 missing cell(s)"), r.getWarningMessage());
        DataRow p1 = StubTables.rows(qc).get(0);
        assertEquals(79, integer(qc, p1, "n_sample"));
        assertEquals(1, integer(qc, p1, "n_missing"));
        double[] smp = values(wells, w -> w.plate().equals("P1") && w.content().equals("sample"));
        assertEquals(79, smp.length);
        near(mean(smp), qc, p1, "sample_mean");
        near(mad(smp), qc, p1, "sample_mad");
    }

    @Test
    void pushesAParseableRunRecord() throws Exception {
        NodeModelRunner r = configured();
        r.execute(PlateFixtures.table(twoPlates()));
        FlowVariable v = r.getPushedFlowVariables().get("benchtop.run.plates.qc");
        assertNotNull(v, "pushed: " + r.getPushedFlowVariables().keySet());
        RunRecord rec = RunRecord.fromJson(v.getStringValue());
        assertEquals("plates.qc", rec.analysis());
        Map<String, String> p = new HashMap<>();
        rec.parameters().forEach(x -> p.put(x.name(), x.value()));
        assertEquals("plate", p.get("plate"));
        assertEquals(0.5, Double.parseDouble(p.get("z_prime_threshold")));
        assertEquals(192, rec.inputs().get(0).rows());
    }

    @Test
    void aDuplicateWellFailsNamingThePlateAndWell() throws Exception {
        List<Well> wells = new ArrayList<>(PlateFixtures.plate("P9", 10));
        Well a01 = wells.get(0);
        wells.add(new Well("P9", a01.row(), a01.column(), "sample", Double.valueOf(1)));
        NodeModelRunner r = configured();
        Exception e = assertThrows(Exception.class, () -> r.execute(PlateFixtures.table(wells)));
        assertTrue(e.getMessage().contains("P9") && e.getMessage().contains("A01"), e.getMessage());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        NodeModelRunner r = configured();
        ExecutionContext exec = StubExecutionContexts.create();
        StubExecutionContexts.cancel(exec);
        BufferedDataTable in = PlateFixtures.table(twoPlates());
        assertThrows(CanceledExecutionException.class, () -> r.execute(exec, in));
    }

    private static void assertPng(final byte[] png) {
        assertTrue(png.length > PNG_SIGNATURE.length);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));
    }

    private static DataCell cell(final BufferedDataTable t, final DataRow row, final String column) {
        int i = t.getDataTableSpec().findColumnIndex(column);
        assertTrue(i >= 0, "no column " + column + " in " + t.getDataTableSpec());
        DataCell c = row.getCell(i);
        assertFalse(c.isMissing(), column);
        return c;
    }

    private static String text(final BufferedDataTable t, final DataRow row, final String column) {
        return ((StringValue)cell(t, row, column)).getStringValue();
    }

    private static int integer(final BufferedDataTable t, final DataRow row, final String column) {
        return ((IntValue)cell(t, row, column)).getIntValue();
    }

    private static double value(final BufferedDataTable t, final DataRow row, final String column) {
        return ((DoubleValue)cell(t, row, column)).getDoubleValue();
    }

    private static void near(final double expected, final BufferedDataTable t, final DataRow row, final String column) {
        assertEquals(expected, value(t, row, column), 1e-12 * Math.max(1, Math.abs(expected)), column);
    }
}
