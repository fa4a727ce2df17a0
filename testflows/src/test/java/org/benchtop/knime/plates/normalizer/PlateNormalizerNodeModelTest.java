package org.benchtop.knime.plates.normalizer;

import static org.benchtop.knime.plates.PlateFixtures.fixtureColumns;
import static org.benchtop.knime.plates.PlateFixtures.mad;
import static org.benchtop.knime.plates.PlateFixtures.mean;
import static org.benchtop.knime.plates.PlateFixtures.median;
import static org.benchtop.knime.plates.PlateFixtures.sd;
import static org.benchtop.knime.plates.PlateFixtures.values;
import static org.benchtop.knime.plates.PlateFixtures.withStrings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.benchtop.knime.testing.NodeSettingsTesting;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.knime.plates.PlateFixtures;
import org.benchtop.knime.plates.PlateFixtures.Well;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubExecutionContexts;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.FlowVariable;

/**
 * The Plate Normalizer node against the KNIME API stub: settings, configure, execute on a 96-well plate whose
 * results are computed by hand here (formulas of the node description), missing values, the run record,
 * bad input and cancellation.
 */
class PlateNormalizerNodeModelTest {

    /** The output columns, in the order the node appends them. */
    private static final List<String> METHODS = List.of("percent_of_negative", "percent_of_positive",
        "percent_inhibition", "z_score", "robust_z_score", "b_score", "plate_median_ratio");

    private static NodeModelRunner runner() {
        return new NodeModelRunner(new PlateNormalizerNodeFactory().createNodeModel());
    }

    /** @return a node set up for the fixture's columns, every method chosen */
    private static NodeModelRunner configured() throws InvalidSettingsException {
        NodeModelRunner r = runner();
        r.loadSettings(fixtureColumns(r.saveSettings()));
        return r;
    }

    @Test
    void savesExactlyTheReleasedConfigKeys() {
        NodeSettings s = runner().saveSettings();
        Set<String> expected = new HashSet<>();
        for (String key : List.of("plate_column", "replicate_column", "well_column", "value_column", "content_column",
            "negative_label", "positive_label", "sample_label", "exclude_column", "plate_format",
            "method_percent_of_negative", "method_percent_of_positive", "method_percent_inhibition", "method_z_score",
            "method_robust_z_score", "method_b_score", "method_plate_median_ratio")) {
            expected.add(key);
            expected.add(key + "_Internals"); // SettingsModel's SettingsModelID and EnabledStatus
        }
        assertEquals(expected, s.keySet());
    }

    @Test
    void defaultsAreTheDocumentedOnes() throws Exception {
        NodeSettings s = runner().saveSettings();
        assertEquals("neg", s.getString("negative_label"));
        assertEquals("pos", s.getString("positive_label"));
        assertEquals("sample", s.getString("sample_label"));
        assertEquals("auto", s.getString("plate_format"));
        assertEquals("", s.getString("exclude_column"));
        for (String m : METHODS) {
            assertTrue(s.getBoolean("method_" + m), m);
        }
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        NodeModelRunner a = runner();
        NodeSettings s = withStrings(a.saveSettings(), "plate_column", "plate", "replicate_column", "batch",
            "well_column", "well", "value_column", "value", "content_column", "content", "negative_label", "DMSO",
            "positive_label", "Staurosporine", "sample_label", "compound", "exclude_column", "flag", "plate_format",
            "384");
        s.addBoolean("method_b_score", false);
        s.addBoolean("method_percent_of_positive", false);
        a.loadSettings(s);
        NodeSettings again = NodeSettingsTesting.roundTripThroughXml(a, PlateNormalizerNodeModelTest::runner);
        assertEquals("Staurosporine", again.getString("positive_label"));
        assertFalse(again.getBoolean("method_b_score"));
        assertTrue(again.getBoolean("method_z_score"));
    }

    @Test
    void validateRejectsSettingsWithoutAKey() throws Exception {
        NodeSettings s = runner().saveSettings();
        NodeSettings missing = NodeSettingsTesting.without(s, "method_b_score");
        assertThrows(InvalidSettingsException.class, () -> runner().validateSettings(missing));
    }

