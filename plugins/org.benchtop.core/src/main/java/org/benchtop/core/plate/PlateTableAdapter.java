package org.benchtop.core.plate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.benchtop.core.table.Column;
import org.benchtop.core.table.ColumnType;
import org.benchtop.core.table.Table;

/**
 * Turns a long table (one row per well) into engine input, one {@link PlateData} per distinct plate
 * key, in order of first appearance, and remembers which plate and well each row is, so that
 * results can be written back row by row. Every problem with the input is reported here, before any
 * computation, as a {@link PlateException} (BAD_INPUT) naming the file and line
 * ({@link Table#locate(int)}), the plate and the well.
 */
public final class PlateTableAdapter {

    /** Entries of the cache of parsed well ids (a power of 2, above the 1536 wells of the largest plate). */
    private static final int WELL_CACHE = 4096;

    private PlateTableAdapter() {
    }

    /**
     * The input, grouped into plates.
     *
     * @param table the input table
     * @param settings the settings used
     * @param format the plate format (given or inferred)
     * @param plates the plates in order of first appearance
     * @param firstRowOfPlate the first table row of each plate
     * @param plateOfRow the plate index of each table row
     * @param wellOfRow the well index of each table row
     * @param warnings notes for the user (e.g. content labels other than {@code other} that matched no
     *        setting)
     */
    public record Layout(Table table, PlateSettings settings, PlateFormat format, List<PlateData> plates,
            int[] firstRowOfPlate, int[] plateOfRow, int[] wellOfRow, List<String> warnings) {

        /** Copies the arrays. */
        public Layout {
            plates = List.copyOf(plates);
            warnings = List.copyOf(warnings);
            firstRowOfPlate = firstRowOfPlate.clone();
            plateOfRow = plateOfRow.clone();
            wellOfRow = wellOfRow.clone();
        }

        /** @return the first table row of each plate (a copy) */
        @Override
        public int[] firstRowOfPlate() {
            return firstRowOfPlate.clone();
        }

        /** @return the plate index of each row (a copy) */
        @Override
        public int[] plateOfRow() {
            return plateOfRow.clone();
        }

        /** @return the well index of each row (a copy) */
        @Override
        public int[] wellOfRow() {
            return wellOfRow.clone();
        }
    }

