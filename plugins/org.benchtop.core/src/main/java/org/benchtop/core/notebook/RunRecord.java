package org.benchtop.core.notebook;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.benchtop.core.BenchtopException.Kind;
import org.benchtop.core.BenchtopVersion;
import org.benchtop.core.table.CsvWriter;
import org.benchtop.core.table.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The provenance of one analysis run: what was run ({@code analysis}, e.g. {@code plate}), by which
 * Benchtop version, with which parameters (in the order given), on which inputs (each identified by
 * the SHA-256 of its {@linkplain CsvWriter#canonicalCsv canonical CSV}), when, and with which
 * warnings.
 *
 * <p>JSON form ({@link #toJson()}), fields always in this order, pretty-printed with two-space
 * indentation and LF line ends, instants as ISO-8601 UTC ({@link Instant#toString()}):
 *
 * <pre>
 * {
 *   "analysis" : "plate",
 *   "benchtopVersion" : "0.1.0",
 *   "parameters" : [
 *     {
 *       "name" : "method",
 *       "value" : "bscore"
 *     }
 *   ],
 *   "inputs" : [
 *     {
 *       "name" : "plates",
 *       "sha256" : "9f86d0...",
 *       "rows" : 1536,
 *       "columns" : 6
 *     }
 *   ],
 *   "started" : "2025-01-31T10:15:30.123Z",
 *   "finished" : "2025-01-31T10:15:31.456Z",
 *   "warnings" : [ ]
 * }
 * </pre>
 *
 * @param analysis the analysis that ran, e.g. {@code plate}, {@code doseresponse}
 * @param benchtopVersion {@link BenchtopVersion#get()} of the run
 * @param parameters the settings used, in order (unmodifiable)
 * @param inputs the input tables, in order (unmodifiable)
 * @param started when the run started
 * @param finished when the run finished
 * @param warnings the warnings of the run, in order (unmodifiable)
 */
public record RunRecord(String analysis, String benchtopVersion, List<Parameter> parameters,
        List<InputDigest> inputs, Instant started, Instant finished, List<String> warnings) {

    /**
     * Checks the arguments and makes the lists unmodifiable copies.
     *
     * @param analysis the analysis that ran
     * @param benchtopVersion the Benchtop version of the run
     * @param parameters the settings used, in order
     * @param inputs the input tables, in order
     * @param started when the run started
     * @param finished when the run finished
     * @param warnings the warnings of the run, in order
     * @throws NullPointerException if an argument or a list element is {@code null}
     */
    public RunRecord {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(benchtopVersion, "benchtopVersion");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        parameters = List.copyOf(parameters);
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
    }

    /**
     * One setting of the run, as text.
     *
     * @param name the setting name, as on the command line and in the node dialog
     * @param value its value as text (numbers in {@link Double#toString(double)} or decimal form)
     */
    public record Parameter(String name, String value) {
        /**
         * @param name the setting name
         * @param value its value as text
         * @throws NullPointerException if an argument is {@code null}
         */
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The identity of one input table.
     *
     * @param name the role of the input, e.g. {@code plates} or {@code counts}
     * @param sha256 lowercase hex SHA-256 of {@link CsvWriter#canonicalCsv(Table)}
     * @param rows the number of rows
     * @param columns the number of columns
     */
    public record InputDigest(String name, String sha256, int rows, int columns) {
        /**
         * @param name the role of the input
         * @param sha256 lowercase hex SHA-256 of the canonical CSV
         * @param rows the number of rows
         * @param columns the number of columns
         * @throws NullPointerException if {@code name} or {@code sha256} is {@code null}
         */
        public InputDigest {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
        }

        /**
         * @param name the role of the input
         * @param table the input table
         * @return its digest: SHA-256 of the canonical CSV, row and column counts
         */
        public static InputDigest of(String name, Table table) {
            MessageDigest md = AtomicFiles.sha256();
            // the canonical CSV streamed through the digest (CsvWriter formats it in parallel blocks):
            // the same hash as sha256Hex(CsvWriter.canonicalCsv(table)) without holding the bytes
            CsvWriter.withDefaults().write(table, new DigestOutputStream(OutputStream.nullOutputStream(), md));
            return new InputDigest(name, HexFormat.of().formatHex(md.digest()), table.rowCount(),
                    table.columnCount());
        }
    }

    /**
     * @param analysis the analysis that runs, e.g. {@code plate}
     * @return a builder whose {@code benchtopVersion} is {@link BenchtopVersion#get()}
     */
    public static Builder builder(String analysis) {
        return new Builder(analysis);
    }

    /**
     * @return the record as pretty-printed JSON (fields in a fixed order, LF line ends, no trailing
     *         line end)
     */
    public String toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("analysis", analysis);
        root.put("benchtopVersion", benchtopVersion);
        ArrayNode ps = root.putArray("parameters");
        for (Parameter p : parameters) {
            ps.addObject().put("name", p.name()).put("value", p.value());
        }
        ArrayNode is = root.putArray("inputs");
        for (InputDigest d : inputs) {
            is.addObject().put("name", d.name()).put("sha256", d.sha256()).put("rows", d.rows())
                    .put("columns", d.columns());
        }
        root.put("started", started.toString());
        root.put("finished", finished.toString());
        ArrayNode ws = root.putArray("warnings");
        for (String w : warnings) {
            ws.add(w);
        }
        try {
            return JsonOut.WRITER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree of strings and numbers always serializes", e);
        }
    }

    /**
     * Reads a record written by {@link #toJson()}; {@code fromJson(r.toJson()).equals(r)}. Unknown
     * fields are ignored.
     *
     * @param json the JSON text
     * @return the record
     * @throws NotebookException (BAD_INPUT) if the text is not JSON or a field is missing or of the
     *         wrong kind; the message names the field
     */
    public static RunRecord fromJson(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw bad("The run record is not valid JSON (%s); restore it from the original run output",
                    e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad("The run record is not a JSON object; restore it from the original run output");
        }
        List<Parameter> params = new ArrayList<>();
        for (JsonNode p : array(root, "parameters")) {
            params.add(new Parameter(text(p, "name", "parameters"), text(p, "value", "parameters")));
        }
        List<InputDigest> ins = new ArrayList<>();
        for (JsonNode d : array(root, "inputs")) {
            ins.add(new InputDigest(text(d, "name", "inputs"), text(d, "sha256", "inputs"),
                    integer(d, "rows"), integer(d, "columns")));
        }
        List<String> warns = new ArrayList<>();
        for (JsonNode w : array(root, "warnings")) {
            if (!w.isTextual()) {
                throw bad("An entry of 'warnings' in the run record is not text: %s", w.toString());
            }
            warns.add(w.asText());
        }
        return new RunRecord(text(root, "analysis", "the run record"), text(root, "benchtopVersion", "the run record"),
                params, ins, instant(root, "started"), instant(root, "finished"), warns);
    }

    // ---------------------------------------------------------------- builder

    /**
     * Collects the parts of a {@link RunRecord} while an analysis runs. Not thread-safe; use it from
     * the thread that runs the analysis.
     */
    public static final class Builder {
        private final String analysis;
        private final List<Parameter> parameters = new ArrayList<>();
        /** The digests of the inputs, computed in the background while the analysis runs. */
        private final List<CompletableFuture<InputDigest>> inputs = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private Instant started;
        private Instant finished;

        private Builder(String analysis) {
            this.analysis = Objects.requireNonNull(analysis, "analysis");
        }

        /**
         * @param name the setting name, as on the command line; each name at most once
         * @param value its value as text
         * @return this builder
         * @throws IllegalArgumentException if {@code name} was given before
         */
        public Builder parameter(String name, String value) {
            for (Parameter p : parameters) {
                if (p.name().equals(name)) {
                    throw new IllegalArgumentException("Parameter '" + name + "' is recorded twice");
                }
            }
            parameters.add(new Parameter(name, value));
            return this;
        }

        /**
         * @param name the setting name
         * @param value its value, recorded as {@link Double#toString(double)}
         * @return this builder
         */
        public Builder parameter(String name, double value) {
            return parameter(name, Double.toString(value));
        }

        /**
         * @param name the setting name
         * @param value its value, recorded in decimal
         * @return this builder
         */
        public Builder parameter(String name, long value) {
            return parameter(name, Long.toString(value));
        }

        /**
         * @param name the setting name
         * @param value its value, recorded as {@code true}/{@code false}
         * @return this builder
         */
        public Builder parameter(String name, boolean value) {
            return parameter(name, Boolean.toString(value));
        }

        /**
         * Records an input table by the SHA-256 of its canonical CSV. The digest is computed on a
         * background thread (tables are immutable), so that it overlaps the analysis; {@link #build()}
         * waits for it.
         *
         * @param name the role of the input, e.g. {@code plates}
         * @param table the table
         * @return this builder
         */
        public Builder input(String name, Table table) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(table, "table");
            inputs.add(CompletableFuture.supplyAsync(() -> {
                InputDigest digest = InputDigest.of(name, table);
                JsonOut.prepare(); // while the analysis runs, not after it
                return digest;
            }, DIGEST_THREAD));
            return this;
        }

        /**
         * @param message a warning of the run
         * @return this builder
         */
        public Builder warning(String message) {
            warnings.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /**
         * @param messages warnings of the run, in order
         * @return this builder
         */
        public Builder warnings(List<String> messages) {
            for (String m : messages) {
                warning(m);
            }
            return this;
        }

        /**
         * @param when when the run started
         * @return this builder
         */
        public Builder started(Instant when) {
            this.started = Objects.requireNonNull(when, "when");
            return this;
        }

        /**
         * @param when when the run finished
         * @return this builder
         */
        public Builder finished(Instant when) {
            this.finished = Objects.requireNonNull(when, "when");
            return this;
        }

        /** @return this builder, with the start time set to now */
        public Builder start() {
            return started(Instant.now());
        }

        /** @return this builder, with the finish time set to now */
        public Builder finish() {
            return finished(Instant.now());
        }

        /**
         * @return the record
         * @throws IllegalStateException if the start or finish time is not set
         */
        public RunRecord build() {
            if (started == null || finished == null) {
                throw new IllegalStateException("Set the start and finish times (start()/started(Instant), "
                        + "finish()/finished(Instant)) before build()");
            }
            List<InputDigest> digests = new ArrayList<>(inputs.size());
            for (CompletableFuture<InputDigest> f : inputs) {
                try {
                    digests.add(f.join());
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException) {
                        throw (RuntimeException) e.getCause();
                    }
                    if (e.getCause() instanceof Error) {
                        throw (Error) e.getCause();
                    }
                    throw e;
                }
            }
            return new RunRecord(analysis, BenchtopVersion.get(), parameters, digests, started, finished, warnings);
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The JSON writer of {@link #toJson()}, built once. Building Jackson's mapper and serializers
     * takes about 0.1 s in a fresh JVM; the digest thread does it while the analysis runs, so that a
     * command-line run does not wait for it at its end.
     */
    private static final class JsonOut {
        static final ObjectWriter WRITER;

        static {
            DefaultIndenter lf = new DefaultIndenter("  ", "\n");
            WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
            try {
                WRITER.writeValueAsString(JsonNodeFactory.instance.objectNode().putArray("a").addObject().put("b", 1));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A JSON tree of strings and numbers always serializes", e);
            }
        }

        /** Builds the writer now, if not done yet. */
        static void prepare() {
            Objects.requireNonNull(WRITER);
        }
    }

    /** Runs each input digest on a new daemon thread. */
    private static final Executor DIGEST_THREAD = task -> {
        Thread t = new Thread(task, "benchtop-input-digest");
        t.setDaemon(true);
        t.start();
    };

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(AtomicFiles.sha256().digest(bytes));
    }

    private static NotebookException bad(String template, Object... args) {
        return new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT, template, args));
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode a = root.get(field);
        if (a == null || !a.isArray()) {
            throw bad("The run record has no array '%s'; restore it from the original run output", field);
        }
        return a;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw bad("Field '%s' in %s is missing or not text; restore it from the original run output",
                    field, where);
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw bad("Field '%s' of an input in the run record is missing or not a whole number; restore it "
                    + "from the original run output", field);
        }
        return v.intValue();
    }

    private static Instant instant(JsonNode node, String field) {
        String s = text(node, field, "the run record");
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw bad("Field '%s' in the run record is '%s', not an ISO-8601 UTC time such as "
                    + "2025-01-31T10:15:30Z; correct it", field, s);
        }
    }
}
