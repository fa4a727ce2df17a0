package org.benchtop.knime.rnaseq.tmm;

import static org.benchtop.knime.rnaseq.RnaseqFixtures.doubles;
import static org.benchtop.knime.rnaseq.RnaseqFixtures.knime;
import static org.benchtop.knime.rnaseq.RnaseqFixtures.read;
import static org.benchtop.knime.rnaseq.RnaseqFixtures.reference;
import static org.benchtop.knime.rnaseq.RnaseqFixtures.scenarioFile;
import static org.benchtop.knime.rnaseq.RnaseqFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Table;
import org.benchtop.knime.rnaseq.RnaseqFixtures;
import org.benchtop.knime.rnaseq.RnaseqFixtures.Deviations;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The TMM Normalization node against the KNIME API stub: the exact config keys and their round trip, configure's
 * specs and messages, execute on the pasilla counts against edgeR 3.40.2 (TMM, RLE and upper-quartile factors of all
 * 14,599 genes; TMM factors, CPM and logCPM of the filterByExpr genes; 1e-8 relative), the run-record flow variable
 * and bad input.
 */
class TmmNodeModelTest {

    private static BufferedDataTable allGenes;
    private static BufferedDataTable filteredGenes;

    @BeforeAll
    static void readInputs() {
        // treated1..3, untreated1..4, the order of edgeR's references (see the testflows' make_expected.py)
        allGenes = knime(read(scenarioFile("rnaseq-deseq-pasilla", "data/counts.csv"), "gene_id"));
        filteredGenes = knime(read(scenarioFile("rnaseq-tmm-pasilla", "data/counts.csv"), "gene_id"));
    }

    private static NodeModelRunner runner() {
        return new NodeModelRunner(new TmmNodeFactory().createNodeModel());
    }

    private static NodeModelRunner configured(final String method, final double priorCount)
        throws InvalidSettingsException {
        NodeModelRunner r = runner();
        NodeSettings s = r.saveSettings();
        s.addString("gene_id_column", "gene_id");
        s.addString("method", method);
        s.addDouble("prior_count", priorCount);
        r.loadSettings(s);
        return r;
    }

