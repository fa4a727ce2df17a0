package org.benchtop.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.io.NumberOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader converts short decimals itself (Clinger's fast path: an integer below 2^53 times or
 * divided by an exact power of ten) and longer ones with Jackson's parser: every text must read as
 * {@link Double#parseDouble(String)} reads it, bit for bit, including the sign of zero.
 */
class CsvReaderNumberTest {

    private static final String[] EDGES = {"0.0", "-0.0", "-0", "0e5", "-0e-5", ".5", "5.", "+1.5e+3", "-.25",
        "1e22", "1e23", "1e-22", "1e-23", "9007199254740991.0", "9007199254740992.0", "9007199254740993.0",
        "9007199254740992.5", "900719925474099.25", "123456789012345678.0", "0.1", "0.2", "0.3", "2.675",
        "1.7976931348623157E308", "4.9e-324", "2.2250738585072014E-308", "1E400", "-1e-400", "0.000001",
        "100000000000000000000000.5", "3.0000000000000000000001", "7e0", "7E+00", "1.5e0010"};

    /** Random decimals: 1 to 20 digits, a point anywhere, leading zeros, exponents, signs. */
    static List<String> texts() {
        List<String> out = new ArrayList<>(List.of(EDGES));
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int sign = rnd.nextInt(4);
            sb.append(sign == 0 ? "-" : sign == 1 ? "+" : "");
            int digits = 1 + rnd.nextInt(20);
            int point = rnd.nextInt(digits + 1);
            int zeros = rnd.nextInt(8) == 0 ? rnd.nextInt(5) : 0;
            for (int z = 0; z < zeros; z++) {
                sb.append('0');
            }
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            if (point == digits) {
                sb.append(".0");
            }
            if (rnd.nextInt(3) == 0) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(3) == 0 ? "-" : "")
                        .append(rnd.nextInt(rnd.nextBoolean() ? 30 : 330));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void everyDecimalReadsAsDoubleParseDouble() {
        List<String> texts = texts();
        StringBuilder csv = new StringBuilder("x\n");
        for (String t : texts) {
            csv.append(t).append('\n');
        }
        Column x = CsvReader.withDefaults().read(new StringReader(csv.toString()), "numbers.csv").column("x");
        assertEquals(ColumnType.DOUBLE, x.type());
        for (int r = 0; r < texts.size(); r++) {
            double expected = Double.parseDouble(texts.get(r));
            if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(x.getDouble(r))) {
                assertEquals(Double.toString(expected), Double.toString(x.getDouble(r)),
                        String.format(Locale.ROOT, "'%s' (row %d)", texts.get(r), Integer.valueOf(r + 1)));
            }
        }
    }

    /** Reads one DOUBLE column of the given texts. */
    private static Column column(List<String> texts) {
        StringBuilder csv = new StringBuilder("x\n");
        for (String t : texts) {
            csv.append(t).append('\n');
        }
        Column x = CsvReader.withDefaults().read(new StringReader(csv.toString()), "numbers.csv").column("x");
        assertEquals(ColumnType.DOUBLE, x.type());
        return x;
    }

    /**
     * A column keeps the file's text of a number only when it is written exactly as the writer
     * writes the double it reads as: each random decimal, read alone, either keeps no text or its
     * text is the writer's.
     */
    @Test
    void keptTextIsTheWritersTextOfEveryValue() {
        List<String> texts = texts();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) { // plain decimals of 1 to 17 digits, as data files hold them
            StringBuilder sb = new StringBuilder(rnd.nextInt(5) == 0 ? "-" : "");
            sb.append(rnd.nextInt(3) == 0 ? Integer.toString(rnd.nextInt(10_000_000)) : "0").append('.');
            int digits = 1 + rnd.nextInt(16);
            for (int d = 0; d < digits; d++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            texts.add(sb.toString());
        }
        int kept = 0;
        for (int from = 0; from < texts.size(); from += 1000) { // one column per text, 1,000 a table
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + 1000));
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < batch.size(); c++) {
                header.append(c == 0 ? "" : ",").append('x').append(c);
            }
            Table t = CsvReader.withDefaults().read(new StringReader(header + "\n" + String.join(",", batch) + "\n"),
                    "numbers.csv");
            for (int c = 0; c < batch.size(); c++) {
                Column x = t.columns().get(c);
                byte[] text = x.textRef();
                if (text != null && x.textEndRef()[0] > 0) {
                    kept++;
                    String written = NumberOutput.toString(x.getDouble(0), true);
                    assertEquals(written, new String(text, 0, x.textEndRef()[0], StandardCharsets.US_ASCII));
                    assertEquals(written, batch.get(c));
                }
            }
        }
        assertTrue(kept > 50_000, "most plain decimals of up to 15 digits are canonical: " + kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00508053", "107.1366", "21426.5", "-3.25", "100.0", "0.0", "-0.0", "0.001",
        "9999999.99999999", "1234567.89"})
    void canonicalTextIsKept(String text) {
        Column x = column(List.of("1.5", "NA", text, "null", "2.25"));
        assertNotNull(x.textRef(), text);
        assertEquals(text, new String(x.textRef(), x.textEndRef()[1], x.textEndRef()[2] - x.textEndRef()[1],
                StandardCharsets.US_ASCII));
        assertEquals(text, NumberOutput.toString(x.getDouble(2), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.50", "01.5", "+1.5", "1e3", "1.5E3", ".5", "5.", "5", "0.0001", "12345678.5",
        "0.1234567890123456", " 1.5", "1.5 ", "Inf", "Infinity", "0.00", "00.5", "-0", "1.0E7"})
    void otherTextIsNotKept(String text) {
        Column x = column(List.of("1.5", text, "2.25"));
        assertEquals(3, x.textEndRef()[0], "1.5 is kept");
        assertEquals(3, x.textEndRef()[1], text + " is not kept");
        assertEquals(7, x.textEndRef()[2], "2.25 is kept");
        Column alone = CsvReader.withDefaults().read(new StringReader("x\n" + text + "\n"), "one.csv").column("x");
        assertNull(alone.textRef(), text); // as INT ("5", "-0") or DOUBLE
    }

    @Test
    void writerCopiesKeptTextAndFormatsTheRest() {
        Table read = CsvReader.withDefaults().read(new StringReader("a,b\n0.5,1.50\n107.1366,2\n,3.0\n"), "t.csv");
        assertNotNull(read.column("a").textRef());
        assertEquals(0, read.column("b").textEndRef()[1], "1.50 and 2 are not kept");
        assertEquals(3, read.column("b").textEndRef()[2], "3.0 is kept");
        Table formatted = Table.of("t", List.of(Column.ofDoubles("a", read.column("a").toDoubleArray()),
                Column.ofDoubles("b", read.column("b").toDoubleArray())));
        assertEquals(new String(CsvWriter.canonicalCsv(formatted), StandardCharsets.UTF_8),
                new String(CsvWriter.canonicalCsv(read), StandardCharsets.UTF_8));
        assertEquals("a,b\n0.5,1.5\n107.1366,2.0\n\"\",3.0\n", new String(CsvWriter.canonicalCsv(read),
                StandardCharsets.UTF_8));
    }
}
