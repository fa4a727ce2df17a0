package org.benchtop.core.plate;

/** What a well holds, read from the content column by case-insensitive label matching. */
public enum WellContent {
    /** Negative control (e.g. non-targeting, vehicle): full signal in a viability assay. */
    NEGATIVE,
    /** Positive control (e.g. a killer dsRNA or reference inhibitor). */
    POSITIVE,
    /** A sample (screened compound, siRNA, …). */
    SAMPLE,
    /** An empty well (label {@code empty}). */
    EMPTY,
    /** Anything else: buffer, reference, a content label that matches none of the above. */
    OTHER
}
