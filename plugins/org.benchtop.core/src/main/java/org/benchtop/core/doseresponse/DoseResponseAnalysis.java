package org.benchtop.core.doseresponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.ColumnType;
import org.benchtop.core.table.Table;

/**
 * The table-level dose-response analysis behind the "Dose-Response Fitter" node and
 * {@code benchtop dose-response fit}: groups the rows of a table by the group columns (curves in
 * order of first appearance), fits each curve with {@link LogLogisticFitter} in parallel (the same
 * numbers whatever the thread count), optionally flags outliers with {@link RoutOutliers} and refits
 * without them, compares models with {@link CurveComparison} and renders {@link DoseResponsePlot}s.
 *
 * <p>Outputs:
 * <ul>
 * <li>{@code fits}: one row per group: the group columns, {@code model}, {@code n}, then
 * {@code hill_slope, bottom, top, ec50, asymmetry} (fixed parameters show their fixed value), each
 * estimated one with {@code _se, _lower, _upper} (t-based 95% intervals; for {@code ec50} the
 * interval is computed on the log scale and transformed back); {@code log10_ec50, rse, rss, df,
 * r_squared, aic, iterations, converged, well_determined, reason}; {@code ed<p>, ed<p>_se} per
 * requested level; {@code auc} (area under the fitted curve over the tested non-zero dose range on
 * log10 dose, see {@link LogLogisticFitter.Result#auc()}); {@code outliers} (count, robust option
 * only). When a curve is not well determined its EC50 and ED columns are missing and
 * {@code reason} says why (and where the optimiser stopped): an EC50 at infinity is never presented
 * as a result.</li>
 * <li>{@code points}: every input row: the group columns, {@code dose}, {@code response},
 * {@code fitted}, {@code residual}, {@code outlier} (missing when the robust option is off). Rows
 * with a missing dose or response are kept with missing fitted values and are not used in fits.
 * Left out by {@link #withPointTable withPointTable(false)}.</li>
 * <li>{@code comparisons} (option): extra-sum-of-squares F tests: one curve for all groups against
 * separate curves (when there are several groups, at most {@value #MAX_JOINT_GROUPS}), and per
 * group the model with one parameter fewer (LL.5 with f = 1, LL.4 with c = 0) against the chosen
 * one: {@code comparison, group, null_model, alternative_model, rss_null, df_null, rss_alternative,
 * df_alternative, f, p_value, preferred_at_0.05}.</li>
 * <li>{@code ratios} (option): ED50 ratios between every pair of groups i &lt; j (in order of first
 * appearance) as drc's {@code EDcomp(fit, c(50, 50))}: the well-determined curves are fitted jointly
 * with nothing shared and one pooled residual variance, and the SE is the delta method on the joint
 * covariance ({@link LogLogisticFitter.JointResult#edRatio}): {@code numerator, denominator,
 * ed50_ratio, se, lower, upper} (t-based 95% interval), {@code t} (for ratio = 1), {@code p_value},
 * {@code df}, {@code reason} (why a ratio is missing). At most {@value #MAX_JOINT_GROUPS} groups.</li>
 * <li>plots (option): one PNG per group.</li>
 * </ul>
 * Bad input (a missing column, non-numeric values, a negative dose, a group with fewer points than
 * parameters, a constant response, an all-missing group, settings that leave nothing to fit) throws
 * {@link DoseResponseException} (BAD_INPUT) naming the group and the row before anything is fitted.
 */
public final class DoseResponseAnalysis {

    /**
     * The most groups fitted together in one joint fit (the ED50 ratio table, the "one curve for all
     * groups" F test): the joint problem has one parameter block per group.
     */
    public static final int MAX_JOINT_GROUPS = 100;

    private final int parallelism;
    private final boolean pointTable;

    private DoseResponseAnalysis(int parallelism, boolean pointTable) {
        this.parallelism = parallelism;
        this.pointTable = pointTable;
    }

    /** @return an analysis using the common fork-join pool that produces every table */
    public static DoseResponseAnalysis withDefaults() {
        return new DoseResponseAnalysis(0, true);
    }

    /**
     * @param threads worker threads (0: the common fork-join pool); results do not depend on it
     * @return a copy
     */
    public DoseResponseAnalysis withParallelism(int threads) {
        if (threads < 0) {
            throw DoseResponseException.badInput("The number of threads must be >= 0, not %d", Integer.valueOf(threads));
        }
        return new DoseResponseAnalysis(threads, pointTable);
    }

    /**
     * Whether {@link Output#points()} is produced: one row per input row (millions for a screening
     * campaign), so a caller that does not use it (the command line without {@code --points}) can
     * leave it out. The fits do not depend on it.
     *
     * @param produce {@code false} to leave the point table out ({@link Output#points()} is then {@code null})
     * @return a copy
     */
    public DoseResponseAnalysis withPointTable(boolean produce) {
        return new DoseResponseAnalysis(parallelism, produce);
    }

    /**
     * One plot.
     *
     * @param group the group label
     * @param fileName a file name made from the label ({@code dose_response_<label>.png}, unsafe
     *        characters replaced, numbered if needed)
     * @param png the PNG bytes
     */
    public record Plot(String group, String fileName, byte[] png) {
        /** Defensive copy. */
        public Plot {
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }
    }

