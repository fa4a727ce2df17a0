package org.benchtop.core.qpcr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;

/**
 * Table-level facade of the qPCR engines, shared by the CLI ({@code benchtop qpcr quantify},
 * {@code standard-curve}, {@code genorm}, {@code read-rdml}) and the KNIME nodes. Input is a long
 * table of wells (one row per reaction); every method validates the whole input before computing,
 * so bad input raises a {@link QpcrException} (BAD_INPUT) and no partial output.
 *
 * <p>Pipeline of {@link #quantify}: wells ({@link QpcrTableAdapter}) → technical replicates
 * ({@link TechnicalReplicates}: mean Cq per sample × target, non-detects reported) → per target,
 * on the sample means of the unknowns: {@link LivakDdcq} / {@link DeltaCq} / {@link PfafflRatio}
 * (efficiencies from {@link StandardCurve} on the standard wells or given) / {@link QbaseNrq}
 * (samples' NRQs, then per group the geometric mean relative to the calibrator group, error = SD
 * of log2 NRQ over the group's samples, or the propagated SE for a single sample) → tests of each
 * group against the calibrator on per-sample ΔCq ({@link WelchTTest}, {@link WilcoxonRankSum}).
 * With several references the per-sample reference Cq is the mean of their Cq values (log of the
 * geometric mean of quantities).
 */
public final class QpcrAnalysis {

    /** Plot size in pixels. */
    private static final int W = 900;
    private static final int H = 540;

    private QpcrAnalysis() {
    }

    /** @return the facade (stateless) */
    public static QpcrAnalysis create() {
        return new QpcrAnalysis();
    }

