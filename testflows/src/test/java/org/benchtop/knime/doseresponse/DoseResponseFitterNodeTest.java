package org.benchtop.knime.doseresponse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.benchtop.knime.testing.NodeSettingsTesting;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubExecutionContexts;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
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
 * The Dose-Response Fitter node against the KNIME API stub: the exact config keys and their round trip, the
 * output specs configure promises, execute on drc's ryegrass data (EC50 against R {@code nls}, the testflow's
 * reference), groups, images, the run-record flow variable, bad settings and bad input.
 */
class DoseResponseFitterNodeTest {

    /** R nls's EC50 of the ryegrass LL.4 fit (expected_dose_response_params.csv, make_expected.R, R 4.2.2). */
    private static final double R_EC50 = 3.057955169;

    private static final DataTableSpec SPEC = new DataTableSpec(
        new DataColumnSpecCreator("compound", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("conc", DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator("rootl", DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator("plate", IntCell.TYPE).createSpec());

    private static NodeModelRunner runner() {
        return new NodeModelRunner(new DoseResponseFitterNodeFactory().createNodeModel());
    }

    private static NodeSettings with(final NodeSettings s, final String... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            s.addString(keyValues[i], keyValues[i + 1]);
        }
        return s;
    }

    /** @return a node set to conc / rootl, the given extra settings applied */
    private static NodeModelRunner configured(final String... keyValues) throws InvalidSettingsException {
        NodeModelRunner r = runner();
        r.loadSettings(with(with(r.saveSettings(), "dose_column", "conc", "response_column", "rootl"), keyValues));
        return r;
    }

    /** drc's ryegrass data (the LL.4 testflow's input), as a KNIME table with a compound and a plate column. */
    private static BufferedDataTable ryegrass(final String... compounds) {
        Path csv = Paths.get(System.getProperty("benchtop.testflows.dir", "."), "dose-response-ll4-ryegrass", "data",
            "input.csv");
        Table t = CsvReader.withDefaults().read(csv);
        List<DataRow> rows = new ArrayList<>();
        int key = 0;
        for (String c : compounds) {
            for (int i = 0; i < t.rowCount(); i++) {
                rows.add(new DefaultRow("Row" + key++, new StringCell(c), new DoubleCell(t.column("conc").getDouble(i)),
                    new DoubleCell(t.column("rootl").getDouble(i)), new IntCell(7)));
            }
        }
        return StubTables.of(SPEC, rows);
    }

    private static Map<String, String> parameters(final RunRecord rec) {
        Map<String, String> p = new HashMap<>();
        rec.parameters().forEach(x -> p.put(x.name(), x.value()));
        return p;
    }

    private static double value(final BufferedDataTable t, final int row, final String column) {
        DataCell c = StubTables.rows(t).get(row).getCell(t.getDataTableSpec().findColumnIndex(column));
        assertFalse(c.isMissing(), column);
        return ((DoubleValue)c).getDoubleValue();
    }

    private static DataCell cell(final BufferedDataTable t, final int row, final String column) {
        int idx = t.getDataTableSpec().findColumnIndex(column);
        assertTrue(idx >= 0, "no column " + column + " in " + t.getDataTableSpec());
        return StubTables.rows(t).get(row).getCell(idx);
    }

    // ------------------------------------------------------------------ settings

    @Test
    void savesExactlyTheReleasedConfigKeys() {
        NodeSettings s = runner().saveSettings();
        Set<String> expected = new HashSet<>();
        for (String key : List.of("dose_column", "response_column", "group_columns", "model", "fixed_parameters",
            "lower_bounds", "upper_bounds", "se_convention", "robust", "ed_levels")) {
            expected.add(key);
            expected.add(key + "_Internals"); // SettingsModel's SettingsModelID and EnabledStatus
        }
        assertEquals(expected, s.keySet());
    }

    @Test
    void defaultsAreTheCommandLineDefaults() throws Exception {
        NodeSettings s = runner().saveSettings();
        assertEquals("LL.4", s.getString("model"));
        assertEquals("jacobian", s.getString("se_convention"));
        assertFalse(s.getBoolean("robust"));
        assertArrayEquals(new String[0], s.getStringArray("group_columns"));
        assertEquals("", s.getString("fixed_parameters"));
        assertEquals("", s.getString("ed_levels"));
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        NodeModelRunner a = runner();
        NodeSettings s = with(a.saveSettings(), "dose_column", "conc", "response_column", "rootl", "model", "LL.5",
            "fixed_parameters", "c=0", "lower_bounds", "e=0.01", "upper_bounds", "e=100,f=5", "se_convention",
            "hessian", "ed_levels", "10,90");
        s.addStringArray("group_columns", "compound", "plate");
        s.addBoolean("robust", true);
        a.loadSettings(s);
        NodeSettings again = NodeSettingsTesting.roundTripThroughXml(a, DoseResponseFitterNodeTest::runner);
        assertArrayEquals(new String[] {"compound", "plate"}, again.getStringArray("group_columns"));
        assertEquals("e=100,f=5", again.getString("upper_bounds"));
        assertTrue(again.getBoolean("robust"));
    }

    @Test
    void validateRejectsSettingsWithoutAKey() throws Exception {
        NodeSettings s = runner().saveSettings();
        NodeSettings missing = NodeSettingsTesting.without(s, "group_columns");
        assertThrows(InvalidSettingsException.class, () -> runner().validateSettings(missing));
    }

    @Test
    void dialogSavesWhatItLoadedIncludingGroupColumnsTheInputLacks() throws Exception {
        NodeModelRunner a = configured("model", "LL.5", "ed_levels", "20");
        NodeSettings s = a.saveSettings();
        s.addStringArray("group_columns", "plate", "cell_line"); // cell_line is not in SPEC
        DoseResponseFitterNodeDialog dialog = new DoseResponseFitterNodeDialog();
        dialog.loadSettingsFrom(s, new PortObjectSpec[] {SPEC});
        NodeSettings saved = new NodeSettings("model");
        dialog.saveSettingsTo(saved);
        assertEquals(StubNodeSettings.toXml(s), StubNodeSettings.toXml(saved));
        assertArrayEquals(new String[] {"plate", "cell_line"}, saved.getStringArray("group_columns"));
    }

    // ------------------------------------------------------------------ configure

    @Test
    void configurePromisesTheFitAndPointColumns() throws Exception {
        PortObjectSpec[] out = configured().configure(SPEC);
        DataTableSpec fits = (DataTableSpec)out[0];
        assertEquals(List.of("model", "n", "hill_slope", "hill_slope_se", "hill_slope_lower", "hill_slope_upper", "bottom",
            "bottom_se", "bottom_lower", "bottom_upper", "top", "top_se", "top_lower", "top_upper", "ec50", "ec50_se",
            "ec50_lower", "ec50_upper", "asymmetry", "log10_ec50", "rse", "rss", "df", "r_squared", "aic", "iterations",
            "converged", "well_determined", "reason", "auc"), Arrays.asList(fits.getColumnNames()));
        assertEquals(DoubleCell.TYPE, fits.getColumnSpec("ec50").getType());
        assertEquals(IntCell.TYPE, fits.getColumnSpec("df").getType());
        assertEquals(BooleanCell.TYPE, fits.getColumnSpec("well_determined").getType());
        assertEquals(StringCell.TYPE, fits.getColumnSpec("reason").getType());
        DataTableSpec points = (DataTableSpec)out[1];
        assertEquals(List.of("dose", "response", "fitted", "residual", "outlier"), Arrays.asList(points.getColumnNames()));
        DataTableSpec images = (DataTableSpec)out[2];
        assertEquals(List.of("group", "image"), Arrays.asList(images.getColumnNames()));
        assertEquals(PNGImageContent.TYPE, images.getColumnSpec("image").getType());
        assertInstanceOf(ImagePortObjectSpec.class, out[3]);
    }

    @Test
    void configureFollowsModelFixedParametersEdLevelsGroupsAndRobust() throws Exception {
        NodeModelRunner r = configured("model", "LL.3", "fixed_parameters", "d=8", "ed_levels", "10,50");
        NodeSettings s = r.saveSettings();
        s.addBoolean("robust", true);
        s.addStringArray("group_columns", "plate", "compound");
        r.loadSettings(s);
        PortObjectSpec[] out = r.configure(SPEC);
        DataTableSpec fits = (DataTableSpec)out[0];
        assertEquals(List.of("plate", "compound", "model", "n", "hill_slope", "hill_slope_se", "hill_slope_lower",
            "hill_slope_upper", "bottom", "top", "ec50", "ec50_se", "ec50_lower", "ec50_upper", "asymmetry", "log10_ec50",
            "rse", "rss", "df", "r_squared", "aic", "iterations", "converged", "well_determined", "reason", "ed10",
            "ed10_se", "ed50", "ed50_se", "auc", "outliers"), Arrays.asList(fits.getColumnNames()));
        assertEquals(IntCell.TYPE, fits.getColumnSpec("plate").getType(), "group columns keep their type");
        assertEquals(StringCell.TYPE, fits.getColumnSpec("compound").getType());
        assertEquals(List.of("plate", "compound", "dose", "response", "fitted", "residual", "outlier"),
            Arrays.asList(((DataTableSpec)out[1]).getColumnNames()));
    }

    @Test
    void configureWithoutColumnsAsksToChooseThem() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> runner().configure(SPEC));
        assertTrue(e.getMessage().contains("Choose the dose and the response column"), e.getMessage());
    }

