package org.benchtop.core.notebook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.benchtop.core.BenchtopException.Kind;
import org.benchtop.core.table.CsvWriter;
import org.benchtop.core.table.Table;

/**
 * One lab-notebook entry: who recorded what, for which project, with which notes, and the analyses
 * that fed it: their {@linkplain RunRecord run records} (parameters, Benchtop version, SHA-256 of every
 * input, UTC times, warnings), their result tables (CSV) and their plots (PNG, optionally SVG).
 * Immutable; build it with {@link #builder()}:
 *
 * <pre>
 * NotebookEntry e = NotebookEntry.builder()
 *         .title("KcViab screen, normalization")
 *         .author(new NotebookEntry.Author("Ada Lovelace", "0000-0002-1825-0097", "ada@example.org"))
 *         .project("RNAi viability")
 *         .notes("Plates 1-57, two replicates.")
 *         .table("plates_normalized.csv", normalizedTable)
 *         .run(record, "plates_normalized.csv")
 *         .plot("heatmaps/plate_1.png", png)
 *         .build();
 * </pre>
 *
 * <p>File names of tables and plots are relative paths inside the entry's folder ({@code /} between
 * folders); a name that would escape the folder ({@code ../x}, {@code /x}, {@code C:x}) is rejected.
 * A table name without an extension gets {@code .csv}, a plot name without one gets {@code .png};
 * its SVG, if any, is stored under the same name with {@code .svg}. Names are unique regardless of
 * case (archives are extracted on case-insensitive file systems too).
 *
 * <p>An entry without run records is allowed (for example tables that were not made by Benchtop),
 * but {@link #warnings()} then says that it has no provenance.
 */
public final class NotebookEntry {

    /** The warning of an entry without run records. */
    public static final String NO_PROVENANCE = "This entry holds no Benchtop run record, so there is no provenance "
            + "for its results (no inputs with their SHA-256, settings, Benchtop version or run times): "
            + "run the analyses with Benchtop (command line or KNIME nodes upstream) to record them.";

    private final String title;
    private final Author author;
    private final String project;
    private final String notes;
    private final String license;
    private final Instant created;
    private final List<Analysis> analyses;
    private final List<ResultTable> tables;
    private final List<Plot> plots;
    private final List<String> warnings;

