package org.benchtop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of {@code benchtop plates ...} on the bundled KcViab screen. */
class PlatesCommandTest {

    /** Tolerances against R (the reference file has 12 significant digits). */
    static final double REL = 1e-9;
    static final double ABS = 1e-12;

    @TempDir
    Path tmp;

    static Path examples() {
        return Path.of(System.getProperty("benchtop.examples", "../examples"));
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchtopCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static String[] normalizeArgs(Path input, Path output, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("plates", "normalize", "--input", input.toString(), "--output", output.toString(),
                "--plate", "plate,replicate", "--well", "well", "--value", "value", "--content", "content"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void normalizeReproducesRForPlate1() throws IOException {
        Path out = tmp.resolve("normalized.csv");
        Run r = run(normalizeArgs(examples().resolve("kcviab/wells.csv"), out));
        assertEquals(0, r.code(), r.err());
        Table got = CsvReader.withDefaults().withStringColumns(Set.of("well")).read(out);
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < got.rowCount(); i++) {
            rowOf.put(got.column("plate").getString(i) + "/" + got.column("replicate").getString(i) + "/" + got.column("well").getString(i), i);
        }
        Table ref;
        try (var in = new InputStreamReader(getClass().getResourceAsStream("plates/expected_per_well_plate1.csv"), StandardCharsets.UTF_8)) {
            ref = CsvReader.withDefaults().withStringColumns(Set.of("well")).read(in, "expected_per_well_plate1.csv");
        }
        String[][] pairs = {{"pct_of_neg", "percent_of_negative"}, {"pct_inhibition", "percent_inhibition"},
            {"robust_zscore", "robust_z_score"}, {"bscore_cellHTS2", "b_score"}};
        assertEquals(768, ref.rowCount());
        for (int i = 0; i < ref.rowCount(); i++) {
            String key = ref.column("plate").getString(i) + "/" + ref.column("replicate").getString(i) + "/" + ref.column("well").getString(i);
            int row = rowOf.get(key);
            for (String[] p : pairs) {
                double want = ref.column(p[0]).getDouble(i);
                double have = got.column(p[1]).getDouble(row);
                assertEquals(Double.isNaN(want), Double.isNaN(have), p[1] + " NA pattern at " + key);
                if (!Double.isNaN(want)) {
                    assertTrue(Math.abs(have - want) <= Math.max(ABS, REL * Math.abs(want)), p[1] + " at " + key + ": " + have + " vs R " + want);
                }
            }
        }
        RunRecord rec = RunRecord.fromJson(Files.readString(tmp.resolve("normalized.csv.run.json")));
        assertEquals("plates.normalize", rec.analysis());
        assertEquals(1, rec.inputs().size());
        assertEquals(43776, rec.inputs().get(0).rows());
    }

    @Test
    void qcWritesOneRowPerPlateAndTheScreenTable() throws IOException {
        Path out = tmp.resolve("qc.csv");
        Path screen = tmp.resolve("screen.csv");
        Run r = run("plates", "qc", "--input", examples().resolve("kcviab/wells.csv").toString(), "--output", out.toString(),
                "--screen", screen.toString(), "--plate", "plate,replicate", "--well", "well", "--value", "value", "--content", "content",
                "--exclude", "flagged");
        assertEquals(0, r.code(), r.err());
        assertEquals(114, CsvReader.withDefaults().read(out).rowCount());
        assertEquals(8, CsvReader.withDefaults().read(screen).rowCount());
        assertTrue(r.err().contains("Z' and SSMD could not be computed"), "single control wells must be reported: " + r.err());
    }

    @Test
    void unknownWellIdIsBadInputWithOneLineAndNoOutput() throws IOException {
        Path in = tmp.resolve("bad.csv");
        Files.writeString(in, "plate,replicate,well,value,content\n1,1,A01,10,neg\n1,1,Q99,12,pos\n1,1,A03,11,sample\n");
        Path out = tmp.resolve("out.csv");
        Run r = run(normalizeArgs(in, out));
        assertEquals(BenchtopCli.EXIT_BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("bad.csv line 3"), r.err());
        assertTrue(r.err().contains("Q99"), r.err());
        assertFalse(Files.exists(out), "no partial output");
        assertFalse(Files.exists(tmp.resolve("out.csv.run.json")));
    }

    @Test
    void missingInputFileIsBadInput() {
        Run r = run(normalizeArgs(tmp.resolve("nope.csv"), tmp.resolve("o.csv")));
        assertEquals(BenchtopCli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("nope.csv"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("plates", "normalize", "--frobnicate");
        assertEquals(BenchtopCli.EXIT_USAGE, r.code());
    }

    /** What the demo ran on KcViab before it became the milademetan workflow (DemoCommandTest): both commands, every output. */
    @Test
    void kcviabWorkflowWritesEveryResult() throws IOException {
        Path dir = tmp.resolve("kcviab");
        Files.createDirectories(dir);
        String wells = examples().resolve("kcviab/wells.csv").toString();
        Run n = run(normalizeArgs(examples().resolve("kcviab/wells.csv"), dir.resolve("plates_normalized.csv"), "--exclude", "flagged",
                "--methods", "all", "--heatmaps", dir.resolve("heatmaps").toString()));
        assertEquals(0, n.code(), n.err());
        Run q = run("plates", "qc", "--input", wells, "--output", dir.resolve("plates_qc.csv").toString(), "--plate", "plate,replicate",
                "--well", "well", "--value", "value", "--content", "content", "--exclude", "flagged",
                "--screen", dir.resolve("plates_screen_qc.csv").toString(), "--effects", dir.resolve("plates_effects.csv").toString());
        assertEquals(0, q.code(), q.err());
        for (String f : List.of("plates_normalized.csv", "plates_normalized.csv.run.json", "plates_qc.csv", "plates_qc.csv.run.json",
                "plates_screen_qc.csv", "plates_effects.csv")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        try (var maps = Files.list(dir.resolve("heatmaps"))) {
            assertEquals(114, maps.count());
        }
    }
}
