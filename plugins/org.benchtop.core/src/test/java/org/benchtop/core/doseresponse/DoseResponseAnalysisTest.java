package org.benchtop.core.doseresponse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.CsvWriter;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;

/** The table-level facade: output columns, reference values through tables, bad input, options. */
class DoseResponseAnalysisTest {

    private static Table resource(String name) {
        try (Reader r = new InputStreamReader(DoseResponseAnalysisTest.class.getResourceAsStream(name),
                StandardCharsets.UTF_8)) {
            return CsvReader.withDefaults().read(r, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Table csv(String text) {
        return CsvReader.withDefaults().read(new StringReader(text), "test.csv");
    }

    private static final DoseResponseAnalysis ANALYSIS = DoseResponseAnalysis.withDefaults();

    @Test
    void ryegrassFitTableMatchesR() {
        DoseResponseSettings s = DoseResponseSettings.of("conc", "rootl").withEd(List.of(Double.valueOf(10),
                Double.valueOf(90)));
        DoseResponseAnalysis.Output out = ANALYSIS.run(resource("drc_ryegrass.csv"), s, null);
        Table f = out.fits();
        assertEquals(1, f.rowCount());
        assertEquals(List.of("model", "n", "hill_slope", "hill_slope_se", "hill_slope_lower", "hill_slope_upper", "bottom",
                "bottom_se", "bottom_lower", "bottom_upper", "top", "top_se", "top_lower", "top_upper", "ec50", "ec50_se",
                "ec50_lower", "ec50_upper", "asymmetry", "log10_ec50", "rse", "rss", "df", "r_squared", "aic",
                "iterations", "converged", "well_determined", "reason", "ed10", "ed10_se", "ed90", "ed90_se", "auc"),
                f.columnNames());
        for (Map<String, String> row : DoseResponseData.read("expected_dose_response_params.csv")) {
            if (!row.get("dataset").equals("ryegrass") || !row.get("model").equals("LL.4")) {
                continue;
            }
            String col = LogLogisticParameter.parse(row.get("param")).columnName();
            double est = DoseResponseData.num(row, "estimate");
            double se = DoseResponseData.num(row, "se");
            assertEquals(est, f.column(col).getDouble(0), 1e-4 * Math.abs(est), col);
            assertEquals(se, f.column(col + "_se").getDouble(0), 1e-3 * se, col + "_se");
            if (col.equals("ec50")) {
                // log-scale interval: 10^(log10 e -/+ t se / (e ln 10))
                double t = 2.085963447265837; // qt(0.975, 20)
                double sl = se / (est * Math.log(10));
                assertEquals(Math.pow(10, Math.log10(est) - t * sl), f.column("ec50_lower").getDouble(0), 1e-6);
                assertEquals(Math.pow(10, Math.log10(est) + t * sl), f.column("ec50_upper").getDouble(0), 1e-6);
            } else {
                assertEquals(DoseResponseData.num(row, "ci_low"), f.column(col + "_lower").getDouble(0), 1e-3 * se);
            }
            assertEquals(DoseResponseData.num(row, "rss"), f.column("rss").getDouble(0), 1e-8);
            assertEquals(20, f.column("df").getLong(0));
        }
        assertEquals(1.463709222, f.column("ed10").getDouble(0), 1e-3 * 1.46);
        assertEquals(0.8177007802, f.column("ed90_se").getDouble(0), 1e-3 * 0.82);
        assertEquals(1.0, f.column("asymmetry").getDouble(0));
        assertTrue(f.column("well_determined").getBoolean(0));
        assertEquals("", f.column("reason").getString(0));
        // the point table: every input row, fitted values as R
        Table p = out.points();
        assertEquals(List.of("dose", "response", "fitted", "residual", "outlier"), p.columnNames());
        assertEquals(24, p.rowCount());
        List<Map<String, String>> fitted = DoseResponseData.read("expected_dose_response_fitted.csv");
        int i = 0;
        for (Map<String, String> row : fitted) {
            if (row.get("dataset").equals("ryegrass") && row.get("model").equals("LL.4")) {
                assertEquals(DoseResponseData.num(row, "fitted"), p.column("fitted").getDouble(i), 1e-5);
                assertTrue(p.column("outlier").isMissing(i), "no outlier test without --robust");
                i++;
            }
        }
        assertEquals(24, i);
        assertNull(out.comparisons());
        assertTrue(out.plots().isEmpty());
    }

    @Test
    void groupsInOrderOfFirstAppearanceAndEstimatesAsR() {
        DoseResponseSettings s = DoseResponseSettings.of("DOSE", "SLOPE").withGroup(List.of("CURVE", "HERBICIDE"))
                .withSe(SeConvention.HESSIAN);
        DoseResponseAnalysis.Output out = ANALYSIS.run(resource("drc_spinach.csv"), s, null);
        Table f = out.fits();
        assertEquals(5, f.rowCount());
        assertEquals("CURVE", f.columnNames().get(0));
        assertEquals("HERBICIDE", f.columnNames().get(1));
        for (int g = 0; g < 5; g++) {
            assertEquals(g + 1, f.column("CURVE").getLong(g));
        }
        assertEquals("diuron", f.column("HERBICIDE").getString(4));
        // the joint fit in the reference has separate parameters per curve: same estimates
        for (Map<String, String> row : DoseResponseData.read("expected_dose_response_params.csv")) {
            if (!row.get("dataset").equals("spinach")) {
                continue;
            }
            int g = Integer.parseInt(row.get("curve")) - 1;
            String col = LogLogisticParameter.parse(row.get("param")).columnName();
            double est = DoseResponseData.num(row, "estimate");
            assertEquals(est, f.column(col).getDouble(g), Math.max(1e-4 * Math.abs(est), 1e-6), col + " curve " + (g + 1));
        }
        assertEquals(105, out.points().rowCount());
        assertEquals(List.of("CURVE", "HERBICIDE", "dose", "response", "fitted", "residual", "outlier"),
                out.points().columnNames());
    }

    @Test
    void sameOutputWhateverTheThreadCount() {
        DoseResponseSettings s = DoseResponseSettings.of("DOSE", "SLOPE").withGroup(List.of("CURVE")).withRobust(true)
                .withEd(List.of(Double.valueOf(20)));
        Table in = resource("drc_spinach.csv");
        DoseResponseAnalysis.Output one = DoseResponseAnalysis.withDefaults().withParallelism(1).run(in, s, null);
        DoseResponseAnalysis.Output four = DoseResponseAnalysis.withDefaults().withParallelism(4).run(in, s, null);
        assertArrayEquals(CsvWriter.canonicalCsv(one.fits()), CsvWriter.canonicalCsv(four.fits()));
        assertArrayEquals(CsvWriter.canonicalCsv(one.points()), CsvWriter.canonicalCsv(four.points()));
    }

    @Test
    void pointTableCanBeLeftOut() {
        DoseResponseSettings s = DoseResponseSettings.of("DOSE", "SLOPE").withGroup(List.of("CURVE")).withRobust(true);
        Table in = resource("drc_spinach.csv");
        DoseResponseAnalysis.Output all = ANALYSIS.run(in, s, null);
        DoseResponseAnalysis.Output fitsOnly = ANALYSIS.withPointTable(false).run(in, s, null);
        assertNull(fitsOnly.points());
        assertArrayEquals(CsvWriter.canonicalCsv(all.fits()), CsvWriter.canonicalCsv(fitsOnly.fits()));
        assertEquals(all.warnings(), fitsOnly.warnings());
    }

    /** Spinach with the rows of the curves interleaved (row i of every curve, then row i + 1, ...). */
    private static String interleavedSpinach() {
        Map<String, List<Map<String, String>>> byCurve = new LinkedHashMap<>();
        for (Map<String, String> row : DoseResponseData.read("drc_spinach.csv")) {
            byCurve.computeIfAbsent(row.get("CURVE"), c -> new ArrayList<>()).add(row);
        }
        StringBuilder sb = new StringBuilder("CURVE,HERBICIDE,DOSE,SLOPE\n");
        while (byCurve.values().stream().anyMatch(rows -> !rows.isEmpty())) {
            for (List<Map<String, String>> rows : byCurve.values()) {
                if (!rows.isEmpty()) {
                    Map<String, String> row = rows.remove(0);
                    sb.append(row.get("CURVE")).append(',').append(row.get("HERBICIDE")).append(',')
                            .append(row.get("DOSE")).append(',').append(row.get("SLOPE")).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void groupsDoNotDependOnTheRowOrder() {
        // each curve keeps the order of its own rows, so its fit is the same to the last bit
        Table contiguous = resource("drc_spinach.csv");
        Table interleaved = csv(interleavedSpinach());
        Table interleavedText = CsvReader.withDefaults().withStringColumns(Set.of("CURVE"))
                .read(new StringReader(interleavedSpinach()), "test.csv");
        for (List<String> group : List.of(List.of("CURVE"), List.of("HERBICIDE", "CURVE"))) {
            DoseResponseSettings s = DoseResponseSettings.of("DOSE", "SLOPE").withGroup(group);
            byte[] expected = CsvWriter.canonicalCsv(ANALYSIS.run(contiguous, s, null).fits());
            assertArrayEquals(expected, CsvWriter.canonicalCsv(ANALYSIS.run(interleaved, s, null).fits()), group.toString());
            if (group.size() == 1) {
                Table text = ANALYSIS.run(interleavedText, s, null).fits();
                assertEquals(5, text.rowCount());
                assertEquals("1", text.column("CURVE").getString(0));
                assertEquals(ANALYSIS.run(contiguous, s, null).fits().column("ec50").getDouble(4),
                        text.column("ec50").getDouble(4));
            }
        }
    }

    @Test
    void fTestsAsRAnova() {
        List<Map<String, String>> ref = DoseResponseData.read("expected_f_tests.csv");
        // LL.3 vs LL.4 on ryegrass
        DoseResponseAnalysis.Output rg = ANALYSIS.run(resource("drc_ryegrass.csv"),
                DoseResponseSettings.of("conc", "rootl").withCompare(true), null);
        checkF(ref.get(0), rg.comparisons(), 0);
        // one curve vs separate curves on S.alba (LL.4)
        DoseResponseAnalysis.Output sa = ANALYSIS.run(resource("drc_S.alba.csv"),
                DoseResponseSettings.of("Dose", "DryMatter").withGroup(List.of("Herbicide")).withCompare(true), null);
        assertEquals("(all groups)", sa.comparisons().column("group").getString(0));
        checkF(ref.get(1), sa.comparisons(), 0);
        assertEquals(3, sa.comparisons().rowCount(), "shared vs separate + c = 0 vs c estimated per herbicide");
    }

    private static void checkF(Map<String, String> ref, Table t, int row) {
        assertEquals(DoseResponseData.num(ref, "rss_null"), t.column("rss_null").getDouble(row), 1e-6 * DoseResponseData.num(ref, "rss_null"));
        assertEquals((long) DoseResponseData.num(ref, "df_null"), t.column("df_null").getLong(row));
        assertEquals(DoseResponseData.num(ref, "rss_alternative"), t.column("rss_alternative").getDouble(row),
                1e-6 * DoseResponseData.num(ref, "rss_alternative"));
        assertEquals((long) DoseResponseData.num(ref, "df_alternative"), t.column("df_alternative").getLong(row));
        assertEquals(DoseResponseData.num(ref, "f"), t.column("f").getDouble(row), 1e-5 * DoseResponseData.num(ref, "f"));
        assertEquals(DoseResponseData.num(ref, "p_value"), t.column("p_value").getDouble(row),
                1e-4 * DoseResponseData.num(ref, "p_value"));
    }

    @Test
    void robustOptionFlagsAndExcludesAnOutlier() {
        StringBuilder sb = new StringBuilder("conc,rootl\n");
        List<Map<String, String>> rows = DoseResponseData.read("drc_ryegrass.csv");
        for (int i = 0; i < rows.size(); i++) {
            String y = i == 16 ? "7.5" : rows.get(i).get("rootl"); // dose 7.5: 0.857 -> 7.5
            sb.append(rows.get(i).get("conc")).append(',').append(y).append('\n');
        }
        Table in = csv(sb.toString());
        DoseResponseAnalysis.Output plain = ANALYSIS.run(in, DoseResponseSettings.of("conc", "rootl"), null);
        DoseResponseAnalysis.Output robust = ANALYSIS.run(in, DoseResponseSettings.of("conc", "rootl").withRobust(true)
                .withPlots(true), null);
        assertEquals(1, robust.fits().column("outliers").getLong(0));
        assertEquals(23, robust.fits().column("n").getLong(0));
        assertTrue(robust.points().column("outlier").getBoolean(16));
        assertFalse(robust.points().column("outlier").getBoolean(15));
        // the refit without the outlier is close to the clean data's fit (ec50 3.058), the plain one is not
        double clean = 3.057955169;
        assertTrue(Math.abs(robust.fits().column("ec50").getDouble(0) - clean) < 0.1);
        assertTrue(Math.abs(plain.fits().column("ec50").getDouble(0) - clean) > 0.5);
        // the excluded point keeps its fitted value and residual in the point table
        assertTrue(robust.points().column("residual").getDouble(16) > 5);
        assertTrue(robust.warnings().get(0).contains("1 outliers flagged"));
        byte[] png = robust.plots().get(0).png();
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals("dose_response_all.png", robust.plots().get(0).fileName());
    }

    @Test
    void missingValuesAreDroppedWithAWarning() {
        Table in = csv("g,dose,resp\na,0,100\na,1,95\na,3,\na,10,30\na,30,10\na,100,5\na,,50\n");
        DoseResponseAnalysis.Output out = ANALYSIS.run(in, DoseResponseSettings.of("dose", "resp").withGroup(List.of("g")), null);
        assertEquals(5, out.fits().column("n").getLong(0));
        assertTrue(out.warnings().get(0).startsWith("2 rows with a missing dose or response"), out.warnings().toString());
        assertTrue(out.warnings().get(0).contains("test.csv line 4"), out.warnings().get(0));
        assertEquals(7, out.points().rowCount());
        assertTrue(Double.isNaN(out.points().column("residual").getDouble(2)));
        assertFalse(Double.isNaN(out.points().column("fitted").getDouble(2)), "fitted at dose 3");
    }

    @Test
    void notWellDeterminedCurvesHaveNoEc50() {
        // S.alba up to 20 g/ha: nearly flat, no finite optimum
        StringBuilder sb = new StringBuilder("Herbicide,Dose,DryMatter\n");
        for (Map<String, String> row : DoseResponseData.read("drc_S.alba.csv")) {
            if (Double.parseDouble(row.get("Dose")) <= 20 || row.get("Herbicide").equals("Bentazone")) {
                sb.append(row.get("Herbicide")).append(',').append(row.get("Dose")).append(',').append(row.get("DryMatter"))
                        .append('\n');
            }
        }
        DoseResponseAnalysis.Output out = ANALYSIS.run(csv(sb.toString()),
                DoseResponseSettings.of("Dose", "DryMatter").withGroup(List.of("Herbicide")).withPlots(true), null);
        Table f = out.fits();
        int gly = f.column("Herbicide").getString(0).equals("Glyphosate") ? 0 : 1;
        assertFalse(f.column("well_determined").getBoolean(gly));
        assertTrue(f.column("ec50").isMissing(gly));
        assertTrue(f.column("ec50_lower").isMissing(gly));
        assertTrue(f.column("log10_ec50").isMissing(gly));
        assertFalse(f.column("reason").getString(gly).isEmpty());
        assertTrue(f.column("well_determined").getBoolean(1 - gly));
        assertFalse(f.column("ec50").isMissing(1 - gly));
        assertTrue(out.warnings().stream().anyMatch(w -> w.startsWith("1 of 2 curves are not well determined")));
        assertEquals(2, out.plots().size());
    }

    // ------------------------------------------------------------------------------ bad input

    private static DoseResponseException bad(Table in, DoseResponseSettings s) {
        DoseResponseException e = assertThrows(DoseResponseException.class, () -> ANALYSIS.run(in, s, null));
        assertEquals(BenchtopException.Kind.BAD_INPUT, e.kind());
        return e;
    }

    private static final DoseResponseSettings BY_G = DoseResponseSettings.of("dose", "resp").withGroup(List.of("g"));

    @Test
    void missingColumnListsTheColumns() {
        DoseResponseException e = bad(csv("g,dose,resp\na,1,2\n"), DoseResponseSettings.of("conc", "resp"));
        assertTrue(e.getMessage().contains("No dose column 'conc' in test.csv; its columns are: g, dose, resp"), e.getMessage());
        bad(csv("g,dose,resp\na,1,2\n"), BY_G.withGroup(List.of("plate")));
    }

    @Test
    void nonNumericValueNamesTheLine() {
        DoseResponseException e = bad(csv("g,dose,resp\na,0,100\na,1,90\na,3,abc\na,10,20\na,30,5\n"), BY_G);
        assertTrue(e.getMessage().contains("'resp' must be numeric") && e.getMessage().contains("test.csv line 4")
                && e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void negativeDoseNamesGroupAndLine() {
        DoseResponseException e = bad(csv("g,dose,resp\na,0,100\na,1,90\na,3,50\na,10,20\na,30,5\n"
                + "b,0,100\nb,-1,90\nb,3,50\nb,10,20\nb,30,5\n"), BY_G);
        assertTrue(e.getMessage().contains("g='b'") && e.getMessage().contains("negative dose -1.0")
                && e.getMessage().contains("test.csv line 8"), e.getMessage());
    }

    @Test
    void tooFewPointsConstantAllMissingOnlyControls() {
        String a = "g,dose,resp\na,0,100\na,1,90\na,3,50\na,10,20\na,30,5\n";
        assertTrue(bad(csv(a + "b,1,5\nb,10,3\nb,100,1\n"), BY_G).getMessage()
                .contains("g='b' has 3 usable points (first at test.csv line 7) but model LL.4 estimates 4 parameters"));
        assertTrue(bad(csv(a + "b,1,5\nb,10,5\nb,100,5\nb,1000,5\n"), BY_G).getMessage().contains("constant response"));
        assertTrue(bad(csv(a + "b,1,\nb,10,\n"), BY_G).getMessage()
                .contains("g='b' has no row with both a dose and a response (all 2 rows missing, the first at test.csv line 7)"));
        assertTrue(bad(csv(a + "b,0,5\nb,0,4\nb,0,3\nb,0,2\n"), BY_G).getMessage().contains("only controls"));
        assertTrue(bad(csv(a + ",1,5\n"), BY_G).getMessage().contains("missing value at test.csv line 7"));
    }

    @Test
    void badSettings() {
        assertThrows(DoseResponseException.class, () -> DoseResponseSettings.parseAssignments("c:0"));
        assertThrows(DoseResponseException.class, () -> DoseResponseSettings.parseAssignments("z=1"));
        assertThrows(DoseResponseException.class, () -> DoseResponseSettings.parseAssignments("c=abc"));
        assertEquals(Map.of(LogLogisticParameter.BOTTOM, Double.valueOf(0), LogLogisticParameter.TOP, Double.valueOf(100)),
                DoseResponseSettings.parseAssignments("c=0, top=100"));
        Table in = csv("dose,resp\n0,100\n1,90\n3,50\n10,20\n30,5\n");
        DoseResponseSettings all = DoseResponseSettings.of("dose", "resp").withModel(LogLogisticModel.LL2)
                .withFix(DoseResponseSettings.parseAssignments("b=1,e=3"));
        assertTrue(bad(in, all).getMessage().contains("leaves no parameter"));
        assertThrows(DoseResponseException.class, () -> DoseResponseSettings.of("dose", "resp").withEd(List.of(Double.valueOf(100))));
        assertThrows(DoseResponseException.class, () -> DoseResponseSettings.of("", "resp"));
    }
}