    /**
     * Output of {@link #quantify}.
     *
     * @param results {@code group, target, delta_cq, delta_delta_cq, error, relative_expression, lower, upper}
     * @param samples per unknown sample and target: {@code sample, group, target, target_cq,
     *     reference_cq, delta_cq, nrq, se_nrq}
     * @param replicates per sample and target: {@code sample, group, target, type, wells, used,
     *     non_detects, mean_cq, sd_cq, high_sd, excluded_wells}
     * @param wells per input row: {@code location, well, sample, target, cq, status, note}
     * @param efficiencies per target used by Pfaffl/NRQ: {@code target, source, amplification_factor,
     *     efficiency_percent, slope, intercept, r_squared, levels}
     * @param statistics per target and group vs calibrator: {@code target, group, calibrator, test,
     *     estimate, statistic, df, p_value, lower, upper}
     * @param foldChangePlot PNG bar chart of the results, or {@code null} when no plot was asked for
     * @param warnings everything the user should know (non-detects, flagged replicates, ...)
     */
    public record QuantifyOutput(Table results, Table samples, Table replicates, Table wells, Table efficiencies,
            Table statistics, byte[] foldChangePlot, List<String> warnings) {
        /** Defensive copy. */
        public QuantifyOutput {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Relative quantification ({@code benchtop qpcr quantify}).
     *
     * @param input the long table of wells
     * @param s the settings
     * @param monitor progress and cancellation ({@code null} for none)
     * @return result tables, plot and warnings
     * @throws QpcrException (BAD_INPUT) for a missing reference gene in a sample, an absent
     *     calibrator, a target without standards or efficiency when Pfaffl needs one, a standard
     *     curve with fewer than 3 levels, and malformed values
     */
    public QuantifyOutput quantify(Table input, QuantifySettings s, ProgressMonitor monitor) {
        return quantify(input, s, true, monitor);
    }

    /**
     * Relative quantification, with or without the bar chart. Drawing the chart starts Java's
     * graphics (about 0.2 s in a fresh JVM), so batch runs that do not need it leave it out.
     *
     * @param input the long table of wells
     * @param s the settings
     * @param plot whether to draw {@link QuantifyOutput#foldChangePlot()} ({@code null} otherwise)
     * @param monitor progress and cancellation ({@code null} for none)
     * @return result tables, plot and warnings
     * @throws QpcrException (BAD_INPUT) as {@link #quantify(Table, QuantifySettings, ProgressMonitor)}
     */
    public QuantifyOutput quantify(Table input, QuantifySettings s, boolean plot, ProgressMonitor monitor) {
        ProgressMonitor m = monitor == null ? ProgressMonitor.NONE : monitor;
        if (s.reference().isEmpty() && s.method() != QuantifySettings.Method.DCQ) {
            throw QpcrException.badInput("Method %s needs at least one reference gene (--reference GAPDH[,ACTB])",
                    s.method().name().toLowerCase(Locale.ROOT));
        }
        m.setProgress(0, "reading wells");
        List<Well> wells = QpcrTableAdapter.wells(input, s.sampleColumn(), s.groupColumn(), s.targetColumn(),
                s.cqColumn(), s.wellColumn(), s.typeColumn(), s.quantityColumn(), s.plateColumn(), s.cqCutoff());
        if (wells.isEmpty()) {
            throw QpcrException.badInput("%s has no rows; nothing to quantify", input.source());
        }
        TechnicalReplicates.Result rep = TechnicalReplicates.withDefaults().withSdThreshold(s.sdThreshold())
                .withOutlierExclusion(s.excludeOutliers()).summarize(wells);
        m.checkCanceled();
        m.setProgress(0.3, "validating");
        List<String> warnings = new ArrayList<>(rep.warnings());
        // unknown samples x targets
        Map<String, Integer> sIdx = new LinkedHashMap<>();
        Map<String, Integer> tIdx = new LinkedHashMap<>();
        List<String> sGroup = new ArrayList<>();
        for (TechnicalReplicates.Summary x : rep.summaries()) {
            if (x.type() != SampleType.UNKNOWN) {
                continue;
            }
            if (!sIdx.containsKey(x.sample())) {
                if (x.group() == null || x.group().isEmpty()) {
                    throw QpcrException.badInput("Sample '%s' has no group in column '%s'; give every unknown sample "
                            + "a group", x.sample(), s.groupColumn());
                }
                sIdx.put(x.sample(), Integer.valueOf(sIdx.size()));
                sGroup.add(x.group());
            }
            tIdx.putIfAbsent(x.target(), Integer.valueOf(tIdx.size()));
        }
        if (sIdx.isEmpty()) {
            throw QpcrException.badInput("%s has no unknown samples (all wells are standards or controls); nothing "
                    + "to quantify", input.source());
        }
        int ns = sIdx.size();
        int nt = tIdx.size();
        double[][] mean = new double[ns][nt];
        double[][] se = new double[ns][nt];
        boolean[][] present = new boolean[ns][nt];
        for (double[] row : mean) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (double[] row : se) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (TechnicalReplicates.Summary x : rep.summaries()) {
            if (x.type() == SampleType.UNKNOWN) {
                int i = sIdx.get(x.sample()).intValue();
                int j = tIdx.get(x.target()).intValue();
                mean[i][j] = x.meanCq();
                se[i][j] = x.seCq();
                present[i][j] = true;
            }
        }
        List<String> samples = new ArrayList<>(sIdx.keySet());
        List<String> targets = new ArrayList<>(tIdx.keySet());
        LinkedHashSet<String> groups = new LinkedHashSet<>(sGroup);
        if (!groups.contains(s.calibrator())) {
            throw QpcrException.badInput("Calibrator group '%s' is absent from column '%s' of %s; the groups are: %s."
                    + " Set --calibrator to one of them", s.calibrator(), s.groupColumn(), input.source(),
                    String.join(", ", groups));
        }
        int[] ref = new int[s.reference().size()];
        for (int r = 0; r < ref.length; r++) {
            Integer j = tIdx.get(s.reference().get(r));
            if (j == null) {
                throw QpcrException.badInput("Reference gene '%s' is not among the targets of %s (column '%s': %s); "
                        + "check --reference", s.reference().get(r), input.source(), s.targetColumn(),
                        String.join(", ", targets));
            }
            ref[r] = j.intValue();
        }
        boolean needsRef = s.method() != QuantifySettings.Method.DCQ;
        if (needsRef) {
            for (int i = 0; i < ns; i++) {
                for (int r : ref) {
                    if (!present[i][r]) {
                        throw QpcrException.badInput("Reference gene '%s' is missing in sample '%s' (group '%s'): no "
                                + "well of %s has this sample and target. Add the reference reactions or remove the "
                                + "sample", targets.get(r), samples.get(i), sGroup.get(i), input.source());
                    }
                    if (Double.isNaN(mean[i][r])) {
                        throw QpcrException.badInput("Reference gene '%s' is not detected in sample '%s' (group '%s'):"
                                + " all its wells are non-detects. Re-run the reference or remove the sample",
                                targets.get(r), samples.get(i), sGroup.get(i));
                    }
                }
            }
        }
        List<Integer> goi = new ArrayList<>();
        for (int j = 0; j < nt; j++) {
            boolean isRef = false;
            for (int r : ref) {
                isRef |= r == j;
            }
            if (!needsRef || !isRef) {
                goi.add(Integer.valueOf(j));
            }
        }
        if (goi.isEmpty()) {
            throw QpcrException.badInput("%s holds only the reference genes (%s); add the target genes to quantify",
                    input.source(), String.join(", ", s.reference()));
        }
        double[] refCq = new double[ns];
        for (int i = 0; i < ns; i++) {
            double acc = 0;
            for (int r : ref) {
                acc += mean[i][r];
            }
            refCq[i] = ref.length == 0 ? Double.NaN : acc / ref.length;
        }
        // efficiencies
        EffTable eff = new EffTable();
        if (s.method() == QuantifySettings.Method.PFAFFL || s.method() == QuantifySettings.Method.NRQ) {
            Map<String, List<Well>> standards = new LinkedHashMap<>();
            for (Well w : wells) {
                if (w.type() == SampleType.STANDARD) {
                    standards.computeIfAbsent(w.target(), k -> new ArrayList<>()).add(w);
                }
            }
            List<Integer> needed = new ArrayList<>(goi);
            for (int r : ref) {
                needed.add(Integer.valueOf(r));
            }
            for (Integer jj : needed) {
                String t = targets.get(jj.intValue());
                Double given = s.efficiency().get(t);
                if (given != null) {
                    eff.add(t, "user", given.doubleValue(), null);
                    continue;
                }
                List<Well> std = standards.getOrDefault(t, List.of());
                if (!std.isEmpty()) {
                    StandardCurve.Result c = StandardCurve.withDefaults().fit(t,
                            std.stream().mapToDouble(Well::quantity).toArray(),
                            std.stream().mapToDouble(w -> w.cq().value()).toArray());
                    warnings.addAll(c.warnings());
                    eff.add(t, "standard curve", c.amplificationFactor(), c);
                } else if (s.method() == QuantifySettings.Method.PFAFFL) {
                    throw QpcrException.badInput("Target '%s' has no standards (wells of type std with a quantity) "
                            + "and no given efficiency, which the Pfaffl method needs: add a dilution series for it, "
                            + "or give --efficiency %s=E (e.g. 1.95)", t, t);
                } else {
                    eff.add(t, "assumed (100 %)", 2.0, null);
                    warnings.add("Target '" + t + "': no standards and no efficiency given; NRQ assumes E = 2 "
                            + "(100 %)");
                }
            }
        }
        m.checkCanceled();
        m.setProgress(0.5, "quantifying");
        List<RelativeQuantity> rows = new ArrayList<>();
        SampleRows sr = new SampleRows();
        StatRows st = new StatRows();
        String refLabel = String.join("+", s.reference());
        Map<String, QbaseNrq.SampleNrq> nrqBy = new LinkedHashMap<>();
        if (s.method() == QuantifySettings.Method.NRQ) {
            double[] e = new double[nt];
            for (int j = 0; j < nt; j++) {
                e[j] = eff.e.getOrDefault(targets.get(j), Double.valueOf(2)).doubleValue();
            }
            QbaseNrq.Result nr = QbaseNrq.withDefaults().compute(samples, targets, mean, se, e, s.reference());
            for (QbaseNrq.SampleNrq q : nr.rows()) {
                nrqBy.put(q.sample() + '\u0000' + q.target(), q);
            }
        }
        for (Integer jj : goi) {
            int j = jj.intValue();
            String t = targets.get(j);
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < ns; i++) {
                if (present[i][j]) {
                    idx.add(Integer.valueOf(i));
                }
            }
            String[] g = new String[idx.size()];
            double[] tc = new double[idx.size()];
            double[] rc = new double[idx.size()];
            for (int k = 0; k < g.length; k++) {
                int i = idx.get(k).intValue();
                g[k] = sGroup.get(i);
                tc[k] = mean[i][j];
                rc[k] = refCq[i];
            }
            requireCalibratorSamples(g, t, s.calibrator());
            List<RelativeQuantity> tr;
            switch (s.method()) {
                case DDCQ -> {
                    LivakDdcq.Result r = LivakDdcq.of(s.mode()).compute(t, refLabel, g, tc, rc, s.calibrator());
                    warnings.addAll(r.warnings());
                    tr = r.rows();
                }
                case DCQ -> {
                    DeltaCq.Result r = DeltaCq.withDefaults().compute(t, g, tc, s.calibrator());
                    warnings.addAll(r.warnings());
                    tr = r.rows();
                }
                case PFAFFL -> {
                    String[][] gr = new String[ref.length][];
                    double[][] cr = new double[ref.length][];
                    double[] er = new double[ref.length];
                    for (int r = 0; r < ref.length; r++) {
                        gr[r] = g;
                        cr[r] = new double[g.length];
                        for (int k = 0; k < g.length; k++) {
                            cr[r][k] = mean[idx.get(k).intValue()][ref[r]];
                        }
                        er[r] = eff.e.get(targets.get(ref[r])).doubleValue();
                    }
                    PfafflRatio.Result r = PfafflRatio.withDefaults().compute(t, eff.e.get(t).doubleValue(), g, tc,
                            s.reference(), er, gr, cr, s.calibrator());
                    warnings.addAll(r.warnings());
                    tr = r.rows();
                }
                default -> tr = nrqGroups(t, g, idx, samples, nrqBy, s.calibrator(), warnings);
            }
            rows.addAll(tr);
            // per-sample table and statistics on ΔCq
            double[] d = new double[g.length];
            for (int k = 0; k < g.length; k++) {
                int i = idx.get(k).intValue();
                d[k] = needsRef ? tc[k] - rc[k] : tc[k];
                QbaseNrq.SampleNrq q = nrqBy.get(samples.get(i) + '\u0000' + t);
                sr.add(samples.get(i), g[k], t, tc[k], rc[k], needsRef ? d[k] : Double.NaN,
                        q == null ? Double.NaN : q.nrq(), q == null ? Double.NaN : q.seNrq());
            }
            st.tests(t, g, d, s.calibrator(), warnings);
            m.checkCanceled();
        }
        m.setProgress(0.9, "plotting");
        byte[] png = plot ? QpcrPlots.foldChangeChart("Relative expression (" + methodLabel(s) + ")", rows,
                s.calibrator(), W, H) : null;
        m.setProgress(1, "done");
        return new QuantifyOutput(resultsTable(rows, input.source()), sr.table(), replicatesTable(rep),
                wellsTable(rep), eff.table(), st.table(), png, warnings);
    }

    private static String methodLabel(QuantifySettings s) {
        return switch (s.method()) {
            case DDCQ -> "2^-ΔΔCq, " + (s.mode() == LivakDdcq.Mode.SAME_TUBE ? "same tube" : "separate tubes")
                    + ", reference " + String.join("+", s.reference());
            case DCQ -> "ΔCq, no reference";
            case PFAFFL -> "Pfaffl, reference " + String.join("+", s.reference());
            case NRQ -> "NRQ (qbase+), references " + String.join("+", s.reference());
        };
    }

    private static void requireCalibratorSamples(String[] g, String target, String calibrator) {
        for (String x : g) {
            if (x.equals(calibrator)) {
                return;
            }
        }
        throw QpcrException.badInput("Target '%s' has no sample in the calibrator group '%s'; measure it in the "
                + "calibrator or choose another calibrator", target, calibrator);
    }

    private static List<RelativeQuantity> nrqGroups(String t, String[] g, List<Integer> idx, List<String> samples,
            Map<String, QbaseNrq.SampleNrq> nrqBy, String calibrator, List<String> warnings) {
        Map<String, List<QbaseNrq.SampleNrq>> byGroup = new LinkedHashMap<>();
        for (int k = 0; k < g.length; k++) {
            QbaseNrq.SampleNrq q = nrqBy.get(samples.get(idx.get(k).intValue()) + '\u0000' + t);
            if (q != null && q.nrq() > 0) {
                byGroup.computeIfAbsent(g[k], x -> new ArrayList<>()).add(q);
            } else {
                byGroup.computeIfAbsent(g[k], x -> new ArrayList<>());
            }
        }
        Map<String, double[]> lg = new LinkedHashMap<>();
        for (Map.Entry<String, List<QbaseNrq.SampleNrq>> e : byGroup.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(q -> Math.log(q.nrq()) / Math.log(2)).toArray();
            LivakDdcq.requireSome(v, t, e.getKey());
            lg.put(e.getKey(), v);
        }
        double cal = QMath.mean(lg.get(calibrator));
        List<RelativeQuantity> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : lg.entrySet()) {
            double[] v = e.getValue();
            double mu = QMath.mean(v);
            double err;
            if (v.length >= 2) {
                err = QMath.sd(v);
            } else {
                QbaseNrq.SampleNrq q = byGroup.get(e.getKey()).get(0);
                err = q.seNrq() / (q.nrq() * Math.log(2));
                if (Double.isNaN(err)) {
                    warnings.add(String.format(Locale.ROOT, "Group '%s', target '%s': one sample with single wells: "
                            + "no error", e.getKey(), t));
                }
            }
            out.add(RelativeQuantity.fromCycles(e.getKey(), t, v.length, -mu, cal - mu, err));
        }
        return out;
    }

