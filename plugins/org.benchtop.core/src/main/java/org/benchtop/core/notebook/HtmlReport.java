package org.benchtop.core.notebook;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.BenchtopVersion;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.ColumnType;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;

/**
 * A self-contained HTML report of a {@link NotebookEntry}, for people: one file, images inlined as
 * {@code data:} URIs, CSS inline, no scripts, well-formed XHTML (so that HTML-to-PDF converters such
 * as openhtmltopdf can read it), every text escaped. In order:
 *
 * <ol>
 * <li>the header: title, author (with ORCID iD and e-mail), project, creation time (UTC), notes, and
 * the entry's warnings (e.g. that it has no provenance);
 * <li>the summary, one block per result table, by kind ({@link ResultKind}: the analysis id of the
 * run that produced the table, else its columns): plate QC - plates passing and Z' / robust Z' per
 * plate ({@code z_prime}, {@code robust_z_prime}, {@code pass}); dose response - EC50 with its 95%
 * interval per curve ({@code ec50}, {@code ec50_lower}, {@code ec50_upper}, {@code well_determined});
 * qPCR - fold change per target and group ({@code relative_expression}, {@code lower},
 * {@code upper}); RNA-seq - genes with {@code padj} below alpha (the run's {@code alpha}, else 0.1),
 * up and down, and the top hits by {@code padj} ({@code gene_id}, {@code log2FoldChange},
 * {@code padj}); plate normalization - wells and plates; other tables - their size;
 * <li>every plot;
 * <li>parameters and provenance of each analysis: Benchtop version, UTC start and end, inputs with
 * rows, columns and SHA-256, parameters, warnings, outputs;
 * <li>the files of the entry with size and SHA-256.
 * </ol>
 *
 * Characters outside Latin-1 in Benchtop's own text are avoided (plain {@code Z'}, {@code x}), so a
 * PDF rendered with the standard PDF fonts shows them.
 */
public final class HtmlReport {

    /** Most rows of a summary table before it is cut (the full table is in the entry). */
    static final int MAX_ROWS = 40;
    /** Top hits shown for differential expression. */
    static final int TOP_GENES = 15;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Columns that hold identifiers: read as text even when they look like numbers. */
    private static final Set<String> ID_COLUMNS = Set.of("gene_id", "gene", "gene_name", "symbol", "plate", "replicate",
            "well", "target", "group", "sample", "compound", "cell_line", "curve", "calibrator");

    private static final String CSS = """
            body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1d1d1f; margin: 24px auto;
                   max-width: 1100px; padding: 0 24px; line-height: 1.45; font-size: 15px; }
            h1 { font-size: 26px; margin: 0 0 6px 0; }
            h2 { font-size: 20px; margin: 32px 0 8px 0; padding-bottom: 4px; border-bottom: 2px solid #d0d7de; }
            h3 { font-size: 16px; margin: 20px 0 6px 0; }
            .meta { color: #444; margin: 0 0 12px 0; }
            .meta span { margin-right: 18px; }
            .notes { background: #f6f8fa; border-left: 4px solid #8c959f; padding: 8px 14px; margin: 12px 0; }
            .warning { background: #fff8c5; border-left: 4px solid #bf8700; padding: 8px 14px; margin: 8px 0; }
            .bad { color: #b42318; font-weight: bold; }
            .good { color: #1a7f37; font-weight: bold; }
            .headline { font-size: 17px; margin: 6px 0 10px 0; }
            .card { border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 16px 12px 16px; margin: 14px 0; }
            .source { color: #57606a; font-size: 13px; }
            table { border-collapse: collapse; margin: 6px 0 10px 0; font-size: 14px; }
            th, td { border-bottom: 1px solid #d8dee4; padding: 3px 10px; text-align: left; vertical-align: top;
                     white-space: nowrap; }
            td.wrap { white-space: normal; min-width: 260px; }
            table.params td.name { color: #57606a; }
            table.params td.value { padding-right: 28px; }
            nav { margin: 8px 0 4px 0; font-size: 14px; }
            nav a { margin-right: 14px; }
            th { background: #f6f8fa; font-weight: 600; }
            td.num { text-align: right; font-family: Menlo, Consolas, "DejaVu Sans Mono", monospace; white-space: nowrap; }
            td.hash, span.hash { font-family: Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px;
                   word-break: break-all; }
            figure { display: inline-block; vertical-align: top; margin: 6px 8px 14px 0; }
            figure.single { width: 100%; max-width: 900px; }
            figure.half { width: 48%; }
            figure.tile { width: 31%; }
            figure img { width: 100%; border: 1px solid #d8dee4; }
            figcaption { font-size: 13px; color: #444; }
            dl { margin: 4px 0; }
            dt { float: left; clear: left; width: 130px; color: #57606a; }
            dd { margin: 0 0 2px 140px; }
            footer { margin-top: 36px; color: #57606a; font-size: 13px; border-top: 1px solid #d0d7de;
                     padding-top: 8px; }
            @media print { body { font-size: 12px; max-width: none; padding: 0; } table { font-size: 11px; }
                           th { white-space: normal; } td.wrap { min-width: 0; }
                           figure.tile { width: 30%; } figure.half { width: 46%; } .card { page-break-inside: avoid; }
                           nav { display: none; } }
            """;

