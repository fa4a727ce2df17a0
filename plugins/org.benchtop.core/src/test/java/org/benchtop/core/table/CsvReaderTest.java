package org.benchtop.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.benchtop.core.BenchtopException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CsvReaderTest {

    @TempDir
    Path dir;

    private static Table read(String text) {
        return CsvReader.withDefaults().read(new StringReader(text), "t.csv");
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ delimiters

    static Stream<Arguments> delimitedTexts() {
        return Stream.of(
                Arguments.of("comma", "well,conc,signal\nA01,1.5,10\n"),
                Arguments.of("tab", "well\tconc\tsignal\nA01\t1.5\t10\n"),
                Arguments.of("semicolon", "well;conc;signal\nA01;1.5;10\n"),
                Arguments.of("delimiters inside quotes do not count", "\"w,e,l\tl\";conc;signal\nA01;1.5;10\n"),
                Arguments.of("blank lines first", "\n\nwell;conc;signal\nA01;1.5;10\n"),
                Arguments.of("CRLF", "well,conc,signal\r\nA01,1.5,10\r\n"),
                Arguments.of("CR", "well\tconc\tsignal\rA01\t1.5\t10\r"),
                Arguments.of("no final line end", "well;conc;signal\nA01;1.5;10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("delimitedTexts")
    void delimiterIsDetectedFromTheHeaderOutsideQuotes(String what, String text) {
        Table t = read(text);
        assertEquals(3, t.columnCount(), what);
        assertEquals(1, t.rowCount());
        assertEquals("A01", t.columns().get(0).getString(0));
        assertEquals(1.5, t.column("conc").getDouble(0));
        assertEquals(10L, t.column("signal").getLong(0));
    }

    @Test
    void tsvFilesDefaultToTabAndAnExplicitDelimiterWins() throws IOException {
        // the header has more commas than tabs, but a .tsv file is read with tab
        Table t = CsvReader.withDefaults().read(file("x.tsv", "a,b,c\td\n1,2,3\t4\n"));
        assertEquals(List.of("a,b,c", "d"), t.columnNames());
        Table u = CsvReader.withDefaults().withDelimiter(';').read(new StringReader("a,b;c\n1,2;3\n"), "u.csv");
        assertEquals(List.of("a,b", "c"), u.columnNames());
        assertEquals("1,2", u.column("a,b").getString(0));
        TableException e = assertThrows(TableException.class, () -> CsvReader.withDefaults().withDelimiter('"'));
        assertEquals("'\"' cannot be a field delimiter; use a comma, tab or semicolon", e.getMessage());
    }

    // ------------------------------------------------------------------ quoting, BOM, line numbers

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws IOException {
        String text = "id,note,value\n"
                + "1,\"a, b\",2.5\n"
                + "2,\"she said \"\"hi\"\"\",3\n"
                + "3,\"two\nlines\r\nthree\",4\n"
                + "\n"
                + "4,\"\",5\n";
        Table t = CsvReader.withDefaults().withMissingTokens(Set.of("NA")).read(file("notes.csv", text));
        assertArrayEquals(new String[] {"a, b", "she said \"hi\"", "two\nlines\r\nthree", ""},
                t.column("note").toStringArray());
        assertArrayEquals(new double[] {2.5, 3, 4, 5}, t.column("value").toDoubleArray());
        // line of each record's start: the third record spans lines 4-6, line 7 is blank
        assertEquals("notes.csv line 2", t.locate(0));
        assertEquals("notes.csv line 3", t.locate(1));
        assertEquals("notes.csv line 4", t.locate(2));
        assertEquals("notes.csv line 8", t.locate(3));
        assertEquals("notes.csv", t.source());
    }

    @Test
    void byteOrderMarkIsDropped() throws IOException {
        Path f = dir.resolve("bom.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "well;signal\nA01;1\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        Table t = CsvReader.withDefaults().read(f);
        assertEquals(List.of("well", "signal"), t.columnNames());
        assertEquals("bom.csv line 2", t.locate(0));
        assertEquals(List.of("x", "y"), read("\uFEFFx\ty\n1\t2\n").columnNames());
    }

    @Test
    void headerNamesAreTrimmedAndValuesOfTextColumnsAreKeptAsTheyAre() {
        Table t = read("well , note\nA01, spaced \n");
        assertEquals(List.of("well", "note"), t.columnNames());
        assertEquals(" spaced ", t.column("note").getString(0));
    }

    // ------------------------------------------------------------------ missing values

    @Test
    void defaultMissingTokensAreEmptyNaNaNAndNull() {
        Table t = read("a,b,c\n1,x,true\nNA,NA,NA\nNaN, ,null\n,null,\n 4 ,y,false\n");
        Column a = t.column("a");
        assertEquals(ColumnType.INT, a.type());
        assertArrayEquals(new double[] {1, Double.NaN, Double.NaN, Double.NaN, 4}, a.toDoubleArray());
        assertArrayEquals(new String[] {"x", null, null, null, "y"}, t.column("b").toStringArray());
        Column c = t.column("c");
        assertEquals(ColumnType.BOOLEAN, c.type());
        assertArrayEquals(new String[] {"true", null, null, null, "false"}, c.toStringArray());
    }

    @Test
    void missingTokensAreConfigurable() {
        Table t = CsvReader.withDefaults().withMissingTokens(Set.of("-", "n.d.", ""))
                .read(new StringReader("conc,label\n-,NA\nn.d.,null\n2.5,\n"), "t.csv");
        Column conc = t.column("conc");
        assertEquals(ColumnType.DOUBLE, conc.type());
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 2.5}, conc.toDoubleArray());
        // NA and null are ordinary text now
        assertArrayEquals(new String[] {"NA", "null", null}, t.column("label").toStringArray());
        Table none = CsvReader.withDefaults().withMissingTokens(Set.of())
                .read(new StringReader("s\n\"\"\nx\n"), "t.csv");
        assertArrayEquals(new String[] {"", "x"}, none.column("s").toStringArray());
    }

    // ------------------------------------------------------------------ type inference

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "true;FALSE;True                 | BOOLEAN",
        "1;-2;+3;007; 12                 | INT",
        "2147483647;-2147483648          | INT",
        "2147483648;1                    | LONG",
        "-9223372036854775808;0          | LONG",
        "9223372036854775808;0           | DOUBLE",
        "1;2.5                           | DOUBLE",
        "Inf;-Inf;1e-5;Infinity;-infinity| DOUBLE",
        ".5;5.;-.5e+3;6.02E23            | DOUBLE",
        "1;NA;NaN                        | INT",
        "NA;NaN;null;                    | DOUBLE",
        "1;x                             | STRING",
        "true;1                          | STRING",
        "1;true                          | STRING",
        "1,5;2,5                         | STRING",
        "0x10                            | STRING",
        "1d;2f                           | STRING",
        "1e;e5;.;-;+;1.2.3;1e5.0         | STRING",
        "infinit;nan1;tru;yes            | STRING",
        "A01;B02                         | STRING"})
    void typeIsTheNarrowestThatHoldsEveryValue(String values, ColumnType expected) {
        // each value quoted, so that "1,5" is one field and "" is not a blank line
        String text = "v\n\"" + String.join("\"\n\"", values.split(";", -1)) + "\"\n";
        assertEquals(expected, read(text).column("v").type(), values);
    }

    static Stream<Arguments> parsedValues() {
        return Stream.of(
                Arguments.of("Inf", Double.valueOf(Double.POSITIVE_INFINITY)),
                Arguments.of("-Inf", Double.valueOf(Double.NEGATIVE_INFINITY)),
                Arguments.of("1e-5", Double.valueOf(1e-5)),
                Arguments.of(" 2.5 ", Double.valueOf(2.5)),
                Arguments.of("-0.0", Double.valueOf(-0.0)),
                Arguments.of("0.1", Double.valueOf(0.1)),
                Arguments.of("1123.4567891234567", Double.valueOf(1123.4567891234567)),
                Arguments.of("2.2250738585072014E-308", Double.valueOf(Double.MIN_NORMAL)),
                Arguments.of("4.9E-324", Double.valueOf(Double.MIN_VALUE)),
                Arguments.of("1.7976931348623157E308", Double.valueOf(Double.MAX_VALUE)),
                Arguments.of("1e400", Double.valueOf(Double.POSITIVE_INFINITY)),
                Arguments.of("12345678901234567890123", Double.valueOf(1.2345678901234568E22)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsedValues")
    void doublesParseAsDoubleParseDouble(String text, double expected) {
        Column c = read("v\n" + text + "\n0.5\n").column("v");
        assertEquals(ColumnType.DOUBLE, c.type());
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(c.getDouble(0)), text);
    }

    @Test
    void integerThenDecimalKeepsTheSignOfNegativeZero() {
        Column c = read("v\n-0\n3\n0.5\n").column("v");
        assertEquals(ColumnType.DOUBLE, c.type());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(c.getDouble(0)));
        assertEquals(3.0, c.getDouble(1));
    }

    @Test
    void longValuesAreExact() {
        Column c = read("v\n9007199254740993\n-9223372036854775808\n").column("v");
        assertEquals(ColumnType.LONG, c.type());
        assertEquals(9007199254740993L, c.getLong(0));
        assertEquals(Long.MIN_VALUE, c.getLong(1));
    }

    @Test
    void fallingBackToTextKeepsTheOriginalTextOfEveryRow() {
        StringBuilder b = new StringBuilder("id,v\n");
        for (int i = 0; i < 3000; i++) {
            b.append(i).append(i % 3 == 0 ? ",007\n" : i % 3 == 1 ? ", 1.50\n" : ",NA\n");
        }
        b.append("3000,n.d.\n");
        Column v = read(b.toString()).column("v");
        assertEquals(ColumnType.STRING, v.type());
        assertEquals("007", v.getString(0));
        assertEquals(" 1.50", v.getString(1));
        assertEquals(null, v.getString(2));
        assertEquals("n.d.", v.getString(3000));
        // a value with non-ASCII white space is text, kept as it is
        Column wide = read("w\n1\n\u30002\n").column("w");
        assertArrayEquals(new String[] {"1", "\u30002"}, wide.toStringArray());
        Column flags = read("f\nTRUE\nfalse\nmaybe\n").column("f");
        assertArrayEquals(new String[] {"TRUE", "false", "maybe"}, flags.toStringArray());
    }

    @Test
    void stringColumnsAreNeverInferred() {
        Table t = CsvReader.withDefaults().withStringColumns(Set.of("plate", "absent"))
                .read(new StringReader("plate,n\n007,007\n010,010\nNA,NA\n"), "t.csv");
        assertEquals(ColumnType.STRING, t.column("plate").type());
        assertArrayEquals(new String[] {"007", "010", null}, t.column("plate").toStringArray());
        assertEquals(ColumnType.INT, t.column("n").type());
        assertEquals(10L, t.column("n").getLong(1));
    }

    @Test
    void theCallersReaderIsNotClosed() throws IOException {
        StringReader in = new StringReader("a\n1\n");
        CsvReader.withDefaults().read(in, "t.csv");
        assertEquals(-1, in.read()); // a closed StringReader would throw
    }

    @Test
    void headerOnlyGivesAnEmptyTable() {
        Table t = read("a,b\n");
        assertEquals(0, t.rowCount());
        assertEquals(List.of("a", "b"), t.columnNames());
    }

    // ------------------------------------------------------------------ errors

    private void assertBadInput(String name, String text, String message) throws IOException {
        Path f = file(name, text);
        TableException e = assertThrows(TableException.class, () -> CsvReader.withDefaults().read(f));
        assertEquals(BenchtopException.Kind.BAD_INPUT, e.kind());
        assertEquals(message, e.getMessage());
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        assertBadInput("empty.csv", "", "empty.csv is empty; a CSV file needs a header row with the column names, "
                + "then one row per record");
        assertBadInput("blank.csv", "\n \r\n", "blank.csv is empty; a CSV file needs a header row with the column "
                + "names, then one row per record");
    }

    @Test
    void duplicateHeaderNameIsAnError() throws IOException {
        assertBadInput("plates.csv", "\nwell,signal,well\nA01,1,A01\n", "plates.csv line 2: column name 'well' "
                + "occurs twice (columns 1 and 3); give every column a different name in the header row");
    }

    @Test
    void emptyHeaderNameIsAnError() throws IOException {
        assertBadInput("plates.csv", "well,,signal\nA01,1,2\n", "plates.csv line 1: column 2 has no name (it lies "
                + "between column 1 'well' and 3 'signal'); give every column a name in the header row, or remove "
                + "the extra delimiter");
        assertBadInput("trailing.csv", "well,signal,\nA01,1,\n", "trailing.csv line 1: column 3 has no name (it "
                + "lies between column 2 'signal' and (end of line)); give every column a name in the header row, "
                + "or remove the extra delimiter");
    }

    @Test
    void shortRowIsAnErrorNamingLineAndColumn() throws IOException {
        assertBadInput("plates.csv", "plate,well,signal\nP1,A01,1\nP1,A02\n", "plates.csv line 3: 2 fields but "
                + "the header has 3 columns; column 'signal' (3) has no field. Add the missing fields (leave them "
                + "empty for a missing value), separated by a comma");
        assertBadInput("short.tsv", "plate\twell\tsignal\n\"P\n1\"\tA01\t1\nP1\n", "short.tsv line 4: 1 field "
                + "but the header has 3 columns; column 'well' (2) and those after it have no field. Add the "
                + "missing fields (leave them empty for a missing value), separated by a tab");
    }

    @Test
    void longRowIsAnErrorNamingLineAndColumn() throws IOException {
        assertBadInput("plates.csv", "plate;well;signal\nP1;A01;1,5;x\n", "plates.csv line 2: 4 fields but the "
                + "header has 3 columns; the fields after the last column 'signal' (3) have no column. Remove the "
                + "extra fields, or put values that contain a semicolon in double quotes");
    }

    @Test
    void unclosedQuoteIsAnErrorNamingLineAndColumn() throws IOException {
        assertBadInput("plates.csv", "well,note\nA01,ok\nA02,\"open\nA03,x\n", "plates.csv line 3, column 'note' "
                + "(2): the quoted field is never closed; add the closing quote (\"), and write a quote inside a "
                + "quoted field as two quotes (\"\")");
        assertBadInput("crlf.csv", "well,note,x\r\nA01,\"a\r\nb\",1\r\nA02,x,\"y\r\n", "crlf.csv line 4, column "
                + "'x' (3): the quoted field is never closed; add the closing quote (\"), and write a quote inside a "
                + "quoted field as two quotes (\"\")");
        // from a Reader the text cannot be read again: the line of the record is named
        TableException e = assertThrows(TableException.class,
                () -> read("well,note\nA01,ok\nA02,\"open\nA03,x\n"));
        assertEquals("t.csv line 3: a quoted field that starts in the record on this line is never closed; add the "
                + "closing quote (\"), and write a quote inside a quoted field as two quotes (\"\")", e.getMessage());
    }

    @Test
    void textAfterClosingQuoteIsAnErrorNamingLineAndColumn() throws IOException {
        assertBadInput("plates.csv", "well,note,x\nA01,\"a\"b,1\n", "plates.csv line 2, column 'note' (2): text "
                + "follows the closing quote of a quoted field; put the whole field in quotes and write a quote "
                + "inside it as two quotes (\"\")");
        assertBadInput("multi.csv", "well,note,x\nA01,\"a\nb \"\"c\"\"\" ,\"1\" x\n", "multi.csv line 3, column 'x' (3): "
                + "text follows the closing quote of a quoted field; put the whole field in quotes and write a quote "
                + "inside it as two quotes (\"\")");
        TableException e = assertThrows(TableException.class, () -> read("well,note\nA01,\"a\"b\n"));
        assertEquals("t.csv line 2: text follows the closing quote of a quoted field in the record that starts on "
                + "this line; put the whole field in quotes and write a quote inside it as two quotes (\"\")",
                e.getMessage());
    }

    @Test
    void nonUtf8FileIsAnError() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "well,note\nA01,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        TableException e = assertThrows(TableException.class, () -> CsvReader.withDefaults().read(f));
        assertEquals("latin1.csv is not UTF-8 text: line 2 holds bytes that are not UTF-8; save the file as UTF-8 "
                + "(in Excel: 'CSV UTF-8')", e.getMessage());
    }

    @Test
    void nonUtf8ByteDeepInAFileIsFoundOnItsLine() throws IOException {
        StringBuilder b = new StringBuilder("well,note\n");
        for (int i = 0; i < 20_000; i++) {
            b.append("A01,ok\n");
        }
        b.append("A02,na\u00efve\n");
        Path f = dir.resolve("deep.csv");
        Files.write(f, b.toString().getBytes(StandardCharsets.ISO_8859_1));
        TableException e = assertThrows(TableException.class, () -> CsvReader.withDefaults().read(f));
        assertEquals("deep.csv is not UTF-8 text: line 20002 holds bytes that are not UTF-8; save the file as UTF-8 "
                + "(in Excel: 'CSV UTF-8')", e.getMessage());
    }

    @Test
    void missingFileIsAnError() {
        Path f = dir.resolve("nope.csv");
        TableException e = assertThrows(TableException.class, () -> CsvReader.withDefaults().read(f));
        assertEquals("Cannot read nope.csv: the file " + f.toAbsolutePath() + " does not exist; check the path",
                e.getMessage());
    }

    @Test
    void errorsFromAReaderNameTheGivenSource() {
        TableException e = assertThrows(TableException.class,
                () -> CsvReader.withDefaults().read(new StringReader("a,b\n1\n"), "input table 2"));
        assertTrue(e.getMessage().startsWith("input table 2 line 2: 1 field but the header has 2 columns"),
                e.getMessage());
    }
}
