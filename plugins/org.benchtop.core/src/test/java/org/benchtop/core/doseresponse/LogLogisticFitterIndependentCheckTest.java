package org.benchtop.core.doseresponse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the fitter against independent methods (STYLE rule 9): a plain Nelder-Mead minimisation of
 * the residual sum of squares (Commons Math {@link SimplexOptimizer}, no derivatives, restarted
 * until it stops improving), and the compact Levenberg-Marquardt against Commons Math's
 * {@code LevenbergMarquardtOptimizer}; and that batch results do not depend on the thread count.
 */
class LogLogisticFitterIndependentCheckTest {

    static Stream<Arguments> curves() {
        List<Arguments> out = new ArrayList<>();
        DoseResponseData.Curves rg = DoseResponseData.ryegrass();
        out.add(Arguments.of("ryegrass", rg.doses().get(0), rg.responses().get(0)));
        DoseResponseData.Curves sp = DoseResponseData.spinach();
        for (int i = 0; i < sp.labels().size(); i++) {
            out.add(Arguments.of("spinach " + sp.labels().get(i), sp.doses().get(i), sp.responses().get(i)));
        }
        DoseResponseData.Curves sa = DoseResponseData.sAlba();
        for (int i = 0; i < sa.labels().size(); i++) {
            out.add(Arguments.of("S.alba " + sa.labels().get(i), sa.doses().get(i), sa.responses().get(i)));
        }
        return out.stream();
    }