    /** Accumulates the efficiency table. */
    private static final class EffTable {
        final Map<String, Double> e = new LinkedHashMap<>();
        final List<String> src = new ArrayList<>();
        final List<StandardCurve.Result> curves = new ArrayList<>();

        void add(String t, String source, double amp, StandardCurve.Result c) {
            e.put(t, Double.valueOf(amp));
            src.add(source);
            curves.add(c);
        }

        Table table() {
            int n = e.size();
            String[] t = e.keySet().toArray(new String[0]);
            double[] amp = new double[n];
            double[] pct = new double[n];
            double[] slope = new double[n];
            double[] icpt = new double[n];
            double[] r2 = new double[n];
            double[] lev = new double[n];
            for (int i = 0; i < n; i++) {
                amp[i] = e.get(t[i]).doubleValue();
                pct[i] = (amp[i] - 1) * 100;
                StandardCurve.Result c = curves.get(i);
                slope[i] = c == null ? Double.NaN : c.slope();
                icpt[i] = c == null ? Double.NaN : c.intercept();
                r2[i] = c == null ? Double.NaN : c.rSquared();
                lev[i] = c == null ? Double.NaN : c.levels();
            }
            return Table.of("efficiencies", List.of(Column.ofStrings("target", t),
                    Column.ofStrings("source", src.toArray(new String[0])), Column.ofDoubles("amplification_factor", amp),
                    Column.ofDoubles("efficiency_percent", pct), Column.ofDoubles("slope", slope),
                    Column.ofDoubles("intercept", icpt), Column.ofDoubles("r_squared", r2),
                    Column.ofDoubles("levels", lev)));
        }
    }

