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
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
}
