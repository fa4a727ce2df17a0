package org.benchtop.core.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.benchtop.core.BenchtopException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verification of .eln archives: tampering, missing and added files, and hostile archives. */
class ElnVerifierTest {

    private static final String DIR = "Milademetan-screen-follow-up/";

    @TempDir
    Path tmp;

    private Path written() {
        Path f = tmp.resolve("entry.eln");
        ElnWriter.write(NotebookFixtures.fullEntry(), f, false);
        return f;
    }

    @Test
    void aFreshArchiveIsIntact() {
        ElnVerifier.Report r = ElnVerifier.withDefaults().verify(written());
        assertTrue(r.intact(), r.problems().toString());
        assertEquals("entry", r.rootFolder());
        assertEquals(11, r.filesChecked()); // report, 4 tables, 2 PNG + 1 SVG, 3 run records
        assertEquals(List.of(), r.notes());
    }

    @Test
    void oneChangedByteIsReportedWithTheFileName() throws IOException {
        Path f = written();
        NotebookFixtures.rewrite(f, (name, b) -> {
            if (name.endsWith("/qpcr/fold_changes.csv")) {
                byte[] c = b.clone();
                c[c.length - 2] ^= 1;
                return c;
            }
            return b;
        }, List.of());
        ElnVerifier.Report r = ElnVerifier.withDefaults().verify(f);
        assertEquals(1, r.problems().size(), r.problems().toString());
        ElnVerifier.Finding x = r.problems().get(0);
        assertEquals(DIR + "qpcr/fold_changes.csv", x.path());
        assertTrue(x.problem().startsWith("changed: SHA-256 "), x.problem());
        // reading the entry back refuses the changed file too
        NotebookException e = assertThrows(NotebookException.class, () -> ElnReader.withDefaults().readEntry(f));
        assertTrue(e.getMessage().contains("qpcr/fold_changes.csv") && e.getMessage().contains("changed"),
                e.getMessage());
    }

