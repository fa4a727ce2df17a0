package org.benchtop.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writer formats blocks of rows in parallel and writes numbers and plain text directly: its
 * bytes must equal those of the plain field-by-field writer it replaced (every field through Commons
 * CSV {@code print} with minimal quoting, numbers and booleans as {@link Column#getString(int)}),
 * which {@link #reference} re-implements, for any table, delimiter, thread count and block split.
 */
class CsvWriterBlocksTest {

    @TempDir
    Path dir;

    /** The field-by-field writer of before (Commons CSV for text, the column's text for the rest). */
    static byte[] reference(Table t, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator('\n')
                .setQuoteMode(QuoteMode.MINIMAL).get();
        StringWriter out = new StringWriter();
        try {
            List<Column> cols = t.columns();
            for (int c = 0; c < cols.size(); c++) {
                format.print(cols.get(c).name(), out, c == 0);
            }
            out.write('\n');
            for (int r = 0; r < t.rowCount(); r++) {
                for (int c = 0; c < cols.size(); c++) {
                    Column col = cols.get(c);
                    if (col.type() == ColumnType.STRING) {
                        String s = col.getString(r);
                        format.print(s == null ? "" : s, out, c == 0);
                        continue;
                    }
                    if (c > 0) {
                        out.write(delimiter);
                    }
                    if (col.isMissing(r)) {
                        if (c == 0) {
                            out.write("\"\"");
                        }
                    } else {
                        out.write(col.getString(r));
                    }
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] TEXTS = {"A01", "P0001", "neg", "", " ", "a, b", "say \"hi\"", "two\nlines",
        "cr\rhere", " lead", "trail ", "#1", "!bang", "$ok", "x;y", "tab\there", "é ü 漢", "\uD83E\uDDEA tube", "-5",
        "1.0", "\"", ",", ";", "\t", "NA", "a|b", "§x", "x§"};

    /** A table of every type with random values, missing values and text that needs quoting. */
    static Table randomTable(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] text = new String[rows];
        String[] ids = new String[rows];
        double[] d = new double[rows];
        double[] bits = new double[rows];
        int[] ints = new int[rows];
        boolean[] intMissing = new boolean[rows];
        long[] longs = new long[rows];
        boolean[] longMissing = new boolean[rows];
        Boolean[] flags = new Boolean[rows];
        double[] special = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, 2e23, 1e-5, 1e7, 0.001, 123456.789};
        for (int r = 0; r < rows; r++) {
            int k = rnd.nextInt(TEXTS.length + 1);
            text[r] = k == TEXTS.length ? null : TEXTS[k];
            ids[r] = rnd.nextInt(50) == 0 ? null : "P" + rnd.nextInt(1000) + "_" + (char) ('A' + rnd.nextInt(26));
            d[r] = rnd.nextInt(10) == 0 ? special[rnd.nextInt(special.length)] : rnd.nextGaussian() * 1e4;
            bits[r] = Double.longBitsToDouble(rnd.nextLong());
            ints[r] = rnd.nextInt(20) == 0 ? (rnd.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE)
                    : rnd.nextInt();
            intMissing[r] = rnd.nextInt(30) == 0;
            longs[r] = rnd.nextInt(20) == 0 ? (rnd.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) : rnd.nextLong();
            longMissing[r] = rnd.nextInt(30) == 0;
            int b = rnd.nextInt(5);
            flags[r] = b == 0 ? null : Boolean.valueOf(b % 2 == 0);
        }
        return Table.of("random", List.of(Column.ofStrings("text, or \"not\"", text), Column.ofDoubles("d", d),
                Column.ofStrings("id", ids), Column.ofDoubles("bits", bits), Column.ofInts("i", ints, intMissing),
                Column.ofLongs("l", longs, longMissing), Column.ofBooleans("#flag", flags)));
    }

    private static byte[] viaStream(CsvWriter w, Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(t, out);
        return out.toByteArray();
    }

    private static byte[] viaWriter(CsvWriter w, Table t) {
        StringWriter out = new StringWriter();
        w.write(t, (Writer) out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(chars = {',', '\t', ';', '|', '§'})
    void manyBlocksGiveTheBytesOfTheFieldByFieldWriter(char delimiter) throws IOException {
        Table t = randomTable(40_000, delimiter); // several blocks of rows
        byte[] expected = reference(t, delimiter);
        CsvWriter w = CsvWriter.withDefaults().withDelimiter(delimiter);
        assertArrayEquals(expected, viaStream(w, t));
        assertArrayEquals(expected, viaWriter(w, t));
        Path f = dir.resolve("random.csv");
        w.write(t, f);
        assertArrayEquals(expected, Files.readAllBytes(f));
    }

    @Test
    void canonicalCsvIsTheFieldByFieldFormWithCommas() {
        Table t = randomTable(10_000, 11);
        assertArrayEquals(reference(t, ','), CsvWriter.canonicalCsv(t));
    }

    /** Every character at the start, inside and at the end of a field, first and later in a record. */
    @Test
    void quotingOfEveryCharacterIsThatOfCommonsCsv() {
        List<String> texts = new ArrayList<>();
        for (int ch = 0; ch <= 0xFFFF; ch++) {
            if (Character.isSurrogate((char) ch)) {
                continue;
            }
            String c = String.valueOf((char) ch);
            texts.add(c);
            texts.add(c + "x");
            texts.add("x" + c);
            texts.add("x" + c + "x");
        }
        String[] v = texts.toArray(new String[0]);
        String[] shifted = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            shifted[i] = v[(i + 1) % v.length];
        }
        Table t = Table.of("chars", List.of(Column.ofStrings("first", v), Column.ofStrings("second", shifted)));
        for (char delimiter : new char[] {',', '\t', ';'}) {
            assertArrayEquals(reference(t, delimiter), viaStream(CsvWriter.withDefaults().withDelimiter(delimiter), t),
                    "delimiter " + (int) delimiter);
        }
    }

    @Test
    void tablesWithoutRowsOrWithOneRowAreWrittenAsBefore() {
        for (int rows : new int[] {0, 1, 2}) {
            Table t = randomTable(rows, rows);
            assertArrayEquals(reference(t, ','), viaStream(CsvWriter.withDefaults(), t));
        }
        Table missingFirst = Table.of("t", List.of(Column.ofInts("n", new int[] {1, 2}, new boolean[] {true, false}),
                Column.ofBooleans("b", new Boolean[] {null, Boolean.TRUE})));
        assertEquals("n,b\n\"\",\n2,true\n", new String(viaStream(CsvWriter.withDefaults(), missingFirst),
                StandardCharsets.UTF_8));
    }
}
