package org.benchtop.core.qpcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge cases and bad input of the qPCR engines: every failure is BAD_INPUT with a useful message. */
class QpcrEdgeCaseTest {

    static final QpcrAnalysis QA = QpcrAnalysis.create();

    static QpcrException bad(Executable e, String... parts) {
        QpcrException x = assertThrows(QpcrException.class, e);
        assertEquals(BenchtopException.Kind.BAD_INPUT, x.kind());
        for (String p : parts) {
            assertTrue(x.getMessage().contains(p), "'" + p + "' not in: " + x.getMessage());
        }
        return x;
    }

    /** rows of sample, group, target, cq (text), type, quantity. */
    static Table table(String... rows) {
        int n = rows.length;
        String[][] c = new String[5][n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = rows[i].split(",", -1);
            for (int k = 0; k < 5; k++) {
                c[k][i] = k < f.length && !f[k].isEmpty() ? f[k] : null;
            }
            q[i] = f.length > 5 && !f[5].isEmpty() ? Double.parseDouble(f[5]) : Double.NaN;
        }
        return Table.of("plate.csv", List.of(Column.ofStrings("sample", c[0]), Column.ofStrings("group", c[1]),
                Column.ofStrings("target", c[2]), Column.ofStrings("cq", c[3]), Column.ofStrings("type", c[4]),
                Column.ofDoubles("quantity", q)));
    }

    static QuantifySettings settings(String... refs) {
        return QuantifySettings.of("sample", "group", "target", "cq", List.of(refs), "ctrl")
                .withOptionalColumns(null, "type", "quantity", null);
    }

    static final String[] GOOD = {"a1,ctrl,GAPDH,20.0", "a1,ctrl,p21,25.0", "a2,ctrl,GAPDH,20.4", "a2,ctrl,p21,25.2",
        "b1,trt,GAPDH,20.1", "b1,trt,p21,23.0", "b2,trt,GAPDH,19.8", "b2,trt,p21,22.9"};

    static String[] with(String... extra) {
        List<String> l = new ArrayList<>(List.of(GOOD));
        l.addAll(List.of(extra));
        return l.toArray(new String[0]);
    }

    @Test
    void emptyInput() {
        bad(() -> QA.quantify(table(), settings("GAPDH"), null), "no rows");
    }

    @Test
    void referenceGeneMissingInASample() {
        bad(() -> QA.quantify(table(with("c1,trt,p21,23.3")), settings("GAPDH"), null),
                "Reference gene 'GAPDH' is missing in sample 'c1' (group 'trt')");
        bad(() -> QA.quantify(table(with("c1,trt,p21,23.3", "c1,trt,GAPDH,Undetermined")), settings("GAPDH"), null),
                "'GAPDH' is not detected in sample 'c1'", "non-detects");
        bad(() -> QA.quantify(table(GOOD), settings("ACTB"), null), "Reference gene 'ACTB' is not among the targets",
                "GAPDH, p21");
        bad(() -> QA.quantify(table(GOOD), settings(), null), "needs at least one reference gene");
    }

    @Test
    void calibratorAbsent() {
        bad(() -> QA.quantify(table(GOOD), QuantifySettings.of("sample", "group", "target", "cq", List.of("GAPDH"),
                "control"), null), "Calibrator group 'control' is absent", "ctrl, trt");
        bad(() -> LivakDdcq.withDefaults().compute("t", "r", new String[] {"a", "b"}, new double[] {1, 2},
                new double[] {1, 2}, "c"), "Calibrator group 'c' is absent", "a, b");
    }