    @Test
    void missingAddedAndResizedFilesAreEachReported() throws IOException {
        Path f = written();
        NotebookFixtures.rewrite(f, (name, b) -> {
            if (name.endsWith("/curves.png")) {
                return null;
            }
            if (name.endsWith("/plates_qc.csv")) {
                return Arrays.copyOf(b, b.length + 3);
            }
            return b;
        }, List.<String[]>of(new String[] {"entry/" + DIR + "extra.csv", "x,y\n"}));
        ElnVerifier.Report r = ElnVerifier.withDefaults().verify(f);
        List<String> lines = r.problems().stream().map(ElnVerifier.Finding::toString).toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(DIR + "plates_qc.csv: changed: ")
                && l.contains("bytes, the metadata records")), lines.toString());
        assertTrue(lines.contains(DIR + "curves.png: missing: listed in the metadata but not in the archive"),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(DIR + "extra.csv: added")), lines.toString());
    }

    @Test
    void aFileWithoutChecksumIsNotedNotFailed() throws IOException {
        Path f = written();
        NotebookFixtures.rewrite(f, (name, b) -> name.endsWith("ro-crate-metadata.json")
                ? new String(b, StandardCharsets.UTF_8).replaceFirst("\"sha256\" : \"[0-9a-f]+\",\\n\\s*", "")
                        .getBytes(StandardCharsets.UTF_8) : b, List.of());
        ElnVerifier.Report r = ElnVerifier.withDefaults().verify(f);
        assertTrue(r.intact(), r.problems().toString());
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).contains("no SHA-256") && r.notes().get(0).contains("size was checked"));
    }

    @Test
    void unencodedPathsAsELabFtwWritesThemAreFound() throws IOException {
        Path f = tmp.resolve("raw.eln");
        String sha = ElnWriterTest.sha256("a\n1\n".getBytes(StandardCharsets.UTF_8));
        NotebookFixtures.zip(f, "raw/ro-crate-metadata.json", "{\"@graph\": ["
                + "{\"@id\": \"ro-crate-metadata.json\", \"@type\": \"CreativeWork\", \"about\": {\"@id\": \"./\"},"
                + " \"conformsTo\": {\"@id\": \"https://w3id.org/ro/crate/1.1\"}},"
                + "{\"@id\": \"./\", \"@type\": \"Dataset\", \"hasPart\": [{\"@id\": \"./Exp 1 - a%20b/\"}]},"
                + "{\"@id\": \"./Exp 1 - a%20b/\", \"@type\": \"Dataset\", \"hasPart\": [{\"@id\": \"./Exp 1 - a%20b/50%.csv\"}]},"
                + "{\"@id\": \"./Exp 1 - a%20b/50%.csv\", \"@type\": \"File\", \"contentSize\": \"4\", \"sha256\": \""
                + sha + "\"}]}", "raw/Exp 1 - a%20b/50%.csv", "a\n1\n");
        ElnVerifier.Report r = ElnVerifier.withDefaults().verify(f);
        assertTrue(r.intact(), r.problems().toString());
        assertEquals(1, r.filesChecked());
    }

    @Test
    void notAZipIsRefused() throws IOException {
        Path f = tmp.resolve("fake.eln");
        Files.writeString(f, "this is a text file, not a zip archive\n");
        assertBadInput(f, "is not a zip archive");
        Path empty = tmp.resolve("empty.eln");
        Files.write(empty, new byte[0]);
        assertBadInput(empty, "is not a zip archive");
        assertBadInput(tmp.resolve("nowhere.eln"), "does not exist");
    }

    @Test
    void anArchiveWithoutMetadataIsRefused() throws IOException {
        Path f = tmp.resolve("nometa.eln");
        NotebookFixtures.zip(f, "nometa/data.csv", "a\n1\n");
        assertBadInput(f, "has no ro-crate-metadata.json in its folder nometa/");
    }

    @Test
    void metadataThatIsNotJsonOrNotACrateIsRefused() throws IOException {
        Path f = tmp.resolve("badjson.eln");
        NotebookFixtures.zip(f, "badjson/ro-crate-metadata.json", "{ not json");
        assertBadInput(f, "is not valid JSON");
        Path g = tmp.resolve("nograph.eln");
        NotebookFixtures.zip(g, "nograph/ro-crate-metadata.json", "{\"@context\": \"x\"}");
        assertBadInput(g, "no @graph");
        Path h = tmp.resolve("noconform.eln");
        NotebookFixtures.zip(h, "noconform/ro-crate-metadata.json", "{\"@graph\": [{\"@id\": \"./\", \"@type\": "
                + "\"Dataset\"}, {\"@id\": \"ro-crate-metadata.json\", \"@type\": \"CreativeWork\"}]}");
        assertBadInput(h, "does not declare conformsTo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"entry/../x.csv", "../x.csv", "/etc/passwd", "entry/a/../../x", "C:/x.csv",
        "entry\\..\\x.csv"})
    void entriesEscapingTheFolderAreRefused(String evil) throws IOException {
        Path f = tmp.resolve("evil.eln");
        NotebookFixtures.zip(f, "entry/ro-crate-metadata.json", "{}", evil, "boom");
        NotebookException e = assertBadInput(f, "refused");
        assertTrue(e.getMessage().contains(evil), e.getMessage());
    }

    @Test
    void twoTopLevelFoldersOrLooseFilesAreRefused() throws IOException {
        Path f = tmp.resolve("two.eln");
        NotebookFixtures.zip(f, "a/ro-crate-metadata.json", "{}", "b/x.csv", "1");
        assertBadInput(f, "exactly one folder at its top level");
        Path g = tmp.resolve("loose.eln");
        NotebookFixtures.zip(g, "ro-crate-metadata.json", "{}", "a/x.csv", "1");
        assertBadInput(g, "holds a/, ro-crate-metadata.json");
    }

    @Test
    void aZipBombIsStoppedWhileInflating() throws IOException {
        Path f = tmp.resolve("bomb.eln");
        try (OutputStream os = Files.newOutputStream(f); ZipOutputStream zo = new ZipOutputStream(os)) {
            zo.putNextEntry(new ZipEntry("bomb/ro-crate-metadata.json"));
            zo.write("{}".getBytes(StandardCharsets.UTF_8));
            zo.closeEntry();
            zo.putNextEntry(new ZipEntry("bomb/zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) { // 64 MiB of zeros deflate about 1000-fold
                zo.write(zeros);
            }
            zo.closeEntry();
        }
        assertTrue(Files.size(f) < 200_000, "the bomb is small: " + Files.size(f));
        assertBadInput(f, "zip bomb");
        // the total size bound alone stops it too
        ElnReader.Limits small = new ElnReader.Limits(100, 10L << 20, 1L << 20, 1e9);
        NotebookException e = assertThrows(NotebookException.class,
                () -> ElnVerifier.withDefaults().withLimits(small).verify(f));
        assertTrue(e.getMessage().contains("inflates to more than 10485760 bytes"), e.getMessage());
    }

    @Test
    void tooManyEntriesAreRefusedBeforeReading() throws IOException {
        Path f = tmp.resolve("many.eln");
        String[] entries = new String[2 * 50];
        for (int i = 0; i < 50; i++) {
            entries[2 * i] = "many/f" + i + ".txt";
            entries[2 * i + 1] = "x";
        }
        NotebookFixtures.zip(f, entries);
        NotebookException e = assertThrows(NotebookException.class, () -> ElnVerifier.withDefaults()
                .withLimits(new ElnReader.Limits(20, 1L << 20, 1L << 20, 100)).verify(f));
        assertTrue(e.getMessage().contains("has 50 entries, more than the 20"), e.getMessage());
    }

    @Test
    void aMetadataIdPointingOutsideTheFolderIsAProblem() throws IOException {
        Path f = written();
        NotebookFixtures.rewrite(f, (name, b) -> name.endsWith("ro-crate-metadata.json")
                ? new String(b, StandardCharsets.UTF_8).replace("\"./" + DIR + "curves.png\"", "\"../../curves.png\"")
                        .getBytes(StandardCharsets.UTF_8) : b, List.of());
        ElnVerifier.Report r = ElnVerifier.withDefaults().verify(f);
        List<String> lines = r.problems().stream().map(ElnVerifier.Finding::toString).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("../../curves.png: its @id contains '..'")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(DIR + "curves.png: added")), lines.toString());
    }

    private NotebookException assertBadInput(Path f, String expected) {
        NotebookException e = assertThrows(NotebookException.class, () -> ElnVerifier.withDefaults().verify(f));
        assertEquals(BenchtopException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e;
    }
}
