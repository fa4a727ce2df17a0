package org.benchtop.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files of several megabytes are parsed in parallel blocks (when they hold no quote): the table,
 * its column types and the line of every row must be those of the sequential read, which
 * {@link CsvReader#read(java.io.Reader, String)} always does, also when a column's type is only
 * settled by a value in a late block; problems must be reported as by the sequential read.
 */
class CsvReaderBlocksTest {

    private static final int ROWS = 150_000; // about 9 MB: several blocks

    @TempDir
    Path dir;

    /**
     * A file whose columns change type late: int then double, int then long, -0 then double, decimal
     * text then a word, missing then booleans, all missing, booleans then a number; blank and
     * white-space lines between the rows.
     */
    static String text(String eol, boolean bom, String delimiter) {
        StringBuilder sb = new StringBuilder(ROWS * 64);
        if (bom) {
            sb.append('\uFEFF');
        }
        sb.append(eol).append(eol); // blank lines before the header
        sb.append(String.join(delimiter, "id", "i2d", "i2l", "neg0", "num2text", "miss2bool", "allmiss", "bool2text",
                "tokens")).append(eol);
        for (int r = 0; r < ROWS; r++) {
            String i2d = r == ROWS - 1 ? "2.5" : Integer.toString(r - 1000);
            String i2l = r == ROWS * 9 / 10 ? "10000000000" : Integer.toString(r % 1000);
            String neg0 = r == 0 ? "-0" : r == ROWS * 19 / 20 ? "1.5" : Integer.toString(-r);
            String num2text = r == ROWS * 4 / 5 ? "x" : r % 7 + ".50";
            String miss2bool = r < ROWS * 7 / 10 ? "" : r % 2 == 0 ? "TRUE" : "false";
            String bool2text = r == ROWS - 2 ? "1" : r % 3 == 0 ? "true" : "False";
            String tokens = r % 5 == 0 ? "NA" : r % 5 == 1 ? "null" : r % 5 == 2 ? " NaN " : "é" + r % 11;
            sb.append(String.join(delimiter, "W" + r, i2d, i2l, neg0, num2text, miss2bool, "NA", bool2text, tokens))
                    .append(eol);
            if (r % 10_007 == 5) {
                sb.append(eol);
            }
            if (r % 12_345 == 6) {
                sb.append("   ").append(eol);
            }
        }
        return sb.toString();
    }

    static Stream<Arguments> variants() {
        return Stream.of(Arguments.of("LF", "\n", Boolean.FALSE, ","), Arguments.of("CRLF", "\r\n", Boolean.FALSE, ","),
                Arguments.of("BOM and semicolons", "\n", Boolean.TRUE, ";"),
                Arguments.of("tabs", "\n", Boolean.FALSE, "\t"));
    }

    private static void assertSameAsSequential(String text, Path file, CsvReader reader) {
        Table blocks = reader.read(file);
        Table sequential = reader.read(new StringReader(text), file.getFileName().toString());
        // the same canonical CSV (the file's text of numbers, where the writer would write it so, is kept)
        assertTrue(Arrays.equals(CsvWriter.canonicalCsv(sequential), CsvWriter.canonicalCsv(blocks)), "canonical CSV");
        assertEquals(sequential.columnNames(), blocks.columnNames());
        for (Column c : sequential.columns()) {
            assertEquals(c.type(), blocks.column(c.name()).type(), c.name());
        }
        assertEquals(sequential, blocks);
        assertEquals(sequential.source(), blocks.source());
        for (int r = 0; r < sequential.rowCount(); r++) {
            if (!sequential.locate(r).equals(blocks.locate(r))) {
                assertEquals(sequential.locate(r), blocks.locate(r), "row " + r);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void blocksGiveTheTableOfTheSequentialRead(String what, String eol, Boolean bom, String delimiter)
            throws IOException {
        String text = text(eol, bom.booleanValue(), delimiter);
        Path f = Files.writeString(dir.resolve("big.csv"), text, StandardCharsets.UTF_8);
        assertTrue(Files.size(f) > 3 * (1 << 21), "the file spans several blocks");
        Table t = CsvReader.withDefaults().read(f);
        assertEquals(ColumnType.DOUBLE, t.column("i2d").type());
        assertEquals(ColumnType.LONG, t.column("i2l").type());
        assertEquals(ColumnType.DOUBLE, t.column("neg0").type());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(t.column("neg0").getDouble(0)));
        assertEquals(ColumnType.STRING, t.column("num2text").type());
        assertEquals("3.50", t.column("num2text").getString(3));
        assertEquals(ColumnType.BOOLEAN, t.column("miss2bool").type());
        assertEquals(ColumnType.DOUBLE, t.column("allmiss").type());
        assertEquals(ColumnType.STRING, t.column("bool2text").type());
        assertEquals("False", t.column("bool2text").getString(1));
        assertEquals(ROWS, t.rowCount());
        assertNotNull(CsvReader.withDefaults().readInBlocks(f, "big.csv", (char) 0), "read in parallel blocks");
        assertSameAsSequential(text, f, CsvReader.withDefaults());
        assertSameAsSequential(text, f, CsvReader.withDefaults().withStringColumns(Set.of("i2d", "tokens")));
        assertSameAsSequential(text, f, CsvReader.withDefaults().withMissingTokens(Set.of("")));
    }

    @Test
    void aQuoteOrALoneCarriageReturnLateInTheFileGivesTheSameTable() throws IOException {
        String text = text("\n", false, ",");
        int late = text.length() - 1000;
        int lineEnd = text.indexOf('\n', late);
        String quoted = text.substring(0, lineEnd + 1) + "\"W,\"\"q\"\"\",1,2,3,4,,NA,true,x\n" + text.substring(lineEnd + 1);
        Path q = Files.writeString(dir.resolve("quoted.csv"), quoted, StandardCharsets.UTF_8);
        assertNull(CsvReader.withDefaults().readInBlocks(q, "quoted.csv", (char) 0), "read sequentially");
        assertSameAsSequential(quoted, q, CsvReader.withDefaults());
        String cr = text.substring(0, lineEnd) + "\r" + text.substring(lineEnd + 1);
        assertSameAsSequential(cr, Files.writeString(dir.resolve("cr.csv"), cr, StandardCharsets.UTF_8),
                CsvReader.withDefaults());
    }

    /** Lines of several 100 KB around every cut point: the cut finds no line end nearby. */
    @Test
    void veryLongLinesGiveTheSameTable() throws IOException {
        StringBuilder sb = new StringBuilder("id,text,x\n");
        for (int r = 0; r < 60; r++) {
            sb.append("W").append(r).append(',').append(String.valueOf((char) ('a' + r % 26)).repeat(150_000 + r))
                    .append(',').append(r).append('\n');
        }
        String text = sb.toString();
        assertSameAsSequential(text, Files.writeString(dir.resolve("long.csv"), text, StandardCharsets.UTF_8),
                CsvReader.withDefaults());
    }

    @Test
    void aRaggedRowLateInTheFileIsReportedAsBySequentialRead() throws IOException {
        String text = text("\n", false, ",");
        int lineEnd = text.indexOf('\n', text.length() - 5000);
        String bad = text.substring(0, lineEnd + 1) + "W,1,2\n" + text.substring(lineEnd + 1);
        Path f = Files.writeString(dir.resolve("ragged.csv"), bad, StandardCharsets.UTF_8);
        TableException sequential = assertThrows(TableException.class,
                () -> CsvReader.withDefaults().read(new StringReader(bad), "ragged.csv"));
        TableException blocks = assertThrows(TableException.class, () -> CsvReader.withDefaults().read(f));
        assertEquals(sequential.getMessage(), blocks.getMessage());
        assertTrue(blocks.getMessage().startsWith("ragged.csv line "), blocks.getMessage());
    }

    @Test
    void aByteThatIsNotUtf8LateInTheFileIsReportedOnItsLine() throws IOException {
        byte[] good = text("\n", false, ",").getBytes(StandardCharsets.UTF_8);
        int at = good.length - 3000;
        while (good[at] != 'W') {
            at++;
        }
        good[at] = (byte) 0xE9; // 'é' in Latin-1
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (good[i] == '\n') {
                line++;
            }
        }
        Path f = Files.write(dir.resolve("latin1.csv"), good);
        TableException e = assertThrows(TableException.class, () -> CsvReader.withDefaults().read(f));
        assertEquals("latin1.csv is not UTF-8 text: line " + line + " holds bytes that are not UTF-8; save the file "
                + "as UTF-8 (in Excel: 'CSV UTF-8')", e.getMessage());
    }

    /**
     * Blocks of plain lines (no quote, ASCII or UTF-8) are split at delimiters and line ends
     * without Commons CSV: random fields of every kind (numbers in canonical and other forms,
     * integers, booleans, missing tokens, text with spaces, tabs and control characters, non-ASCII
     * text), blank and white-space lines, LF and CRLF, each delimiter, must give the table of the
     * sequential Commons CSV read, column types, lines and kept number text included.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void randomPlainFilesGiveTheTableOfTheSequentialRead(int seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        String delimiter = new String[] {",", ";", "\t"}[seed % 3];
        String eol = seed % 2 == 0 ? "\n" : "\r\n";
        boolean ascii = seed % 4 != 3;
        int nc = 2 + rnd.nextInt(6);
        int[] kind = new int[nc];
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < nc; c++) {
            kind[c] = rnd.nextInt(KINDS);
            sb.append(c == 0 ? "" : delimiter).append(c == 0 ? "id" : " col" + c + " ");
        }
        sb.append(eol);
        while (sb.length() < 6 << 20) {
            int r = rnd.nextInt(1000);
            if (r == 0) {
                sb.append(eol);
            } else if (r == 1) {
                sb.append(delimiter.equals("\t") ? "  " : " \t ").append(eol); // white space only: blank
            } else {
                for (int c = 0; c < nc; c++) {
                    // mostly the column's kind; now and then another, which may change its type late
                    int k = rnd.nextInt(2000) == 0 ? rnd.nextInt(KINDS) : kind[c];
                    sb.append(c == 0 ? "" : delimiter).append(field(k, rnd, ascii, delimiter));
                }
                sb.append(eol);
            }
        }
        String text = sb.toString();
        Path f = Files.writeString(dir.resolve("random.csv"), text, StandardCharsets.UTF_8);
        assertNotNull(CsvReader.withDefaults().readInBlocks(f, "random.csv", (char) 0), "read in parallel blocks");
        assertSameAsSequential(text, f, CsvReader.withDefaults());
        assertSameAsSequential(text, f, CsvReader.withDefaults().withStringColumns(Set.of("id", "col1")));
    }

    private static final int KINDS = 8;

    /** A field of one kind: 0 canonical decimals, 1 any decimals, 2 integers, 3 booleans, 4 text, ... */
    private static String field(int kind, SplittableRandom rnd, boolean ascii, String delimiter) {
        switch (kind) {
            case 0:
                return rnd.nextInt(50) == 0 ? "NA" : Double.toString(Math.round(rnd.nextDouble() * 1e6) / 1e3);
            case 1: {
                String[] forms = {"1.50", "-0.0", "+2.5", "1e-5", "1.5E3", ".5", "7.", "0.0001", "12345678.25",
                    "0.12345678901234567", " 3.25", "4.5 ", "Inf", "-infinity", "NaN", "-0", "007.5", ""};
                return rnd.nextBoolean() ? forms[rnd.nextInt(forms.length)] : Double.toString(rnd.nextGaussian());
            }
            case 2:
                return rnd.nextInt(30) == 0 ? "" : Long.toString(rnd.nextLong(rnd.nextBoolean() ? 1000 : 1L << 40)
                        - 50);
            case 3:
                return new String[] {"true", "FALSE", "True", " false", "null"}[rnd.nextInt(5)];
            case 4: {
                StringBuilder t = new StringBuilder();
                String chars = "ab #-+.e0" + (delimiter.equals("\t") ? "" : "\t") + "\u0001\u001f~" + (ascii ? "" : "é€");
                for (int i = rnd.nextInt(6); i > 0; i--) {
                    t.append(chars.charAt(rnd.nextInt(chars.length())));
                }
                return t.toString();
            }
            case 5:
                return "W" + rnd.nextInt(100);
            case 6:
                return rnd.nextBoolean() ? "" : "  ";
            default:
                return Integer.toString(rnd.nextInt(10));
        }
    }
}
