package org.benchtop.core.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the comma-separated reference files of this package (no quoting), whose doubles are C99
 * hexadecimal floats written by R's {@code sprintf("%a")} (or "NA").
 */
final class RCsv {

    private RCsv() {
    }

    /** The data rows of a resource, header skipped. */
    static List<String[]> rows(String resource) {
        try (InputStream in = RCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A double written by R as a hexadecimal float, decimal number or NA. */
    static double num(String s) {
        return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
    }

    /** Column c (parsed) of the rows whose column key equals value, in file order. */
    static double[] column(List<String[]> rows, int key, String value, int c) {
        return rows.stream().filter(r -> r[key].equals(value)).mapToDouble(r -> num(r[c])).toArray();
    }

    /** Units in the last place between two doubles of the same sign (0 if identical). */
    static long ulps(double a, double b) {
        if (Double.doubleToLongBits(a) == Double.doubleToLongBits(b)) {
            return 0;
        }
        return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    }
}
