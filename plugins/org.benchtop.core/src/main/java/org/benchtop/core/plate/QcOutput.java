package org.benchtop.core.plate;

import java.util.List;

import org.benchtop.core.table.Table;

/**
 * The result of {@link PlateAnalysis#qc}.
 *
 * @param table one row per plate: the plate key columns, well counts, control and sample
 *        statistics, Z', SSMD, S/B, edge test, median-polish effects and the pass flag (see
 *        {@link PlateAnalysis#qc} for the columns)
 * @param screen the pooled screen-level control QC: one row per group of the further plate
 *        columns, scale ({@code raw}, {@code plate_median_ratio}) and statistics ({@code mean/SD},
 *        {@code median/MAD})
 * @param effects the full median-polish decomposition per plate: overall, each row and each
 *        column effect, also relative to the residual MAD
 * @param plates the per-plate results, in order of first appearance in the input
 * @param format the plate format used
 * @param warnings notes for the user
 */
public record QcOutput(Table table, Table screen, Table effects, List<PlateResult> plates, PlateFormat format,
        List<String> warnings) {

    /** Copies the lists. */
    public QcOutput {
        plates = List.copyOf(plates);
        warnings = List.copyOf(warnings);
    }
}
