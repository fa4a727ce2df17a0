package org.benchtop.core.plate;

import java.util.List;
import java.util.Objects;

/**
 * The engine input for one plate: its key, format and per-well arrays indexed row-major by well
 * ({@link PlateFormat#index(int, int)}).
 *
 * @param key the values of the plate-identifying columns, e.g. {@code [1, 2]} for plate 1,
 *        replicate 2
 * @param name a human-readable name for messages, e.g. {@code plate=1, replicate=2}
 * @param origin where the plate's rows come from, for messages, e.g. {@code plates.csv line 2};
 *        may be empty
 * @param format the plate format
 * @param values the raw value per well; NaN where missing or where the input has no such well
 * @param content the content per well; {@code null} where the input has no such well
 * @param excluded whether the well is flagged and left out of every statistic
 */
public record PlateData(List<String> key, String name, String origin, PlateFormat format, double[] values,
        WellContent[] content, boolean[] excluded) {

    /** Checks the sizes and copies the arrays. */
    public PlateData {
        key = List.copyOf(key);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(format, "format");
        int n = format.wells();
        if (values.length != n || content.length != n || excluded.length != n) {
            throw new IllegalArgumentException("plate " + name + ": arrays must have " + n + " entries for a " + format
                    + " plate");
        }
        values = values.clone();
        content = content.clone();
        excluded = excluded.clone();
    }

    /** @return the raw values per well (a copy) */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return the content per well, {@code null} for wells not in the input (a copy) */
    @Override
    public WellContent[] content() {
        return content.clone();
    }

    /** @return the exclusion flag per well (a copy) */
    @Override
    public boolean[] excluded() {
        return excluded.clone();
    }

    /** @return the values array itself, for the engine (never modified) */
    double[] valuesRef() {
        return values;
    }

    /** @return the content array itself, for the engine (never modified) */
    WellContent[] contentRef() {
        return content;
    }

    /** @return the exclusion array itself, for the engine (never modified) */
    boolean[] excludedRef() {
        return excluded;
    }

    /**
     * @param well a well index
     * @return the raw value of that well (NaN if missing)
     */
    public double value(int well) {
        return values[well];
    }

    /**
     * @param well a well index
     * @return the content of that well, {@code null} if the input has no such well
     */
    public WellContent contentOf(int well) {
        return content[well];
    }

    /**
     * @param well a well index
     * @return whether the well is excluded from the statistics
     */
    public boolean isExcluded(int well) {
        return excluded[well];
    }

    /**
     * @param well a well index
     * @return whether the well counts in the statistics: present, not excluded, with a value
     */
    public boolean isUsed(int well) {
        return content[well] != null && !excluded[well] && !Double.isNaN(values[well]);
    }

    /** @return the name and, if known, the origin, e.g. {@code plate=1 (plates.csv line 2)} */
    public String describe() {
        return origin.isEmpty() ? name : name + " (" + origin + ")";
    }
}
