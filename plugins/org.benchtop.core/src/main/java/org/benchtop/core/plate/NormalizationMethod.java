package org.benchtop.core.plate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The per-plate normalizations. Each becomes one output column named {@link #columnName()}. Plate
 * statistics use only the wells that are neither flagged (excluded) nor missing; the normalized
 * value is then written for every well that has a value. Notation: {@code x} the raw value,
 * {@code μneg}, {@code μpos} the means of the negative and positive controls, {@code μs, σs, ms,
 * MADs} the mean, SD, median and MAD (×1.4826) of the sample wells.
 *
 * <p>References: Malo et al. 2006, Statistical practice in high-throughput screening data
 * analysis, Nat Biotechnol 24:167, doi:10.1038/nbt1186; Brideau et al. 2003, Improved statistical
 * methods for hit selection in high-throughput screening, J Biomol Screen 8:634,
 * doi:10.1177/1087057103258285; Boutros, Brás &amp; Huber 2006, Analysis of cell-based RNAi screens
 * (cellHTS), Genome Biol 7:R66, doi:10.1186/gb-2006-7-7-r66.
 */
public enum NormalizationMethod {
    /** {@code 100 · x / μneg} (percent of control). */
    PERCENT_OF_NEGATIVE("percent_of_negative", true, false),
    /** {@code 100 · x / μpos} (cellHTS2 "POC"). */
    PERCENT_OF_POSITIVE("percent_of_positive", false, true),
    /** {@code 100 · (μneg − x) / (μneg − μpos)} (= 100 − cellHTS2's NPI in percent). */
    PERCENT_INHIBITION("percent_inhibition", true, true),
    /** {@code (x − μs) / σs} over the sample wells. */
    Z_SCORE("z_score", false, false),
    /** {@code (x − ms) / MADs} over the sample wells. */
    ROBUST_Z_SCORE("robust_z_score", false, false),
    /**
     * Tukey median polish fitted on the sample wells (R {@code medpolish}, eps 1e-5, maxiter 200,
     * {@code na.rm = TRUE}); residual {@code x − (overall + row + column)} of every well divided by
     * the MAD of the sample-well residuals (Brideau 2003; cellHTS2 {@code perPlateScaling}).
     */
    B_SCORE("b_score", false, false),
    /** {@code x / ms}: ratio to the plate median of the sample wells (cellHTS2 method "median"). */
    PLATE_MEDIAN_RATIO("plate_median_ratio", false, false);

    private final String columnName;
    private final boolean needsNegative;
    private final boolean needsPositive;

    NormalizationMethod(String columnName, boolean needsNegative, boolean needsPositive) {
        this.columnName = columnName;
        this.needsNegative = needsNegative;
        this.needsPositive = needsPositive;
    }

    /** @return the output column name and CLI name, e.g. {@code robust_z_score} */
    public String columnName() {
        return columnName;
    }

    /** @return whether the method needs negative control wells on every plate */
    public boolean needsNegative() {
        return needsNegative;
    }

    /** @return whether the method needs positive control wells on every plate */
    public boolean needsPositive() {
        return needsPositive;
    }

    /** @return whether the method's output is centred at 0 (z, robust z, B-score) */
    public boolean isCentred() {
        return this == Z_SCORE || this == ROBUST_Z_SCORE || this == B_SCORE;
    }

    /**
     * @param name a column name such as {@code b_score} (case-insensitive, blanks and {@code -}
     *        allowed for {@code _})
     * @return the method
     * @throws PlateException (BAD_INPUT) naming the known methods if there is none of that name
     */
    public static NormalizationMethod ofName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (NormalizationMethod m : values()) {
            if (m.columnName.equals(n)) {
                return m;
            }
        }
        throw PlateException.badInput("Unknown normalization method '%s'; use 'all' or a comma-separated list of: %s",
                name, String.join(", ", names()));
    }

    /**
     * Parses the CLI form {@code all} or {@code m1,m2,…}.
     *
     * @param list {@code all} or comma-separated method names
     * @return the methods, in declaration order (unmodifiable)
     * @throws PlateException (BAD_INPUT) for an unknown name or an empty list
     */
    public static Set<NormalizationMethod> parseList(String list) {
        if (list != null && list.trim().equalsIgnoreCase("all")) {
            return Collections.unmodifiableSet(EnumSet.allOf(NormalizationMethod.class));
        }
        EnumSet<NormalizationMethod> set = EnumSet.noneOf(NormalizationMethod.class);
        if (list != null) {
            for (String part : list.split(",")) {
                if (!part.isBlank()) {
                    set.add(ofName(part));
                }
            }
        }
        if (set.isEmpty()) {
            throw PlateException.badInput("No normalization method given; use 'all' or a comma-separated list of: %s",
                    String.join(", ", names()));
        }
        return Collections.unmodifiableSet(set);
    }

    /** @return all column names in declaration order */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (NormalizationMethod m : values()) {
            names.add(m.columnName);
        }
        return names;
    }
}