    @Test
    void pfafflNeedsStandardsOrEfficiency() {
        QuantifySettings s = settings("GAPDH").withMethod(QuantifySettings.Method.PFAFFL);
        bad(() -> QA.quantify(table(GOOD), s, null), "Target 'p21' has no standards", "--efficiency p21=E");
        // standards for both genes but only 2 dilution levels for p21
        String[] std = with("S1,,GAPDH,15,std,1000", "S2,,GAPDH,18.3,std,100", "S3,,GAPDH,21.6,std,10",
                "S1,,p21,20,std,1000", "S2,,p21,23.4,std,100", "S2b,,p21,23.5,std,100");
        bad(() -> QA.quantify(table(std), s, null), "Standard curve of target 'p21' has 2 dilution level(s)",
                "at least 3");
        // with a third dilution level the efficiencies come from the standard curves
        String[] std3 = with("S1,,GAPDH,15,std,1000", "S2,,GAPDH,18.3,std,100", "S3,,GAPDH,21.6,std,10",
                "S1,,p21,20,std,1000", "S2,,p21,23.4,std,100", "S3,,p21,26.9,std,10");
        QpcrAnalysis.QuantifyOutput os = QA.quantify(table(std3), s, null);
        assertEquals("standard curve", os.efficiencies().column("source").getString(0));
        assertEquals(Math.pow(10, 1 / 3.45), os.efficiencies().column("amplification_factor").getDouble(0), 1e-12);
        // given efficiencies are enough
        QpcrAnalysis.QuantifyOutput o = QA.quantify(table(GOOD), s.withEfficiency(QuantifySettings
                .parseEfficiencies("p21=1.9,GAPDH=98")), null);
        assertEquals(2, o.results().rowCount());
        bad(() -> QuantifySettings.parseEfficiencies("p21=0.9"), "out of range");
        bad(() -> QuantifySettings.parseEfficiencies("p21"), "not TARGET=E");
    }

    @Test
    void standardCurveEdgeCases() {
        bad(() -> StandardCurve.withDefaults().fit("g", new double[] {1, 10}, new double[] {30, 27}), "2 dilution",
                "at least 3");
        bad(() -> StandardCurve.withDefaults().fit("g", new double[] {1, 10, 100, 1000},
                new double[] {30, 27, Double.NaN, Double.NaN}), "2 dilution");
        bad(() -> StandardCurve.withDefaults().fit("g", new double[] {0, 10, 100}, new double[] {30, 27, 24}),
                "quantity 0.0");
        StandardCurve.Result flat = StandardCurve.withDefaults().fit("g", new double[] {1, 10, 100},
                new double[] {30, 30, 30});
        assertTrue(flat.warnings().get(0).contains("non-negative slope"), flat.warnings().toString());
        StandardCurve.Result exact = StandardCurve.withDefaults().fit("g", new double[] {1, 10, 100},
                new double[] {30, 30 - 3.321928094887362, 30 - 2 * 3.321928094887362});
        assertEquals(2.0, exact.amplificationFactor(), 1e-12);
        assertEquals(1.0, exact.rSquared(), 1e-12);
        assertEquals(0.0, exact.seSlope(), 1e-9);
        bad(() -> QA.standardCurve(table(GOOD), StandardCurveSettings.of("sample", "target", "cq", "quantity"), null),
                "has no standards");
    }

    @Test
    void oneSamplePerGroupAndConstantValues() {
        LivakDdcq.Result r = LivakDdcq.withDefaults().compute("t", "r", new String[] {"c", "x"},
                new double[] {25, 23}, new double[] {20, 20}, "c");
        assertEquals(-2, r.row("x").deltaDeltaCq(), 0);
        assertEquals(4, r.row("x").relativeExpression(), 0);
        assertTrue(Double.isNaN(r.row("x").error()));
        assertEquals(2, r.warnings().size());
        // constant Cq: error 0, tests skipped with a warning, no exception
        QpcrAnalysis.QuantifyOutput o = QA.quantify(table("a1,ctrl,GAPDH,20", "a1,ctrl,p21,25", "a2,ctrl,GAPDH,20",
                "a2,ctrl,p21,25", "b1,trt,GAPDH,20", "b1,trt,p21,25", "b2,trt,GAPDH,20", "b2,trt,p21,25"),
                settings("GAPDH"), null);
        assertEquals(0, o.results().column("error").getDouble(1), 0);
        assertEquals(1, o.results().column("relative_expression").getDouble(1), 0);
        assertTrue(o.warnings().stream().anyMatch(w -> w.startsWith("No Welch t-test")), o.warnings().toString());
    }

