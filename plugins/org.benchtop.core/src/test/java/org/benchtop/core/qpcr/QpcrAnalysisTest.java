package org.benchtop.core.qpcr;

import static org.benchtop.core.qpcr.RefData.assertRel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benchtop.core.table.Column;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Table-level facade against the same references as the engines: long tables built from the
 * pcr data sets, 1e-9 relative.
 */
class QpcrAnalysisTest {

    static final QpcrAnalysis QA = QpcrAnalysis.create();
    static final double REL = 1e-9;

    /** pcr's wide layout (one row per sample) to a long table of wells. */
    static Table longTable(String file, String[] groups, boolean samplePerTissue) {
        Map<String, double[]> d = RefData.columns(file);
        List<String> genes = new ArrayList<>(RefData.csv(file).get(0).length == 2 ? List.of(RefData.csv(file).get(0))
                : List.of());
        List<String> s = new ArrayList<>();
        List<String> g = new ArrayList<>();
        List<String> t = new ArrayList<>();
        List<Double> cq = new ArrayList<>();
        for (String gene : genes) {
            double[] v = d.get(gene);
            for (int i = 0; i < v.length; i++) {
                s.add(samplePerTissue ? groups[i] : "s" + (i + 1));
                g.add(groups[i]);
                t.add(gene);
                cq.add(Double.valueOf(v[i]));
            }
        }
        return Table.of(file, List.of(Column.ofStrings("sample", s.toArray(new String[0])),
                Column.ofStrings("group", g.toArray(new String[0])), Column.ofStrings("target", t.toArray(new String[0])),
                Column.ofDoubles("cq", QMath.toArray(cq))));
    }

