package org.benchtop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.benchtop.core.notebook.ElnWriter;
import org.benchtop.core.notebook.NotebookEntry;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import edu.kit.datamanager.ro_crate.RoCrate;
import edu.kit.datamanager.ro_crate.entities.AbstractEntity;
import edu.kit.datamanager.ro_crate.reader.FolderReader;
import edu.kit.datamanager.ro_crate.reader.RoCrateReader;

/**
 * Reads the {@code .eln} archives that {@link ElnWriter} writes back with an independent RO-Crate implementation,
 * ro-crate-java (KIT Data Manager, edu.kit.datamanager:ro-crate-java), and checks that it sees the same entities:
 * the root Dataset, the entry's Dataset and its files with their checksums, the author, the analyses as
 * CreateActions with Benchtop as instrument and their parameters. ro-crate-java reads an RO-Crate folder (its zip
 * reader expects the metadata at the top of the zip, whereas an .eln holds it one folder down), so the archive is
 * extracted first.
 */
class ElnRoCrateJavaTest {

    @TempDir
    Path tmp;

    private static NotebookEntry entry() {
        Table qc = Table.of("qc", List.of(Column.ofStrings("plate", new String[] {"P1", "P2"}),
                Column.ofDoubles("z_prime", new double[] {0.7, 0.3}),
                Column.ofDoubles("robust_z_prime", new double[] {0.72, 0.35}),
                Column.ofBooleans("pass", new Boolean[] {Boolean.TRUE, Boolean.FALSE})));
        Table wells = Table.of("wells", List.of(Column.ofStrings("well", new String[] {"A01"}),
                Column.ofDoubles("value", new double[] {3})));
        RunRecord run = RunRecord.builder("plates.qc").parameter("z_prime_threshold", 0.5).input("input", wells)
                .warning("Plate P2 fails").started(Instant.parse("2025-05-06T07:08:09Z"))
                .finished(Instant.parse("2025-05-06T07:08:10Z")).build();
        return NotebookEntry.builder().title("QC of screen 4").author(new NotebookEntry.Author("Ada Lovelace",
                "0000-0002-1825-0097", "ada@example.org")).project("Screens").notes("Two plates.")
                .created(Instant.parse("2025-05-06T08:00:00Z")).table("plate qc.csv", qc).run(run, "plate qc.csv")
                .build();
    }

    @Test
    void roCrateJavaReadsTheSameEntities() throws IOException {
        Path eln = tmp.resolve("screen-4.eln");
        ElnWriter.write(entry(), eln, false);
        Path dir = tmp.resolve("extracted");
        List<String> files = extract(eln, dir);
        Path crateDir = dir.resolve("screen-4");

        RoCrate crate = new RoCrateReader(new FolderReader()).readCrate(crateDir.toString());
        assertEquals("https://w3id.org/ro/crate/1.1",
                crate.getJsonDescriptor().getProperty("conformsTo").get("@id").asText());
        assertEquals("QC of screen 4", crate.getRootDataEntity().getProperty("name").asText());

        AbstractEntity ds = crate.getEntityById("./QC-of-screen-4/");
        assertNotNull(ds, "the entry's Dataset");
        assertTrue(types(ds).contains("Dataset"));
        AbstractEntity author = crate.getEntityById("https://orcid.org/0000-0002-1825-0097");
        assertEquals("Ada Lovelace", author.getProperty("name").asText());

        // every file of the entry: present, with the checksum and size of the extracted bytes
        List<String> ids = new ArrayList<>();
        ds.getProperty("hasPart").forEach(p -> ids.add(p.get("@id").asText()));
        assertEquals(3, ids.size(), ids.toString()); // report, table, run record
        for (String id : ids) {
            AbstractEntity f = crate.getEntityById(id);
            assertNotNull(f, id);
            assertTrue(types(f).contains("File"), id);
            String rel = java.net.URLDecoder.decode(id.substring(2), StandardCharsets.UTF_8);
            byte[] bytes = Files.readAllBytes(crateDir.resolve(rel));
            assertEquals(sha256(bytes), f.getProperty("sha256").asText(), id);
            assertEquals(Integer.toString(bytes.length), f.getProperty("contentSize").asText(), id);
            assertTrue(files.contains("screen-4/" + rel), rel);
        }

        AbstractEntity action = crate.getEntityById("#run-01");
        assertTrue(types(action).contains("CreateAction"));
        assertEquals("plates.qc", action.getProperty("name").asText());
        assertEquals("2025-05-06T07:08:09Z", action.getProperty("startTime").asText());
        AbstractEntity app = crate.getEntityById(action.getProperty("instrument").get("@id").asText());
        assertTrue(types(app).contains("SoftwareApplication"));
        assertEquals("Benchtop", app.getProperty("name").asText());
        assertEquals("./QC-of-screen-4/plate_qc.csv", first(action.getProperty("result")));
        List<String> params = new ArrayList<>();
        for (JsonNode o : action.getProperty("object")) {
            AbstractEntity x = crate.getEntityById(o.get("@id").asText());
            assertNotNull(x, o.toString());
            if (types(x).contains("PropertyValue")) {
                params.add(x.getProperty("name").asText() + "=" + x.getProperty("value").asText());
            } else {
                assertEquals(entry().runRecords().get(0).inputs().get(0).sha256(), x.getProperty("sha256").asText());
            }
        }
        assertEquals(List.of("z_prime_threshold=0.5"), params);
    }

    /** The entity's types as read by ro-crate-java ({@code @type}, a string or an array). */
    private static List<String> types(AbstractEntity e) {
        List<String> r = new ArrayList<>();
        JsonNode t = e.getProperty("@type");
        if (t != null && t.isArray()) {
            t.forEach(x -> r.add(x.asText()));
        } else if (t != null) {
            r.add(t.asText());
        }
        if (e.getTypes() != null) {
            r.addAll(e.getTypes());
        }
        return r;
    }

    private static String first(JsonNode refs) {
        return (refs.isArray() ? refs.get(0) : refs).get("@id").asText();
    }

    private static List<String> extract(Path zip, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                Path target = dir.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(dir), e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target);
                }
                names.add(e.getName());
            }
        }
        return names;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
