package org.benchtop.core.plate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;

/**
 * The table-level facade of plate normalization and QC, wrapped by the KNIME nodes and the
 * {@code benchtop plates normalize|qc} commands. Input: a long table with one row per well (plate
 * key columns, well id, raw value, content label, optionally an exclusion flag). All input problems
 * are reported as {@link PlateException} (BAD_INPUT) before any output is produced.
 *
 * <p>Call tree: {@link PlateTableAdapter#read} (checks, groups rows into plates) →
 * {@link PlateEngine#analyzeAll} (per plate, in parallel: {@link GroupStatistics},
 * {@link ControlSeparation}, {@link MedianPolish}, {@link EdgeEffectTest}, the
 * {@link NormalizationMethod}s) → output tables; {@link ScreenQc} for the pooled control QC;
 * {@link PlateHeatmapRenderer} for the heatmaps.
 */
public final class PlateAnalysis {

    private PlateAnalysis() {
    }

    /**
     * Normalizes every plate with the chosen methods.
     *
     * @param input one row per well
     * @param s the settings ({@link PlateSettings#methods()} chooses the output columns)
     * @param m progress and cancellation
     * @return the input columns plus one column per method (see {@link NormalizeOutput})
     * @throws PlateException (BAD_INPUT) for bad input, missing controls or zero spread
     */
    public static NormalizeOutput normalize(Table input, PlateSettings s, ProgressMonitor m) {
        checkOutputNames(input, s);
        m.setProgress(0, "Reading plates");
        PlateTableAdapter.Layout layout = PlateTableAdapter.read(input, s);
        m.checkCanceled();
        List<PlateResult> results = engine(s, false).analyzeAll(layout.plates(), scaled(m, 0.05, 0.9));
        Table out = normalizedTable(input, s, layout, results);
        m.setProgress(1, "Done");
        return new NormalizeOutput(out, results, layout.format(), warnings(layout, results));
    }

    /**
     * Normalization and QC in one pass over the plates (the median polish is computed once): what
     * {@link #normalize} and {@link #qc} return, for a command that writes both.
     *
     * @param input one row per well
     * @param s the settings
     * @param m progress and cancellation
     * @return the normalized table and the QC tables
     * @throws PlateException (BAD_INPUT) for bad input, missing controls or zero spread
     */
    public static PlateOutput run(Table input, PlateSettings s, ProgressMonitor m) {
        checkOutputNames(input, s);
        m.setProgress(0, "Reading plates");
        PlateTableAdapter.Layout layout = PlateTableAdapter.read(input, s);
        m.checkCanceled();
        List<PlateResult> results = engine(s, true).analyzeAll(layout.plates(), scaled(m, 0.05, 0.9));
        Table normalized = normalizedTable(input, s, layout, results);
        Table qc = qcTable(input, s, layout, results);
        Table screen = screenTable(input, s, layout, results);
        Table effects = effectsTable(input, s, layout, results);
        m.setProgress(1, "Done");
        return new PlateOutput(normalized, qc, screen, effects, results, layout.format(), warnings(layout, results));
    }

    private static void checkOutputNames(Table input, PlateSettings s) {
        Set<String> names = new HashSet<>(input.columnNames());
        for (NormalizationMethod method : s.methods()) {
            if (names.contains(method.columnName())) {
                throw PlateException.badInput("%s already has a column '%s', the name of the %s output column. Rename "
                        + "or remove that input column, or do not select %s.", input.source(), method.columnName(),
                        method.columnName(), method.columnName());
            }
        }
    }

    private static Table normalizedTable(Table input, PlateSettings s, PlateTableAdapter.Layout layout,
            List<PlateResult> results) {
        int n = input.rowCount();
        int[] plateOfRow = layout.plateOfRow();
        int[] wellOfRow = layout.wellOfRow();
        // one column per method, filled in parallel (independent arrays, kept in method order)
        List<Column> extra = new ArrayList<>(s.methods()).parallelStream().map(method -> {
            double[] v = new double[n];
            int r = 0;
            while (r < n) { // runs of rows of one plate
                int p = plateOfRow[r];
                int end = r + 1;
                while (end < n && plateOfRow[end] == p) {
                    end++;
                }
                results.get(p).fill(method, wellOfRow, r, end, v);
                r = end;
            }
            return Column.ofDoubles(method.columnName(), v);
        }).collect(Collectors.toList());
        return input.withColumns(extra);
    }

