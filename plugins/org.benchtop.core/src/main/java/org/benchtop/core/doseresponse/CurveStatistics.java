package org.benchtop.core.doseresponse;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Derived quantities of a fitted log-logistic curve with delta-method standard errors
 * ({@code Var g(theta) = grad' V grad}; e.g. Seber &amp; Wild 1989, Nonlinear Regression, Wiley,
 * sec. 5.1, doi:10.1002/0471725315): effective doses, predictions, ED ratios and the area under
 * the curve. All gradients are analytic.
 */
final class CurveStatistics {

    private CurveStatistics() {
    }

    /**
     * ED for parameters q = {b, c, d, e, f}: relative (p in percent, drc's rule: p -&gt; 100 - p for
     * b &lt; 0) or absolute (level = response). Fills {@code grad} with dED/d{b,c,d,e,f} when not null.
     */
    static double edValue(double[] q, double level, boolean absolute, double[] grad) {
        double b = q[0], c = q[1], d = q[2], e = q[3], f = q[4];
        double lnA;
        double dlnAdc = 0;
        double dlnAdd = 0;
        if (absolute) {
            double ratio = (d - c) / (level - c);
            if (!(ratio > 1) || !Double.isFinite(ratio)) {
                return Double.NaN;
            }
            lnA = Math.log(ratio);
            dlnAdc = -1 / (d - c) + 1 / (level - c);
            dlnAdd = 1 / (d - c);
        } else {
            double p = b < 0 ? 100 - level : level;
            lnA = Math.log(100 / (100 - p));
        }
        double aPow = Math.exp(lnA / f); // A^(1/f)
        double k = aPow - 1;
        double ed = e * Math.exp(Math.log(k) / b);
        if (grad != null) {
            double dEdK = ed / (b * k);
            grad[0] = -ed * Math.log(k) / (b * b);
            grad[1] = dEdK * (aPow / f) * dlnAdc;
            grad[2] = dEdK * (aPow / f) * dlnAdd;
            grad[3] = ed / e;
            grad[4] = dEdK * (-aPow * lnA / (f * f));
        }
        return ed;
    }

    static double quadForm(double[] g, double[] cov5) {
        double v = 0;
        for (int s = 0; s < 5; s++) {
            if (g[s] == 0) {
                continue;
            }
            for (int t = 0; t < 5; t++) {
                v += g[s] * cov5[s * 5 + t] * g[t];
            }
        }
        return v;
    }

    static EffectiveDose ed(double[] q, double[] cov5, double level, boolean absolute, double tq) {
        double[] g = new double[5];
        double ed = edValue(q, level, absolute, g);
        if (!Double.isFinite(ed)) {
            return new EffectiveDose(level, absolute, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double se = Math.sqrt(quadForm(g, cov5));
        return new EffectiveDose(level, absolute, ed, se, ed - tq * se, ed + tq * se, Math.log10(ed),
                se / (ed * Math.log(10)));
    }

    static Prediction predict(double[] q, double[] cov5, double x, double tq, double rse) {
        double[] g = new double[5];
        double v = LogLogisticFunction.derivatives(x, q, g, null);
        double se = Math.sqrt(quadForm(g, cov5));
        double sp = Math.sqrt(se * se + rse * rse);
        return new Prediction(x, v, se, v - tq * se, v + tq * se, v - tq * sp, v + tq * sp);
    }

    /** Area under the curve on log10 dose over [lo, hi] (lo &gt; 0). */
    static double auc(double[] q, double lo, double hi) {
        if (!(lo > 0) || !(hi > lo)) {
            return 0;
        }
        double b = q[0], c = q[1], d = q[2], e = q[3], f = q[4];
        double v1 = Math.log(lo);
        double v2 = Math.log(hi);
        double len = (v2 - v1) / Math.log(10);
        if (f == 1 && b != 0) {
            double le = Math.log(e);
            double intG = (v2 - v1) - (LogLogisticFunction.softplus(b * (v2 - le))
                    - LogLogisticFunction.softplus(b * (v1 - le))) / b;
            return c * len + (d - c) * intG / Math.log(10);
        }
        int m = 512;
        double h = (v2 - v1) / m;
        double sum = 0;
        for (int i = 0; i <= m; i++) {
            double w = i == 0 || i == m ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * LogLogisticFunction.value(Math.exp(v1 + i * h), q);
        }
        return sum * h / 3 / Math.log(10);
    }

    static EdRatio jointRatio(LogLogisticFitter.JointResult jr, int i, int j, double p) {
        LogLogisticFitter.Result ri = jr.curves().get(i);
        LogLogisticFitter.Result rj = jr.curves().get(j);
        double[] gi = new double[5];
        double[] gj = new double[5];
        double ei = edValue(ri.parameters(), p, false, gi);
        double ej = edValue(rj.parameters(), p, false, gj);
        double ratio = ei / ej;
        int np = jr.nParameters();
        double[] g = new double[np];
        int[][] ix = jr.index();
        for (int s = 0; s < 5; s++) {
            if (ix[i][s] >= 0) {
                g[ix[i][s]] += gi[s] / ej;
            }
            if (ix[j][s] >= 0) {
                g[ix[j][s]] -= ratio * gj[s] / ej;
            }
        }
        double[] cov = jr.covariance();
        double v = 0;
        for (int a = 0; a < np; a++) {
            for (int b = 0; b < np; b++) {
                v += g[a] * cov[a * np + b] * g[b];
            }
        }
        return ratio(p, ratio, Math.sqrt(v), jr.df(), jr.tQuantile());
    }

    static EdRatio independentRatio(LogLogisticFitter.Result a, LogLogisticFitter.Result b, double p) {
        double[] ga = new double[5];
        double[] gb = new double[5];
        double ea = edValue(a.parameters(), p, false, ga);
        double eb = edValue(b.parameters(), p, false, gb);
        double ratio = ea / eb;
        double va = quadForm(ga, a.covariance());
        double vb = quadForm(gb, b.covariance());
        double v = va / (eb * eb) + ratio * ratio * vb / (eb * eb);
        int df = a.df() + b.df();
        double tq = df > 0 ? TDistribution.of(df).inverseCumulativeProbability(0.975) : Double.NaN;
        return ratio(p, ratio, Math.sqrt(v), df, tq);
    }

    private static EdRatio ratio(double p, double ratio, double se, int df, double tq) {
        double t = (ratio - 1) / se;
        double pv = df > 0 && Double.isFinite(t) ? 2 * TDistribution.of(df).survivalProbability(Math.abs(t))
                : Double.NaN;
        return new EdRatio(p, ratio, se, t, pv, ratio - tq * se, ratio + tq * se, df);
    }
}
