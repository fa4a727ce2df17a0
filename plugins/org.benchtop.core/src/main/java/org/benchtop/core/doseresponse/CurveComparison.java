package org.benchtop.core.doseresponse;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Extra-sum-of-squares F tests between nested least-squares fits, as GraphPad Prism's "Compare"
 * (Motulsky &amp; Christopoulos 2004, Fitting Models to Biological Data Using Linear and Nonlinear
 * Regression, Oxford UP, ch. 22):
 * <pre>
 *   F = ((RSS0 - RSS1) / (df0 - df1)) / (RSS1 / df1),   p = P(F(df0 - df1, df1) &gt; F)
 * </pre>
 * with the simpler (null) model 0 and the more complex model 1. Two comparisons are offered: one
 * curve shared by all groups against a separate curve per group, and a model with a parameter fixed
 * against one with it free (LL.3 against LL.4: c = 0 or not; LL.4 against LL.5).
 */
public final class CurveComparison {

    private CurveComparison() {
    }

    /**
     * One F test.
     *
     * @param comparison what was compared, e.g. "one curve for all groups vs separate curves"
     * @param nullModel the simpler model's name
     * @param alternativeModel the more complex model's name
     * @param rssNull RSS of the simpler fit
     * @param dfNull its residual degrees of freedom
     * @param rssAlternative RSS of the more complex fit
     * @param dfAlternative its residual degrees of freedom
     * @param f the F statistic
     * @param pValue {@code P(F(df0 - df1, df1) > f)}
     */
    public record FTest(String comparison, String nullModel, String alternativeModel, double rssNull, int dfNull,
            double rssAlternative, int dfAlternative, double f, double pValue) {

        /**
         * @param alpha the significance level, e.g. 0.05
         * @return the preferred model's name: the more complex one when p &lt; alpha
         */
        public String preferred(double alpha) {
            return pValue < alpha ? alternativeModel : nullModel;
        }
    }

    /**
     * The F test from two RSS values and their degrees of freedom.
     *
     * @param comparison a description
     * @param nullModel the simpler model
     * @param alternativeModel the more complex model
     * @param rss0 RSS of the simpler model
     * @param df0 its degrees of freedom
     * @param rss1 RSS of the more complex model
     * @param df1 its degrees of freedom (&lt; df0)
     * @return the test; F and p NaN when df0 &le; df1 or df1 &lt; 1
     */
    public static FTest extraSumOfSquares(String comparison, String nullModel, String alternativeModel, double rss0,
            int df0, double rss1, int df1) {
        double f = Double.NaN;
        double p = Double.NaN;
        if (df0 > df1 && df1 >= 1) {
            f = ((rss0 - rss1) / (df0 - df1)) / (rss1 / df1);
            if (rss1 == 0) {
                f = rss0 > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
            }
            p = Double.isNaN(f) ? Double.NaN : FDistribution.of(df0 - df1, df1).survivalProbability(Math.max(0, f));
        }
        return new FTest(comparison, nullModel, alternativeModel, rss0, df0, rss1, df1, f, p);
    }

    /**
     * One curve for all groups (every estimated parameter shared) against a separate curve per group
     * (nothing shared; RSS and df are the sums of the separate fits).
     *
     * @param fitter the model and settings
     * @param doses per group
     * @param responses per group
     * @param labels group labels
     * @return the test
     */
    public static FTest sharedVersusSeparate(LogLogisticFitter fitter, List<double[]> doses, List<double[]> responses,
            List<String> labels) {
        Set<LogLogisticParameter> all = EnumSet.allOf(LogLogisticParameter.class);
        LogLogisticFitter.JointResult shared = fitter.fitJoint(doses, responses, labels, all);
        LogLogisticFitter.JointResult separate = fitter.fitJoint(doses, responses, labels,
                EnumSet.noneOf(LogLogisticParameter.class));
        return extraSumOfSquares("one curve for all groups vs separate curves", "shared " + fitter.model().label(),
                "separate " + fitter.model().label(), shared.rss(), shared.df(), separate.rss(), separate.df());
    }

    /**
     * Two nested fits of the same points, e.g. LL.3 (simpler) against LL.4.
     *
     * @param simpler the fit with fewer estimated parameters
     * @param complex the fit with more
     * @return the test
     */
    public static FTest nested(LogLogisticFitter.Result simpler, LogLogisticFitter.Result complex) {
        return extraSumOfSquares(simpler.model().label() + " vs " + complex.model().label(), simpler.model().label(),
                complex.model().label(), simpler.rss(), simpler.df(), complex.rss(), complex.df());
    }
}