    /**
     * Quality control per plate and for the screen.
     *
     * <p>Columns of the per-plate table, after the plate key columns: {@code n_neg, n_pos,
     * n_sample, n_empty, n_other} (wells used), {@code n_excluded, n_missing}; for each of
     * {@code neg}, {@code pos}, {@code sample}: {@code _mean, _sd, _median, _mad, _cv_percent};
     * {@code z_prime, robust_z_prime, ssmd, robust_ssmd, signal_to_background} (mean(neg)/mean(pos));
     * the edge test of outer-ring versus interior sample wells {@code edge_n_outer, edge_n_inner,
     * edge_statistic} (Wilcoxon W of the outer wells), {@code edge_p_value} (two-sided, normal
     * approximation with tie and continuity correction), {@code edge_effect_size} ((median outer −
     * median inner) / pooled MAD), {@code edge_welch_t, edge_welch_p_value}; the median polish of the
     * sample wells {@code medpolish_overall, residual_mad, max_row_effect, max_col_effect} (largest
     * |row|/|column| effect divided by the residual MAD); {@code pass} (Z' ≥ threshold, empty when Z'
     * is undefined).
     *
     * <p>The screen table pools the control wells of all plates that share the values of the
     * plate columns after the first (e.g. per replicate with {@code --plate plate,replicate}; all
     * plates with a single plate column), on the raw scale and on the plate-median-ratio scale, with
     * mean/SD and median/MAD statistics. Its columns are named as in the reference file
     * {@code expected_screen_qc.csv}: {@code mean_neg}/{@code sd_neg} hold the median/MAD in the
     * {@code median/MAD} rows.
     *
     * @param input one row per well
     * @param s the settings (the methods are ignored)
     * @param m progress and cancellation
     * @return the QC tables
     * @throws PlateException (BAD_INPUT) for bad input
     */
    public static QcOutput qc(Table input, PlateSettings s, ProgressMonitor m) {
        m.setProgress(0, "Reading plates");
        PlateTableAdapter.Layout layout = PlateTableAdapter.read(input, s);
        m.checkCanceled();
        List<PlateResult> results = engine(s, true).withMethods(EnumSet.noneOf(NormalizationMethod.class))
                .analyzeAll(layout.plates(), scaled(m, 0.05, 0.9));
        Table table = qcTable(input, s, layout, results);
        Table screen = screenTable(input, s, layout, results);
        Table effects = effectsTable(input, s, layout, results);
        m.setProgress(1, "Done");
        return new QcOutput(table, screen, effects, results, layout.format(), warnings(layout, results));
    }

