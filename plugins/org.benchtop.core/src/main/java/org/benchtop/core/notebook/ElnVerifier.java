package org.benchtop.core.notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Re-checks an {@code .eln} archive against its own metadata: the structure rules of the ELN
 * Consortium's specification (one top-level folder, {@code ro-crate-metadata.json} in it, no entry
 * escaping it: enforced by {@link ElnReader}, which throws), the RO-Crate metadata descriptor
 * ({@code conformsTo} an RO-Crate 1.x), and then every {@code File} reached through {@code hasPart}
 * from the root Dataset (through nested Datasets): present in the archive, of the recorded
 * {@code contentSize}, with the recorded {@code sha256}. Files in the archive that no
 * {@code hasPart} lists are reported too (added after export), except the RO-Crate preview
 * ({@code ro-crate-preview.html} and {@code ro-crate-preview_files/}).
 *
 * <p>A file listed without {@code sha256} (other ELNs may leave it out) is checked by size only and
 * noted; a web resource ({@code https://...}) is noted and not checked.
 */
public final class ElnVerifier {

    /**
     * One file that does not match the metadata.
     *
     * @param path the file's path inside the archive's top-level folder
     * @param problem what is wrong, e.g. "changed: ..." or "missing: ..."
     */
    public record Finding(String path, String problem) {
        @Override
        public String toString() {
            return path + ": " + problem;
        }
    }

    /**
     * The outcome of a verification.
     *
     * @param file the archive
     * @param rootFolder its top-level folder
     * @param filesChecked how many listed files were present and compared
     * @param problems the files that changed, are missing, or are not listed (unmodifiable)
     * @param notes remarks that do not make the archive fail, e.g. a file without checksum
     */
    public record Report(Path file, String rootFolder, int filesChecked, List<Finding> problems, List<String> notes) {
        /**
         * @param file the archive
         * @param rootFolder its top-level folder
         * @param filesChecked how many listed files were compared
         * @param problems the problems
         * @param notes the remarks
         */
        public Report {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        /** @return whether every listed file is present and unchanged and nothing was added */
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private final ElnReader reader;

    private ElnVerifier(ElnReader reader) {
        this.reader = reader;
    }

    /** @return a verifier reading with {@link ElnReader.Limits#defaults()} */
    public static ElnVerifier withDefaults() {
        return new ElnVerifier(ElnReader.withDefaults());
    }

    /**
     * @param limits bounds on reading
     * @return a copy reading with these bounds
     */
    public ElnVerifier withLimits(ElnReader.Limits limits) {
        return new ElnVerifier(reader.withLimits(Objects.requireNonNull(limits, "limits")));
    }

    /**
     * @param file an {@code .eln} archive
     * @return the report; {@link Report#intact()} if every file matches
     * @throws NotebookException (BAD_INPUT) if the archive is not a zip, lacks the metadata, has entries
     *         escaping its folder, exceeds the reading limits, or its metadata is not an RO-Crate
     */
    public Report verify(Path file) {
        ElnArchive a = reader.read(file);
        Map<String, JsonNode> ents = a.entities();
        JsonNode descriptor = ents.get(ElnWriter.METADATA_NAME);
        if (descriptor == null) {
            throw ElnReader.bad("The %s of %s has no metadata descriptor entity (@id \"%s\", RO-Crate 1.1); it is "
                    + "not an RO-Crate", ElnWriter.METADATA_NAME, file, ElnWriter.METADATA_NAME);
        }
        List<String> conforms = ElnReader.ids(descriptor, "conformsTo");
        if (conforms.stream().noneMatch(c -> c.startsWith("https://w3id.org/ro/crate/1."))) {
            throw ElnReader.bad("The metadata descriptor of %s does not declare conformsTo an RO-Crate 1.x "
                    + "specification (found %s); it is not an RO-Crate", file, conforms.isEmpty() ? "nothing" : conforms);
        }
        List<Finding> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        Set<String> visited = new HashSet<>();
        int[] checked = {0};
        walk(a, ents.get("./"), problems, notes, listed, visited, checked);
        for (String path : a.files().keySet()) {
            if (path.equals(ElnWriter.METADATA_NAME) || path.equals("ro-crate-preview.html")
                    || path.startsWith("ro-crate-preview_files/") || listed.contains(path)) {
                continue;
            }
            problems.add(new Finding(path, "added: in the archive but not listed in the metadata, so not covered by "
                    + "its checksums"));
        }
        return new Report(file, a.rootFolder(), checked[0], problems, notes);
    }

    private static void walk(ElnArchive a, JsonNode dataset, List<Finding> problems, List<String> notes,
            Set<String> listed, Set<String> visited, int[] checked) {
        Map<String, JsonNode> ents = a.entities();
        for (String id : new LinkedHashSet<>(ElnReader.ids(dataset, "hasPart"))) {
            JsonNode part = ents.get(id);
            if (part == null) {
                part = ents.get(id.startsWith("./") ? id.substring(2) : "./" + id);
            }
            String path = ElnReader.pathOf(id);
            String raw = path == null ? null : id.replaceFirst("^(\\./)+", "");
            if (path != null && !a.files().containsKey(path) && a.files().containsKey(raw)) {
                path = raw; // eLabFTW writes paths unencoded ("a b%.csv"), as its importer reads them
            }
            if (part == null) {
                problems.add(new Finding(path == null ? id : path,
                        "listed in hasPart but not described in the metadata"));
                continue;
            }
            if (ElnReader.hasType(part, "Dataset")) {
                if (visited.add(id)) {
                    walk(a, part, problems, notes, listed, visited, checked);
                }
                continue;
            }
            if (!ElnReader.hasType(part, "File") && !ElnReader.hasType(part, "MediaObject")) {
                continue;
            }
            if (path == null) {
                notes.add(id + ": not stored in the archive (web or local reference), not checked");
                continue;
            }
            String escape = path.isEmpty() ? "is empty" : ElnReader.escapeProblem(path);
            if (escape != null) {
                problems.add(new Finding(path, "its @id " + escape + "; it points outside the archive's folder"));
                continue;
            }
            listed.add(path);
            ElnArchive.Stored stored = a.files().get(path);
            if (stored == null) {
                problems.add(new Finding(path, "missing: listed in the metadata but not in the archive"));
                continue;
            }
            checked[0]++;
            String size = ElnReader.text(part, "contentSize");
            String sha = ElnReader.text(part, "sha256");
            List<String> diffs = new ArrayList<>();
            if (size != null && !size.equals(Long.toString(stored.size()))) {
                diffs.add(String.format(Locale.ROOT, "%d bytes, the metadata records %s", Long.valueOf(stored.size()),
                        size));
            }
            if (sha != null && !sha.equalsIgnoreCase(stored.sha256())) {
                diffs.add("SHA-256 " + stored.sha256() + ", the metadata records " + sha.toLowerCase(Locale.ROOT));
            }
            if (!diffs.isEmpty()) {
                problems.add(new Finding(path, "changed: " + String.join("; ", diffs)));
            } else if (sha == null) {
                notes.add(path + ": no SHA-256 in the metadata" + (size == null ? ", nor a size: not checked"
                        : ", only its size was checked"));
            }
        }
    }
}