    private HtmlReport() {
    }

    /**
     * @param entry the entry
     * @return the report as one self-contained XHTML document (UTF-8 text)
     */
    public static String render(NotebookEntry entry) {
        return new Renderer(entry).render();
    }

    /**
     * Writes the report atomically ({@link AtomicFiles}).
     *
     * @param entry the entry
     * @param target the HTML file
     * @param overwrite whether an existing file may be replaced
     * @return the path, SHA-256 and size written
     * @throws NotebookException (BAD_INPUT) if the folder is missing or not writable, or the file exists
     *         and {@code overwrite} is false
     */
    public static AtomicFiles.Written write(NotebookEntry entry, Path target, boolean overwrite) {
        byte[] html = render(entry).getBytes(StandardCharsets.UTF_8);
        return AtomicFiles.write(target, overwrite, "HTML report", html);
    }

    /**
     * Escapes text for HTML/XML content and attribute values.
     *
     * @param text any text ({@code null} gives an empty string)
     * @return it with {@code & < > " '} escaped and control characters other than tab and line ends
     *         removed (they are not allowed in XML)
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 && c != 0x7f && c != 0xfffe && c != 0xffff || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * Formats a number for people: 3 significant digits, scientific notation below 0.001 and from
     * 100,000 on; a dash for missing.
     *
     * @param x the number
     * @return its text
     */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "-";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a < 1e-3 || a >= 1e5) {
            return String.format(Locale.ROOT, "%.2e", Double.valueOf(x));
        }
        return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * @param x a number
     * @param decimals digits after the point
     * @return it with that many decimals; a dash for missing
     */
    static String fixed(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", Double.valueOf(x));
    }

    /** Builds the document. */
    private static final class Renderer {
        private final NotebookEntry entry;
        private final StringBuilder h = new StringBuilder(1 << 16);

        Renderer(NotebookEntry entry) {
            this.entry = entry;
        }

        String render() {
            h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                    .append("<meta charset=\"utf-8\"/>\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                    .append("<meta name=\"generator\" content=\"Benchtop ").append(escape(BenchtopVersion.get()))
                    .append("\"/>\n<title>").append(escape(entry.title())).append("</title>\n<style>\n").append(CSS)
                    .append("</style>\n</head>\n<body>\n");
            header();
            h.append("<nav><a href=\"#summary\">Summary</a><a href=\"#plots\">Plots</a>")
                    .append("<a href=\"#provenance\">Parameters and provenance</a><a href=\"#files\">Files</a></nav>\n");
            summary();
            plots();
            provenance();
            files();
            h.append("<footer>Report generated by Benchtop ").append(escape(BenchtopVersion.get()))
                    .append(". The SHA-256 checksums above identify every file of this entry; ")
                    .append("<code>benchtop notebook verify ENTRY.eln</code> re-checks an exported archive.</footer>\n")
                    .append("</body>\n</html>\n");
            return h.toString();
        }

        // ---------------------------------------------------------- header

        private void header() {
            h.append("<h1>").append(escape(entry.title())).append("</h1>\n<p class=\"meta\">");
            NotebookEntry.Author a = entry.author();
            h.append("<span><b>Author:</b> ").append(escape(a.name()));
            if (!a.orcid().isEmpty()) {
                h.append(" (ORCID <a href=\"").append(escape(a.orcidUrl())).append("\">").append(escape(a.orcid()))
                        .append("</a>)");
            }
            if (!a.email().isEmpty()) {
                h.append(" &lt;<a href=\"mailto:").append(escape(a.email())).append("\">").append(escape(a.email()))
                        .append("</a>&gt;");
            }
            h.append("</span>");
            if (!entry.project().isEmpty()) {
                h.append("<span><b>Project:</b> ").append(escape(entry.project())).append("</span>");
            }
            h.append("<span><b>Created:</b> ").append(UTC.format(entry.created())).append("</span>");
            h.append("<span><b>Analyses:</b> ").append(entry.analyses().size()).append("</span>");
            String license = entry.license();
            if (license != null && !license.isBlank()) {
                h.append("<span><b>License:</b> ");
                if (license.startsWith("https://") || license.startsWith("http://")) {
                    h.append("<a href=\"").append(escape(license)).append("\">").append(escape(license)).append("</a>");
                } else {
                    h.append(escape(license));
                }
                h.append("</span>");
            }
            h.append("</p>\n");
            if (!entry.notes().isEmpty()) {
                h.append("<div class=\"notes\">");
                for (String para : entry.notes().split("\\R\\s*\\R")) {
                    if (!para.isBlank()) {
                        h.append("<p>").append(escape(para.strip()).replaceAll("\\R", "<br/>")).append("</p>");
                    }
                }
                h.append("</div>\n");
            }
            for (String w : entry.warnings()) {
                h.append("<div class=\"warning\"><b>Note:</b> ").append(escape(w)).append("</div>\n");
            }
        }

        // ---------------------------------------------------------- summary

        private void summary() {
            h.append("<h2 id=\"summary\">Summary</h2>\n");
            if (entry.tables().isEmpty()) {
                h.append("<p>This entry holds no result tables.</p>\n");
            }
            Set<NotebookEntry.Analysis> shown = new LinkedHashSet<>();
            for (NotebookEntry.ResultTable t : entry.tables()) {
                Optional<NotebookEntry.Analysis> producer = entry.producerOf(t.name());
                producer.ifPresent(shown::add);
                Table table;
                try {
                    table = parse(t);
                } catch (BenchtopException | IllegalArgumentException e) {
                    card(t, producer, ResultKind.OTHER.label());
                    h.append("<p class=\"bad\">This table could not be read as CSV: ").append(escape(e.getMessage()))
                            .append("</p></div>\n");
                    continue;
                }
                ResultKind kind = ResultKind.of(producer.map(p -> p.record().analysis()).orElse(null),
                        table.columnNames());
                card(t, producer, kind.label());
                Map<String, String> params = params(producer);
                switch (kind) {
                    case PLATE_QC -> plateQc(table, params);
                    case PLATE_NORMALIZATION -> plateNormalization(table, params);
                    case DOSE_RESPONSE -> doseResponse(table, params);
                    case QPCR -> qpcr(table);
                    case RNASEQ -> rnaseq(table, params);
                    case OTHER -> h.append("<p>").append(size(table)).append(".</p>\n");
                }
                h.append("</div>\n");
            }
            for (NotebookEntry.Analysis a : entry.analyses()) {
                if (!shown.contains(a)) {
                    h.append("<div class=\"card\"><h3>").append(escape(ResultKind.ofAnalysis(a.record().analysis())
                            .label())).append(" <span class=\"source\">(").append(escape(a.record().analysis()))
                            .append(")</span></h3><p>This analysis is recorded (see Provenance); its result table is ")
                            .append("not part of this entry.</p></div>\n");
                }
            }
        }

        private void card(NotebookEntry.ResultTable t, Optional<NotebookEntry.Analysis> producer, String label) {
            h.append("<div class=\"card\"><h3>").append(escape(label)).append("</h3>\n<p class=\"source\">From <b>")
                    .append(escape(t.name())).append("</b>");
            if (producer.isPresent()) {
                RunRecord r = producer.get().record();
                int n = entry.analyses().indexOf(producer.get()) + 1;
                h.append(", made by <b>").append(escape(r.analysis())).append("</b> (Benchtop ")
                        .append(escape(r.benchtopVersion())).append(", ").append(UTC.format(r.finished()))
                        .append("; settings and inputs: <a href=\"#run-").append(n).append("\">provenance ").append(n)
                        .append("</a>)");
                if (!r.warnings().isEmpty()) {
                    h.append(". <b>").append(r.warnings().size()).append(r.warnings().size() == 1 ? " warning" : " warnings")
                            .append("</b>, listed under provenance ").append(n);
                }
            } else {
                h.append(", no run record: no provenance");
            }
            h.append("</p>\n");
        }

        private void plateQc(Table t, Map<String, String> params) {
            List<String> keys = keyColumns(t, params.get("plate"), "n_neg");
            Column pass = t.findColumn("pass").orElse(null);
            Column z = t.findColumn("z_prime").orElse(null);
            Column rz = t.findColumn("robust_z_prime").orElse(null);
            int n = t.rowCount();
            int passed = 0;
            List<Integer> failing = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean ok = pass != null && isTrue(pass, i);
                if (ok) {
                    passed++;
                } else {
                    failing.add(Integer.valueOf(i));
                }
            }
            String threshold = params.get("z_prime_threshold");
            h.append("<p class=\"headline\"><span class=\"").append(passed == n ? "good" : "bad").append("\">")
                    .append(passed).append(" of ").append(n).append(" plates pass</span>");
            if (threshold != null) {
                h.append(" (Z' at least ").append(escape(threshold)).append(')');
            }
            if (z != null) {
                h.append("; median Z' ").append(fixed(median(z), 3)).append(", lowest ").append(fixed(min(z), 3));
            }
            h.append(".</p>\n");
            List<Integer> rows = new ArrayList<>();
            String caption;
            if (n <= MAX_ROWS) {
                for (int i = 0; i < n; i++) {
                    rows.add(Integer.valueOf(i));
                }
                caption = null;
            } else {
                rows.addAll(failing.subList(0, Math.min(failing.size(), MAX_ROWS)));
                caption = failing.isEmpty() ? "Every plate passes; the per-plate values are in the table file."
                        : "Plates that fail" + (failing.size() > MAX_ROWS ? " (first " + MAX_ROWS + " of "
                                + failing.size() + ")" : "") + "; every plate is in the table file.";
            }
            if (caption != null) {
                h.append("<p>").append(escape(caption)).append("</p>\n");
            }
            if (rows.isEmpty()) {
                return;
            }
            List<String> head = new ArrayList<>(keys);
            head.addAll(List.of("Z'", "robust Z'", "pass"));
            List<List<Cell>> body = new ArrayList<>();
            for (Integer r : rows) {
                int i = r.intValue();
                List<Cell> row = new ArrayList<>();
                for (String k : keys) {
                    row.add(Cell.text(t.column(k).getString(i)));
                }
                row.add(Cell.num(fixed(z == null ? Double.NaN : z.getDouble(i), 3)));
                row.add(Cell.num(fixed(rz == null ? Double.NaN : rz.getDouble(i), 3)));
                boolean ok = pass != null && isTrue(pass, i);
                row.add(new Cell(ok ? "yes" : "no", ok ? "good" : "bad"));
                body.add(row);
            }
            table(head, body);
        }

        private void plateNormalization(Table t, Map<String, String> params) {
            List<String> keys = new ArrayList<>();
            String plate = params.get("plate");
            if (plate != null) {
                for (String k : plate.split(",")) {
                    if (t.findColumn(k.strip()).isPresent()) {
                        keys.add(k.strip());
                    }
                }
            }
            Set<String> plates = new LinkedHashSet<>();
            for (int i = 0; i < t.rowCount() && !keys.isEmpty(); i++) {
                StringBuilder key = new StringBuilder();
                for (String k : keys) {
                    key.append(t.column(k).getString(i)).append('\u0000');
                }
                plates.add(key.toString());
            }
            h.append("<p class=\"headline\">").append(String.format(Locale.ROOT, "%,d", Integer.valueOf(t.rowCount())))
                    .append(" wells");
            if (!plates.isEmpty()) {
                h.append(" on ").append(plates.size()).append(" plates");
            }
            h.append(" normalized");
            String methods = params.get("methods");
            if (methods != null) {
                h.append("; methods: ").append(escape(methods.replace(",", ", ")));
            }
            h.append(".</p>\n");
        }

        private void doseResponse(Table t, Map<String, String> params) {
            List<String> keys = keyColumns(t, params.get("group"), "ec50");
            Column ec50 = t.column("ec50");
            Column lo = t.column("ec50_lower");
            Column hi = t.column("ec50_upper");
            Column wd = t.findColumn("well_determined").orElse(null);
            Column reason = t.findColumn("reason").orElse(null);
            int n = t.rowCount();
            int determined = 0;
            for (int i = 0; i < n; i++) {
                if (wd == null || isTrue(wd, i)) {
                    determined++;
                }
            }
            String dose = params.get("dose");
            String unit = dose == null ? "" : " [" + dose + "]";
            h.append("<p class=\"headline\">").append(n).append(n == 1 ? " curve" : " curves").append(" fitted; EC50 ")
                    .append("well determined for ").append(determined).append(" of ").append(n).append(".</p>\n");
            List<String> head = new ArrayList<>(keys.isEmpty() ? List.of("curve") : keys);
            head.addAll(List.of("EC50" + unit, "95% CI", "well determined"));
            if (reason != null) {
                head.add("note");
            }
            List<List<Cell>> body = new ArrayList<>();
            for (int i = 0; i < Math.min(n, MAX_ROWS); i++) {
                List<Cell> row = new ArrayList<>();
                if (keys.isEmpty()) {
                    row.add(Cell.text(Integer.toString(i + 1)));
                }
                for (String k : keys) {
                    row.add(Cell.text(t.column(k).getString(i)));
                }
                boolean ok = wd == null || isTrue(wd, i);
                row.add(Cell.num(ec50.getDouble(i)));
                row.add(Cell.num(range(lo.getDouble(i), hi.getDouble(i))));
                row.add(new Cell(wd == null ? "-" : ok ? "yes" : "no", wd == null ? null : ok ? "good" : "bad"));
                if (reason != null) {
                    row.add(new Cell(reason.getString(i) == null ? "" : reason.getString(i), "wrap", false));
                }
                body.add(row);
            }
            table(head, body);
            more(n);
        }

        private void qpcr(Table t) {
            Column rel = t.column("relative_expression");
            Column lo = t.column("lower");
            Column hi = t.column("upper");
            Column target = t.column("target");
            Column group = t.findColumn("group").orElse(null);
            Column p = t.findColumn("p_value").orElse(null);
            Set<String> targets = new LinkedHashSet<>();
            for (int i = 0; i < t.rowCount(); i++) {
                targets.add(target.getString(i));
            }
            h.append("<p class=\"headline\">Fold change (relative expression) of ").append(targets.size())
                    .append(targets.size() == 1 ? " target" : " targets").append(" per group, against the calibrator.")
                    .append("</p>\n");
            List<String> head = new ArrayList<>(List.of("target"));
            if (group != null) {
                head.add("group");
            }
            head.addAll(List.of("fold change", "lower \u2013 upper (fold change \u00d7/\u00f7 2^error)"));
            if (p != null) {
                head.add("p value");
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < t.rowCount(); i++) {
                order.add(Integer.valueOf(i));
            }
            List<String> targetOrder = new ArrayList<>(targets);
            order.sort(Comparator.comparingInt(i -> targetOrder.indexOf(target.getString(i.intValue()))));
            List<List<Cell>> body = new ArrayList<>();
            for (Integer r : order.subList(0, Math.min(order.size(), MAX_ROWS))) {
                int i = r.intValue();
                List<Cell> row = new ArrayList<>();
                row.add(Cell.text(target.getString(i)));
                if (group != null) {
                    row.add(Cell.text(group.getString(i)));
                }
                double fc = rel.getDouble(i);
                row.add(new Cell(number(fc), fc >= 2 ? "good" : fc <= 0.5 ? "bad" : null, true));
                row.add(Cell.num(range(lo.getDouble(i), hi.getDouble(i))));
                if (p != null) {
                    row.add(Cell.num(number(p.getDouble(i))));
                }
                body.add(row);
            }
            table(head, body);
            more(t.rowCount());
        }

        private void rnaseq(Table t, Map<String, String> params) {
            double alpha = 0.1;
            String a = params.get("alpha");
            if (a != null) {
                try {
                    alpha = Double.parseDouble(a);
                } catch (NumberFormatException e) {
                    alpha = 0.1;
                }
            }
            Column gene = t.column("gene_id");
            Column lfc = t.column("log2FoldChange");
            Column padj = t.column("padj");
            Column symbol = t.findColumn("gene_name").or(() -> t.findColumn("symbol")).orElse(null);
            Column base = t.findColumn("baseMean").orElse(null);
            int tested = 0;
            int up = 0;
            int down = 0;
            List<Integer> sig = new ArrayList<>();
            for (int i = 0; i < t.rowCount(); i++) {
                double q = padj.getDouble(i);
                if (Double.isNaN(q)) {
                    continue;
                }
                tested++;
                if (q < alpha) {
                    sig.add(Integer.valueOf(i));
                    if (lfc.getDouble(i) > 0) {
                        up++;
                    } else if (lfc.getDouble(i) < 0) {
                        down++;
                    }
                }
            }
            h.append("<p class=\"headline\"><b>").append(String.format(Locale.ROOT, "%,d", Integer.valueOf(sig.size())))
                    .append("</b> differentially expressed genes (padj &lt; ").append(number(alpha)).append("): ")
                    .append("<span class=\"good\">").append(up).append(" up</span>, <span class=\"bad\">").append(down)
                    .append(" down</span>, of ").append(String.format(Locale.ROOT, "%,d", Integer.valueOf(tested)))
                    .append(" genes with an adjusted p value (").append(String.format(Locale.ROOT, "%,d",
                            Integer.valueOf(t.rowCount()))).append(" in the table).</p>\n");
            sig.sort(Comparator.comparingDouble((Integer i) -> padj.getDouble(i.intValue()))
                    .thenComparingDouble(i -> -Math.abs(lfc.getDouble(i.intValue()))));
            if (sig.isEmpty()) {
                return;
            }
            h.append("<p>Top ").append(Math.min(TOP_GENES, sig.size())).append(" by adjusted p value:</p>\n");
            List<String> head = new ArrayList<>(List.of("gene_id"));
            if (symbol != null) {
                head.add(symbol.name());
            }
            if (base != null) {
                head.add("baseMean");
            }
            head.addAll(List.of("log2 fold change", "padj"));
            List<List<Cell>> body = new ArrayList<>();
            for (Integer r : sig.subList(0, Math.min(TOP_GENES, sig.size()))) {
                int i = r.intValue();
                List<Cell> row = new ArrayList<>();
                row.add(Cell.text(gene.getString(i)));
                if (symbol != null) {
                    row.add(Cell.text(symbol.getString(i)));
                }
                if (base != null) {
                    row.add(Cell.num(base.getDouble(i)));
                }
                double l = lfc.getDouble(i);
                row.add(new Cell(number(l), l > 0 ? "good" : "bad", true));
                row.add(Cell.num(padj.getDouble(i)));
                body.add(row);
            }
            table(head, body);
        }

        private void more(int n) {
            if (n > MAX_ROWS) {
                h.append("<p class=\"source\">First ").append(MAX_ROWS).append(" of ").append(n)
                        .append(" rows; every row is in the table file.</p>\n");
            }
        }

        // ---------------------------------------------------------- plots

        private void plots() {
            h.append("<h2 id=\"plots\">Plots</h2>\n");
            if (entry.plots().isEmpty()) {
                h.append("<p>This entry holds no plots.</p>\n");
                return;
            }
            Map<String, List<NotebookEntry.Plot>> byFolder = new LinkedHashMap<>();
            for (NotebookEntry.Plot p : entry.plots()) {
                int slash = p.name().lastIndexOf('/');
                byFolder.computeIfAbsent(slash < 0 ? "" : p.name().substring(0, slash), k -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<String, List<NotebookEntry.Plot>> group : byFolder.entrySet()) {
                List<NotebookEntry.Plot> ps = group.getValue();
                if (!group.getKey().isEmpty()) {
                    h.append("<h3>").append(escape(group.getKey())).append(" <span class=\"source\">(")
                            .append(ps.size()).append(ps.size() == 1 ? " plot" : " plots").append(")</span></h3>\n");
                }
                String cls = ps.size() > 12 ? "tile" : ps.size() > 1 ? "half" : "single";
                for (NotebookEntry.Plot p : ps) {
                    String file = p.name().substring(p.name().lastIndexOf('/') + 1);
                    h.append("<figure class=\"").append(cls).append("\"><img src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(p.png())).append("\" alt=\"")
                            .append(escape(file)).append("\"/><figcaption>").append(escape(file));
                    if (p.svg().isPresent()) {
                        h.append(" (also as ").append(escape(p.svgName().substring(p.svgName().lastIndexOf('/') + 1)))
                                .append(")");
                    }
                    h.append("</figcaption></figure>\n");
                }
            }
        }

        // ---------------------------------------------------------- provenance

        private void provenance() {
            h.append("<h2 id=\"provenance\">Parameters and provenance</h2>\n");
            if (entry.analyses().isEmpty()) {
                h.append("<div class=\"warning\">No Benchtop run is recorded in this entry: there is no provenance ")
                        .append("for its results.</div>\n");
                return;
            }
            int k = 0;
            for (NotebookEntry.Analysis a : entry.analyses()) {
                RunRecord r = a.record();
                k++;
                h.append("<div class=\"card\" id=\"run-").append(k).append("\"><h3>").append(k).append(". ")
                        .append(escape(ResultKind.ofAnalysis(r.analysis()) == ResultKind.OTHER ? r.analysis()
                                : ResultKind.ofAnalysis(r.analysis()).label()))
                        .append(" <span class=\"source\">(").append(escape(r.analysis())).append(")</span></h3>\n<dl>");
                dl("Benchtop", escape(r.benchtopVersion()));
                dl("Started", UTC.format(r.started()));
                dl("Finished", UTC.format(r.finished()) + " (" + duration(r.started(), r.finished()) + ")");
                dl("Outputs", a.outputs().isEmpty() ? "none in this entry" : escape(String.join(", ", a.outputs())));
                h.append("</dl>\n");
                if (!r.inputs().isEmpty()) {
                    h.append("<p><b>Inputs</b> (SHA-256 of the canonical CSV: comma, LF line ends, UTF-8)</p>\n");
                    List<List<Cell>> body = new ArrayList<>();
                    for (RunRecord.InputDigest d : r.inputs()) {
                        String same = tableWithSha(d.sha256());
                        body.add(List.of(Cell.text(d.name()), Cell.num(Integer.toString(d.rows())),
                                Cell.num(Integer.toString(d.columns())), new Cell(d.sha256(), "hash", false),
                                Cell.text(same == null ? "not in this entry" : "= " + same + " of this entry")));
                    }
                    table(List.of("input", "rows", "columns", "SHA-256", "file"), body);
                }
                if (!r.parameters().isEmpty()) {
                    h.append("<p><b>Parameters</b> (as the command-line options and node settings)</p>\n");
                    parameters(r.parameters());
                }
                if (r.warnings().isEmpty()) {
                    h.append("<p>No warnings.</p>\n");
                } else {
                    h.append("<p><b>Warnings</b></p>\n<ul>");
                    for (String w : r.warnings()) {
                        h.append("<li>").append(escape(w)).append("</li>");
                    }
                    h.append("</ul>\n");
                }
                h.append("</div>\n");
            }
        }

        private void files() {
            h.append("<h2 id=\"files\">Files</h2>\n");
            List<List<Cell>> body = new ArrayList<>();
            for (NotebookEntry.ResultTable t : entry.tables()) {
                body.add(List.of(Cell.text(t.name()), Cell.num(String.format(Locale.ROOT, "%,d", Integer.valueOf(t.size()))),
                        new Cell(t.sha256(), "hash", false)));
            }
            for (NotebookEntry.Plot p : entry.plots()) {
                byte[] png = p.png();
                body.add(List.of(Cell.text(p.name()), Cell.num(String.format(Locale.ROOT, "%,d", Integer.valueOf(png.length))),
                        new Cell(RunRecord.sha256Hex(png), "hash", false)));
                if (p.svg().isPresent()) {
                    byte[] svg = p.svg().get();
                    body.add(List.of(Cell.text(p.svgName()), Cell.num(String.format(Locale.ROOT, "%,d",
                            Integer.valueOf(svg.length))), new Cell(RunRecord.sha256Hex(svg), "hash", false)));
                }
            }
            if (body.isEmpty()) {
                h.append("<p>No result files.</p>\n");
                return;
            }
            table(List.of("file", "bytes", "SHA-256"), body);
        }

        /** Parameters as name/value pairs, three pairs per row. */
        private void parameters(List<RunRecord.Parameter> ps) {
            int perRow = 3;
            h.append("<table class=\"params\"><tbody>\n");
            for (int i = 0; i < ps.size(); i += perRow) {
                h.append("<tr>");
                for (int j = i; j < i + perRow; j++) {
                    if (j < ps.size()) {
                        RunRecord.Parameter p = ps.get(j);
                        h.append("<td class=\"name\">").append(escape(p.name())).append("</td><td class=\"value\">")
                                .append(escape(p.value().isEmpty() ? "(not set)" : p.value())).append("</td>");
                    } else {
                        h.append("<td></td><td></td>");
                    }
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        }

        private String tableWithSha(String sha) {
            for (NotebookEntry.ResultTable t : entry.tables()) {
                if (t.sha256().equals(sha)) {
                    return t.name();
                }
            }
            return null;
        }

        // ---------------------------------------------------------- helpers

        private void dl(String term, String escapedValue) {
            h.append("<dt>").append(escape(term)).append("</dt><dd>").append(escapedValue).append("</dd>");
        }

        private void table(List<String> head, List<List<Cell>> rows) {
            h.append("<table><thead><tr>");
            for (String c : head) {
                h.append("<th>").append(escape(c)).append("</th>");
            }
            h.append("</tr></thead><tbody>\n");
            for (List<Cell> row : rows) {
                h.append("<tr>");
                for (Cell c : row) {
                    List<String> cls = new ArrayList<>();
                    if (c.numeric()) {
                        cls.add("num");
                    }
                    if (c.style() != null) {
                        cls.add(c.style());
                    }
                    h.append(cls.isEmpty() ? "<td>" : "<td class=\"" + String.join(" ", cls) + "\">")
                            .append(escape(c.text())).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        }

        private static Map<String, String> params(Optional<NotebookEntry.Analysis> producer) {
            Map<String, String> m = new LinkedHashMap<>();
            producer.ifPresent(p -> p.record().parameters().forEach(x -> m.put(x.name(), x.value())));
            return m;
        }

        /**
         * Identifying columns: those named by the run's parameter when present in the table, else the
         * text columns before the first result column.
         */
        private static List<String> keyColumns(Table t, String fromParameter, String firstResult) {
            List<String> keys = new ArrayList<>();
            if (fromParameter != null && !fromParameter.isBlank()) {
                for (String k : fromParameter.split(",")) {
                    if (t.findColumn(k.strip()).isPresent()) {
                        keys.add(k.strip());
                    }
                }
                if (!keys.isEmpty()) {
                    return keys;
                }
            }
            for (Column c : t.columns()) {
                if (c.name().equals(firstResult) || c.name().equals("z_prime")) {
                    break;
                }
                if (c.type() == ColumnType.STRING || ID_COLUMNS.contains(c.name())) {
                    keys.add(c.name());
                }
            }
            return keys;
        }

        private static boolean isTrue(Column c, int row) {
            if (c.isMissing(row)) {
                return false;
            }
            if (c.type() == ColumnType.BOOLEAN) {
                return c.getBoolean(row);
            }
            String s = c.getString(row).strip();
            return s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes");
        }

        private static String range(double lo, double hi) {
            if (Double.isNaN(lo) && Double.isNaN(hi)) {
                return "-";
            }
            return number(lo) + " \u2013 " + number(hi);
        }

        private static double median(Column c) {
            double[] v = java.util.Arrays.stream(c.toDoubleArray()).filter(x -> !Double.isNaN(x)).sorted().toArray();
            if (v.length == 0) {
                return Double.NaN;
            }
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        private static double min(Column c) {
            return java.util.Arrays.stream(c.toDoubleArray()).filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
        }

        private static String size(Table t) {
            return String.format(Locale.ROOT, "%,d rows x %d columns: %s", Integer.valueOf(t.rowCount()),
                    Integer.valueOf(t.columnCount()), String.join(", ", t.columnNames().subList(0,
                            Math.min(12, t.columnCount()))) + (t.columnCount() > 12 ? ", ..." : ""));
        }

        private static String duration(Instant a, Instant b) {
            Duration d = Duration.between(a, b);
            if (d.toMillis() < 60_000) {
                return String.format(Locale.ROOT, "%.1f s", Double.valueOf(d.toMillis() / 1000.0));
            }
            return String.format(Locale.ROOT, "%d min %d s", Long.valueOf(d.toMinutes()),
                    Long.valueOf(d.toSecondsPart()));
        }
    }

    /**
     * Reads a result table: the table itself when the entry has it, else its CSV bytes (identifier
     * columns such as {@code gene_id} and {@code well} as text).
     */
    static Table parse(NotebookEntry.ResultTable t) {
        if (t.table().isPresent()) {
            return t.table().get();
        }
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(t.csv()), StandardCharsets.UTF_8)) {
            return CsvReader.withDefaults().withStringColumns(ID_COLUMNS).read(r, t.name());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** One table cell: text, an optional CSS class, right-aligned when numeric. */
    private record Cell(String text, String style, boolean numeric) {
        Cell(String text, String style) {
            this(text, style, false);
        }

        static Cell text(String s) {
            return new Cell(s == null ? "-" : s, null, false);
        }

        static Cell num(double x) {
            return new Cell(number(x), null, true);
        }

        static Cell num(String s) {
            return new Cell(s, null, true);
        }
    }
}
