package org.benchtop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.benchtop.cli.PlatesCommandTest.Run;
import org.benchtop.core.notebook.ElnReader;
import org.benchtop.core.notebook.NotebookEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end {@code benchtop notebook create|verify} on a folder made by {@code plates normalize} and
 * {@code plates qc} on the bundled KcViab screen.
 */
class NotebookCommandTest {

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** The run folder: normalize (with heatmaps) and QC of the KcViab screen. */
    static Path runDir;

    @BeforeAll
    static void runPlateAnalyses() {
        runDir = shared.resolve("run");
        runDir.toFile().mkdirs();
        Path wells = PlatesCommandTest.examples().resolve("kcviab/wells.csv");
        Run n = PlatesCommandTest.run(PlatesCommandTest.normalizeArgs(wells, runDir.resolve("normalized.csv"),
                "--methods", "b_score,robust_z_score", "--heatmaps", runDir.resolve("heatmaps").toString()));
        assertEquals(0, n.code(), n.err());
        Run q = PlatesCommandTest.run("plates", "qc", "--input", wells.toString(), "--output",
                runDir.resolve("qc.csv").toString(), "--plate", "plate,replicate", "--well", "well", "--value", "value",
                "--content", "content", "--exclude", "flagged");
        assertEquals(0, q.code(), q.err());
        assertTrue(Files.isRegularFile(runDir.resolve("normalized.csv.run.json")));
    }

