package org.benchtop.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CsvWriterTest {

    @TempDir
    Path dir;

    /** A table with every type, missing values, extreme numbers and text that needs quoting. */
    static Table mixed() {
        return Table.of("mixed", List.of(
                Column.ofStrings("well", new String[] {"A01", "a, b", "say \"hi\"", "two\nlines", " lead", null}),
                Column.ofDoubles("signal", new double[] {1.5, Double.NaN, -0.0, Double.POSITIVE_INFINITY,
                    Double.MIN_VALUE, 1123.4567891234567}),
                Column.ofInts("n", new int[] {Integer.MIN_VALUE, 0, 3, 4, 5, Integer.MAX_VALUE},
                        new boolean[] {false, true, false, false, false, false}),
                Column.ofLongs("big", new long[] {Long.MAX_VALUE, 1, 2, 3, 4, Long.MIN_VALUE}, null),
                Column.ofBooleans("ok", new Boolean[] {Boolean.TRUE, Boolean.FALSE, null, Boolean.TRUE,
                    Boolean.FALSE, Boolean.TRUE}),
                Column.ofStrings("note", new String[] {"#1", "", "x;y", "tab\there", "trailing ", "é ü 漢"})));
    }

    @Test
    void writesHeaderLfMinimalQuotingAndJavaNumberFormat() {
        StringWriter out = new StringWriter();
        CsvWriter.withDefaults().write(mixed(), out);
        assertEquals("well,signal,n,big,ok,note\n"
                + "A01,1.5,-2147483648,9223372036854775807,true,\"#1\"\n"
                + "\"a, b\",,,1,false,\n"
                + "\"say \"\"hi\"\"\",-0.0,3,2,,x;y\n"
                + "\"two\nlines\",Infinity,4,3,true,tab\there\n"
                + "\" lead\",4.9E-324,5,4,false,\"trailing \"\n"
                + "\"\",1123.4567891234567,2147483647,-9223372036854775808,true,é ü 漢\n", out.toString());
    }

    /**
     * Doubles are written as the shortest text that reads back as the same value, by one algorithm
     * whatever the Java version: Java 17's {@code Double.toString} writes 2e23 as
     * 1.9999999999999998E23 where Java 19+ (and Schubfach) write 2.0E23, so a run record's input hash
     * would otherwise depend on the KNIME version (Java 17 or 21).
     */
    @ParameterizedTest
    @CsvSource({"2.0E23, 2.0E23", "1.0E23, 1.0E23", "0.1, 0.1", "123456.789, 123456.789",
        "1.0E-5, 1.0E-5", "-0.0, -0.0", "5.0E-324, 4.9E-324"})
    void doublesAreWrittenShortestAndTheSameOnEveryJava(String value, String expected) {
        StringWriter out = new StringWriter();
        CsvWriter.withDefaults().write(Table.of("t", List.of(Column.ofDoubles("x", new double[] {Double.parseDouble(value)}))), out);
        assertEquals("x\n" + expected + "\n", out.toString());
        assertEquals(Double.parseDouble(value), Double.parseDouble(expected));
    }

    @Test
    void missingFirstFieldIsQuotedSoTheLineIsNotBlank() {
        Table t = Table.of("t", List.of(Column.ofDoubles("x", new double[] {Double.NaN, 1})));
        StringWriter out = new StringWriter();
        CsvWriter.withDefaults().write(t, out);
        assertEquals("x\n\"\"\n1.0\n", out.toString());
        assertEquals(t, CsvReader.withDefaults().read(new StringReader(out.toString()), "t"));
    }

    static Stream<Arguments> delimiters() {
        return Stream.of(Arguments.of(Character.valueOf(',')), Arguments.of(Character.valueOf('\t')),
                Arguments.of(Character.valueOf(';')));
    }

    @ParameterizedTest
    @MethodSource("delimiters")
    void readOfWriteGivesTheSameValuesAndTypes(char delimiter) throws IOException {
        Table t = mixed();
        Path f = dir.resolve(delimiter == '\t' ? "mixed.tsv" : "mixed.csv");
        CsvWriter.withDefaults().withDelimiter(delimiter).write(t, f);
        // the delimiter is detected from the header (or is tab for .tsv); only "" marks a missing
        // value, so that no text of the table is taken for a missing-value token
        Table back = CsvReader.withDefaults().withMissingTokens(Set.of("")).read(f);
        assertEquals(t.columnNames(), back.columnNames());
        for (Column c : t.columns()) {
            Column b = back.column(c.name());
            assertEquals(c.type(), b.type(), c.name());
            if (!c.name().equals("note")) {
                assertEquals(c, b, c.name());
            }
        }
        // the empty string and a missing value are both written as an empty field
        assertArrayEquals(new String[] {"#1", null, "x;y", "tab\there", "trailing ", "é ü 漢"},
                back.column("note").toStringArray());
    }

    @Test
    void roundTripOfAPlateTableIsExact() throws IOException {
        int n = 1536;
        String[] wells = new String[n];
        double[] signal = new double[n];
        int[] row = new int[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            wells[i] = (char) ('A' + i / 48 % 26) + String.format(java.util.Locale.ROOT, "%02d",
                    Integer.valueOf(i % 48 + 1));
            signal[i] = i % 97 == 0 ? Double.NaN : Math.exp(rnd.nextDouble(-40, 40));
            row[i] = i / 48 + 1;
        }
        Table t = Table.of("plate", List.of(Column.ofStrings("well", wells), Column.ofDoubles("signal", signal),
                Column.ofInts("row", row, null)));
        Path f = dir.resolve("plate.csv");
        CsvWriter.withDefaults().write(t, f);
        assertEquals(t, CsvReader.withDefaults().read(f));
        assertArrayEquals(CsvWriter.canonicalCsv(t), Files.readAllBytes(f));
    }

    @Test
    void atomicWriteReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("out.csv");
        Files.writeString(f, "old content that is longer than the new one\n");
        Table t = Table.of("t", List.of(Column.ofInts("a", new int[] {1}, null)));
        CsvWriter.withDefaults().write(t, f);
        assertEquals("a\n1\n", Files.readString(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void writingIntoAMissingFolderFailsWithoutLeavingAFile() {
        Path f = dir.resolve("no-such-folder").resolve("out.csv");
        TableException e = assertThrows(TableException.class, () -> CsvWriter.withDefaults().write(mixed(), f));
        assertEquals("Cannot write out.csv: the folder " + f.getParent() + " does not exist; create it first or "
                + "choose another output file", e.getMessage());
        assertTrue(Files.notExists(f.getParent()));
    }

    @Test
    void failedMoveDeletesTheTemporaryFileAndKeepsTheTarget() throws IOException {
        // the target is a non-empty folder: the data are written to the temporary file, the move fails
        Path target = dir.resolve("taken.csv");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "keep");
        TableException e = assertThrows(TableException.class,
                () -> CsvWriter.withDefaults().write(mixed(), target));
        assertTrue(e.getMessage().startsWith("Cannot write taken.csv in " + dir + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; check that the folder is writable and the disk is not full"),
                e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        assertEquals("keep", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void canonicalCsvIsTheSameWhereverTheTableCameFrom() {
        String csv = "well;signal;n;ok\r\nA01;1.50;3;TRUE\r\nA02;NA;;false\r\n";
        Table fromFile = CsvReader.withDefaults().read(new StringReader(csv), "plates.csv");
        Table built = Table.of("input table 1", List.of(Column.ofStrings("well", new String[] {"A01", "A02"}),
                Column.ofDoubles("signal", new double[] {1.5, Double.NaN}),
                Column.ofInts("n", new int[] {3, 0}, new boolean[] {false, true}),
                Column.ofBooleans("ok", new Boolean[] {Boolean.TRUE, Boolean.FALSE})));
        byte[] expected = "well,signal,n,ok\nA01,1.5,3,true\nA02,,,false\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, CsvWriter.canonicalCsv(fromFile));
        assertArrayEquals(expected, CsvWriter.canonicalCsv(built));
        // the writer's delimiter does not change the canonical form
        StringWriter tsv = new StringWriter();
        CsvWriter.withDefaults().withDelimiter('\t').write(built, tsv);
        assertEquals("well\tsignal\tn\tok\nA01\t1.5\t3\ttrue\nA02\t\t\tfalse\n", tsv.toString());
    }

    @Test
    void badDelimitersAreRejected() {
        for (char d : new char[] {'"', '\n', '\r', '-', '.', '+', 'a', '7'}) {
            assertThrows(TableException.class, () -> CsvWriter.withDefaults().withDelimiter(d), String.valueOf(d));
        }
    }
}
