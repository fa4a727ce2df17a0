package org.benchtop.core.qpcr;

import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@code benchtop qpcr genorm} and the "geNorm Reference Gene Stability" node
 * ({@code --sample}, {@code --target}, {@code --cq} or {@code --quantity}, {@code --group},
 * {@code --efficiency}, {@code --cq-cutoff}).
 *
 * @param sampleColumn the sample column
 * @param targetColumn the target (candidate gene) column
 * @param cqColumn the Cq column, or {@code null} when quantities are given
 * @param quantityColumn the relative-quantity column, or {@code null} when Cq values are given
 * @param groupColumn the group column (geNorm runs per group, e.g. per tissue), or {@code null}
 * @param efficiency amplification factor per gene for Cq input (default 2)
 * @param cqCutoff the non-detect cut-off, cycles
 */
public record GenormSettings(String sampleColumn, String targetColumn, String cqColumn, String quantityColumn,
        String groupColumn, Map<String, Double> efficiency, double cqCutoff) {

    /** Validates. */
    public GenormSettings {
        Objects.requireNonNull(sampleColumn, "sampleColumn");
        Objects.requireNonNull(targetColumn, "targetColumn");
        if ((cqColumn == null) == (quantityColumn == null)) {
            throw QpcrException.badInput("geNorm takes either Cq values (--cq) or relative quantities (--quantity), "
                    + "exactly one of them");
        }
        efficiency = efficiency == null ? Map.of() : Map.copyOf(efficiency);
    }

    /**
     * @param sample the sample column
     * @param target the target column
     * @param cq the Cq column
     * @param group the group column or {@code null}
     * @return settings for Cq input with E = 2
     */
    public static GenormSettings ofCq(String sample, String target, String cq, String group) {
        return new GenormSettings(sample, target, cq, null, group, Map.of(), Cq.DEFAULT_CUTOFF);
    }

    /**
     * @param sample the sample column
     * @param target the target column
     * @param quantity the quantity column
     * @param group the group column or {@code null}
     * @return settings for quantity input
     */
    public static GenormSettings ofQuantity(String sample, String target, String quantity, String group) {
        return new GenormSettings(sample, target, null, quantity, group, Map.of(), Cq.DEFAULT_CUTOFF);
    }
}