    /**
     * Reads and checks the input.
     *
     * @param table one row per well
     * @param s the settings
     * @return the plates and the row mapping
     * @throws PlateException (BAD_INPUT) for an empty table, a missing column, a missing plate key,
     *         an unknown or out-of-format well id, a duplicate well in a plate, a non-numeric or
     *         infinite value, or an unreadable exclusion flag
     */
    public static Layout read(Table table, PlateSettings s) {
        int n = table.rowCount();
        String src = table.source();
        if (n == 0) {
            throw PlateException.badInput("%s has no rows; give a table with one row per well (columns %s, %s, %s, %s)",
                    src, String.join(",", s.plateColumns()), s.wellColumn(), s.valueColumn(), s.contentColumn());
        }
        List<Column> keyCols = new ArrayList<>();
        for (String p : s.plateColumns()) {
            keyCols.add(column(table, p, "plate", "--plate"));
        }
        Column wellCol = column(table, s.wellColumn(), "well", "--well");
        Column valueCol = column(table, s.valueColumn(), "value", "--value");
        Column contentCol = column(table, s.contentColumn(), "content", "--content");
        Column excludeCol = s.excludeColumn() == null ? null : column(table, s.excludeColumn(), "exclude", "--exclude");

        // wells; well ids repeat on every plate (and the CSV reader shares equal strings), so each
        // string instance is parsed once (a small cache keyed by the instance)
        int[] parsed = new int[n];
        int maxRow = 0;
        int maxCol = 0;
        String[] seenIds = new String[WELL_CACHE];
        int[] seenParsed = new int[WELL_CACHE];
        for (int r = 0; r < n; r++) {
            String id = wellCol.getString(r);
            int p;
            int slot = id == null ? 0 : id.hashCode() & (WELL_CACHE - 1);
            if (id != null && seenIds[slot] == id) {
                p = seenParsed[slot];
            } else {
                p = WellId.parse(id);
                if (id != null) {
                    seenIds[slot] = id;
                    seenParsed[slot] = p;
                }
            }
            if (p == WellId.INVALID) {
                throw PlateException.badInput("%s: '%s' in well column '%s' is not a well id. Use a row letter (A-Z, "
                        + "AA-AF) followed by a column number, e.g. A1, A01, P24, AF48.", table.locate(r),
                        id == null ? "(empty)" : id, s.wellColumn());
            }
            parsed[r] = p;
            maxRow = Math.max(maxRow, WellId.row(p));
            maxCol = Math.max(maxCol, WellId.column(p));
        }
        PlateFormat format = s.format();
        if (format == null) {
            if (!PlateFormat.WELLS_1536.contains(maxRow, maxCol)) {
                int bad = firstOutside(parsed, PlateFormat.WELLS_1536);
                throw PlateException.badInput("%s: well '%s' lies outside every plate format (the largest, 1536 wells, "
                        + "has rows A-AF and columns 1-48). Correct the well id.", table.locate(bad),
                        wellCol.getString(bad).trim());
            }
            format = PlateFormat.smallestHolding(maxRow, maxCol);
        } else if (!format.contains(maxRow, maxCol)) {
            int bad = firstOutside(parsed, format);
            throw PlateException.badInput("%s: well '%s' lies outside the %s plate (rows A-%s, columns 1-%d). Correct "
                    + "the well id, or set the plate format (--format) to the size of your plates.", table.locate(bad),
                    wellCol.getString(bad).trim(), format, WellId.rowLabel(format.rows() - 1),
                    Integer.valueOf(format.columns()));
        }

        // values
        double[] values = values(table, valueCol, s);
        boolean[] excluded = excludeCol == null ? new boolean[n] : flags(table, excludeCol);

        // plates
        int wells = format.wells();
        Map<String, Integer> index = new HashMap<>();
        List<double[]> vals = new ArrayList<>();
        List<WellContent[]> contents = new ArrayList<>();
        List<boolean[]> excl = new ArrayList<>();
        List<int[]> rowOfWell = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        List<Integer> firstRows = new ArrayList<>();
        int[] plateOfRow = new int[n];
        int[] wellOfRow = new int[n];
        String[] key = new String[keyCols.size()];
        StringBuilder sb = new StringBuilder();
        int lastPlate = -1;
        Map<String, Integer> otherLabels = new LinkedHashMap<>();
        WellContent lastContent = null;
        String lastLabel = null;
        for (int r = 0; r < n; r++) {
            int plate;
            if (lastPlate >= 0 && sameKeyAsPreviousRow(keyCols, r)) {
                plate = lastPlate; // rows of a plate are usually adjacent: no key string needed
            } else {
                sb.setLength(0);
                for (int k = 0; k < key.length; k++) {
                    String v = keyCols.get(k).getString(r);
                    if (v == null) {
                        throw PlateException.badInput("%s: plate column '%s' is empty, so the row belongs to no "
                                + "plate. Fill in the plate, or remove the row.", table.locate(r), keyCols.get(k).name());
                    }
                    key[k] = v;
                    sb.append(v).append('\u001f');
                }
                String ks = sb.toString();
                Integer pi = index.get(ks);
                if (pi == null) {
                    plate = vals.size();
                    index.put(ks, Integer.valueOf(plate));
                    double[] v = new double[wells];
                    Arrays.fill(v, Double.NaN);
                    vals.add(v);
                    contents.add(new WellContent[wells]);
                    excl.add(new boolean[wells]);
                    int[] rw = new int[wells];
                    Arrays.fill(rw, -1);
                    rowOfWell.add(rw);
                    keys.add(key.clone());
                    firstRows.add(Integer.valueOf(r));
                } else {
                    plate = pi.intValue();
                }
                lastPlate = plate;
            }
            int w = format.index(WellId.row(parsed[r]), WellId.column(parsed[r]));
            int[] rw = rowOfWell.get(plate);
            if (rw[w] >= 0) {
                throw PlateException.badInput("Well %s occurs twice on plate %s: %s and %s. Each plate must list each "
                        + "well once; if these are different plates (e.g. replicates), add the column that tells them "
                        + "apart to the plate columns (--plate), else remove the duplicate.", format.wellId(w),
                        name(keyCols, keys.get(plate)), table.locate(rw[w]), table.locate(r));
            }
            rw[w] = r;
            vals.get(plate)[w] = values[r];
            String label = contentCol.getString(r);
            WellContent wc;
            if (label != null && label == lastLabel) { // the CSV reader shares equal strings
                wc = lastContent;
            } else {
                wc = s.contentOf(label);
                lastLabel = label;
                lastContent = wc;
            }
            if (wc == WellContent.OTHER && (label == null || !label.trim().equalsIgnoreCase("other"))) {
                otherLabels.merge(label == null ? "(empty)" : label.trim(), Integer.valueOf(1), Integer::sum);
            }
            contents.get(plate)[w] = wc;
            excl.get(plate)[w] = excluded[r];
            plateOfRow[r] = plate;
            wellOfRow[r] = w;
        }
        List<PlateData> plates = new ArrayList<>(vals.size());
        int[] first = new int[vals.size()];
        for (int p = 0; p < vals.size(); p++) {
            first[p] = firstRows.get(p).intValue();
            plates.add(new PlateData(Arrays.asList(keys.get(p)), name(keyCols, keys.get(p)),
                    "first row " + table.locate(first[p]), format, vals.get(p), contents.get(p), excl.get(p)));
        }
        List<String> warnings = new ArrayList<>();
        if (!otherLabels.isEmpty()) {
            StringBuilder w = new StringBuilder();
            int shown = 0;
            for (Map.Entry<String, Integer> e : otherLabels.entrySet()) {
                if (shown++ == 8) {
                    w.append(", ...");
                    break;
                }
                w.append(shown > 1 ? ", " : "").append('\'').append(e.getKey()).append("' (").append(e.getValue())
                        .append(e.getValue().intValue() == 1 ? " well)" : " wells)");
            }
            warnings.add(String.format(Locale.ROOT, "Content values of column '%s' that match no label were counted "
                    + "as 'other' and left out of the control and sample statistics: %s. The labels are: negative "
                    + "'%s', positive '%s', sample '%s', empty '%s'.", s.contentColumn(), w, s.negativeLabel(),
                    s.positiveLabel(), s.sampleLabel(), PlateSettings.EMPTY_LABEL));
        }
        return new Layout(table, s, format, plates, first, plateOfRow, wellOfRow, warnings);
    }