    private NotebookEntry(Builder b) {
        this.title = b.title.strip();
        this.author = b.author;
        this.project = b.project == null ? "" : b.project.strip();
        this.notes = b.notes == null ? "" : b.notes.strip();
        this.license = b.license == null ? "" : b.license.strip();
        this.created = b.created != null ? b.created : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.analyses = List.copyOf(b.analyses);
        this.tables = List.copyOf(b.tables);
        this.plots = List.copyOf(b.plots);
        List<String> w = new ArrayList<>(b.warnings);
        if (analyses.isEmpty()) {
            w.add(0, NO_PROVENANCE);
        }
        this.warnings = List.copyOf(w);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the title, stripped, never blank */
    public String title() {
        return title;
    }

    /** @return who recorded the entry */
    public Author author() {
        return author;
    }

    /** @return the project, stripped; empty if none */
    public String project() {
        return project;
    }

    /** @return free-text notes, stripped; empty if none */
    public String notes() {
        return notes;
    }

    /**
     * @return the license under which the entry may be reused, stripped: a URL (e.g.
     *         {@code https://creativecommons.org/licenses/by/4.0/}) or a short text; empty if the author
     *         chose none (the {@code .eln} then says so)
     */
    public String license() {
        return license;
    }

    /** @return when the entry was created (UTC instant) */
    public Instant created() {
        return created;
    }

    /** @return the analyses (run records with the names of their outputs), in order */
    public List<Analysis> analyses() {
        return analyses;
    }

    /** @return the run records of {@link #analyses()}, in order */
    public List<RunRecord> runRecords() {
        List<RunRecord> r = new ArrayList<>();
        for (Analysis a : analyses) {
            r.add(a.record());
        }
        return List.copyOf(r);
    }

    /** @return the result tables, in the order added */
    public List<ResultTable> tables() {
        return tables;
    }

    /** @return the plots, in the order added */
    public List<Plot> plots() {
        return plots;
    }

    /**
     * @return warnings about the entry: {@link #NO_PROVENANCE} first if there are no run records,
     *         then those added while it was gathered (e.g. by {@link RunFolder})
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * @param name a table name as stored ({@link ResultTable#name()})
     * @return the analysis that produced it, if one names it as an output
     */
    public Optional<Analysis> producerOf(String name) {
        for (Analysis a : analyses) {
            if (a.outputs().contains(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NotebookEntry[%s by %s, %d runs, %d tables, %d plots]", title,
                author.name(), Integer.valueOf(analyses.size()), Integer.valueOf(tables.size()),
                Integer.valueOf(plots.size()));
    }

    // ------------------------------------------------------------------ parts

    /**
     * The person who records the entry.
     *
     * @param name the full name, e.g. {@code Ada Lovelace}
     * @param orcid the ORCID iD as {@code 0000-0002-1825-0097} (a {@code https://orcid.org/} prefix is
     *        removed), or {@code null}/empty if none; its check digit (ISO 7064 MOD 11-2) is verified
     * @param email an e-mail address, or {@code null}/empty if none
     */
    public record Author(String name, String orcid, String email) {

        /**
         * @param name the full name
         * @param orcid the ORCID iD or {@code null}
         * @param email the e-mail address or {@code null}
         * @throws NotebookException (BAD_INPUT) if the name is blank, the ORCID iD is malformed or
         *         its check digit is wrong, or the e-mail address has no {@code @}
         */
        public Author {
            if (name == null || name.isBlank()) {
                throw new NotebookException(Kind.BAD_INPUT,
                        "The author's name is empty; give the name of the person who records the entry");
            }
            name = name.strip();
            orcid = normalizeOrcid(orcid);
            email = email == null || email.isBlank() ? "" : email.strip();
            if (!email.isEmpty() && (email.indexOf('@') <= 0 || email.indexOf('@') == email.length() - 1
                    || email.chars().anyMatch(Character::isWhitespace))) {
                throw new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                        "The author's e-mail address '%s' is not an address such as name@example.org; correct it or "
                                + "leave it empty", EntryPaths.printable(email)));
            }
        }

        /**
         * @param name the full name
         * @return an author with neither ORCID iD nor e-mail address
         */
        public static Author named(String name) {
            return new Author(name, null, null);
        }

        /** @return the ORCID iD as a URL ({@code https://orcid.org/...}), or empty if none */
        public String orcidUrl() {
            return orcid.isEmpty() ? "" : "https://orcid.org/" + orcid;
        }

        private static String normalizeOrcid(String orcid) {
            if (orcid == null || orcid.isBlank()) {
                return "";
            }
            String s = orcid.strip();
            for (String prefix : List.of("https://orcid.org/", "http://orcid.org/", "orcid.org/")) {
                if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    s = s.substring(prefix.length());
                }
            }
            s = s.toUpperCase(Locale.ROOT);
            if (!s.matches("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]")) {
                throw new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                        "The ORCID iD '%s' is not of the form 0000-0002-1825-0097; copy it from orcid.org or leave it "
                                + "empty", EntryPaths.printable(orcid)));
            }
            // ISO 7064 MOD 11-2 over the first 15 digits
            int total = 0;
            String digits = s.replace("-", "");
            for (int i = 0; i < 15; i++) {
                total = (total + (digits.charAt(i) - '0')) * 2;
            }
            int check = (12 - total % 11) % 11;
            char expected = check == 10 ? 'X' : (char) ('0' + check);
            if (digits.charAt(15) != expected) {
                throw new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                        "The ORCID iD '%s' has a wrong check digit (the last character should be %s); copy it again "
                                + "from orcid.org", s, Character.valueOf(expected)));
            }
            return s;
        }
    }

    /**
     * One analysis of the entry: its run record and the names of the tables and plots of the entry it
     * produced (the {@code result} of its RO-Crate {@code CreateAction}).
     *
     * @param record the run record
     * @param outputs names of tables or plots of this entry, as stored (unmodifiable)
     */
    public record Analysis(RunRecord record, List<String> outputs) {
        /**
         * @param record the run record
         * @param outputs names of tables or plots of this entry
         */
        public Analysis {
            Objects.requireNonNull(record, "record");
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * A result table, kept as CSV bytes (exactly the bytes written into the archive).
     */
    public static final class ResultTable {
        private final String name;
        private final byte[] csv;
        private final Table table;

        private ResultTable(String name, byte[] csv, Table table) {
            this.name = name;
            this.csv = csv;
            this.table = table;
        }

        /** @return the file name inside the entry, e.g. {@code plates_qc.csv} */
        public String name() {
            return name;
        }

        /** @return a copy of the CSV bytes (UTF-8) */
        public byte[] csv() {
            return csv.clone();
        }

        /** @return the number of CSV bytes */
        public int size() {
            return csv.length;
        }

        /** @return lowercase hex SHA-256 of {@link #csv()} */
        public String sha256() {
            return RunRecord.sha256Hex(csv);
        }

        /**
         * @return the table when the entry was given one ({@link Builder#table(String, Table)}); empty
         *         when it was given CSV bytes (parse {@link #csv()} with the table package then)
         */
        public Optional<Table> table() {
            return Optional.ofNullable(table);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ResultTable t && t.name.equals(name) && Arrays.equals(t.csv, csv);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(csv);
        }

        @Override
        public String toString() {
            return "ResultTable[" + name + ", " + csv.length + " bytes]";
        }
    }

    /** A plot: PNG, and SVG when the plotting library offers it. */
    public static final class Plot {
        private final String name;
        private final byte[] png;
        private final byte[] svg;

        private Plot(String name, byte[] png, byte[] svg) {
            this.name = name;
            this.png = png;
            this.svg = svg;
        }

        /** @return the PNG file name inside the entry, e.g. {@code heatmaps/plate_1.png} */
        public String name() {
            return name;
        }

        /** @return the SVG file name: {@link #name()} with {@code .svg} instead of its extension */
        public String svgName() {
            int dot = name.lastIndexOf('.');
            return (dot > name.lastIndexOf('/') ? name.substring(0, dot) : name) + ".svg";
        }

        /** @return a copy of the PNG bytes */
        public byte[] png() {
            return png.clone();
        }

        /** @return a copy of the SVG bytes, if any */
        public Optional<byte[]> svg() {
            return svg == null ? Optional.empty() : Optional.of(svg.clone());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Plot p && p.name.equals(name) && Arrays.equals(p.png, png) && Arrays.equals(p.svg, svg);
        }

        @Override
        public int hashCode() {
            return (name.hashCode() * 31 + Arrays.hashCode(png)) * 31 + Arrays.hashCode(svg);
        }

        @Override
        public String toString() {
            return "Plot[" + name + ", " + png.length + " bytes" + (svg == null ? "" : ", with SVG") + "]";
        }
    }

    // ------------------------------------------------------------------ builder

    /**
     * Collects the parts of a {@link NotebookEntry}. Not thread-safe. Names are checked as they are
     * added; {@link #build()} checks the rest.
     */
    public static final class Builder {
        private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

        private String title;
        private Author author;
        private String project;
        private String notes;
        private String license;
        private Instant created;
        private final List<Analysis> analyses = new ArrayList<>();
        private final List<ResultTable> tables = new ArrayList<>();
        private final List<Plot> plots = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        /** lower-case file name to the name as given, for case-insensitive uniqueness */
        private final Map<String, String> names = new HashMap<>();

        private Builder() {
        }

        /**
         * @param text the title (required, not blank)
         * @return this builder
         */
        public Builder title(String text) {
            this.title = text;
            return this;
        }

        /**
         * @param a who records the entry (required)
         * @return this builder
         */
        public Builder author(Author a) {
            this.author = Objects.requireNonNull(a, "author");
            return this;
        }

        /**
         * @param name the full name of who records the entry, without ORCID iD or e-mail
         * @return this builder
         * @throws NotebookException (BAD_INPUT) if the name is blank
         */
        public Builder author(String name) {
            return author(Author.named(name));
        }

        /**
         * @param name the project, or {@code null}/empty for none
         * @return this builder
         */
        public Builder project(String name) {
            this.project = name;
            return this;
        }

        /**
         * @param text free-text notes, or {@code null}/empty for none
         * @return this builder
         */
        public Builder notes(String text) {
            this.notes = text;
            return this;
        }

        /**
         * @param text the license under which the entry may be reused: a URL such as
         *        {@code https://creativecommons.org/licenses/by/4.0/} or a short text such as
         *        {@code internal use only}; {@code null}/empty for none chosen
         * @return this builder
         */
        public Builder license(String text) {
            this.license = text;
            return this;
        }

        /**
         * @param when when the entry is created; default: the time of {@link #build()}, to the second
         * @return this builder
         */
        public Builder created(Instant when) {
            this.created = Objects.requireNonNull(when, "when");
            return this;
        }

        /**
         * Adds an analysis.
         *
         * @param record its run record
         * @param outputs names of the tables and plots of this entry that it produced (added before or
         *        after, as long as before {@link #build()}); a name without extension is matched with
         *        {@code .csv} or {@code .png} appended
         * @return this builder
         */
        public Builder run(RunRecord record, String... outputs) {
            return run(record, Arrays.asList(outputs));
        }

        /**
         * Adds an analysis.
         *
         * @param record its run record
         * @param outputs names of the tables and plots of this entry that it produced
         * @return this builder
         */
        public Builder run(RunRecord record, List<String> outputs) {
            analyses.add(new Analysis(record, outputs));
            return this;
        }

        /**
         * Adds a result table as canonical CSV ({@link CsvWriter#canonicalCsv(Table)}), so that its
         * SHA-256 equals the input digest of any run that reads it.
         *
         * @param name the file name, e.g. {@code plates_qc.csv}; {@code .csv} is appended if there is
         *        no extension
         * @param table the table
         * @return this builder
         * @throws NotebookException (BAD_INPUT) if the name would escape the folder or is taken
         */
        public Builder table(String name, Table table) {
            String n = claim(withExtension(name, ".csv", "table"), "table");
            tables.add(new ResultTable(n, CsvWriter.canonicalCsv(table), table));
            return this;
        }

        /**
         * Adds a result table as the exact bytes of a CSV file.
         *
         * @param name the file name; {@code .csv} is appended if there is no extension
         * @param csv the file's bytes (UTF-8 CSV)
         * @return this builder
         * @throws NotebookException (BAD_INPUT) if the name would escape the folder or is taken
         */
        public Builder table(String name, byte[] csv) {
            String n = claim(withExtension(name, ".csv", "table"), "table");
            tables.add(new ResultTable(n, csv.clone(), null));
            return this;
        }

        /**
         * @param name the PNG file name; {@code .png} is appended if there is no extension
         * @param png the PNG bytes
         * @return this builder
         * @throws NotebookException (BAD_INPUT) if the bytes are not a PNG image or the name would escape
         *         the folder or is taken
         */
        public Builder plot(String name, byte[] png) {
            return plot(name, png, null);
        }

        /**
         * @param name the PNG file name; {@code .png} is appended if there is no extension
         * @param png the PNG bytes
         * @param svg the same plot as SVG, or {@code null}
         * @return this builder
         * @throws NotebookException (BAD_INPUT) if the bytes are not a PNG image or the name would escape
         *         the folder or is taken
         */
        public Builder plot(String name, byte[] png, byte[] svg) {
            String n = withExtension(name, ".png", "plot");
            if (png.length < PNG_SIGNATURE.length
                    || !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
                throw new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                        "The plot '%s' is not a PNG image (its first bytes are not the PNG signature); give PNG bytes",
                        EntryPaths.printable(n)));
            }
            claim(n, "plot");
            Plot p = new Plot(n, png.clone(), svg == null ? null : svg.clone());
            if (svg != null) {
                claim(p.svgName(), "plot");
            }
            plots.add(p);
            return this;
        }

        /**
         * @param message a warning about how the entry was gathered (e.g. a run record whose output is
         *        missing), shown with the entry
         * @return this builder
         */
        public Builder warning(String message) {
            warnings.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /**
         * @return the entry
         * @throws NotebookException (BAD_INPUT) if the title or author is missing, or an analysis names
         *         an output that is not a table or plot of the entry
         */
        public NotebookEntry build() {
            if (title == null || title.isBlank()) {
                throw new NotebookException(Kind.BAD_INPUT,
                        "The notebook entry has no title; give one (e.g. --title \"Plate QC, screen 3\")");
            }
            if (author == null) {
                throw new NotebookException(Kind.BAD_INPUT,
                        "The notebook entry has no author; give the name of the person who records it");
            }
            for (int i = 0; i < analyses.size(); i++) {
                Analysis a = analyses.get(i);
                List<String> resolved = new ArrayList<>();
                for (String out : a.outputs()) {
                    resolved.add(resolve(out, a.record()));
                }
                analyses.set(i, new Analysis(a.record(), resolved));
            }
            return new NotebookEntry(this);
        }

        private String resolve(String output, RunRecord r) {
            for (String candidate : List.of(output, output + ".csv", output + ".png")) {
                for (ResultTable t : tables) {
                    if (t.name().equals(candidate)) {
                        return candidate;
                    }
                }
                for (Plot p : plots) {
                    if (p.name().equals(candidate)) {
                        return candidate;
                    }
                }
            }
            throw new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                    "The run record of '%s' names the output '%s', which is not a table or plot of the entry; "
                            + "add it, or leave it out of the run's outputs",
                    r.analysis(), EntryPaths.printable(output)));
        }

        private String claim(String name, String what) {
            String key = name.toLowerCase(Locale.ROOT);
            String before = names.putIfAbsent(key, name);
            if (before != null) {
                throw new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                        "The %s name '%s' is used twice in the entry%s; give each table and plot its own name",
                        what, EntryPaths.printable(name), before.equals(name) ? "" : " (as '" + before + "', "
                                + "ignoring case)"));
            }
            return name;
        }

        private static String withExtension(String name, String ext, String what) {
            EntryPaths.check(name, what);
            String last = name.substring(name.lastIndexOf('/') + 1);
            String n = last.indexOf('.') > 0 ? name : name + ext;
            if (reserved(n)) {
                throw new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                        "The %s name '%s' is reserved for the entry's own files (report.html, provenance/, "
                                + "ro-crate-metadata.json); choose another name", what, n));
            }
            return n;
        }

        private static boolean reserved(String n) {
            String l = n.toLowerCase(Locale.ROOT);
            return l.equals(ElnWriter.REPORT_NAME) || l.startsWith(ElnWriter.PROVENANCE_FOLDER + "/")
                    || l.equals(ElnWriter.METADATA_NAME);
        }
    }
}
