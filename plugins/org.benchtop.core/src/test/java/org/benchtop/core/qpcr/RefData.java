package org.benchtop.core.qpcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads the reference CSV files of this package (simple RFC 4180 reader, enough for R's write.csv). */
final class RefData {
    private RefData() {
    }

    /** The largest relative deviation seen by {@link #assertRel}, printed by the tests for the report. */
    static final double[] MAX = new double[1];

    static List<String[]> csv(String name) {
        InputStream in = RefData.class.getResourceAsStream(name);
        assertNotNull(in, "missing test resource " + name);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            char sep = name.endsWith(".tsv") ? '\t' : ',';
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    rows.add(split(line, sep));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static String[] split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    b.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == sep) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out.toArray(new String[0]);
    }

    /** Numeric columns of a CSV with a header, by column name. */
    static Map<String, double[]> columns(String name) {
        List<String[]> rows = csv(name);
        String[] h = rows.get(0);
        Map<String, double[]> m = new HashMap<>();
        for (int j = 0; j < h.length; j++) {
            double[] v = new double[rows.size() - 1];
            for (int i = 1; i < rows.size(); i++) {
                v[i - 1] = Double.parseDouble(rows.get(i)[j]);
            }
            m.put(h[j], v);
        }
        return m;
    }

    /** expected_qpcr.csv as dataset|method|group|gene|quantity -> value. */
    static Map<String, Double> expected() {
        Map<String, Double> m = new HashMap<>();
        List<String[]> rows = csv("expected_qpcr.csv");
        for (String[] r : rows.subList(1, rows.size())) {
            m.put(String.join("|", r[0], r[1], r[2], r[3], r[4]), Double.valueOf(r[5]));
        }
        return m;
    }

    /** Asserts |actual - expected| &le; rel·|expected| (or 1e-12 absolute when expected is 0). */
    static void assertRel(double expected, double actual, double rel, String what) {
        double dev = expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
        synchronized (MAX) {
            MAX[0] = Math.max(MAX[0], dev);
        }
        double tol = expected == 0 ? 1e-12 : rel * Math.abs(expected);
        assertEquals(expected, actual, tol, what);
    }

    static String[] rep(String a, int na, String b, int nb) {
        String[] g = new String[na + nb];
        for (int i = 0; i < g.length; i++) {
            g[i] = i < na ? a : b;
        }
        return g;
    }
}