    /**
     * The results.
     *
     * @param fits one row per group
     * @param points one row per input row ({@code null} when the analysis was made
     *        {@linkplain DoseResponseAnalysis#withPointTable without it})
     * @param comparisons F tests ({@code null} unless requested)
     * @param ratios ED50 ratios between groups ({@code null} unless requested)
     * @param plots one PNG per group (empty unless requested)
     * @param fitResults the engine results, one per group in the order of {@code fits}
     * @param warnings remarks for the user (dropped rows, curves not well determined, outliers, ...)
     */
    public record Output(Table fits, Table points, Table comparisons, Table ratios, List<Plot> plots,
            List<LogLogisticFitter.Result> fitResults, List<String> warnings) {
        /** Copies. */
        public Output {
            plots = List.copyOf(plots);
            fitResults = List.copyOf(fitResults);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Runs the analysis.
     *
     * @param input the table
     * @param s the settings
     * @param monitor progress and cancellation ({@code null} for none)
     * @return the output
     * @throws DoseResponseException (BAD_INPUT) before any fitting for bad input or settings
     */
    public Output run(Table input, DoseResponseSettings s, ProgressMonitor monitor) {
        ProgressMonitor mon = monitor == null ? ProgressMonitor.NONE : monitor;
        LogLogisticFitter fitter = s.fitter().withParallelism(parallelism);
        Column doseCol = numericColumn(input, s.dose(), "dose");
        Column respCol = numericColumn(input, s.response(), "response");
        List<Column> groupCols = new ArrayList<>();
        for (String g : s.group()) {
            groupCols.add(column(input, g, "group"));
        }
        checkGroupNames(s);
        final int rows = input.rowCount();
        double[] dose = doseCol.toDoubleArray();
        double[] resp = respCol.toDoubleArray();

        // groups in order of first appearance
        int[] groupOf = new int[rows];
        List<Integer> firstRow = new ArrayList<>();
        assignGroups(input, groupCols, groupOf, firstRow);
        final int k = firstRow.size();
        if (rows == 0 || k == 0) {
            throw DoseResponseException.badInput("%s has no rows: nothing to fit", input.source());
        }
        if (s.ratios() && k > MAX_JOINT_GROUPS) {
            throw DoseResponseException.badInput(
                    "ED50 ratios (--ratios) come from one joint fit of all groups and are limited to %d groups, but %s has %d groups; fit subsets of the groups",
                    Integer.valueOf(MAX_JOINT_GROUPS), input.source(), Integer.valueOf(k));
        }
        String[] labels = new String[k];
        for (int g = 0; g < k; g++) {
            labels[g] = label(groupCols, firstRow.get(g).intValue());
        }
        // valid rows per group
        int[] count = new int[k];
        int[] all = new int[k];
        int dropped = 0;
        int firstDropped = -1;
        for (int r = 0; r < rows; r++) {
            all[groupOf[r]]++;
            if (Double.isNaN(dose[r]) || Double.isNaN(resp[r])) {
                dropped++;
                if (firstDropped < 0) {
                    firstDropped = r;
                }
            } else {
                count[groupOf[r]]++;
            }
        }
        int[][] rowsOf = new int[k][];
        for (int g = 0; g < k; g++) {
            if (count[g] == 0) {
                throw DoseResponseException.badInput(
                        "%s has no row with both a dose and a response (all %d rows missing, the first at %s)",
                        what(groupCols, labels[g]), Integer.valueOf(all[g]), input.locate(firstRow.get(g).intValue()));
            }
            rowsOf[g] = new int[count[g]];
        }
        int[] fill = new int[k];
        for (int r = 0; r < rows; r++) {
            if (!Double.isNaN(dose[r]) && !Double.isNaN(resp[r])) {
                int g = groupOf[r];
                rowsOf[g][fill[g]++] = r;
            }
        }
        // each curve's points, checked, in parallel; a problem is reported for the first curve that has one
        double[][] xOf = new double[k][];
        double[][] yOf = new double[k][];
        DoseResponseException[] problem = new DoseResponseException[k];
        int p = fitter.freeParameterCount();
        runInPool(() -> IntStream.range(0, k).parallel().forEach(g -> {
            try {
                points(g, rowsOf[g], dose, resp, p, groupCols, labels, input, s, xOf, yOf);
            } catch (DoseResponseException e) {
                problem[g] = e;
            }
        }));
        for (DoseResponseException e : problem) {
            if (e != null) {
                throw e;
            }
        }
        List<double[]> xs = Arrays.asList(xOf);
        List<double[]> ys = Arrays.asList(yOf);

        mon.setProgress(0.02, "Fitting " + k + " curves");
        List<LogLogisticFitter.Result> fits = new ArrayList<>(fitter.fitAll(xs, ys, Arrays.asList(labels), mon));

        // robust option: flag outliers, refit without them
        boolean[][] outlier = null;
        if (s.robust()) {
            outlier = new boolean[k][];
            final boolean[][] out = outlier;
            final LogLogisticFitter.Result[] refit = fits.toArray(new LogLogisticFitter.Result[0]);
            RoutOutliers rout = RoutOutliers.withDefaults();
            TQuantiles tq = new TQuantiles(64);
            Runnable job = () -> IntStream.range(0, k).parallel().forEach(g -> {
                RoutOutliers.Result ro = rout.detect(fitter, refit[g]);
                boolean[] o = ro.outlier();
                int nOut = ro.count();
                int n = o.length;
                if (nOut > 0 && n - nOut >= p + 1) {
                    double[] x = new double[n - nOut];
                    double[] y = new double[n - nOut];
                    double[] x0 = xs.get(g);
                    double[] y0 = ys.get(g);
                    boolean constant = true;
                    for (int i = 0, j = 0; i < n; i++) {
                        if (!o[i]) {
                            x[j] = x0[i];
                            y[j++] = y0[i];
                        }
                    }
                    for (double v : y) {
                        constant &= v == y[0];
                    }
                    boolean positive = Arrays.stream(x).anyMatch(v -> v > 0);
                    if (!constant && positive) {
                        refit[g] = fitter.fitValidated(x, y, labels[g], tq);
                    }
                }
                out[g] = o;
            });
            runInPool(job);
            fits = Arrays.asList(refit);
        }

        List<String> warnings = new ArrayList<>();
        if (dropped > 0) {
            warnings.add(String.format(Locale.ROOT,
                    "%d rows with a missing dose or response were not used (the first at %s)", Integer.valueOf(dropped),
                    input.locate(firstDropped)));
        }
        int notWd = 0;
        int outliers = 0;
        List<String> detail = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            LogLogisticFitter.Result r = fits.get(g);
            if (!r.wellDetermined()) {
                notWd++;
                if (detail.size() < 20) {
                    detail.add(what(groupCols, labels[g]) + " is not well determined: " + r.reason());
                }
            }
            for (String w : r.warnings()) {
                if (detail.size() < 20) {
                    detail.add(what(groupCols, labels[g]) + ": " + w);
                }
            }
            if (outlier != null) {
                for (boolean b : outlier[g]) {
                    outliers += b ? 1 : 0;
                }
            }
        }
        if (notWd > 0) {
            warnings.add(String.format(Locale.ROOT,
                    "%d of %d curves are not well determined: their EC50 and ED columns are left empty (see column reason)",
                    Integer.valueOf(notWd), Integer.valueOf(k)));
        }
        if (outlier != null) {
            warnings.add(String.format(Locale.ROOT,
                    "%d outliers flagged (ROUT-like, Q = 1%%) and excluded from the final fits; see column outlier",
                    Integer.valueOf(outliers)));
        }
        warnings.addAll(detail);

        Table fitTable = fitTable(input, s, groupCols, firstRow, fits, outlier, fitter, this::runInPool);
        Table points = pointTable ? pointTable(input, groupCols, dose, resp, groupOf, rowsOf, xs, fits, outlier) : null;
        Table comparisons = null;
        if (s.compare()) {
            mon.setProgress(0.9, "Comparing models");
            if (k > MAX_JOINT_GROUPS) {
                warnings.add(String.format(Locale.ROOT,
                        "The F test of one curve for all groups against separate curves was left out: it needs one joint fit of all %d groups (at most %d)",
                        Integer.valueOf(k), Integer.valueOf(MAX_JOINT_GROUPS)));
            }
            comparisons = comparisons(input, fitter, xs, ys, labels, fits);
        }
        Table ratios = null;
        if (s.ratios()) {
            mon.setProgress(0.92, "ED50 ratios");
            ratios = ratioTable(input, fitter, labels, fits, warnings);
        }
        List<Plot> plots = new ArrayList<>();
        if (s.plots()) {
            mon.setProgress(0.93, "Rendering plots");
            DoseResponsePlot plotter = DoseResponsePlot.withDefaults().withLabels(s.dose(), s.response());
            Map<String, Integer> used = new HashMap<>();
            for (int g = 0; g < k; g++) {
                mon.checkCanceled();
                LogLogisticFitter.Result r = fits.get(g);
                double[][] excluded = excluded(xs.get(g), ys.get(g), outlier == null ? null : outlier[g], r);
                boolean[] flags = excluded == null && outlier != null ? outlier[g] : null;
                byte[] png = plotter.render(labels[g].isEmpty() ? s.response() : labels[g], r, flags,
                        excluded == null ? null : excluded[0], excluded == null ? null : excluded[1]);
                String base = "dose_response_" + (labels[g].isEmpty() ? "all" : labels[g].replaceAll("[^A-Za-z0-9._-]+", "_"));
                int n = used.merge(base, Integer.valueOf(1), (a, b) -> Integer.valueOf(a.intValue() + b.intValue())).intValue();
                plots.add(new Plot(labels[g], n == 1 ? base + ".png" : base + "_" + n + ".png", png));
            }
        }
        mon.setProgress(1, "Done");
        return new Output(fitTable, points, comparisons, ratios, plots, fits, warnings);
    }

    /** The points excluded from the final fit ({dose[], response[]}) or null if none were. */
    private static double[][] excluded(double[] x, double[] y, boolean[] out, LogLogisticFitter.Result r) {
        if (out == null || r.n() == x.length) {
            return null;
        }
        int m = 0;
        for (boolean b : out) {
            m += b ? 1 : 0;
        }
        double[][] e = new double[2][m];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (out[i]) {
                e[0][j] = x[i];
                e[1][j++] = y[i];
            }
        }
        return e;
    }

