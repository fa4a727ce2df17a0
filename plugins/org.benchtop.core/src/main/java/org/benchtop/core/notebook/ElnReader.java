package org.benchtop.core.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.benchtop.core.BenchtopException.Kind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;

/**
 * Reads {@code .eln} archives (ELN Consortium format: a zip with one top-level folder holding the
 * RO-Crate {@code ro-crate-metadata.json} and the files) defensively, as files from elsewhere may be
 * hostile:
 *
 * <ul>
 * <li>the file must be a zip archive; its central directory is read ({@link ZipFile}), as unzip tools do;
 * <li>no entry may escape the top-level folder: names that are absolute ({@code /x}, {@code C:x}),
 * contain a {@code ..} segment or a backslash, or contain control characters are refused before
 * anything is read, as are duplicate names;
 * <li>exactly one folder at the top level and no loose files beside it;
 * <li>bounded reading ({@link Limits}): at most so many entries, so many bytes in total (counted
 * while inflating, not taken from the headers) and so many bytes of metadata, and no entry that
 * inflates more than a given ratio of its compressed size (zip bombs);
 * <li>{@code ro-crate-metadata.json} present in the top-level folder, valid JSON, with an
 * {@code @graph} of entities that have {@code @id}s and a root {@code Dataset ./}.
 * </ul>
 *
 * A violation throws {@link NotebookException} (BAD_INPUT) naming the archive, the entry and the rule.
 * Whether the files match their recorded sizes and checksums is {@link ElnVerifier}'s job.
 */
public final class ElnReader {

    /** Entries inflating to less than this are not held to the ratio limit (small files compress oddly). */
    private static final long RATIO_FLOOR = 1L << 20;

    /**
     * Bounds on what an archive may make the reader do.
     *
     * @param maxEntries most zip entries (files and folders)
     * @param maxTotalBytes most uncompressed bytes over all entries
     * @param maxMetadataBytes most bytes of {@code ro-crate-metadata.json}
     * @param maxRatio most uncompressed/compressed ratio of an entry larger than 1 MiB
     */
    public record Limits(int maxEntries, long maxTotalBytes, long maxMetadataBytes, double maxRatio) {
        /**
         * @param maxEntries most zip entries (≥ 1)
         * @param maxTotalBytes most uncompressed bytes (≥ 1)
         * @param maxMetadataBytes most bytes of metadata (≥ 1)
         * @param maxRatio most inflation ratio (≥ 1)
         * @throws IllegalArgumentException if a bound is out of range
         */
        public Limits {
            if (maxEntries < 1 || maxTotalBytes < 1 || maxMetadataBytes < 1 || !(maxRatio >= 1)) {
                throw new IllegalArgumentException("ELN reading limits must be positive (ratio at least 1)");
            }
        }

        /**
         * @return 10,000 entries, 2 GiB in total, 64 MiB of metadata, inflation ratio 200 (an RNA-seq result
         *         table compresses about 3-fold, a zip bomb about 1,000-fold)
         */
        public static Limits defaults() {
            return new Limits(10_000, 2L << 30, 64L << 20, 200);
        }
    }

    private final Limits limits;

    private ElnReader(Limits limits) {
        this.limits = limits;
    }

    /** @return a reader with {@link Limits#defaults()} */
    public static ElnReader withDefaults() {
        return new ElnReader(Limits.defaults());
    }

    /**
     * @param l the bounds
     * @return a copy with these bounds
     */
    public ElnReader withLimits(Limits l) {
        return new ElnReader(java.util.Objects.requireNonNull(l, "limits"));
    }

    /** @return the bounds */
    public Limits limits() {
        return limits;
    }

    /**
     * Reads an archive's structure and metadata and digests every file.
     *
     * @param file the {@code .eln} file
     * @return the archive
     * @throws NotebookException (BAD_INPUT) if the file is missing, not a zip archive, hostile (entries
     *         escaping the folder, too many or too large entries), not one top-level folder, or has no
     *         usable {@code ro-crate-metadata.json}
     */
    public ElnArchive read(Path file) {
        return scan(file, false);
    }

    /**
     * Reads a notebook entry back from an archive written by {@link ElnWriter}: title, author,
     * project and notes (the Dataset's {@code variableMeasured}), license, creation time, run records
     * (from the run-record files the actions point to) with their outputs, tables and plots under the
     * entry's names (a File's {@code alternateName} when it is stored under a portable name). Every
     * file read is checked against the SHA-256 in the metadata.
     *
     * @param file the {@code .eln} file
     * @return the entry
     * @throws NotebookException (BAD_INPUT) as {@link #read(Path)}, or if the archive is not a Benchtop
     *         notebook entry or a file differs from its recorded checksum
     */
    public NotebookEntry readEntry(Path file) {
        ElnArchive a = scan(file, true);
        return EntryFromCrate.entry(a);
    }

    // ------------------------------------------------------------------ scanning

