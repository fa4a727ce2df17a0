package org.benchtop.core.doseresponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of {@link DoseResponseAnalysis}. Component names match the command-line options
 * ({@code benchtop dose-response fit --dose COL --response COL --group COL,... --model LL.4
 * --fix c=0 --se jacobian|hessian --lower e=0.001 --upper e=1000 --robust --ed 10,90
 * --comparisons F --ratios F --plots DIR}) and the node dialog.
 *
 * @param dose the dose column (numeric, &ge; 0; 0 = control)
 * @param response the response column (numeric)
 * @param group the columns whose value combinations define the curves (empty: one curve)
 * @param model the model
 * @param fix fixed parameter values (natural units: the EC50 in dose units)
 * @param se the standard-error convention
 * @param lower lower bounds per parameter (natural units)
 * @param upper upper bounds per parameter
 * @param robust ROUT-like outlier detection (Q = 1 %); outliers are flagged and excluded from the
 *        final fit
 * @param ed relative effect levels (percent, in (0, 100)) for which ED columns {@code ed<p>} and
 *        {@code ed<p>_se} are added
 * @param compare add the F-test comparison table (one curve vs separate curves; the model with one
 *        parameter fewer vs this one); CLI option {@code --comparisons}
 * @param ratios add the table of ED50 ratios between every pair of groups (drc {@code EDcomp}, delta
 *        method, one joint fit with a pooled residual variance); CLI option {@code --ratios}
 * @param plots render one PNG per group
 */
