package org.benchtop.core.doseresponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the reference CSV files under src/test/resources/org/benchtop/core/doseresponse. */
final class DoseResponseData {

    private DoseResponseData() {
    }

    static List<Map<String, String>> read(String name) {
        try (InputStream in = DoseResponseData.class.getResourceAsStream(name);
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                rows.add(new LinkedHashMap<>(rec.toMap()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double num(Map<String, String> row, String col) {
        String v = row.get(col);
        return v == null || v.isEmpty() || v.equals("NA") ? Double.NaN : Double.parseDouble(v);
    }

    /** A data set split into curves: doses and responses per curve label, in order of first appearance (or sorted). */
    record Curves(List<String> labels, List<double[]> doses, List<double[]> responses) {
    }

    static Curves curves(String file, String curveCol, String doseCol, String respCol, boolean sortLabels) {
        Map<String, List<double[]>> by = new LinkedHashMap<>();
        for (Map<String, String> row : read(file)) {
            String k = curveCol == null ? "all" : row.get(curveCol);
            by.computeIfAbsent(k, x -> new ArrayList<>()).add(new double[] {num(row, doseCol), num(row, respCol)});
        }
        List<String> labels = new ArrayList<>(by.keySet());
        if (sortLabels) {
            labels.sort(null);
        }
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (String l : labels) {
            List<double[]> pts = by.get(l);
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            xs.add(x);
            ys.add(y);
        }
        return new Curves(labels, xs, ys);
    }

    static Curves ryegrass() {
        return curves("drc_ryegrass.csv", null, "conc", "rootl", false);
    }

    static Curves spinach() {
        return curves("drc_spinach.csv", "CURVE", "DOSE", "SLOPE", true);
    }

    static Curves sAlba() {
        return curves("drc_S.alba.csv", "Herbicide", "Dose", "DryMatter", true);
    }

    /** Relative difference, or absolute when the reference is 0. */
    static double rel(double actual, double expected) {
        return expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
    }
}
