package org.benchtop.core.rnaseq;

import org.benchtop.core.stats.Histogram;
import org.benchtop.core.stats.Loess;
import org.benchtop.core.stats.LongDoubleSum;
import org.benchtop.core.stats.RRandomStream;

/**
 * DESeq2's estimate of the dispersion prior variance for few residual degrees of freedom
 * (1 &lt;= m - p &lt;= 3, e.g. 2 vs 2 or 3 vs 2 samples), where the moment formula of
 * {@link DispersionPrior} is unreliable: the variance s^2 is chosen so that the simulated
 * distribution of the log residuals, {@code log(chi^2_df / df) + N(0, s^2)}, matches the observed
 * log residuals {@code log(dispGeneEst) - log(dispFit)} best in Kullback-Leibler divergence.
 * Love, Huber and Anders (2014), Genome Biology 15:550, doi:10.1186/s13059-014-0550-8 (Methods,
 * "Dispersion prior"); reproduces DESeq2 1.38.3's {@code estimateDispersionsPriorVar} exactly:
 * <ol>
 * <li>the observed residuals strictly between -10 and 10 are binned by R's {@code hist} into
 * the 40 intervals of width 0.5 ({@link Histogram});</li>
 * <li>with R's random numbers after {@code set.seed(2)} ({@link RRandomStream}), for each of the
 * 200 variances {@code x = seq(0, 8, length = 200)} in turn: 10000 draws of
 * {@code rchisq(df)}, then 10000 of {@code rnorm(0, sqrt(x))} (none for x = 0), the values
 * {@code log(chi2) + z - log(df)} strictly inside (-10, 10) binned the same way;</li>
 * <li>{@code KL(x) = sum_j p_j (log(p_j + e) - log(q_j + e))} over the bins, p the observed and q
 * the simulated densities, e the smallest positive density of either, summed as R does
 * ({@link LongDoubleSum});</li>
 * <li>{@code loess(KL ~ x, span = 0.2)} ({@link Loess}) predicted on {@code seq(0, 8, length = 1000)};
 * the prior variance is the first minimizing grid value, at least 0.25.</li>
 * </ol>
 * Every step gives R's doubles (the loess fit exactly; draws through {@code log/exp} up to rare
 * last-bit differences of the C library, which cannot move a value across a histogram break in
 * practice), so the prior variance equals DESeq2's. About 4 million random draws: about half a
 * second once the JVM is warm, single-threaded as the stream is sequential.
 */
public final class DispersionPriorSimulation {

    /** DESeq2's seed ({@code set.seed(2)}). */
    public static final int SEED = 2;
    /** Draws per grid value. */
    public static final int DRAWS = 10000;
    /** Number of candidate variances, {@code seq(0, 8, length = 200)}. */
    public static final int GRID = 200;
    /** Number of points the loess curve is evaluated at, {@code seq(0, 8, length = 1000)}. */
    public static final int FINE_GRID = 1000;
    /** The smallest prior variance DESeq2 returns. */
    public static final double MIN_PRIOR_VAR = 0.25;

    /**
     * The simulation's outcome.
     *
     * @param dispPriorVar {@code max(argminKL, 0.25)}
     * @param argminKL the grid value minimizing the loess curve of the divergences
     * @param residualCount the number of observed residuals binned (those inside (-10, 10))
     * @param klDivs the divergence at each of the 200 candidate variances
     * @param lofitFitted the loess curve at the 1000 points of the fine grid
     */
    public record Result(double dispPriorVar, double argminKL, int residualCount, double[] klDivs,
            double[] lofitFitted) {
    }

    private DispersionPriorSimulation() {
    }

    /**
     * Runs DESeq2's simulation.
     *
     * @param residuals the log residuals {@code log(dispGeneEst) - log(dispFit)} of the genes that
     *        are not all zero and whose gene-wise estimate is at least 100 minDisp, in gene order;
     *        NaN and values outside (-10, 10) are ignored
     * @param df the residual degrees of freedom m - p, positive (DESeq2 uses this for 1 to 3)
     * @return the prior variance and the curve it came from
     * @throws IllegalArgumentException if df &lt; 1 or no residual lies inside (-10, 10) (DESeq2 stops
     *         with an error in loess then)
     */
    public static Result estimate(double[] residuals, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("The dispersion prior simulation needs m - p >= 1, not " + df);
        }
        double[] breaks = new double[41];
        for (int j = 0; j < breaks.length; j++) {
            breaks[j] = (j - 20) / 2.0;
        }
        double lo = breaks[0];
        double hi = breaks[40];
        double[] obs = inside(residuals, residuals.length, lo, hi);
        if (obs.length == 0) {
            throw new IllegalArgumentException("No log dispersion residual lies between -10 and 10; the dispersion "
                    + "prior cannot be matched by simulation");
        }
        double[] obsDens = Histogram.of(obs, breaks).density();
        double[] grid = seq8(GRID);
        double[] kl = new double[GRID];
        RRandomStream rng = RRandomStream.seeded(SEED);
        double logDf = Math.log(df);
        double[] chi = new double[DRAWS];
        double[] rand = new double[DRAWS];
        double[] terms = new double[obsDens.length];
        for (int g = 0; g < GRID; g++) {
            for (int i = 0; i < DRAWS; i++) {
                chi[i] = rng.rchisq(df);
            }
            double sd = Math.sqrt(grid[g]);
            for (int i = 0; i < DRAWS; i++) {
                rand[i] = Math.log(chi[i]) + rng.rnorm(0, sd) - logDf;
            }
            double[] randDens = Histogram.of(inside(rand, DRAWS, lo, hi), breaks).density();
            double small = Double.POSITIVE_INFINITY;
            for (int j = 0; j < obsDens.length; j++) {
                if (obsDens[j] > 0) {
                    small = Math.min(small, obsDens[j]);
                }
                if (randDens[j] > 0) {
                    small = Math.min(small, randDens[j]);
                }
            }
            for (int j = 0; j < obsDens.length; j++) {
                terms[j] = obsDens[j] * (Math.log(obsDens[j] + small) - Math.log(randDens[j] + small));
            }
            kl[g] = LongDoubleSum.sum(terms);
        }
        Loess.Result lofit = Loess.withDefaults().withSpan(0.2).fit(grid, kl);
        double[] fine = seq8(FINE_GRID);
        double[] fitted = lofit.predict(fine);
        int best = -1;
        for (int i = 0; i < fitted.length; i++) {
            if (!Double.isNaN(fitted[i]) && (best < 0 || fitted[i] < fitted[best])) {
                best = i;
            }
        }
        double argmin = fine[best];
        return new Result(Math.max(argmin, MIN_PRIOR_VAR), argmin, obs.length, kl, fitted);
    }

    /** The values strictly between lo and hi among the first n, in order (NaN dropped). */
    private static double[] inside(double[] v, int n, double lo, double hi) {
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] > lo && v[i] < hi) {
                out[k++] = v[i];
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /** R's {@code seq(from = 0, to = 8, length = n)}: {@code i * (8 / (n - 1))}, the last exactly 8. */
    static double[] seq8(int n) {
        double by = (8.0 - 0.0) / (n - 1);
        double[] s = new double[n];
        for (int i = 1; i < n - 1; i++) {
            s[i] = 0.0 + i * by;
        }
        s[n - 1] = 8.0;
        return s;
    }
}
