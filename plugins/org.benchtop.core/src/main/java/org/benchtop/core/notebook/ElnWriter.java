package org.benchtop.core.notebook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
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
 * (TheELNConsortium/TheELNFileFormat, SPECIFICATION.md) that eLabFTW, Kadi4Mat, RSpace, SampleDB,
 * PASTA and OpenSemanticLab import: a zip archive holding one folder, named like the archive,
 * with the RO-Crate 1.1 metadata file {@code ro-crate-metadata.json} and one sub-folder for the
 * entry (the "experiment" an ELN imports):
 *
 * <pre>
 * kcviab.eln
 *   kcviab/
 *     ro-crate-metadata.json
 *     KcViab-screen-normalization/        one Dataset: name, author, dateCreated, text, hasPart
 *       report.html                        the readable report ({@link HtmlReport})
 *       plates_normalized.csv              result tables
 *       heatmaps/plate_1.png               plots (and .svg where available)
 *       provenance/run-01-plates.normalize.json   the run records, as written by the analyses
 * </pre>
 *
 * <p>The metadata ({@code @context} {@value #CONTEXT}) holds: the metadata descriptor
 * ({@code CreativeWork}, {@code conformsTo} {@value #RO_CRATE_1_1}, {@code about ./},
 * {@code sdPublisher}); the root {@code Dataset ./} (name, description, dateCreated, datePublished,
 * author, {@code hasPart} → the entry's Dataset, {@code mentions} → the analyses); the entry's
 * {@code Dataset} whose {@code hasPart} lists every file as a {@code File} entity with
 * {@code name}, {@code encodingFormat}, {@code contentSize} (bytes, as a string) and {@code sha256};
 * the author as a {@code Person} ({@code @id} the ORCID iD URL when known); the project as a
 * {@code PropertyValue} in {@code variableMeasured}; Benchtop as a {@code SoftwareApplication}
 * with its version; and each analysis as a {@code CreateAction} (Process Run Crate style) with
 * {@code instrument} → Benchtop, {@code object} → its inputs (each with the SHA-256 from the run
 * record, linked to the entry's file when a table of the entry has exactly that checksum) and its
 * parameters as {@code PropertyValue}s, {@code result} → its output files, {@code startTime},
 * {@code endTime} and its warnings in {@code description}.
 *
 * <p>The ELN specification asks for files to sit in a Dataset listed by the root, and for no Dataset
 * inside another Dataset's {@code hasPart}: the root lists the entry's Dataset and that Dataset lists
 * the files. Files in sub-folders (e.g. {@code heatmaps/}) are listed directly by the entry's Dataset.
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

    static final String PUBLISHER_ID = "#benchtop";
    static final String PROJECT_ID = "#project";

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

    /** One file of the archive, with its place and description in the metadata. */
    record Part(String path, byte[] bytes, String encodingFormat, String description, String about) {
        String sha256() {
            return RunRecord.sha256Hex(bytes);
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
        parts.add(new Part(REPORT_NAME, HtmlReport.render(entry).getBytes(StandardCharsets.UTF_8), "text/html",
                "Readable report of this entry: summary, plots, parameters and provenance (self-contained HTML)",
                null));
        for (NotebookEntry.ResultTable t : entry.tables()) {
            String producer = entry.producerOf(t.name()).map(a -> " of " + a.record().analysis()).orElse("");
            String format = t.name().toLowerCase(Locale.ROOT).endsWith(".tsv") ? "text/tab-separated-values"
                    : "text/csv";
            parts.add(new Part(t.name(), t.csv(), format, "Result table" + producer, null));
        }
        for (NotebookEntry.Plot p : entry.plots()) {
            parts.add(new Part(p.name(), p.png(), "image/png", "Plot (PNG)", null));
            p.svg().ifPresent(svg -> parts.add(new Part(p.svgName(), svg, "image/svg+xml", "Plot (SVG)", null)));
        }
        List<NotebookEntry.Analysis> analyses = entry.analyses();
        for (int i = 0; i < analyses.size(); i++) {
            RunRecord r = analyses.get(i).record();
            parts.add(new Part(runFileName(i, r), r.toJson().getBytes(StandardCharsets.UTF_8), "application/json",
                    "Benchtop run record of " + r.analysis() + " (parameters, version, input SHA-256, times, "
                            + "warnings)", runId(i)));
        }
        return parts;
    }

    private static void writeZip(String root, List<Part> parts, NotebookEntry entry, OutputStream out)
            throws IOException {
        String dataset = datasetFolder(entry);
        byte[] metadata = metadataJson(entry, dataset, parts).getBytes(StandardCharsets.UTF_8);
        FileTime time = FileTime.from(entry.created());
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(6);
        Set<String> folders = new LinkedHashSet<>();
        folders.add(root + "/");
        folders.add(root + "/" + dataset + "/");
        for (Part p : parts) {
            String full = root + "/" + dataset + "/" + p.path();
            for (int slash = full.indexOf('/'); slash >= 0; slash = full.indexOf('/', slash + 1)) {
                folders.add(full.substring(0, slash + 1));
            }
        }
        for (String f : folders) {
            ZipEntry e = new ZipEntry(f);
            e.setLastModifiedTime(time);
            zip.putNextEntry(e);
            zip.closeEntry();
        }
        put(zip, root + "/" + METADATA_NAME, metadata, time);
        for (Part p : parts) {
            put(zip, root + "/" + dataset + "/" + p.path(), p.bytes(), time);
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
     * @param parts the files, paths relative to the entry's folder
     * @return pretty-printed JSON-LD (two-space indent, LF)
     */
    static String metadataJson(NotebookEntry entry, String dataset, List<Part> parts) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        doc.put("@context", CONTEXT);
        ArrayNode graph = doc.putArray("@graph");
        String created = entry.created().toString();
        String datasetId = "./" + EntryPaths.encode(dataset) + "/";
        Map<String, String> fileIds = new LinkedHashMap<>();
        for (Part p : parts) {
            fileIds.put(p.path(), "./" + EntryPaths.encode(dataset + "/" + p.path()));
        }

        ObjectNode descriptor = graph.addObject();
        descriptor.put("@id", METADATA_NAME);
        descriptor.put("@type", "CreativeWork");
        descriptor.putObject("about").put("@id", "./");
        descriptor.putObject("conformsTo").put("@id", RO_CRATE_1_1);
        descriptor.put("dateCreated", created);
        descriptor.putObject("sdPublisher").put("@id", PUBLISHER_ID);

        NotebookEntry.Author a = entry.author();
        String personId = a.orcid().isEmpty() ? "#author" : a.orcidUrl();
        List<NotebookEntry.Analysis> analyses = entry.analyses();

        ObjectNode rootDs = graph.addObject();
        rootDs.put("@id", "./");
        rootDs.put("@type", "Dataset");
        rootDs.put("name", entry.title());
        rootDs.put("description", entry.notes().isEmpty()
                ? "Lab notebook entry recorded with Benchtop: " + entry.title() : entry.notes());
        rootDs.put("dateCreated", created);
        rootDs.put("datePublished", created);
        rootDs.putObject("author").put("@id", personId);
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
        if (!entry.notes().isEmpty()) {
            ds.put("description", entry.notes());
        }
        ds.put("text", datasetText(entry));
        ds.put("dateCreated", created);
        ds.putObject("author").put("@id", personId);
        if (!entry.project().isEmpty()) {
            ds.put("keywords", entry.project());
            ds.putArray("variableMeasured").addObject().put("@id", PROJECT_ID);
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

        if (!entry.project().isEmpty()) {
            ObjectNode project = graph.addObject();
            project.put("@id", PROJECT_ID);
            project.put("@type", "PropertyValue");
            project.put("propertyID", "project");
            project.put("name", "project");
            project.put("value", entry.project());
        }

        Map<String, String> fileBySha = new HashMap<>();
        for (Part p : parts) {
            ObjectNode file = graph.addObject();
            String id = fileIds.get(p.path());
            file.put("@id", id);
            file.put("@type", "File");
            String base = p.path().substring(p.path().lastIndexOf('/') + 1);
            file.put("name", base);
            if (!base.equals(p.path())) {
                file.put("alternateName", p.path());
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

        for (int i = 0; i < analyses.size(); i++) {
            addAction(graph, i, analyses.get(i), dataset, fileBySha);
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

    private static void addAction(ArrayNode graph, int index, NotebookEntry.Analysis an, String dataset,
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
            result.addObject().put("@id", "./" + EntryPaths.encode(dataset + "/" + out));
        }
        graph.addAll(extra);
    }

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
        b.append("<p>Recorded with Benchtop. Analyses: ");
        if (entry.analyses().isEmpty()) {
            b.append("none recorded (no provenance)");
        } else {
            List<String> names = new ArrayList<>();
            for (NotebookEntry.Analysis an : entry.analyses()) {
                names.add(HtmlReport.escape(an.record().analysis() + " (Benchtop " + an.record().benchtopVersion()
                        + ", " + an.record().started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")"));
            }
            b.append(String.join("; ", names));
        }
        b.append(". See ").append(REPORT_NAME).append(" for the summary, plots and provenance.</p>");
        return b.toString();
    }
}
