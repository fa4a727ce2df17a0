package org.benchtop.knime.qpcr.standardcurve;

import static org.benchtop.knime.qpcr.QpcrFixtures.exp;
import static org.benchtop.knime.qpcr.QpcrFixtures.integer;
import static org.benchtop.knime.qpcr.QpcrFixtures.load;
import static org.benchtop.knime.qpcr.QpcrFixtures.near;
import static org.benchtop.knime.qpcr.QpcrFixtures.text;
import static org.benchtop.knime.qpcr.QpcrFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Table;
import org.benchtop.knime.qpcr.QpcrFixtures;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/**
 * The qPCR Standard Curve node against the KNIME API stub, on the Cq table of the StepOne RDML example: the curve
 * and the interpolated unknowns against R (1e-9 relative), the efficiency against the instrument's stored value
 * (0.01 percentage points), settings, configure, the plot, the run record and bad input.
 */
class QpcrStandardCurveNodeModelTest {

    private static final String[] TEXT = {"well", "sample", "type", "target"};

    private static NodeModelRunner runner() {
        return new NodeModelRunner(new QpcrStandardCurveNodeFactory().createNodeModel());
    }

    private static NodeModelRunner configured(String... more) throws InvalidSettingsException {
        NodeModelRunner r = runner();
        load(r, "sample_column", "sample", "target_column", "target", "cq_column", "cq", "quantity_column",
                "quantity", "type_column", "type", "well_column", "well");
        if (more.length > 0) {
            load(r, more);
        }
        return r;
    }

    private static BufferedDataTable stepOne() {
        return QpcrFixtures.knime(QpcrFixtures.resource("RDML_stepone_std_cq.csv", TEXT));
    }

    @Test
    void theFactoryMakesTheDialog() {
        assertNotNull(new QpcrStandardCurveNodeFactory().createNodeDialogPane());
    }

    @Test
    void savesExactlyTheReleasedConfigKeys() {
        assertEquals(QpcrFixtures.savedKeys("sample_column", "target_column", "cq_column", "quantity_column",
                "type_column", "well_column", "cq_cutoff"), runner().saveSettings().keySet());
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        NodeModelRunner a = configured();
        NodeSettings s = a.saveSettings();
        s.addDouble("cq_cutoff", 38);
        a.loadSettings(s);
        String first = StubNodeSettings.toXml(a.saveSettings());
        NodeModelRunner b = runner();
        b.loadSettings(StubNodeSettings.fromXml(first));
        assertEquals(first, StubNodeSettings.toXml(b.saveSettings()));
        assertNotEquals(StubNodeSettings.toXml(runner().saveSettings()), first);
        assertEquals(38, b.saveSettings().getDouble("cq_cutoff"));
    }

    @Test
    void configureDescribesCurvesUnknownsAndPlot() throws Exception {
        PortObjectSpec[] specs = configured().configure(stepOne().getDataTableSpec());
        assertEquals(3, specs.length);
        assertEquals(List.of("target", "n", "levels", "slope", "intercept", "r_squared", "se_slope", "se_intercept",
                "amplification_factor", "efficiency_percent"),
                List.of(assertInstanceOf(DataTableSpec.class, specs[0]).getColumnNames()));
        DataTableSpec unk = assertInstanceOf(DataTableSpec.class, specs[1]);
        assertEquals(List.of("well", "sample", "target", "cq", "log10_quantity", "quantity", "extrapolated"),
                List.of(unk.getColumnNames()));
        assertEquals(BooleanCell.TYPE, unk.getColumnSpec(6).getType());
        assertInstanceOf(ImagePortObjectSpec.class, specs[2]);
    }

    @Test
    void configureExplainsBadSettings() throws Exception {
        DataTableSpec in = stepOne().getDataTableSpec();
        InvalidSettingsException none = assertThrows(InvalidSettingsException.class, () -> runner().configure(in));
        assertTrue(none.getMessage().contains("standard quantity"), none.getMessage());
        NodeModelRunner r = configured("quantity_column", "copies");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> r.configure(in));
        assertTrue(e.getMessage().contains("'copies' is not in the input table"), e.getMessage());
    }

    @Test
    void executeGivesRsCurveAndTheInstrumentsEfficiency() throws Exception {
        NodeModelRunner r = configured();
        PortObject[] out = r.execute(stepOne());
        Map<String, Double> ref = QpcrFixtures.expectedQpcr();
        BufferedDataTable curves = assertInstanceOf(BufferedDataTable.class, out[0]);
        List<DataRow> c = StubTables.rows(curves);
        assertEquals(1, c.size());
        DataRow rnaseP = c.get(0);
        assertEquals("RNase P", text(curves, rnaseP, "target"));
        assertEquals(15, integer(curves, rnaseP, "n"));
        assertEquals(5, integer(curves, rnaseP, "levels"));
        for (String q : List.of("intercept", "slope", "r_squared", "se_slope", "se_intercept", "amplification_factor",
                "efficiency_percent")) {
            near(exp(ref, "stepone_std", "standard curve", "std", "RNase P", q), value(curves, rnaseP, q), q);
        }
        assertEquals(93.91181, value(curves, rnaseP, "efficiency_percent"), 0.01, "stored in the RDML file");

        BufferedDataTable unk = assertInstanceOf(BufferedDataTable.class, out[1]);
        Table e = QpcrFixtures.resource("expected_stepone_unknowns_interpolated.csv", TEXT);
        List<DataRow> u = StubTables.rows(unk);
        assertEquals(e.rowCount(), u.size());
        for (int i = 0; i < u.size(); i++) {
            assertEquals(e.column("well").getString(i), text(unk, u.get(i), "well"));
            assertEquals(e.column("sample").getString(i), text(unk, u.get(i), "sample"));
            near(e.column("log10_quantity").getDouble(i), value(unk, u.get(i), "log10_quantity"), "log10 q " + i);
            near(e.column("quantity_interpolated").getDouble(i), value(unk, u.get(i), "quantity"), "q " + i);
            assertFalse(((BooleanValue) QpcrFixtures.cell(unk, u.get(i), "extrapolated")).getBooleanValue());
        }
        QpcrFixtures.assertPng(assertInstanceOf(ImagePortObject.class, out[2]));

        RunRecord rec = QpcrFixtures.record(r, "benchtop.run.qpcr.standard_curve");
        assertEquals("qpcr.standard_curve", rec.analysis());
        assertEquals(List.of("sample", "target", "cq", "quantity", "type", "well", "cq_cutoff"),
                rec.parameters().stream().map(RunRecord.Parameter::name).toList());
        assertEquals("type", QpcrFixtures.parameters(rec).get("type"));
    }

    @Test
    void aCurveWithFewerThanThreeLevelsFails() throws Exception {
        // only the two highest standards (10000 and 5000) of the StepOne plate, and the unknowns
        Table t = QpcrFixtures.resource("RDML_stepone_std_cq.csv", TEXT);
        BufferedDataTable all = QpcrFixtures.knime(t);
        List<DataRow> keep = new java.util.ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            double q = t.column("quantity").getDouble(i);
            if (Double.isNaN(q) || q >= 5000) {
                keep.add(StubTables.rows(all).get(i));
            }
        }
        NodeModelRunner r = configured();
        Exception e = assertThrows(Exception.class, () -> r.execute(StubTables.of(all.getDataTableSpec(), keep)));
        assertTrue(e.getMessage().contains("RNase P") && e.getMessage().contains("at least 3"), e.getMessage());
    }
}
