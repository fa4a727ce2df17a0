/**
 * Dose-response curve fitting with log-logistic models (drc LL.2 to LL.5, GraphPad Prism 4PL/5PL):
 * {@code y = c + (d - c) / (1 + exp(b (ln x - ln e)))^f} (Ritz et al. 2015, PLoS ONE 10:e0146021,
 * doi:10.1371/journal.pone.0146021).
 *
 * <p>Call tree of {@link org.benchtop.core.doseresponse.DoseResponseAnalysis#run} (the CLI's
 * {@code benchtop dose-response fit} and the "Dose-Response Fitter" node):
 * <pre>
 * DoseResponseRuns.start(table, settings)         run record: settings under their CLI names, input digest
 * DoseResponseAnalysis.run(table, DoseResponseSettings, monitor)
 *   validate columns, group rows (first appearance), drop rows with missing values, validate groups
 *   LogLogisticFitter.fitAll                       parallel over curves, deterministic order
 *     LogLogisticFitter.ParameterGuesser.guess     self-starter: logit regression on ln dose
 *     LevenbergMarquardt.minimize                  compact LM on ln e (CommonsLeastSquares: reference)
 *       CurveProblem.evaluate                      residuals + analytic Jacobian, per curve; replicates
 *                                                  of a dose share its model value
 *     (alternative starts when not converged or worse than a flat line)
 *     ResultBuilder.single                         covariance (SeConvention), intervals, R2, AIC,
 *                                                  well-determined verdict and reason (build: joint fits)
 *   RoutOutliers.detect (robust option)            Cauchy IRLS fit, t p-values, BH at Q = 1 %; refit
 *   CurveComparison (compare option)               extra-sum-of-squares F tests
 *   ratio table (ratios option)                    fitJoint of the well-determined curves, nothing
 *                                                  shared; JointResult.edRatio for every pair (EDcomp)
 *   fit table (one pass over the results), point table (unless withPointTable(false));
 *   DoseResponsePlot.render (plots option)
 * DoseResponseAnalysis.fitLayout / pointLayout     the output columns from the settings alone (configure)
 * LogLogisticFitter.fitJoint                       several curves, shared parameters, pooled variance
 *   JointResult.edRatio / EdRatio.independent      drc EDcomp, delta method
 * Result.ed / edAbsolute / predict / auc           CurveStatistics, delta method
 * </pre>
 */
package org.benchtop.core.doseresponse;
