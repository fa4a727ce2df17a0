package org.benchtop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code benchtop qpcr ...} end to end (argument parsing, CSV in, engine, CSV and run record out) on the reference
 * data of R's {@code pcr} package, the StepOne RDML file and the base-R geNorm reference; see the resources'
 * README.md. Tolerances: 1e-9 relative (1e-12 absolute near 0), Cq table and rankings exactly.
 */
class QpcrCommandTest {

    private static final double REL = 1e-9;
    private static final double ABS = 1e-12;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one run. */
    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BenchtopCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run ok(String... args) {
        Run r = run(args);
        assertEquals(0, r.exit(), () -> String.join(" ", args) + "\nstdout: " + r.out() + "\nstderr: " + r.err());
        return r;
    }

    /** Copies a resource of this test into the temporary folder. */
    private Path resource(String name) throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = QpcrCommandTest.class.getResourceAsStream("qpcr/" + name)) {
            assertNotNull(in, "test resource qpcr/" + name);
            Files.copy(in, f);
        }
        return f;
    }

    private Table resourceTable(String name, String... textColumns) throws IOException {
        return CsvReader.withDefaults().withStringColumns(Set.of(textColumns)).read(resource(name));
    }

    private static Table csv(Path f, String... textColumns) {
        return CsvReader.withDefaults().withStringColumns(Set.of(textColumns)).read(f);
    }

    /** The R reference values of {@code expected_qpcr.csv}: dataset|method|group|gene|quantity to value. */
    private Map<String, Double> expected() throws IOException {
        Table t = resourceTable("expected_qpcr.csv", "dataset", "method", "group", "gene", "quantity");
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String key = String.join("|", t.column("dataset").getString(i), t.column("method").getString(i),
                    t.column("group").getString(i), t.column("gene").getString(i), t.column("quantity").getString(i));
            m.put(key, Double.valueOf(t.column("value").getDouble(i)));
        }
        return m;
    }

    private static double exp(Map<String, Double> e, String... key) {
        Double v = e.get(String.join("|", key));
        assertNotNull(v, "no reference value " + String.join("|", key));
        return v.doubleValue();
    }

    private static void near(double expected, double actual, String what) {
        double tol = Math.max(REL * Math.abs(expected), ABS);
        assertTrue(Math.abs(actual - expected) <= tol, what + ": expected " + expected + ", actual " + actual);
    }

    private static int row(Table t, String group, String target) {
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.column("group").getString(i).equals(group) && t.column("target").getString(i).equals(target)) {
                return i;
            }
        }
        throw new AssertionError("no row " + group + "/" + target + " in " + t.source());
    }

    private static RunRecord record(Path output) throws IOException {
        Path f = output.resolveSibling(output.getFileName() + ".run.json");
        assertTrue(Files.isRegularFile(f), "run record " + f);
        return RunRecord.fromJson(Files.readString(f));
    }

    private static Map<String, String> parameters(RunRecord r) {
        Map<String, String> m = new HashMap<>();
        r.parameters().forEach(p -> m.put(p.name(), p.value()));
        return m;
    }

    @ParameterizedTest(name = "{0} --mode {2}")
    @CsvSource({"pcr_ct1_long.csv, ct1, separate-tubes, ddCt separate_tube",
        "pcr_ct2_long.csv, ct2, same-tube, ddCt same_tube",
        "pcr_ct2_long.csv, ct2, separate-tubes, ddCt separate_tube"})
    void quantifyDdcqEqualsRPackagePcr(String input, String dataset, String mode, String method) throws IOException {
        Path in = resource(input);
        Path out = dir.resolve("ddcq.csv");
        ok("qpcr", "quantify", "--input", in.toString(), "--output", out.toString(), "--sample", "sample", "--group",
                "group", "--target", "target", "--cq", "cq", "--reference", "GAPDH", "--calibrator", "brain", "--mode",
                mode);
        Table t = csv(out);
        assertEquals(List.of("group", "target", "delta_cq", "delta_delta_cq", "error", "relative_expression", "lower",
                "upper"), t.columnNames());
        assertEquals(2, t.rowCount());
        Map<String, Double> e = expected();
        for (String g : List.of("brain", "kidney")) {
            int i = row(t, g, "c_myc");
            near(exp(e, dataset, method, g, "c_myc", "normalized"), t.column("delta_cq").getDouble(i), g + " delta_cq");
            near(exp(e, dataset, method, g, "c_myc", "calibrated"), t.column("delta_delta_cq").getDouble(i),
                    g + " delta_delta_cq");
            for (String q : List.of("error", "relative_expression", "lower", "upper")) {
                near(exp(e, dataset, method, g, "c_myc", q), t.column(q).getDouble(i), g + " " + q);
            }
        }
        // no plot unless asked for
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".png")));
        }
    }

    @Test
    void quantifyWritesTheRunRecordPlotAndExtraTables() throws IOException {
        Path in = resource("pcr_ct4_long.csv");
        Path out = dir.resolve("ct4.csv");
        Path plot = dir.resolve("ct4.png");
        Path stats = dir.resolve("ct4_statistics.csv");
        Path reps = dir.resolve("ct4_replicates.csv");
        Path samples = dir.resolve("ct4_samples.csv");
        ok("qpcr", "quantify", "--input", in.toString(), "--output", out.toString(), "--sample", "sample", "--group",
                "group", "--target", "target", "--cq", "cq", "--reference", "ref", "--calibrator", "control", "--plot",
                plot.toString(), "--statistics", stats.toString(), "--replicates", reps.toString(), "--samples",
                samples.toString());
        Map<String, Double> e = expected();
        Table t = csv(out);
        int k = row(t, "treatment", "target");
        near(exp(e, "ct4", "ddCt separate_tube", "treatment", "target", "relative_expression"),
                t.column("relative_expression").getDouble(k), "relative_expression");
        near(exp(e, "ct4", "ddCt separate_tube", "treatment", "target", "error"), t.column("error").getDouble(k),
                "error");

        // Welch t-test and Wilcoxon (Hodges-Lehmann) on dCq, as R's t.test and wilcox.test
        Table st = csv(stats);
        assertEquals(2, st.rowCount());
        assertEquals("welch_t", st.column("test").getString(0));
        String welch = "Welch t-test on dCt";
        near(exp(e, "ct4", welch, "treatment-control", "target", "estimate"), st.column("estimate").getDouble(0), "t est");
        near(exp(e, "ct4", welch, "treatment-control", "target", "t"), st.column("statistic").getDouble(0), "t");
        near(exp(e, "ct4", welch, "treatment-control", "target", "df"), st.column("df").getDouble(0), "df");
        near(exp(e, "ct4", welch, "treatment-control", "target", "p_value"), st.column("p_value").getDouble(0), "p");
        near(exp(e, "ct4", welch, "treatment-control", "target", "lower"), st.column("lower").getDouble(0), "lower");
        near(exp(e, "ct4", welch, "treatment-control", "target", "upper"), st.column("upper").getDouble(0), "upper");
        String wil = "Wilcoxon on dCt (Hodges-Lehmann)";
        assertEquals("wilcoxon_exact", st.column("test").getString(1));
        near(exp(e, "ct4", wil, "treatment-control", "target", "estimate"), st.column("estimate").getDouble(1), "HL");
        near(exp(e, "ct4", wil, "treatment-control", "target", "W"), st.column("statistic").getDouble(1), "W");
        near(exp(e, "ct4", wil, "treatment-control", "target", "p_value"), st.column("p_value").getDouble(1), "p");

        assertEquals(48, csv(reps, "sample").rowCount()); // 24 samples x 2 genes, one well each
        assertEquals(24, csv(samples, "sample").rowCount()); // the target gene of 24 samples
        byte[] png = Files.readAllBytes(plot);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));

        RunRecord r = record(out);
        assertEquals("qpcr.quantify", r.analysis());
        Map<String, String> p = parameters(r);
        assertEquals("ref", p.get("reference"));
        assertEquals("control", p.get("calibrator"));
        assertEquals("ddcq", p.get("method"));
        assertEquals("separate-tubes", p.get("mode"));
        assertEquals("40.0", p.get("cq_cutoff"));
        assertEquals("", p.get("well"));
        assertEquals(List.of("sample", "group", "target", "cq", "reference", "calibrator", "method", "efficiency", "mode",
                "well", "type", "quantity", "plate", "cq_cutoff", "sd_threshold", "exclude_outliers"),
                r.parameters().stream().map(RunRecord.Parameter::name).toList());
        assertEquals(1, r.inputs().size());
        assertEquals(48, r.inputs().get(0).rows());
    }

    @Test
    void quantifyPfafflWithGivenEfficienciesEqualsR() throws IOException {
        Map<String, Double> e = expected();
        String m = "Pfaffl ratio (E from pooled standard curves)";
        double et = exp(e, "ct4_raw", m, "treatment vs control", "target", "E_target");
        double er = exp(e, "ct4_raw", m, "treatment vs control", "target", "E_ref");
        Path out = dir.resolve("pfaffl.csv");
        ok("qpcr", "quantify", "--input", resource("pcr_ct4_long.csv").toString(), "--output", out.toString(),
                "--sample", "sample", "--group", "group", "--target", "target", "--cq", "cq", "--reference", "ref",
                "--calibrator", "control", "--method", "pfaffl", "--efficiency", "target=" + et + ",ref=" + er);
        Table t = csv(out);
        near(exp(e, "ct4_raw", m, "treatment vs control", "target", "pfaffl_ratio"),
                t.column("relative_expression").getDouble(row(t, "treatment", "target")), "pfaffl ratio");
        assertEquals("ref=" + er + ",target=" + et, parameters(record(out)).get("efficiency"));
    }

    @Test
    void quantifyNrqEqualsQbaseFormulas() throws IOException {
        // one sample per tissue (its 6 wells are technical replicates): --sample is the group column
        Map<String, Double> e = expected();
        String m = "qbase NRQ (1 reference, E=2)";
        Path out = dir.resolve("nrq.csv");
        ok("qpcr", "quantify", "--input", resource("pcr_ct1_long.csv").toString(), "--output", out.toString(),
                "--sample", "group", "--group", "group", "--target", "target", "--cq", "cq", "--reference", "GAPDH",
                "--calibrator", "brain", "--method", "nrq", "--efficiency", "c_myc=2,GAPDH=2");
        Table t = csv(out);
        int k = row(t, "kidney", "c_myc");
        near(exp(e, "ct1", m, "kidney", "c_myc", "NRQ_rel_to_first"), t.column("relative_expression").getDouble(k),
                "NRQ relative to brain");
        double se = exp(e, "ct1", m, "kidney", "c_myc", "SE_NRQ") / exp(e, "ct1", m, "kidney", "c_myc", "NRQ")
                / Math.log(2);
        near(se, t.column("error").getDouble(k), "propagated error (log2)");
    }

    @Test
    void anAbsentCalibratorIsBadInputWithOneLineAndNoOutput() throws IOException {
        Path out = dir.resolve("none.csv");
        Run r = run("qpcr", "quantify", "--input", resource("pcr_ct1_long.csv").toString(), "--output", out.toString(),
                "--sample", "sample", "--group", "group", "--target", "target", "--cq", "cq", "--reference", "GAPDH",
                "--calibrator", "liver");
        assertEquals(BenchtopCli.EXIT_BAD_INPUT, r.exit(), r.err());
        String msg = r.err().strip();
        assertFalse(msg.contains("\n"), "one line: " + msg);
        assertTrue(msg.startsWith("benchtop: ") && msg.contains("'liver'") && msg.contains("brain, kidney"), msg);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("none.csv.run.json")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"reference gene not measured|--reference|ACTB|is not among the targets",
        "unknown method|--method|deltadelta|Unknown method 'deltadelta'",
        "bad efficiency|--efficiency|GAPDH:2|is not TARGET=E"})
    void otherBadInputIsExitThree(String what, String option, String value, String message) throws IOException {
        Path out = dir.resolve("bad.csv");
        List<String> args = new ArrayList<>(List.of("qpcr", "quantify", "--input",
                resource("pcr_ct1_long.csv").toString(), "--output", out.toString(), "--sample", "sample", "--group",
                "group", "--target", "target", "--cq", "cq", "--calibrator", "brain"));
        if (!option.equals("--reference")) {
            args.addAll(List.of("--reference", "GAPDH"));
        }
        args.addAll(List.of(option, value));
        Run r = run(args.toArray(new String[0]));
        assertEquals(BenchtopCli.EXIT_BAD_INPUT, r.exit(), what + ": " + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void standardCurveOfTheStepOneFileEqualsRAndTheInstrument() throws IOException {
        Path in = resource("RDML_stepone_std_cq.csv");
        Path out = dir.resolve("curves.csv");
        Path plot = dir.resolve("curves.png");
        ok("qpcr", "standard-curve", "--input", in.toString(), "--output", out.toString(), "--sample", "sample",
                "--target", "target", "--cq", "cq", "--quantity", "quantity", "--type", "type", "--well", "well",
                "--plot", plot.toString());
        Map<String, Double> e = expected();
        Table c = csv(out);
        assertEquals(1, c.rowCount());
        assertEquals("RNase P", c.column("target").getString(0));
        assertEquals(93.91181, c.column("efficiency_percent").getDouble(0), 0.01, "the instrument's stored efficiency");
        for (String q : List.of("intercept", "slope", "r_squared", "se_slope", "se_intercept", "amplification_factor",
                "efficiency_percent")) {
            near(exp(e, "stepone_std", "standard curve", "std", "RNase P", q), c.column(q).getDouble(0), q);
        }
        // unknowns beside the output by default
        Table u = csv(dir.resolve("curves_unknowns.csv"), "well", "sample");
        Table ue = resourceTable("expected_stepone_unknowns_interpolated.csv", "well", "sample");
        assertEquals(ue.rowCount(), u.rowCount());
        for (int i = 0; i < u.rowCount(); i++) {
            assertEquals(ue.column("well").getString(i), u.column("well").getString(i));
            near(ue.column("log10_quantity").getDouble(i), u.column("log10_quantity").getDouble(i), "log10 q " + i);
            near(ue.column("quantity_interpolated").getDouble(i), u.column("quantity").getDouble(i), "q " + i);
        }
        byte[] png = Files.readAllBytes(plot);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));
        RunRecord r = record(out);
        assertEquals("qpcr.standard_curve", r.analysis());
        assertEquals("quantity", parameters(r).get("quantity"));
    }

    @Test
    void standardCurveWithTooFewLevelsIsBadInput() throws IOException {
        Path in = dir.resolve("two_levels.csv");
        Files.writeString(in, "sample,target,cq,quantity\nA,g,20.1,1000\nB,g,23.4,100\nC,g,23.5,100\nD,g,25,\n");
        Path out = dir.resolve("curves.csv");
        Run r = run("qpcr", "standard-curve", "--input", in.toString(), "--output", out.toString(), "--sample", "sample",
                "--target", "target", "--cq", "cq", "--quantity", "quantity");
        assertEquals(BenchtopCli.EXIT_BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("at least 3"), r.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("curves_unknowns.csv")));
    }

    @ParameterizedTest(name = "--group {0}")
    @CsvSource({"group, bone_marrow", "group, fibroblast", "'', all"})
    void genormEqualsTheBaseRReference(String groupColumn, String group) throws IOException {
        Path in = resource("genorm_cq.csv");
        Path out = dir.resolve("m.csv");
        List<String> args = new ArrayList<>(List.of("qpcr", "genorm", "--input", in.toString(), "--output",
                out.toString(), "--sample", "sample", "--target", "target", "--cq", "cq"));
        if (!groupColumn.isEmpty()) {
            args.addAll(List.of("--group", groupColumn));
        }
        ok(args.toArray(new String[0]));

        Table m = csv(out, "group", "target");
        assertEquals(List.of("group", "step", "target", "m_value"), m.columnNames());
        Table me = resourceTable("expected_genorm_M.csv", "group", "target");
        int checked = 0;
        for (int i = 0; i < me.rowCount(); i++) {
            if (!me.column("group").getString(i).equals(group)) {
                continue;
            }
            int found = -1;
            for (int j = 0; j < m.rowCount(); j++) {
                if (m.column("group").getString(j).equals(group)
                        && m.column("step").getLong(j) == me.column("step").getLong(i)
                        && m.column("target").getString(j).equals(me.column("target").getString(i))) {
                    found = j;
                }
            }
            assertTrue(found >= 0, "M of " + me.column("target").getString(i) + " at step " + me.column("step").getLong(i));
            near(me.column("m_value").getDouble(i), m.column("m_value").getDouble(found), "M " + i);
            checked++;
        }
        assertEquals(54, checked); // 10 + 9 + ... + 2 genes
        assertEquals(checked, m.rowCount() / (groupColumn.isEmpty() ? 1 : 2));

        Table v = csv(dir.resolve("m_variation.csv"), "group", "label");
        Table ve = resourceTable("expected_genorm_V.csv", "group");
        int nv = 0;
        for (int i = 0; i < ve.rowCount(); i++) {
            if (!ve.column("group").getString(i).equals(group)) {
                continue;
            }
            long n = ve.column("n").getLong(i);
            String label = "V" + n + "/" + (n + 1);
            boolean found = false;
            for (int j = 0; j < v.rowCount(); j++) {
                if (v.column("group").getString(j).equals(group) && v.column("label").getString(j).equals(label)) {
                    near(ve.column("v").getDouble(i), v.column("pairwise_variation").getDouble(j), label);
                    assertEquals(n + 1, v.column("n_genes").getLong(j), label);
                    found = true;
                }
            }
            assertTrue(found, label);
            nv++;
        }
        assertEquals(8, nv);

        Table rk = csv(dir.resolve("m_ranking.csv"), "group", "target");
        Table rke = resourceTable("expected_genorm_ranking.csv", "group", "target");
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < rke.rowCount(); i++) {
            if (rke.column("group").getString(i).equals(group)) {
                expected.add(rke.column("target").getString(i));
            }
        }
        for (int i = 0; i < rk.rowCount(); i++) {
            if (rk.column("group").getString(i).equals(group)) {
                actual.add(rk.column("target").getString(i));
            }
        }
        assertEquals(expected, actual);
        assertEquals("qpcr.genorm", record(out).analysis());
    }

    @Test
    void genormWritesVariationAndRankingWhereAsked() throws IOException {
        Path out = dir.resolve("m.csv");
        Path v = dir.resolve("v.csv");
        Path r = dir.resolve("r.csv");
        ok("qpcr", "genorm", "--input", resource("genorm_cq.csv").toString(), "--output", out.toString(), "--sample",
                "sample", "--target", "target", "--cq", "cq", "--group", "group", "--variation", v.toString(),
                "--ranking", r.toString());
        assertEquals(16, csv(v, "group").rowCount());
        assertEquals(20, csv(r, "group").rowCount());
        assertFalse(Files.exists(dir.resolve("m_variation.csv")));
        assertFalse(Files.exists(dir.resolve("m_ranking.csv")));
    }

    @Test
    void genormNeedsExactlyOneOfCqAndQuantity() throws IOException {
        Path in = resource("genorm_cq.csv");
        Run neither = run("qpcr", "genorm", "--input", in.toString(), "--output", dir.resolve("m.csv").toString(),
                "--sample", "sample", "--target", "target");
        assertEquals(BenchtopCli.EXIT_USAGE, neither.exit(), neither.err());
        Run both = run("qpcr", "genorm", "--input", in.toString(), "--output", dir.resolve("m.csv").toString(),
                "--sample", "sample", "--target", "target", "--cq", "cq", "--quantity", "cq");
        assertEquals(BenchtopCli.EXIT_USAGE, both.exit(), both.err());
        assertFalse(Files.exists(dir.resolve("m.csv")));
    }

    @Test
    void readRdmlGivesTheStepOneCqTableExactly() throws IOException {
        Path in = resource("RDML_stepone_std.rdml");
        Path out = dir.resolve("stepone.csv");
        ok("qpcr", "read-rdml", "--input", in.toString(), "--output", out.toString());
        String[] text = {"well", "sample", "type", "target"};
        Table t = csv(out, text);
        Table e = resourceTable("RDML_stepone_std_cq.csv", text);
        assertEquals(e.columnNames(), t.columnNames());
        assertEquals(e.rowCount(), t.rowCount());
        for (int i = 0; i < e.rowCount(); i++) {
            for (String c : text) {
                assertEquals(e.column(c).getString(i), t.column(c).getString(i), c + " row " + i);
            }
            for (String c : List.of("quantity", "cq")) {
                assertEquals(e.column(c).isMissing(i), t.column(c).isMissing(i), c + " missing, row " + i);
                if (!e.column(c).isMissing(i)) {
                    assertEquals(e.column(c).getDouble(i), t.column(c).getDouble(i), 0.0, c + " row " + i);
                }
            }
        }
        RunRecord r = record(out);
        assertEquals("qpcr.read_rdml", r.analysis());
        Map<String, String> p = parameters(r);
        assertEquals("RDML_stepone_std.rdml", p.get("input"));
        assertEquals(64, p.get("input_sha256").length());
        assertEquals(e.rowCount(), r.inputs().get(0).rows());
    }

    @Test
    void readRdmlOfAHostileFileIsBadInput() throws IOException {
        Path in = dir.resolve("xxe.rdml");
        Files.writeString(in, "<?xml version=\"1.0\"?>\n<!DOCTYPE rdml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rdml version=\"1.1\">&x;</rdml>\n");
        Path out = dir.resolve("xxe.csv");
        Run r = run("qpcr", "read-rdml", "--input", in.toString(), "--output", out.toString());
        assertEquals(BenchtopCli.EXIT_BAD_INPUT, r.exit(), r.err());
        assertFalse(r.err().contains("root:"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingSubcommandIsAUsageError() {
        Run r = run("qpcr");
        assertEquals(BenchtopCli.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("quantify, standard-curve, genorm or read-rdml"), r.err());
    }
}
