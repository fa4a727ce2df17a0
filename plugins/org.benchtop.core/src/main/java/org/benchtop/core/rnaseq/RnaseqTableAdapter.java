package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.benchtop.core.table.Column;
import org.benchtop.core.table.ColumnType;
import org.benchtop.core.table.Table;

/**
 * Converts tables (read from CSV or coming from KNIME ports) to the engine inputs: a
 * {@link CountMatrix} from a wide table (one gene per row, one column per sample) or a long
 * table (gene, sample, count), and a {@link SampleSheet} whose samples are matched by name to the
 * count columns. Problems are reported as {@link RnaseqException} (BAD_INPUT) naming the table,
 * line and column.
 */
public final class RnaseqTableAdapter {

    private RnaseqTableAdapter() {
    }

    /**
     * Reads a wide count table.
     *
     * @param t the table
     * @param geneColumn the gene identifier column; null for the first column
     * @return the counts; every other column is a sample and must be numeric
     */
    public static CountMatrix wideCounts(Table t, String geneColumn) {
        if (t.columnCount() < 2) {
            throw RnaseqException.badInput(
                    "%s has %d column(s); a count table needs a gene column and at least one sample column.",
                    t.source(), Integer.valueOf(t.columnCount()));
        }
        String gc = geneColumn == null ? t.columnNames().get(0) : geneColumn;
        Column genes = column(t, gc);
        List<Column> samples = new ArrayList<>();
        for (Column c : t.columns()) {
            if (c.name().equals(gc)) {
                continue;
            }
            if (!c.isNumeric()) {
                throw RnaseqException.badInput(
                        "Column '%s' of %s is not numeric (e.g. '%s' at %s); every column except the gene column '%s' "
                                + "must hold the counts of one sample.", c.name(), t.source(), firstText(c),
                        t.locate(firstNonNumericRow(c)), gc);
            }
            samples.add(c);
        }
        int n = t.rowCount();
        int m = samples.size();
        String[] ids = new String[n];
        double[] counts = new double[n * m];
        for (int g = 0; g < n; g++) {
            ids[g] = genes.getString(g);
            if (ids[g] == null || ids[g].isEmpty()) {
                throw RnaseqException.badInput("The gene identifier is missing at %s (column '%s').", t.locate(g), gc);
            }
        }
        for (int j = 0; j < m; j++) {
            Column c = samples.get(j);
            for (int g = 0; g < n; g++) {
                double v = c.getDouble(g);
                if (Double.isNaN(v)) {
                    throw RnaseqException.badInput(
                            "Missing count for gene '%s' in sample column '%s' (%s). Give every count; use 0 if no reads "
                                    + "were observed.", ids[g], c.name(), t.locate(g));
                }
                counts[g * m + j] = v;
            }
        }
        String[] names = new String[m];
        for (int j = 0; j < m; j++) {
            names[j] = samples.get(j).name();
        }
        return CountMatrix.wrap(ids, names, counts);
    }

