package org.benchtop.core.notebook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rebuilds a {@link NotebookEntry} from the RO-Crate metadata and files of an archive written by
 * {@link ElnWriter}, checking each file it uses against its recorded SHA-256.
 */
final class EntryFromCrate {

    private EntryFromCrate() {
    }

    static NotebookEntry entry(ElnArchive a) {
        Map<String, JsonNode> ents = a.entities();
        JsonNode root = ents.get("./");
        JsonNode ds = null;
        for (String id : ElnReader.ids(root, "hasPart")) {
            JsonNode n = ents.get(id);
            if (n != null && ElnReader.hasType(n, "Dataset")) {
                ds = n;
                break;
            }
        }
        if (ds == null) {
            throw ElnReader.bad("%s lists no entry Dataset in the hasPart of its root; it is not a Benchtop notebook "
                    + "entry", a.file());
        }
        String dsPath = ElnReader.pathOf(ds.get("@id").asText());
        String prefix = dsPath.endsWith("/") ? dsPath : dsPath + "/";

        NotebookEntry.Builder b = NotebookEntry.builder();
        b.title(ElnReader.text(ds, "name"));
        b.author(author(a, ents, ds));
        b.created(ElnReader.instant(ElnReader.text(ds, "dateCreated"), "dateCreated of the entry"));
        for (String id : ElnReader.ids(ds, "variableMeasured")) {
            JsonNode pv = ents.get(id);
            String property = pv == null ? null : ElnReader.text(pv, "propertyID");
            if (ElnWriter.PROJECT.equals(property)) {
                b.project(ElnReader.text(pv, "value"));
            } else if (ElnWriter.NOTES.equals(property)) {
                b.notes(ElnReader.text(pv, "value"));
            }
        }
        b.license(license(ents, root));

        Map<String, byte[]> svgs = new HashMap<>();
        Map<String, String> runFileOfAction = new HashMap<>();
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        Map<String, String> nameOfId = new HashMap<>();
        for (String id : ElnReader.ids(ds, "hasPart")) {
            JsonNode f = ents.get(id);
            String path = ElnReader.pathOf(id);
            if (f == null || path == null || !path.startsWith(prefix)) {
                continue;
            }
            String stored = path.substring(prefix.length());
            String name = entryName(f, stored);
            nameOfId.put(id, name);
            String format = ElnReader.text(f, "encodingFormat");
            if (format == null || stored.equals(ElnWriter.REPORT_NAME)) {
                continue;
            }
            byte[] bytes = checked(a, path, f);
            if (stored.startsWith(ElnWriter.PROVENANCE_FOLDER + "/")) {
                for (String about : ElnReader.ids(f, "about")) {
                    runFileOfAction.put(about, new String(bytes, StandardCharsets.UTF_8));
                }
            } else if (format.startsWith("text/csv") || format.startsWith("text/tab-separated-values")) {
                b.table(name, bytes);
            } else if (format.equals("image/png")) {
                pngs.put(name, bytes);
            } else if (format.equals("image/svg+xml")) {
                svgs.put(name, bytes);
            }
        }
        for (Map.Entry<String, byte[]> p : pngs.entrySet()) {
            String name = p.getKey();
            int dot = name.lastIndexOf('.');
            String svgName = (dot > name.lastIndexOf('/') ? name.substring(0, dot) : name) + ".svg";
            b.plot(name, p.getValue(), svgs.get(svgName));
        }
        for (String actionId : ElnReader.ids(root, "mentions")) {
            JsonNode action = ents.get(actionId);
            String json = runFileOfAction.get(actionId);
            if (action == null || !ElnReader.hasType(action, "CreateAction") || json == null) {
                continue;
            }
            List<String> outputs = new ArrayList<>();
            for (String out : ElnReader.ids(action, "result")) {
                String name = nameOfId.get(out);
                if (name != null) {
                    outputs.add(name);
                }
            }
            b.run(RunRecord.fromJson(json), outputs);
        }
        return b.build();
    }

    /**
     * The entry's name of a file: its {@code alternateName}, which the writer sets whenever the name
     * differs from the File's {@code name} (in a sub-folder, made portable or de-duplicated), else the
     * path it is stored under in the entry's folder.
     */
    private static String entryName(JsonNode file, String stored) {
        String alternate = ElnReader.text(file, "alternateName");
        return alternate != null ? alternate : stored;
    }

    /** The root's license: a URL, the text of a license the author stated, or empty if none was chosen. */
    private static String license(Map<String, JsonNode> ents, JsonNode root) {
        List<String> ids = ElnReader.ids(root, "license");
        if (ids.isEmpty() || ids.get(0).equals(ElnWriter.NO_LICENSE_ID)) {
            return "";
        }
        String id = ids.get(0);
        JsonNode n = ents.get(id);
        return id.equals(ElnWriter.LICENSE_ID) && n != null ? ElnReader.text(n, "name") : id;
    }

    private static NotebookEntry.Author author(ElnArchive a, Map<String, JsonNode> ents, JsonNode ds) {
        List<String> ids = ElnReader.ids(ds, "author");
        JsonNode p = ids.isEmpty() ? null : ents.get(ids.get(0));
        if (p == null) {
            throw ElnReader.bad("The entry in %s has no author Person in its metadata; it is not a Benchtop notebook "
                    + "entry", a.file());
        }
        return new NotebookEntry.Author(ElnReader.text(p, "name"), ElnReader.text(p, "identifier"),
                ElnReader.text(p, "email"));
    }

    private static byte[] checked(ElnArchive a, String path, JsonNode f) {
        byte[] bytes = a.content(path).orElseThrow(() -> ElnReader.bad("%s lists the file %s in its metadata, but the "
                + "archive does not hold it; the archive is incomplete", a.file(), path));
        String sha = ElnReader.text(f, "sha256");
        String actual = RunRecord.sha256Hex(bytes);
        if (sha != null && !sha.equalsIgnoreCase(actual)) {
            throw ElnReader.bad("The file %s in %s has changed since it was exported (SHA-256 %s, the metadata records "
                    + "%s); run 'benchtop notebook verify' for the full list", path, a.file(), actual, sha);
        }
        return bytes;
    }
}