    /** Accumulates the per-sample table. */
    private static final class SampleRows {
        final List<String> s = new ArrayList<>();
        final List<String> g = new ArrayList<>();
        final List<String> t = new ArrayList<>();
        final DoubleList tc = new DoubleList();
        final DoubleList rc = new DoubleList();
        final DoubleList d = new DoubleList();
        final DoubleList nrq = new DoubleList();
        final DoubleList se = new DoubleList();

        void add(String sample, String group, String target, double a, double b, double c, double q, double e) {
            s.add(sample);
            g.add(group);
            t.add(target);
            tc.add(a);
            rc.add(b);
            d.add(c);
            nrq.add(q);
            se.add(e);
        }

        Table table() {
            return Table.of("samples", List.of(Column.ofStrings("sample", s.toArray(new String[0])),
                    Column.ofStrings("group", g.toArray(new String[0])),
                    Column.ofStrings("target", t.toArray(new String[0])), Column.ofDoubles("target_cq", tc.toArray()),
                    Column.ofDoubles("reference_cq", rc.toArray()), Column.ofDoubles("delta_cq", d.toArray()),
                    Column.ofDoubles("nrq", nrq.toArray()), Column.ofDoubles("se_nrq", se.toArray())));
        }
    }

    /** Accumulates the statistics table. */
    private static final class StatRows {
        final List<String[]> keys = new ArrayList<>();
        final List<double[]> vals = new ArrayList<>();

        void tests(String target, String[] g, double[] d, String calibrator, List<String> warnings) {
            GroupIndex gi = new GroupIndex(g);
            double[] y = gi.values(calibrator, d);
            for (String grp : gi.groups()) {
                if (grp.equals(calibrator)) {
                    continue;
                }
                double[] x = gi.values(grp, d);
                try {
                    WelchTTest.Result r = WelchTTest.withDefaults().test(x, y);
                    keys.add(new String[] {target, grp, calibrator, "welch_t"});
                    vals.add(new double[] {r.estimate(), r.t(), r.df(), r.pValue(), r.lower(), r.upper()});
                } catch (QpcrException e) {
                    warnings.add("No Welch t-test for target '" + target + "', group '" + grp + "' vs '" + calibrator
                            + "': " + e.getMessage());
                }
                try {
                    WilcoxonRankSum.Result r = WilcoxonRankSum.withDefaults().test(x, y);
                    keys.add(new String[] {target, grp, calibrator, r.exact() ? "wilcoxon_exact" : "wilcoxon_normal"});
                    vals.add(new double[] {r.estimate(), r.w(), Double.NaN, r.pValue(), r.lower(), r.upper()});
                } catch (QpcrException e) {
                    warnings.add("No Wilcoxon test for target '" + target + "', group '" + grp + "' vs '" + calibrator
                            + "': " + e.getMessage());
                }
            }
        }

