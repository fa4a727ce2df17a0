package org.benchtop.core.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.BenchtopVersion;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunRecordTest {

    /**
     * SHA-256 of the canonical CSV of {@link #small()}, computed independently in the shell over
     * exactly these bytes (UTF-8, LF line ends):
     * <pre>printf 'well,signal,n,ok\nA01,1.5,3,true\nA02,,,false\n' | sha256sum</pre>
     */
    private static final String SMALL_CANONICAL = "well,signal,n,ok\nA01,1.5,3,true\nA02,,,false\n";
    private static final String SMALL_SHA256 = "28f038850c4de1e55d8051119722bd29c2f3515e3267e4c6f4def28779981bdb";

    private static Table small() {
        return Table.of("input table 1", List.of(Column.ofStrings("well", new String[] {"A01", "A02"}),
                Column.ofDoubles("signal", new double[] {1.5, Double.NaN}),
                Column.ofInts("n", new int[] {3, 0}, new boolean[] {false, true}),
                Column.ofBooleans("ok", new Boolean[] {Boolean.TRUE, Boolean.FALSE})));
    }

    private static RunRecord record() {
        return RunRecord.builder("plate")
                .parameter("method", "bscore")
                .parameter("alpha", 0.05)
                .parameter("iterations", 10)
                .parameter("robust", true)
                .input("plates", small())
                .warning("Plate P2: 3 wells missing")
                .warning("quote \" and newline\n kept")
                .started(Instant.parse("2025-01-31T10:15:30.123456789Z"))
                .finished(Instant.parse("2025-01-31T10:15:31Z"))
                .build();
    }

    @Test
    void inputDigestIsTheSha256OfTheCanonicalCsv() {
        assertEquals(SMALL_CANONICAL, new String(org.benchtop.core.table.CsvWriter.canonicalCsv(small()),
                java.nio.charset.StandardCharsets.UTF_8));
        RunRecord.InputDigest d = record().inputs().get(0);
        assertEquals(new RunRecord.InputDigest("plates", SMALL_SHA256, 2, 4), d);
        // the same values read from a differently formatted CSV file hash the same
        Table fromFile = CsvReader.withDefaults().read(
                new StringReader("well;signal;n;ok\r\nA01;1.50;3;TRUE\r\nA02;NA;;false\r\n"), "plates.csv");
        assertEquals(SMALL_SHA256, RunRecord.InputDigest.of("plates", fromFile).sha256());
    }

    @Test
    void jsonHasAFixedFieldOrderAndIsoInstants() {
        String v = BenchtopVersion.get();
        assertEquals("{\n"
                + "  \"analysis\" : \"plate\",\n"
                + "  \"benchtopVersion\" : \"" + v + "\",\n"
                + "  \"parameters\" : [\n"
                + "    {\n"
                + "      \"name\" : \"method\",\n"
                + "      \"value\" : \"bscore\"\n"
                + "    },\n"
                + "    {\n"
                + "      \"name\" : \"alpha\",\n"
                + "      \"value\" : \"0.05\"\n"
                + "    },\n"
                + "    {\n"
                + "      \"name\" : \"iterations\",\n"
                + "      \"value\" : \"10\"\n"
                + "    },\n"
                + "    {\n"
                + "      \"name\" : \"robust\",\n"
                + "      \"value\" : \"true\"\n"
                + "    }\n"
                + "  ],\n"
                + "  \"inputs\" : [\n"
                + "    {\n"
                + "      \"name\" : \"plates\",\n"
                + "      \"sha256\" : \"" + SMALL_SHA256 + "\",\n"
                + "      \"rows\" : 2,\n"
                + "      \"columns\" : 4\n"
                + "    }\n"
                + "  ],\n"
                + "  \"started\" : \"2025-01-31T10:15:30.123456789Z\",\n"
                + "  \"finished\" : \"2025-01-31T10:15:31Z\",\n"
                + "  \"warnings\" : [\n"
                + "    \"Plate P2: 3 wells missing\",\n"
                + "    \"quote \\\" and newline\\n kept\"\n"
                + "  ]\n"
                + "}", record().toJson());
    }

    @Test
    void jsonRoundTrip() {
        RunRecord r = record();
        assertEquals(r, RunRecord.fromJson(r.toJson()));
        RunRecord empty = RunRecord.builder("qpcr").start().finish().build();
        assertEquals(empty, RunRecord.fromJson(empty.toJson()));
        assertEquals(List.of(), empty.parameters());
    }

    @Test
    void builderKeepsOrderAndRejectsMisuse() {
        RunRecord r = record();
        assertEquals(List.of("method", "alpha", "iterations", "robust"),
                r.parameters().stream().map(RunRecord.Parameter::name).toList());
        assertEquals(BenchtopVersion.get(), r.benchtopVersion());
        assertThrows(IllegalArgumentException.class,
                () -> RunRecord.builder("plate").parameter("a", "1").parameter("a", "2"));
        assertThrows(IllegalStateException.class, () -> RunRecord.builder("plate").start().build());
        assertThrows(UnsupportedOperationException.class, () -> r.warnings().add("x"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                                | The run record is not valid JSON",
        "[1, 2]                                  | The run record is not a JSON object; restore it from the original run output",
        "{}                                      | The run record has no array 'parameters'; restore it from the original run output",
        "'{\"parameters\":[],\"inputs\":[],\"warnings\":[]}' | Field 'analysis' in the run record is missing or not text; restore it from the original run output",
        "'{\"analysis\":\"a\",\"benchtopVersion\":\"1\",\"parameters\":[],\"inputs\":[],\"warnings\":[],\"started\":\"yesterday\",\"finished\":\"x\"}' | Field 'started' in the run record is 'yesterday', not an ISO-8601 UTC time such as 2025-01-31T10:15:30Z; correct it",
        "'{\"parameters\":[],\"inputs\":[{\"name\":\"p\",\"sha256\":\"ab\",\"rows\":1.5,\"columns\":2}],\"warnings\":[]}' | Field 'rows' of an input in the run record is missing or not a whole number; restore it from the original run output"})
    void badJsonIsBadInputNamingTheField(String json, String message) {
        NotebookException e = assertThrows(NotebookException.class, () -> RunRecord.fromJson(json));
        assertEquals(BenchtopException.Kind.BAD_INPUT, e.kind());
        if (message.endsWith("JSON")) {
            assertTrue(e.getMessage().startsWith(message + " ("), e.getMessage());
        } else {
            assertEquals(message, e.getMessage());
        }
    }
}
