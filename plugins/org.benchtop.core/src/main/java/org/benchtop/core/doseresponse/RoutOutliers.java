package org.benchtop.core.doseresponse;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.TDistribution;
import org.benchtop.core.stats.BenjaminiHochberg;

/**
 * Outlier detection in the spirit of GraphPad Prism's ROUT (Motulsky &amp; Brown 2006, "Detecting
 * outliers when fitting data with nonlinear regression - a new method based on robust nonlinear
 * regression and the false discovery rate", BMC Bioinformatics 7:123, doi:10.1186/1471-2105-7-123):
 * <ol>
 * <li>Robust fit: the curve that minimises {@code sum ln(1 + (r_i / RSDR)^2)} (Lorentzian / Cauchy
 * loss), by iteratively reweighted least squares from the least-squares fit, with weights
 * {@code 1 / (1 + (r_i / RSDR)^2)}. RSDR, the robust standard deviation of the residuals, is the
 * 68.27th percentile of |r| times {@code N / (N - K)} (the paper's small-sample correction; N
 * points, K estimated parameters).</li>
 * <li>Outlier test: {@code t_i = |r_i| / RSDR}, two-sided p-values from Student's t with N - K
 * degrees of freedom, Benjamini-Hochberg adjusted; a point is an outlier when its adjusted p-value
 * is below Q (default 1 %).</li>
 * </ol>
 * Differences from Prism: Prism's exact robust merit function and its FDR step procedure are
 * described but not published as code; here the standard BH step-up procedure is used. Outliers are
 * only flagged here: the caller decides whether to refit without them (and always reports them).
 * Immutable.
 */
public final class RoutOutliers {

    /** Prism's recommended default false discovery rate Q = 1 %. */
    public static final double DEFAULT_Q = 0.01;

    private final double q;

    private RoutOutliers(double q) {
        this.q = q;
    }

    /** @return a detector with Q = 1 % */
    public static RoutOutliers withDefaults() {
        return new RoutOutliers(DEFAULT_Q);
    }

    /**
     * @param falseDiscoveryRate Q in (0, 1)
     * @return a copy with that Q
     */
    public RoutOutliers withQ(double falseDiscoveryRate) {
        if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1)) {
            throw DoseResponseException.badInput("The ROUT false discovery rate Q must be in (0, 1), not %s",
                    Double.toString(falseDiscoveryRate));
        }
        return new RoutOutliers(falseDiscoveryRate);
    }

    /** @return Q */
    public double q() {
        return q;
    }

    /**
     * The outcome for one curve.
     *
     * @param outlier per point, in input order
     * @param robustParameters {b, c, d, e, f} of the robust fit
     * @param rsdr the robust standard deviation of the residuals of the robust fit
     * @param pValues the two-sided p-values of the robust residuals
     * @param adjustedPValues their Benjamini-Hochberg adjustment
     * @param q the false discovery rate used
     */
    public record Result(boolean[] outlier, double[] robustParameters, double rsdr, double[] pValues,
            double[] adjustedPValues, double q) {

        /** Defensive copies. */
        public Result {
            outlier = outlier.clone();
            robustParameters = robustParameters.clone();
            pValues = pValues.clone();
            adjustedPValues = adjustedPValues.clone();
        }

        @Override
        public boolean[] outlier() {
            return outlier.clone();
        }

        @Override
        public double[] robustParameters() {
            return robustParameters.clone();
        }

        @Override
        public double[] pValues() {
            return pValues.clone();
        }

        @Override
        public double[] adjustedPValues() {
            return adjustedPValues.clone();
        }

        /** @return the number of outliers */
        public int count() {
            int k = 0;
            for (boolean b : outlier) {
                if (b) {
                    k++;
                }
            }
            return k;
        }
    }

    /**
     * Detects outliers of one curve.
     *
     * @param fitter the model, fixed values and bounds to use
     * @param leastSquares the ordinary least-squares fit of the same points (the robust fit's start)
     * @return the outcome; no outliers when there are no residual degrees of freedom
     */
    public Result detect(LogLogisticFitter fitter, LogLogisticFitter.Result leastSquares) {
        double[] x = leastSquares.dose();
        double[] y = leastSquares.response();
        int n = x.length;
        double[] fixed = fitter.fixedValues();
        CurveProblem base = CurveProblem.single(x, y, fixed, fitter.lowerBounds(), fitter.upperBounds());
        int k = base.nParams;
        double[] params = leastSquares.parameters();
        if (n - k < 1) {
            return new Result(new boolean[n], params, Double.NaN, nan(n), nan(n), q);
        }
        double[] theta = new double[k];
        for (int s = 0, j = 0; s < 5; s++) {
            if (Double.isNaN(fixed[s])) {
                theta[j++] = s == 3 ? Math.log(params[s]) : params[s];
            }
        }
        double[] r = new double[n];
        double[] sw = new double[n];
        base.evaluate(theta, r, null);
        double rsdr = rsdr(r, k);
        for (int it = 0; it < 50 && rsdr > 0; it++) {
            for (int i = 0; i < n; i++) {
                double z = r[i] / rsdr;
                sw[i] = 1 / Math.sqrt(1 + z * z);
            }
            Minimum m = fitter.minimize(base.withSqrtWeights(sw.clone()), theta);
            double change = 0;
            for (int j = 0; j < k; j++) {
                change = Math.max(change, Math.abs(m.theta()[j] - theta[j]) / (Math.abs(theta[j]) + 1e-8));
            }
            if (!Double.isFinite(m.rss())) {
                break;
            }
            theta = m.theta();
            base.evaluate(theta, r, null);
            rsdr = rsdr(r, k);
            if (change < 1e-8) {
                break;
            }
        }
        double[] robust = base.curveParams(0, base.toNatural(theta));
        double[] p = new double[n];
        if (rsdr > 0) {
            TDistribution t = TDistribution.of(n - k);
            for (int i = 0; i < n; i++) {
                p[i] = 2 * t.survivalProbability(Math.abs(r[i]) / rsdr);
            }
        } else {
            // a perfect robust fit: any non-zero residual is an outlier
            for (int i = 0; i < n; i++) {
                p[i] = r[i] == 0 ? 1 : 0;
            }
        }
        double[] adj = BenjaminiHochberg.adjust(p);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = adj[i] < q;
        }
        return new Result(out, robust, rsdr, p, adj, q);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** RSDR = P68.27(|r|) N / (N - K), percentile with linear interpolation (R type 7). */
    static double rsdr(double[] r, int k) {
        int n = r.length;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.abs(r[i]);
        }
        Arrays.sort(a);
        double h = (n - 1) * 0.6827;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        double p68 = a[lo] + (h - lo) * (a[hi] - a[lo]);
        return p68 * n / (double) (n - k);
    }
}
