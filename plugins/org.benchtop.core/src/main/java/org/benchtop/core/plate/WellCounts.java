package org.benchtop.core.plate;

/**
 * How many wells of a plate the statistics used, by content, and how many were left out.
 *
 * @param negative negative control wells used
 * @param positive positive control wells used
 * @param sample sample wells used
 * @param empty empty wells used
 * @param other other wells used
 * @param excluded wells flagged in the exclusion column (any content)
 * @param missing wells in the input without a value and not flagged
 */
public record WellCounts(int negative, int positive, int sample, int empty, int other, int excluded, int missing) {
}