    static Map<String, Integer> rowsOf(Table t) {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            m.put(t.column("group").getString(i) + "|" + t.column("target").getString(i), Integer.valueOf(i));
        }
        return m;
    }

    static void checkResults(Table res, String ds, String method, String gene) {
        assertEquals(List.of("group", "target", "delta_cq", "delta_delta_cq", "error", "relative_expression", "lower",
                "upper"), res.columnNames());
        for (int i = 0; i < res.rowCount(); i++) {
            String g = res.column("group").getString(i);
            String e = ds + " " + g;
            assertRel(QpcrReferenceTest.exp(ds, method, g, gene, "normalized"), res.column("delta_cq").getDouble(i),
                    REL, e);
            assertRel(QpcrReferenceTest.exp(ds, method, g, gene, "calibrated"),
                    res.column("delta_delta_cq").getDouble(i), REL, e);
            assertRel(QpcrReferenceTest.exp(ds, method, g, gene, "error"), res.column("error").getDouble(i), REL, e);
            assertRel(QpcrReferenceTest.exp(ds, method, g, gene, "relative_expression"),
                    res.column("relative_expression").getDouble(i), REL, e);
            assertRel(QpcrReferenceTest.exp(ds, method, g, gene, "lower"), res.column("lower").getDouble(i), REL, e);
            assertRel(QpcrReferenceTest.exp(ds, method, g, gene, "upper"), res.column("upper").getDouble(i), REL, e);
        }
    }

    @Test
    void quantifyDdcqSeparateAndSameTube() {
        Table ct1 = longTable("pcr_ct1.csv", QpcrReferenceTest.G12, false);
        QpcrAnalysis.QuantifyOutput o = QA.quantify(ct1,
                QuantifySettings.of("sample", "group", "target", "cq", List.of("GAPDH"), "brain"), null);
        assertEquals(2, o.results().rowCount());
        checkResults(o.results(), "ct1", "ddCt separate_tube", "c_myc");
        assertTrue(o.foldChangePlot().length > 1000);
        Table ct2 = longTable("pcr_ct2.csv", QpcrReferenceTest.G12, false);
        QpcrAnalysis.QuantifyOutput o2 = QA.quantify(ct2, QuantifySettings.of("sample", "group", "target", "cq",
                List.of("GAPDH"), "brain").withMode(LivakDdcq.Mode.SAME_TUBE), null);
        checkResults(o2.results(), "ct2", "ddCt same_tube", "c_myc");
        // statistics on ΔCq per sample equal R's tests on ct4
        Table ct4 = longTable("pcr_ct4.csv", QpcrReferenceTest.G4, false);
        QpcrAnalysis.QuantifyOutput o4 = QA.quantify(ct4, QuantifySettings.of("sample", "group", "target", "cq",
                List.of("ref"), "control"), null);
        checkResults(o4.results(), "ct4", "ddCt separate_tube", "target");
        Table st = o4.statistics();
        assertEquals(2, st.rowCount());
        assertEquals("welch_t", st.column("test").getString(0));
        assertRel(QpcrReferenceTest.exp("ct4", "Welch t-test on dCt", "treatment-control", "target", "p_value"),
                st.column("p_value").getDouble(0), REL, "welch p");
        assertRel(QpcrReferenceTest.exp("ct4", "Welch t-test on dCt", "treatment-control", "target", "lower"),
                st.column("lower").getDouble(0), REL, "welch lower");
        assertEquals("wilcoxon_exact", st.column("test").getString(1));
        assertRel(QpcrReferenceTest.exp("ct4", "Wilcoxon on dCt (Hodges-Lehmann)", "treatment-control", "target",
                "upper"), st.column("upper").getDouble(1), REL, "wilcoxon upper");
    }

    @Test
    void quantifyNrqMatchesQbaseFormulas() {
        Table ct1 = longTable("pcr_ct1.csv", QpcrReferenceTest.G12, true);
        QpcrAnalysis.QuantifyOutput o = QA.quantify(ct1, QuantifySettings.of("sample", "group", "target", "cq",
                List.of("GAPDH"), "brain").withMethod(QuantifySettings.Method.NRQ)
                .withEfficiency(Map.of("c_myc", Double.valueOf(2), "GAPDH", Double.valueOf(2))), null);
        Table smp = o.samples();
        String ds = "ct1";
        String me = "qbase NRQ (1 reference, E=2)";
        for (int i = 0; i < smp.rowCount(); i++) {
            String s = smp.column("sample").getString(i);
            assertRel(QpcrReferenceTest.exp(ds, me, s, "c_myc", "NRQ"), smp.column("nrq").getDouble(i), REL, s);
            assertRel(QpcrReferenceTest.exp(ds, me, s, "c_myc", "SE_NRQ"), smp.column("se_nrq").getDouble(i), REL, s);
        }
        Map<String, Integer> r = rowsOf(o.results());
        int k = r.get("kidney|c_myc").intValue();
        assertRel(QpcrReferenceTest.exp(ds, me, "kidney", "c_myc", "NRQ_rel_to_first"),
                o.results().column("relative_expression").getDouble(k), REL, "rel");
        // single sample per group: error is the propagated SE on the log2 scale
        double se = QpcrReferenceTest.exp(ds, me, "kidney", "c_myc", "SE_NRQ")
                / QpcrReferenceTest.exp(ds, me, "kidney", "c_myc", "NRQ") / Math.log(2);
        assertRel(se, o.results().column("error").getDouble(k), REL, "error");
    }

    @Test
    void quantifyPfafflWithGivenEfficiencies() {
        Table ct4 = longTable("pcr_ct4.csv", QpcrReferenceTest.G4, false);
        double et = QpcrReferenceTest.exp("ct4_raw", "Pfaffl ratio (E from pooled standard curves)",
                "treatment vs control", "target", "E_target");
        double er = QpcrReferenceTest.exp("ct4_raw", "Pfaffl ratio (E from pooled standard curves)",
                "treatment vs control", "target", "E_ref");
        QpcrAnalysis.QuantifyOutput o = QA.quantify(ct4, QuantifySettings.of("sample", "group", "target", "cq",
                List.of("ref"), "control").withMethod(QuantifySettings.Method.PFAFFL)
                .withEfficiency(Map.of("target", Double.valueOf(et), "ref", Double.valueOf(er))), null);
        int k = rowsOf(o.results()).get("treatment|target").intValue();
        assertRel(QpcrReferenceTest.exp("ct4_raw", "Pfaffl ratio (E from pooled standard curves)",
                "treatment vs control", "target", "pfaffl_ratio"),
                o.results().column("relative_expression").getDouble(k), REL, "pfaffl");
        assertEquals("user", o.efficiencies().column("source").getString(0));
    }

    @Test
    void quantifyDcqAndNonDetectsFromCsv() {
        String csv = "sample,group,target,cq\n"
                + "a1,ctrl,GAPDH,20.1\na1,ctrl,GAPDH,20.3\na1,ctrl,p21,25.0\na1,ctrl,p21,Undetermined\n"
                + "a2,ctrl,GAPDH,20.0\na2,ctrl,p21,25.4\n"
                + "b1,trt,GAPDH,20.2\nb1,trt,p21,23.1\nb1,trt,p21,41.5\nb2,trt,GAPDH,19.9\nb2,trt,p21,,\n"
                + "b2,trt,p21,22.7\n";
        Table t = CsvReader.withDefaults().read(new StringReader(csv.replace(",,\n", ",\n")), "mini.csv");
        QpcrAnalysis.QuantifyOutput o = QA.quantify(t, QuantifySettings.of("sample", "group", "target", "cq",
                List.of("GAPDH"), "ctrl"), null);
        long nd = o.wells().column("status").toStringArray().length;
        assertEquals(t.rowCount(), nd);
        String[] st = o.wells().column("status").toStringArray();
        assertEquals("non_detect", st[3]);
        assertEquals("non_detect", st[8]);
        assertEquals("non_detect", st[10]);
        assertEquals(3, o.warnings().stream().filter(w -> w.startsWith("Non-detect")).count(), o.warnings().toString());
        assertTrue(o.warnings().stream().anyMatch(w -> w.contains("Undetermined") && w.contains("mini.csv line 5")),
                o.warnings().toString());
        assertTrue(o.warnings().stream().anyMatch(w -> w.contains("41.5 above the cut-off")), o.warnings().toString());
        // dct on p21 alone: means of sample means
        QpcrAnalysis.QuantifyOutput d = QA.quantify(t, QuantifySettings.of("sample", "group", "target", "cq",
                List.of(), "ctrl").withMethod(QuantifySettings.Method.DCQ), null);
        int k = rowsOf(d.results()).get("trt|p21").intValue();
        assertEquals((23.1 + 22.7) / 2 - (25.0 + 25.4) / 2, d.results().column("delta_delta_cq").getDouble(k), 1e-12);
    }

    @Test
    void standardCurveAndRdmlFacades(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("stepone.rdml");
        try (var in = getClass().getResourceAsStream("RDML_stepone_std.rdml")) {
            Files.copy(in, f);
        }
        QpcrAnalysis.RdmlOutput r = QA.readRdml(f, null);
        assertEquals(List.of("well", "sample", "type", "quantity", "target", "cq"), r.wells().columnNames());
        List<String[]> exp = RefData.csv("RDML_stepone_std_cq.csv");
        for (int i = 1; i < exp.size(); i++) {
            String[] e = exp.get(i);
            String[] got = new String[6];
            for (int c = 0; c < 6; c++) {
                got[c] = r.wells().columns().get(c).getString(i - 1);
            }
            assertEquals(e[0], got[0]);
            assertEquals(e[1], got[1]);
            assertEquals(e[2], got[2]);
            assertEquals(e[3].equals("NA") ? null : Double.valueOf(e[3]), got[3] == null ? null : Double.valueOf(got[3]));
            assertEquals(e[4], got[4]);
            assertEquals(Double.parseDouble(e[5]), Double.parseDouble(got[5]), 0.0);
        }
        QpcrAnalysis.StandardCurveOutput sc = QA.standardCurve(r.wells(),
                new StandardCurveSettings("sample", "target", "cq", "quantity", "type", "well", 40), null);
        assertEquals(1, sc.curves().rowCount());
        assertEquals(93.91181, sc.curves().column("efficiency_percent").getDouble(0), 0.01);
        assertRel(QpcrReferenceTest.exp("stepone_std", "standard curve", "std", "RNase P", "efficiency_percent"),
                sc.curves().column("efficiency_percent").getDouble(0), REL, "eff");
        List<String[]> unk = RefData.csv("expected_stepone_unknowns_interpolated.csv");
        assertEquals(unk.size() - 1, sc.unknowns().rowCount());
        for (int i = 1; i < unk.size(); i++) {
            assertEquals(unk.get(i)[0], sc.unknowns().column("well").getString(i - 1));
            assertRel(Double.parseDouble(unk.get(i)[7]), sc.unknowns().column("quantity").getDouble(i - 1), REL, "q");
        }
        assertTrue(sc.plot().length > 1000);
        Files.write(Path.of(System.getProperty("java.io.tmpdir"), "benchtop-qpcr-standard-curve.png"), sc.plot());
    }

    @Test
    void genormFacadeMatchesBaseR() {
        List<String[]> rows = RefData.csv("genorm/genorm_cq.csv");
        int n = rows.size() - 1;
        String[][] c = new String[3][n];
        double[] cq = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                c[k][i] = rows.get(i + 1)[k];
            }
            cq[i] = Double.parseDouble(rows.get(i + 1)[3]);
        }
        Table t = Table.of("genorm_cq.csv", List.of(Column.ofStrings("group", c[0]), Column.ofStrings("sample", c[1]),
                Column.ofStrings("target", c[2]), Column.ofDoubles("cq", cq)));
        QpcrAnalysis.GenormOutput o = QA.genorm(t, GenormSettings.ofCq("sample", "target", "cq", "group"), null);
        assertEquals(List.of("group", "step", "target", "m_value"), o.mValues().columnNames());
        List<String[]> m = RefData.csv("genorm/expected_genorm_M.csv");
        int checked = 0;
        for (String[] e : m.subList(1, m.size())) {
            if (e[0].equals("all")) {
                continue;
            }
            boolean found = false;
            for (int i = 0; i < o.mValues().rowCount(); i++) {
                if (o.mValues().column("group").getString(i).equals(e[0])
                        && o.mValues().column("step").getLong(i) == Long.parseLong(e[1])
                        && o.mValues().column("target").getString(i).equals(e[3])) {
                    assertRel(Double.parseDouble(e[4]), o.mValues().column("m_value").getDouble(i), REL, e[3]);
                    found = true;
                }
            }
            assertTrue(found, String.join(",", e));
            checked++;
        }
        assertEquals(108, checked);
        assertEquals(16, o.variations().rowCount());
        assertEquals("V2/3", o.variations().column("label").getString(0));
        assertEquals("V9/10", o.variations().column("label").getString(7));
        List<String[]> rk = RefData.csv("genorm/expected_genorm_ranking.csv");
        String[] exp = rk.subList(1, 11).stream().map(r -> r[2]).toArray(String[]::new);
        String[] got = new String[10];
        for (int i = 0; i < 10; i++) {
            got[i] = o.ranking().column("target").getString(i);
        }
        assertArrayEquals(exp, got);
    }
}