    private static Table qcTable(Table input, PlateSettings s, PlateTableAdapter.Layout layout,
            List<PlateResult> results) {
        int[] first = layout.firstRowOfPlate();
        List<Column> cols = keyColumns(input, s.plateColumns(), first);
        int p = results.size();
        cols.add(intColumn("n_neg", results, r -> r.counts().negative()));
        cols.add(intColumn("n_pos", results, r -> r.counts().positive()));
        cols.add(intColumn("n_sample", results, r -> r.counts().sample()));
        cols.add(intColumn("n_empty", results, r -> r.counts().empty()));
        cols.add(intColumn("n_other", results, r -> r.counts().other()));
        cols.add(intColumn("n_excluded", results, r -> r.counts().excluded()));
        cols.add(intColumn("n_missing", results, r -> r.counts().missing()));
        String[] groups = { "neg", "pos", "sample" };
        for (int g = 0; g < 3; g++) {
            final int gi = g;
            java.util.function.Function<PlateResult, GroupStatistics> st = r -> gi == 0 ? r.negative()
                    : gi == 1 ? r.positive() : r.samples();
            cols.add(doubleColumn(groups[g] + "_mean", results, r -> st.apply(r).mean()));
            cols.add(doubleColumn(groups[g] + "_sd", results, r -> st.apply(r).sd()));
            cols.add(doubleColumn(groups[g] + "_median", results, r -> st.apply(r).median()));
            cols.add(doubleColumn(groups[g] + "_mad", results, r -> st.apply(r).mad()));
            cols.add(doubleColumn(groups[g] + "_cv_percent", results, r -> st.apply(r).cvPercent()));
        }
        cols.add(doubleColumn("z_prime", results, r -> r.separation().zPrime()));
        cols.add(doubleColumn("robust_z_prime", results, r -> r.separation().robustZPrime()));
        cols.add(doubleColumn("ssmd", results, r -> r.separation().ssmd()));
        cols.add(doubleColumn("robust_ssmd", results, r -> r.separation().robustSsmd()));
        cols.add(doubleColumn("signal_to_background", results, r -> r.separation().signalToBackground()));
        cols.add(intColumn("edge_n_outer", results, r -> r.edge().nOuter()));
        cols.add(intColumn("edge_n_inner", results, r -> r.edge().nInner()));
        cols.add(doubleColumn("edge_statistic", results, r -> r.edge().w()));
        cols.add(doubleColumn("edge_p_value", results, r -> r.edge().pValue()));
        cols.add(doubleColumn("edge_effect_size", results, r -> r.edge().effectSize()));
        cols.add(doubleColumn("edge_welch_t", results, r -> r.edge().welchT()));
        cols.add(doubleColumn("edge_welch_p_value", results, r -> r.edge().welchPValue()));
        cols.add(doubleColumn("medpolish_overall", results, r -> r.polish() == null ? Double.NaN
                : r.polish().overall()));
        cols.add(doubleColumn("residual_mad", results, PlateResult::residualMad));
        cols.add(doubleColumn("max_row_effect", results, PlateResult::maxRowEffect));
        cols.add(doubleColumn("max_col_effect", results, PlateResult::maxColumnEffect));
        Boolean[] pass = new Boolean[p];
        for (int i = 0; i < p; i++) {
            pass[i] = results.get(i).pass();
        }
        cols.add(Column.ofBooleans("pass", pass));
        return Table.of(input.source() + " (plate QC)", cols);
    }

    /**
     * One heatmap per plate of the raw values or of a normalization, all on one colour scale so
     * that plates can be compared: sequential (viridis) from the 1st to the 99th percentile of all
     * sample wells of the input for raw values, percentages and ratios; diverging (blue–white–red)
     * from −3 to 3 for z-score, robust z-score and B-score. Excluded wells are crossed out,
     * wells without a value are grey, negative and positive controls and empty wells are marked N, P
     * and E. The title
     * names the plate and the subtitle gives Z', the edge test and the largest row and column
     * effects.
     *
     * @param input one row per well
     * @param s the settings
     * @param valueName {@link PlateSettings#valueColumn()} for raw values, or a method column name
     *        such as {@code b_score}
     * @param m progress and cancellation
     * @return one heatmap per plate, in order of first appearance
     * @throws PlateException (BAD_INPUT) for bad input or an unknown value name
     */
    public static List<PlateHeatmap> heatmaps(Table input, PlateSettings s, String valueName, ProgressMonitor m) {
        NormalizationMethod method = null;
        if (!valueName.equals(s.valueColumn())) {
            try {
                method = NormalizationMethod.ofName(valueName);
            } catch (PlateException e) {
                throw PlateException.badInput("Cannot draw '%s': give the value column '%s' or one of the methods %s",
                        valueName, s.valueColumn(), String.join(", ", NormalizationMethod.names()));
            }
        }
        m.setProgress(0, "Reading plates");
        PlateTableAdapter.Layout layout = PlateTableAdapter.read(input, s);
        Set<NormalizationMethod> methods = method == null ? EnumSet.noneOf(NormalizationMethod.class)
                : EnumSet.of(method);
        List<PlateResult> results = engine(s, true).withMethods(methods).analyzeAll(layout.plates(),
                scaled(m, 0.05, 0.5));
        return PlateHeatmapRenderer.withDefaults().renderAll(results, method, valueName, scaled(m, 0.5, 1));
    }

    private static PlateEngine engine(PlateSettings s, boolean qc) {
        return PlateEngine.of(s.methods()).withQc(qc).withZPrimeThreshold(s.zPrimeThreshold())
                .withLabels(s.negativeLabel(), s.positiveLabel(), s.sampleLabel());
    }

