package org.benchtop.core.qpcr;

import java.util.Objects;

/**
 * One qPCR reaction (well): the long-format input row of every qPCR engine.
 *
 * @param well the well id (e.g. "B3"), or {@code null} if not given
 * @param sample the sample (biological unit) the reaction was run on; never {@code null}
 * @param group the condition the sample belongs to (e.g. "treated"), or {@code null}
 * @param target the gene (assay) measured; never {@code null}
 * @param cq the parsed Cq with its non-detect status
 * @param type the sample type (unknown, standard, NTC, NRT, ...)
 * @param quantity the known input quantity of a standard (any unit), NaN for other wells
 * @param plate the plate or run id, or {@code null}
 * @param where where the row came from, for messages (e.g. "plates.csv line 12")
 */
public record Well(String well, String sample, String group, String target, Cq cq, SampleType type,
        double quantity, String plate, String where) {

    /** Validates the required fields. */
    public Well {
        if (sample == null || sample.isBlank()) {
            throw QpcrException.badInput("Missing sample name at %s; every well needs a sample", where);
        }
        if (target == null || target.isBlank()) {
            throw QpcrException.badInput("Missing target (gene) name at %s; every well needs a target", where);
        }
        Objects.requireNonNull(cq, "cq");
        Objects.requireNonNull(type, "type");
    }

    /**
     * A plain unknown-sample well with a detected or non-detected Cq.
     *
     * @param sample the sample
     * @param group the group, or {@code null}
     * @param target the target gene
     * @param cq the Cq in cycles (NaN for undetermined), classified against the default cut-off 40
     * @return the well
     */
    public static Well of(String sample, String group, String target, double cq) {
        String where = "sample " + sample + ", target " + target;
        return new Well(null, sample, group, target, Cq.of(cq, Cq.DEFAULT_CUTOFF, where), SampleType.UNKNOWN,
                Double.NaN, null, where);
    }

    /** @return a short label for messages: the well id if known, else {@code where} */
    public String label() {
        return well != null ? "well " + well + " (" + where + ")" : where;
    }
}
