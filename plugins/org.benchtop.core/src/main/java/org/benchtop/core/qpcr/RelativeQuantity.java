package org.benchtop.core.qpcr;

/**
 * One group's relative expression of one target, the common output row of the quantification
 * methods (the CLI columns {@code group, target, delta_cq, delta_delta_cq, error,
 * relative_expression, lower, upper}).
 *
 * @param group the group (condition)
 * @param target the target gene
 * @param n the number of samples (or wells) the group's estimate rests on
 * @param deltaCq the normalized value: mean Cq(target) - mean Cq(reference) for ΔΔCq and Pfaffl;
 *     the group's mean Cq for the ΔCq method; -log2 NRQ for the NRQ method; cycles
 * @param deltaDeltaCq {@code -log2(relativeExpression)}: ΔCq minus the calibrator's ΔCq; cycles
 * @param error the error on the log2 (cycle) scale, as the method defines it; NaN if not estimable
 * @param relativeExpression the fold change relative to the calibrator group (1 for the calibrator)
 * @param lower {@code relativeExpression * 2^-error} (for ΔΔCq: {@code 2^-(ΔΔCq + error)})
 * @param upper {@code relativeExpression * 2^error}
 */
public record RelativeQuantity(String group, String target, int n, double deltaCq, double deltaDeltaCq, double error,
        double relativeExpression, double lower, double upper) {

    /**
     * Builds a row from ΔΔCq and an error in cycles: relative expression {@code 2^-ΔΔCq}, bounds
     * {@code 2^-(ΔΔCq ± error)}.
     *
     * @param group the group
     * @param target the target
     * @param n the number of samples
     * @param deltaCq the normalized ΔCq, cycles
     * @param deltaDeltaCq ΔΔCq, cycles
     * @param error the error in cycles
     * @return the row
     */
    public static RelativeQuantity fromCycles(String group, String target, int n, double deltaCq, double deltaDeltaCq,
            double error) {
        return new RelativeQuantity(group, target, n, deltaCq, deltaDeltaCq, error, Math.pow(2, -deltaDeltaCq),
                Math.pow(2, -(deltaDeltaCq + error)), Math.pow(2, -(deltaDeltaCq - error)));
    }
}
