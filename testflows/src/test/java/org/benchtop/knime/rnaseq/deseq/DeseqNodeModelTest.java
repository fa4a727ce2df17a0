package org.benchtop.knime.rnaseq.deseq;

import static org.benchtop.knime.rnaseq.RnaseqFixtures.doubles;
import static org.benchtop.knime.rnaseq.RnaseqFixtures.knime;
import static org.benchtop.knime.rnaseq.RnaseqFixtures.read;
import static org.benchtop.knime.rnaseq.RnaseqFixtures.reference;
import static org.benchtop.knime.rnaseq.RnaseqFixtures.scenarioFile;
import static org.benchtop.knime.rnaseq.RnaseqFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.benchtop.knime.testing.NodeSettingsTesting;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;
import org.benchtop.knime.rnaseq.RnaseqFixtures;
import org.benchtop.knime.rnaseq.RnaseqFixtures.Deviations;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubExecutionContexts;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
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
import org.knime.core.node.port.image.ImagePortObjectSpec;

/**
 * The DESeq2 Differential Expression node against the KNIME API stub: the exact config keys and their round trip,
 * the output specs configure promises and its messages, execute on the pasilla data against DESeq2 1.38.3 (Wald test,
 * likelihood-ratio test, normal shrinkage; tolerances of the issue), the long count format, the p53 targets of the
 * simulated milademetan data against the simulation truth, the run-record flow variable, bad input and cancellation.
 */
class DeseqNodeModelTest {

    private static final String PASILLA = "rnaseq-deseq-pasilla";
    private static final String P53 = "rnaseq-deseq-milademetan-p53";

    private static BufferedDataTable pasillaCounts;
    private static BufferedDataTable pasillaSheet;
    private static BufferedDataTable p53Counts;
    private static BufferedDataTable p53Sheet;

    @BeforeAll
    static void readInputs() {
        // treated1..3, untreated1..4: the sample order of DESeq2's references (make_expected.py of the testflow)
        pasillaCounts = knime(read(scenarioFile(PASILLA, "data/counts.csv"), "gene_id"));
        pasillaSheet = knime(read(scenarioFile(PASILLA, "data/samples.csv"), "sample", "condition", "type"));
        p53Counts = knime(read(scenarioFile(P53, "data/counts.csv"), "gene_id"));
        p53Sheet = knime(read(scenarioFile(P53, "data/samples.csv"), "sample", "condition"));
    }

    private static NodeModelRunner runner() {
        return new NodeModelRunner(new DeseqNodeFactory().createNodeModel());
    }

