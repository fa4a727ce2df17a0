package org.benchtop.testflows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;
import org.benchtop.knimestub.testing.StubTables;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.node.BufferedDataTable;

/**
 * Compares one output table of a node with its expected CSV, column by column for the columns the CSV has, row by
 * row in order (or, with {@code expected.<port>.key = column} in testflow.properties, each expected row with the
 * output row of the same key, so that the CSV may hold a subset of the rows): numbers within {@code max(relative * |expected|, absolute)} (equal infinities pass), text and
 * booleans exactly, and the missing pattern (NA, empty, NaN in the CSV; missing cells in KNIME) identically.
 * Every mismatch is described with scenario, port, column and row; the largest deviations are kept for the report.
 */
final class OutputComparison {

    /** At most this many mismatches are described in the failure message. */
    private static final int SHOWN = 25;

    /** The largest deviation seen in one numeric column. */
    record Deviation(double relative, double absolute, int values) {
    }

    private final Testflow flow;

    private final int port;

    private final List<String> mismatches = new ArrayList<>();

    private int mismatchCount;

    private final Map<String, Deviation> deviations = new LinkedHashMap<>();

    private OutputComparison(final Testflow flow, final int port) {
        this.flow = flow;
        this.port = port;
    }

    /**
     * @param flow the testflow (names and tolerances)
     * @param port the output port (0-based)
     * @param expected the expected table, read from the scenario's expected CSV
     * @param actual the node's output
     * @return the comparison
     */
    static OutputComparison compare(final Testflow flow, final int port, final Table expected,
        final BufferedDataTable actual) {
        OutputComparison c = new OutputComparison(flow, port);
        c.run(expected, actual);
        return c;
    }

    /** @return whether everything matched */
    boolean ok() {
        return mismatchCount == 0;
    }

    /** @return the failure message: the first mismatches and their count */
    String message() {
        StringBuilder b = new StringBuilder();
        b.append(where()).append(": ").append(mismatchCount).append(" mismatch(es)");
        for (String m : mismatches) {
            b.append("\n  ").append(m);
        }
        if (mismatchCount > mismatches.size()) {
            b.append("\n  ... and ").append(mismatchCount - mismatches.size()).append(" more");
        }
        return b.toString();
    }

    /** @return per numeric column the largest deviation from the expected values */
    Map<String, Deviation> deviations() {
        return deviations;
    }

    private String where() {
        return flow.name() + ", output port " + port;
    }

    private void fail(final String message) {
        mismatchCount++;
        if (mismatches.size() < SHOWN) {
            mismatches.add(message);
        }
    }

