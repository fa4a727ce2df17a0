package org.benchtop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchtop dose-response fit} end to end on drc's ryegrass data: exit code, the EC50 against
 * R {@code nls} (1e-4 relative, the bar for estimates), the optional outputs, the run record,
 * and bad input (exit 3, one line naming the row, no output written).
 */
class DoseResponseCommandTest {

    @TempDir
    Path dir;

    /** A copy of a test resource in the temporary folder. */
    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = DoseResponseCommandTest.class.getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** R nls's estimate of a parameter of the ryegrass fit. */
    private static double rEstimate(String model, String param) throws IOException {
        try (InputStream in = DoseResponseCommandTest.class.getResourceAsStream("expected_dose_response_params.csv")) {
            Table t = CsvReader.withDefaults().read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "params");
            for (int r = 0; r < t.rowCount(); r++) {
                if (t.column("dataset").getString(r).equals("ryegrass") && t.column("model").getString(r).equals(model)
                        && t.column("param").getString(r).equals(param)) {
                    return t.column("estimate").getDouble(r);
                }
            }
        }
        throw new AssertionError("no reference for ryegrass " + model + " " + param);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchtopCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void ryegrassEc50AsRNls() throws IOException {
        Path in = resource("drc_ryegrass.csv");
        Path fits = dir.resolve("fits.csv");
        Path points = dir.resolve("points.csv");
        Path plots = dir.resolve("plots");
        Run r = run("dose-response", "fit", "--input", in.toString(), "--output", fits.toString(), "--dose", "conc",
                "--response", "rootl", "--ed", "10,50,90", "--points", points.toString(), "--plots", plots.toString());
        assertEquals(0, r.exit(), r.err());
        Table t = CsvReader.withDefaults().read(fits);
        assertEquals(1, t.rowCount());
        double ec50 = rEstimate("LL.4", "e");
        assertEquals(ec50, t.column("ec50").getDouble(0), 1e-4 * ec50, "ec50 vs R nls");
        assertEquals(rEstimate("LL.4", "b"), t.column("hill_slope").getDouble(0), 1e-4 * rEstimate("LL.4", "b"));
        assertEquals("LL.4", t.column("model").getString(0));
        assertTrue(t.column("well_determined").getBoolean(0));
        // ED50 = EC50 for a symmetric model
        assertEquals(ec50, t.column("ed50").getDouble(0), 1e-4 * ec50);
        assertEquals(24, CsvReader.withDefaults().read(points).rowCount());
        assertTrue(Files.isRegularFile(plots.resolve("dose_response_all.png")));
        RunRecord rec = RunRecord.fromJson(Files.readString(dir.resolve("fits.csv.run.json")));
        assertEquals("dose_response.fit", rec.analysis());
        Map<String, String> p = new java.util.HashMap<>();
        rec.parameters().forEach(x -> p.put(x.name(), x.value()));
        assertEquals("conc", p.get("dose"));
        assertEquals("LL.4", p.get("model"));
        assertEquals("jacobian", p.get("se"));
        assertEquals("10,50,90", p.get("ed"));
        assertEquals("true", p.get("plots"));
        assertEquals(24, rec.inputs().get(0).rows());
    }

    @Test
    void ll3WithOptionsAndSeparateOutputs() throws IOException {
        Path in = resource("drc_ryegrass.csv");
        Path fits = dir.resolve("fits.csv");
        Path cmp = dir.resolve("cmp.csv");
        Run r = run("dose-response", "fit", "--input", in.toString(), "--output", fits.toString(), "--dose", "conc",
                "--response", "rootl", "--model", "LL.3", "--se", "hessian", "--comparisons", cmp.toString());
        assertEquals(0, r.exit(), r.err());
        Table t = CsvReader.withDefaults().read(fits);
        double e = rEstimate("LL.3", "e");
        assertEquals(e, t.column("ec50").getDouble(0), 1e-4 * e);
        assertEquals(0.0, t.column("bottom").getDouble(0));
        assertFalse(t.columnNames().contains("bottom_se"), "c is fixed by LL.3");
        assertTrue(Files.isRegularFile(cmp));
    }

    @Test
    void negativeDoseIsExit3WithOneLineNamingTheRowAndNoOutput() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(resource("drc_ryegrass.csv")));
        lines.set(8, "-0.94,6.914285714"); // file line 9
        Path in = dir.resolve("bad.csv");
        Files.write(in, lines);
        Path out = dir.resolve("out");
        Files.createDirectory(out);
        Run r = run("dose-response", "fit", "--input", in.toString(), "--output", out.resolve("fits.csv").toString(),
                "--dose", "conc", "--response", "rootl", "--points", out.resolve("points.csv").toString(), "--plots",
                out.resolve("plots").toString());
        assertEquals(BenchtopCli.EXIT_BAD_INPUT, r.exit(), r.err());
        String msg = r.err().strip();
        assertFalse(msg.contains("\n"), "one line: " + msg);
        assertTrue(msg.startsWith("benchtop: "), msg);
        assertTrue(msg.contains("negative dose -0.94") && msg.contains("bad.csv line 9"), msg);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList(), "no output on bad input");
        }
    }

    @Test
    void unknownModelIsBadInput() throws IOException {
        Path in = resource("drc_ryegrass.csv");
        Run r = run("dose-response", "fit", "--input", in.toString(), "--output", dir.resolve("f.csv").toString(),
                "--dose", "conc", "--response", "rootl", "--model", "LL.7");
        assertEquals(BenchtopCli.EXIT_BAD_INPUT, r.exit());
        assertTrue(r.err().contains("Unknown dose-response model 'LL.7'"), r.err());
        assertFalse(Files.exists(dir.resolve("f.csv")));
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Run r = run("dose-response", "fit", "--input", "x.csv", "--output", "y.csv", "--dose", "conc");
        assertEquals(BenchtopCli.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("--response"), r.err());
    }
}