    @Test
    void configureAppendsOneDoubleColumnPerChosenMethod() throws Exception {
        DataTableSpec out = configured().configureTables(PlateFixtures.SPEC)[0];
        List<String> names = new ArrayList<>(List.of("plate", "well", "value", "content"));
        names.addAll(METHODS);
        assertEquals(names, Arrays.asList(out.getColumnNames()));
        for (String m : METHODS) {
            assertEquals(DoubleCell.TYPE, out.getColumnSpec(m).getType(), m);
        }

        NodeModelRunner r = configured();
        NodeSettings s = r.saveSettings();
        for (String m : METHODS) {
            s.addBoolean("method_" + m, m.equals("z_score") || m.equals("b_score"));
        }
        r.loadSettings(s);
        DataTableSpec two = r.configureTables(PlateFixtures.SPEC)[0];
        assertEquals(List.of("plate", "well", "value", "content", "z_score", "b_score"),
            Arrays.asList(two.getColumnNames()));
    }

    @Test
    void configureNamesAMissingColumn() throws Exception {
        NodeModelRunner r = runner();
        r.loadSettings(withStrings(fixtureColumns(r.saveSettings()), "value_column", "signal"));
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> r.configureTables(PlateFixtures.SPEC));
        assertTrue(e.getMessage().contains("'signal'") && e.getMessage().contains("not in the input table"),
            e.getMessage());
    }

    @Test
    void configureWithoutColumnsAsksToChooseThem() {
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> runner().configureTables(PlateFixtures.SPEC));
        assertTrue(e.getMessage().contains("Choose the plate, well, value and content columns"), e.getMessage());
    }

    @Test
    void configureRefusesAnInputColumnNamedLikeAResult() throws Exception {
        DataTableSpec in = new DataTableSpec(PlateFixtures.SPEC,
            new DataTableSpec(new DataColumnSpecCreator("z_score", DoubleCell.TYPE).createSpec()));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> configured().configureTables(in));
        assertTrue(e.getMessage().contains("'z_score'"), e.getMessage());
    }

    @Test
    void executeComputesEveryMethodAsTheFormulasSay() throws Exception {
        List<Well> wells = PlateFixtures.plate("P1", 10);
        NodeModelRunner r = configured();
        BufferedDataTable out = r.executeTables(PlateFixtures.table(wells))[0];
        // columns 1 and 12 hold only controls: no column effect, so no B-score for their wells (as R's medpolish)
        assertEquals("1 of 1 plates: some rows or columns have no usable sample well: their median-polish effects "
            + "and the B-scores of their wells are missing (plate=P1)", r.getWarningMessage());

        // by hand: neg = 1000, 1010, ..., 1070 (mean 1035); pos = 100, 102, ..., 114 (mean 107)
        Map<String, DataRow> rows = byKey(out);
        DataRow a01 = rows.get("P1:A01");
        DataRow h12 = rows.get("P1:H12");
        assertEquals(100.0 * 1000 / 1035, value(a01, out, "percent_of_negative"), 1e-12);
        assertEquals(100.0 * 114 / 107, value(h12, out, "percent_of_positive"), 1e-12);
        assertEquals(100.0 * (1035 - 114) / (1035 - 107), value(h12, out, "percent_inhibition"), 1e-12);
        assertEquals(100.0 * 35 / 928, value(a01, out, "percent_inhibition"), 1e-12);

        checkEveryWell(wells, out);
    }

    @Test
    void missingValuesAreLeftOutOfTheStatisticsAndCounted() throws Exception {
        List<Well> wells = PlateFixtures.plate("P1", 10, "D05");
        NodeModelRunner r = configured();
        BufferedDataTable out = r.executeTables(PlateFixtures.table(wells))[0];
        assertNotNull(r.getWarningMessage());
        assertTrue(r.getWarningMessage().contains("1 missing cell(s)"), r.getWarningMessage());
        DataRow d05 = byKey(out).get("P1:D05");
        for (String m : METHODS) {
            assertTrue(d05.getCell(out.getDataTableSpec().findColumnIndex(m)).isMissing(), m);
        }
        assertEquals(79, values(wells, w -> w.content().equals("sample")).length);
        checkEveryWell(wells, out); // statistics over the 79 remaining sample wells
    }

    @Test
    void pushesAParseableRunRecord() throws Exception {
        NodeModelRunner r = configured();
        r.executeTables(PlateFixtures.table(PlateFixtures.plate("P1", 10)));
        FlowVariable v = r.getPushedFlowVariables().get("benchtop.run.plates.normalize");
        assertNotNull(v, "pushed: " + r.getPushedFlowVariables().keySet());
        assertNotNull(v.getStringValue(), "a string variable");
        RunRecord rec = RunRecord.fromJson(v.getStringValue());
        assertEquals("plates.normalize", rec.analysis());
        Map<String, String> p = new HashMap<>();
        rec.parameters().forEach(x -> p.put(x.name(), x.value()));
        assertEquals("plate", p.get("plate"));
        assertEquals("well", p.get("well"));
        assertEquals("value", p.get("value"));
        assertEquals("content", p.get("content"));
        assertEquals("96", p.get("format"));
        assertEquals(String.join(",", METHODS), p.get("methods"));
        assertEquals(1, rec.inputs().size());
        assertEquals(96, rec.inputs().get(0).rows());
        assertEquals(4, rec.inputs().get(0).columns());
        assertFalse(rec.finished().isBefore(rec.started()));
    }

    @Test
    void noNegativeControlsFailsNamingThePlate() throws Exception {
        List<Well> wells = PlateFixtures.relabel(PlateFixtures.plate("P7", 10), c -> c.equals("neg") ? "blank" : c);
        NodeModelRunner r = configured();
        Exception e = assertThrows(Exception.class, () -> r.executeTables(PlateFixtures.table(wells)));
        assertTrue(e.getMessage().contains("P7") && e.getMessage().contains("negative")
            && e.getMessage().contains("percent_of_negative"), e.getMessage());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        NodeModelRunner r = configured();
        ExecutionContext exec = StubExecutionContexts.create();
        StubExecutionContexts.cancel(exec);
        BufferedDataTable in = PlateFixtures.table(PlateFixtures.plate("P1", 10));
        assertThrows(CanceledExecutionException.class, () -> r.executeTables(exec, in));
    }

    /**
     * Compares every well with the formulas of the node description, statistics from the non-missing wells. The
     * controls fill columns 1 and 12, which have no sample well, so their B-score is missing.
     */
    private static void checkEveryWell(final List<Well> wells, final BufferedDataTable out) {
        double neg = mean(values(wells, w -> w.content().equals("neg")));
        double pos = mean(values(wells, w -> w.content().equals("pos")));
        double[] samples = values(wells, w -> w.content().equals("sample"));
        double mean = mean(samples);
        double sd = sd(samples);
        double median = median(samples);
        double mad = mad(samples);
        Map<String, DataRow> rows = byKey(out);
        assertEquals(wells.size(), rows.size());
        List<Double> sampleB = new ArrayList<>();
        for (Well w : wells) {
            DataRow row = rows.get(w.key());
            assertNotNull(row, "row key " + w.key() + " reused");
            assertEquals(w.id(), ((StringValue)row.getCell(1)).getStringValue());
            if (w.value() == null) {
                continue;
            }
            double x = w.x();
            check(100 * x / neg, out, row, "percent_of_negative", w);
            check(100 * x / pos, out, row, "percent_of_positive", w);
            check(100 * (neg - x) / (neg - pos), out, row, "percent_inhibition", w);
            check((x - mean) / sd, out, row, "z_score", w);
            check((x - median) / mad, out, row, "robust_z_score", w);
            check(x / median, out, row, "plate_median_ratio", w);
            if (w.content().equals("sample")) {
                double b = value(row, out, "b_score");
                assertTrue(Double.isFinite(b), w.id());
                sampleB.add(Double.valueOf(b));
            } else {
                assertTrue(row.getCell(out.getDataTableSpec().findColumnIndex("b_score")).isMissing(), w.id());
            }
        }
        // the B-score divides the residuals by the MAD of the sample wells' residuals: their MAD is 1
        assertEquals(1.0, mad(sampleB.stream().mapToDouble(Double::doubleValue).toArray()), 1e-12);
    }

    private static void check(final double expected, final BufferedDataTable out, final DataRow row,
        final String column, final Well w) {
        assertEquals(expected, value(row, out, column), 1e-12 * Math.max(1, Math.abs(expected)), column + " " + w.id());
    }

    private static Map<String, DataRow> byKey(final BufferedDataTable t) {
        Map<String, DataRow> m = new HashMap<>();
        for (DataRow r : StubTables.rows(t)) {
            m.put(r.getKey().getString(), r);
        }
        return m;
    }

    private static double value(final DataRow row, final BufferedDataTable t, final String column) {
        DataCell c = row.getCell(t.getDataTableSpec().findColumnIndex(column));
        assertFalse(c.isMissing(), column);
        return ((DoubleValue)c).getDoubleValue();
    }
}
