package org.benchtop.core.rnaseq;

import java.util.Arrays;

/**
 * What to compare, as DESeq2's {@code results(contrast = ...)} / {@code results(name = ...)}:
 * two levels of a factor ({@code c("condition", "treated", "control")}), one model coefficient
 * by name, or a numeric weight vector over the coefficients.
 */
public sealed interface Contrast permits Contrast.Levels, Contrast.Coefficient, Contrast.Numeric {

    /**
     * log2(numerator / denominator) for a factor.
     *
     * @param factor the factor (sample sheet column)
     * @param numerator the level in the numerator
     * @param denominator the level in the denominator
     */
    record Levels(String factor, String numerator, String denominator) implements Contrast {
        @Override
        public String describe() {
            return factor + " " + numerator + " vs " + denominator;
        }
    }

    /**
     * A single model coefficient ({@code resultsNames(dds)}).
     *
     * @param name the coefficient name, e.g. {@code condition_treated_vs_untreated}
     */
    record Coefficient(String name) implements Contrast {
        @Override
        public String describe() {
            return name;
        }
    }

    /**
     * A linear combination of the coefficients.
     *
     * @param weights one weight per coefficient, in the order of {@code resultsNames}
     */
    record Numeric(double[] weights) implements Contrast {
        @Override
        public String describe() {
            return Arrays.toString(weights);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Numeric n && Arrays.equals(weights, n.weights);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return "Numeric" + Arrays.toString(weights);
        }
    }

    /**
     * @param factor factor name
     * @param numerator numerator level
     * @param denominator denominator level
     * @return the level contrast
     */
    static Contrast of(String factor, String numerator, String denominator) {
        return new Levels(factor, numerator, denominator);
    }

    /** @return a short human-readable description (as DESeq2's results description) */
    String describe();
}
