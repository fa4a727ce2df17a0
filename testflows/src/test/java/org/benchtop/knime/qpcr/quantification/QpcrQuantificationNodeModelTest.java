package org.benchtop.knime.qpcr.quantification;

import static org.benchtop.knime.qpcr.QpcrFixtures.exp;
import static org.benchtop.knime.qpcr.QpcrFixtures.integer;
import static org.benchtop.knime.qpcr.QpcrFixtures.load;
import static org.benchtop.knime.qpcr.QpcrFixtures.names;
import static org.benchtop.knime.qpcr.QpcrFixtures.near;
import static org.benchtop.knime.qpcr.QpcrFixtures.row;
import static org.benchtop.knime.qpcr.QpcrFixtures.text;
import static org.benchtop.knime.qpcr.QpcrFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.knime.qpcr.QpcrFixtures;
import org.benchtop.knime.testing.NodeSettingsTesting;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubExecutionContexts;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/**
 * The qPCR Relative Quantification node against the KNIME API stub: settings, configure, execute on R pcr's ct1
 * and ct4 examples checked against R (pcr 1.2.2, base R 4.2.2; 1e-9 relative), its five outputs, non-detects, the
 * run record, bad settings and bad input.
 */
class QpcrQuantificationNodeModelTest {

    private static NodeModelRunner runner() {
        return new NodeModelRunner(new QpcrQuantificationNodeFactory().createNodeModel());
    }

    /** The pcr tables' columns, the given reference and calibrator, and further settings. */
    private static NodeModelRunner configured(String reference, String calibrator, String... more)
            throws InvalidSettingsException {
        NodeModelRunner r = runner();
        List<String> kv = new ArrayList<>(List.of("sample_column", "sample", "group_column", "group", "target_column",
                "target", "cq_column", "cq", "reference_genes", reference, "calibrator_group", calibrator));
        kv.addAll(List.of(more));
        load(r, kv.toArray(new String[0]));
        return r;
    }

    @Test
    void theFactoryMakesTheDialog() {
        assertNotNull(new QpcrQuantificationNodeFactory().createNodeDialogPane());
    }

    @Test
    void savesExactlyTheReleasedConfigKeys() {
        assertEquals(QpcrFixtures.savedKeys("sample_column", "group_column", "target_column", "cq_column",
                "reference_genes", "calibrator_group", "method", "efficiencies", "mode", "well_column", "type_column",
                "quantity_column", "plate_column", "cq_cutoff", "sd_threshold", "exclude_outliers"),
                runner().saveSettings().keySet());
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        NodeModelRunner a = configured("GAPDH,ACTB", "DMSO", "method", "nrq", "mode", "same-tube", "efficiencies",
                "GAPDH=1.97", "well_column", "well", "plate_column", "run");
        NodeSettings s = a.saveSettings();
        s.addDouble("cq_cutoff", 35);
        s.addDouble("sd_threshold", 0.3);
        s.addBoolean("exclude_outliers", true);
        a.loadSettings(s);
        NodeSettings again = NodeSettingsTesting.roundTripThroughXml(a, QpcrQuantificationNodeModelTest::runner);
        assertEquals("GAPDH,ACTB", again.getString("reference_genes"));
        assertEquals(35, again.getDouble("cq_cutoff"));
        assertTrue(again.getBoolean("exclude_outliers"));
        NodeSettings defaults = runner().saveSettings();
        assertEquals("ddcq", defaults.getString("method"), "documented default");
        assertEquals("separate-tubes", defaults.getString("mode"), "documented default");
        assertEquals(40, defaults.getDouble("cq_cutoff"), "documented default");
        assertEquals(0.5, defaults.getDouble("sd_threshold"), "documented default");
    }