    private static final DataTableSpec COUNTS = new DataTableSpec(
        new DataColumnSpecCreator("gene_id", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("s1", IntCell.TYPE).createSpec(),
        new DataColumnSpecCreator("s2", DoubleCell.TYPE).createSpec());

    // ------------------------------------------------------------------ settings

    @Test
    void savesExactlyTheReleasedConfigKeys() {
        Set<String> expected = new HashSet<>();
        for (String key : List.of("gene_id_column", "method", "prior_count")) {
            expected.add(key);
            expected.add(key + "_Internals");
        }
        assertEquals(expected, runner().saveSettings().keySet());
    }

    @Test
    void defaultsAreEdgeRs() throws Exception {
        NodeSettings s = runner().saveSettings();
        assertEquals("", s.getString("gene_id_column"));
        assertEquals("tmm", s.getString("method"));
        assertEquals(2.0, s.getDouble("prior_count"));
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        String first = StubNodeSettings.toXml(configured("upperquartile", 0.5).saveSettings());
        NodeModelRunner b = runner();
        b.loadSettings(StubNodeSettings.fromXml(first));
        assertEquals(first, StubNodeSettings.toXml(b.saveSettings()));
        assertNotEquals(StubNodeSettings.toXml(runner().saveSettings()), first);
    }

    @Test
    void dialogSavesWhatItLoaded() throws Exception {
        NodeSettings s = configured("rle", 1).saveSettings();
        TmmNodeDialog dialog = new TmmNodeDialog();
        dialog.loadSettingsFrom(s, new PortObjectSpec[] {COUNTS});
        NodeSettings saved = new NodeSettings("model");
        dialog.saveSettingsTo(saved);
        assertEquals(StubNodeSettings.toXml(s), StubNodeSettings.toXml(saved));
    }

    // ------------------------------------------------------------------ configure

    @Test
    void configurePromisesFactorsAndOneCpmColumnPerSample() throws Exception {
        PortObjectSpec[] out = configured("tmm", 2).configure(COUNTS);
        assertEquals(List.of("sample", "lib_size", "norm_factor", "effective_lib_size"),
            Arrays.asList(((DataTableSpec)out[0]).getColumnNames()));
        for (int p = 1; p <= 2; p++) {
            DataTableSpec cpm = (DataTableSpec)out[p];
            assertEquals(List.of("gene_id", "s1", "s2"), Arrays.asList(cpm.getColumnNames()));
            assertEquals(DoubleCell.TYPE, cpm.getColumnSpec("s1").getType());
        }
    }

    @Test
    void badSettingsGiveMessagesThatSayWhatToFix() throws Exception {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> configured("quantile", 2).configure(COUNTS));
        assertTrue(e.getMessage().contains("Unknown normalization method 'quantile'; use tmm, rle or upperquartile"),
            e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> configured("tmm", -1), "prior count >= 0");
        NodeModelRunner r = configured("tmm", 2);
        NodeSettings s = r.saveSettings();
        s.addString("gene_id_column", "symbol");
        r.loadSettings(s);
        e = assertThrows(InvalidSettingsException.class, () -> r.configure(COUNTS));
        assertTrue(e.getMessage().contains("The gene id column 'symbol' is not in the count table"), e.getMessage());
        DataTableSpec withText = new DataTableSpec(new DataColumnSpecCreator("gene_id", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("chromosome", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("s1", IntCell.TYPE).createSpec());
        e = assertThrows(InvalidSettingsException.class, () -> configured("tmm", 2).configure(withText));
        assertTrue(e.getMessage().contains("Column 'chromosome' of the count table is not numeric"), e.getMessage());
    }

    // ------------------------------------------------------------------ execute against edgeR

    /** calcNormFactors(DGEList(cts), method) on all 14,599 genes: edger_norm_factors_unfiltered_full.csv (17 digits). */
    @ParameterizedTest
    @CsvSource({"tmm, TMM", "rle, RLE", "upperquartile, upperquartile"})
    void factorsOfAllGenesAsEdgeR(final String method, final String column) throws Exception {
        NodeModelRunner r = configured(method, 2);
        BufferedDataTable factors = (BufferedDataTable)r.execute(allGenes)[0];
        Table ref = read(reference("edger_norm_factors_unfiltered_full.csv"), "sample");
        List<String> samples = Arrays.asList(ref.column("sample").toStringArray());
        assertEquals(samples, strings(factors, "sample"));
        Deviations d = new Deviations();
        d.check("lib_size", samples, doubles(factors, "lib_size"), ref.column("lib.size").toDoubleArray(), 0, 0);
        d.check(method, samples, doubles(factors, "norm_factor"), ref.column(column).toDoubleArray(), 1e-8, 0);
        if (method.equals("tmm")) {
            // expected_edger_norm_factors_unfiltered.csv: lib.size * norm.factors as R printed it (10 digits)
            Table eff = read(reference("expected_edger_norm_factors_unfiltered.csv"), "sample");
            d.check("effective_lib_size", samples, doubles(factors, "effective_lib_size"),
                eff.column("effective.lib.size_TMM").toDoubleArray(), 1e-8, 0);
        }
        d.assertNone("edgeR calcNormFactors, all genes, " + method);
        assertEquals(method, RnaseqFixtures.parameters(RnaseqFixtures.record(r, "rnaseq.tmm")).get("method"));
    }

    /**
     * The filterByExpr genes (7,919): TMM factors (edger_norm_factors_filtered_full.csv), cpm(y) and cpm(y, log = TRUE)
     * of the first 300 genes (edger_cpm_filtered.csv, edger_logcpm_filtered.csv), matched by gene id; row keys.
     */
    @Test
    void filteredGenesCpmAndLogCpmAsEdgeR() throws Exception {
        NodeModelRunner r = configured("tmm", 2);
        PortObjectSpec[] specs = r.configure(filteredGenes.getDataTableSpec());
        PortObject[] out = r.execute(filteredGenes);
        for (int p = 0; p < 3; p++) {
            assertTrue(((DataTableSpec)specs[p]).equalStructure(((BufferedDataTable)out[p]).getDataTableSpec()), "port " + p);
        }
        Table ref = read(reference("edger_norm_factors_filtered_full.csv"), "sample");
        List<String> samples = Arrays.asList(ref.column("sample").toStringArray());
        Deviations d = new Deviations();
        d.check("norm_factor", samples, doubles((BufferedDataTable)out[0], "norm_factor"),
            ref.column("TMM").toDoubleArray(), 1e-8, 0);
        d.check("lib_size", samples, doubles((BufferedDataTable)out[0], "lib_size"), ref.column("lib.size").toDoubleArray(),
            0, 0);
        String[] files = {null, "edger_cpm_filtered.csv", "edger_logcpm_filtered.csv"};
        for (int p = 1; p <= 2; p++) {
            BufferedDataTable t = (BufferedDataTable)out[p];
            assertEquals(filteredGenes.size(), t.size());
            Map<String, Integer> row = RnaseqFixtures.rowsByKey(t, "gene_id");
            Table e = read(reference(files[p]), "gene_id");
            List<String> genes = Arrays.asList(e.column("gene_id").toStringArray());
            for (String s : samples) {
                double[] all = doubles(t, s);
                double[] ours = new double[genes.size()];
                for (int i = 0; i < ours.length; i++) {
                    ours[i] = all[row.get(genes.get(i)).intValue()];
                }
                d.check(files[p] + " " + s, genes, ours, e.column(s).toDoubleArray(), 1e-8, 1e-12);
            }
            List<DataRow> in = StubTables.rows(filteredGenes);
            assertEquals(in.get(42).getKey(), StubTables.rows(t).get(42).getKey(), "input row keys reused");
        }
        d.assertNone("edgeR filterByExpr genes: TMM, CPM, logCPM");
        RunRecord rec = RnaseqFixtures.record(r, "rnaseq.tmm");
        Map<String, String> p = RnaseqFixtures.parameters(rec);
        assertEquals("tmm", p.get("method"));
        assertEquals("gene_id", p.get("gene_column"));
        assertEquals("2.0", p.get("prior_count"));
        assertEquals(1, rec.inputs().size());
        assertEquals(7919, rec.inputs().get(0).rows());
        assertEquals(8, rec.inputs().get(0).columns());
    }

    @Test
    void negativeCountFailsWithoutOutputOrRecord() throws Exception {
        List<DataRow> rows = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            rows.add(new DefaultRow("Row" + g, new StringCell("g" + g), new IntCell(g + 1), new DoubleCell(g == 3 ? -1 : 5)));
        }
        NodeModelRunner r = configured("tmm", 2);
        Exception e = assertThrows(Exception.class, () -> r.execute(StubTables.of(COUNTS, rows)));
        assertTrue(e.getMessage().contains("Count -1.0 for gene 'g3' in sample 's2' is negative"), e.getMessage());
        assertTrue(r.getPushedFlowVariables().isEmpty());
    }
}
