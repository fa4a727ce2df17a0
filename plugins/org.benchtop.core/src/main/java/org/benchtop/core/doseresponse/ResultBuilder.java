package org.benchtop.core.doseresponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a {@link Minimum} into results: fitted values, the covariance matrix under the chosen
 * {@link SeConvention}, intervals, goodness of fit and the well-determined verdict per curve.
 */
final class ResultBuilder {

    private ResultBuilder() {
    }

    /**
     * What the curves of one minimisation share: the fitted values and residuals of all points, the
     * covariance of all estimated parameters and the fit statistics.
     */
    private record Fit(double[][] curveParams, double[] fitted, double[] resid, double[] cov, boolean covFinite,
            int df, double rss, double rse, double logLik, double aic, double tq975) {
    }

    /** The results of a joint fit: one per curve, and the joint covariance. */
    static LogLogisticFitter.JointResult build(LogLogisticFitter fitter, CurveProblem pr, Minimum min,
            List<String> labels, TQuantiles tq, Set<LogLogisticParameter> shared) {
        Fit fit = fit(fitter, pr, min, tq);
        List<LogLogisticFitter.Result> curves = new ArrayList<>(pr.nCurves);
        for (int k = 0; k < pr.nCurves; k++) {
            curves.add(curve(fitter, pr, min, fit, k, labels.get(k)));
        }
        return new LogLogisticFitter.JointResult(curves, shared, fitter.seConvention(), fit.cov(), pr.index,
                pr.nParams, pr.n(), fit.df(), fit.rss(), fit.rse(), fit.logLik(), fit.aic(), min.iterations(),
                min.converged(), fit.tq975());
    }

    /** The result of a one-curve problem (the first curve of {@link #build}, without the joint view). */
    static LogLogisticFitter.Result single(LogLogisticFitter fitter, CurveProblem pr, Minimum min, String label,
            TQuantiles tq) {
        return curve(fitter, pr, min, fit(fitter, pr, min, tq), 0, label);
    }

    private static Fit fit(LogLogisticFitter fitter, CurveProblem pr, Minimum min, TQuantiles tq) {
        final int n = pr.n();
        final int p = pr.nParams;
        final boolean hessian = fitter.seConvention() == SeConvention.HESSIAN;
        double[] natural = pr.toNatural(min.theta());
        double[][] curveParams = new double[pr.nCurves][];
        double[] lnE = new double[pr.nCurves];
        for (int k = 0; k < pr.nCurves; k++) {
            curveParams[k] = pr.curveParams(k, natural);
            lnE[k] = Math.log(curveParams[k][3]);
        }
        double[] fitted = new double[n];
        double[] resid = new double[n];
        double[] a = new double[p * p];
        double[] grad = new double[5];
        double[] h5 = hessian ? new double[25] : null;
        double[] row = new double[p];
        double rss = 0;
        for (int i = 0; i < n; i++) {
            int k = pr.curve[i];
            int[] ix = pr.index[k];
            // a replicate of the previous point's dose keeps its value, gradient and Hessian
            double f = pr.sameDoseAsPrevious[i] ? fitted[i - 1]
                    : LogLogisticFunction.derivatives(pr.x[i], pr.logX[i], curveParams[k], lnE[k], grad, h5, ix[4] >= 0);
            fitted[i] = f;
            double r = pr.y[i] - f;
            resid[i] = r;
            rss += r * r;
            Arrays.fill(row, 0);
            for (int s = 0; s < 5; s++) {
                if (ix[s] >= 0) {
                    row[ix[s]] += grad[s];
                }
            }
            for (int j = 0; j < p; j++) {
                if (row[j] == 0) {
                    continue;
                }
                for (int l = 0; l < p; l++) {
                    a[j * p + l] += row[j] * row[l];
                }
            }
            if (hessian) {
                for (int s = 0; s < 5; s++) {
                    int js = ix[s];
                    if (js < 0) {
                        continue;
                    }
                    for (int t = 0; t < 5; t++) {
                        int jt = ix[t];
                        if (jt >= 0) {
                            a[js * p + jt] -= r * h5[s * 5 + t];
                        }
                    }
                }
            }
        }
        int df = n - p;
        double sigma2 = df > 0 ? rss / df : Double.NaN;
        double[] inv = LevenbergMarquardt.invertSpd(a, p);
        double[] cov = new double[p * p];
        if (inv == null || df <= 0) {
            Arrays.fill(cov, Double.NaN);
        } else {
            for (int j = 0; j < p * p; j++) {
                cov[j] = inv[j] * sigma2;
            }
        }
        boolean covFinite = inv != null && df > 0;
        for (int j = 0; j < p && covFinite; j++) {
            covFinite = Double.isFinite(cov[j * p + j]) && cov[j * p + j] >= 0;
        }
        double logLik = -0.5 * n * (Math.log(2 * Math.PI) + Math.log(rss / n) + 1);
        double aic = -2 * logLik + 2 * (p + 1);
        double rse = Math.sqrt(sigma2);
        double tq975 = tq.get(df);
        return new Fit(curveParams, fitted, resid, cov, covFinite, df, rss, rse, logLik, aic, tq975);
    }