    private ElnArchive scan(Path file, boolean keepContents) {
        if (!Files.isRegularFile(file)) {
            throw bad("%s does not exist or is not a file; check the path", file);
        }
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() > limits.maxEntries()) {
                throw bad("%s has %d entries, more than the %d an .eln archive may have here; it may be a zip bomb, "
                        + "do not extract it", file, Integer.valueOf(zip.size()), Integer.valueOf(limits.maxEntries()));
            }
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            String root = checkNames(file, entries);
            Map<String, ElnArchive.Stored> files = new LinkedHashMap<>();
            Map<String, byte[]> contents = new HashMap<>();
            byte[] metadataBytes = null;
            long[] total = {0};
            String metadataPath = ElnWriter.METADATA_NAME;
            for (ZipEntry e : entries) {
                if (e.isDirectory()) {
                    continue;
                }
                String rel = e.getName().substring(root.length() + 1);
                boolean isMetadata = rel.equals(metadataPath);
                if (isMetadata && e.getSize() > limits.maxMetadataBytes()) {
                    throw bad("The metadata file of %s is %d bytes, more than the %d allowed; it may be a zip bomb",
                            file, Long.valueOf(e.getSize()), Long.valueOf(limits.maxMetadataBytes()));
                }
                ByteArrayOutputStream keep = keepContents || isMetadata ? new ByteArrayOutputStream() : null;
                ElnArchive.Stored stored = digest(file, zip, e, total, keep,
                        isMetadata ? limits.maxMetadataBytes() : Long.MAX_VALUE);
                files.put(rel, stored);
                if (keep != null) {
                    byte[] b = keep.toByteArray();
                    if (isMetadata) {
                        metadataBytes = b;
                    }
                    if (keepContents) {
                        contents.put(rel, b);
                    }
                }
            }
            if (metadataBytes == null) {
                throw bad("%s has no %s in its folder %s/, so it is not an .eln archive (RO-Crate); export it again "
                        + "from the ELN or from Benchtop", file, metadataPath, root);
            }
            JsonNode metadata = parse(file, metadataBytes);
            Map<String, JsonNode> entities = entities(file, metadata);
            return new ElnArchive(file, root, metadata, entities, files, contents);
        } catch (ZipException e) {
            throw new NotebookException(Kind.BAD_INPUT, format("%s is not a zip archive (%s); an .eln file is a zip "
                    + "archive: check that you chose the right file and that it was copied completely", file,
                    e.getMessage()), e);
        } catch (IOException e) {
            throw new NotebookException(Kind.BAD_INPUT, format("Cannot read %s: %s", file, e.getMessage()), e);
        }
    }

    /** Checks every entry name before anything is inflated; returns the top-level folder. */
    private static String checkNames(Path file, List<? extends ZipEntry> entries) {
        Set<String> seen = new HashSet<>();
        Set<String> tops = new TreeSet<>();
        Set<String> looseFiles = new TreeSet<>();
        for (ZipEntry e : entries) {
            String name = e.getName();
            String problem = escapeProblem(name);
            if (problem != null) {
                throw bad("%s holds the entry '%s', which %s; such an archive could overwrite files when extracted, "
                        + "so it is refused: do not extract it, ask whoever sent it for a clean export", file,
                        EntryPaths.printable(name), problem);
            }
            if (!seen.add(name)) {
                throw bad("%s holds the entry '%s' twice; such an archive is ambiguous and refused: ask for a clean "
                        + "export", file, EntryPaths.printable(name));
            }
            int slash = name.indexOf('/');
            if (slash < 0) {
                looseFiles.add(name);
            } else {
                tops.add(name.substring(0, slash));
            }
        }
        if (tops.size() != 1 || !looseFiles.isEmpty()) {
            List<String> found = new ArrayList<>();
            tops.forEach(t -> found.add(t + "/"));
            found.addAll(looseFiles);
            throw bad("%s must hold exactly one folder at its top level (ELN file format specification), but holds "
                    + "%s; it is not an .eln archive", file, found.isEmpty() ? "nothing" : String.join(", ", found));
        }
        return tops.iterator().next();
    }

    /**
     * @param name a zip entry name
     * @return why it would escape the folder it is extracted into, or {@code null} if it stays inside
     */
    static String escapeProblem(String name) {
        if (name.isEmpty()) {
            return "has an empty name";
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            return "is an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':') {
            return "starts with a drive letter";
        }
        if (name.indexOf('\\') >= 0) {
            return "contains a backslash (a folder separator on Windows)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            }
        }
        for (String seg : name.split("/", -1)) {
            if (seg.equals("..")) {
                return "contains '..' and escapes the archive's folder";
            }
        }
        return null;
    }

    private ElnArchive.Stored digest(Path file, ZipFile zip, ZipEntry e, long[] total, ByteArrayOutputStream keep,
            long maxBytes) throws IOException {
        MessageDigest md = AtomicFiles.sha256();
        long compressed = e.getCompressedSize();
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = zip.getInputStream(e)) {
            int k;
            while ((k = in.read(buf)) > 0) {
                n += k;
                total[0] += k;
                if (total[0] > limits.maxTotalBytes()) {
                    throw bad("%s inflates to more than %d bytes (limit reached at entry '%s'); it may be a zip bomb, "
                            + "do not extract it", file, Long.valueOf(limits.maxTotalBytes()),
                            EntryPaths.printable(e.getName()));
                }
                if (n > maxBytes) {
                    throw bad("The entry '%s' of %s is larger than the %d bytes allowed; it may be a zip bomb",
                            EntryPaths.printable(e.getName()), file, Long.valueOf(maxBytes));
                }
                if (n > RATIO_FLOOR && compressed > 0 && n > limits.maxRatio() * compressed) {
                    throw bad("The entry '%s' of %s inflates more than %.0f-fold (%d compressed bytes); it looks like a "
                            + "zip bomb, do not extract it", EntryPaths.printable(e.getName()), file,
                            Double.valueOf(limits.maxRatio()), Long.valueOf(compressed));
                }
                md.update(buf, 0, k);
                if (keep != null) {
                    keep.write(buf, 0, k);
                }
            }
        }
        return new ElnArchive.Stored(n, HexFormat.of().formatHex(md.digest()));
    }

    private JsonNode parse(Path file, byte[] bytes) {
        JsonFactory jf = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();
        try {
            JsonNode root = new ObjectMapper(jf).readTree(new String(bytes, StandardCharsets.UTF_8));
            if (root == null || !root.isObject()) {
                throw bad("The %s of %s is not a JSON object; the archive is damaged, export it again",
                        ElnWriter.METADATA_NAME, file);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw bad("The %s of %s is not valid JSON (%s); the archive is damaged, export it again",
                    ElnWriter.METADATA_NAME, file, e.getOriginalMessage());
        }
    }

    private static Map<String, JsonNode> entities(Path file, JsonNode metadata) {
        JsonNode graph = metadata.get("@graph");
        if (graph == null || !graph.isArray()) {
            throw bad("The %s of %s has no @graph array of entities (RO-Crate 1.1); the archive is damaged or not "
                    + "an RO-Crate", ElnWriter.METADATA_NAME, file);
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode n : graph) {
            JsonNode id = n.get("@id");
            if (!n.isObject() || id == null || !id.isTextual()) {
                throw bad("An entity of the @graph in %s of %s has no @id; the metadata is damaged",
                        ElnWriter.METADATA_NAME, file);
            }
            byId.putIfAbsent(id.asText(), n);
        }
        JsonNode root = byId.get("./");
        if (root == null || !hasType(root, "Dataset")) {
            throw bad("The %s of %s has no root Dataset with @id './' (RO-Crate 1.1); the metadata is damaged",
                    ElnWriter.METADATA_NAME, file);
        }
        return byId;
    }

    // ------------------------------------------------------------------ JSON-LD helpers

    /**
     * @param node an entity
     * @param type a type name, e.g. {@code File}
     * @return whether its {@code @type} (a string or an array) contains it
     */
    static boolean hasType(JsonNode node, String type) {
        JsonNode t = node.get("@type");
        if (t == null) {
            return false;
        }
        if (t.isTextual()) {
            return t.asText().equals(type);
        }
        for (JsonNode x : t) {
            if (x.isTextual() && x.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param node an entity
     * @param property a property whose value is a reference, a list of references, or plain ids
     * @return the referenced ids, in order ({@code {"@id": x}}, {@code [{"@id": x}, ...]} or {@code "x"})
     */
    static List<String> ids(JsonNode node, String property) {
        List<String> r = new ArrayList<>();
        JsonNode v = node.get(property);
        if (v == null) {
            return r;
        }
        if (v.isArray()) {
            for (JsonNode x : v) {
                addId(r, x);
            }
        } else {
            addId(r, v);
        }
        return r;
    }

    private static void addId(List<String> r, JsonNode x) {
        if (x.isTextual()) {
            r.add(x.asText());
        } else if (x.isObject() && x.has("@id") && x.get("@id").isTextual()) {
            r.add(x.get("@id").asText());
        }
    }

    /**
     * @param node an entity
     * @param property a property
     * @return its text value, or {@code null} if absent or not text/number
     */
    static String text(JsonNode node, String property) {
        JsonNode v = node.get(property);
        return v == null || !(v.isTextual() || v.isNumber()) ? null : v.asText();
    }

    /**
     * The path inside the archive's folder that a data entity's {@code @id} names.
     *
     * @param id an {@code @id} such as {@code ./entry/results.csv}
     * @return the decoded path, e.g. {@code entry/results.csv}; {@code null} for a web or local
     *         ({@code #...}) id
     */
    static String pathOf(String id) {
        if (id.startsWith("#") || id.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return null;
        }
        String s = id;
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return EntryPaths.decode(s);
    }

    static Instant instant(String s, String what) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException | NullPointerException e) {
            throw bad("The %s '%s' in the metadata is not an ISO-8601 UTC time; the archive was not written by "
                    + "Benchtop or is damaged", what, s);
        }
    }

    static NotebookException bad(String template, Object... args) {
        return new NotebookException(Kind.BAD_INPUT, format(template, args));
    }

    private static String format(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }
}