    @Test
    void nanAndNonDetectsInEngines() {
        LivakDdcq.Result r = LivakDdcq.withDefaults().withMode(LivakDdcq.Mode.SAME_TUBE).compute("t", "r",
                new String[] {"c", "c", "c", "x", "x"}, new double[] {25, Double.NaN, 25.2, 23, 23.4},
                new double[] {20, 20.1, 20.2, 20, 20.2}, "c");
        assertEquals(2, r.row("c").n());
        assertTrue(r.warnings().get(0).contains("1 of 3 samples"), r.warnings().toString());
        bad(() -> LivakDdcq.withDefaults().compute("t", "r", new String[] {"c", "x"},
                new double[] {25, Double.NaN}, new double[] {20, 20}, "c"), "No usable Cq for 't' in group 'x'");
        bad(() -> Cq.parse("abc", 40, "plate.csv line 4"), "Cq 'abc' at plate.csv line 4 is not a number");
        bad(() -> Cq.of(-1, 40, "row 3"), "Cq -1.0 at row 3");
        assertEquals(CqStatus.ABOVE_CUTOFF, Cq.parse("40.01", 40, "x").status());
        assertEquals(CqStatus.DETECTED, Cq.parse("40", 40, "x").status());
        assertEquals(CqStatus.UNDETERMINED, Cq.parse("Undetermined", 40, "x").status());
        assertEquals(CqStatus.EMPTY, Cq.parse(" ", 40, "x").status());
        assertEquals(35.5, Cq.parse("35,5", 40, "x").value(), 0);
    }

    @Test
    void allNonDetectTargetInAGroupIsBadInput() {
        bad(() -> QA.quantify(table("a1,ctrl,GAPDH,20", "a1,ctrl,p21,25", "b1,trt,GAPDH,20", "b1,trt,p21,Undetermined"),
                settings("GAPDH"), null), "No usable Cq for 'p21' in group 'trt'");
    }

    @Test
    void sampleInTwoGroupsAndBadType() {
        bad(() -> QA.quantify(table(with("a1,trt,ACTB,20")), settings("GAPDH"), null), "Sample 'a1' is in group 'trt'",
                "'ctrl'");
        bad(() -> QA.quantify(table(with("c1,trt,GAPDH,20,blank")), settings("GAPDH"), null), "plate.csv",
                "Unknown sample type 'blank'");
        bad(() -> QA.quantify(table(with("c1,trt,GAPDH,20,std")), settings("GAPDH"), null),
                "Standard at row 9 of plate.csv", "no positive quantity");
    }

    @Test
    void outlierExclusionIsReportedPerWell() {
        List<Well> w = List.of(Well.of("s", "g", "t", 20.0), Well.of("s", "g", "t", 20.1), Well.of("s", "g", "t", 22.0));
        TechnicalReplicates.Result keep = TechnicalReplicates.withDefaults().summarize(w);
        assertTrue(keep.summaries().get(0).highSd());
        assertEquals(3, keep.summaries().get(0).used());
        TechnicalReplicates.Result ex = TechnicalReplicates.withDefaults().withOutlierExclusion(true).summarize(w);
        assertEquals(2, ex.summaries().get(0).used());
        assertEquals(20.05, ex.summaries().get(0).meanCq(), 1e-12);
        assertEquals(TechnicalReplicates.WellState.OUTLIER_EXCLUDED, ex.wells().get(2).state());
        assertTrue(ex.warnings().stream().anyMatch(s -> s.contains("Excluded outlier")), ex.warnings().toString());
        bad(() -> TechnicalReplicates.withDefaults().withSdThreshold(0), "positive");
    }

    @Test
    void controlsAmplifyingAreWarned() {
        QpcrAnalysis.QuantifyOutput o = QA.quantify(table(with("NTC,,p21,34.2,ntc", "NTC,,GAPDH,Undetermined,ntc")),
                settings("GAPDH"), null);
        assertTrue(o.warnings().stream().anyMatch(s -> s.contains("Control") && s.contains("34.2")),
                o.warnings().toString());
        assertEquals(2, o.results().rowCount());
    }

