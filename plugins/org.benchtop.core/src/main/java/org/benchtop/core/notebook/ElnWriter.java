package org.benchtop.core.notebook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.benchtop.core.BenchtopException.Kind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link NotebookEntry} as an {@code .eln} file, the exchange format of the ELN Consortium
 * (TheELNConsortium/TheELNFileFormat, SPECIFICATION.md): a zip archive holding one folder, named like
 * the archive, with the RO-Crate 1.1 metadata file {@code ro-crate-metadata.json} and one sub-folder
 * for the entry (the "experiment" an ELN imports):
 *
 * <pre>
 * kcviab.eln
 *   kcviab/
 *     ro-crate-metadata.json
 *     KcViab-screen-normalization/        one Dataset: the entry
 *       report.html                        the readable report ({@link HtmlReport})
 *       plates_normalized.csv              result tables
 *       heatmaps/plate_1.png               plots (and .svg where available)
 *       provenance/run-01-plates.normalize.json   the run records, as written by the analyses
 * </pre>
 *
 * <p>The archive is shaped by what the importers of eLabFTW, Kadi4Mat (kadi-apy), SampleDB and PASTA
 * actually read (their code, not only the specification; {@code ElnImporterRequirementsTest} checks
 * each importer's rules on a written archive):
 *
 * <ul>
 * <li>Zip entries for files only, no entries for folders: SampleDB takes the first segment of every
 * entry's parent folder as the archive's root and refuses the archive when a bare {@code kcviab/}
 * entry adds an empty one. The first entry is the metadata file (Kadi4Mat and PASTA take the root
 * folder from the first entry).
 * <li>Stored file names use only {@code A-Z a-z 0-9 . _ -} ({@link EntryPaths#portable}), so the
 * {@code @id} is the same percent-encoded or not: eLabFTW, SampleDB and PASTA open the raw
 * {@code @id}, Kadi4Mat decodes it. The entry's own name of the file (e.g. {@code de results.csv})
 * is kept in the File's {@code alternateName} when it differs from its {@code name}, and
 * {@link ElnReader#readEntry} restores it.
 * <li>File names ({@code name}, the last segment of the stored path) are unique within the entry
 * regardless of case: Kadi4Mat uploads files by {@code name} and refuses a second file of that name,
 * PASTA copies each file by its last segment into one folder.
 * <li>The entry's Dataset: {@code name}; {@code genre} {@code experiment} (eLabFTW imports it as an
 * experiment instead of a resource, SampleDB as a measurement); {@code description}, a one-paragraph
 * plain-text summary (Kadi4Mat's and SampleDB's description; eLabFTW appends it to the body); the
 * notes as HTML in {@code text} (eLabFTW's body), with {@code encodingFormat} {@code text/html} (PASTA
 * converts it to Markdown); {@code dateCreated}, {@code dateModified}, {@code temporal} (eLabFTW's
 * experiment date); {@code author}; {@code keywords} as one string (eLabFTW, Kadi4Mat, SampleDB and
 * PASTA split it at commas, so a comma in the project becomes {@code " - "}); {@code variableMeasured}
 * with the project and the notes as {@code PropertyValue}s (Kadi4Mat extras, SampleDB properties);
 * {@code hasPart} listing every file. No {@code about} (eLabFTW reads it as a category with a colour)
 * and no {@code alternateName} (eLabFTW's numeric custom id) on the Dataset.
 * <li>Every reference is a flat {@code {"@id": ...}} to an entity of the graph (PASTA and SampleDB
 * fail on embedded objects); {@code @type} is a single string (SampleDB, eLabFTW and Kadi4Mat
 * compare it with {@code "Dataset"} and {@code "File"}); {@code @context} is exactly the RO-Crate 1.1
 * context string (SampleDB refuses anything else); {@code contentSize} is a string of bytes;
 * {@code sha256} is on every file (eLabFTW skips a file without it, SampleDB and Kadi4Mat refuse a
 * mismatch).
 * </ul>
 *
 * <p>The metadata ({@code @context} {@value #CONTEXT}) holds: the metadata descriptor
 * ({@code CreativeWork}, {@code conformsTo} {@value #RO_CRATE_1_1}, {@code about ./}, {@code version}
 * {@value #DESCRIPTOR_VERSION} (the consortium's checks require it, SampleDB accepts 1.0 to 1.2) and
 * {@code sdPublisher}, the Benchtop {@code Organization}); the root {@code Dataset ./} (name,
 * description, dateCreated, datePublished, author, license, {@code hasPart} the entry's Dataset,
 * {@code mentions} the analyses); the entry's Dataset and its files ({@code File}: name,
 * encodingFormat, contentSize, sha256, dateCreated); the author as a {@code Person} ({@code @id} the
 * ORCID iD URL when known); the license as a {@code CreativeWork}; Benchtop as a
 * {@code SoftwareApplication} with its version; and each analysis as a {@code CreateAction} (Process
 * Run Crate style) with {@code instrument} Benchtop, {@code object} its inputs (each with the SHA-256
 * of the run record, linked to the entry's file when a table of the entry has exactly that checksum)
 * and its parameters as {@code PropertyValue}s, {@code result} its output files, {@code startTime},
 * {@code endTime} and its warnings in {@code description}.
 *
 * <p>No Dataset sits in another Dataset's {@code hasPart} (specification): files in sub-folders (e.g.
 * {@code heatmaps/}) are listed directly by the entry's Dataset.
 *
 * <p>Writing is atomic ({@link AtomicFiles}): an interrupted export never leaves a half-written
 * {@code .eln} under the final name, and an existing file is replaced only when asked.
 */
public final class ElnWriter {

    /** The RO-Crate metadata file name. */
    public static final String METADATA_NAME = "ro-crate-metadata.json";
    /** The name of the HTML report inside the entry's folder. */
    public static final String REPORT_NAME = "report.html";
    /** The folder of the run records inside the entry's folder. */
    public static final String PROVENANCE_FOLDER = "provenance";
    /** The RO-Crate version the metadata conforms to. */
    public static final String RO_CRATE_1_1 = "https://w3id.org/ro/crate/1.1";
    /** The JSON-LD context of RO-Crate 1.1. */
    public static final String CONTEXT = "https://w3id.org/ro/crate/1.1/context";
    /** The file extension of ELN archives. */
    public static final String EXTENSION = ".eln";
    /** The {@code version} of the metadata descriptor: the RO-Crate version. */
    public static final String DESCRIPTOR_VERSION = "1.1";
    /** The {@code genre} of the entry's Dataset. */
    public static final String GENRE = "experiment";

    static final String PUBLISHER_ID = "#benchtop";
    static final String PROJECT_ID = "#project";
    static final String NOTES_ID = "#notes";
    static final String LICENSE_ID = "#license";
    static final String NO_LICENSE_ID = "#no-license";
    /** {@code propertyID} of the project and the notes in the Dataset's {@code variableMeasured}. */
    static final String PROJECT = "project";
    static final String NOTES = "notes";

    private ElnWriter() {
    }

    /**
     * Writes the entry to {@code target} atomically. The archive's single top-level folder is named
     * like the file without {@code .eln}.
     *
     * @param entry the entry
     * @param target the file to write; its name must end with {@code .eln}
     * @param overwrite whether an existing file may be replaced
     * @return the path, SHA-256 and size of the written archive
     * @throws NotebookException (BAD_INPUT) if the name does not end with {@code .eln}, the folder does
     *         not exist or is not writable, the file exists and {@code overwrite} is false, or writing
     *         fails
     */
    public static AtomicFiles.Written write(NotebookEntry entry, Path target, boolean overwrite) {
        String root = rootFolderFor(target);
        List<Part> parts = parts(entry);
        return AtomicFiles.write(target, overwrite, "notebook entry", out -> writeZip(root, parts, entry, out));
    }

    /**
     * Writes the entry as an {@code .eln} zip archive to a stream (not closed).
     *
     * @param entry the entry
     * @param rootFolder the name of the archive's top-level folder (a single, plain name)
     * @param out where to write
     * @throws IOException if the stream fails
     * @throws NotebookException (BAD_INPUT) if {@code rootFolder} is not a plain folder name
     */
    public static void write(NotebookEntry entry, String rootFolder, OutputStream out) throws IOException {
        EntryPaths.check(rootFolder, "archive folder");
        if (rootFolder.indexOf('/') >= 0) {
            throw new NotebookException(Kind.BAD_INPUT, "The archive folder name '" + rootFolder
                    + "' has a '/'; give a single folder name");
        }
        writeZip(rootFolder, parts(entry), entry, out);
    }

    /**
     * @param target an {@code .eln} file
     * @return the name of its top-level folder: the file name without {@code .eln}
     * @throws NotebookException (BAD_INPUT) if the name does not end with {@code .eln} or nothing is left
     */
    public static String rootFolderFor(Path target) {
        Path fileName = target.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(EXTENSION) || name.length() == EXTENSION.length()) {
            throw new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                    "The notebook entry file '%s' must be named like entry.eln (ELNs import .eln files); add the "
                            + ".eln extension", EntryPaths.printable(name)));
        }
        String root = name.substring(0, name.length() - EXTENSION.length());
        if (EntryPaths.problem(root) != null) {
            return "entry";
        }
        return root;
    }

    // ------------------------------------------------------------------ content

    /**
     * One file of the entry, with its description in the metadata.
     *
     * @param name the entry's name of the file, relative to the entry's folder (e.g. {@code de results.csv})
     * @param stored where it is stored, relative to the entry's folder ({@link EntryPaths#portable},
     *        last segment unique regardless of case, e.g. {@code de_results.csv})
     */
    record Part(String name, String stored, byte[] bytes, String encodingFormat, String description, String about) {
        String sha256() {
            return RunRecord.sha256Hex(bytes);
        }

        /** @return the last segment of the stored path: the File's {@code name} */
        String fileName() {
            return stored.substring(stored.lastIndexOf('/') + 1);
        }
    }

    /** @return the entry's folder inside the root folder */
    static String datasetFolder(NotebookEntry entry) {
        return EntryPaths.slug(entry.title(), "entry");
    }

    static String runId(int index) {
        return String.format(Locale.ROOT, "#run-%02d", Integer.valueOf(index + 1));
    }

    static String runFileName(int index, RunRecord r) {
        return String.format(Locale.ROOT, "%s/run-%02d-%s.json", PROVENANCE_FOLDER, Integer.valueOf(index + 1),
                r.analysis().replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^[.]+|[.]+$", "_"));
    }

    private static List<Part> parts(NotebookEntry entry) {
        List<Part> parts = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        parts.add(part(taken, REPORT_NAME, HtmlReport.render(entry).getBytes(StandardCharsets.UTF_8), "text/html",
                "Readable report of this entry: summary, plots, parameters and provenance (self-contained HTML)",
                null));
        for (NotebookEntry.ResultTable t : entry.tables()) {
            String producer = entry.producerOf(t.name()).map(a -> " of " + a.record().analysis()).orElse("");
            String format = t.name().toLowerCase(Locale.ROOT).endsWith(".tsv") ? "text/tab-separated-values"
                    : "text/csv";
            parts.add(part(taken, t.name(), t.csv(), format, "Result table" + producer, null));
        }
        for (NotebookEntry.Plot p : entry.plots()) {
            parts.add(part(taken, p.name(), p.png(), "image/png", "Plot (PNG)", null));
            p.svg().ifPresent(svg -> parts.add(part(taken, p.svgName(), svg, "image/svg+xml", "Plot (SVG)", null)));
        }
        List<NotebookEntry.Analysis> analyses = entry.analyses();
        for (int i = 0; i < analyses.size(); i++) {
            RunRecord r = analyses.get(i).record();
            parts.add(part(taken, runFileName(i, r), r.toJson().getBytes(StandardCharsets.UTF_8), "application/json",
                    "Benchtop run record of " + r.analysis() + " (parameters, version, input SHA-256, times, "
                            + "warnings)", runId(i)));
        }
        return parts;
    }

    /** A part stored under its portable name, the last segment made unique (case-insensitive) with -2, -3, .... */
    private static Part part(Set<String> taken, String name, byte[] bytes, String format, String description,
            String about) {
        String stored = EntryPaths.portable(name);
        int slash = stored.lastIndexOf('/');
        String folder = stored.substring(0, slash + 1);
        String last = stored.substring(slash + 1);
        int dot = last.lastIndexOf('.');
        String stem = dot > 0 ? last.substring(0, dot) : last;
        String ext = dot > 0 ? last.substring(dot) : "";
        for (int k = 2; !taken.add(last.toLowerCase(Locale.ROOT)); k++) {
            last = stem + "-" + k + ext;
        }
        return new Part(name, folder + last, bytes, format, description, about);
    }

    private static void writeZip(String root, List<Part> parts, NotebookEntry entry, OutputStream out)
            throws IOException {
        String dataset = datasetFolder(entry);
        byte[] metadata = metadataJson(entry, dataset, parts).getBytes(StandardCharsets.UTF_8);
        FileTime time = FileTime.from(entry.created());
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(6);
        // files only: a bare folder entry would give SampleDB a second, empty root folder
        put(zip, root + "/" + METADATA_NAME, metadata, time);
        for (Part p : parts) {
            put(zip, root + "/" + dataset + "/" + p.stored(), p.bytes(), time);
        }
        zip.finish();
        zip.flush();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, FileTime time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(time);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    // ------------------------------------------------------------------ metadata

    /**
     * The RO-Crate metadata of an entry.
     *
     * @param entry the entry
     * @param dataset the entry's folder inside the root folder
     * @param parts the files
     * @return pretty-printed JSON-LD (two-space indent, LF)
     */
    static String metadataJson(NotebookEntry entry, String dataset, List<Part> parts) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        doc.put("@context", CONTEXT);
        ArrayNode graph = doc.putArray("@graph");
        String created = entry.created().toString();
        String datasetId = "./" + dataset + "/";
        Map<String, String> fileIds = new LinkedHashMap<>();
        for (Part p : parts) {
            fileIds.put(p.name(), datasetId + p.stored());
        }
        String summary = summary(entry);

        ObjectNode descriptor = graph.addObject();
        descriptor.put("@id", METADATA_NAME);
        descriptor.put("@type", "CreativeWork");
        descriptor.putObject("about").put("@id", "./");
        descriptor.putObject("conformsTo").put("@id", RO_CRATE_1_1);
        descriptor.put("version", DESCRIPTOR_VERSION);
        descriptor.put("dateCreated", created);
        descriptor.putObject("sdPublisher").put("@id", PUBLISHER_ID);

        NotebookEntry.Author a = entry.author();
        String personId = a.orcid().isEmpty() ? "#author" : a.orcidUrl();
        List<NotebookEntry.Analysis> analyses = entry.analyses();
        String license = entry.license();
        boolean licenseIsUrl = license.matches("(?i)https?://\\S+");
        String licenseId = license.isEmpty() ? NO_LICENSE_ID : licenseIsUrl ? license : LICENSE_ID;

        ObjectNode rootDs = graph.addObject();
        rootDs.put("@id", "./");
        rootDs.put("@type", "Dataset");
        rootDs.put("name", entry.title());
        rootDs.put("description", summary);
        rootDs.put("dateCreated", created);
        rootDs.put("datePublished", created);
        rootDs.putObject("author").put("@id", personId);
        rootDs.putObject("license").put("@id", licenseId);
        rootDs.putArray("hasPart").addObject().put("@id", datasetId);
        if (!analyses.isEmpty()) {
            ArrayNode mentions = rootDs.putArray("mentions");
            for (int i = 0; i < analyses.size(); i++) {
                mentions.addObject().put("@id", runId(i));
            }
        }

        ObjectNode ds = graph.addObject();
        ds.put("@id", datasetId);
        ds.put("@type", "Dataset");
        ds.put("name", entry.title());
        ds.put("description", summary);
        ds.put("genre", GENRE);
        String text = datasetText(entry);
        if (!text.isEmpty()) {
            ds.put("text", text);
            ds.put("encodingFormat", "text/html");
        }
        ds.put("dateCreated", created);
        ds.put("dateModified", created);
        ds.put("temporal", created);
        ds.putObject("author").put("@id", personId);
        if (!entry.project().isEmpty()) {
            ds.put("keywords", entry.project().replaceAll("\\s*,\\s*", " - "));
        }
        List<String[]> properties = new ArrayList<>();
        if (!entry.project().isEmpty()) {
            properties.add(new String[] {PROJECT_ID, PROJECT, entry.project()});
        }
        if (!entry.notes().isEmpty()) {
            properties.add(new String[] {NOTES_ID, NOTES, entry.notes()});
        }
        if (!properties.isEmpty()) {
            ArrayNode measured = ds.putArray("variableMeasured");
            properties.forEach(pv -> measured.addObject().put("@id", pv[0]));
        }
        ArrayNode hasPart = ds.putArray("hasPart");
        for (String id : fileIds.values()) {
            hasPart.addObject().put("@id", id);
        }

        ObjectNode person = graph.addObject();
        person.put("@id", personId);
        person.put("@type", "Person");
        person.put("name", a.name());
        if (!a.orcid().isEmpty()) {
            person.put("identifier", a.orcidUrl());
        }
        if (!a.email().isEmpty()) {
            person.put("email", a.email());
        }

        for (String[] pv : properties) {
            ObjectNode n = graph.addObject();
            n.put("@id", pv[0]);
            n.put("@type", "PropertyValue");
            n.put("propertyID", pv[1]);
            n.put("name", pv[1]);
            n.put("value", pv[2]);
        }

        ObjectNode lic = graph.addObject();
        lic.put("@id", licenseId);
        lic.put("@type", "CreativeWork");
        if (license.isEmpty()) {
            lic.put("name", "No license chosen");
            lic.put("description", "The author chose no license for this notebook entry: ask them before reusing it.");
        } else {
            lic.put("name", license);
            lic.put("description", "The license under which the author allows reuse of this notebook entry.");
        }

        Map<String, String> fileBySha = new HashMap<>();
        for (Part p : parts) {
            ObjectNode file = graph.addObject();
            String id = fileIds.get(p.name());
            file.put("@id", id);
            file.put("@type", "File");
            file.put("name", p.fileName());
            if (!p.name().equals(p.fileName())) {
                file.put("alternateName", p.name());
            }
            file.put("description", p.description());
            file.put("encodingFormat", p.encodingFormat());
            file.put("contentSize", Integer.toString(p.bytes().length));
            String sha = p.sha256();
            file.put("sha256", sha);
            file.put("dateCreated", created);
            if (p.about() != null) {
                file.putObject("about").put("@id", p.about());
            }
            if (p.encodingFormat().startsWith("text/csv") || p.encodingFormat().startsWith("text/tab")) {
                fileBySha.putIfAbsent(sha, id);
            }
        }

        ObjectNode publisher = graph.addObject();
        publisher.put("@id", PUBLISHER_ID);
        publisher.put("@type", "Organization");
        publisher.put("name", "Benchtop");
        publisher.put("description", "Benchtop: wet-lab analysis for KNIME Analytics Platform and the command line "
                + "(plates, dose response, qPCR, RNA-seq, lab notebook)");

        Set<String> versions = new LinkedHashSet<>();
        for (NotebookEntry.Analysis an : analyses) {
            versions.add(an.record().benchtopVersion());
        }
        for (String v : versions) {
            ObjectNode app = graph.addObject();
            app.put("@id", softwareId(v));
            app.put("@type", "SoftwareApplication");
            app.put("name", "Benchtop");
            app.put("version", v);
            app.put("softwareVersion", v);
            app.putObject("publisher").put("@id", PUBLISHER_ID);
        }

        Map<String, String> idByName = new HashMap<>(fileIds);
        for (int i = 0; i < analyses.size(); i++) {
            addAction(graph, i, analyses.get(i), idByName, fileBySha);
        }
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf);
        try {
            return new ObjectMapper().writer(pp).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree of strings always serializes", e);
        }
    }

    static String softwareId(String version) {
        return "#benchtop-" + EntryPaths.encode(version);
    }

    private static void addAction(ArrayNode graph, int index, NotebookEntry.Analysis an, Map<String, String> idByName,
            Map<String, String> fileBySha) {
        RunRecord r = an.record();
        String id = runId(index);
        ObjectNode action = graph.addObject();
        action.put("@id", id);
        action.put("@type", "CreateAction");
        action.put("name", r.analysis());
        action.put("identifier", r.analysis());
        action.putObject("instrument").put("@id", softwareId(r.benchtopVersion()));
        action.put("startTime", r.started().toString());
        action.put("endTime", r.finished().toString());
        action.putObject("actionStatus").put("@id", "http://schema.org/CompletedActionStatus");
        StringBuilder desc = new StringBuilder("Benchtop ").append(r.benchtopVersion()).append(", analysis ")
                .append(r.analysis()).append('.');
        if (r.warnings().isEmpty()) {
            desc.append(" No warnings.");
        } else {
            desc.append(" Warnings:");
            for (String w : r.warnings()) {
                desc.append("\n- ").append(w);
            }
        }
        action.put("description", desc.toString());
        ArrayNode object = action.putArray("object");
        List<ObjectNode> extra = new ArrayList<>();
        for (int k = 0; k < r.inputs().size(); k++) {
            RunRecord.InputDigest in = r.inputs().get(k);
            String linked = fileBySha.get(in.sha256());
            if (linked != null) {
                object.addObject().put("@id", linked);
                continue;
            }
            String inId = String.format(Locale.ROOT, "%s-input-%d", id, Integer.valueOf(k + 1));
            object.addObject().put("@id", inId);
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("@id", inId);
            e.put("@type", "CreativeWork");
            e.put("name", in.name());
            e.put("encodingFormat", "text/csv");
            e.put("sha256", in.sha256());
            e.put("description", String.format(Locale.ROOT, "Input '%s' of %s: %d rows x %d columns. The SHA-256 is "
                    + "that of its canonical CSV (comma, LF line ends, UTF-8); the table itself is not part of this "
                    + "entry.", in.name(), r.analysis(), Integer.valueOf(in.rows()), Integer.valueOf(in.columns())));
            extra.add(e);
        }
        for (RunRecord.Parameter p : r.parameters()) {
            String pId = id + "-param-" + EntryPaths.encode(p.name());
            object.addObject().put("@id", pId);
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("@id", pId);
            e.put("@type", "PropertyValue");
            e.put("name", p.name());
            e.put("propertyID", p.name());
            e.put("value", p.value());
            extra.add(e);
        }
        ArrayNode result = action.putArray("result");
        for (String out : an.outputs()) {
            result.addObject().put("@id", idByName.get(out));
        }
        graph.addAll(extra);
    }

    /**
     * The Dataset's {@code description}: one plain-text paragraph on what the entry holds. Kadi4Mat and
     * SampleDB show it as the record's description; eLabFTW appends it to the body after {@code text}.
     */
    static String summary(NotebookEntry entry) {
        StringBuilder b = new StringBuilder("Lab notebook entry recorded with Benchtop.");
        List<NotebookEntry.Analysis> analyses = entry.analyses();
        if (analyses.isEmpty()) {
            b.append(" No analysis provenance (no Benchtop run record).");
        } else {
            List<String> names = new ArrayList<>();
            for (NotebookEntry.Analysis an : analyses) {
                names.add(an.record().analysis() + " (Benchtop " + an.record().benchtopVersion() + ", "
                        + an.record().started().truncatedTo(ChronoUnit.SECONDS) + ")");
            }
            b.append(analyses.size() == 1 ? " Analysis: " : " Analyses: ").append(String.join("; ", names)).append('.');
        }
        b.append(' ').append(count(entry.tables().size(), "result table", "result tables")).append(", ")
                .append(count(entry.plots().size(), "plot", "plots")).append(". The file ").append(REPORT_NAME)
                .append(" holds the summary, plots, parameters and provenance.");
        return b.toString();
    }

    private static String count(int n, String one, String many) {
        return n == 0 ? "no " + many : n + " " + (n == 1 ? one : many);
    }

    /** The Dataset's {@code text} (HTML): the notes and the project; empty if there are neither. */
    private static String datasetText(NotebookEntry entry) {
        StringBuilder b = new StringBuilder();
        for (String para : entry.notes().split("\\R\\s*\\R")) {
            if (!para.isBlank()) {
                b.append("<p>").append(HtmlReport.escape(para.strip()).replaceAll("\\R", "<br/>")).append("</p>\n");
            }
        }
        if (!entry.project().isEmpty()) {
            b.append("<p>Project: ").append(HtmlReport.escape(entry.project())).append("</p>\n");
        }
        return b.toString();
    }
}
