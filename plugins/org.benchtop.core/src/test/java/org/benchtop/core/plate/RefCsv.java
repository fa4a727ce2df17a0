package org.benchtop.core.plate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the reference CSV files of this package (test resources) as lists of string maps. */
final class RefCsv {

    private RefCsv() {
    }

    static List<Map<String, String>> read(String resource) {
        try (InputStream in = RefCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVFormat f = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            List<Map<String, String>> rows = new ArrayList<>();
            try (CSVParser p = CSVParser.parse(r, f)) {
                for (CSVRecord rec : p) {
                    rows.add(rec.toMap());
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** R's NA (and an empty field) as NaN, else the number. */
    static double num(Map<String, String> row, String column) {
        String s = row.get(column);
        if (s == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return s.isEmpty() || s.equals("NA") ? Double.NaN : Double.parseDouble(s);
    }

    /**
     * Asserts {@code |actual − expected| ≤ rel·|expected| + abs} and equal NaN patterns.
     *
     * @return the relative deviation (0 when both NaN)
     */
    static double check(double expected, double actual, double rel, double abs, String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            if (Double.isNaN(expected) != Double.isNaN(actual)) {
                throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (NA pattern)");
            }
            return 0;
        }
        double d = Math.abs(actual - expected);
        if (d > rel * Math.abs(expected) + abs) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (rel. deviation "
                    + d / Math.abs(expected) + ")");
        }
        return expected == 0 ? d : d / Math.abs(expected);
    }
}
