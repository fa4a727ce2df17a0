package org.benchtop.core.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.benchtop.core.ProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine against R on the KcViab screen (make_expected.R, make_expected_edge.R): per-well
 * normalizations and median-polish effects of plates 1–3, per-plate statistics of all 114
 * plate-replicates, the screen QC and the edge tests. Flagged wells are NOT excluded, as in the
 * reference. Tolerance: {@code |Δ| ≤ 1e-9·|expected| + 1e-12}; NA patterns must match.
 */
class PlateEngineReferenceTest {

    static final double REL = 1e-9;
    static final double ABS = 1e-12;

    private static Map<String, PlateData> plates;
    private static Map<String, PlateResult> results;

    @BeforeAll
    static void analyze() {
        plates = KcViab.plates(false);
        PlateEngine engine = PlateEngine.of(EnumSet.allOf(NormalizationMethod.class)).withQc(true);
        List<PlateResult> list = engine.analyzeAll(new ArrayList<>(plates.values()), ProgressMonitor.NONE);
        results = new TreeMap<>();
        int i = 0;
        for (String key : plates.keySet()) {
            results.put(key, list.get(i++));
        }
        assertEquals(114, results.size());
    }

    private static final String[][] PER_WELL = { { "pct_of_neg", "PERCENT_OF_NEGATIVE" },
            { "pct_of_pos", "PERCENT_OF_POSITIVE" }, { "pct_inhibition", "PERCENT_INHIBITION" },
            { "zscore", "Z_SCORE" }, { "robust_zscore", "ROBUST_Z_SCORE" }, { "bscore_cellHTS2", "B_SCORE" },
            { "plate_median_ratio", "PLATE_MEDIAN_RATIO" } };

    @Test
    void perWellNormalizationsOfPlates1To3() {
        List<Map<String, String>> rows = RefCsv.read("expected_per_well_plates_1_2_3.csv");
        assertEquals(2304, rows.size());
        double[] maxDev = new double[PER_WELL.length];
        for (Map<String, String> r : rows) {
            PlateResult res = results.get(KcViab.key(r.get("plate"), r.get("replicate")));
            int id = WellId.parse(r.get("well"));
            int w = res.plate().format().index(WellId.row(id), WellId.column(id));
            assertEquals(RefCsv.num(r, "value"), res.plate().value(w));
            for (int m = 0; m < PER_WELL.length; m++) {
                NormalizationMethod method = NormalizationMethod.valueOf(PER_WELL[m][1]);
                double dev = RefCsv.check(RefCsv.num(r, PER_WELL[m][0]), res.normalized(method, w), REL, ABS,
                        method.columnName() + " " + r.get("plate") + "/" + r.get("replicate") + " " + r.get("well"));
                maxDev[m] = Math.max(maxDev[m], dev);
            }
            // the raw cellHTS2 residual behind the B-score
            double resid = res.normalized(NormalizationMethod.B_SCORE, w) * res.residualMad();
            RefCsv.check(RefCsv.num(r, "bscore_residual_cellHTS2"), resid, REL, 1e-6, "residual " + r.get("well"));
        }
        for (int m = 0; m < PER_WELL.length; m++) {
            System.out.printf("per-well %-20s max rel. deviation %.2e%n", PER_WELL[m][1], Double.valueOf(maxDev[m]));
        }
    }

