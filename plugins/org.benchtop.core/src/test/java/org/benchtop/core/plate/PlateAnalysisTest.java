package org.benchtop.core.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import javax.imageio.ImageIO;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.ColumnType;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The table-level facade against R: KcViab (make_expected.R, make_expected_edge.R; no exclusion, as
 * the reference), KcViab plate 6 with its flagged wells excluded (make_expected_extra.R) and a
 * simulated 1536-well screen with control/empty columns and missing values (make_expected_extra.R).
 * Tolerance {@code |Δ| ≤ 1e-9·|expected| + 1e-12} unless stated; NA patterns must match exactly.
 */
class PlateAnalysisTest {

    static final double REL = PlateEngineReferenceTest.REL;
    static final double ABS = PlateEngineReferenceTest.ABS;

    private static Table kc;
    private static Table sim;

    @BeforeAll
    static void read() {
        kc = table(KcViab.RAW);
        sim = table("sim1536_input.csv");
    }

    static Table table(String resource) {
        try (Reader r = new InputStreamReader(PlateAnalysisTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            return CsvReader.withDefaults().withStringColumns(Set.of("well")).read(r, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlateSettings kcSettings() {
        return PlateSettings.defaults(List.of("plate", "replicate"), "well", "value", "content");
    }

    /** Row index of each (key columns..., well) in a table. */
    static Map<String, Integer> rowIndex(Table t, String... keys) {
        Map<String, Integer> m = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            StringBuilder sb = new StringBuilder();
            for (String k : keys) {
                sb.append(t.column(k).getString(r)).append('/');
            }
            m.put(sb.toString(), Integer.valueOf(r));
        }
        return m;
    }

    @Test
    void kcViabNormalizeReproducesR() {
        NormalizeOutput out = PlateAnalysis.normalize(kc, kcSettings(), ProgressMonitor.NONE);
        Table t = out.table();
        assertEquals(PlateFormat.WELLS_384, out.format());
        List<String> expectedNames = new ArrayList<>(kc.columnNames());
        expectedNames.addAll(NormalizationMethod.names());
        assertEquals(expectedNames, t.columnNames());
        assertEquals(kc.rowCount(), t.rowCount());
        for (String c : kc.columnNames()) {
            assertEquals(kc.column(c), t.column(c), "input column " + c + " unchanged");
        }
        Map<String, Integer> idx = rowIndex(t, "plate", "replicate", "well");
        String[][] map = { { "pct_of_neg", "percent_of_negative" }, { "pct_of_pos", "percent_of_positive" },
                { "pct_inhibition", "percent_inhibition" }, { "zscore", "z_score" },
                { "robust_zscore", "robust_z_score" }, { "bscore_cellHTS2", "b_score" },
                { "plate_median_ratio", "plate_median_ratio" } };
        double max = 0;
        int n = 0;
        for (Map<String, String> r : RefCsv.read("expected_per_well_plates_1_2_3.csv")) {
            int row = idx.get(r.get("plate") + "/" + r.get("replicate") + "/" + r.get("well") + "/").intValue();
            for (String[] m : map) {
                max = Math.max(max, RefCsv.check(RefCsv.num(r, m[0]), t.column(m[1]).getDouble(row), REL, ABS,
                        m[1] + " " + r));
            }
            n++;
        }
        assertEquals(2304, n);
        System.out.printf("facade per-well (KcViab plates 1-3): max rel. deviation %.2e%n", Double.valueOf(max));
        assertTrue(out.warnings().isEmpty(), out.warnings().toString());
    }

    @Test
    void kcViabQcReproducesR() {
        QcOutput out = PlateAnalysis.qc(kc, kcSettings(), ProgressMonitor.NONE);
        Table t = out.table();
        assertEquals(114, t.rowCount());
        assertEquals(ColumnType.INT, t.column("plate").type());
        assertEquals(ColumnType.BOOLEAN, t.column("pass").type());
        Map<String, Integer> idx = rowIndex(t, "plate", "replicate");
        String[][] perPlate = { { "neg", "neg_mean" }, { "pos", "pos_mean" }, { "sample_mean", "sample_mean" },
                { "sample_sd", "sample_sd" }, { "sample_median", "sample_median" }, { "sample_mad", "sample_mad" },
                { "sample_cv_percent", "sample_cv_percent" }, { "signal_to_background", "signal_to_background" },
                { "medpolish_overall_cellHTS2", "medpolish_overall" }, { "mad_residual_cellHTS2", "residual_mad" } };
        double max = 0;
        for (Map<String, String> r : RefCsv.read("expected_per_plate.csv")) {
            int row = idx.get(r.get("plate") + "/" + r.get("replicate") + "/").intValue();
            for (String[] m : perPlate) {
                max = Math.max(max, RefCsv.check(RefCsv.num(r, m[0]), t.column(m[1]).getDouble(row), REL, ABS,
                        m[1] + " " + r.get("plate")));
            }
            assertEquals(1, t.column("n_neg").getLong(row));
            assertEquals(380, t.column("n_sample").getLong(row));
            assertEquals(2, t.column("n_other").getLong(row));
            assertTrue(Double.isNaN(t.column("z_prime").getDouble(row)), "one control well: Z' undefined");
            assertTrue(t.column("pass").isMissing(row));
        }
        String[] edge = { "edge_statistic", "edge_p_value", "edge_effect_size", "max_row_effect", "max_col_effect" };
        for (Map<String, String> r : RefCsv.read("expected_edge.csv")) {
            int row = idx.get(r.get("plate") + "/" + r.get("replicate") + "/").intValue();
            for (String c : edge) {
                max = Math.max(max, RefCsv.check(RefCsv.num(r, c), t.column(c).getDouble(row), REL, ABS, c));
            }
            RefCsv.check(RefCsv.num(r, "welch_t"), t.column("edge_welch_t").getDouble(row), REL, ABS, "t");
            RefCsv.check(RefCsv.num(r, "welch_p_value"), t.column("edge_welch_p_value").getDouble(row), REL, 0, "p");
        }
        System.out.printf("facade QC (114 plate-replicates): max rel. deviation %.2e%n", Double.valueOf(max));

        // screen QC per replicate: the second plate column groups the pooled controls
        Table s = out.screen();
        List<Map<String, String>> exp = RefCsv.read("expected_screen_qc.csv");
        assertEquals(exp.size(), s.rowCount());
        assertEquals(List.of("replicate", "scale", "statistics", "n_neg", "n_pos", "mean_neg", "mean_pos", "sd_neg",
                "sd_pos", "z_prime", "ssmd", "signal_to_background", "cv_neg_percent", "cv_pos_percent"),
                s.columnNames());
        double maxScreen = 0;
        for (int i = 0; i < exp.size(); i++) {
            Map<String, String> r = exp.get(i);
            assertEquals(r.get("replicate"), s.column("replicate").getString(i));
            assertEquals(r.get("scale"), s.column("scale").getString(i));
            assertEquals(r.get("statistics"), s.column("statistics").getString(i));
            for (String c : s.columnNames().subList(3, s.columnCount())) {
                maxScreen = Math.max(maxScreen, RefCsv.check(RefCsv.num(r, c), s.column(c).getDouble(i), REL, ABS,
                        c + " " + r));
            }
        }
        System.out.printf("facade screen QC: max rel. deviation %.2e%n", Double.valueOf(maxScreen));

        // effects table: overall + 16 rows + 24 columns per plate
        Table e = out.effects();
        assertEquals(114 * 41, e.rowCount());
        assertEquals("overall", e.column("effect").getString(0));
        assertEquals("A", e.column("position").getString(1));
        assertEquals("24", e.column("position").getString(40));
    }

    @Test
    void flaggedWellsAreExcludedFromStatisticsButStillNormalized() {
        PlateSettings s = kcSettings().withExcludeColumn("flagged");
        NormalizeOutput out = PlateAnalysis.normalize(kc, s, ProgressMonitor.NONE);
        Table t = out.table();
        Map<String, Integer> idx = rowIndex(t, "plate", "replicate", "well");
        double max = 0;
        int n = 0;
        for (Map<String, String> r : RefCsv.read("expected_plate6_flagged_excluded.csv")) {
            int row = idx.get(r.get("plate") + "/" + r.get("replicate") + "/" + r.get("well") + "/").intValue();
            for (String m : NormalizationMethod.names()) {
                max = Math.max(max, RefCsv.check(RefCsv.num(r, m), t.column(m).getDouble(row), REL, ABS,
                        m + " " + r));
            }
            if (r.get("flagged").equals("1")) {
                // excluded from the statistics, still written out
                assertFalse(Double.isNaN(t.column("z_score").getDouble(row)));
                // row A has no used sample left: no row effect, so no B-score (as R's medpolish)
                assertTrue(Double.isNaN(t.column("b_score").getDouble(row)));
            }
            n++;
        }
        assertEquals(768, n);
        System.out.printf("flagged excluded (plate 6): max rel. deviation %.2e%n", Double.valueOf(max));
        assertTrue(out.warnings().stream().anyMatch(w -> w.contains("2 of 114 plates") && w.contains("plate=6")),
                out.warnings().toString());

        QcOutput qc = PlateAnalysis.qc(kc, s, ProgressMonitor.NONE);
        QcOutput qcAll = PlateAnalysis.qc(kc, kcSettings(), ProgressMonitor.NONE);
        Map<String, Integer> q = rowIndex(qc.table(), "plate", "replicate");
        for (Map<String, String> r : RefCsv.read("expected_plate6_flagged_excluded_per_plate.csv")) {
            int row = q.get(r.get("plate") + "/" + r.get("replicate") + "/").intValue();
            for (String c : new String[] { "neg_mean", "pos_mean", "sample_mean", "sample_sd", "sample_median",
                    "sample_mad", "medpolish_overall", "residual_mad", "max_row_effect", "max_col_effect" }) {
                RefCsv.check(RefCsv.num(r, c), qc.table().column(c).getDouble(row), REL, ABS, c);
            }
            assertEquals((long) RefCsv.num(r, "n_sample"), qc.table().column("n_sample").getLong(row));
            assertEquals(24, qc.table().column("n_excluded").getLong(row));
            // without the exclusion column the contaminated row enters the statistics
            assertEquals(0, qcAll.table().column("n_excluded").getLong(row));
            assertNotEquals(qc.table().column("sample_mean").getDouble(row),
                    qcAll.table().column("sample_mean").getDouble(row));
        }
    }

    @Test
    void simulated1536ScreenReproducesR() {
        PlateSettings s = PlateSettings.defaults(List.of("plate", "batch"), "well", "value", "content");
        NormalizeOutput out = PlateAnalysis.normalize(sim, s, ProgressMonitor.NONE);
        assertEquals(PlateFormat.WELLS_1536, out.format());
        Table t = out.table();
        Map<String, Integer> idx = rowIndex(t, "plate", "well");
        double max = 0;
        int nan = 0;
        for (Map<String, String> r : RefCsv.read("expected_sim1536_per_well.csv")) {
            int row = idx.get(r.get("plate") + "/" + r.get("well") + "/").intValue();
            for (String m : NormalizationMethod.names()) {
                double e = RefCsv.num(r, m);
                nan += Double.isNaN(e) ? 1 : 0;
                max = Math.max(max, RefCsv.check(e, t.column(m).getDouble(row), REL, ABS, m + " " + r));
            }
        }
        assertTrue(nan > 2 * 4 * 32, "the reference has NA B-scores in the 4 sample-free columns");
        System.out.printf("1536 simulation per-well: max rel. deviation %.2e%n", Double.valueOf(max));
        assertTrue(out.warnings().stream().anyMatch(w -> w.contains("2 of 2 plates: some rows or columns")),
                out.warnings().toString());

        QcOutput qc = PlateAnalysis.qc(sim, s, ProgressMonitor.NONE);
        Map<String, Integer> q = rowIndex(qc.table(), "plate");
        for (Map<String, String> r : RefCsv.read("expected_sim1536_per_plate.csv")) {
            int row = q.get(r.get("plate") + "/").intValue();
            for (String c : new String[] { "neg_mean", "pos_mean", "sample_mean", "sample_sd", "sample_median",
                    "sample_mad", "medpolish_overall", "residual_mad", "max_row_effect", "max_col_effect",
                    "edge_statistic", "edge_p_value" }) {
                RefCsv.check(RefCsv.num(r, c), qc.table().column(c).getDouble(row), REL, ABS, c);
            }
            RefCsv.check(RefCsv.num(r, "welch_t"), qc.table().column("edge_welch_t").getDouble(row), REL, ABS, "t");
            RefCsv.check(RefCsv.num(r, "welch_p_value"), qc.table().column("edge_welch_p_value").getDouble(row), REL,
                    0, "p");
            assertEquals((long) RefCsv.num(r, "n_sample"), qc.table().column("n_sample").getLong(row));
            assertEquals(40, qc.table().column("n_missing").getLong(row));
            assertEquals(64, qc.table().column("n_empty").getLong(row));
            assertEquals(Boolean.TRUE, Boolean.valueOf(qc.table().column("pass").getBoolean(row)));
        }
        // S2 has a simulated +12 % outer ring: the edge test must flag it, S1 not
        assertTrue(qc.table().column("edge_p_value").getDouble(q.get("S2/").intValue()) < 1e-8);
        assertTrue(qc.table().column("edge_p_value").getDouble(q.get("S1/").intValue()) > 0.05);

        Table e = qc.effects();
        List<Map<String, String>> exp = RefCsv.read("expected_sim1536_medpolish_effects.csv");
        assertEquals(exp.size(), e.rowCount());
        for (int i = 0; i < exp.size(); i++) {
            RefCsv.check(RefCsv.num(exp.get(i), "value"), e.column("value").getDouble(i), REL, 1e-8,
                    exp.get(i).toString());
        }
        assertEquals(ColumnType.INT, qc.table().column("batch").type());
        assertNull(qc.screen().findColumn("plate").orElse(null));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        PlateSettings s = kcSettings();
        Table parallel = PlateAnalysis.normalize(kc, s, ProgressMonitor.NONE).table();
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            Table single = one.submit(() -> PlateAnalysis.normalize(kc, s, ProgressMonitor.NONE).table()).get();
            assertEquals(parallel, single);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void runGivesWhatNormalizeAndQcGive() {
        PlateSettings s = PlateSettings.defaults(List.of("plate", "batch"), "well", "value", "content");
        PlateOutput run = PlateAnalysis.run(sim, s, ProgressMonitor.NONE);
        NormalizeOutput n = PlateAnalysis.normalize(sim, s, ProgressMonitor.NONE);
        QcOutput q = PlateAnalysis.qc(sim, s, ProgressMonitor.NONE);
        assertEquals(n.table(), run.normalized());
        assertEquals(q.table(), run.qc());
        assertEquals(q.screen(), run.screen());
        assertEquals(q.effects(), run.effects());
        // per-row values written by the facade equal the per-well accessor
        for (int r = 0; r < sim.rowCount(); r += 97) {
            PlateResult pr = run.plates().get(r / 1536);
            int id = WellId.parse(sim.column("well").getString(r));
            int w = PlateFormat.WELLS_1536.index(WellId.row(id), WellId.column(id));
            assertEquals(pr.normalized(NormalizationMethod.B_SCORE, w), run.normalized().column("b_score")
                    .getDouble(r));
        }
    }

    @Test
    void methodsSubsetGivesOnlyThoseColumns() {
        PlateSettings s = kcSettings().withMethods(NormalizationMethod.parseList("b_score, percent_of_negative"));
        Table t = PlateAnalysis.normalize(kc, s, ProgressMonitor.NONE).table();
        List<Column> cols = t.columns();
        assertEquals("percent_of_negative", cols.get(cols.size() - 2).name());
        assertEquals("b_score", cols.get(cols.size() - 1).name());
        assertEquals(EnumSet.allOf(NormalizationMethod.class), NormalizationMethod.parseList("all"));
    }

    @Test
    void heatmapsArePngsOnePerPlate() throws IOException {
        PlateSettings s = PlateSettings.defaults(List.of("plate", "batch"), "well", "value", "content");
        List<PlateHeatmap> maps = PlateAnalysis.heatmaps(sim, s, "b_score", ProgressMonitor.NONE);
        assertEquals(2, maps.size());
        for (PlateHeatmap h : maps) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(h.png()));
            assertEquals(h.width(), img.getWidth());
            assertEquals(h.height(), img.getHeight());
            assertTrue(img.getWidth() >= 48 * 16 && img.getHeight() >= 32 * 16, "cells of at least 16 px");
        }
        assertEquals("plate=S1_batch=7_b_score.png", maps.get(0).fileName());
        // KcViab plate 6 (flagged row A crossed out), 384 wells
        StringBuilder six = new StringBuilder("plate,replicate,well,row,col,content,value,flagged\n");
        for (int r = 0; r < kc.rowCount(); r++) {
            if (kc.column("plate").getLong(r) == 6) {
                for (String c : kc.columnNames()) {
                    six.append(kc.column(c).getString(r)).append(c.equals("flagged") ? "\n" : ",");
                }
            }
        }
        Table plate6 = CsvReader.withDefaults().withStringColumns(Set.of("well")).read(
                new java.io.StringReader(six.toString()), "plate6.csv");
        List<PlateHeatmap> raw = PlateAnalysis.heatmaps(plate6, kcSettings().withExcludeColumn("flagged"), "value",
                ProgressMonitor.NONE);
        assertEquals(2, raw.size());
        assertEquals("plate=6, replicate=1", raw.get(0).plateName());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(raw.get(1).png()));
        assertTrue(img.getWidth() >= 24 * 32 && img.getHeight() >= 16 * 32, "384 wells: cells of at least 32 px");
    }
}