    private void run(final Table expected, final BufferedDataTable actual) {
        DataTableSpec spec = actual.getDataTableSpec();
        List<DataRow> rows = StubTables.rows(actual);
        int[] rowOf = outputRows(flow.keyColumn(port), expected, spec, rows);
        if (rowOf == null) {
            return;
        }
        for (Column exp : expected.columns()) {
            int col = spec.findColumnIndex(exp.name());
            if (col < 0) {
                fail("no output column '" + exp.name() + "'; the output's columns are "
                    + String.join(", ", spec.getColumnNames()));
                continue;
            }
            DataType type = spec.getColumnSpec(col).getType();
            boolean numeric = !type.equals(BooleanCell.TYPE) && type.isCompatible(DoubleValue.class);
            double rel = flow.relativeTolerance(port, exp.name());
            double abs = flow.absoluteTolerance(port, exp.name());
            double maxRel = 0;
            double maxAbs = 0;
            int values = 0;
            for (int i = 0; i < rowOf.length; i++) {
                int r = rowOf[i];
                DataCell cell = rows.get(r).getCell(col);
                String e = exp.getString(i);
                String at = "column '" + exp.name() + "', row " + r + " (0-based; " + expected.locate(i) + ")";
                if (e == null || cell.isMissing()) {
                    if (e != null || !cell.isMissing()) {
                        fail(at + ": expected " + (e == null ? "missing" : e) + ", actual "
                            + (cell.isMissing() ? "missing" : cell.toString()));
                    }
                    continue;
                }
                if (!numeric) {
                    String a = text(cell);
                    if (!a.equals(e)) {
                        fail(at + ": expected '" + e + "', actual '" + a + "'");
                    }
                    continue;
                }
                double ev;
                try {
                    ev = number(e);
                } catch (NumberFormatException ex) {
                    fail(at + ": expected '" + e + "' is not a number, but the output column is numeric");
                    continue;
                }
                double av = ((DoubleValue)cell).getDoubleValue();
                values++;
                if (Double.isInfinite(ev) || Double.isInfinite(av)) {
                    if (ev != av) {
                        fail(at + ": expected " + e + ", actual " + av);
                    }
                    continue;
                }
                double d = Math.abs(av - ev);
                double tol = Math.max(rel * Math.abs(ev), abs);
                maxAbs = Math.max(maxAbs, d);
                if (ev != 0) {
                    maxRel = Math.max(maxRel, d / Math.abs(ev));
                }
                if (!(d <= tol)) {
                    fail(String.format(Locale.ROOT, "%s: expected %s, actual %s, |difference| %.3g > tolerance %.3g "
                        + "(relative %.1g, absolute %.1g)", at, e, Double.toString(av), Double.valueOf(d),
                        Double.valueOf(tol), Double.valueOf(rel), Double.valueOf(abs)));
                }
            }
            if (numeric) {
                deviations.put(exp.name(), new Deviation(maxRel, maxAbs, values));
            }
        }
    }

    /**
     * Matches the expected rows to output rows: all output rows in order, or, with a key column
     * ({@code expected.<port>.key}), the output row with the same key for each expected row (any subset of rows).
     *
     * @return the output row of each expected row, or {@code null} after recording why they cannot be matched
     */
    private int[] outputRows(final String key, final Table expected, final DataTableSpec spec, final List<DataRow> rows) {
        int[] rowOf = new int[expected.rowCount()];
        if (key == null) {
            if (rows.size() != expected.rowCount()) {
                fail("the output has " + rows.size() + " rows, " + expected.source() + " has " + expected.rowCount());
                return null;
            }
            for (int i = 0; i < rowOf.length; i++) {
                rowOf[i] = i;
            }
            return rowOf;
        }
        int keyCol = spec.findColumnIndex(key);
        if (keyCol < 0 || !expected.columnNames().contains(key)) {
            fail("the key column '" + key + "' (expected." + port + ".key) must be in the output and in "
                + expected.source());
            return null;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            DataCell c = rows.get(r).getCell(keyCol);
            if (!c.isMissing() && index.putIfAbsent(text(c), Integer.valueOf(r)) != null) {
                fail("key '" + text(c) + "' of column '" + key + "' occurs more than once in the output (row " + r + ")");
            }
        }
        Column keys = expected.column(key);
        for (int i = 0; i < rowOf.length; i++) {
            Integer r = index.get(keys.getString(i));
            if (r == null) {
                fail("no output row with " + key + " '" + keys.getString(i) + "' (" + expected.locate(i) + ")");
            } else {
                rowOf[i] = r.intValue();
            }
        }
        return ok() ? rowOf : null;
    }

    /** A number as R and Java write them, including {@code Inf}, {@code -Inf}, {@code Infinity}. */
    private static double number(final String text) {
        String t = text.trim();
        String u = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (u.equalsIgnoreCase("inf") || u.equalsIgnoreCase("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(t);
    }

    private static String text(final DataCell cell) {
        if (cell instanceof BooleanValue b) {
            return Boolean.toString(b.getBooleanValue());
        }
        if (cell instanceof StringValue s) {
            return s.getStringValue();
        }
        return cell.toString();
    }
}