        Table table() {
            int n = keys.size();
            String[][] k = new String[4][n];
            double[][] v = new double[6][n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 4; c++) {
                    k[c][i] = keys.get(i)[c];
                }
                for (int c = 0; c < 6; c++) {
                    v[c][i] = vals.get(i)[c];
                }
            }
            return Table.of("statistics", List.of(Column.ofStrings("target", k[0]), Column.ofStrings("group", k[1]),
                    Column.ofStrings("calibrator", k[2]), Column.ofStrings("test", k[3]),
                    Column.ofDoubles("estimate", v[0]), Column.ofDoubles("statistic", v[1]),
                    Column.ofDoubles("df", v[2]), Column.ofDoubles("p_value", v[3]), Column.ofDoubles("lower", v[4]),
                    Column.ofDoubles("upper", v[5])));
        }
    }

    /** A growable double array. */
    private static final class DoubleList {
        double[] a = new double[16];
        int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    /**
     * The results table with the CLI's column names.
     *
     * @param rows the rows
     * @param source the input name (for the table source)
     * @return {@code group, target, delta_cq, delta_delta_cq, error, relative_expression, lower, upper}
     */
    public static Table resultsTable(List<RelativeQuantity> rows, String source) {
        int n = rows.size();
        String[] g = new String[n];
        String[] t = new String[n];
        double[][] v = new double[6][n];
        for (int i = 0; i < n; i++) {
            RelativeQuantity r = rows.get(i);
            g[i] = r.group();
            t[i] = r.target();
            v[0][i] = r.deltaCq();
            v[1][i] = r.deltaDeltaCq();
            v[2][i] = r.error();
            v[3][i] = r.relativeExpression();
            v[4][i] = r.lower();
            v[5][i] = r.upper();
        }
        return Table.of("qpcr quantify of " + source, List.of(Column.ofStrings("group", g), Column.ofStrings("target", t),
                Column.ofDoubles("delta_cq", v[0]), Column.ofDoubles("delta_delta_cq", v[1]),
                Column.ofDoubles("error", v[2]), Column.ofDoubles("relative_expression", v[3]),
                Column.ofDoubles("lower", v[4]), Column.ofDoubles("upper", v[5])));
    }

    private static Table replicatesTable(TechnicalReplicates.Result rep) {
        List<TechnicalReplicates.Summary> x = rep.summaries();
        int n = x.size();
        String[] s = new String[n];
        String[] g = new String[n];
        String[] t = new String[n];
        String[] ty = new String[n];
        int[] w = new int[n];
        int[] u = new int[n];
        int[] nd = new int[n];
        double[] mu = new double[n];
        double[] sd = new double[n];
        Boolean[] hi = new Boolean[n];
        String[] ex = new String[n];
        for (int i = 0; i < n; i++) {
            TechnicalReplicates.Summary r = x.get(i);
            s[i] = r.sample();
            g[i] = r.group();
            t[i] = r.target();
            ty[i] = r.type().code();
            w[i] = r.wells();
            u[i] = r.used();
            nd[i] = r.nonDetects();
            mu[i] = r.meanCq();
            sd[i] = r.sdCq();
            hi[i] = Boolean.valueOf(r.highSd());
            ex[i] = r.excludedWells().isEmpty() ? null : String.join("; ", r.excludedWells());
        }
        return Table.of("replicates", List.of(Column.ofStrings("sample", s), Column.ofStrings("group", g),
                Column.ofStrings("target", t), Column.ofStrings("type", ty), Column.ofInts("wells", w, null),
                Column.ofInts("used", u, null), Column.ofInts("non_detects", nd, null), Column.ofDoubles("mean_cq", mu),
                Column.ofDoubles("sd_cq", sd), Column.ofBooleans("high_sd", hi), Column.ofStrings("excluded_wells", ex)));
    }

    private static final String[] STATE_NAMES = java.util.Arrays.stream(TechnicalReplicates.WellState.values())
            .map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private static Table wellsTable(TechnicalReplicates.Result rep) {
        List<TechnicalReplicates.WellStatus> x = rep.wells();
        int n = x.size();
        String[][] c = new String[7][n];
        for (int i = 0; i < n; i++) {
            TechnicalReplicates.WellStatus w = x.get(i);
            c[0][i] = w.well().where();
            c[1][i] = w.well().well();
            c[2][i] = w.well().sample();
            c[3][i] = w.well().target();
            c[4][i] = w.well().cq().text();
            c[5][i] = STATE_NAMES[w.state().ordinal()];
            c[6][i] = w.note();
        }
        return Table.of("wells", List.of(Column.ofStrings("location", c[0]), Column.ofStrings("well", c[1]),
                Column.ofStrings("sample", c[2]), Column.ofStrings("target", c[3]), Column.ofStrings("cq", c[4]),
                Column.ofStrings("status", c[5]), Column.ofStrings("note", c[6])));
    }

    /**
     * Output of {@link #standardCurve}.
     *
     * @param curves per target: {@code target, n, levels, slope, intercept, r_squared, se_slope,
     *     se_intercept, amplification_factor, efficiency_percent}
     * @param unknowns per unknown well: {@code well, sample, target, cq, log10_quantity, quantity,
     *     extrapolated}
     * @param plot PNG of Cq against log10 quantity with the fitted lines, or {@code null} when no plot
     *     was asked for
     * @param warnings e.g. efficiencies outside 90-110 %, non-detects
     */
    public record StandardCurveOutput(Table curves, Table unknowns, byte[] plot, List<String> warnings) {
        /** Defensive copy. */
        public StandardCurveOutput {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Standard curves per target and interpolation of the unknowns ({@code benchtop qpcr standard-curve}).
     *
     * @param input the long table of wells
     * @param s the settings
     * @param monitor progress and cancellation ({@code null} for none)
     * @return curves, interpolated unknowns, plot
     * @throws QpcrException (BAD_INPUT) if there are no standards, or a target has fewer than 3 levels
     */
    public StandardCurveOutput standardCurve(Table input, StandardCurveSettings s, ProgressMonitor monitor) {
        return standardCurve(input, s, true, monitor);
    }

    /**
     * Standard curves, with or without the plot (drawing starts Java's graphics, about 0.2 s in a
     * fresh JVM).
     *
     * @param input the long table of wells
     * @param s the settings
     * @param plot whether to draw {@link StandardCurveOutput#plot()} ({@code null} otherwise)
     * @param monitor progress and cancellation ({@code null} for none)
     * @return curves, interpolated unknowns, plot
     * @throws QpcrException (BAD_INPUT) as {@link #standardCurve(Table, StandardCurveSettings, ProgressMonitor)}
     */
    public StandardCurveOutput standardCurve(Table input, StandardCurveSettings s, boolean plot,
            ProgressMonitor monitor) {
        ProgressMonitor m = monitor == null ? ProgressMonitor.NONE : monitor;
        List<Well> wells = QpcrTableAdapter.wells(input, s.sampleColumn(), null, s.targetColumn(), s.cqColumn(),
                s.wellColumn(), s.typeColumn(), s.quantityColumn(), null, s.cqCutoff());
        List<String> warnings = new ArrayList<>();
        Map<String, List<Well>> std = new LinkedHashMap<>();
        for (Well w : wells) {
            if (w.type() == SampleType.STANDARD) {
                std.computeIfAbsent(w.target(), k -> new ArrayList<>()).add(w);
                if (w.cq().status().isNonDetect()) {
                    warnings.add("Standard " + w.label() + " of target '" + w.target() + "' is a non-detect ("
                            + (w.cq().text().isEmpty() ? "empty" : w.cq().text()) + ")");
                }
            }
        }
        if (std.isEmpty()) {
            throw QpcrException.badInput("%s has no standards: no row has a quantity in column '%s'%s", input.source(),
                    s.quantityColumn(), s.typeColumn() == null ? "" : " and type std in column '" + s.typeColumn()
                            + "'");
        }
        List<StandardCurve.Result> curves = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        Map<String, StandardCurve.Result> byTarget = new LinkedHashMap<>();
        for (Map.Entry<String, List<Well>> e : std.entrySet()) {
            double[] q = e.getValue().stream().mapToDouble(Well::quantity).toArray();
            double[] c = e.getValue().stream().mapToDouble(w -> w.cq().value()).toArray();
            StandardCurve.Result r = StandardCurve.withDefaults().fit(e.getKey(), q, c);
            warnings.addAll(r.warnings());
            curves.add(r);
            byTarget.put(e.getKey(), r);
            xs.add(java.util.Arrays.stream(q).map(Math::log10).toArray());
            ys.add(c);
            m.checkCanceled();
        }
        List<Well> unk = new ArrayList<>();
        for (Well w : wells) {
            if (w.type() == SampleType.UNKNOWN) {
                if (!byTarget.containsKey(w.target())) {
                    warnings.add("Unknown " + w.label() + ": target '" + w.target() + "' has no standard curve; "
                            + "not interpolated");
                    continue;
                }
                unk.add(w);
            }
        }
        int n = unk.size();
        String[][] c = new String[3][n];
        double[][] v = new double[3][n];
        Boolean[] ex = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Well w = unk.get(i);
            StandardCurve.Result r = byTarget.get(w.target());
            c[0][i] = w.well();
            c[1][i] = w.sample();
            c[2][i] = w.target();
            v[0][i] = w.cq().value();
            v[1][i] = r.log10Quantity(w.cq().value());
            v[2][i] = Math.pow(10, v[1][i]);
            ex[i] = Double.isNaN(v[0][i]) ? null : Boolean.valueOf(r.extrapolates(v[0][i]));
            if (Boolean.TRUE.equals(ex[i])) {
                warnings.add("Unknown " + w.label() + " (Cq " + w.cq().text() + ") lies outside the standards' range "
                        + "of target '" + w.target() + "': extrapolated");
            }
        }
        int k = curves.size();
        String[] tn = new String[k];
        int[] nn = new int[k];
        int[] lv = new int[k];
        double[][] p = new double[7][k];
        for (int i = 0; i < k; i++) {
            StandardCurve.Result r = curves.get(i);
            tn[i] = r.target();
            nn[i] = r.n();
            lv[i] = r.levels();
            p[0][i] = r.slope();
            p[1][i] = r.intercept();
            p[2][i] = r.rSquared();
            p[3][i] = r.seSlope();
            p[4][i] = r.seIntercept();
            p[5][i] = r.amplificationFactor();
            p[6][i] = r.efficiencyPercent();
        }
        Table ct = Table.of("standard curves", List.of(Column.ofStrings("target", tn), Column.ofInts("n", nn, null),
                Column.ofInts("levels", lv, null), Column.ofDoubles("slope", p[0]), Column.ofDoubles("intercept", p[1]),
                Column.ofDoubles("r_squared", p[2]), Column.ofDoubles("se_slope", p[3]),
                Column.ofDoubles("se_intercept", p[4]), Column.ofDoubles("amplification_factor", p[5]),
                Column.ofDoubles("efficiency_percent", p[6])));
        Table ut = Table.of("interpolated unknowns", List.of(Column.ofStrings("well", c[0]),
                Column.ofStrings("sample", c[1]), Column.ofStrings("target", c[2]), Column.ofDoubles("cq", v[0]),
                Column.ofDoubles("log10_quantity", v[1]), Column.ofDoubles("quantity", v[2]),
                Column.ofBooleans("extrapolated", ex)));
        byte[] png = plot ? QpcrPlots.standardCurveChart(curves, xs, ys, W, H) : null;
        return new StandardCurveOutput(ct, ut, png, warnings);
    }

    /**
     * Output of {@link #genorm}.
     *
     * @param mValues {@code group, step, target, m_value} for every exclusion step
     * @param variations {@code group, step, n_genes, label, pairwise_variation}: V_n/n+1 where step
     *     is the exclusion step with n + 1 genes
     * @param ranking {@code group, rank, target} (most stable first; ranks 1 and 2 are tied)
     * @param warnings dropped samples, non-detects
     */
    public record GenormOutput(Table mValues, Table variations, Table ranking, List<String> warnings) {
        /** Defensive copy. */
        public GenormOutput {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * geNorm per group ({@code benchtop qpcr genorm}). Technical replicates are averaged first (mean
     * Cq, or mean log2 quantity); Cq becomes {@code log2 q = -Cq·log2(E)} with E per gene from the
     * settings (default 2).
     *
     * @param input the long table
     * @param s the settings
     * @param monitor progress and cancellation ({@code null} for none)
     * @return M values per step, pairwise variations, ranking
     * @throws QpcrException (BAD_INPUT) for fewer than 2 genes or complete samples in a group, or
     *     non-positive quantities
     */
    public GenormOutput genorm(Table input, GenormSettings s, ProgressMonitor monitor) {
        ProgressMonitor m = monitor == null ? ProgressMonitor.NONE : monitor;
        Column sample = input.column(s.sampleColumn());
        Column target = input.column(s.targetColumn());
        Column group = s.groupColumn() == null ? null : input.column(s.groupColumn());
        Column val = input.column(s.cqColumn() != null ? s.cqColumn() : s.quantityColumn());
        List<String> warnings = new ArrayList<>();
        // group -> sample -> gene -> list of log2 quantities
        Map<String, Map<String, Map<String, List<Double>>>> data = new LinkedHashMap<>();
        LinkedHashSet<String> genes = new LinkedHashSet<>();
        for (int i = 0; i < input.rowCount(); i++) {
            String where = input.locate(i);
            String smp = sample.getString(i);
            String gene = target.getString(i);
            if (smp == null || gene == null) {
                throw QpcrException.badInput("Missing sample or target at %s", where);
            }
            String grp = group == null ? "all" : group.getString(i);
            if (grp == null) {
                throw QpcrException.badInput("Missing group at %s (column '%s')", where, s.groupColumn());
            }
            genes.add(gene);
            double l2;
            if (s.cqColumn() != null) {
                Cq c = val.isNumeric() ? (val.isMissing(i) ? new Cq(Double.NaN, CqStatus.EMPTY, "")
                        : Cq.of(val.getDouble(i), s.cqCutoff(), where)) : Cq.parse(val.getString(i), s.cqCutoff(), where);
                if (c.status().isNonDetect()) {
                    warnings.add("Non-detect at " + where + " (sample '" + smp + "', gene '" + gene + "') left out");
                    continue;
                }
                Double e = s.efficiency().get(gene);
                l2 = -c.value() * (e == null ? 1.0 : Math.log(e.doubleValue()) / Math.log(2));
            } else {
                if (!val.isNumeric()) {
                    throw QpcrException.badInput("Quantity column '%s' is not numeric", s.quantityColumn());
                }
                double q = val.getDouble(i);
                if (Double.isNaN(q)) {
                    warnings.add("Missing quantity at " + where + " (sample '" + smp + "', gene '" + gene + "')");
                    continue;
                }
                if (!(q > 0)) {
                    throw QpcrException.badInput("Quantity %s at %s is not positive; geNorm needs relative quantities "
                            + "> 0 (or give Cq values with --cq)", Double.valueOf(q), where);
                }
                l2 = Math.log(q) / Math.log(2);
            }
            data.computeIfAbsent(grp, k -> new LinkedHashMap<>()).computeIfAbsent(smp, k -> new LinkedHashMap<>())
                    .computeIfAbsent(gene, k -> new ArrayList<>()).add(Double.valueOf(l2));
        }
        List<String> gl = new ArrayList<>(genes);
        List<GeNorm.Result> results = new ArrayList<>();
        List<String> groupNames = new ArrayList<>(data.keySet());
        for (String grp : groupNames) {
            Map<String, Map<String, List<Double>>> bySample = data.get(grp);
            List<String> smps = new ArrayList<>(bySample.keySet());
            double[][] x = new double[smps.size()][gl.size()];
            for (int i = 0; i < smps.size(); i++) {
                Map<String, List<Double>> row = bySample.get(smps.get(i));
                for (int j = 0; j < gl.size(); j++) {
                    List<Double> v = row.get(gl.get(j));
                    x[i][j] = v == null ? Double.NaN : QMath.mean(QMath.toArray(v));
                }
            }
            try {
                GeNorm.Result r = GeNorm.withDefaults().compute(smps, gl, x);
                results.add(r);
                for (String w : r.warnings()) {
                    warnings.add("Group '" + grp + "': " + w);
                }
            } catch (QpcrException e) {
                throw QpcrException.badInput(e, "geNorm of group '%s': %s", grp, e.getMessage());
            }
            m.checkCanceled();
        }
        List<String[]> mk = new ArrayList<>();
        DoubleList mv = new DoubleList();
        List<String[]> vk = new ArrayList<>();
        DoubleList vv = new DoubleList();
        List<String[]> rk = new ArrayList<>();
        for (int gi = 0; gi < results.size(); gi++) {
            String grp = groupNames.get(gi);
            GeNorm.Result r = results.get(gi);
            for (GeNorm.Step st : r.steps()) {
                for (int j = 0; j < st.genes().size(); j++) {
                    mk.add(new String[] {grp, Integer.toString(st.step()), st.genes().get(j)});
                    mv.add(st.m()[j]);
                }
            }
            int k = gl.size();
            for (GeNorm.Variation v : r.variations()) {
                vk.add(new String[] {grp, Integer.toString(k - v.n()), Integer.toString(v.n() + 1), v.label()});
                vv.add(v.v());
            }
            for (int i = 0; i < r.ranking().size(); i++) {
                rk.add(new String[] {grp, Integer.toString(i == 0 ? 1 : i), r.ranking().get(i)});
            }
        }
        Table mt = Table.of("genorm M", List.of(Column.ofStrings("group", col(mk, 0)),
                Column.ofInts("step", ints(col(mk, 1)), null), Column.ofStrings("target", col(mk, 2)),
                Column.ofDoubles("m_value", mv.toArray())));
        Table vt = Table.of("genorm V", List.of(Column.ofStrings("group", col(vk, 0)),
                Column.ofInts("step", ints(col(vk, 1)), null), Column.ofInts("n_genes", ints(col(vk, 2)), null),
                Column.ofStrings("label", col(vk, 3)), Column.ofDoubles("pairwise_variation", vv.toArray())));
        Table rt = Table.of("genorm ranking", List.of(Column.ofStrings("group", col(rk, 0)),
                Column.ofInts("rank", ints(col(rk, 1)), null), Column.ofStrings("target", col(rk, 2))));
        return new GenormOutput(mt, vt, rt, warnings);
    }

    private static String[] col(List<String[]> rows, int c) {
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }

    private static int[] ints(String[] s) {
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = Integer.parseInt(s[i]);
        }
        return out;
    }

    /**
     * Output of {@link #readRdml}.
     *
     * @param wells {@code well, sample, type, quantity, target, cq}, one row per reaction and target
     * @param data the parsed file (samples, targets with stored efficiencies, runs)
     * @param warnings reactions without Cq, several runs
     */
    public record RdmlOutput(Table wells, RdmlData data, List<String> warnings) {
        /** Defensive copy. */
        public RdmlOutput {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads an RDML file to a table ({@code benchtop qpcr read-rdml}).
     *
     * @param file the .rdml (zip) or .xml file
     * @param monitor progress and cancellation ({@code null} for none)
     * @return the wells table
     * @throws QpcrException (BAD_INPUT) for unreadable, malformed, hostile or incomplete files
     */
    public RdmlOutput readRdml(Path file, ProgressMonitor monitor) {
        ProgressMonitor m = monitor == null ? ProgressMonitor.NONE : monitor;
        m.setProgress(0, "reading " + file.getFileName());
        RdmlData d = RdmlReader.withDefaults().read(file);
        m.setProgress(1, "done");
        return new RdmlOutput(rdmlTable(d), d, d.warnings());
    }

    /**
     * Reads RDML already in memory (e.g. fetched from a URL, or read once to be hashed for the run
     * record), with the limits of {@link RdmlReader#withDefaults()}.
     *
     * @param content the .rdml (zip) or .xml bytes
     * @param source the file name, for messages and the table source
     * @param monitor progress and cancellation ({@code null} for none)
     * @return the wells table
     * @throws QpcrException (BAD_INPUT) for malformed, hostile or incomplete content
     */
    public RdmlOutput readRdml(byte[] content, String source, ProgressMonitor monitor) {
        ProgressMonitor m = monitor == null ? ProgressMonitor.NONE : monitor;
        m.setProgress(0, "reading " + source);
        RdmlData d = RdmlReader.withDefaults().read(new java.io.ByteArrayInputStream(content), source);
        m.setProgress(1, "done");
        return new RdmlOutput(rdmlTable(d), d, d.warnings());
    }

    /**
     * @param d parsed RDML
     * @return {@code well, sample, type, quantity, target, cq}
     */
    public static Table rdmlTable(RdmlData d) {
        int n = d.reactions().size();
        String[][] c = new String[4][n];
        double[] q = new double[n];
        double[] cq = new double[n];
        for (int i = 0; i < n; i++) {
            RdmlData.Reaction r = d.reactions().get(i);
            c[0][i] = r.well();
            c[1][i] = r.sample();
            c[2][i] = r.type().code();
            c[3][i] = r.target();
            q[i] = r.quantity();
            cq[i] = r.cq();
        }
        return Table.of(d.source(), List.of(Column.ofStrings("well", c[0]), Column.ofStrings("sample", c[1]),
                Column.ofStrings("type", c[2]), Column.ofDoubles("quantity", q), Column.ofStrings("target", c[3]),
                Column.ofDoubles("cq", cq)));
    }
}
