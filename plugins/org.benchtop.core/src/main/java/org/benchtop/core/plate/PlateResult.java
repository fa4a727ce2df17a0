package org.benchtop.core.plate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything the engine computed for one plate: the statistics of the control and sample wells,
 * control separation (Z', SSMD, S/B), the median polish of the sample wells (row, column and overall
 * effects), the edge test, the pass flag, and the normalized values per method, computed on demand
 * from these statistics (no per-method arrays are stored). Immutable: arrays are only handed out
 * as copies.
 */
public final class PlateResult {

    private final PlateData plate;
    private final WellCounts counts;
    private final GroupStatistics negative;
    private final GroupStatistics positive;
    private final GroupStatistics samples;
    private final ControlSeparation separation;
    private final MedianPolish.Result polish;
    private final double residualMad;
    private final double maxRowEffect;
    private final double maxColumnEffect;
    private final EdgeEffectTest.Result edge;
    private final Boolean pass;
    private final Set<NormalizationMethod> methods;
    private final double[] residuals;
    private final Set<PlateIssue> issues;

    PlateResult(PlateData plate, WellCounts counts, GroupStatistics negative, GroupStatistics positive,
            GroupStatistics samples, ControlSeparation separation, MedianPolish.Result polish, double residualMad,
            double maxRowEffect, double maxColumnEffect, EdgeEffectTest.Result edge, Boolean pass,
            Set<NormalizationMethod> methods, double[] residuals, EnumSet<PlateIssue> issues) {
        this.plate = plate;
        this.counts = counts;
        this.negative = negative;
        this.positive = positive;
        this.samples = samples;
        this.separation = separation;
        this.polish = polish;
        this.residualMad = residualMad;
        this.maxRowEffect = maxRowEffect;
        this.maxColumnEffect = maxColumnEffect;
        this.edge = edge;
        this.pass = pass;
        this.methods = methods;
        this.residuals = residuals;
        this.issues = Collections.unmodifiableSet(issues);
    }

    /** @return the input plate */
    public PlateData plate() {
        return plate;
    }

    /** @return the numbers of wells used and left out */
    public WellCounts counts() {
        return counts;
    }

    /** @return statistics of the negative control wells used */
    public GroupStatistics negative() {
        return negative;
    }

    /** @return statistics of the positive control wells used */
    public GroupStatistics positive() {
        return positive;
    }

    /** @return statistics of the sample wells used */
    public GroupStatistics samples() {
        return samples;
    }

    /** @return Z', SSMD, S/B (plain and robust) */
    public ControlSeparation separation() {
        return separation;
    }

    /**
     * @return the median polish of the used sample wells (raw values), or {@code null} if neither
     *         the B-score nor QC was requested
     */
    public MedianPolish.Result polish() {
        return polish;
    }

    /** @return the MAD of the sample-well residuals of the median polish (NaN if not computed) */
    public double residualMad() {
        return residualMad;
    }

    /** @return {@code max|row effect| / residual MAD} (NaN if not computed or the residual MAD is 0) */
    public double maxRowEffect() {
        return maxRowEffect;
    }

    /** @return {@code max|column effect| / residual MAD} (NaN if not computed or the residual MAD is 0) */
    public double maxColumnEffect() {
        return maxColumnEffect;
    }

    /** @return the edge test, or {@code null} if QC was not requested */
    public EdgeEffectTest.Result edge() {
        return edge;
    }

    /** @return whether Z' reaches the threshold; {@code null} if Z' is undefined */
    public Boolean pass() {
        return pass;
    }

    /** @return the methods that can be asked for (those the engine checked) */
    public Set<NormalizationMethod> methods() {
        return methods;
    }

    /**
     * @param method a computed method
     * @return the normalized values per well (a new array), NaN where the well has no value
     * @throws IllegalArgumentException if the method was not computed
     */
    public double[] normalized(NormalizationMethod method) {
        double[] y = new double[plate.format().wells()];
        for (int w = 0; w < y.length; w++) {
            y[w] = normalized(method, w);
        }
        return y;
    }

    /**
     * The normalized value of one well, from the plate statistics (see {@link NormalizationMethod}).
     *
     * @param method a computed method
     * @param well a well index
     * @return the normalized value of that well; NaN if it has no value (and, for the B-score, if its
     *         row or column has no usable sample well)
     * @throws IllegalArgumentException if the method was not computed
     */
    public double normalized(NormalizationMethod method, int well) {
        if (!methods.contains(method)) {
            throw new IllegalArgumentException(method.columnName() + " was not computed");
        }
        double x = plate.valuesRef()[well];
        switch (method) {
            case PERCENT_OF_NEGATIVE:
                return 100 * x / negative.mean();
            case PERCENT_OF_POSITIVE:
                return 100 * x / positive.mean();
            case PERCENT_INHIBITION: {
                double mn = negative.mean();
                return 100 * (mn - x) / (mn - positive.mean());
            }
            case Z_SCORE:
                return (x - samples.mean()) / samples.sd();
            case ROBUST_Z_SCORE:
                return (x - samples.median()) / samples.mad();
            case B_SCORE:
                return residuals[well] / residualMad;
            case PLATE_MEDIAN_RATIO:
                return x / samples.median();
            default:
                throw new IllegalStateException(method.name());
        }
    }

    /**
     * Writes the normalized values of the wells {@code wells[from..to)} into {@code out[from..to)}
     * (the facade's fast path: one dispatch per run of rows instead of one per row).
     */
    void fill(NormalizationMethod method, int[] wells, int from, int to, double[] out) {
        if (!methods.contains(method)) {
            throw new IllegalArgumentException(method.columnName() + " was not computed");
        }
        double[] x = plate.valuesRef();
        switch (method) {
            case PERCENT_OF_NEGATIVE: {
                double mn = negative.mean();
                for (int r = from; r < to; r++) {
                    out[r] = 100 * x[wells[r]] / mn;
                }
                break;
            }
            case PERCENT_OF_POSITIVE: {
                double mp = positive.mean();
                for (int r = from; r < to; r++) {
                    out[r] = 100 * x[wells[r]] / mp;
                }
                break;
            }
            case PERCENT_INHIBITION: {
                double mn = negative.mean();
                double range = mn - positive.mean();
                for (int r = from; r < to; r++) {
                    out[r] = 100 * (mn - x[wells[r]]) / range;
                }
                break;
            }
            case Z_SCORE: {
                double m = samples.mean();
                double sd = samples.sd();
                for (int r = from; r < to; r++) {
                    out[r] = (x[wells[r]] - m) / sd;
                }
                break;
            }
            case ROBUST_Z_SCORE: {
                double med = samples.median();
                double mad = samples.mad();
                for (int r = from; r < to; r++) {
                    out[r] = (x[wells[r]] - med) / mad;
                }
                break;
            }
            case B_SCORE:
                for (int r = from; r < to; r++) {
                    out[r] = residuals[wells[r]] / residualMad;
                }
                break;
            case PLATE_MEDIAN_RATIO: {
                double med = samples.median();
                for (int r = from; r < to; r++) {
                    out[r] = x[wells[r]] / med;
                }
                break;
            }
            default:
                throw new IllegalStateException(method.name());
        }
    }

    /** @return the conditions the user should be warned about */
    public Set<PlateIssue> issues() {
        return issues;
    }

}