    /** Whether row {@code r} has the same (non-missing) plate key as row {@code r − 1}. */
    private static boolean sameKeyAsPreviousRow(List<Column> keyCols, int r) {
        for (Column c : keyCols) {
            if (c.isMissing(r) || c.isMissing(r - 1)) {
                return false;
            }
            switch (c.type()) {
                case INT:
                case LONG:
                    if (c.getLong(r) != c.getLong(r - 1)) {
                        return false;
                    }
                    break;
                case DOUBLE:
                    if (Double.compare(c.getDouble(r), c.getDouble(r - 1)) != 0) {
                        return false;
                    }
                    break;
                default:
                    if (!c.getString(r).equals(c.getString(r - 1))) {
                        return false;
                    }
                    break;
            }
        }
        return true;
    }

    /** @return e.g. {@code plate=1, replicate=2} */
    static String name(List<Column> keyCols, String[] key) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < key.length; k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(keyCols.get(k).name()).append('=').append(key[k]);
        }
        return sb.toString();
    }

    private static int firstOutside(int[] parsed, PlateFormat f) {
        for (int r = 0; r < parsed.length; r++) {
            if (!f.contains(WellId.row(parsed[r]), WellId.column(parsed[r]))) {
                return r;
            }
        }
        throw new IllegalStateException();
    }

    private static Column column(Table t, String name, String role, String option) {
        Optional<Column> c = t.findColumn(name);
        if (c.isEmpty()) {
            throw PlateException.badInput("No %s column '%s' in %s; its columns are: %s. Set %s to one of them.", role,
                    name, t.source(), String.join(", ", t.columnNames()), option);
        }
        return c.get();
    }

    private static double[] values(Table t, Column c, PlateSettings s) {
        int n = t.rowCount();
        double[] v;
        if (c.isNumeric()) {
            v = c.toDoubleArray();
        } else if (c.type() == ColumnType.STRING) {
            v = new double[n];
            for (int r = 0; r < n; r++) {
                String text = c.getString(r);
                if (text == null || text.isBlank()) {
                    v[r] = Double.NaN;
                    continue;
                }
                try {
                    v[r] = Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    throw PlateException.badInput("%s: '%s' in value column '%s' is not a number. Correct it, or leave "
                            + "the cell empty (or NA) to mark a missing value.", t.locate(r), text, c.name());
                }
            }
        } else {
            throw PlateException.badInput("Value column '%s' of %s holds true/false values, not numbers; set --value "
                    + "to the column of raw measurements.", c.name(), t.source());
        }
        for (int r = 0; r < n; r++) {
            if (Double.isInfinite(v[r])) {
                throw PlateException.badInput("%s: value %s in column '%s' is infinite. Correct it, or leave the cell "
                        + "empty (or NA) to mark a missing value.", t.locate(r), Double.toString(v[r]), c.name());
            }
        }
        return v;
    }

    private static boolean[] flags(Table t, Column c) {
        int n = t.rowCount();
        boolean[] f = new boolean[n];
        for (int r = 0; r < n; r++) {
            if (c.isMissing(r)) {
                continue;
            }
            switch (c.type()) {
                case BOOLEAN:
                    f[r] = c.getBoolean(r);
                    break;
                case INT:
                case LONG:
                case DOUBLE:
                    f[r] = c.getDouble(r) != 0;
                    break;
                default: {
                    String v = c.getString(r).trim().toLowerCase(Locale.ROOT);
                    if (v.isEmpty() || v.equals("false") || v.equals("0") || v.equals("no") || v.equals("f")
                            || v.equals("n")) {
                        f[r] = false;
                    } else if (v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("t")
                            || v.equals("y")) {
                        f[r] = true;
                    } else {
                        throw PlateException.badInput("%s: '%s' in exclude column '%s' is not a flag. Use true/false, "
                                + "1/0 or yes/no (empty = not excluded).", t.locate(r), c.getString(r), c.name());
                    }
                    break;
                }
            }
        }
        return f;
    }
}
