package org.benchtop.core.plate;

import java.util.List;

import org.benchtop.core.table.Table;

/**
 * The result of {@link PlateAnalysis#normalize}.
 *
 * @param table the input columns followed by one DOUBLE column per method, named as
 *        {@link NormalizationMethod#columnName()}, in the method order of {@link NormalizationMethod};
 *        NaN (missing) where the well has no value
 * @param plates the per-plate results, in order of first appearance in the input
 * @param format the plate format used
 * @param warnings notes for the user
 */
public record NormalizeOutput(Table table, List<PlateResult> plates, PlateFormat format, List<String> warnings) {

    /** Copies the lists. */
    public NormalizeOutput {
        plates = List.copyOf(plates);
        warnings = List.copyOf(warnings);
    }
}