    /** @return a node set to gene_id / sample and the given settings (strings; alpha, threads and booleans typed) */
    private static NodeModelRunner configured(final Object... keyValues) throws InvalidSettingsException {
        NodeModelRunner r = runner();
        NodeSettings s = r.saveSettings();
        s.addString("gene_id_column", "gene_id");
        s.addString("sample_column", "sample");
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = (String)keyValues[i];
            Object v = keyValues[i + 1];
            if (v instanceof Double d) {
                s.addDouble(key, d.doubleValue());
            } else if (v instanceof Integer n) {
                s.addInt(key, n.intValue());
            } else if (v instanceof Boolean b) {
                s.addBoolean(key, b.booleanValue());
            } else {
                s.addString(key, (String)v);
            }
        }
        r.loadSettings(s);
        return r;
    }

    private static NodeModelRunner pasillaCondition(final Object... more) throws InvalidSettingsException {
        List<Object> kv = new ArrayList<>(List.of("design", "~ condition", "contrast", "condition,treated,untreated"));
        kv.addAll(Arrays.asList(more));
        return configured(kv.toArray());
    }

    private static DataTableSpec spec(final Object... nameTypes) {
        List<org.knime.core.data.DataColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < nameTypes.length; i += 2) {
            cols.add(new DataColumnSpecCreator((String)nameTypes[i], (DataType)nameTypes[i + 1]).createSpec());
        }
        return new DataTableSpec(cols.toArray(new org.knime.core.data.DataColumnSpec[0]));
    }

    private static final DataTableSpec COUNTS = spec("gene_id", StringCell.TYPE, "treated1", IntCell.TYPE, "treated2",
        IntCell.TYPE, "untreated1", IntCell.TYPE, "untreated2", IntCell.TYPE);

    private static final DataTableSpec SHEET = spec("sample", StringCell.TYPE, "condition", StringCell.TYPE, "type",
        StringCell.TYPE);

    private static Table ref(final String file) {
        return read(reference(file), "gene_id", "sample");
    }

    // ------------------------------------------------------------------ settings

    static final List<String> KEYS = List.of("gene_id_column", "count_sample_column", "count_column", "sample_column",
        "design", "contrast", "reduced_design", "alpha", "shrink", "size_factors", "fit_type", "factors", "references",
        "min_replicates_for_replace", "independent_filtering", "cooks_cutoff", "threads");

    @Test
    void savesExactlyTheReleasedConfigKeys() {
        Set<String> expected = new HashSet<>();
        for (String key : KEYS) {
            expected.add(key);
            expected.add(key + "_Internals"); // SettingsModel's SettingsModelID and EnabledStatus
        }
        assertEquals(expected, runner().saveSettings().keySet());
    }

    @Test
    void defaultsAreTheCommandLineDefaults() throws Exception {
        NodeSettings s = runner().saveSettings();
        assertEquals("", s.getString("gene_id_column"));
        assertEquals("", s.getString("count_sample_column"));
        assertEquals("", s.getString("count_column"));
        assertEquals("", s.getString("sample_column"));
        assertEquals("~ condition", s.getString("design"));
        assertEquals("", s.getString("contrast"));
        assertEquals("", s.getString("reduced_design"));
        assertEquals(0.1, s.getDouble("alpha"));
        assertEquals("none", s.getString("shrink"));
        assertEquals("ratio", s.getString("size_factors"));
        assertEquals("parametric", s.getString("fit_type"));
        assertEquals("", s.getString("factors"));
        assertEquals("", s.getString("references"));
        assertEquals(7, s.getInt("min_replicates_for_replace"));
        assertTrue(s.getBoolean("independent_filtering"));
        assertTrue(s.getBoolean("cooks_cutoff"));
        assertEquals(0, s.getInt("threads"), "0 = all cores");
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        NodeModelRunner a = configured("count_sample_column", "sample", "count_column", "count", "design",
            "~ batch + condition", "contrast", "condition,treated,control", "reduced_design", "~ batch", "alpha",
            Double.valueOf(0.05), "size_factors", "poscounts", "fit_type", "mean", "factors", "batch", "references",
            "batch=b2", "min_replicates_for_replace", Integer.valueOf(0), "independent_filtering", Boolean.FALSE,
            "cooks_cutoff", Boolean.FALSE, "threads", Integer.valueOf(3));
        NodeSettings again = NodeSettingsTesting.roundTripThroughXml(a, DeseqNodeModelTest::runner);
        assertEquals("~ batch", again.getString("reduced_design"));
        assertEquals(0.05, again.getDouble("alpha"));
        assertEquals(3, again.getInt("threads"));
        assertFalse(again.getBoolean("cooks_cutoff"));
    }

    @Test
    void validateRejectsSettingsWithoutAKey() throws Exception {
        NodeSettings s = runner().saveSettings();
        NodeSettings missing = NodeSettingsTesting.without(s, "reduced_design");
        assertThrows(InvalidSettingsException.class, () -> runner().validateSettings(missing));
    }

    @Test
    void outOfRangeNumbersAreRejectedOnLoad() throws Exception {
        assertThrows(InvalidSettingsException.class, () -> configured("alpha", Double.valueOf(1.5)));
        assertThrows(InvalidSettingsException.class, () -> configured("threads", Integer.valueOf(-1)));
        assertThrows(InvalidSettingsException.class, () -> configured("min_replicates_for_replace", Integer.valueOf(-2)));
    }

    @Test
    void dialogSavesWhatItLoaded() throws Exception {
        NodeSettings s = configured("design", "~ type + condition", "contrast", "condition,treated,untreated",
            "reduced_design", "~ type", "references", "type=single-read", "threads", Integer.valueOf(2)).saveSettings();
        DeseqNodeDialog dialog = new DeseqNodeDialog();
        dialog.loadSettingsFrom(s, new PortObjectSpec[] {COUNTS, SHEET});
        NodeSettings saved = new NodeSettings("model");
        dialog.saveSettingsTo(saved);
        assertEquals(StubNodeSettings.toXml(s), StubNodeSettings.toXml(saved));
    }

    // ------------------------------------------------------------------ configure

    @Test
    void configurePromisesTheResultColumnsAndOneNormalizedColumnPerSample() throws Exception {
        PortObjectSpec[] out = pasillaCondition().configure(COUNTS, SHEET);
        assertEquals(4, out.length);
        DataTableSpec results = (DataTableSpec)out[0];
        assertEquals(List.of("gene_id", "baseMean", "log2FoldChange", "lfcSE", "stat", "pvalue", "padj", "dispersion"),
            Arrays.asList(results.getColumnNames()));
        assertEquals(StringCell.TYPE, results.getColumnSpec("gene_id").getType());
        assertEquals(DoubleCell.TYPE, results.getColumnSpec("padj").getType());
        DataTableSpec normalized = (DataTableSpec)out[1];
        assertEquals(List.of("gene_id", "treated1", "treated2", "untreated1", "untreated2"),
            Arrays.asList(normalized.getColumnNames()));
        assertEquals(DoubleCell.TYPE, normalized.getColumnSpec("treated1").getType(), "counts / size factor");
        DataTableSpec sizeFactors = (DataTableSpec)out[2];
        assertEquals(List.of("sample", "size_factor"), Arrays.asList(sizeFactors.getColumnNames()));
        assertInstanceOf(ImagePortObjectSpec.class, out[3]);
    }

    @Test
    void configureWithAnEmptyGeneColumnUsesTheFirstColumnAsTheCommandLine() throws Exception {
        NodeModelRunner r = pasillaCondition("gene_id_column", "", "sample_column", "");
        DataTableSpec counts = spec("id", StringCell.TYPE, "a", IntCell.TYPE, "b", DoubleCell.TYPE);
        DataTableSpec normalized = (DataTableSpec)r.configure(counts, SHEET)[1];
        assertEquals(List.of("gene_id", "a", "b"), Arrays.asList(normalized.getColumnNames()));
    }

    @Test
    void configureOfALongCountTableLeavesTheNormalizedColumnsOpen() throws Exception {
        NodeModelRunner r = pasillaCondition("gene_id_column", "gene", "count_sample_column", "sample", "count_column",
            "count");
        DataTableSpec longCounts = spec("gene", StringCell.TYPE, "sample", StringCell.TYPE, "count", IntCell.TYPE);
        PortObjectSpec[] out = r.configure(longCounts, SHEET);
        assertNull(out[1], "the samples are known only from the data");
        assertEquals(8, ((DataTableSpec)out[0]).getNumColumns());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> r.configure(spec("gene", StringCell.TYPE, "sample", StringCell.TYPE, "count", StringCell.TYPE), SHEET));
        assertTrue(e.getMessage().contains("long-format count column 'count' is not numeric"), e.getMessage());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
            Arguments.of(new Object[] {"contrast", ""}, "Enter the contrast"),
            Arguments.of(new Object[] {"design", " "}, "Enter the design formula"),
            Arguments.of(new Object[] {"design", "condition"}, "must start with '~'"),
            Arguments.of(new Object[] {"design", "~ batch + condition"},
                "The design uses 'batch', but the sample sheet (input 2) has no such column"),
            Arguments.of(new Object[] {"reduced_design", "~ lane"}, "The design uses 'lane'"),
            Arguments.of(new Object[] {"contrast", "condition,treated"}, "Cannot read the contrast"),
            Arguments.of(new Object[] {"shrink", "apeglm"}, "Unknown shrinkage 'apeglm'; use none or normal"),
            Arguments.of(new Object[] {"size_factors", "median"}, "Unknown size factor method 'median'"),
            Arguments.of(new Object[] {"fit_type", "loess"}, "Unknown fit type 'loess'"),
            Arguments.of(new Object[] {"reduced_design", "~ 1", "shrink", "normal"},
                "Normal shrinkage goes with the Wald test"),
            Arguments.of(new Object[] {"references", "type"}, "Cannot read reference level 'type'"),
            Arguments.of(new Object[] {"alpha", Double.valueOf(0)}, "alpha must be between 0 and 1"),
            Arguments.of(new Object[] {"min_replicates_for_replace", Integer.valueOf(2)},
                "minReplicatesForReplace must be 0 (off) or at least 3"),
            Arguments.of(new Object[] {"count_column", "count"}, "needs both its sample column and its count column"),
            Arguments.of(new Object[] {"gene_id_column", "symbol"},
                "The gene id column 'symbol' is not in the count table"),
            Arguments.of(new Object[] {"sample_column", "name"},
                "The sample column 'name' is not in the sample sheet (input 2)"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badSettingsGiveMessagesThatSayWhatToFix(final Object[] keyValues, final String message) throws Exception {
        NodeModelRunner r = pasillaCondition(keyValues);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> r.configure(COUNTS, SHEET));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void configureNamesANonNumericSampleColumn() throws Exception {
        DataTableSpec counts = spec("gene_id", StringCell.TYPE, "description", StringCell.TYPE, "treated1", IntCell.TYPE);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> pasillaCondition().configure(counts, SHEET));
        assertTrue(e.getMessage().contains("Column 'description' of the count table is not numeric")
            && e.getMessage().contains("Column Filter"), e.getMessage());
    }

    // ------------------------------------------------------------------ execute against DESeq2

    /**
     * Pasilla, {@code ~ condition}, treated vs untreated, against {@code expected_deseq2_condition_results.csv} and
     * {@code full_pasilla_condition_size_factors.csv} (DESeq2 1.38.3): the tolerances, the NA pattern, the
     * genes with padj &lt; 0.1; normalized counts = counts / DESeq2's size factors; row keys, plots, run record.
     */
    @Test
    void pasillaConditionMatchesDeseq2() throws Exception {
        NodeModelRunner r = pasillaCondition();
        PortObjectSpec[] specs = r.configure(pasillaCounts.getDataTableSpec(), pasillaSheet.getDataTableSpec());
        PortObject[] out = r.execute(pasillaCounts, pasillaSheet);
        for (int p = 0; p < 3; p++) {
            assertTrue(((DataTableSpec)specs[p]).equalStructure(((BufferedDataTable)out[p]).getDataTableSpec()),
                "configure promised the spec of port " + p);
        }
        BufferedDataTable results = (BufferedDataTable)out[0];
        Table ref = ref("expected_deseq2_condition_results.csv");
        List<String> genes = Arrays.asList(ref.column("gene_id").toStringArray());
        assertEquals(genes, strings(results, "gene_id"), "every gene, in input order");
        Deviations d = new Deviations();
        // the reference has 10 significant digits: baseMean (sums of counts / size factors) to 1e-8
        d.check("baseMean", genes, doubles(results, "baseMean"), ref.column("baseMean").toDoubleArray(), 1e-8, 1e-12);
        for (String q : List.of("log2FoldChange", "lfcSE", "stat", "dispersion")) {
            d.check(q, genes, doubles(results, q), ref.column(q).toDoubleArray(), 1e-4, 1e-12);
        }
        for (String q : List.of("pvalue", "padj")) {
            d.check(q, genes, doubles(results, q), ref.column(q).toDoubleArray(), 1e-3, 1e-12);
        }
        d.assertNone("pasilla ~ condition vs DESeq2 results");
        assertEquals(significant(ref.column("padj").toDoubleArray(), genes), significant(doubles(results, "padj"), genes),
            "the genes with padj < 0.1");

        // size factors (17 digits) to 1e-10, in count-column order
        BufferedDataTable sf = (BufferedDataTable)out[2];
        Table sfRef = ref("full_pasilla_condition_size_factors.csv");
        List<String> samples = Arrays.asList(sfRef.column("sample").toStringArray());
        assertEquals(samples, strings(sf, "sample"));
        double[] sizeFactors = sfRef.column("sizeFactor").toDoubleArray();
        Deviations s = new Deviations();
        s.check("size_factor", samples, doubles(sf, "size_factor"), sizeFactors, 1e-10, 0);
        // normalized counts = raw counts / DESeq2's size factor (DESeq2's counts(dds, normalized = TRUE))
        BufferedDataTable normalized = (BufferedDataTable)out[1];
        assertEquals(genes, strings(normalized, "gene_id"));
        for (int j = 0; j < samples.size(); j++) {
            double[] raw = doubles(pasillaCounts, samples.get(j));
            double[] expected = new double[raw.length];
            for (int g = 0; g < raw.length; g++) {
                expected[g] = raw[g] / sizeFactors[j];
            }
            s.check("normalized " + samples.get(j), genes, doubles(normalized, samples.get(j)), expected, 1e-10, 1e-12);
        }
        s.assertNone("pasilla size factors and normalized counts");

        // a wide table's genes are its rows: the input's row keys are reused
        List<DataRow> inRows = StubTables.rows(pasillaCounts);
        List<DataRow> outRows = StubTables.rows(results);
        assertEquals(inRows.get(17).getKey(), outRows.get(17).getKey());
        assertEquals(inRows.get(17).getKey(), StubTables.rows(normalized).get(17).getKey());

        // one image: volcano, MA, dispersion, PCA on a 2 x 2 grid of 800-pixel tiles
        int[] size = RnaseqFixtures.pngSize(out[3]);
        assertEquals(2 * DeseqNodeModel.TILE_WIDTH, size[0]);
        assertTrue(size[1] >= 2 * 400, "two rows of plots: " + size[1]);

        RunRecord rec = RnaseqFixtures.record(r, "rnaseq.deseq");
        Map<String, String> p = RnaseqFixtures.parameters(rec);
        assertEquals("~ condition", p.get("design"));
        assertEquals("condition,treated,untreated", p.get("contrast"));
        assertEquals("", p.get("reduced"));
        assertEquals("0.1", p.get("alpha"));
        assertEquals("none", p.get("shrink"));
        assertEquals("ratio", p.get("size_factors"));
        assertEquals("gene_id", p.get("gene_column"));
        assertEquals("sample", p.get("sample_column"));
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), p.get("threads"), "0 = all cores");
        assertEquals(List.of("counts", "samples"), rec.inputs().stream().map(RunRecord.InputDigest::name).toList());
        assertEquals(14599, rec.inputs().get(0).rows());
        assertEquals(8, rec.inputs().get(0).columns());
        assertEquals(7, rec.inputs().get(1).rows());
    }

    private static Set<String> significant(final double[] padj, final List<String> genes) {
        Set<String> s = new HashSet<>();
        for (int g = 0; g < padj.length; g++) {
            if (padj[g] < 0.1) {
                s.add(genes.get(g));
            }
        }
        return s;
    }

    /** The reduced design reaches the engine: DESeq2's LRT (~ type + condition vs ~ type), more_pasilla_lrt_results.csv. */
    @Test
    void reducedDesignGivesDeseq2sLikelihoodRatioTest() throws Exception {
        NodeModelRunner r = configured("design", "~ type + condition", "contrast", "condition,treated,untreated",
            "reduced_design", "~ type");
        BufferedDataTable results = (BufferedDataTable)r.execute(pasillaCounts, pasillaSheet)[0];
        Table ref = ref("more_pasilla_lrt_results.csv");
        List<String> genes = Arrays.asList(ref.column("gene_id").toStringArray());
        assertEquals(genes, strings(results, "gene_id"));
        Deviations d = new Deviations();
        for (String q : List.of("log2FoldChange", "lfcSE", "stat", "dispersion")) {
            d.check(q, genes, doubles(results, q), ref.column(q).toDoubleArray(), 1e-4, 1e-12);
        }
        for (String q : List.of("pvalue", "padj")) {
            d.check(q, genes, doubles(results, q), ref.column(q).toDoubleArray(), 1e-3, 1e-12);
        }
        d.assertNone("pasilla LRT vs DESeq2");
        assertEquals("~ type", RnaseqFixtures.parameters(RnaseqFixtures.record(r, "rnaseq.deseq")).get("reduced"));
    }

    /** The shrinkage setting reaches the engine: lfcShrink(type = "normal"), more_pasilla_shrink_normal.csv. */
    @Test
    void normalShrinkageAsDeseq2sLfcShrink() throws Exception {
        NodeModelRunner r = pasillaCondition("shrink", "normal");
        BufferedDataTable results = (BufferedDataTable)r.execute(pasillaCounts, pasillaSheet)[0];
        Table ref = ref("more_pasilla_shrink_normal.csv");
        List<String> genes = Arrays.asList(ref.column("gene_id").toStringArray());
        Deviations d = new Deviations();
        for (String q : List.of("log2FoldChange", "lfcSE")) {
            d.check(q, genes, doubles(results, q), ref.column(q).toDoubleArray(), 1e-4, 1e-12);
        }
        for (String q : List.of("pvalue", "padj")) {
            d.check(q, genes, doubles(results, q), ref.column(q).toDoubleArray(), 1e-3, 1e-12);
        }
        d.assertNone("pasilla normal shrinkage vs DESeq2 lfcShrink");
        assertEquals("normal", RnaseqFixtures.parameters(RnaseqFixtures.record(r, "rnaseq.deseq")).get("shrink"));
    }

    // ------------------------------------------------------------------ execute: simulated milademetan data

    /**
     * The seed case: on the simulated milademetan data every p53 target comes out up (padj &lt; 0.1), the repressed
     * cell-cycle genes down, and every named gene's log2 fold change within 4 standard deviations of the simulated one
     * (the per-gene bounds of the testflow's expected/p53_truth.csv, see its make_expected.py).
     */
    @Test
    void milademetanP53TargetsComeOutUp() throws Exception {
        NodeModelRunner r = configured("design", "~ condition", "contrast", "condition,milademetan,DMSO");
        BufferedDataTable results = (BufferedDataTable)r.execute(p53Counts, p53Sheet)[0];
        Map<String, Integer> row = RnaseqFixtures.rowsByKey(results, "gene_id");
        double[] lfc = doubles(results, "log2FoldChange");
        double[] padj = doubles(results, "padj");
        Table truth = read(scenarioFile(P53, "expected/p53_truth.csv"), "gene_id", "role");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < truth.rowCount(); i++) {
            String gene = truth.column("gene_id").getString(i);
            String role = truth.column("role").getString(i);
            int g = row.get(gene).intValue();
            double dev = Math.abs(lfc[g] - truth.column("log2_fold_change").getDouble(i));
            System.out.printf(java.util.Locale.ROOT, "  %-10s %-10s log2FC %7.3f (truth %6.3f, |dev| %.3f <= %.3f) padj %.2g%n",
                gene, role, Double.valueOf(lfc[g]), Double.valueOf(truth.column("log2_fold_change").getDouble(i)),
                Double.valueOf(dev), Double.valueOf(truth.column("tolerance").getDouble(i)), Double.valueOf(padj[g]));
            if (!(dev <= truth.column("tolerance").getDouble(i))) {
                failures.add(gene + ": log2 fold change " + lfc[g] + " deviates " + dev + " from the simulated one");
            }
            if (role.equals("p53_target") && !(lfc[g] > 0 && padj[g] < 0.1)) {
                failures.add(gene + ": p53 target not found up (log2FC " + lfc[g] + ", padj " + padj[g] + ")");
            }
            if (role.equals("repressed") && !(lfc[g] < 0)) {
                failures.add(gene + ": repressed gene not found down (log2FC " + lfc[g] + ")");
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        PortObject[] one = configured("design", "~ condition", "contrast", "condition,milademetan,DMSO", "threads",
            Integer.valueOf(1)).execute(p53Counts, p53Sheet);
        PortObject[] four = configured("design", "~ condition", "contrast", "condition,milademetan,DMSO", "threads",
            Integer.valueOf(4)).execute(p53Counts, p53Sheet);
        for (String q : List.of("log2FoldChange", "lfcSE", "pvalue", "padj", "dispersion")) {
            assertArrayEquals(doubles((BufferedDataTable)one[0], q), doubles((BufferedDataTable)four[0], q), q);
        }
    }

    /** A long count table (gene, sample, count per row) gives exactly the results of the wide one. */
    @Test
    void longFormatGivesTheResultsOfTheWideTable() throws Exception {
        Table wide = read(scenarioFile(P53, "data/counts.csv"), "gene_id");
        List<String> gene = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        List<Integer> count = new ArrayList<>();
        // sample-major, so that the long table is not in gene order row by row
        for (String s : wide.columnNames().subList(1, wide.columnCount())) {
            for (int g = 0; g < wide.rowCount(); g++) {
                gene.add(wide.column("gene_id").getString(g));
                sample.add(s);
                count.add(Integer.valueOf((int)wide.column(s).getLong(g)));
            }
        }
        Table lng = Table.of("long", List.of(Column.ofStrings("gene", gene.toArray(new String[0])),
            Column.ofStrings("sample", sample.toArray(new String[0])),
            Column.ofInts("count", count.stream().mapToInt(Integer::intValue).toArray(), null)));
        NodeModelRunner r = configured("gene_id_column", "gene", "count_sample_column", "sample", "count_column", "count",
            "design", "~ condition", "contrast", "condition,milademetan,DMSO");
        PortObject[] l = r.execute(knime(lng), p53Sheet);
        PortObject[] w = configured("design", "~ condition", "contrast", "condition,milademetan,DMSO")
            .execute(p53Counts, p53Sheet);
        assertEquals(strings((BufferedDataTable)w[0], "gene_id"), strings((BufferedDataTable)l[0], "gene_id"));
        for (String q : List.of("baseMean", "log2FoldChange", "lfcSE", "stat", "pvalue", "padj", "dispersion")) {
            assertArrayEquals(doubles((BufferedDataTable)w[0], q), doubles((BufferedDataTable)l[0], q), q);
        }
        assertEquals(List.of("gene_id", "DMSO_1", "DMSO_2", "DMSO_3", "MIL_1", "MIL_2", "MIL_3"),
            Arrays.asList(((BufferedDataTable)l[1]).getDataTableSpec().getColumnNames()));
        assertEquals("Row0", StubTables.rows((BufferedDataTable)l[0]).get(0).getKey().getString(),
            "the rows of a long table are not genes: new row keys");
        Map<String, String> p = RnaseqFixtures.parameters(RnaseqFixtures.record(r, "rnaseq.deseq"));
        assertEquals("sample", p.get("count_sample_column"));
        assertEquals("count", p.get("count_column"));
    }

    // ------------------------------------------------------------------ bad input

    private static BufferedDataTable smallCounts(final Object... extraCell) {
        DataTableSpec s = spec("gene_id", StringCell.TYPE, "a1", DoubleCell.TYPE, "a2", DoubleCell.TYPE, "b1",
            DoubleCell.TYPE, "b2", DoubleCell.TYPE);
        // 200 genes, overdispersed (log-normal noise, SD 0.4) so that DESeq2's dispersion trend can be fitted
        java.util.Random random = new java.util.Random(20240601);
        List<DataRow> rows = new ArrayList<>();
        for (int g = 0; g < 200; g++) {
            double mu = 20 + 5 * g;
            double[] c = new double[4];
            for (int j = 0; j < 4; j++) {
                c[j] = Math.rint(mu * (j >= 2 && g % 10 == 0 ? 3 : 1) * Math.exp(0.4 * random.nextGaussian()));
            }
            rows.add(new DefaultRow("Row" + g, new StringCell("g" + g), new DoubleCell(c[0]), new DoubleCell(c[1]),
                new DoubleCell(c[2]), new DoubleCell(c[3])));
        }
        if (extraCell.length > 0) {
            DataRow r5 = rows.get(5);
            org.knime.core.data.DataCell c = extraCell[0] == null ? DataType.getMissingCell()
                : new DoubleCell(((Double)extraCell[0]).doubleValue());
            rows.set(5, new DefaultRow(r5.getKey(), r5.getCell(0), r5.getCell(1), c, r5.getCell(3), r5.getCell(4)));
        }
        return StubTables.of(s, rows);
    }

    private static BufferedDataTable smallSheet(final String... names) {
        DataTableSpec s = spec("sample", StringCell.TYPE, "condition", StringCell.TYPE);
        String[] cond = {"A", "A", "B", "B"};
        List<DataRow> rows = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            rows.add(new DefaultRow("Row" + i, new StringCell(names[i]), new StringCell(cond[i])));
        }
        return StubTables.of(s, rows);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
            Arguments.of(smallCounts(), smallSheet("a1", "a2", "b1", "bX"), "condition,B,A",
                List.of("do not match", "b2", "bX")),
            Arguments.of(smallCounts(), smallSheet("a1", "a2", "b1", "b2"), "condition,C,A",
                List.of("'C'")),
            Arguments.of(smallCounts(Double.valueOf(-3)), smallSheet("a1", "a2", "b1", "b2"), "condition,B,A",
                List.of("Count -3.0 for gene 'g5' in sample 'a2' is negative")),
            Arguments.of(smallCounts(Double.valueOf(2.5)), smallSheet("a1", "a2", "b1", "b2"), "condition,B,A",
                List.of("Count 2.5 for gene 'g5' in sample 'a2' is not a whole number")),
            Arguments.of(smallCounts(new Object[] {null}), smallSheet("a1", "a2", "b1", "b2"), "condition,B,A",
                List.of("Missing count for gene 'g5' in sample column 'a2'")));
    }

    /** Bad input fails the node with the engine's message, no output and no run record. */
    @ParameterizedTest
    @MethodSource("badInput")
    void badInputFailsNamingTheProblem(final BufferedDataTable counts, final BufferedDataTable sheet,
        final String contrast, final List<String> fragments) throws Exception {
        NodeModelRunner r = configured("contrast", contrast);
        r.configure(counts.getDataTableSpec(), sheet.getDataTableSpec());
        Exception e = assertThrows(Exception.class, () -> r.execute(counts, sheet));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), e.getMessage());
        }
        assertTrue(r.getPushedFlowVariables().isEmpty(), "no run record for a failed run");
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        NodeModelRunner r = configured("contrast", "condition,milademetan,DMSO");
        ExecutionContext exec = StubExecutionContexts.create();
        StubExecutionContexts.cancel(exec);
        assertThrows(CanceledExecutionException.class, () -> r.execute(exec, p53Counts, p53Sheet));
    }
}