    /** The result of curve k: its parameters with SEs and intervals, its points, R2 and verdict. */
    private static LogLogisticFitter.Result curve(LogLogisticFitter fitter, CurveProblem pr, Minimum min, Fit fit, int k,
            String label) {
        final int p = pr.nParams;
        final int df = fit.df();
        final double tq975 = fit.tq975();
        final int start = pr.first[k];
        final int end = pr.first[k + 1];
        LogLogisticParameter[] params = LogLogisticParameter.values();
        double[] lo = fitter.lowerBounds();
        double[] hi = fitter.upperBounds();
        int[] ix = pr.index[k];
        double[] q = fit.curveParams()[k];
        double[] cov = fit.cov();
        double[] cov5 = new double[25];
        for (int s = 0; s < 5; s++) {
            for (int t = 0; t < 5; t++) {
                if (ix[s] >= 0 && ix[t] >= 0) {
                    cov5[s * 5 + t] = cov[ix[s] * p + ix[t]];
                }
            }
        }
        List<ParameterEstimate> est = new ArrayList<>(5);
        List<String> warnings = new ArrayList<>(0);
        for (int s = 0; s < 5; s++) {
            if (ix[s] < 0) {
                est.add(new ParameterEstimate(params[s], q[s], Double.NaN, Double.NaN, Double.NaN, df, true));
            } else {
                double se = Math.sqrt(cov5[s * 5 + s]);
                est.add(new ParameterEstimate(params[s], q[s], se, q[s] - tq975 * se, q[s] + tq975 * se, df, false));
                if (q[s] <= lo[s] || q[s] >= hi[s]) {
                    warnings.add(String.format(Locale.ROOT, "%s = %.6g is on its bound", params[s].columnName(),
                            Double.valueOf(q[s])));
                }
            }
        }
        double[] y = pr.y;
        double[] resid = fit.resid();
        double mean = 0;
        for (int i = start; i < end; i++) {
            mean += y[i];
        }
        mean /= end - start;
        double tss = 0;
        double ownRss = 0;
        for (int i = start; i < end; i++) {
            tss += (y[i] - mean) * (y[i] - mean);
            ownRss += resid[i] * resid[i];
        }
        double r2 = tss > 0 ? 1 - ownRss / tss : Double.NaN;
        double[] xs = part(pr.x, start, end);
        double[] ys = part(y, start, end);
        String reason = verdict(q, ix, cov5, xs, ys, min, df, fit.covFinite(), fitter.seConvention());
        // the Result copies its arrays: a curve that is the whole problem passes them as they are
        return new LogLogisticFitter.Result(label, fitter.model(), fitter.seConvention(), q, est, cov5, xs, ys,
                part(fit.fitted(), start, end), part(resid, start, end), end - start, p, df, fit.rss(), fit.rse(), r2,
                fit.logLik(), fit.aic(), min.iterations(), min.converged(), reason.isEmpty(), reason, warnings, tq975);
    }

