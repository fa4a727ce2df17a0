package org.benchtop.core.table;

import java.util.Arrays;
import java.util.Objects;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * One immutable, typed column of a {@link Table}: a name and a primitive array of values with a
 * record of which rows are missing.
 *
 * <p>Missing values: a {@link ColumnType#DOUBLE} column marks them with NaN, a
 * {@link ColumnType#STRING} column with {@code null}, and {@link ColumnType#INT},
 * {@link ColumnType#LONG} and {@link ColumnType#BOOLEAN} columns with a separate mask. The factories
 * copy the arrays they are given, so later changes to those arrays do not reach the column, and
 * every accessor that returns an array returns a copy.
 *
 * <p>Rows are 0-based in this API; messages for users give 1-based row numbers.
 */
public final class Column {

    private final String name;
    private final ColumnType type;
    private final int size;
    private final double[] doubles;
    private final int[] ints;
    private final long[] longs;
    private final String[] strings;
    private final boolean[] booleans;
    /** INT, LONG, BOOLEAN: {@code true} where missing; {@code null} when nothing is missing. */
    private final boolean[] missing;
    /**
     * DOUBLE columns read from a file: the file's text of the values that it writes exactly as
     * {@link #getString(int)} does, value after value, and no text for the others ({@code null} if
     * there is none). The writer copies this text instead of formatting the number again.
     */
    private final byte[] text;
    /** The end of each row's text in {@link #text} (a row's text starts where the previous one's ends). */
    private final int[] textEnd;

    private Column(String name, ColumnType type, int size, double[] doubles, int[] ints, long[] longs,
            String[] strings, boolean[] booleans, boolean[] missing) {
        this(name, type, size, doubles, ints, longs, strings, booleans, missing, null, null);
    }

    private Column(String name, ColumnType type, int size, double[] doubles, int[] ints, long[] longs,
            String[] strings, boolean[] booleans, boolean[] missing, byte[] text, int[] textEnd) {
        this.name = checkName(name);
        this.type = type;
        this.size = size;
        this.doubles = doubles;
        this.ints = ints;
        this.longs = longs;
        this.strings = strings;
        this.booleans = booleans;
        this.missing = missing == null || !any(missing) ? null : missing;
        this.text = text;
        this.textEnd = textEnd;
    }

    // ---------------------------------------------------------------- factories

    /**
     * A floating-point column.
     *
     * @param name the column name, not empty
     * @param v the values (copied); NaN marks a missing value; infinities are kept as values
     * @return the column
     */
    public static Column ofDoubles(String name, double[] v) {
        return doubles(name, v.clone());
    }

    /**
     * A 32-bit integer column.
     *
     * @param name the column name, not empty
     * @param v the values (copied); values in missing rows are ignored and read back as 0
     * @param missing {@code true} where a value is missing (copied), or {@code null} if none is
     * @return the column
     * @throws TableException if {@code missing} has a different length than {@code v}
     */
    public static Column ofInts(String name, int[] v, boolean[] missing) {
        checkMask(name, v.length, missing);
        int[] copy = v.clone();
        boolean[] mask = missing == null ? null : missing.clone();
        if (mask != null) {
            for (int r = 0; r < copy.length; r++) {
                if (mask[r]) {
                    copy[r] = 0;
                }
            }
        }
        return ints(name, copy, mask);
    }

    /**
     * A 64-bit integer column.
     *
     * @param name the column name, not empty
     * @param v the values (copied); values in missing rows are ignored and read back as 0
     * @param missing {@code true} where a value is missing (copied), or {@code null} if none is
     * @return the column
     * @throws TableException if {@code missing} has a different length than {@code v}
     */
    public static Column ofLongs(String name, long[] v, boolean[] missing) {
        checkMask(name, v.length, missing);
        long[] copy = v.clone();
        boolean[] mask = missing == null ? null : missing.clone();
        if (mask != null) {
            for (int r = 0; r < copy.length; r++) {
                if (mask[r]) {
                    copy[r] = 0L;
                }
            }
        }
        return longs(name, copy, mask);
    }

    /**
     * A text column.
     *
     * @param name the column name, not empty
     * @param v the values (copied); {@code null} marks a missing value; the empty string is a value
     * @return the column
     */
    public static Column ofStrings(String name, String[] v) {
        return strings(name, v.clone());
    }

    /**
     * A boolean column.
     *
     * @param name the column name, not empty
     * @param v the values (read, not kept); {@code null} marks a missing value
     * @return the column
     */
    public static Column ofBooleans(String name, Boolean[] v) {
        boolean[] values = new boolean[v.length];
        boolean[] mask = new boolean[v.length];
        for (int r = 0; r < v.length; r++) {
            if (v[r] == null) {
                mask[r] = true;
            } else {
                values[r] = v[r].booleanValue();
            }
        }
        return booleans(name, values, mask);
    }

    // Package-private factories that take ownership of the arrays (no copy), for the CSV reader.

    static Column doubles(String name, double[] v) {
        return new Column(name, ColumnType.DOUBLE, v.length, v, null, null, null, null, null);
    }

    /**
     * @param text the text of values exactly as {@link #getString(int)} gives it (ASCII), one after
     *        the other; an empty text (always for a missing value) means the value is not given
     * @param textEnd where each row's text ends in {@code text} (at least {@code v.length} entries)
     */
    static Column doubles(String name, double[] v, byte[] text, int[] textEnd) {
        return new Column(name, ColumnType.DOUBLE, v.length, v, null, null, null, null, null, text, textEnd);
    }

    static Column ints(String name, int[] v, boolean[] missing) {
        return new Column(name, ColumnType.INT, v.length, null, v, null, null, null, missing);
    }

    static Column longs(String name, long[] v, boolean[] missing) {
        return new Column(name, ColumnType.LONG, v.length, null, null, v, null, null, missing);
    }

    static Column strings(String name, String[] v) {
        return new Column(name, ColumnType.STRING, v.length, null, null, null, v, null, null);
    }

    static Column booleans(String name, boolean[] v, boolean[] missing) {
        return new Column(name, ColumnType.BOOLEAN, v.length, null, null, null, null, v, missing);
    }

    // Package-private views of the internal arrays (not copies), for the CSV writer: never modify them.

    /** @return the text of a DOUBLE column's values (see {@link #doubles(String, double[], byte[], int[])}), or {@code null} */
    byte[] textRef() {
        return text;
    }

    /** @return where each row's text ends in {@link #textRef()}, or {@code null} */
    int[] textEndRef() {
        return textEnd;
    }

    /** @return the values of a DOUBLE column (internal array) */
    double[] doublesRef() {
        return doubles;
    }

    /** @return the values of an INT column (internal array) */
    int[] intsRef() {
        return ints;
    }

    /** @return the values of a LONG column (internal array) */
    long[] longsRef() {
        return longs;
    }

    /** @return the values of a STRING column (internal array) */
    String[] stringsRef() {
        return strings;
    }

    /** @return the values of a BOOLEAN column (internal array) */
    boolean[] booleansRef() {
        return booleans;
    }

    /** @return INT, LONG, BOOLEAN: the missing mask (internal array), {@code null} when nothing is missing */
    boolean[] missingRef() {
        return missing;
    }

    // ---------------------------------------------------------------- accessors

    /** @return the column name, never empty */
    public String name() {
        return name;
    }

    /** @return the value type */
    public ColumnType type() {
        return type;
    }

    /** @return the number of rows */
    public int size() {
        return size;
    }

    /** @return whether the type is {@link ColumnType#INT}, {@link ColumnType#LONG} or {@link ColumnType#DOUBLE} */
    public boolean isNumeric() {
        return type == ColumnType.DOUBLE || type == ColumnType.INT || type == ColumnType.LONG;
    }

    /**
     * @param row the 0-based row
     * @return whether the value in {@code row} is missing (NaN in a DOUBLE column)
     * @throws IndexOutOfBoundsException if {@code row} is not in [0, size)
     */
    public boolean isMissing(int row) {
        Objects.checkIndex(row, size);
        switch (type) {
            case DOUBLE:
                return Double.isNaN(doubles[row]);
            case STRING:
                return strings[row] == null;
            default:
                return missing != null && missing[row];
        }
    }

    /** @return whether any value of the column is missing */
    public boolean hasMissing() {
        for (int r = 0; r < size; r++) {
            if (isMissing(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value as a double: exact for INT, rounded to the nearest double for LONG beyond 2^53.
     *
     * @param row the 0-based row
     * @return the value, NaN if missing
     * @throws TableException if the column is STRING or BOOLEAN
     * @throws IndexOutOfBoundsException if {@code row} is not in [0, size)
     */
    public double getDouble(int row) {
        Objects.checkIndex(row, size);
        switch (type) {
            case DOUBLE:
                return doubles[row];
            case INT:
                return missing != null && missing[row] ? Double.NaN : ints[row];
            case LONG:
                return missing != null && missing[row] ? Double.NaN : longs[row];
            default:
                throw notNumeric();
        }
    }

    /**
     * @param row the 0-based row
     * @return the integer value
     * @throws TableException if the column is not INT or LONG, or the value is missing
     * @throws IndexOutOfBoundsException if {@code row} is not in [0, size)
     */
    public long getLong(int row) {
        Objects.checkIndex(row, size);
        if (type != ColumnType.INT && type != ColumnType.LONG) {
            throw TableException.of("Column '%s' holds %s values, not whole numbers; choose a column of "
                    + "integers, or read its values with getDouble/getString", name, typeWord());
        }
        if (missing != null && missing[row]) {
            throw missingValue(row);
        }
        return type == ColumnType.INT ? ints[row] : longs[row];
    }

    /**
     * The value as text: for DOUBLE the shortest decimal that reads back as the same double, in the
     * format of {@link Double#toString(double)} (e.g. {@code 1.0}, {@code 1.0E-5}, {@code Infinity}),
     * written by Jackson's Schubfach writer (R. Giulietti, "The Schubfach way to render doubles",
     * 2020) so that the text, and so every provenance hash, is the same on Java 17 and 21 (Java 17's
     * own {@code Double.toString} writes {@code 2e23} as {@code 1.9999999999999998E23}); decimal digits for INT and LONG, {@code true}/{@code false}
     * for BOOLEAN, the text itself for STRING.
     *
     * @param row the 0-based row
     * @return the text, {@code null} if the value is missing
     * @throws IndexOutOfBoundsException if {@code row} is not in [0, size)
     */
    public String getString(int row) {
        if (isMissing(row)) {
            return null;
        }
        switch (type) {
            case DOUBLE:
                return NumberOutput.toString(doubles[row], true);
            case INT:
                return Integer.toString(ints[row]);
            case LONG:
                return Long.toString(longs[row]);
            case BOOLEAN:
                return booleans[row] ? "true" : "false";
            default:
                return strings[row];
        }
    }

    /**
     * @param row the 0-based row
     * @return the boolean value
     * @throws TableException if the column is not BOOLEAN, or the value is missing
     * @throws IndexOutOfBoundsException if {@code row} is not in [0, size)
     */
    public boolean getBoolean(int row) {
        Objects.checkIndex(row, size);
        if (type != ColumnType.BOOLEAN) {
            throw TableException.of("Column '%s' holds %s values, not true/false; choose a column of "
                    + "true/false values", name, typeWord());
        }
        if (missing != null && missing[row]) {
            throw missingValue(row);
        }
        return booleans[row];
    }

    /**
     * @return a new array with {@link #getDouble(int)} of every row (NaN where missing)
     * @throws TableException if the column is STRING or BOOLEAN
     */
    public double[] toDoubleArray() {
        switch (type) {
            case DOUBLE:
                return doubles.clone();
            case INT:
            case LONG: {
                double[] out = new double[size];
                for (int r = 0; r < size; r++) {
                    out[r] = getDouble(r);
                }
                return out;
            }
            default:
                throw notNumeric();
        }
    }

    /** @return a new array with {@link #getString(int)} of every row ({@code null} where missing) */
    public String[] toStringArray() {
        if (type == ColumnType.STRING) {
            return strings.clone();
        }
        String[] out = new String[size];
        for (int r = 0; r < size; r++) {
            out[r] = getString(r);
        }
        return out;
    }

    /**
     * @param newName the new column name, not empty
     * @return a column with the same values under {@code newName}
     */
    public Column withName(String newName) {
        return new Column(newName, type, size, doubles, ints, longs, strings, booleans, missing, text, textEnd);
    }

    // ---------------------------------------------------------------- object methods

    /**
     * Two columns are equal when they have the same name, type, missing pattern and values; doubles
     * are compared bit for bit as {@link Double#equals(Object)} does (NaN equals NaN, 0.0 differs
     * from -0.0).
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Column)) {
            return false;
        }
        Column c = (Column) o;
        return name.equals(c.name) && type == c.type && size == c.size && Arrays.equals(doubles, c.doubles)
                && Arrays.equals(ints, c.ints) && Arrays.equals(longs, c.longs)
                && Arrays.equals(strings, c.strings) && Arrays.equals(booleans, c.booleans)
                && Arrays.equals(missing, c.missing);
    }

    @Override
    public int hashCode() {
        int h = name.hashCode() * 31 + type.hashCode();
        h = h * 31 + Arrays.hashCode(doubles);
        h = h * 31 + Arrays.hashCode(ints);
        h = h * 31 + Arrays.hashCode(longs);
        h = h * 31 + Arrays.hashCode(strings);
        h = h * 31 + Arrays.hashCode(booleans);
        return h * 31 + Arrays.hashCode(missing);
    }

    /** @return e.g. {@code Column[conc: DOUBLE, 96 rows]} */
    @Override
    public String toString() {
        return "Column[" + name + ": " + type + ", " + size + " rows]";
    }

    // ---------------------------------------------------------------- helpers

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw TableException.of("A column name is empty; give every column a name");
        }
        return name;
    }

    private static void checkMask(String name, int n, boolean[] missing) {
        if (missing != null && missing.length != n) {
            throw TableException.of("Column '%s' has %d values but a missing-value mask of length %d; "
                    + "pass a mask of the same length or null", name, Integer.valueOf(n),
                    Integer.valueOf(missing.length));
        }
    }

    private static boolean any(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private String typeWord() {
        switch (type) {
            case STRING:
                return "text (STRING)";
            case BOOLEAN:
                return "true/false (BOOLEAN)";
            default:
                return "numeric (" + type + ")";
        }
    }

    private TableException notNumeric() {
        return TableException.of("Column '%s' holds %s values, not numbers; choose a numeric column, or fix "
                + "the non-numeric entries in it", name, typeWord());
    }

    private TableException missingValue(int row) {
        return TableException.of("Column '%s' has a missing value in row %d; check isMissing(row) first, "
                + "or fill in the value", name, Integer.valueOf(row + 1));
    }
}
