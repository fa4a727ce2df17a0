package org.benchtop.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.benchtop.core.BenchtopException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableTest {

    static Stream<Arguments> columnsOfEachType() {
        return Stream.of(
                Arguments.of(Column.ofDoubles("d", new double[] {1.5, Double.NaN, -2}), ColumnType.DOUBLE,
                        new String[] {"1.5", null, "-2.0"}, new double[] {1.5, Double.NaN, -2}),
                Arguments.of(Column.ofInts("i", new int[] {7, 99, -3}, new boolean[] {false, true, false}),
                        ColumnType.INT, new String[] {"7", null, "-3"}, new double[] {7, Double.NaN, -3}),
                Arguments.of(Column.ofLongs("l", new long[] {1L << 40, 5, Long.MIN_VALUE},
                        new boolean[] {false, true, false}), ColumnType.LONG,
                        new String[] {"1099511627776", null, "-9223372036854775808"},
                        new double[] {0x1p40, Double.NaN, -0x1p63}),
                Arguments.of(Column.ofStrings("s", new String[] {"A01", null, ""}), ColumnType.STRING,
                        new String[] {"A01", null, ""}, null),
                Arguments.of(Column.ofBooleans("b", new Boolean[] {Boolean.TRUE, null, Boolean.FALSE}),
                        ColumnType.BOOLEAN, new String[] {"true", null, "false"}, null));
    }

    @ParameterizedTest
    @MethodSource("columnsOfEachType")
    void columnAccessorsFollowTheType(Column c, ColumnType type, String[] text, double[] numbers) {
        assertEquals(type, c.type());
        assertEquals(3, c.size());
        assertFalse(c.isMissing(0));
        assertTrue(c.isMissing(1));
        assertFalse(c.isMissing(2));
        assertTrue(c.hasMissing());
        assertArrayEquals(text, c.toStringArray());
        for (int r = 0; r < 3; r++) {
            assertEquals(text[r], c.getString(r));
        }
        assertEquals(Boolean.valueOf(numbers != null), Boolean.valueOf(c.isNumeric()));
        if (numbers != null) {
            assertArrayEquals(numbers, c.toDoubleArray());
        } else {
            TableException e = assertThrows(TableException.class, () -> c.getDouble(0));
            assertEquals(BenchtopException.Kind.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().startsWith("Column '" + c.name() + "' holds "), e.getMessage());
        }
        assertEquals(c, c.withName("x").withName(c.name()));
        assertEquals("x", c.withName("x").name());
    }

    @Test
    void getLongAndGetBooleanNameTheColumnAndRowOfAMissingValue() {
        Column i = Column.ofInts("count", new int[] {4, 0}, new boolean[] {false, true});
        assertEquals(4L, i.getLong(0));
        TableException e = assertThrows(TableException.class, () -> i.getLong(1));
        assertEquals("Column 'count' has a missing value in row 2; check isMissing(row) first, or fill in the value",
                e.getMessage());
        Column b = Column.ofBooleans("ok", new Boolean[] {null});
        e = assertThrows(TableException.class, () -> b.getBoolean(0));
        assertEquals("Column 'ok' has a missing value in row 1; check isMissing(row) first, or fill in the value",
                e.getMessage());
        Column s = Column.ofStrings("well", new String[] {"A01"});
        e = assertThrows(TableException.class, () -> s.getLong(0));
        assertEquals("Column 'well' holds text (STRING) values, not whole numbers; choose a column of integers, "
                + "or read its values with getDouble/getString", e.getMessage());
        e = assertThrows(TableException.class, () -> i.getBoolean(0));
        assertEquals("Column 'count' holds numeric (INT) values, not true/false; choose a column of true/false "
                + "values", e.getMessage());
        e = assertThrows(TableException.class, () -> s.toDoubleArray());
        assertEquals("Column 'well' holds text (STRING) values, not numbers; choose a numeric column, or fix the "
                + "non-numeric entries in it", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> i.isMissing(2));
    }

    @Test
    void factoriesCopyTheirArguments() {
        double[] d = {1, 2};
        int[] v = {1, 2};
        boolean[] m = {false, false};
        String[] s = {"a", "b"};
        Column cd = Column.ofDoubles("d", d);
        Column ci = Column.ofInts("i", v, m);
        Column cs = Column.ofStrings("s", s);
        d[0] = 9;
        v[0] = 9;
        m[0] = true;
        s[0] = "z";
        assertEquals(1.0, cd.getDouble(0));
        assertEquals(1L, ci.getLong(0));
        assertFalse(ci.isMissing(0));
        assertEquals("a", cs.getString(0));
        cd.toDoubleArray()[1] = 7;
        assertEquals(2.0, cd.getDouble(1));
    }

    @Test
    void equalColumnsIgnoreValuesUnderTheMissingMask() {
        Column a = Column.ofInts("n", new int[] {1, 5}, new boolean[] {false, true});
        Column b = Column.ofInts("n", new int[] {1, 8}, new boolean[] {false, true});
        Column c = Column.ofInts("n", new int[] {1, 8}, null);
        Column d = Column.ofInts("n", new int[] {1, 8}, new boolean[] {false, false});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertEquals(c, d);
        assertNotEquals(Column.ofDoubles("x", new double[] {0.0}), Column.ofDoubles("x", new double[] {-0.0}));
        assertNotEquals(Column.ofDoubles("x", new double[] {1}), Column.ofLongs("x", new long[] {1}, null));
    }

    @Test
    void maskOfTheWrongLengthAndEmptyNamesAreRejected() {
        TableException e = assertThrows(TableException.class,
                () -> Column.ofInts("n", new int[] {1, 2}, new boolean[] {false}));
        assertEquals("Column 'n' has 2 values but a missing-value mask of length 1; pass a mask of the same length "
                + "or null", e.getMessage());
        e = assertThrows(TableException.class, () -> Column.ofDoubles(" ", new double[0]));
        assertEquals("A column name is empty; give every column a name", e.getMessage());
    }

    private static Table abc() {
        return Table.of("plates.csv", List.of(Column.ofStrings("a", new String[] {"x", "y"}),
                Column.ofDoubles("b", new double[] {1, 2}), Column.ofInts("c", new int[] {3, 4}, null)));
    }

    @Test
    void tableLooksUpColumnsByName() {
        Table t = abc();
        assertEquals(2, t.rowCount());
        assertEquals(3, t.columnCount());
        assertEquals(List.of("a", "b", "c"), t.columnNames());
        assertEquals(ColumnType.DOUBLE, t.column("b").type());
        assertTrue(t.findColumn("c").isPresent());
        assertTrue(t.findColumn("C").isEmpty());
        TableException e = assertThrows(TableException.class, () -> t.column("x"));
        assertEquals("No column 'x' in plates.csv; its columns are: a, b, c", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> t.columns().clear());
    }

    @Test
    void tableRejectsUnequalSizesAndDuplicateNames() {
        TableException e = assertThrows(TableException.class, () -> Table.of("input table 1",
                List.of(Column.ofDoubles("a", new double[2]), Column.ofDoubles("b", new double[3]))));
        assertEquals("Column 'b' of input table 1 has 3 rows but column 'a' has 2; all columns of a table must "
                + "have the same number of rows", e.getMessage());
        e = assertThrows(TableException.class, () -> abc().withColumns(List.of(Column.ofDoubles("b", new double[2]))));
        assertEquals("Column name 'b' occurs twice in plates.csv (columns 2 and 4); give every column a different "
                + "name", e.getMessage());
    }

    @Test
    void withColumnsAppendsAndKeepsLineNumbers() {
        Table t = abc().withSource("plates.csv", new int[] {2, 5});
        Table u = t.withColumns(List.of(Column.ofBooleans("d", new Boolean[] {Boolean.TRUE, null})));
        assertEquals(List.of("a", "b", "c", "d"), u.columnNames());
        assertEquals("plates.csv line 5", u.locate(1));
        assertEquals(abc(), t); // unchanged
    }

    @Test
    void locateNamesTheFileLineOrTheRow() {
        int[] lines = {2, 4};
        Table file = abc().withSource("plates.csv", lines);
        lines[0] = 99; // copied
        assertEquals("plates.csv line 2", file.locate(0));
        assertEquals("plates.csv line 4", file.locate(1));
        Table knime = abc().withSource("input table 1", null);
        assertEquals("row 1 of input table 1", knime.locate(0));
        assertEquals("input table 1", knime.source());
        assertThrows(IndexOutOfBoundsException.class, () -> knime.locate(2));
        TableException e = assertThrows(TableException.class, () -> abc().withSource("t.csv", new int[] {1}));
        assertEquals("t.csv has 2 rows but 1 line numbers were given; give one line number per row", e.getMessage());
    }

    @Test
    void equalTablesIgnoreSourceButNotOrder() {
        assertEquals(abc(), abc().withSource("input table 1", null));
        assertEquals(abc().hashCode(), abc().withSource("other", new int[] {1, 2}).hashCode());
        Table reordered = Table.of("plates.csv", List.of(abc().column("b"), abc().column("a"), abc().column("c")));
        assertNotEquals(abc(), reordered);
        assertEquals("Table[plates.csv: 2 rows, 3 columns]", abc().toString());
    }

    @Test
    void missingStringIsNullButEmptyStringIsAValue() {
        Column s = Column.ofStrings("s", new String[] {"", null});
        assertFalse(s.isMissing(0));
        assertEquals("", s.getString(0));
        assertNull(s.getString(1));
    }
}