    @Test
    void qbaseNrqEdgeCases() {
        bad(() -> QbaseNrq.withDefaults().compute(List.of("s1"), List.of("t", "r"), new double[][] {{25, Double.NaN}},
                new double[][] {{0, 0}}, new double[] {2, 2}, List.of("r")), "'r' has no Cq in sample 's1'");
        bad(() -> QbaseNrq.withDefaults().compute(List.of("s1"), List.of("t", "r"), new double[][] {{25, 20}},
                new double[][] {{0, 0}}, new double[] {2, 2}, List.of("x")), "'x' is not among the targets");
        // one sample: RQ = 1, NRQ = 1, SE 0 with zero SEs
        QbaseNrq.Result r = QbaseNrq.withDefaults().compute(List.of("s1"), List.of("t", "r"),
                new double[][] {{25, 20}}, new double[][] {{0, 0}}, new double[] {2, 2}, List.of("r"));
        assertEquals(1, r.row("s1", "t").nrq(), 0);
        assertEquals(0, r.row("s1", "t").seNrq(), 0);
    }

    @Test
    void geNormEdgeCases() {
        bad(() -> GeNorm.withDefaults().compute(List.of("a", "b"), List.of("g1"), new double[][] {{1}, {2}}),
                "at least 2 candidate");
        bad(() -> GeNorm.withDefaults().compute(List.of("a", "b"), List.of("g1", "g2"),
                new double[][] {{1, 2}, {2, Double.NaN}}), "at least 2 samples");
        GeNorm.Result two = GeNorm.withDefaults().compute(List.of("a", "b", "c"), List.of("g1", "g2", "g3"),
                new double[][] {{1, 2, 3}, {2, 3, Double.NaN}, {2, 2, 2}, });
        assertEquals(1, two.warnings().size());
        // constant ratios: all M are 0
        GeNorm.Result c = GeNorm.withDefaults().compute(List.of("a", "b"), List.of("g1", "g2", "g3"),
                new double[][] {{1, 2, 3}, {2, 3, 4}});
        assertEquals(0, c.steps().get(0).m()[0], 1e-15);
        bad(() -> QA.genorm(table(GOOD), new GenormSettings("sample", "target", "cq", "quantity", null, Map.of(), 40),
                null), "exactly one");
    }

    @ParameterizedTest
    @CsvSource({"0.95, 16.5, 0.133277007442494, 1.2, -0.799984118593244, 2.999991533337583"})
    void wilcoxonWithTiesUsesRsNormalApproximation(double level, double w, double p, double est, double lo,
            double hi) {
        // R 4.2.2: wilcox.test(c(1.1,2.2,2.2,3.5,4.0), c(0.5,1.1,1.9,2.2), conf.int=TRUE)
        WilcoxonRankSum.Result r = WilcoxonRankSum.withDefaults().withConfidenceLevel(level)
                .test(new double[] {1.1, 2.2, 2.2, 3.5, 4.0}, new double[] {0.5, 1.1, 1.9, 2.2});
        assertFalse(r.exact());
        assertEquals(w, r.w(), 0);
        assertEquals(p, r.pValue(), 1e-12);
        // the roots are R's uniroot(tol = 1e-4) iterates, reproduced step for step
        assertEquals(est, r.estimate(), 1e-12);
        assertEquals(lo, r.lower(), 1e-12);
        assertEquals(hi, r.upper(), 1e-12);
    }

    @Test
    void welchEdgeCases() {
        // R 4.2.2: t.test(c(1.1,2.2,2.2,3.5,4.0), c(0.5,1.1,1.9,2.2))
        WelchTTest.Result r = WelchTTest.withDefaults().test(new double[] {1.1, 2.2, 2.2, 3.5, 4.0},
                new double[] {0.5, 1.1, 1.9, 2.2});
        assertEquals(1.821851405115672, r.t(), 1e-12);
        assertEquals(6.860904187812815, r.df(), 1e-12);
        assertEquals(0.112126243725585, r.pValue(), 1e-12);
        assertEquals(-0.356350632001364, r.lower(), 1e-12);
        bad(() -> WelchTTest.withDefaults().test(new double[] {1}, new double[] {1, 2}), "at least 2 values");
        bad(() -> WelchTTest.withDefaults().test(new double[] {1, 1}, new double[] {2, 2}), "constant");
        bad(() -> WelchTTest.withDefaults().withConfidenceLevel(1.5), "between 0 and 1");
    }
}