    @Test
    void medianPolishEffectsOfPlates1To3() {
        double max = 0;
        int n = 0;
        for (Map<String, String> r : RefCsv.read("expected_medpolish_effects_plates_1_2_3.csv")) {
            PlateData plate = plates.get(KcViab.key(r.get("plate"), r.get("replicate")));
            MedianPolish.Result mp;
            if (r.get("variant").equals("cellHTS2")) {
                mp = results.get(KcViab.key(r.get("plate"), r.get("replicate"))).polish();
            } else {
                mp = MedianPolish.withDefaults().fit(plate.values(), 16, 24); // "plain": all 384 wells
            }
            String e = r.get("effect");
            double actual = e.equals("overall") ? mp.overall()
                    : e.startsWith("row") ? mp.rowEffect(Integer.parseInt(e.substring(3)) - 1)
                            : mp.columnEffect(Integer.parseInt(e.substring(3)) - 1);
            // effects near 0 are differences of numbers ~1e6: absolute tolerance 1e-6 (1e-12 of the data scale)
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "value"), actual, REL, 1e-6, r.toString()));
            n++;
        }
        assertEquals(492, n);
        System.out.printf("medpolish effects: max rel. deviation %.2e%n", Double.valueOf(max));
    }

    @Test
    void plainBScoreOfPlates1To3() {
        double max = 0;
        for (Map<String, String> r : RefCsv.read("expected_per_well_plates_1_2_3.csv")) {
            PlateData plate = plates.get(KcViab.key(r.get("plate"), r.get("replicate")));
            MedianPolish.Result mp = MedianPolish.withDefaults().fit(plate.values(), 16, 24);
            double[] res = mp.residuals();
            double mad = org.benchtop.core.stats.Mad.of(res);
            int id = WellId.parse(r.get("well"));
            int w = WellId.row(id) * 24 + WellId.column(id);
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "bscore_plain"), res[w] / mad, REL, ABS, r.get("well")));
            RefCsv.check(RefCsv.num(r, "bscore_residual_plain"), res[w], REL, 1e-6, r.get("well"));
        }
        System.out.printf("plain B-score: max rel. deviation %.2e%n", Double.valueOf(max));
    }

    @Test
    void perPlateStatisticsOfAll114PlateReplicates() {
        List<Map<String, String>> rows = RefCsv.read("expected_per_plate.csv");
        assertEquals(114, rows.size());
        double max = 0;
        for (Map<String, String> r : rows) {
            PlateResult res = results.get(KcViab.key(r.get("plate"), r.get("replicate")));
            String at = r.get("plate") + "/" + r.get("replicate") + " ";
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "neg"), res.negative().mean(), REL, ABS, at + "neg"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "pos"), res.positive().mean(), REL, ABS, at + "pos"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "sample_mean"), res.samples().mean(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "sample_sd"), res.samples().sd(), REL, ABS, at + "sd"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "sample_median"), res.samples().median(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "sample_mad"), res.samples().mad(), REL, ABS, at + "mad"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "sample_cv_percent"), res.samples().cvPercent(), REL, ABS,
                    at + "cv"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "signal_to_background"),
                    res.separation().signalToBackground(), REL, ABS, at + "S/B"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "medpolish_overall_cellHTS2"), res.polish().overall(), REL,
                    ABS, at + "overall"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "mad_residual_cellHTS2"), res.residualMad(), REL, ABS,
                    at + "residual MAD"));
            MedianPolish.Result plain = MedianPolish.withDefaults().fit(res.plate().values(), 16, 24);
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "medpolish_overall_plain"), plain.overall(), REL, ABS,
                    at + "plain overall"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "mad_residual_plain"),
                    org.benchtop.core.stats.Mad.of(plain.residuals()), REL, ABS, at + "plain residual MAD"));
            // one well per control: SD and Z' undefined, the plate's pass flag is missing
            assertEquals(1, res.counts().negative());
            assertTrue(Double.isNaN(res.separation().zPrime()));
            assertEquals(null, res.pass());
        }
        System.out.printf("per-plate statistics: max rel. deviation %.2e%n", Double.valueOf(max));
    }

    @Test
    void screenQcPooledPerReplicate() {
        List<Map<String, String>> rows = RefCsv.read("expected_screen_qc.csv");
        assertEquals(8, rows.size());
        double max = 0;
        for (Map<String, String> r : rows) {
            boolean ratio = r.get("scale").equals("plate_median_ratio");
            List<Double> neg = new ArrayList<>();
            List<Double> pos = new ArrayList<>();
            for (PlateResult res : results.values()) {
                if (!res.plate().key().get(1).equals(r.get("replicate"))) {
                    continue;
                }
                for (int w = 0; w < 384; w++) {
                    double v = ratio ? res.normalized(NormalizationMethod.PLATE_MEDIAN_RATIO, w) : res.plate().value(w);
                    if (res.plate().contentOf(w) == WellContent.NEGATIVE) {
                        neg.add(Double.valueOf(v));
                    } else if (res.plate().contentOf(w) == WellContent.POSITIVE) {
                        pos.add(Double.valueOf(v));
                    }
                }
            }
            ScreenQc.Statistics st = r.get("statistics").equals("mean/SD") ? ScreenQc.Statistics.MEAN_SD
                    : ScreenQc.Statistics.MEDIAN_MAD;
            ScreenQc.Result q = ScreenQc.of(toArray(neg), toArray(pos), st);
            assertEquals(st.label(), r.get("statistics"));
            assertEquals((int) RefCsv.num(r, "n_neg"), q.nNeg());
            assertEquals((int) RefCsv.num(r, "n_pos"), q.nPos());
            String at = r.toString();
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "mean_neg"), q.locationNeg(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "mean_pos"), q.locationPos(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "sd_neg"), q.spreadNeg(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "sd_pos"), q.spreadPos(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "z_prime"), q.zPrime(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "ssmd"), q.ssmd(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "signal_to_background"), q.signalToBackground(), REL, ABS,
                    at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "cv_neg_percent"), q.cvNegPercent(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "cv_pos_percent"), q.cvPosPercent(), REL, ABS, at));
        }
        System.out.printf("screen QC: max rel. deviation %.2e%n", Double.valueOf(max));
    }

    @Test
    void edgeTestsOfAll114PlateReplicates() {
        List<Map<String, String>> rows = RefCsv.read("expected_edge.csv");
        assertEquals(114, rows.size());
        double maxP = 0;
        double max = 0;
        for (Map<String, String> r : rows) {
            PlateResult res = results.get(KcViab.key(r.get("plate"), r.get("replicate")));
            EdgeEffectTest.Result e = res.edge();
            String at = r.get("plate") + "/" + r.get("replicate") + " ";
            assertEquals((int) RefCsv.num(r, "n_outer"), e.nOuter());
            assertEquals((int) RefCsv.num(r, "n_inner"), e.nInner());
            assertEquals(RefCsv.num(r, "median_outer"), e.medianOuter());
            assertEquals(RefCsv.num(r, "median_inner"), e.medianInner());
            assertEquals(RefCsv.num(r, "edge_statistic"), e.w(), at + "W");
            maxP = Math.max(maxP, RefCsv.check(RefCsv.num(r, "edge_p_value"), e.pValue(), REL, 0, at + "p"));
            maxP = Math.max(maxP, RefCsv.check(RefCsv.num(r, "welch_p_value"), e.welchPValue(), REL, 0, at + "Welch p"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "edge_effect_size"), e.effectSize(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "welch_t"), e.welchT(), REL, ABS, at + "t"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "welch_df"), e.welchDf(), REL, ABS, at + "df"));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "max_row_effect"), res.maxRowEffect(), REL, ABS, at));
            max = Math.max(max, RefCsv.check(RefCsv.num(r, "max_col_effect"), res.maxColumnEffect(), REL, ABS, at));
        }
        System.out.printf("edge tests: max rel. deviation p-values %.2e, other %.2e%n", Double.valueOf(maxP),
                Double.valueOf(max));
    }

    private static double[] toArray(List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i).doubleValue();
        }
        return a;
    }
}
