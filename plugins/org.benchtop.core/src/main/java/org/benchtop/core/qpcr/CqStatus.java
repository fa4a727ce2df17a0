package org.benchtop.core.qpcr;

/** Whether a well's Cq is a usable number, and if not, why: non-detects are reported, never imputed. */
public enum CqStatus {
    /** A finite Cq at or below the cut-off. */
    DETECTED,
    /** The instrument wrote "Undetermined" (or "N/A", "No Ct", "NaN"). */
    UNDETERMINED,
    /** The Cq cell was empty. */
    EMPTY,
    /** A Cq above the non-detect cut-off (default 40 cycles). */
    ABOVE_CUTOFF;

    /** @return whether the well is a non-detect */
    public boolean isNonDetect() {
        return this != DETECTED;
    }
}