    /** Elements start to end - 1: the array itself when that is all of it. */
    private static double[] part(double[] a, int start, int end) {
        return start == 0 && end == a.length ? a : Arrays.copyOfRange(a, start, end);
    }

    /** The reasons a curve is not well determined, joined by "; " (empty when it is). */
    static String verdict(double[] q, int[] ix, double[] cov5, double[] x, double[] y, Minimum min, int df,
            boolean covFinite, SeConvention conv) {
        List<String> reasons = new ArrayList<>(2);
        if (!min.converged()) {
            reasons.add(String.format(Locale.ROOT,
                    "the fit did not converge in %d iterations (the least-squares optimum may lie at infinity)",
                    Integer.valueOf(min.iterations())));
        }
        boolean finite = true;
        for (double v : q) {
            finite &= Double.isFinite(v);
        }
        if (!finite) {
            reasons.add("the estimates are not finite (no finite optimum)");
        }
        if (df <= 0) {
            reasons.add("no residual degrees of freedom (as many parameters as points): no standard errors");
        } else if (!covFinite) {
            reasons.add("the covariance matrix is singular: the parameters are not identifiable from these data "
                    + "(optimum at infinity, or too few distinct doses)");
        }
        double minPos = Double.POSITIVE_INFINITY;
        double maxX = 0;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                minPos = Math.min(minPos, x[i]);
            }
            maxX = Math.max(maxX, x[i]);
            ymin = Math.min(ymin, y[i]);
            ymax = Math.max(ymax, y[i]);
        }
        if (ix[3] >= 0 && finite) {
            // for LL.5 (f estimated) e is not the half-effect dose: judge the ED50 instead
            boolean asym = ix[4] >= 0;
            String what = asym ? "ED50" : "EC50";
            double e = q[3];
            double seE = Math.sqrt(cov5[3 * 5 + 3]);
            if (asym) {
                EffectiveDose ed50 = CurveStatistics.ed(q, cov5, 50, false, 0);
                e = ed50.dose();
                seE = ed50.se();
            }
            if (!(e >= minPos * (1 - 1e-9) && e <= maxX * (1 + 1e-9))) {
                reasons.add(String.format(Locale.ROOT,
                        "the %s estimate %.4g lies outside the tested dose range [%.4g, %.4g]", what, Double.valueOf(e),
                        Double.valueOf(minPos), Double.valueOf(maxX)));
            }
            double rel = seE / e;
            if (df > 0 && covFinite && !(rel <= LogLogisticFitter.MAX_REL_SE_EC50)) {
                reasons.add(String.format(Locale.ROOT,
                        "the %s estimate %.4g has a relative standard error of %.3g (> %.1f, %s convention)", what,
                        Double.valueOf(e), Double.valueOf(rel), Double.valueOf(LogLogisticFitter.MAX_REL_SE_EC50),
                        conv.name().toLowerCase(Locale.ROOT)));
            }
        }
        if (ix[0] >= 0 && finite && Math.abs(q[0]) > LogLogisticFitter.MAX_ABS_SLOPE) {
            reasons.add(String.format(Locale.ROOT,
                    "the hill slope |b| = %.4g is unbounded: the response jumps between two adjacent doses",
                    Double.valueOf(Math.abs(q[0]))));
        }
        double range = ymax - ymin;
        if (finite && range > 0) {
            if (ix[1] >= 0 && (q[1] < ymin - 10 * range || q[1] > ymax + 10 * range)) {
                reasons.add(String.format(Locale.ROOT,
                        "the bottom plateau (%.4g) runs off far beyond the observed responses [%.4g, %.4g]",
                        Double.valueOf(q[1]), Double.valueOf(ymin), Double.valueOf(ymax)));
            }
            if (ix[2] >= 0 && (q[2] < ymin - 10 * range || q[2] > ymax + 10 * range)) {
                reasons.add(String.format(Locale.ROOT,
                        "the top plateau (%.4g) runs off far beyond the observed responses [%.4g, %.4g]",
                        Double.valueOf(q[2]), Double.valueOf(ymin), Double.valueOf(ymax)));
            }
        }
        return String.join("; ", reasons);
    }
}
