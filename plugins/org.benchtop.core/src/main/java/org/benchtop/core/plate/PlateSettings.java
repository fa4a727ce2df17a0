package org.benchtop.core.plate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of plate normalization and QC. Component names match the command-line options of
 * {@code benchtop plates normalize|qc} ({@code --plate COL[,COL] --well COL --value COL --content COL
 * [--negative LABEL] [--positive LABEL] [--sample LABEL] [--exclude COL] [--format 384]
 * [--methods all|m1,m2]}).
 *
 * @param plateColumns the columns that together identify a plate, e.g. {@code [plate, replicate]};
 *        further columns after the first also group the pooled screen QC (see
 *        {@link PlateAnalysis#qc})
 * @param wellColumn the column of well ids ({@code A1}, {@code A01}, {@code AF48}; case-insensitive)
 * @param valueColumn the column of raw numeric values (missing values allowed)
 * @param contentColumn the column of well content labels
 * @param negativeLabel the content label of negative controls (default {@code neg}; matched
 *        case-insensitively, trimmed)
 * @param positiveLabel the content label of positive controls (default {@code pos})
 * @param sampleLabel the content label of samples (default {@code sample}); the label
 *        {@code empty} marks empty wells, any other label "other"
 * @param excludeColumn a column of flags (true/false, 1/0, yes/no); flagged wells are left out of
 *        every statistic but still normalized; {@code null} for none
 * @param format the plate format, or {@code null} to infer it from the largest row and column seen
 * @param methods the normalizations to compute (see {@link NormalizationMethod}); unmodifiable
 * @param zPrimeThreshold a plate passes QC when its Z' is at least this (default 0.5)
 */
public record PlateSettings(List<String> plateColumns, String wellColumn, String valueColumn, String contentColumn,
        String negativeLabel, String positiveLabel, String sampleLabel, String excludeColumn, PlateFormat format,
        Set<NormalizationMethod> methods, double zPrimeThreshold) {

    /** The label that marks empty wells. */
    public static final String EMPTY_LABEL = "empty";

    /**
     * Validates the settings.
     *
     * @throws PlateException (BAD_INPUT) if a column or label is blank, a column has two roles,
     *         two labels are equal, or the threshold is not a number ≤ 1
     */
    public PlateSettings {
        if (plateColumns == null || plateColumns.isEmpty()) {
            throw PlateException.badInput("No plate column given; name the column(s) that identify a plate, e.g. "
                    + "--plate plate or --plate plate,replicate");
        }
        plateColumns = List.copyOf(plateColumns);
        List<String> roles = new ArrayList<>();
        for (String p : plateColumns) {
            roles.add(requireName(p, "plate column"));
        }
        roles.add(requireName(wellColumn, "well column"));
        roles.add(requireName(valueColumn, "value column"));
        roles.add(requireName(contentColumn, "content column"));
        if (excludeColumn != null) {
            roles.add(requireName(excludeColumn, "exclude column"));
        }
        Set<String> seen = new HashSet<>();
        for (String r : roles) {
            if (!seen.add(r)) {
                throw PlateException.badInput("Column '%s' is given for two roles (plate %s, well '%s', value '%s', "
                        + "content '%s', exclude '%s'); each role needs its own column", r, plateColumns, wellColumn,
                        valueColumn, contentColumn, excludeColumn);
            }
        }
        String[] labels = { requireLabel(negativeLabel, "negative"), requireLabel(positiveLabel, "positive"),
                requireLabel(sampleLabel, "sample"), EMPTY_LABEL };
        for (int i = 0; i < labels.length; i++) {
            for (int j = i + 1; j < labels.length; j++) {
                if (labels[i].trim().equalsIgnoreCase(labels[j].trim())) {
                    throw PlateException.badInput("The content labels must differ (case-insensitively): negative '%s', "
                            + "positive '%s', sample '%s' (and '%s' is reserved for empty wells)", negativeLabel,
                            positiveLabel, sampleLabel, EMPTY_LABEL);
                }
            }
        }
        Objects.requireNonNull(methods, "methods");
        EnumSet<NormalizationMethod> m = EnumSet.noneOf(NormalizationMethod.class);
        m.addAll(methods);
        methods = Collections.unmodifiableSet(m);
        if (!Double.isFinite(zPrimeThreshold) || zPrimeThreshold > 1) {
            throw PlateException.badInput("The Z' threshold must be a number of at most 1 (typically 0.5), got %s",
                    Double.toString(zPrimeThreshold));
        }
    }

    /**
     * Settings with the defaults: labels {@code neg}, {@code pos}, {@code sample}, no exclusion
     * column, format inferred, all methods, Z' threshold 0.5.
     *
     * @param plateColumns the plate-identifying columns
     * @param well the well id column
     * @param value the raw value column
     * @param content the content column
     * @return the settings
     */
    public static PlateSettings defaults(List<String> plateColumns, String well, String value, String content) {
        return new PlateSettings(plateColumns, well, value, content, "neg", "pos", "sample", null, null,
                EnumSet.allOf(NormalizationMethod.class), 0.5);
    }

    /** @param v the plate columns @return a copy with them */
    public PlateSettings withPlateColumns(List<String> v) {
        return new PlateSettings(v, wellColumn, valueColumn, contentColumn, negativeLabel, positiveLabel, sampleLabel,
                excludeColumn, format, methods, zPrimeThreshold);
    }

    /** @param v the well column @return a copy with it */
    public PlateSettings withWellColumn(String v) {
        return new PlateSettings(plateColumns, v, valueColumn, contentColumn, negativeLabel, positiveLabel,
                sampleLabel, excludeColumn, format, methods, zPrimeThreshold);
    }

    /** @param v the value column @return a copy with it */
    public PlateSettings withValueColumn(String v) {
        return new PlateSettings(plateColumns, wellColumn, v, contentColumn, negativeLabel, positiveLabel, sampleLabel,
                excludeColumn, format, methods, zPrimeThreshold);
    }

    /** @param v the content column @return a copy with it */
    public PlateSettings withContentColumn(String v) {
        return new PlateSettings(plateColumns, wellColumn, valueColumn, v, negativeLabel, positiveLabel, sampleLabel,
                excludeColumn, format, methods, zPrimeThreshold);
    }

    /** @param v the negative control label @return a copy with it */
    public PlateSettings withNegativeLabel(String v) {
        return new PlateSettings(plateColumns, wellColumn, valueColumn, contentColumn, v, positiveLabel, sampleLabel,
                excludeColumn, format, methods, zPrimeThreshold);
    }

    /** @param v the positive control label @return a copy with it */
    public PlateSettings withPositiveLabel(String v) {
        return new PlateSettings(plateColumns, wellColumn, valueColumn, contentColumn, negativeLabel, v, sampleLabel,
                excludeColumn, format, methods, zPrimeThreshold);
    }

    /** @param v the sample label @return a copy with it */
    public PlateSettings withSampleLabel(String v) {
        return new PlateSettings(plateColumns, wellColumn, valueColumn, contentColumn, negativeLabel, positiveLabel, v,
                excludeColumn, format, methods, zPrimeThreshold);
    }

    /** @param v the exclusion flag column, or {@code null} for none @return a copy with it */
    public PlateSettings withExcludeColumn(String v) {
        return new PlateSettings(plateColumns, wellColumn, valueColumn, contentColumn, negativeLabel, positiveLabel,
                sampleLabel, v, format, methods, zPrimeThreshold);
    }

    /** @param v the plate format, or {@code null} to infer it @return a copy with it */
    public PlateSettings withFormat(PlateFormat v) {
        return new PlateSettings(plateColumns, wellColumn, valueColumn, contentColumn, negativeLabel, positiveLabel,
                sampleLabel, excludeColumn, v, methods, zPrimeThreshold);
    }

    /** @param v the normalization methods @return a copy with them */
    public PlateSettings withMethods(Set<NormalizationMethod> v) {
        return new PlateSettings(plateColumns, wellColumn, valueColumn, contentColumn, negativeLabel, positiveLabel,
                sampleLabel, excludeColumn, format, v, zPrimeThreshold);
    }

    /** @param v the Z' pass threshold @return a copy with it */
    public PlateSettings withZPrimeThreshold(double v) {
        return new PlateSettings(plateColumns, wellColumn, valueColumn, contentColumn, negativeLabel, positiveLabel,
                sampleLabel, excludeColumn, format, methods, v);
    }

    /**
     * @param label a content value from the input (may be {@code null})
     * @return its content: the matching label, compared trimmed and case-insensitively; {@code empty}
     *         for empty wells; otherwise (also for a missing value) {@link WellContent#OTHER}
     */
    public WellContent contentOf(String label) {
        if (label == null) {
            return WellContent.OTHER;
        }
        String t = label.trim();
        if (t.equalsIgnoreCase(sampleLabel.trim())) {
            return WellContent.SAMPLE;
        }
        if (t.equalsIgnoreCase(negativeLabel.trim())) {
            return WellContent.NEGATIVE;
        }
        if (t.equalsIgnoreCase(positiveLabel.trim())) {
            return WellContent.POSITIVE;
        }
        if (t.equalsIgnoreCase(EMPTY_LABEL)) {
            return WellContent.EMPTY;
        }
        return WellContent.OTHER;
    }

    private static String requireName(String name, String role) {
        if (name == null || name.isBlank()) {
            throw PlateException.badInput("The %s is not set; give the name of a column of the input table", role);
        }
        return name;
    }

    private static String requireLabel(String label, String role) {
        if (label == null || label.isBlank()) {
            throw PlateException.badInput("The %s content label is empty; give the text that marks %s wells in the "
                    + "content column (default '%s')", role, role,
                    role.equals("sample") ? "sample" : role.substring(0, 3).toLowerCase(Locale.ROOT));
        }
        return label;
    }
}
