package org.benchtop.core.doseresponse;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The 0.975 quantiles of Student's t for df = 1..max, computed once per batch (the inverse CDF costs
 * microseconds, as much as a whole curve fit). Immutable after construction.
 */
final class TQuantiles {

    private final double[] q;

    /** @param maxDf the largest df to tabulate (at most 200; larger ones are computed on demand) */
    TQuantiles(int maxDf) {
        int m = Math.max(1, Math.min(maxDf, 200));
        q = new double[m + 1];
        q[0] = Double.NaN;
        for (int df = 1; df <= m; df++) {
            q[df] = TDistribution.of(df).inverseCumulativeProbability(0.975);
        }
    }

    /** @return the 0.975 quantile of t with df degrees of freedom (NaN for df &lt; 1) */
    double get(int df) {
        if (df < 1) {
            return Double.NaN;
        }
        return df < q.length ? q[df] : TDistribution.of(df).inverseCumulativeProbability(0.975);
    }
}