    private void runInPool(Runnable job) {
        if (parallelism == 0) {
            job.run();
            return;
        }
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(parallelism);
        try {
            pool.submit(job).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("Interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    // ------------------------------------------------------------------------------------------

    private static Column column(Table t, String name, String role) {
        return t.findColumn(name).orElseThrow(() -> DoseResponseException.badInput(
                "No %s column '%s' in %s; its columns are: %s", role, name, t.source(), String.join(", ", t.columnNames())));
    }

    private static Column numericColumn(Table t, String name, String role) {
        Column c = column(t, name, role);
        if (c.isNumeric()) {
            return c;
        }
        for (int r = 0; r < c.size(); r++) {
            if (c.isMissing(r)) {
                continue;
            }
            String v = c.getString(r);
            try {
                Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw DoseResponseException.badInput(
                        "The %s column '%s' must be numeric, but %s holds '%s'", role, name, t.locate(r), v);
            }
        }
        // text that parses everywhere (e.g. forced string column): convert
        double[] v = new double[c.size()];
        for (int r = 0; r < v.length; r++) {
            v[r] = c.isMissing(r) ? Double.NaN : Double.parseDouble(c.getString(r).trim());
        }
        return Column.ofDoubles(name, v);
    }

    /**
     * Numbers the groups in order of first appearance. Each group column is read once into an array
     * of its values; a row with the same values as the row before it (the usual layout: the rows of
     * a curve follow each other) joins that row's group, any other row is looked up by its key.
     */
    private static void assignGroups(Table input, List<Column> groupCols, int[] groupOf, List<Integer> firstRow) {
        int rows = input.rowCount();
        if (groupCols.isEmpty()) {
            if (rows > 0) {
                firstRow.add(Integer.valueOf(0));
            }
            return;
        }
        Object[] values = new Object[groupCols.size()];
        for (int i = 0; i < values.length; i++) {
            Column c = groupCols.get(i);
            values[i] = values(c);
            for (int r = 0; r < rows; r++) {
                if (values[i] instanceof String[] text ? text[r] == null : c.isMissing(r)) {
                    throw DoseResponseException.badInput(
                            "The group column '%s' has a missing value at %s: fill it in or remove the row", c.name(),
                            input.locate(r));
                }
            }
        }
        boolean integerIds = groupCols.size() == 1
                && (groupCols.get(0).type() == ColumnType.INT || groupCols.get(0).type() == ColumnType.LONG);
        HashMap<Object, Integer> ids = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            if (r > 0 && sameAsPreviousRow(values, r)) {
                groupOf[r] = groupOf[r - 1];
                continue;
            }
            Object key = groupKey(groupCols, r, integerIds, sb);
            Integer g = ids.get(key);
            if (g == null) {
                g = Integer.valueOf(firstRow.size());
                ids.put(key, g);
                firstRow.add(Integer.valueOf(r));
            }
            groupOf[r] = g.intValue();
        }
    }

    /** The values of a group column: text, integers (LONG and INT), numbers or flags; missing ones null, 0 or NaN. */
    private static Object values(Column c) {
        return switch (c.type()) {
            case STRING -> c.toStringArray();
            case DOUBLE -> c.toDoubleArray();
            case INT, LONG -> {
                long[] v = new long[c.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = c.isMissing(r) ? 0 : c.getLong(r);
                }
                yield v;
            }
            case BOOLEAN -> {
                boolean[] v = new boolean[c.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = !c.isMissing(r) && c.getBoolean(r);
                }
                yield v;
            }
        };
    }

    /** Whether row r has the same value as row r - 1 in every group column (as read by {@link #values}). */
    private static boolean sameAsPreviousRow(Object[] values, int r) {
        for (Object v : values) {
            boolean same;
            if (v instanceof String[] text) {
                same = text[r].equals(text[r - 1]);
            } else if (v instanceof long[] n) {
                same = n[r] == n[r - 1];
            } else if (v instanceof double[] x) { // the same bits, so the same text
                same = Double.doubleToLongBits(x[r]) == Double.doubleToLongBits(x[r - 1]);
            } else {
                boolean[] flag = (boolean[]) v;
                same = flag[r] == flag[r - 1];
            }
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The points of curve g (rows {@code idx}) into {@code xOf[g]}, {@code yOf[g]}, checked. */
    private static void points(int g, int[] idx, double[] dose, double[] resp, int p, List<Column> groupCols,
            String[] labels, Table input, DoseResponseSettings s, double[][] xOf, double[][] yOf) {
        double[] x = new double[idx.length];
        double[] y = new double[idx.length];
        boolean constant = true;
        boolean positive = false;
        for (int i = 0; i < idx.length; i++) {
            int r = idx[i];
            x[i] = dose[r];
            y[i] = resp[r];
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw DoseResponseException.badInput("%s: %s is %s at %s; values must be finite numbers",
                        what(groupCols, labels[g]), Double.isFinite(x[i]) ? "response" : "dose",
                        Double.toString(Double.isFinite(x[i]) ? y[i] : x[i]), input.locate(r));
            }
            if (x[i] < 0) {
                throw DoseResponseException.badInput(
                        "%s: negative dose %s in column '%s' at %s; doses must be >= 0 (0 = control). Log-transformed doses? Give the doses themselves",
                        what(groupCols, labels[g]), Double.toString(x[i]), s.dose(), input.locate(r));
            }
            positive |= x[i] > 0;
            constant &= y[i] == y[0];
        }
        if (idx.length < p) {
            throw DoseResponseException.badInput(
                    "%s has %d usable points (first at %s) but model %s estimates %d parameters: need at least %d points, or fix parameters (--fix)",
                    what(groupCols, labels[g]), Integer.valueOf(idx.length), input.locate(idx[0]),
                    s.model().label(), Integer.valueOf(p), Integer.valueOf(p));
        }
        if (!positive) {
            throw DoseResponseException.badInput("%s has only controls (dose 0, first at %s): nothing to fit",
                    what(groupCols, labels[g]), input.locate(idx[0]));
        }
        if (constant && idx.length > 1) {
            throw DoseResponseException.badInput(
                    "%s has a constant response (%s in every row, first at %s): a dose-response curve cannot be fitted",
                    what(groupCols, labels[g]), Double.toString(y[0]), input.locate(idx[0]));
        }
        xOf[g] = x;
        yOf[g] = y;
    }

    /**
     * The key of row r's group: the number for one integer column, the text for one column of
     * another type, else the texts joined by a separator that cannot occur in them.
     */
    private static Object groupKey(List<Column> groupCols, int r, boolean integerIds, StringBuilder sb) {
        if (integerIds) {
            return Long.valueOf(groupCols.get(0).getLong(r));
        }
        if (groupCols.size() == 1) {
            return groupCols.get(0).getString(r);
        }
        sb.setLength(0);
        for (Column c : groupCols) {
            sb.append(c.getString(r)).append('\u0001');
        }
        return sb.toString();
    }

    private static String label(List<Column> groupCols, int row) {
        if (groupCols.isEmpty()) {
            return "";
        }
        if (groupCols.size() == 1) {
            return groupCols.get(0).getString(row);
        }
        StringBuilder sb = new StringBuilder();
        for (Column c : groupCols) {
            if (sb.length() > 0) {
                sb.append(" / ");
            }
            sb.append(c.getString(row));
        }
        return sb.toString();
    }

    private static String what(List<Column> groupCols, String label) {
        if (groupCols.isEmpty()) {
            return "The data";
        }
        StringBuilder sb = new StringBuilder("Group ");
        for (int i = 0; i < groupCols.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(groupCols.get(i).name()).append('=');
        }
        // the label holds the values joined by " / "
        String[] v = label.split(" / ", -1);
        if (v.length == groupCols.size()) {
            sb.setLength(6);
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(groupCols.get(i).name()).append("='").append(v[i]).append('\'');
            }
            return sb.toString();
        }
        return "Group '" + label + "'";
    }

    /** Output columns of the fit and point tables that a group column must not be named like. */
    private static void checkGroupNames(DoseResponseSettings s) {
        Table fits = fitLayoutUnchecked(List.of(), List.of(), s);
        Table points = pointLayoutUnchecked(List.of(), List.of());
        for (String g : s.group()) {
            if (fits.findColumn(g).isPresent() || points.findColumn(g).isPresent()) {
                throw DoseResponseException.badInput(
                        "The group column '%s' has the name of an output column of the dose-response fit; rename it (output columns: %s; %s)",
                        g, String.join(", ", fits.columnNames()), String.join(", ", points.columnNames()));
            }
        }
        if (s.group().stream().distinct().count() != s.group().size()) {
            throw DoseResponseException.badInput("A group column is named twice: %s", String.join(", ", s.group()));
        }
    }

    /**
     * The columns of the fit table that {@link #run} produces with these settings, without rows: the
     * group columns, then the result columns, which depend only on the model, the fixed parameters,
     * the ED levels and the robust option (for the node's {@code configure}).
     *
     * @param groupNames the group columns' names (as {@link DoseResponseSettings#group()})
     * @param groupTypes their types in the input table
     * @param s the settings
     * @return an empty table with exactly the columns and types of {@link Output#fits()}
     * @throws DoseResponseException (BAD_INPUT) for settings that leave nothing to fit, or a group
     *         column named like a result column
     */
    public static Table fitLayout(List<String> groupNames, List<ColumnType> groupTypes, DoseResponseSettings s) {
        checkGroupNames(s);
        return fitLayoutUnchecked(groupNames, groupTypes, s);
    }

    private static Table fitLayoutUnchecked(List<String> groupNames, List<ColumnType> groupTypes, DoseResponseSettings s) {
        List<Column> groupCols = emptyColumns(groupNames, groupTypes);
        Table none = Table.of("settings", groupCols);
        return fitTable(none, s, groupCols, List.of(), List.of(), s.robust() ? new boolean[0][] : null, s.fitter(),
                Runnable::run);
    }

    /**
     * The columns of the point table that {@link #run} produces, without rows: the group columns,
     * {@code dose, response, fitted, residual, outlier}.
     *
     * @param groupNames the group columns' names
     * @param groupTypes their types in the input table
     * @param s the settings
     * @return an empty table with exactly the columns and types of {@link Output#points()}
     * @throws DoseResponseException (BAD_INPUT) for a group column named like a result column
     */
    public static Table pointLayout(List<String> groupNames, List<ColumnType> groupTypes, DoseResponseSettings s) {
        checkGroupNames(s);
        return pointLayoutUnchecked(groupNames, groupTypes);
    }

    private static Table pointLayoutUnchecked(List<String> groupNames, List<ColumnType> groupTypes) {
        List<Column> groupCols = emptyColumns(groupNames, groupTypes);
        Table none = Table.of("settings", groupCols);
        return pointTable(none, groupCols, new double[0], new double[0], new int[0], new int[0][], List.of(), List.of(),
                null);
    }

    private static List<Column> emptyColumns(List<String> names, List<ColumnType> types) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException("one type per group column: " + names + " " + types);
        }
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            cols.add(switch (types.get(i)) {
                case DOUBLE -> Column.ofDoubles(n, new double[0]);
                case INT -> Column.ofInts(n, new int[0], null);
                case LONG -> Column.ofLongs(n, new long[0], null);
                case BOOLEAN -> Column.ofBooleans(n, new Boolean[0]);
                case STRING -> Column.ofStrings(n, new String[0]);
            });
        }
        return cols;
    }

    /**
     * ED50 ratios between every pair of groups from one joint fit of the well-determined curves
     * (their final data, without excluded outliers), nothing shared, pooled variance: drc EDcomp.
     */
    private static Table ratioTable(Table input, LogLogisticFitter fitter, String[] labels,
            List<LogLogisticFitter.Result> fits, List<String> warnings) {
        int k = fits.size();
        int[] pos = new int[k];
        List<double[]> dx = new ArrayList<>();
        List<double[]> dy = new ArrayList<>();
        List<String> labs = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            LogLogisticFitter.Result r = fits.get(g);
            pos[g] = -1;
            if (r.wellDetermined()) {
                pos[g] = dx.size();
                dx.add(r.dose());
                dy.add(r.response());
                labs.add(labels[g]);
            }
        }
        LogLogisticFitter.JointResult joint = null;
        if (dx.size() >= 2) {
            joint = fitter.fitJoint(dx, dy, labs, EnumSet.noneOf(LogLogisticParameter.class));
            if (!joint.converged()) {
                warnings.add("The joint fit behind the ED50 ratios did not converge: treat the ratios with caution");
            }
        }
        if (k < 2) {
            warnings.add("ED50 ratios need at least two groups (--group): the ratio table is empty");
        }
        int m = k * (k - 1) / 2;
        String[] num = new String[m];
        String[] den = new String[m];
        double[] ratio = new double[m];
        double[] se = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] t = new double[m];
        double[] pv = new double[m];
        int[] df = new int[m];
        boolean[] dfMissing = new boolean[m];
        String[] reason = new String[m];
        int row = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++, row++) {
                num[row] = labels[i];
                den[row] = labels[j];
                if (pos[i] >= 0 && pos[j] >= 0) {
                    EdRatio r = joint.edRatio(pos[i], pos[j], 50);
                    ratio[row] = r.ratio();
                    se[row] = r.se();
                    lo[row] = r.lower();
                    hi[row] = r.upper();
                    t[row] = r.t();
                    pv[row] = r.pValue();
                    df[row] = r.df();
                    reason[row] = "";
                } else {
                    ratio[row] = se[row] = lo[row] = hi[row] = t[row] = pv[row] = Double.NaN;
                    dfMissing[row] = true;
                    String which = pos[i] < 0 && pos[j] < 0 ? "neither curve is" : "'" + (pos[i] < 0 ? labels[i] : labels[j]) + "' is not";
                    reason[row] = which + " well determined (no finite EC50)";
                }
            }
        }
        return Table.of("dose-response ED50 ratios of " + input.source(), List.of(Column.ofStrings("numerator", num),
                Column.ofStrings("denominator", den), Column.ofDoubles("ed50_ratio", ratio), Column.ofDoubles("se", se),
                Column.ofDoubles("lower", lo), Column.ofDoubles("upper", hi), Column.ofDoubles("t", t),
                Column.ofDoubles("p_value", pv), Column.ofInts("df", df, dfMissing), Column.ofStrings("reason", reason)));
    }

    static Column pick(Column c, int[] rows) {
        int n = rows.length;
        switch (c.type()) {
            case DOUBLE: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.getDouble(rows[i]);
                }
                return Column.ofDoubles(c.name(), v);
            }
            case INT: {
                int[] v = new int[n];
                boolean[] m = new boolean[n];
                for (int i = 0; i < n; i++) {
                    m[i] = c.isMissing(rows[i]);
                    v[i] = m[i] ? 0 : (int) c.getLong(rows[i]);
                }
                return Column.ofInts(c.name(), v, m);
            }
            case LONG: {
                long[] v = new long[n];
                boolean[] m = new boolean[n];
                for (int i = 0; i < n; i++) {
                    m[i] = c.isMissing(rows[i]);
                    v[i] = m[i] ? 0 : c.getLong(rows[i]);
                }
                return Column.ofLongs(c.name(), v, m);
            }
            case BOOLEAN: {
                Boolean[] v = new Boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.isMissing(rows[i]) ? null : Boolean.valueOf(c.getBoolean(rows[i]));
                }
                return Column.ofBooleans(c.name(), v);
            }
            default: {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.getString(rows[i]);
                }
                return Column.ofStrings(c.name(), v);
            }
        }
    }

    private static String levelName(double p) {
        String s = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
        return "ed" + s;
    }

    /**
     * The fit table: one row per curve. The derived values of each curve (intervals, ED values,
     * AUC) are computed in parallel through {@code runner}, each into its own row.
     */
    private static Table fitTable(Table input, DoseResponseSettings s, List<Column> groupCols, List<Integer> firstRow,
            List<LogLogisticFitter.Result> fits, boolean[][] outlier, LogLogisticFitter fitter,
            java.util.function.Consumer<Runnable> runner) {
        final int k = fits.size();
        final LogLogisticParameter[] pars = LogLogisticParameter.values();
        final int ec50 = LogLogisticParameter.EC50.ordinal();
        final List<Double> levels = s.ed();
        // one pass over the curves fills every column
        int[] n = new int[k];
        double[][] est = new double[pars.length][k];
        double[][] se = new double[pars.length][k];
        double[][] lo = new double[pars.length][k];
        double[][] hi = new double[pars.length][k];
        double[] log10 = new double[k];
        double[] rse = new double[k];
        double[] rss = new double[k];
        int[] df = new int[k];
        double[] r2 = new double[k];
        double[] aic = new double[k];
        int[] it = new int[k];
        Boolean[] conv = new Boolean[k];
        Boolean[] wdb = new Boolean[k];
        String[] reason = new String[k];
        double[][] ed = new double[levels.size()][k];
        double[][] edSe = new double[levels.size()][k];
        double[] auc = new double[k];
        int[] outliers = new int[k];
        runner.accept(() -> IntStream.range(0, k).parallel().forEach(g -> {
            LogLogisticFitter.Result r = fits.get(g);
            boolean wd = r.wellDetermined();
            n[g] = r.n();
            for (LogLogisticParameter par : pars) {
                int j = par.ordinal();
                ParameterEstimate pe = r.estimate(par);
                // an EC50 that is not well determined is never presented as a result
                boolean blank = j == ec50 && !wd;
                est[j][g] = blank ? Double.NaN : pe.estimate();
                se[j][g] = blank ? Double.NaN : pe.se();
                if (j == ec50) {
                    double[] ci = r.ec50Interval();
                    lo[j][g] = blank ? Double.NaN : ci[0];
                    hi[j][g] = blank ? Double.NaN : ci[1];
                } else {
                    lo[j][g] = pe.lower();
                    hi[j][g] = pe.upper();
                }
            }
            log10[g] = wd ? r.log10Ec50() : Double.NaN;
            rse[g] = r.rse();
            rss[g] = r.rss();
            df[g] = r.df();
            r2[g] = r.rSquared();
            aic[g] = r.aic();
            it[g] = r.iterations();
            conv[g] = Boolean.valueOf(r.converged());
            wdb[g] = Boolean.valueOf(wd);
            reason[g] = r.reason();
            for (int l = 0; l < levels.size(); l++) {
                EffectiveDose e = r.ed(levels.get(l).doubleValue());
                ed[l][g] = wd ? e.dose() : Double.NaN;
                edSe[l][g] = wd ? e.se() : Double.NaN;
            }
            auc[g] = r.auc();
            if (outlier != null) {
                for (boolean b : outlier[g]) {
                    outliers[g] += b ? 1 : 0;
                }
            }
        }));

        List<Column> cols = new ArrayList<>();
        int[] first = firstRow.stream().mapToInt(Integer::intValue).toArray();
        for (Column c : groupCols) {
            cols.add(pick(c, first));
        }
        String[] model = new String[k];
        Arrays.fill(model, s.model().label());
        cols.add(Column.ofStrings("model", model));
        cols.add(Column.ofInts("n", n, null));
        double[] fixed = fitter.fixedValues();
        for (LogLogisticParameter par : pars) {
            int j = par.ordinal();
            cols.add(Column.ofDoubles(par.columnName(), est[j]));
            if (Double.isNaN(fixed[j])) {
                cols.add(Column.ofDoubles(par.columnName() + "_se", se[j]));
                cols.add(Column.ofDoubles(par.columnName() + "_lower", lo[j]));
                cols.add(Column.ofDoubles(par.columnName() + "_upper", hi[j]));
            }
        }
        cols.add(Column.ofDoubles("log10_ec50", log10));
        cols.add(Column.ofDoubles("rse", rse));
        cols.add(Column.ofDoubles("rss", rss));
        cols.add(Column.ofInts("df", df, null));
        cols.add(Column.ofDoubles("r_squared", r2));
        cols.add(Column.ofDoubles("aic", aic));
        cols.add(Column.ofInts("iterations", it, null));
        cols.add(Column.ofBooleans("converged", conv));
        cols.add(Column.ofBooleans("well_determined", wdb));
        cols.add(Column.ofStrings("reason", reason));
        for (int l = 0; l < levels.size(); l++) {
            String name = levelName(levels.get(l).doubleValue());
            cols.add(Column.ofDoubles(name, ed[l]));
            cols.add(Column.ofDoubles(name + "_se", edSe[l]));
        }
        cols.add(Column.ofDoubles("auc", auc));
        if (outlier != null) {
            cols.add(Column.ofInts("outliers", outliers, null));
        }
        return Table.of("dose-response fits of " + input.source(), cols);
    }

    private static Table pointTable(Table input, List<Column> groupCols, double[] dose, double[] resp, int[] groupOf,
            int[][] rowsOf, List<double[]> xs, List<LogLogisticFitter.Result> fits, boolean[][] outlier) {
        int rows = dose.length;
        double[] fitted = new double[rows];
        double[] resid = new double[rows];
        Boolean[] out = new Boolean[rows];
        Arrays.fill(fitted, Double.NaN);
        Arrays.fill(resid, Double.NaN);
        for (int g = 0; g < rowsOf.length; g++) {
            LogLogisticFitter.Result r = fits.get(g);
            int[] idx = rowsOf[g];
            boolean sameRows = r.n() == idx.length;
            double[] f = sameRows ? r.fitted() : null;
            double[] q = r.parameters();
            for (int i = 0; i < idx.length; i++) {
                int row = idx[i];
                fitted[row] = sameRows ? f[i] : LogLogisticFunction.value(xs.get(g)[i], q);
                resid[row] = resp[row] - fitted[row];
                if (outlier != null) {
                    out[row] = Boolean.valueOf(outlier[g][i]);
                }
            }
        }
        // rows not used in a fit (missing response): fitted value from the curve where the dose is known
        for (int row = 0; row < rows; row++) {
            if (Double.isNaN(fitted[row]) && !Double.isNaN(dose[row]) && dose[row] >= 0) {
                fitted[row] = LogLogisticFunction.value(dose[row], fits.get(groupOf[row]).parameters());
            }
        }
        List<Column> cols = new ArrayList<>(groupCols);
        cols.add(Column.ofDoubles("dose", dose));
        cols.add(Column.ofDoubles("response", resp));
        cols.add(Column.ofDoubles("fitted", fitted));
        cols.add(Column.ofDoubles("residual", resid));
        cols.add(Column.ofBooleans("outlier", out));
        return Table.of("dose-response points of " + input.source(), cols);
    }

    private static Table comparisons(Table input, LogLogisticFitter fitter, List<double[]> xs, List<double[]> ys,
            String[] labels, List<LogLogisticFitter.Result> fits) {
        List<CurveComparison.FTest> tests = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        if (xs.size() > 1 && xs.size() <= MAX_JOINT_GROUPS) {
            tests.add(CurveComparison.sharedVersusSeparate(fitter, xs, ys, Arrays.asList(labels)));
            groups.add("(all groups)");
        }
        double[] fixed = fitter.fixedValues();
        LogLogisticParameter drop = null;
        double value = 0;
        if (Double.isNaN(fixed[4])) {
            drop = LogLogisticParameter.ASYMMETRY;
            value = 1;
        } else if (Double.isNaN(fixed[1])) {
            drop = LogLogisticParameter.BOTTOM;
            value = 0;
        }
        if (drop != null && fitter.freeParameterCount() > 1) {
            LogLogisticFitter simpler = fitter.withFixed(drop, value);
            for (int g = 0; g < xs.size(); g++) {
                if (xs.get(g).length < simpler.freeParameterCount()) {
                    continue;
                }
                LogLogisticFitter.Result a = simpler.fit(xs.get(g), ys.get(g));
                LogLogisticFitter.Result b = fits.get(g).n() == xs.get(g).length ? fits.get(g) : fitter.fit(xs.get(g), ys.get(g));
                String simplerName = drop == LogLogisticParameter.ASYMMETRY ? "f = 1" : "c = 0";
                tests.add(CurveComparison.extraSumOfSquares(simplerName + " vs " + drop.letter() + " estimated",
                        fitter.model().label() + " with " + simplerName, fitter.model().label(), a.rss(), a.df(), b.rss(),
                        b.df()));
                groups.add(labels[g]);
            }
        }
        int m = tests.size();
        String[] comparison = new String[m];
        String[] group = new String[m];
        String[] m0 = new String[m];
        String[] m1 = new String[m];
        double[] rss0 = new double[m];
        int[] df0 = new int[m];
        double[] rss1 = new double[m];
        int[] df1 = new int[m];
        double[] f = new double[m];
        double[] pv = new double[m];
        String[] pref = new String[m];
        for (int i = 0; i < m; i++) {
            CurveComparison.FTest t = tests.get(i);
            comparison[i] = t.comparison();
            group[i] = groups.get(i);
            m0[i] = t.nullModel();
            m1[i] = t.alternativeModel();
            rss0[i] = t.rssNull();
            df0[i] = t.dfNull();
            rss1[i] = t.rssAlternative();
            df1[i] = t.dfAlternative();
            f[i] = t.f();
            pv[i] = t.pValue();
            pref[i] = t.preferred(0.05);
        }
        return Table.of("dose-response model comparisons of " + input.source(), List.of(
                Column.ofStrings("comparison", comparison), Column.ofStrings("group", group),
                Column.ofStrings("null_model", m0), Column.ofStrings("alternative_model", m1),
                Column.ofDoubles("rss_null", rss0), Column.ofInts("df_null", df0, null),
                Column.ofDoubles("rss_alternative", rss1), Column.ofInts("df_alternative", df1, null),
                Column.ofDoubles("f", f), Column.ofDoubles("p_value", pv), Column.ofStrings("preferred_at_0.05", pref)));
    }
}
