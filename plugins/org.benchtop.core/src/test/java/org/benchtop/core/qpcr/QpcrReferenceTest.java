package org.benchtop.core.qpcr;

import static org.benchtop.core.qpcr.RefData.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The qPCR engines against {@code expected_qpcr.csv} (base R 4.2.2 re-implementation of the R
 * package pcr's formulas, {@code make_expected.R}), tolerance 1e-9 relative.
 */
class QpcrReferenceTest {

    static final double REL = 1e-9;
    static final Map<String, Double> EXP = RefData.expected();
    static final String[] G12 = RefData.rep("brain", 6, "kidney", 6);
    static final String[] G4 = RefData.rep("control", 12, "treatment", 12);

    static double exp(String dataset, String method, String group, String gene, String q) {
        Double v = EXP.get(String.join("|", dataset, method, group, gene, q));
        assertNotNull(v, "no expected value " + dataset + "|" + method + "|" + group + "|" + gene + "|" + q);
        return v.doubleValue();
    }

    static void checkRow(String dataset, String method, String gene, RelativeQuantity r) {
        String g = r.group();
        assertRel(exp(dataset, method, g, gene, "normalized"), r.deltaCq(), REL, dataset + " " + g + " ΔCq");
        assertRel(exp(dataset, method, g, gene, "calibrated"), r.deltaDeltaCq(), REL, dataset + " " + g + " ΔΔCq");
        assertRel(exp(dataset, method, g, gene, "relative_expression"), r.relativeExpression(), REL, g + " RE");
        assertRel(exp(dataset, method, g, gene, "error"), r.error(), REL, dataset + " " + g + " error");
        assertRel(exp(dataset, method, g, gene, "lower"), r.lower(), REL, dataset + " " + g + " lower");
        assertRel(exp(dataset, method, g, gene, "upper"), r.upper(), REL, dataset + " " + g + " upper");
    }

    static Stream<Arguments> ddcqCases() {
        return Stream.of(
                Arguments.of("ct1", LivakDdcq.Mode.SEPARATE_TUBES, "ddCt separate_tube"),
                Arguments.of("ct2", LivakDdcq.Mode.SAME_TUBE, "ddCt same_tube"),
                Arguments.of("ct2", LivakDdcq.Mode.SEPARATE_TUBES, "ddCt separate_tube"),
                Arguments.of("ct4", LivakDdcq.Mode.SEPARATE_TUBES, "ddCt separate_tube"),
                Arguments.of("ct4", LivakDdcq.Mode.SAME_TUBE, "ddCt same_tube"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("ddcqCases")
    void livakDdcqMatchesPcr(String dataset, LivakDdcq.Mode mode, String method) {
        boolean ct4 = dataset.equals("ct4");
        Map<String, double[]> d = RefData.columns("pcr_" + dataset + ".csv");
        String t = ct4 ? "target" : "c_myc";
        String r = ct4 ? "ref" : "GAPDH";
        LivakDdcq.Result res = LivakDdcq.of(mode).compute(t, r, ct4 ? G4 : G12, d.get(t), d.get(r),
                ct4 ? "control" : "brain");
        assertEquals(2, res.rows().size());
        for (RelativeQuantity q : res.rows()) {
            checkRow(dataset, method, t, q);
        }
    }

    @Test
    void deltaCqMatchesPcrDct() {
        Map<String, double[]> d = RefData.columns("pcr_ct1.csv");
        DeltaCq.Result res = DeltaCq.withDefaults().compute("GAPDH", G12, d.get("GAPDH"), "brain");
        for (RelativeQuantity q : res.rows()) {
            String g = q.group();
            String ds = "ct1 (GAPDH)";
            String m = "dCt separate_tube";
            assertRel(exp(ds, m, g, "GAPDH", "calibrated"), q.deltaDeltaCq(), REL, g);
            assertRel(exp(ds, m, g, "GAPDH", "fold_change"), q.relativeExpression(), REL, g);
            assertRel(exp(ds, m, g, "GAPDH", "error"), q.error(), REL, g);
            assertRel(exp(ds, m, g, "GAPDH", "lower"), q.lower(), REL, g);
            assertRel(exp(ds, m, g, "GAPDH", "upper"), q.upper(), REL, g);
        }
    }

    static double[] amounts(double[] levels, int reps) {
        double[] a = new double[levels.length * reps];
        for (int i = 0; i < a.length; i++) {
            a[i] = levels[i / reps];
        }
        return a;
    }

    static final double[] AMT7 = {1, .5, .2, .1, .05, .02, .01};

    static void checkCurve(String ds, String method, String group, String gene, StandardCurve.Result c) {
        assertRel(exp(ds, method, group, gene, "intercept"), c.intercept(), REL, gene + " intercept");
        assertRel(exp(ds, method, group, gene, "slope"), c.slope(), REL, gene + " slope");
        assertRel(exp(ds, method, group, gene, "r_squared"), c.rSquared(), REL, gene + " R2");
        if (!method.startsWith("efficiency")) {
            assertRel(exp(ds, method, group, gene, "se_slope"), c.seSlope(), REL, gene + " se slope");
            assertRel(exp(ds, method, group, gene, "se_intercept"), c.seIntercept(), REL, gene + " se icpt");
            assertRel(exp(ds, method, group, gene, "amplification_factor"), c.amplificationFactor(), REL, gene + " E");
            assertRel(exp(ds, method, group, gene, "efficiency_percent"), c.efficiencyPercent(), REL, gene + " eff");
        }
    }

    @Test
    void standardCurvesMatchLm() {
        Map<String, double[]> ct3 = RefData.columns("pcr_ct3.csv");
        Map<String, double[]> ave = RefData.columns("pcr_ct3_ave.csv");
        StandardCurve sc = StandardCurve.withDefaults();
        for (String g : List.of("c_myc", "GAPDH")) {
            checkCurve("ct3", "standard curve", "all", g, sc.fit(g, amounts(AMT7, 3), ct3.get(g)));
            checkCurve("ct3_ave (published means)", "standard curve", "all", g, sc.fit(g, AMT7, ave.get(g)));
        }
        double[] d = new double[21];
        for (int i = 0; i < d.length; i++) {
            d[i] = ct3.get("c_myc")[i] - ct3.get("GAPDH")[i];
        }
        checkCurve("ct3", "efficiency (dCt vs log10 amount)", "all", "c_myc", sc.fit("dCt", amounts(AMT7, 3), d));
        // ct4_raw per gene and group
        List<String[]> raw = RefData.csv("pcr_ct4_raw.tsv");
        for (String gene : List.of("target", "ref")) {
            for (String grp : List.of("control", "treatment", "both")) {
                List<double[]> pts = new ArrayList<>();
                for (String[] r : raw.subList(1, raw.size())) {
                    int code = Integer.parseInt(r[2]);
                    boolean isTarget = code <= 2;
                    boolean isControl = code == 1 || code == 3;
                    if (isTarget == gene.equals("target")
                            && (grp.equals("both") || isControl == grp.equals("control"))) {
                        pts.add(new double[] {Double.parseDouble(r[0]), Double.parseDouble(r[1])});
                    }
                }
                double[] q = pts.stream().mapToDouble(p -> p[0]).toArray();
                double[] c = pts.stream().mapToDouble(p -> p[1]).toArray();
                checkCurve("ct4_raw", "standard curve", grp, gene, sc.fit(gene, q, c));
            }
        }
    }

    @Test
    void relativeStandardCurveMatchesPcrCurve() {
        Map<String, double[]> ct3 = RefData.columns("pcr_ct3.csv");
        StandardCurve sc = StandardCurve.withDefaults();
        StandardCurve.Result cm = sc.fit("c_myc", amounts(AMT7, 3), ct3.get("c_myc"));
        StandardCurve.Result gp = sc.fit("GAPDH", amounts(AMT7, 3), ct3.get("GAPDH"));
        for (String ds : List.of("ct1", "ct2")) {
            Map<String, double[]> d = RefData.columns("pcr_" + ds + ".csv");
            LivakDdcq.Mode mode = ds.equals("ct1") ? LivakDdcq.Mode.SEPARATE_TUBES : LivakDdcq.Mode.SAME_TUBE;
            String m = ds.equals("ct1") ? "relative_curve separate_tube" : "relative_curve same_tube";
            RelativeStandardCurve.Result res = RelativeStandardCurve.of(mode).compute("c_myc", G12, d.get("c_myc"),
                    d.get("GAPDH"), cm, gp, "brain");
            for (RelativeStandardCurve.Row r : res.rows()) {
                String g = r.group();
                assertRel(exp(ds, m, g, "c_myc", "normalized"), r.normalized(), REL, ds + g);
                assertRel(exp(ds, m, g, "c_myc", "calibrated"), r.calibrated(), REL, ds + g);
                assertRel(exp(ds, m, g, "c_myc", "error"), r.error(), REL, ds + g);
                assertRel(exp(ds, m, g, "c_myc", "lower"), r.lower(), REL, ds + g);
                assertRel(exp(ds, m, g, "c_myc", "upper"), r.upper(), REL, ds + g);
            }
        }
    }

    static double[][] dctByGroup() {
        Map<String, double[]> d = RefData.columns("pcr_ct4.csv");
        double[] c = new double[12];
        double[] t = new double[12];
        for (int i = 0; i < 24; i++) {
            double v = d.get("target")[i] - d.get("ref")[i];
            if (i < 12) {
                c[i] = v;
            } else {
                t[i - 12] = v;
            }
        }
        return new double[][] {t, c};
    }

    @Test
    void welchTTestMatchesR() {
        double[][] tc = dctByGroup();
        WelchTTest.Result r = WelchTTest.withDefaults().test(tc[0], tc[1]);
        String ds = "ct4";
        String m = "Welch t-test on dCt";
        String g = "treatment-control";
        assertRel(exp(ds, m, g, "target", "estimate"), r.estimate(), REL, "estimate");
        assertRel(exp(ds, m, g, "target", "p_value"), r.pValue(), REL, "p");
        assertRel(exp(ds, m, g, "target", "lower"), r.lower(), REL, "lower");
        assertRel(exp(ds, m, g, "target", "upper"), r.upper(), REL, "upper");
        assertRel(exp(ds, m, g, "target", "t"), r.t(), REL, "t");
        assertRel(exp(ds, m, g, "target", "df"), r.df(), REL, "df");
        WelchTTest.Result s = WelchTTest.withDefaults().withEqualVariances(true).test(tc[0], tc[1]);
        m = "lm dCt ~ group";
        assertRel(exp(ds, m, g, "target", "estimate"), s.estimate(), REL, "lm estimate");
        assertRel(exp(ds, m, g, "target", "p_value"), s.pValue(), REL, "lm p");
        assertRel(exp(ds, m, g, "target", "lower"), s.lower(), REL, "lm lower");
        assertRel(exp(ds, m, g, "target", "upper"), s.upper(), REL, "lm upper");
    }

    @Test
    void wilcoxonMatchesR() {
        double[][] tc = dctByGroup();
        WilcoxonRankSum.Result r = WilcoxonRankSum.withDefaults().test(tc[0], tc[1]);
        String ds = "ct4";
        String m = "Wilcoxon on dCt (Hodges-Lehmann)";
        String g = "treatment-control";
        assertTrue(r.exact());
        assertRel(exp(ds, m, g, "target", "estimate"), r.estimate(), REL, "estimate");
        assertRel(exp(ds, m, g, "target", "p_value"), r.pValue(), REL, "p");
        assertRel(exp(ds, m, g, "target", "lower"), r.lower(), REL, "lower");
        assertRel(exp(ds, m, g, "target", "upper"), r.upper(), REL, "upper");
        assertRel(exp(ds, m, g, "target", "W"), r.w(), REL, "W");
    }

    @Test
    void pfafflRatioMatchesFormula() {
        List<String[]> raw = RefData.csv("pcr_ct4_raw.tsv");
        List<String> tg = new ArrayList<>();
        List<String> rg = new ArrayList<>();
        List<Double> tc = new ArrayList<>();
        List<Double> rc = new ArrayList<>();
        List<Double> tq = new ArrayList<>();
        List<Double> rq = new ArrayList<>();
        for (String[] r : raw.subList(1, raw.size())) {
            int code = Integer.parseInt(r[2]);
            String grp = code == 1 || code == 3 ? "control" : "treatment";
            Double q = Double.valueOf(r[0]);
            Double c = Double.valueOf(r[1]);
            if (code <= 2) {
                tg.add(grp);
                tc.add(c);
                tq.add(q);
            } else {
                rg.add(grp);
                rc.add(c);
                rq.add(q);
            }
        }
        StandardCurve.Result ct = StandardCurve.withDefaults().fit("target", QMath.toArray(tq), QMath.toArray(tc));
        StandardCurve.Result cr = StandardCurve.withDefaults().fit("ref", QMath.toArray(rq), QMath.toArray(rc));
        String ds = "ct4_raw";
        String m = "Pfaffl ratio (E from pooled standard curves)";
        String g = "treatment vs control";
        assertRel(exp(ds, m, g, "target", "E_target"), ct.amplificationFactor(), REL, "E target");
        assertRel(exp(ds, m, g, "target", "E_ref"), cr.amplificationFactor(), REL, "E ref");
        PfafflRatio.Result p = PfafflRatio.withDefaults().compute("target", ct.amplificationFactor(),
                tg.toArray(new String[0]), QMath.toArray(tc), List.of("ref"),
                new double[] {cr.amplificationFactor()}, new String[][] {rg.toArray(new String[0])},
                new double[][] {QMath.toArray(rc)}, "control");
        PfafflRatio.GroupRatio tr = p.group("treatment");
        assertRel(exp(ds, m, g, "target", "dCt_target_control_minus_treatment"), tr.deltaCqTarget(), REL, "dCt t");
        assertRel(exp(ds, m, g, "target", "dCt_ref_control_minus_treatment"), tr.deltaCqRefs()[0], REL, "dCt r");
        assertRel(exp(ds, m, g, "target", "pfaffl_ratio"), tr.ratio(), REL, "ratio");
        assertEquals(1.0, p.group("control").ratio(), 1e-15);
        // with E = 2 the ratio is Livak's
        PfafflRatio.Result l = PfafflRatio.withDefaults().compute("target", 2, tg.toArray(new String[0]),
                QMath.toArray(tc), List.of("ref"), new double[] {2}, new String[][] {rg.toArray(new String[0])},
                new double[][] {QMath.toArray(rc)}, "control");
        assertRel(exp(ds, m, g, "target", "livak_ratio"), l.group("treatment").ratio(), REL, "livak ratio");
    }

    @Test
    void pfafflWithEfficiencyTwoEqualsLivakSeparateTubes() {
        Map<String, double[]> d = RefData.columns("pcr_ct1.csv");
        PfafflRatio.Result p = PfafflRatio.withDefaults().compute("c_myc", 2, G12, d.get("c_myc"), List.of("GAPDH"),
                new double[] {2}, new String[][] {G12}, new double[][] {d.get("GAPDH")}, "brain");
        for (RelativeQuantity q : p.rows()) {
            checkRow("ct1", "ddCt separate_tube", "c_myc", q);
        }
    }

    @Test
    void qbaseNrqMatchesHellemansFormulas() {
        Map<String, double[]> d = RefData.columns("pcr_ct1.csv");
        List<String> samples = List.of("brain", "kidney");
        List<String> genes = List.of("c_myc", "GAPDH");
        double[][] m = new double[2][2];
        double[][] se = new double[2][2];
        for (int s = 0; s < 2; s++) {
            for (int g = 0; g < 2; g++) {
                double[] v = java.util.Arrays.copyOfRange(d.get(genes.get(g)), 6 * s, 6 * s + 6);
                m[s][g] = QMath.mean(v);
                se[s][g] = QMath.sd(v) / Math.sqrt(6);
            }
        }
        QbaseNrq.Result r = QbaseNrq.withDefaults().compute(samples, genes, m, se, new double[] {2, 2},
                List.of("GAPDH"));
        String ds = "ct1";
        String me = "qbase NRQ (1 reference, E=2)";
        double first = r.row("brain", "c_myc").nrq();
        for (String s : samples) {
            QbaseNrq.SampleNrq q = r.row(s, "c_myc");
            assertRel(exp(ds, me, s, "c_myc", "RQ_goi"), q.rq(), REL, s + " RQ");
            assertRel(exp(ds, me, s, "c_myc", "SE_RQ_goi"), q.seRq(), REL, s + " SE RQ");
            assertRel(exp(ds, me, s, "c_myc", "NF"), q.nf(), REL, s + " NF");
            assertRel(exp(ds, me, s, "c_myc", "SE_NF"), q.seNf(), REL, s + " SE NF");
            assertRel(exp(ds, me, s, "c_myc", "NRQ"), q.nrq(), REL, s + " NRQ");
            assertRel(exp(ds, me, s, "c_myc", "SE_NRQ"), q.seNrq(), REL, s + " SE NRQ");
            assertRel(exp(ds, me, s, "c_myc", "NRQ_rel_to_first"), q.nrq() / first, REL, s + " rel");
            assertRel(exp(ds, me, s, "c_myc", "SE_rel_to_first"), q.seNrq() / first, REL, s + " SE rel");
        }
    }
}