public record DoseResponseSettings(String dose, String response, List<String> group, LogLogisticModel model,
        Map<LogLogisticParameter, Double> fix, SeConvention se, Map<LogLogisticParameter, Double> lower,
        Map<LogLogisticParameter, Double> upper, boolean robust, List<Double> ed, boolean compare, boolean ratios, boolean plots) {

    /** Validates and copies. */
    public DoseResponseSettings {
        if (dose == null || dose.isBlank() || response == null || response.isBlank()) {
            throw DoseResponseException.badInput("Name the dose and the response column (--dose COL --response COL)");
        }
        group = group == null ? List.of() : List.copyOf(group);
        model = model == null ? LogLogisticModel.LL4 : model;
        fix = copy(fix);
        se = se == null ? SeConvention.JACOBIAN : se;
        lower = copy(lower);
        upper = copy(upper);
        ed = ed == null ? List.of() : List.copyOf(ed);
        for (Double p : ed) {
            if (!(p.doubleValue() > 0 && p.doubleValue() < 100)) {
                throw DoseResponseException.badInput("ED levels are percentages strictly between 0 and 100, not %s", p);
            }
        }
    }

    private static Map<LogLogisticParameter, Double> copy(Map<LogLogisticParameter, Double> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new EnumMap<>(m));
    }

    /**
     * Defaults: no groups, LL.4, nothing fixed, Jacobian SEs, no bounds, no robust fitting, no ED
     * columns, no comparison, no ratios, no plots.
     *
     * @param dose the dose column
     * @param response the response column
     * @return the settings
     */
    public static DoseResponseSettings of(String dose, String response) {
        return new DoseResponseSettings(dose, response, List.of(), LogLogisticModel.LL4, Map.of(), SeConvention.JACOBIAN,
                Map.of(), Map.of(), false, List.of(), false, false, false);
    }

    /** @param columns the group columns @return a copy */
    public DoseResponseSettings withGroup(List<String> columns) {
        return new DoseResponseSettings(dose, response, columns, model, fix, se, lower, upper, robust, ed, compare, ratios, plots);
    }

    /** @param m the model @return a copy */
    public DoseResponseSettings withModel(LogLogisticModel m) {
        return new DoseResponseSettings(dose, response, group, m, fix, se, lower, upper, robust, ed, compare, ratios, plots);
    }

    /** @param values fixed values @return a copy */
    public DoseResponseSettings withFix(Map<LogLogisticParameter, Double> values) {
        return new DoseResponseSettings(dose, response, group, model, values, se, lower, upper, robust, ed, compare, ratios, plots);
    }

    /** @param convention the SE convention @return a copy */
    public DoseResponseSettings withSe(SeConvention convention) {
        return new DoseResponseSettings(dose, response, group, model, fix, convention, lower, upper, robust, ed, compare,
                ratios, plots);
    }

    /** @param lo lower bounds @param hi upper bounds @return a copy */
    public DoseResponseSettings withBounds(Map<LogLogisticParameter, Double> lo, Map<LogLogisticParameter, Double> hi) {
        return new DoseResponseSettings(dose, response, group, model, fix, se, lo, hi, robust, ed, compare, ratios, plots);
    }

    /** @param on robust outlier detection @return a copy */
    public DoseResponseSettings withRobust(boolean on) {
        return new DoseResponseSettings(dose, response, group, model, fix, se, lower, upper, on, ed, compare, ratios, plots);
    }

    /** @param levels ED levels in percent @return a copy */
    public DoseResponseSettings withEd(List<Double> levels) {
        return new DoseResponseSettings(dose, response, group, model, fix, se, lower, upper, robust, levels, compare, ratios, plots);
    }

    /** @param on the comparison table @return a copy */
    public DoseResponseSettings withCompare(boolean on) {
        return new DoseResponseSettings(dose, response, group, model, fix, se, lower, upper, robust, ed, on, ratios, plots);
    }

    /** @param on the ED50 ratio table @return a copy */
    public DoseResponseSettings withRatios(boolean on) {
        return new DoseResponseSettings(dose, response, group, model, fix, se, lower, upper, robust, ed, compare, on, plots);
    }

    /** @param on plots @return a copy */
    public DoseResponseSettings withPlots(boolean on) {
        return new DoseResponseSettings(dose, response, group, model, fix, se, lower, upper, robust, ed, compare, ratios, on);
    }

    /**
     * Parses {@code --fix}/{@code --lower}/{@code --upper} values such as {@code c=0,d=100} or
     * {@code bottom=0;ec50=1e-3}.
     *
     * @param text comma- or semicolon-separated {@code name=value} pairs (empty or null: none)
     * @return the values
     * @throws DoseResponseException (BAD_INPUT) for a malformed pair, an unknown parameter or a
     *         non-numeric value
     */
    public static Map<LogLogisticParameter, Double> parseAssignments(String text) {
        Map<LogLogisticParameter, Double> out = new EnumMap<>(LogLogisticParameter.class);
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split("[,;]")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw DoseResponseException.badInput("Expected name=value (e.g. c=0), got '%s'", p);
            }
            LogLogisticParameter param = LogLogisticParameter.parse(p.substring(0, eq));
            String v = p.substring(eq + 1).trim();
            try {
                out.put(param, Double.valueOf(Double.parseDouble(v.toLowerCase(Locale.ROOT).replace("inf", "Infinity"))));
            } catch (NumberFormatException e) {
                throw DoseResponseException.badInput("The value of %s in '%s' is not a number", param.letter(), p);
            }
        }
        return out;
    }

    /**
     * Formats parameter values as {@link #parseAssignments} reads them: drc's letters in the order
     * b, c, d, e, f, comma-separated, integral values without a decimal point ({@code c=0,d=100}).
     *
     * @param values the values (may be empty)
     * @return the text, empty for no values
     */
    public static String formatAssignments(Map<LogLogisticParameter, Double> values) {
        StringBuilder sb = new StringBuilder();
        for (LogLogisticParameter p : LogLogisticParameter.values()) {
            Double v = values.get(p);
            if (v == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(p.letter()).append('=').append(formatNumber(v.doubleValue()));
        }
        return sb.toString();
    }

    /**
     * Formats ED levels as the command line takes them ({@code 10,50,90}).
     *
     * @param levels percentages
     * @return the text, empty for none
     */
    public static String formatLevels(List<Double> levels) {
        StringBuilder sb = new StringBuilder();
        for (Double p : levels) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(formatNumber(p.doubleValue()));
        }
        return sb.toString();
    }

    private static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * Parses ED levels such as {@code 10,50,90} (percent, comma- or semicolon-separated).
     *
     * @param text the levels (empty or null: none)
     * @return the levels, in the order given
     * @throws DoseResponseException (BAD_INPUT) for a value that is not a number
     */
    public static List<Double> parseLevels(String text) {
        List<Double> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split("[,;]")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                out.add(Double.valueOf(Double.parseDouble(p)));
            } catch (NumberFormatException e) {
                throw DoseResponseException.badInput("The ED level '%s' is not a number: give percentages such as 10,50,90", p);
            }
        }
        return out;
    }

    /** @return the fitter these settings describe (model, fixed values, bounds, SE convention) */
    public LogLogisticFitter fitter() {
        LogLogisticFitter f = LogLogisticFitter.create(model).withSeConvention(se);
        for (Map.Entry<LogLogisticParameter, Double> e : fix.entrySet()) {
            f = f.withFixed(e.getKey(), e.getValue().doubleValue());
        }
        for (LogLogisticParameter p : LogLogisticParameter.values()) {
            Double lo = lower.get(p);
            Double hi = upper.get(p);
            if (lo != null || hi != null) {
                f = f.withBounds(p, lo == null ? Double.NEGATIVE_INFINITY : lo.doubleValue(),
                        hi == null ? Double.POSITIVE_INFINITY : hi.doubleValue());
            }
        }
        return f;
    }
}
