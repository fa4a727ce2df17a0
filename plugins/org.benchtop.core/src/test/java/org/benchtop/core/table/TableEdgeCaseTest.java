package org.benchtop.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableEdgeCaseTest {

    private static Table read(String text) {
        return CsvReader.withDefaults().read(new StringReader(text), "edge.csv");
    }

    private static String write(Table t) {
        StringWriter out = new StringWriter();
        CsvWriter.withDefaults().write(t, out);
        return out.toString();
    }

    @Test
    void zeroRows() {
        Table t = read("well,signal\n");
        assertEquals(0, t.rowCount());
        assertEquals(2, t.columnCount());
        // no value to infer from: numeric, so engines see an empty numeric column
        assertEquals(ColumnType.DOUBLE, t.column("signal").type());
        assertEquals(0, t.column("signal").toDoubleArray().length);
        assertEquals("well,signal\n", write(t));
        assertEquals(t, read(write(t)));
        assertThrows(IndexOutOfBoundsException.class, () -> t.locate(0));
        Table built = Table.of("input table 1", List.of(Column.ofStrings("well", new String[0])));
        assertEquals(0, built.rowCount());
        assertArrayEquals("well\n".getBytes(StandardCharsets.UTF_8), CsvWriter.canonicalCsv(built));
    }

    @Test
    void zeroColumns() {
        Table t = Table.of("nothing", List.of());
        assertEquals(0, t.rowCount());
        assertEquals(0, t.columnCount());
        assertEquals(List.of(), t.columnNames());
        assertEquals("No column 'a' in nothing; its columns are: ", assertThrows(TableException.class,
                () -> t.column("a")).getMessage());
        assertEquals("\n", write(t));
        // appending to an empty table sets the row count
        Table u = t.withColumns(List.of(Column.ofInts("a", new int[] {1, 2, 3}, null)));
        assertEquals(3, u.rowCount());
    }

    @Test
    void allMissingColumn() {
        Table t = read("id,empty\n1,\n2,NA\n3,\"\"\n");
        Column c = t.column("empty");
        assertEquals(ColumnType.DOUBLE, c.type());
        assertTrue(Arrays.stream(c.toDoubleArray()).allMatch(Double::isNaN));
        assertTrue(c.hasMissing());
        assertArrayEquals(new String[] {null, null, null}, c.toStringArray());
        assertEquals("id,empty\n1,\n2,\n3,\n", write(t));
        // an all-missing column that must be text: ask for it
        Table s = CsvReader.withDefaults().withStringColumns(java.util.Set.of("empty"))
                .read(new StringReader("id,empty\n1,\n"), "edge.csv");
        assertEquals(ColumnType.STRING, s.column("empty").type());
        assertEquals(null, s.column("empty").getString(0));
    }

    @Test
    void oneColumnFileWithMissingValuesAndBlankLines() {
        Table t = read("x\n1\n\"\"\n\n3\n\n");
        // the blank lines are skipped; the quoted empty field is a missing value
        assertEquals(3, t.rowCount());
        assertArrayEquals(new double[] {1, Double.NaN, 3}, t.column("x").toDoubleArray());
        assertEquals("edge.csv line 5", t.locate(2));
        assertEquals("x\n1\n\"\"\n3\n", write(t));
        assertEquals(t, read(write(t)));
    }

    static Stream<Arguments> hugeValues() {
        return Stream.of(
                Arguments.of("2147483647", ColumnType.INT, "2147483647"),
                Arguments.of("-2147483649", ColumnType.LONG, "-2147483649"),
                Arguments.of("9223372036854775807", ColumnType.LONG, "9223372036854775807"),
                Arguments.of("9223372036854775808", ColumnType.DOUBLE, "9.223372036854776E18"),
                Arguments.of("-99999999999999999999999999999", ColumnType.DOUBLE, "-1.0E29"),
                Arguments.of("1.7976931348623157E308", ColumnType.DOUBLE, "1.7976931348623157E308"),
                Arguments.of("1e309", ColumnType.DOUBLE, "Infinity"),
                Arguments.of("-1e309", ColumnType.DOUBLE, "-Infinity"),
                Arguments.of("4.9E-324", ColumnType.DOUBLE, "4.9E-324"),
                Arguments.of("1e-400", ColumnType.DOUBLE, "0.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeValues")
    void hugeValues(String text, ColumnType type, String asText) {
        Table t = read("v\n" + text + "\n");
        Column c = t.column("v");
        assertEquals(type, c.type());
        assertEquals(asText, c.getString(0));
        assertFalse(c.isMissing(0));
        assertEquals(t, read(write(t)));
    }

    @Test
    void longTextAndManyColumns() {
        String longText = "x".repeat(200_000);
        Table t = read("a,b\n\"" + longText + "\",1\n");
        assertEquals(longText, t.column("a").getString(0));
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < 2000; c++) {
            header.append(c == 0 ? "" : ",").append("c").append(c);
            row.append(c == 0 ? "" : ",").append(c);
        }
        Table wide = read(header + "\n" + row + "\n");
        assertEquals(2000, wide.columnCount());
        assertEquals(1999L, wide.column("c1999").getLong(0));
    }
}