    @Test
    void configureNamesAMissingOrNonNumericColumn() throws Exception {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> configured("response_column", "viability").configure(SPEC));
        assertTrue(e.getMessage().contains("'viability'") && e.getMessage().contains("not in the input table"),
            e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> configured("dose_column", "compound").configure(SPEC));
        assertTrue(e.getMessage().contains("dose column 'compound' is not numeric"), e.getMessage());
        NodeModelRunner r = configured();
        NodeSettings s = r.saveSettings();
        s.addStringArray("group_columns", "cell_line");
        r.loadSettings(s);
        e = assertThrows(InvalidSettingsException.class, () -> r.configure(SPEC));
        assertTrue(e.getMessage().contains("group column 'cell_line'"), e.getMessage());
    }

    @Test
    void badSettingsGiveMessagesThatSayWhatToFix() throws Exception {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> configured("fixed_parameters", "z=1").configure(SPEC));
        assertTrue(e.getMessage().contains("Unknown dose-response parameter 'z'"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> configured("model", "LL.2", "fixed_parameters", "b=1,e=3").configure(SPEC));
        assertTrue(e.getMessage().contains("leaves no parameter"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> configured("ed_levels", "10,100").configure(SPEC));
        assertTrue(e.getMessage().contains("strictly between 0 and 100"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> configured("model", "4PLX").configure(SPEC));
        assertTrue(e.getMessage().contains("Unknown dose-response model '4PLX'"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> configured("se_convention", "sandwich").configure(SPEC));
        assertTrue(e.getMessage().contains("use jacobian or hessian"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> configured("lower_bounds", "e=abc").configure(SPEC));
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
    }

    // ------------------------------------------------------------------ execute

    @Test
    void ryegrassEc50AsRNls() throws Exception {
        NodeModelRunner r = configured("ed_levels", "50");
        BufferedDataTable in = ryegrass("ferulic acid");
        PortObjectSpec[] specs = r.configure(in.getDataTableSpec());
        PortObject[] out = r.execute(in);
        BufferedDataTable fits = (BufferedDataTable)out[0];
        assertTrue(((DataTableSpec)specs[0]).equalStructure(fits.getDataTableSpec()), "configure promised the spec");
        assertEquals(1, fits.size());
        assertEquals(R_EC50, value(fits, 0, "ec50"), 1e-4 * R_EC50, "ec50 vs R nls");
        assertEquals(R_EC50, value(fits, 0, "ed50"), 1e-4 * R_EC50);
        assertTrue(((BooleanValue)cell(fits, 0, "well_determined")).getBooleanValue());
        assertEquals(24, ((org.knime.core.data.IntValue)cell(fits, 0, "n")).getIntValue());
        assertNull(r.getWarningMessage(), "clean data: no warning");

        // points: the input rows, keys reused, fitted + residual = response, no outlier test
        BufferedDataTable points = (BufferedDataTable)out[1];
        assertTrue(((DataTableSpec)specs[1]).equalStructure(points.getDataTableSpec()));
        List<DataRow> rows = StubTables.rows(points);
        assertEquals(24, rows.size());
        List<DataRow> inRows = StubTables.rows(in);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(inRows.get(i).getKey(), rows.get(i).getKey());
            assertEquals(value(points, i, "response"), value(points, i, "fitted") + value(points, i, "residual"), 1e-12);
            assertTrue(cell(points, i, "outlier").isMissing());
        }

        // one PNG per curve, and the overview
        BufferedDataTable images = (BufferedDataTable)out[2];
        assertEquals(1, images.size());
        assertEquals("all", ((StringValue)cell(images, 0, "group")).getStringValue());
        byte[] png = ((PNGImageValue)cell(images, 0, "image")).getImageContent().getByteArray();
        assertEquals((byte)0x89, png[0]);
        assertEquals('P', png[1]);
        ImagePortObject overview = assertInstanceOf(ImagePortObject.class, out[3]);
        byte[] mosaic = ((PNGImageValue)overview.toDataCell()).getImageContent().getByteArray();
        assertEquals('P', mosaic[1]);
    }

    @Test
    void oneCurvePerGroupInOrderOfFirstAppearance() throws Exception {
        NodeModelRunner r = configured("model", "LL.3");
        NodeSettings s = r.saveSettings();
        s.addStringArray("group_columns", "compound");
        s.addBoolean("robust", true);
        r.loadSettings(s);
        BufferedDataTable in = ryegrass("B", "A");
        PortObjectSpec[] specs = r.configure(in.getDataTableSpec());
        PortObject[] out = r.execute(in);
        BufferedDataTable fits = (BufferedDataTable)out[0];
        assertTrue(((DataTableSpec)specs[0]).equalStructure(fits.getDataTableSpec()));
        assertEquals(2, fits.size());
        assertEquals("B", ((StringValue)cell(fits, 0, "compound")).getStringValue());
        assertEquals("A", ((StringValue)cell(fits, 1, "compound")).getStringValue());
        assertEquals(value(fits, 0, "ec50"), value(fits, 1, "ec50"), 1e-9, "the same data give the same curve");
        assertEquals(0, ((org.knime.core.data.IntValue)cell(fits, 0, "outliers")).getIntValue());
        BufferedDataTable points = (BufferedDataTable)out[1];
        assertEquals(48, points.size());
        assertFalse(((BooleanValue)cell(points, 5, "outlier")).getBooleanValue());
        BufferedDataTable images = (BufferedDataTable)out[2];
        assertEquals(List.of("B", "A"), StubTables.rows(images).stream()
            .map(row -> ((StringValue)row.getCell(0)).getStringValue()).toList());
        assertTrue(r.getWarningMessage().contains("0 outliers flagged"), r.getWarningMessage());
    }

    @Test
    void pushesTheRunRecordFlowVariable() throws Exception {
        NodeModelRunner r = configured("model", "LL.4", "fixed_parameters", "c=0", "ed_levels", "10,90");
        r.execute(ryegrass("x"));
        FlowVariable v = r.getPushedFlowVariables().get("benchtop.run.dose_response.fit");
        assertNotNull(v, "pushed: " + r.getPushedFlowVariables().keySet());
        RunRecord rec = RunRecord.fromJson(v.getStringValue());
        assertEquals("dose_response.fit", rec.analysis());
        Map<String, String> p = parameters(rec);
        assertEquals("conc", p.get("dose"));
        assertEquals("rootl", p.get("response"));
        assertEquals("", p.get("group"));
        assertEquals("LL.4", p.get("model"));
        assertEquals("c=0", p.get("fix"));
        assertEquals("jacobian", p.get("se"));
        assertEquals("false", p.get("robust"));
        assertEquals("10,90", p.get("ed"));
        assertEquals("true", p.get("plots"));
        assertEquals(1, rec.inputs().size());
        assertEquals(24, rec.inputs().get(0).rows());
        assertEquals(4, rec.inputs().get(0).columns());
        assertFalse(rec.finished().isBefore(rec.started()));
    }

    @Test
    void negativeDoseFailsNamingTheRow() throws Exception {
        List<DataRow> rows = new ArrayList<>(StubTables.rows(ryegrass("x")));
        DataRow r7 = rows.get(7);
        rows.set(7, new DefaultRow(r7.getKey(), r7.getCell(0), new DoubleCell(-0.94), r7.getCell(2), r7.getCell(3)));
        NodeModelRunner r = configured();
        Exception e = assertThrows(Exception.class, () -> r.execute(StubTables.of(SPEC, rows)));
        assertTrue(e.getMessage().contains("negative dose -0.94") && e.getMessage().contains("row 8 of input table 1"),
            e.getMessage());
        assertTrue(r.getPushedFlowVariables().isEmpty(), "no run record for a failed run");
    }

    @Test
    void missingResponsesAreLeftOutAndCounted() throws Exception {
        List<DataRow> rows = new ArrayList<>(StubTables.rows(ryegrass("x")));
        DataRow r3 = rows.get(3);
        rows.set(3, new DefaultRow(r3.getKey(), r3.getCell(0), r3.getCell(1), DataType.getMissingCell(), r3.getCell(3)));
        NodeModelRunner r = configured();
        PortObject[] out = r.execute(StubTables.of(SPEC, rows));
        assertEquals(23, ((org.knime.core.data.IntValue)cell((BufferedDataTable)out[0], 0, "n")).getIntValue());
        assertTrue(cell((BufferedDataTable)out[1], 3, "residual").isMissing());
        assertTrue(r.getWarningMessage().contains("1 missing cell(s)"), r.getWarningMessage());
        assertTrue(r.getWarningMessage().contains("1 rows with a missing dose or response"), r.getWarningMessage());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        NodeModelRunner r = configured();
        ExecutionContext exec = StubExecutionContexts.create();
        StubExecutionContexts.cancel(exec);
        BufferedDataTable in = ryegrass("x");
        assertThrows(CanceledExecutionException.class, () -> r.execute(exec, in));
    }
}