    private static Table screenTable(Table input, PlateSettings s, PlateTableAdapter.Layout layout,
            List<PlateResult> results) {
        List<String> groupNames = s.plateColumns().subList(1, s.plateColumns().size());
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            List<String> key = results.get(i).plate().key();
            groups.computeIfAbsent(key.subList(1, key.size()), k -> new ArrayList<>()).add(Integer.valueOf(i));
        }
        int[] first = layout.firstRowOfPlate();
        List<Integer> repRows = new ArrayList<>();
        List<String> scale = new ArrayList<>();
        List<String> stat = new ArrayList<>();
        List<ScreenQc.Result> q = new ArrayList<>();
        for (List<Integer> plates : groups.values()) {
            double[][] raw = new double[2][];
            double[][] ratio = new double[2][];
            for (int c = 0; c < 2; c++) {
                WellContent want = c == 0 ? WellContent.NEGATIVE : WellContent.POSITIVE;
                int count = 0;
                for (Integer pi : plates) {
                    count += want == WellContent.NEGATIVE ? results.get(pi.intValue()).negative().n()
                            : results.get(pi.intValue()).positive().n();
                }
                double[] rv = new double[count];
                double[] qv = new double[count];
                int k = 0;
                for (Integer pi : plates) {
                    PlateResult r = results.get(pi.intValue());
                    PlateData d = r.plate();
                    double med = r.samples().median();
                    for (int w = 0; w < d.format().wells(); w++) {
                        if (d.contentOf(w) == want && d.isUsed(w)) {
                            if (k == rv.length) { // cannot happen: the counts are of these wells
                                rv = Arrays.copyOf(rv, 2 * k + 16);
                                qv = Arrays.copyOf(qv, 2 * k + 16);
                            }
                            rv[k] = d.value(w);
                            qv[k] = d.value(w) / med;
                            k++;
                        }
                    }
                }
                raw[c] = k == rv.length ? rv : Arrays.copyOf(rv, k);
                ratio[c] = k == qv.length ? qv : Arrays.copyOf(qv, k);
            }
            for (int sc = 0; sc < 2; sc++) {
                for (ScreenQc.Result r : ScreenQc.both(sc == 0 ? raw[0] : ratio[0], sc == 0 ? raw[1] : ratio[1])) {
                    repRows.add(Integer.valueOf(first[plates.get(0).intValue()]));
                    scale.add(sc == 0 ? "raw" : "plate_median_ratio");
                    stat.add(r.statistics().label());
                    q.add(r);
                }
            }
        }
        int[] rows = repRows.stream().mapToInt(Integer::intValue).toArray();
        List<Column> cols = keyColumns(input, groupNames, rows);
        cols.add(Column.ofStrings("scale", scale.toArray(new String[0])));
        cols.add(Column.ofStrings("statistics", stat.toArray(new String[0])));
        cols.add(intColumn("n_neg", q, ScreenQc.Result::nNeg));
        cols.add(intColumn("n_pos", q, ScreenQc.Result::nPos));
        cols.add(doubleColumn("mean_neg", q, ScreenQc.Result::locationNeg));
        cols.add(doubleColumn("mean_pos", q, ScreenQc.Result::locationPos));
        cols.add(doubleColumn("sd_neg", q, ScreenQc.Result::spreadNeg));
        cols.add(doubleColumn("sd_pos", q, ScreenQc.Result::spreadPos));
        cols.add(doubleColumn("z_prime", q, ScreenQc.Result::zPrime));
        cols.add(doubleColumn("ssmd", q, ScreenQc.Result::ssmd));
        cols.add(doubleColumn("signal_to_background", q, ScreenQc.Result::signalToBackground));
        cols.add(doubleColumn("cv_neg_percent", q, ScreenQc.Result::cvNegPercent));
        cols.add(doubleColumn("cv_pos_percent", q, ScreenQc.Result::cvPosPercent));
        return Table.of(input.source() + " (screen QC)", cols);
    }

    private static Table effectsTable(Table input, PlateSettings s, PlateTableAdapter.Layout layout,
            List<PlateResult> results) {
        PlateFormat f = layout.format();
        int per = 1 + f.rows() + f.columns();
        int n = results.size() * per;
        int[] rows = new int[n];
        String[] effect = new String[n];
        String[] position = new String[n];
        double[] value = new double[n];
        double[] relative = new double[n];
        int[] first = layout.firstRowOfPlate();
        int k = 0;
        for (int i = 0; i < results.size(); i++) {
            PlateResult r = results.get(i);
            MedianPolish.Result mp = r.polish();
            for (int e = 0; e < per; e++, k++) {
                rows[k] = first[i];
                double v;
                if (e == 0) {
                    effect[k] = "overall";
                    position[k] = null;
                    v = mp == null ? Double.NaN : mp.overall();
                } else if (e <= f.rows()) {
                    effect[k] = "row";
                    position[k] = WellId.rowLabel(e - 1);
                    v = mp == null ? Double.NaN : mp.rowEffect(e - 1);
                } else {
                    effect[k] = "column";
                    position[k] = Integer.toString(e - f.rows());
                    v = mp == null ? Double.NaN : mp.columnEffect(e - f.rows() - 1);
                }
                value[k] = v;
                relative[k] = e == 0 ? Double.NaN : v / r.residualMad();
            }
        }
        List<Column> cols = keyColumns(input, s.plateColumns(), rows);
        cols.add(Column.ofStrings("effect", effect));
        cols.add(Column.ofStrings("position", position));
        cols.add(Column.ofDoubles("value", value));
        cols.add(Column.ofDoubles("relative_to_residual_mad", relative));
        return Table.of(input.source() + " (median polish effects)", cols);
    }

    /** The given columns of the input at the given rows, with their original types. */
    static List<Column> keyColumns(Table input, List<String> names, int[] rows) {
        List<Column> out = new ArrayList<>();
        for (String name : names) {
            Column c = input.column(name);
            int n = rows.length;
            switch (c.type()) {
                case DOUBLE: {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = c.getDouble(rows[i]);
                    }
                    out.add(Column.ofDoubles(name, v));
                    break;
                }
                case INT:
                case LONG: {
                    long[] v = new long[n];
                    boolean[] miss = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        miss[i] = c.isMissing(rows[i]);
                        v[i] = miss[i] ? 0 : c.getLong(rows[i]);
                    }
                    if (c.type() == org.benchtop.core.table.ColumnType.INT) {
                        int[] iv = new int[n];
                        for (int i = 0; i < n; i++) {
                            iv[i] = (int) v[i];
                        }
                        out.add(Column.ofInts(name, iv, miss));
                    } else {
                        out.add(Column.ofLongs(name, v, miss));
                    }
                    break;
                }
                case BOOLEAN: {
                    Boolean[] v = new Boolean[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = c.isMissing(rows[i]) ? null : Boolean.valueOf(c.getBoolean(rows[i]));
                    }
                    out.add(Column.ofBooleans(name, v));
                    break;
                }
                default: {
                    String[] v = new String[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = c.getString(rows[i]);
                    }
                    out.add(Column.ofStrings(name, v));
                    break;
                }
            }
        }
        return out;
    }

    /** Per-plate issues summarised: one line per kind, naming up to five plates. */
    static List<String> warnings(PlateTableAdapter.Layout layout, List<PlateResult> results) {
        List<String> out = new ArrayList<>(layout.warnings());
        for (PlateIssue issue : PlateIssue.values()) {
            List<String> names = new ArrayList<>();
            for (PlateResult r : results) {
                if (r.issues().contains(issue)) {
                    names.add(r.plate().name());
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            String shown = String.join("; ", names.subList(0, Math.min(5, names.size())));
            if (names.size() > 5) {
                shown += "; and " + (names.size() - 5) + " more";
            }
            out.add(String.format(Locale.ROOT, "%d of %d plates: %s (%s)", Integer.valueOf(names.size()),
                    Integer.valueOf(results.size()), issue.message(), shown));
        }
        return out;
    }

    private static <T> Column doubleColumn(String name, List<T> items, java.util.function.ToDoubleFunction<T> f) {
        double[] v = new double[items.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(items.get(i));
        }
        return Column.ofDoubles(name, v);
    }

    private static <T> Column intColumn(String name, List<T> items, java.util.function.ToIntFunction<T> f) {
        int[] v = new int[items.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsInt(items.get(i));
        }
        return Column.ofInts(name, v, null);
    }

    /** A monitor reporting into the sub-range [from, to] of another. */
    static ProgressMonitor scaled(ProgressMonitor m, double from, double to) {
        return new ProgressMonitor() {
            @Override
            public void setProgress(double fraction, String message) {
                m.setProgress(from + (to - from) * fraction, message);
            }

            @Override
            public boolean isCanceled() {
                return m.isCanceled();
            }
        };
    }
}
