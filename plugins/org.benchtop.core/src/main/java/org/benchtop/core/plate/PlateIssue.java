package org.benchtop.core.plate;

/** Conditions on a plate that do not stop the analysis but that the user should know about. */
public enum PlateIssue {
    /** Fewer than two negative or positive control wells: Z', SSMD and the pass flag are missing. */
    Z_PRIME_UNDEFINED("Z' and SSMD could not be computed (fewer than 2 negative or fewer than 2 positive control "
            + "wells); the pass column is empty"),
    /** Median polish reached its iteration limit before the tolerance. */
    MEDIAN_POLISH_NOT_CONVERGED("median polish did not converge within its iteration limit; B-scores and "
            + "row/column effects are from the last iteration"),
    /** A row or column has no usable sample well. */
    LINES_WITHOUT_SAMPLES("some rows or columns have no usable sample well: their median-polish effects and the "
            + "B-scores of their wells are missing"),
    /** The outer ring or the interior has no usable sample well. */
    EDGE_TEST_UNDEFINED("the edge test could not be computed (no usable sample wells in the outer ring or in the "
            + "interior)"),
    /** The plate has no usable sample well. */
    NO_SAMPLES("the plate has no usable sample wells: sample statistics, B-score and edge test are missing");

    private final String message;

    PlateIssue(String message) {
        this.message = message;
    }

    /** @return what happened and what it means for the output */
    public String message() {
        return message;
    }
}