    private Run create(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("notebook", "create", "--title", "KcViab screen: normalization & QC",
                "--author", "Ada Lovelace", "--orcid", "0000-0002-1825-0097", "--project", "RNAi viability",
                "--notes", "Boutros et al. 2004.", "--from", runDir.toString(), "--output", out.toString()));
        a.addAll(List.of(extra));
        return PlatesCommandTest.run(a.toArray(String[]::new));
    }

    @Test
    void createsAnEntryThatVerifies() throws IOException {
        Path eln = tmp.resolve("kcviab.eln");
        Path html = tmp.resolve("kcviab.html");
        Path pdf = tmp.resolve("kcviab.pdf");
        Run r = create(eln, "--html", html.toString(), "--pdf", pdf.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 analyses, 2 tables, 114 plots"), r.out());
        assertEquals("", r.err(), "no warnings: both runs have their output beside them");

        NotebookEntry e = ElnReader.withDefaults().readEntry(eln);
        assertEquals(List.of("plates.normalize", "plates.qc"),
                e.runRecords().stream().map(x -> x.analysis()).sorted().toList());
        assertArrayEquals(Files.readAllBytes(runDir.resolve("qc.csv")),
                e.tables().stream().filter(t -> t.name().equals("qc.csv")).findFirst().orElseThrow().csv());

        String report = Files.readString(html);
        assertTrue(report.contains("Plate quality control") && report.contains("plates pass"), "summary");
        assertTrue(report.contains("wells on 114 plates normalized"), "normalization summary");
        assertTrue(report.contains("heatmaps <span class=\"source\">(114 plots)</span>"), "plots");
        byte[] head = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(head, 0, 5, StandardCharsets.US_ASCII));

        Run v = PlatesCommandTest.run("notebook", "verify", eln.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().startsWith("OK: ") && v.out().contains("119 files match"), v.out());
    }

    @Test
    void theLicenseGivenIsRecordedInTheArchive() throws IOException {
        Path eln = tmp.resolve("licensed.eln");
        Run r = create(eln, "--license", "https://creativecommons.org/licenses/by/4.0/");
        assertEquals(0, r.code(), r.err());
        assertEquals("https://creativecommons.org/licenses/by/4.0/",
                ElnReader.withDefaults().readEntry(eln).license());
    }

    @Test
    void oneTamperedByteIsFoundAndNamed() throws IOException {
        Path eln = tmp.resolve("entry.eln");
        assertEquals(0, create(eln).code());
        rewrite(eln, "/qc.csv");
        Run v = PlatesCommandTest.run("notebook", "verify", eln.toString());
        assertEquals(3, v.code(), v.out() + v.err());
        List<String> lines = v.out().lines().toList();
        assertEquals(1, lines.size(), v.out());
        assertTrue(lines.get(0).startsWith("entry/KcViab-screen-normalization-QC/qc.csv: changed: SHA-256 "),
                lines.get(0));
        assertTrue(v.err().contains("is NOT intact"), v.err());
    }

    @Test
    void existingOutputIsReplacedOnlyWithOverwrite() throws IOException {
        Path eln = tmp.resolve("entry.eln");
        Files.writeString(eln, "keep me");
        Run r = create(eln);
        assertEquals(3, r.code());
        assertTrue(r.err().contains("exists already") && r.err().contains("--overwrite"), r.err());
        assertEquals("keep me", Files.readString(eln));
        assertEquals(0, create(eln, "--overwrite").code());
        assertEquals(0, PlatesCommandTest.run("notebook", "verify", eln.toString()).code());
    }

    @Test
    void aFolderWithoutRunRecordsGivesAnEntryWithAWarning() throws IOException {
        Path dir = tmp.resolve("plain");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("mine.csv"), "a,b\n1,2\n");
        Path eln = tmp.resolve("plain.eln");
        Run r = PlatesCommandTest.run("notebook", "create", "--title", "Mine", "--author", "Me", "--from", dir.toString(),
                "--table", dir.resolve("mine.csv").toString(), "--output", eln.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("benchtop: warning: This entry holds no Benchtop run record"), r.err());
        assertTrue(Files.isRegularFile(eln));
    }

    @Test
    void badOutputsAreOneClearMessageAndExit3() {
        Run noFolder = create(tmp.resolve("missing/entry.eln"));
        assertEquals(3, noFolder.code());
        assertEquals(1, noFolder.err().lines().count(), noFolder.err());
        assertTrue(noFolder.err().contains("does not exist"), noFolder.err());

        Run notEln = create(tmp.resolve("entry.zip"));
        assertEquals(3, notEln.code());
        assertTrue(notEln.err().contains(".eln"), notEln.err());

        Path ro = tmp.resolve("readonly");
        ro.toFile().mkdirs();
        if (ro.toFile().setWritable(false) && !Files.isWritable(ro)) { // root may write anywhere
            Run notWritable = create(ro.resolve("entry.eln"));
            assertEquals(3, notWritable.code());
            assertTrue(notWritable.err().contains("not writable"), notWritable.err());
        }
        Run badOrcid = PlatesCommandTest.run("notebook", "create", "--title", "t", "--author", "a", "--orcid",
                "0000-0002-1825-0098", "--from", runDir.toString(), "--output", tmp.resolve("x.eln").toString());
        assertEquals(3, badOrcid.code());
        assertTrue(badOrcid.err().contains("check digit"), badOrcid.err());
        assertFalse(Files.exists(tmp.resolve("x.eln")));
    }

    @Test
    void aNameEscapingTheFolderIsRefused() throws IOException {
        Path dir = tmp.resolve("evil");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a:b.csv"), "a\n1\n");
        Run r = PlatesCommandTest.run("notebook", "create", "--title", "t", "--author", "a", "--from", dir.toString(),
                "--table", dir.resolve("a:b.csv").toString(), "--output", tmp.resolve("e.eln").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("The table name 'a:b.csv'"), r.err());
    }

    @Test
    void verifyRefusesHostileOrBrokenArchivesWithOneLine() throws IOException {
        Path text = tmp.resolve("text.eln");
        Files.writeString(text, "hello");
        check(PlatesCommandTest.run("notebook", "verify", text.toString()), "is not a zip archive");

        Path noMeta = tmp.resolve("nometa.eln");
        zip(noMeta, "nometa/data.csv");
        check(PlatesCommandTest.run("notebook", "verify", noMeta.toString()), "has no ro-crate-metadata.json");

        Path escape = tmp.resolve("escape.eln");
        zip(escape, "escape/ro-crate-metadata.json", "escape/../../evil.sh");
        check(PlatesCommandTest.run("notebook", "verify", escape.toString()), "'escape/../../evil.sh'");

        check(PlatesCommandTest.run("notebook", "verify", tmp.resolve("none.eln").toString()), "does not exist");
    }

    private static void check(Run r, String expected) {
        assertEquals(3, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("benchtop: ") && r.err().contains(expected), r.err());
    }

    private static void zip(Path file, String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("{}".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        Files.write(file, bytes.toByteArray());
    }

    /** Flips one bit in the first entry whose name ends with {@code suffix}. */
    private static void rewrite(Path eln, String suffix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean done = false;
        try (ZipFile in = new ZipFile(eln.toFile()); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] b = in.getInputStream(e).readAllBytes();
                if (!done && e.getName().endsWith(suffix)) {
                    b[b.length / 2] ^= 1;
                    done = true;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
        assertTrue(done);
        Files.write(eln, bytes.toByteArray());
    }
}
