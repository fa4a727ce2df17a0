package org.benchtop.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

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
}