    /** RSS of LL.4 at {b, c, d, e}. */
    private static double rss(double[] x, double[] y, double[] p) {
        if (!(p[3] > 0)) {
            return Double.MAX_VALUE;
        }
        double s = 0;
        double[] q = {p[0], p[1], p[2], p[3], 1};
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - LogLogisticFunction.value(x[i], q);
            s += r * r;
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void ll4AgreesWithNelderMead(String name, double[] x, double[] y) {
        LogLogisticFitter.Result r = LogLogisticFitter.create(LogLogisticModel.LL4).fit(x, y);
        // naive start: b = 1, c = min, d = max, e = median positive dose
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        List<Double> pos = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            ymin = Math.min(ymin, y[i]);
            ymax = Math.max(ymax, y[i]);
            if (x[i] > 0) {
                pos.add(Double.valueOf(x[i]));
            }
        }
        pos.sort(null);
        double[] start = {1, ymin, ymax, pos.get(pos.size() / 2).doubleValue()};
        SimplexOptimizer nm = new SimplexOptimizer(1e-15, 1e-15);
        PointValuePair best = null;
        double[] p = start;
        for (int restart = 0; restart < 30; restart++) {
            double[] steps = new double[4];
            for (int j = 0; j < 4; j++) {
                steps[j] = 0.1 * Math.max(Math.abs(p[j]), 0.01);
            }
            PointValuePair pv = nm.optimize(new MaxEval(200_000), new ObjectiveFunction(q -> rss(x, y, q)),
                    GoalType.MINIMIZE, new InitialGuess(p), new NelderMeadSimplex(steps));
            boolean improved = best == null || pv.getValue().doubleValue() < best.getValue().doubleValue() * (1 - 1e-14);
            if (best == null || pv.getValue().doubleValue() < best.getValue().doubleValue()) {
                best = pv;
            }
            p = best.getPoint();
            if (!improved) {
                break;
            }
        }
        double[] nmp = best.getPoint();
        assertTrue(r.rss() <= best.getValue().doubleValue() * (1 + 1e-9), name + ": LM RSS " + r.rss() + " vs NM " + best.getValue());
        for (int j = 0; j < 4; j++) {
            double scale = Math.max(Math.abs(nmp[j]), r.estimate(LogLogisticParameter.values()[j]).se());
            double d = Math.abs(r.parameters()[j] - nmp[j]) / scale;
            ReferenceFits.record("Nelder-Mead vs LM (rel, or abs/se)", d);
            assertTrue(d < 1e-4, name + " parameter " + j + ": LM " + r.parameters()[j] + " vs NM " + nmp[j]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void compactAgreesWithCommonsMath(String name, double[] x, double[] y) {
        for (LogLogisticModel m : new LogLogisticModel[] {LogLogisticModel.LL3, LogLogisticModel.LL4, LogLogisticModel.LL5}) {
            LogLogisticFitter f = LogLogisticFitter.create(m);
            LogLogisticFitter.Result a = f.fit(x, y);
            LogLogisticFitter.Result b = f.withOptimizer(LogLogisticFitter.Optimizer.COMMONS_MATH).fit(x, y);
            assertTrue(b.converged() == a.converged(), name + " " + m);
            if (!b.converged()) {
                // no finite optimum (LL.5 on spinach 2 and 3: b to infinity, f to 0): both must say so
                assertTrue(!a.wellDetermined() && !b.wellDetermined(), name + " " + m);
                continue;
            }
            assertEquals(b.rss(), a.rss(), 1e-8 * b.rss(), name + " " + m);
            if (a.wellDetermined()) {
                for (int j = 0; j < 5; j++) {
                    double scale = Math.max(Math.abs(b.parameters()[j]), 1e-3);
                    double d = Math.abs(a.parameters()[j] - b.parameters()[j]) / scale;
                    ReferenceFits.record("compact vs Commons LM (rel)", d);
                    assertTrue(d < 1e-4, name + " " + m + " parameter " + j);
                }
            }
        }
    }

    static List<double[][]> simulated(int k, long seed) {
        Random rnd = new Random(seed);
        double[] doses = {0, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100};
        List<double[][]> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double e = Math.exp(rnd.nextGaussian() * 0.8);
            double b = 0.7 + 2 * rnd.nextDouble();
            double bottom = 10 * rnd.nextDouble();
            double top = 90 + 20 * rnd.nextDouble();
            double[] x = new double[20];
            double[] y = new double[20];
            for (int i = 0; i < 20; i++) {
                x[i] = doses[i / 2];
                y[i] = LogLogisticFunction.value(x[i], new double[] {b, bottom, top, e, 1}) + 4 * rnd.nextGaussian();
            }
            out.add(new double[][] {x, y});
        }
        return out;
    }

    @Test
    void compactAgreesWithCommonsMathOnSimulatedCurves() {
        LogLogisticFitter f = LogLogisticFitter.create(LogLogisticModel.LL4);
        int agree = 0;
        int n = 0;
        for (double[][] c : simulated(300, 7)) {
            LogLogisticFitter.Result a = f.fit(c[0], c[1]);
            LogLogisticFitter.Result b = f.withOptimizer(LogLogisticFitter.Optimizer.COMMONS_MATH).fit(c[0], c[1]);
            if (!b.wellDetermined()) {
                continue;
            }
            n++;
            assertTrue(a.rss() <= b.rss() * (1 + 1e-9), "compact RSS never worse");
            boolean same = true;
            for (int j = 0; j < 4; j++) {
                same &= Math.abs(a.parameters()[j] - b.parameters()[j]) <= 1e-4 * Math.max(1, Math.abs(b.parameters()[j]));
            }
            if (same) {
                agree++;
            }
        }
        assertTrue(n > 250, "well determined " + n);
        assertEquals(n, agree);
    }

    @Test
    void batchIsDeterministicWhateverTheThreadCount() {
        List<double[][]> sim = simulated(400, 11);
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (double[][] c : sim) {
            xs.add(c[0]);
            ys.add(c[1]);
        }
        LogLogisticFitter f = LogLogisticFitter.create(LogLogisticModel.LL4).withSeConvention(SeConvention.HESSIAN);
        List<LogLogisticFitter.Result> one = f.withParallelism(1).fitAll(xs, ys, null, null);
        for (int threads : new int[] {2, 3, 8}) {
            List<LogLogisticFitter.Result> many = f.withParallelism(threads).fitAll(xs, ys, null, null);
            for (int i = 0; i < one.size(); i++) {
                assertArrayEquals(one.get(i).parameters(), many.get(i).parameters());
                assertArrayEquals(one.get(i).covariance(), many.get(i).covariance());
                assertEquals(one.get(i).label(), many.get(i).label());
            }
        }
        // and the same as fitting one by one
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(f.fit(xs.get(i), ys.get(i)).parameters(), one.get(i).parameters());
        }
    }
}
