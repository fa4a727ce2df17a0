package org.benchtop.core.plate;

import java.util.List;

import org.benchtop.core.table.Table;

/**
 * The result of {@link PlateAnalysis#run}: normalization and QC from one pass over the plates.
 *
 * @param normalized as {@link NormalizeOutput#table()}
 * @param qc as {@link QcOutput#table()}
 * @param screen as {@link QcOutput#screen()}
 * @param effects as {@link QcOutput#effects()}
 * @param plates the per-plate results, in order of first appearance in the input
 * @param format the plate format used
 * @param warnings notes for the user
 */
public record PlateOutput(Table normalized, Table qc, Table screen, Table effects, List<PlateResult> plates,
        PlateFormat format, List<String> warnings) {

    /** Copies the lists. */
    public PlateOutput {
        plates = List.copyOf(plates);
        warnings = List.copyOf(warnings);
    }
}
