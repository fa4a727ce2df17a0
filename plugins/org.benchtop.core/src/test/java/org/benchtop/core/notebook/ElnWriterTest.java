package org.benchtop.core.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The .eln writer: round trip through {@link ElnReader}, and the archive and metadata rules of the ELN
 * Consortium specification (SPECIFICATION.md of TheELNConsortium/TheELNFileFormat) and RO-Crate 1.1, checked
 * here on the raw zip with java.util.zip and Jackson (independently of the reader). The round trip with the
 * RO-Crate library ro-crate-java is in the command line module's tests (it is not an OSGi bundle).
 */
class ElnWriterTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripGivesTheSameEntry() {
        NotebookEntry e = NotebookFixtures.fullEntry();
        Path f = tmp.resolve("milademetan.eln");
        ElnWriter.write(e, f, false);
        NotebookEntry back = ElnReader.withDefaults().readEntry(f);
        assertSameEntry(e, back);
        assertTrue(back.plots().get(0).svg().isPresent());
        assertEquals("", back.license());
    }

    private static void assertSameEntry(NotebookEntry e, NotebookEntry back) {
        assertEquals(e.title(), back.title());
        assertEquals(e.author(), back.author());
        assertEquals(e.project(), back.project());
        assertEquals(e.notes(), back.notes());
        assertEquals(e.license(), back.license());
        assertEquals(e.created(), back.created());
        assertEquals(e.analyses(), back.analyses());
        assertEquals(e.runRecords(), back.runRecords());
        assertEquals(e.tables(), back.tables());
        assertEquals(e.plots(), back.plots());
    }

    @Test
    void awkwardNamesAndTheLicenseRoundTrip() throws IOException {
        NotebookEntry e = NotebookFixtures.awkwardEntry("https://creativecommons.org/licenses/by/4.0/");
        Path f = tmp.resolve("awkward.eln");
        ElnWriter.write(e, f, false);
        assertTrue(ElnVerifier.withDefaults().verify(f).intact());
        NotebookEntry back = ElnReader.withDefaults().readEntry(f);
        assertSameEntry(e, back);
        assertEquals("https://creativecommons.org/licenses/by/4.0/", back.license());
        Set<String> stored = new HashSet<>();
        try (ZipFile z = new ZipFile(f.toFile())) {
            for (ZipEntry x : java.util.Collections.list(z.entries())) {
                assertTrue(x.getName().matches("[A-Za-z0-9._/-]+"), "portable name: " + x.getName());
                assertTrue(stored.add(x.getName().substring(x.getName().lastIndexOf('/') + 1).toLowerCase(
                        java.util.Locale.ROOT)), "unique file name: " + x.getName());
            }
        }
        NotebookEntry text = NotebookFixtures.awkwardEntry("internal use only");
        Path g = tmp.resolve("text.eln");
        ElnWriter.write(text, g, false);
        assertEquals("internal use only", ElnReader.withDefaults().readEntry(g).license());
    }

    @Test
    void archiveHoldsOneFolderNamedLikeTheFileWithTheMetadataInIt() throws IOException {
        Path f = tmp.resolve("screen-7.eln");
        ElnWriter.write(NotebookFixtures.fullEntry(), f, false);
        Set<String> tops = new HashSet<>();
        try (ZipFile z = new ZipFile(f.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                tops.add(e.getName().substring(0, e.getName().indexOf('/') + 1));
                assertFalse(e.getName().contains(".."), e.getName());
            }
            assertNotNull(z.getEntry("screen-7/ro-crate-metadata.json"));
        }
        assertEquals(Set.of("screen-7/"), tops);
    }

    @Test
    void metadataFollowsRoCrateAndTheElnSpecification() throws IOException {
        Path f = tmp.resolve("entry.eln");
        AtomicFiles.Written w = ElnWriter.write(NotebookFixtures.fullEntry(), f, false);
        assertEquals(sha256(Files.readAllBytes(f)), w.sha256());
        assertEquals(Files.size(f), w.size());
        Map<String, byte[]> files = new HashMap<>();
        try (ZipFile z = new ZipFile(f.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (!e.isDirectory()) {
                    files.put(e.getName().substring("entry/".length()), z.getInputStream(e).readAllBytes());
                }
            }
        }
        JsonNode doc = new ObjectMapper().readTree(files.get("ro-crate-metadata.json"));
        assertEquals("https://w3id.org/ro/crate/1.1/context", doc.get("@context").asText());
        Map<String, JsonNode> g = new HashMap<>();
        for (JsonNode n : doc.get("@graph")) {
            assertTrue(g.put(n.get("@id").asText(), n) == null, "unique @id " + n.get("@id"));
        }
        JsonNode descriptor = g.get("ro-crate-metadata.json");
        assertEquals("CreativeWork", descriptor.get("@type").asText());
        assertEquals("./", descriptor.get("about").get("@id").asText());
        assertEquals("https://w3id.org/ro/crate/1.1", descriptor.get("conformsTo").get("@id").asText());
        assertEquals("1.1", descriptor.get("version").asText());
        JsonNode publisher = g.get(descriptor.get("sdPublisher").get("@id").asText());
        assertEquals("Organization", publisher.get("@type").asText());

        JsonNode root = g.get("./");
        assertEquals("Dataset", root.get("@type").asText());
        assertEquals("Milademetan <screen> & follow-up", root.get("name").asText());
        assertEquals("2025-03-04T09:10:11Z", root.get("dateCreated").asText());
        assertTrue(root.has("description") && root.has("datePublished"));
        JsonNode license = g.get(root.get("license").get("@id").asText());
        assertEquals("No license chosen", license.get("name").asText());
        JsonNode person = g.get(root.get("author").get("@id").asText());
        assertEquals("Person", person.get("@type").asText());
        assertEquals("https://orcid.org/0000-0002-1825-0097", person.get("@id").asText());
        assertEquals("Ada Lovelace", person.get("name").asText());
        assertEquals("ada@example.org", person.get("email").asText());

        // root -> one Dataset (the experiment) -> every file; no Dataset inside a Dataset's hasPart
        assertEquals(1, root.get("hasPart").size());
        JsonNode ds = g.get(root.get("hasPart").get(0).get("@id").asText());
        assertEquals("Dataset", ds.get("@type").asText());
        assertEquals("./Milademetan-screen-follow-up/", ds.get("@id").asText());
        assertTrue(ds.has("name") && ds.has("author") && ds.has("dateCreated") && ds.has("text"));
        List<String> listed = new ArrayList<>();
        for (JsonNode part : ds.get("hasPart")) {
            JsonNode file = g.get(part.get("@id").asText());
            assertEquals("File", file.get("@type").asText(), part.toString());
            String path = ElnReader.pathOf(file.get("@id").asText());
            byte[] bytes = files.get(path);
            assertNotNull(bytes, "listed file is in the archive: " + path);
            assertEquals(Integer.toString(bytes.length), file.get("contentSize").asText(), path);
            assertEquals(sha256(bytes), file.get("sha256").asText(), path);
            assertTrue(file.has("name") && file.has("encodingFormat"), path);
            listed.add(path);
        }
        // every file but the metadata is listed
        Set<String> inZip = new HashSet<>(files.keySet());
        inZip.remove("ro-crate-metadata.json");
        assertEquals(inZip, new HashSet<>(listed));
        // stored under portable names (the @id is the same decoded or not); the entry's name in alternateName
        JsonNode de = g.get("./Milademetan-screen-follow-up/de_results.csv");
        assertEquals("de_results.csv", de.get("name").asText());
        assertEquals("de results.csv", de.get("alternateName").asText());
        JsonNode heatmap = g.get("./Milademetan-screen-follow-up/heatmaps/plate_1.png");
        assertEquals("plate_1.png", heatmap.get("name").asText(), "name: the file name, as in the specification");
        assertEquals("heatmaps/plate 1.png", heatmap.get("alternateName").asText());
        assertFalse(g.get("./Milademetan-screen-follow-up/plates_qc.csv").has("alternateName"));
        assertTrue(listed.contains("Milademetan-screen-follow-up/report.html"));
        assertTrue(listed.contains("Milademetan-screen-follow-up/heatmaps/plate_1.svg"));
        assertTrue(listed.contains("Milademetan-screen-follow-up/provenance/run-02-dose_response.fit.json"));

        // the project, as flexible metadata (variableMeasured PropertyValue)
        JsonNode project = g.get(ds.get("variableMeasured").get(0).get("@id").asText());
        assertEquals("MDM2 / p53", project.get("value").asText());
        JsonNode notes = g.get(ds.get("variableMeasured").get(1).get("@id").asText());
        assertEquals("First paragraph.\n\nSecond <b>paragraph</b>.", notes.get("value").asText());
        assertEquals("<p>First paragraph.</p>\n<p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>\n<p>Project: MDM2 / p53</p>\n",
                ds.get("text").asText());
        assertEquals("experiment", ds.get("genre").asText());

        // analyses: CreateAction with instrument, object (inputs + parameters), result, times
        assertEquals(3, root.get("mentions").size());
        JsonNode qc = g.get("#run-01");
        assertEquals("CreateAction", qc.get("@type").asText());
        assertEquals("plates.qc", qc.get("name").asText());
        assertEquals("2025-03-04T09:10:11Z", qc.get("startTime").asText());
        assertEquals("2025-03-04T09:10:14Z", qc.get("endTime").asText());
        JsonNode app = g.get(qc.get("instrument").get("@id").asText());
        assertEquals("SoftwareApplication", app.get("@type").asText());
        assertEquals("Benchtop", app.get("name").asText());
        assertEquals(org.benchtop.core.BenchtopVersion.get(), app.get("version").asText());
        assertTrue(qc.get("description").asText().contains("Plate P2 fails"));
        List<String> results = new ArrayList<>();
        qc.get("result").forEach(r -> results.add(r.get("@id").asText()));
        assertEquals(List.of("./Milademetan-screen-follow-up/plates_qc.csv",
                "./Milademetan-screen-follow-up/heatmaps/plate_1.png"), results);
        RunRecord rec = NotebookFixtures.fullEntry().runRecords().get(0);
        JsonNode input = g.get(qc.get("object").get(0).get("@id").asText());
        assertEquals(rec.inputs().get(0).sha256(), input.get("sha256").asText());
        assertEquals("input", input.get("name").asText());
        Map<String, String> params = new HashMap<>();
        for (JsonNode o : qc.get("object")) {
            JsonNode n = g.get(o.get("@id").asText());
            if (n.get("@type").asText().equals("PropertyValue")) {
                params.put(n.get("name").asText(), n.get("value").asText());
            }
        }
        assertEquals(Map.of("alpha", "0.05", "note", "a <b> & 'c'"), params);
        // the dose-response input is the QC table of the entry: linked to its File by checksum
        JsonNode fit = g.get("#run-02");
        assertEquals("./Milademetan-screen-follow-up/plates_qc.csv", fit.get("object").get(0).get("@id").asText());
        // the run record file describes its action
        JsonNode runFile = g.get("./Milademetan-screen-follow-up/provenance/run-02-dose_response.fit.json");
        assertEquals("#run-02", runFile.get("about").get("@id").asText());
        assertEquals("application/json", runFile.get("encodingFormat").asText());
    }

    @Test
    void entryWithoutAnalysesOrOrcidIsWrittenAndVerifies() {
        NotebookEntry e = NotebookEntry.builder().title("Tables only").author("Grace Hopper")
                .table("t.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).created(NotebookFixtures.T0).build();
        assertEquals(NotebookEntry.NO_PROVENANCE, e.warnings().get(0));
        Path f = tmp.resolve("tables.eln");
        ElnWriter.write(e, f, false);
        assertTrue(ElnVerifier.withDefaults().verify(f).intact());
        NotebookEntry back = ElnReader.withDefaults().readEntry(f);
        assertEquals("Grace Hopper", back.author().name());
        assertEquals("", back.author().orcid());
        assertEquals(e.tables(), back.tables());
        assertTrue(back.analyses().isEmpty());
    }

    @Test
    void writingIsAtomicAndNeverOverwritesUnlessAsked() throws IOException {
        Path f = tmp.resolve("entry.eln");
        Files.writeString(f, "precious");
        NotebookException e = assertThrows(NotebookException.class,
                () -> ElnWriter.write(NotebookFixtures.fullEntry(), f, false));
        assertTrue(e.getMessage().contains("exists already") && e.getMessage().contains("overwrite"), e.getMessage());
        assertEquals("precious", Files.readString(f));
        ElnWriter.write(NotebookFixtures.fullEntry(), f, true);
        assertTrue(ElnVerifier.withDefaults().verify(f).intact());
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(f), s.toList(), "no temporary file left behind");
        }
    }

    @Test
    void theWrittenFileHasThePermissionsOfAnyNewFile() throws IOException {
        Path f = tmp.resolve("perm.eln");
        ElnWriter.write(NotebookFixtures.fullEntry(), f, false);
        Path plain = Files.createFile(tmp.resolve("plain.txt"));
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) { // not owner-only like a temporary file
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
        }
    }

    @Test
    void anInterruptedWriteLeavesNothingUnderTheFinalName() throws IOException {
        Path f = tmp.resolve("broken.eln");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, false, "test", out -> {
            out.write(new byte[100_000]);
            throw new IllegalStateException("power cut");
        }));
        assertFalse(Files.exists(f));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(), s.toList(), "the temporary file is removed");
        }
    }

    @Test
    void badTargetsAreRefusedWithAClearMessage() {
        NotebookEntry e = NotebookFixtures.fullEntry();
        NotebookException noExt = assertThrows(NotebookException.class, () -> ElnWriter.write(e, tmp.resolve("x.zip"), false));
        assertTrue(noExt.getMessage().contains(".eln"), noExt.getMessage());
        NotebookException noDir = assertThrows(NotebookException.class,
                () -> ElnWriter.write(e, tmp.resolve("missing/x.eln"), false));
        assertTrue(noDir.getMessage().contains("does not exist"), noDir.getMessage());
        Path ro = tmp.resolve("readonly");
        ro.toFile().mkdir();
        if (ro.toFile().setWritable(false) && !Files.isWritable(ro)) { // not when the tests run as root
            NotebookException notWritable = assertThrows(NotebookException.class,
                    () -> ElnWriter.write(e, ro.resolve("x.eln"), false));
            assertTrue(notWritable.getMessage().contains("not writable"), notWritable.getMessage());
        }
    }

    @Test
    void writingTwiceGivesIdenticalMetadata() throws IOException {
        Path a = tmp.resolve("a.eln");
        Path b = tmp.resolve("b.eln");
        ElnWriter.write(NotebookFixtures.fullEntry(), a, false);
        ElnWriter.write(NotebookFixtures.fullEntry(), b, false);
        assertArrayEquals(entry(a, "a/ro-crate-metadata.json"), entry(b, "b/ro-crate-metadata.json"));
    }

    private static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
