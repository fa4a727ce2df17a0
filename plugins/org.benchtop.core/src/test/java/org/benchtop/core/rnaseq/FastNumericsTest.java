package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.benchtop.core.stats.BenjaminiHochberg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shortcuts that make the engine fast, each checked against the direct computation it
 * replaces: sums over the distinct rows of X, the Cox-Reid log posterior with one logarithm per
 * sample, medians and trimmed means by partial sorting, both trimmed means of Cook's cell variance
 * from one sort, lgamma by recurrence below 10, and independent filtering with one sort of the
 * p-values.
 */
class FastNumericsTest {

    /** A design with an intercept, a two-level factor and a numeric covariate taking few values. */
    private static double[] design(int m, Random rnd) {
        double[] x = new double[m * 3];
        for (int j = 0; j < m; j++) {
            x[j * 3] = 1;
            x[j * 3 + 1] = rnd.nextInt(2);
            x[j * 3 + 2] = rnd.nextInt(3) * 0.5;
        }
        return x;
    }

    @Test
    void crossprodOverCellsEqualsTheSumOverSamples() {
        Random rnd = new Random(1);
        int m = 40;
        int p = 3;
        double[] x = design(m, rnd);
        DesignMatrix.Cells cells = DesignMatrix.Cells.of(x, m, p);
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            w[j] = Math.exp(rnd.nextGaussian());
        }
        double[] fast = new double[p * p];
        cells.weightedCrossprod(w, new double[cells.count], fast);
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                double direct = 0;
                for (int j = 0; j < m; j++) {
                    direct += x[j * p + k] * w[j] * x[j * p + l];
                }
                assertEquals(direct, fast[k * p + l], 1e-13 * Math.abs(direct), "X'WX[" + k + "," + l + "]");
            }
        }
        double[] beta = {0.3, -1.2, 0.7};
        double[] eta = new double[cells.count];
        cells.linearPredictors(beta, 0, eta);
        for (int j = 0; j < m; j++) {
            double direct = x[j * p] * beta[0] + x[j * p + 1] * beta[1] + x[j * p + 2] * beta[2];
            assertEquals(direct, eta[cells.cellOf[j]], 0, "linear predictor of sample " + j);
        }
    }

    /** DESeq2's log_posterior term by term (two logarithms per sample, X'WX by LU). */
    private static double directLogPosterior(double[] y, double[] mu, double[] x, int m, int p, double logAlpha) {
        double alpha = Math.exp(logAlpha);
        double r = 1 / alpha;
        double ll = 0;
        double[] b = new double[p * p];
        for (int j = 0; j < m; j++) {
            ll += RMath.lgamma(y[j] + r) - RMath.lgamma(r) - y[j] * Math.log(mu[j] + r) - r * Math.log(1 + mu[j] * alpha);
            double wj = 1 / (1 / mu[j] + alpha);
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < p; l++) {
                    b[k * p + l] += x[j * p + k] * wj * x[j * p + l];
                }
            }
        }
        return ll - 0.5 * Math.log(SmallMatrix.det(b, p, new double[p * p]));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-12, -4, -1.5, 0, 2, 8})
    void logPosteriorAndItsDerivativeMatchDeseq2sFormula(double logAlpha) {
        Random rnd = new Random(2);
        int m = 30;
        int p = 3;
        double[] x = design(m, rnd);
        double[] y = new double[m];
        double[] mu = new double[m];
        for (int j = 0; j < m; j++) {
            mu[j] = 0.5 + Math.exp(3 + 2 * rnd.nextGaussian());
            y[j] = Math.floor(mu[j] * Math.exp(0.3 * rnd.nextGaussian()));
        }
        DispersionLikelihood lik = new DispersionLikelihood(x, m, p);
        lik.setGene(y, 0, mu, 0, 0, 1, false);
        double expected = directLogPosterior(y, mu, x, m, p, logAlpha);
        assertEquals(expected, lik.logPosterior(logAlpha), 1e-11 * Math.abs(expected));
        double h = 1e-5;
        double numeric = (directLogPosterior(y, mu, x, m, p, logAlpha + h)
                - directLogPosterior(y, mu, x, m, p, logAlpha - h)) / (2 * h);
        assertEquals(numeric, lik.dLogPosterior(logAlpha, false), 1e-5 * Math.max(1, Math.abs(numeric)));
    }

    @Test
    void partialSortingGivesTheSortedOrderStatistics() {
        Random rnd = new Random(3);
        for (int it = 0; it < 2000; it++) {
            int n = 1 + rnd.nextInt(70);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = it % 2 == 0 ? rnd.nextInt(5) : rnd.nextGaussian();
            }
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            int half = (n + 1) / 2;
            double median = n % 2 == 1 ? sorted[half - 1] : RMath.mean2(sorted[half - 1], sorted[half]);
            assertEquals(median, RMath.median(v.clone(), n), 0, "median");
            double trim = new double[] {0.001, 0.125, 0.2, 1.0 / 3}[it % 4];
            int lo = (int) Math.floor(n * trim);
            assertEquals(RMath.mean(sorted, lo, n - 2 * lo), RMath.trimmedMean(v.clone(), n, trim), 0, "trimmed mean");
            if (n >= 3) {
                double center = RMath.mean(sorted, lo, n - 2 * lo);
                double[] sq = new double[n];
                for (int i = 0; i < n; i++) {
                    sq[i] = (v[i] - center) * (v[i] - center);
                }
                Arrays.sort(sq);
                assertEquals(RMath.mean(sq, lo, n - 2 * lo),
                        CooksDistance.trimmedSquaredDeviation(v.clone(), n, trim, new double[n]), 0, "trimmed variance");
            }
        }
    }

    @Test
    void lgammaBelowTenByRecurrence() {
        for (double x = 1e-6; x <= 10; x += 0.00731) {
            assertEquals(RMath.lgamma(x), RMath.lgammaBelow10(x), 2e-14, "lgamma(" + x + ")");
        }
    }

    @Test
    void independentFilteringAdjustsEachFilteredSetAsBenjaminiHochberg() {
        Random rnd = new Random(4);
        int n = 3000;
        double[] filter = new double[n];
        double[] p = new double[n];
        for (int g = 0; g < n; g++) {
            filter[g] = g % 50 == 0 ? 0 : Math.exp(2 * rnd.nextGaussian());
            p[g] = g % 97 == 0 ? Double.NaN : Math.pow(rnd.nextDouble(), filter[g] > 3 ? 6 : 1);
            if (g % 13 == 0) {
                p[g] = 0.5; // ties
            }
        }
        IndependentFiltering.Result r = IndependentFiltering.apply(filter, p, 0.1);
        double[] sub = new double[n];
        int[] idx = new int[n];
        int k = 0;
        for (int g = 0; g < n; g++) {
            if (filter[g] >= r.filterThreshold()) {
                idx[k] = g;
                sub[k++] = p[g];
            }
        }
        double[] adj = BenjaminiHochberg.adjust(Arrays.copyOf(sub, k));
        double[] expected = new double[n];
        Arrays.fill(expected, Double.NaN);
        for (int t = 0; t < k; t++) {
            expected[idx[t]] = adj[t];
        }
        assertArrayEquals(expected, r.padj(), 0);
    }
}
