package org.benchtop.core.qpcr;

import java.util.Objects;

/**
 * Settings of {@code benchtop qpcr standard-curve} and the "qPCR Standard Curve" node
 * ({@code --sample}, {@code --target}, {@code --cq}, {@code --quantity}, {@code --type},
 * {@code --well}, {@code --cq-cutoff}).
 *
 * @param sampleColumn the sample column
 * @param targetColumn the target column
 * @param cqColumn the Cq column
 * @param quantityColumn the standard-quantity column (rows with a quantity are standards unless a
 *     type column says otherwise)
 * @param typeColumn the sample-type column, or {@code null}
 * @param wellColumn the well column, or {@code null}
 * @param cqCutoff the non-detect cut-off, cycles
 */
public record StandardCurveSettings(String sampleColumn, String targetColumn, String cqColumn, String quantityColumn,
        String typeColumn, String wellColumn, double cqCutoff) {

    /** Validates. */
    public StandardCurveSettings {
        Objects.requireNonNull(sampleColumn, "sampleColumn");
        Objects.requireNonNull(targetColumn, "targetColumn");
        Objects.requireNonNull(cqColumn, "cqColumn");
        if (quantityColumn == null) {
            throw QpcrException.badInput("A standard curve needs the column of standard quantities (--quantity)");
        }
    }

    /**
     * @param sample the sample column
     * @param target the target column
     * @param cq the Cq column
     * @param quantity the quantity column
     * @return settings without type and well columns, cut-off 40
     */
    public static StandardCurveSettings of(String sample, String target, String cq, String quantity) {
        return new StandardCurveSettings(sample, target, cq, quantity, null, null, Cq.DEFAULT_CUTOFF);
    }
}