    /**
     * Reads a long count table (one row per gene and sample).
     *
     * @param t the table
     * @param geneColumn gene identifier column
     * @param sampleColumn sample name column
     * @param countColumn count column
     * @return the counts; genes in order of first appearance, samples likewise
     */
    public static CountMatrix longCounts(Table t, String geneColumn, String sampleColumn, String countColumn) {
        Column gc = column(t, geneColumn);
        Column sc = column(t, sampleColumn);
        Column cc = column(t, countColumn);
        if (!cc.isNumeric()) {
            throw RnaseqException.badInput("The count column '%s' of %s is not numeric (e.g. '%s' at %s).", countColumn,
                    t.source(), firstText(cc), t.locate(firstNonNumericRow(cc)));
        }
        Map<String, Integer> gIdx = new LinkedHashMap<>();
        Map<String, Integer> sIdx = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String g = gc.getString(r);
            String s = sc.getString(r);
            if (g == null || s == null) {
                throw RnaseqException.badInput("Gene or sample is missing at %s.", t.locate(r));
            }
            gIdx.putIfAbsent(g, Integer.valueOf(gIdx.size()));
            sIdx.putIfAbsent(s, Integer.valueOf(sIdx.size()));
        }
        int n = gIdx.size();
        int m = sIdx.size();
        double[] counts = new double[n * m];
        java.util.Arrays.fill(counts, Double.NaN);
        for (int r = 0; r < t.rowCount(); r++) {
            int g = gIdx.get(gc.getString(r)).intValue();
            int s = sIdx.get(sc.getString(r)).intValue();
            if (!Double.isNaN(counts[g * m + s])) {
                throw RnaseqException.badInput("Gene '%s' and sample '%s' occur twice (again at %s); give one count per "
                        + "gene and sample.", gc.getString(r), sc.getString(r), t.locate(r));
            }
            counts[g * m + s] = cc.getDouble(r);
        }
        String[] genes = gIdx.keySet().toArray(new String[0]);
        String[] samples = sIdx.keySet().toArray(new String[0]);
        for (int g = 0; g < n; g++) {
            for (int s = 0; s < m; s++) {
                if (Double.isNaN(counts[g * m + s])) {
                    throw RnaseqException.badInput(
                            "%s has no count for gene '%s' in sample '%s'; a long table needs a row for every gene and "
                                    + "sample.", t.source(), genes[g], samples[s]);
                }
            }
        }
        return CountMatrix.wrap(genes, samples, counts);
    }

    /**
     * Builds the sample sheet for a design, aligned with the count columns.
     *
     * @param t the sample annotation table
     * @param sampleColumn the sample name column; null for the first column
     * @param formula the design (its variables become factors or numeric covariates)
     * @param factors columns to treat as factors even if numeric (e.g. batch numbers)
     * @param countSamples the sample names of the count table, in column order
     * @return the sheet, rows in the order of the count columns
     * @throws RnaseqException (BAD_INPUT) if the sample names do not match, naming both sides
     */
    public static SampleSheet sheet(Table t, String sampleColumn, DesignFormula formula, Set<String> factors,
            List<String> countSamples) {
        if (t.columnCount() == 0) {
            throw RnaseqException.badInput("The sample sheet %s has no columns.", t.source());
        }
        String sc = sampleColumn == null ? t.columnNames().get(0) : sampleColumn;
        Column names = column(t, sc);
        Map<String, Integer> row = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String s = names.getString(r);
            if (s == null || s.isEmpty()) {
                throw RnaseqException.badInput("The sample name is missing at %s (column '%s').", t.locate(r), sc);
            }
            if (row.put(s, Integer.valueOf(r)) != null) {
                throw RnaseqException.badInput("Sample '%s' occurs twice in the sample sheet (%s).", s, t.locate(r));
            }
        }
        Set<String> inCounts = new LinkedHashSet<>(countSamples);
        List<String> missing = new ArrayList<>();
        for (String s : countSamples) {
            if (!row.containsKey(s)) {
                missing.add(s);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String s : row.keySet()) {
            if (!inCounts.contains(s)) {
                extra.add(s);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw RnaseqException.badInput(
                    "The sample names of the count table and of the sample sheet (%s, column '%s') do not match. "
                            + "Count columns without a sheet row: %s. Sheet rows without a count column: %s. "
                            + "Names must be identical (case and spaces included).", t.source(), sc,
                    missing.isEmpty() ? "none" : String.join(", ", missing),
                    extra.isEmpty() ? "none" : String.join(", ", extra.stream().sorted().toList()));
        }
        SampleSheet sheet = SampleSheet.of(countSamples);
        for (String var : formula.variables()) {
            Column c = t.findColumn(var).orElseThrow(() -> RnaseqException.badInput(
                    "The design uses '%s', but the sample sheet %s has no such column; its columns are: %s.", var,
                    t.source(), String.join(", ", t.columnNames())));
            boolean asFactor = !c.isNumeric() || factors.contains(var);
            if (asFactor) {
                List<String> labels = new ArrayList<>();
                for (String s : countSamples) {
                    int r = row.get(s).intValue();
                    String v = c.getString(r);
                    if (v == null || v.isEmpty()) {
                        throw RnaseqException.badInput(
                                "Sample '%s' has no value for design variable '%s' (%s); DESeq2 does not allow missing "
                                        + "values in design variables.", s, var, t.locate(r));
                    }
                    labels.add(v);
                }
                sheet = sheet.withFactor(var, labels);
            } else {
                double[] v = new double[countSamples.size()];
                for (int i = 0; i < v.length; i++) {
                    int r = row.get(countSamples.get(i)).intValue();
                    v[i] = c.getDouble(r);
                    if (Double.isNaN(v[i])) {
                        throw RnaseqException.badInput(
                                "Sample '%s' has no value for numeric design variable '%s' (%s).", countSamples.get(i),
                                var, t.locate(r));
                    }
                }
                sheet = sheet.withNumeric(var, v);
            }
        }
        return sheet;
    }

    private static Column column(Table t, String name) {
        return t.findColumn(name).orElseThrow(() -> RnaseqException.badInput(
                "%s has no column '%s'; its columns are: %s.", t.source(), name, String.join(", ", t.columnNames())));
    }

    private static int firstNonNumericRow(Column c) {
        if (c.type() == ColumnType.STRING || c.type() == ColumnType.BOOLEAN) {
            for (int r = 0; r < c.size(); r++) {
                if (!c.isMissing(r)) {
                    return r;
                }
            }
        }
        return 0;
    }

    private static String firstText(Column c) {
        String s = c.size() == 0 ? "" : c.getString(firstNonNumericRow(c));
        return s == null ? "" : s;
    }
}
