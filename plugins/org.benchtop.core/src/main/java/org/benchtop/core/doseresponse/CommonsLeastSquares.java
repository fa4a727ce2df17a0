package org.benchtop.core.doseresponse;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Minimises a {@link CurveProblem} with Commons Math's {@link LevenbergMarquardtOptimizer} (the
 * MINPACK lmder port; Moré 1978, Lecture Notes in Mathematics 630:105, doi:10.1007/BFb0067700)
 * and the analytic Jacobian. Bounds are enforced by projecting every trial point (a
 * {@code ParameterValidator}). This is the reference implementation that {@link LevenbergMarquardt}
 * is tested against.
 */
final class CommonsLeastSquares {

    private CommonsLeastSquares() {
    }

    static Minimum minimize(CurveProblem pr, double[] start, int maxIterations) {
        final int n = pr.n();
        final int p = pr.nParams;
        final double[] best = start.clone();
        pr.clamp(best);
        final double[] bestRss = {Double.POSITIVE_INFINITY};
        MultivariateJacobianFunction model = point -> {
            double[] theta = point.toArray();
            double[] r = new double[n];
            double[] jac = new double[n * p];
            double rss = pr.evaluate(theta, r, jac);
            if (rss < bestRss[0]) {
                bestRss[0] = rss;
                System.arraycopy(theta, 0, best, 0, p);
            }
            double[] value = new double[n];
            double[][] jm = new double[n][p];
            for (int i = 0; i < n; i++) {
                value[i] = pr.y[i] - r[i];
                System.arraycopy(jac, i * p, jm[i], 0, p);
            }
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jm, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .model(model)
                .target(pr.y)
                .start(best.clone())
                .parameterValidator(params -> {
                    double[] t = params.toArray();
                    pr.clamp(t);
                    return new ArrayRealVector(t, false);
                })
                .lazyEvaluation(false)
                .maxIterations(maxIterations)
                .maxEvaluations(Math.max(100, 10 * maxIterations))
                .build();
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-12)
                .withParameterRelativeTolerance(1e-12)
                .withOrthoTolerance(1e-12);
        try {
            LeastSquaresOptimizer.Optimum opt = lm.optimize(problem);
            RealVector point = opt.getPoint();
            double[] theta = point.toArray();
            double rss = opt.getCost() * opt.getCost();
            return new Minimum(theta, rss, opt.getIterations(), true);
        } catch (TooManyIterationsException | TooManyEvaluationsException e) {
            return new Minimum(best, bestRss[0], maxIterations, false);
        } catch (org.apache.commons.math3.exception.ConvergenceException e) {
            return new Minimum(best, bestRss[0], maxIterations, false);
        }
    }
}