    @Test
    void configureDescribesAllFiveOutputs() throws Exception {
        PortObjectSpec[] specs = configured("GAPDH", "brain").configure(QpcrFixtures.WELLS);
        assertEquals(5, specs.length);
        DataTableSpec results = assertInstanceOf(DataTableSpec.class, specs[0]);
        assertEquals(List.of("group", "target", "delta_cq", "delta_delta_cq", "error", "relative_expression", "lower",
                "upper"), List.of(results.getColumnNames()));
        assertEquals(StringCell.TYPE, results.getColumnSpec(0).getType());
        assertEquals(DoubleCell.TYPE, results.getColumnSpec(5).getType());
        assertEquals(List.of("sample", "group", "target", "target_cq", "reference_cq", "delta_cq", "nrq", "se_nrq"),
                List.of(assertInstanceOf(DataTableSpec.class, specs[1]).getColumnNames()));
        DataTableSpec reps = assertInstanceOf(DataTableSpec.class, specs[2]);
        assertEquals("mean_cq", reps.getColumnSpec(7).getName());
        assertEquals(IntCell.TYPE, reps.getColumnSpec(4).getType());
        assertEquals(List.of("target", "group", "calibrator", "test", "estimate", "statistic", "df", "p_value", "lower",
                "upper"), List.of(assertInstanceOf(DataTableSpec.class, specs[3]).getColumnNames()));
        assertInstanceOf(ImagePortObjectSpec.class, specs[4]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing column|cq_column|Ct|'Ct' is not in the input table",
        "no calibrator|calibrator_group|''|calibrator",
        "no reference for ddcq|reference_genes|' '|reference gene",
        "unknown method|method|deltadelta|Method 'deltadelta' is not one of",
        "unknown mode|mode|same-tubes-please|Mode 'same-tubes-please'",
        "malformed efficiencies|efficiencies|GAPDH:1.9|is not TARGET=E"})
    void configureExplainsBadSettings(String what, String key, String value, String message) throws Exception {
        NodeModelRunner r = configured("GAPDH", "brain", key, value);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> r.configure(QpcrFixtures.WELLS),
                what);
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
    }

    @Test
    void theDefaultSettingsAskForTheColumns() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> runner().configure(QpcrFixtures.WELLS));
        assertTrue(e.getMessage().contains("Choose the sample, group, target and Cq columns"), e.getMessage());
    }

    @ParameterizedTest(name = "pcr {0}, {1}")
    @CsvSource({"pcr_ct1.csv, separate-tubes, ct1, ddCt separate_tube, GAPDH, brain, kidney, c_myc",
        "pcr_ct4.csv, separate-tubes, ct4, ddCt separate_tube, ref, control, treatment, target",
        "pcr_ct4.csv, same-tube, ct4, ddCt same_tube, ref, control, treatment, target"})
    void executeGivesRPackagePcrsDdcq(String file, String mode, String dataset, String method, String reference,
            String calibrator, String other, String gene) throws Exception {
        NodeModelRunner r = configured(reference, calibrator, "mode", mode);
        PortObject[] out = r.execute(QpcrFixtures.pcrWells(file));
        BufferedDataTable res = assertInstanceOf(BufferedDataTable.class, out[0]);
        assertEquals(2, StubTables.rows(res).size());
        Map<String, Double> ref = QpcrFixtures.expectedQpcr();
        for (String g : List.of(calibrator, other)) {
            DataRow row = row(res, g, gene);
            near(exp(ref, dataset, method, g, gene, "normalized"), value(res, row, "delta_cq"), g + " delta_cq");
            near(exp(ref, dataset, method, g, gene, "calibrated"), value(res, row, "delta_delta_cq"), g + " ddcq");
            for (String q : List.of("error", "relative_expression", "lower", "upper")) {
                near(exp(ref, dataset, method, g, gene, q), value(res, row, q), g + " " + q);
            }
        }
    }

    @Test
    void executeGivesSamplesReplicatesStatisticsAndChart() throws Exception {
        NodeModelRunner r = configured("ref", "control");
        PortObject[] out = r.execute(QpcrFixtures.pcrWells("pcr_ct4.csv"));
        Map<String, Double> ref = QpcrFixtures.expectedQpcr();

        BufferedDataTable samples = assertInstanceOf(BufferedDataTable.class, out[1]);
        List<DataRow> s = StubTables.rows(samples);
        assertEquals(24, s.size()); // the target gene in 24 samples
        DataRow s1 = s.get(0);
        assertEquals("s1", text(samples, s1, "sample"));
        // inputs, as given: pcr_ct4.csv row 1 is ref 19.7415, target 23.1102
        assertEquals(23.1102, value(samples, s1, "target_cq"), 1e-12);
        assertEquals(19.7415, value(samples, s1, "reference_cq"), 1e-12);

        BufferedDataTable reps = assertInstanceOf(BufferedDataTable.class, out[2]);
        assertEquals(48, StubTables.rows(reps).size());
        assertEquals(1, integer(reps, StubTables.rows(reps).get(0), "wells"));

        // Welch t-test and Wilcoxon rank-sum (Hodges-Lehmann) on ΔCq, treatment vs control, as R
        BufferedDataTable st = assertInstanceOf(BufferedDataTable.class, out[3]);
        List<DataRow> tests = StubTables.rows(st);
        assertEquals(2, tests.size());
        DataRow welch = tests.get(0);
        assertEquals("welch_t", text(st, welch, "test"));
        assertEquals("control", text(st, welch, "calibrator"));
        String w = "Welch t-test on dCt";
        near(exp(ref, "ct4", w, "treatment-control", "target", "estimate"), value(st, welch, "estimate"), "estimate");
        near(exp(ref, "ct4", w, "treatment-control", "target", "t"), value(st, welch, "statistic"), "t");
        near(exp(ref, "ct4", w, "treatment-control", "target", "df"), value(st, welch, "df"), "df");
        near(exp(ref, "ct4", w, "treatment-control", "target", "p_value"), value(st, welch, "p_value"), "p");
        near(exp(ref, "ct4", w, "treatment-control", "target", "lower"), value(st, welch, "lower"), "lower");
        near(exp(ref, "ct4", w, "treatment-control", "target", "upper"), value(st, welch, "upper"), "upper");
        DataRow wil = tests.get(1);
        String hl = "Wilcoxon on dCt (Hodges-Lehmann)";
        assertEquals("wilcoxon_exact", text(st, wil, "test"));
        near(exp(ref, "ct4", hl, "treatment-control", "target", "estimate"), value(st, wil, "estimate"), "HL");
        near(exp(ref, "ct4", hl, "treatment-control", "target", "W"), value(st, wil, "statistic"), "W");
        near(exp(ref, "ct4", hl, "treatment-control", "target", "p_value"), value(st, wil, "p_value"), "p");
        near(exp(ref, "ct4", hl, "treatment-control", "target", "lower"), value(st, wil, "lower"), "lower");
        near(exp(ref, "ct4", hl, "treatment-control", "target", "upper"), value(st, wil, "upper"), "upper");
        assertTrue(cellMissing(st, wil, "df"), "no df for the Wilcoxon test");

        QpcrFixtures.assertPng(assertInstanceOf(ImagePortObject.class, out[4]));
    }

    private static boolean cellMissing(BufferedDataTable t, DataRow row, String column) {
        return QpcrFixtures.cell(t, row, column).isMissing();
    }

    @Test
    void executeGivesThePfafflRatioOfR() throws Exception {
        Map<String, Double> ref = QpcrFixtures.expectedQpcr();
        String m = "Pfaffl ratio (E from pooled standard curves)";
        double et = exp(ref, "ct4_raw", m, "treatment vs control", "target", "E_target");
        double er = exp(ref, "ct4_raw", m, "treatment vs control", "target", "E_ref");
        NodeModelRunner r = configured("ref", "control", "method", "pfaffl", "efficiencies",
                "target=" + et + ",ref=" + er);
        BufferedDataTable res = (BufferedDataTable) r.execute(QpcrFixtures.pcrWells("pcr_ct4.csv"))[0];
        near(exp(ref, "ct4_raw", m, "treatment vs control", "target", "pfaffl_ratio"),
                value(res, row(res, "treatment", "target"), "relative_expression"), "Pfaffl ratio");
    }

    @Test
    void nonDetectsAreReportedAndLeftOut() throws Exception {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("sample", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("group", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("target", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("cq", StringCell.TYPE).createSpec());
        String[][] wells = {{"a1", "ctrl", "GAPDH", "20.1"}, {"a1", "ctrl", "p21", "25.0"},
            {"a1", "ctrl", "p21", "Undetermined"}, {"a2", "ctrl", "GAPDH", "20.0"}, {"a2", "ctrl", "p21", "25.4"},
            {"b1", "trt", "GAPDH", "20.2"}, {"b1", "trt", "p21", "23.1"}, {"b2", "trt", "GAPDH", "19.9"},
            {"b2", "trt", "p21", "22.7"}, {"b2", "trt", "p21", "41.5"}};
        List<DataRow> rows = new ArrayList<>();
        for (String[] w : wells) {
            DataCell[] c = new DataCell[4];
            for (int i = 0; i < 4; i++) {
                c[i] = new StringCell(w[i]);
            }
            rows.add(new DefaultRow(RowKey.createRowKey(rows.size()), c));
        }
        NodeModelRunner r = configured("GAPDH", "ctrl");
        BufferedDataTable res = (BufferedDataTable) r.execute(StubTables.of(spec, rows))[0];
        String warning = r.getWarningMessage();
        assertNotNull(warning);
        assertTrue(warning.contains("Undetermined") && warning.contains("41.5"), warning);
        // the non-detects are left out: ΔΔCq = mean ΔCq(trt) - mean ΔCq(ctrl) of the detected wells
        double ddcq = ((23.1 - 20.2) + (22.7 - 19.9)) / 2 - ((25.0 - 20.1) + (25.4 - 20.0)) / 2;
        assertEquals(ddcq, value(res, row(res, "trt", "p21"), "delta_delta_cq"), 1e-12);
    }

    @Test
    void pushesTheRunRecordWithTheCliParameterNames() throws Exception {
        NodeModelRunner r = configured("GAPDH", "brain");
        r.execute(QpcrFixtures.pcrWells("pcr_ct1.csv"));
        RunRecord rec = QpcrFixtures.record(r, "benchtop.run.qpcr.quantify");
        assertEquals("qpcr.quantify", rec.analysis());
        assertEquals(List.of("sample", "group", "target", "cq", "reference", "calibrator", "method", "efficiency",
                "mode", "well", "type", "quantity", "plate", "cq_cutoff", "sd_threshold", "exclude_outliers"),
                rec.parameters().stream().map(RunRecord.Parameter::name).toList());
        Map<String, String> p = QpcrFixtures.parameters(rec);
        assertEquals("GAPDH", p.get("reference"));
        assertEquals("brain", p.get("calibrator"));
        assertEquals("separate-tubes", p.get("mode"));
        assertEquals(24, rec.inputs().get(0).rows());
    }

    @Test
    void anAbsentCalibratorFailsNamingTheGroups() throws Exception {
        NodeModelRunner r = configured("GAPDH", "liver");
        Exception e = assertThrows(Exception.class, () -> r.execute(QpcrFixtures.pcrWells("pcr_ct1.csv")));
        assertTrue(e.getMessage().contains("'liver'") && e.getMessage().contains("brain, kidney"), e.getMessage());
    }

    @Test
    void aReferenceGeneThatIsNotMeasuredFails() throws Exception {
        NodeModelRunner r = configured("ACTB", "brain");
        Exception e = assertThrows(Exception.class, () -> r.execute(QpcrFixtures.pcrWells("pcr_ct1.csv")));
        assertTrue(e.getMessage().contains("'ACTB'"), e.getMessage());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        NodeModelRunner r = configured("GAPDH", "brain");
        ExecutionContext exec = StubExecutionContexts.create();
        StubExecutionContexts.cancel(exec);
        BufferedDataTable in = QpcrFixtures.pcrWells("pcr_ct1.csv");
        assertThrows(CanceledExecutionException.class, () -> r.execute(exec, in));
    }
}
