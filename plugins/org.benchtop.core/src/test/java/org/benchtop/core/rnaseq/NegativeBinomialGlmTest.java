package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IRLS fit checked against independent optimizers of the same penalized NB log-likelihood
 * (as DESeq2's own tests/testthat/test_betaFitting.R does with optim), and the L-BFGS-B port
 * against R's optim() on a known function.
 */
class NegativeBinomialGlmTest {

    private static final Deseq.Fit FIT = DeseqReferenceTest.fit("pasilla_type_condition", "~ type + condition", 2);

    /** -(log-likelihood - ridge penalty) in natural-log coefficients. */
    private static MultivariateFunction negLogPost(int g) {
        CountMatrix counts = FIT.counts();
        DesignMatrix x = FIT.design();
        double[] sf = FIT.sizeFactorValues();
        double alpha = FIT.dispersions().dispersion(g);
        int m = counts.sampleCount();
        int p = x.coefficientCount();
        double lam = NegativeBinomialGlm.DEFAULT_LAMBDA / (Math.log(2) * Math.log(2));
        return beta -> {
            double ll = 0;
            for (int j = 0; j < m; j++) {
                double eta = 0;
                for (int k = 0; k < p; k++) {
                    eta += x.get(j, k) * beta[k];
                }
                double mu = sf[j] * Math.exp(eta);
                double y = counts.get(g, j);
                ll += RMath.lgamma(y + 1 / alpha) - RMath.lgamma(1 / alpha) - RMath.lgamma(y + 1)
                        + y * Math.log(mu / (mu + 1 / alpha)) - (1 / alpha) * Math.log1p(mu * alpha);
            }
            double pen = 0;
            for (double b : beta) {
                pen += lam * b * b / 2;
            }
            return -(ll - pen);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"FBgn0000008", "FBgn0000017", "FBgn0000071", "FBgn0039155", "FBgn0025111", "FBgn0003360"})
    void irlsAgreesWithNelderMeadAndBobyqa(String gene) {
        int g = FIT.counts().geneIds().indexOf(gene);
        int p = FIT.design().coefficientCount();
        NegativeBinomialGlm.Result glm = FIT.glm();
        double[] ours = new double[p];
        for (int k = 0; k < p; k++) {
            ours[k] = glm.coefficient(g, k) * Math.log(2);
        }
        double[] start = new double[p];
        start[0] = Math.log(FIT.genewise().baseMean(g) + 1);
        MultivariateFunction f = negLogPost(g);
        PointValuePair nm = new SimplexOptimizer(1e-15, 1e-15).optimize(new MaxEval(200000),
                new ObjectiveFunction(f), GoalType.MINIMIZE, new InitialGuess(start), new NelderMeadSimplex(p, 0.5));
        double[] lo = new double[p];
        double[] hi = new double[p];
        java.util.Arrays.fill(lo, -30);
        java.util.Arrays.fill(hi, 30);
        PointValuePair bq = new BOBYQAOptimizer(2 * p + 1, 0.5, 1e-10).optimize(new MaxEval(100000),
                new ObjectiveFunction(f), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lo, hi));
        for (int k = 0; k < p; k++) {
            assertEquals(nm.getPoint()[k], ours[k], 2e-6, gene + " Nelder-Mead coefficient " + k);
            assertEquals(bq.getPoint()[k], ours[k], 2e-6, gene + " BOBYQA coefficient " + k);
        }
        // our optimum is at least as good as the independent ones (up to rounding)
        assertTrue(f.value(ours) <= Math.min(nm.getValue().doubleValue(), bq.getValue().doubleValue()) + 1e-9, gene);
        // standard errors: inverse Fisher information X'WX (+ ridge) at the optimum, W = mu/(1 + alpha mu)
        RealMatrix info = MatrixUtils.createRealMatrix(p, p);
        double alpha = FIT.dispersions().dispersion(g);
        for (int j = 0; j < FIT.counts().sampleCount(); j++) {
            double eta = 0;
            for (int k = 0; k < p; k++) {
                eta += FIT.design().get(j, k) * bq.getPoint()[k];
            }
            double mu = FIT.sizeFactorValues()[j] * Math.exp(eta);
            double w = mu / (1 + alpha * mu);
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < p; l++) {
                    info.addToEntry(k, l, FIT.design().get(j, k) * w * FIT.design().get(j, l));
                }
            }
        }
        RealMatrix cov = new LUDecomposition(info).getSolver().getInverse();
        for (int k = 0; k < p; k++) {
            double se = Math.sqrt(cov.getEntry(k, k)) / Math.log(2);
            assertEquals(se, glm.standardError(g, k), 1e-5 * se, gene + " SE " + k);
        }
    }

    /** optim(c(-1.2, 1), rosenbrock, method = "L-BFGS-B", lower = -30, upper = 30) in R 4.2.2. */
    @Test
    void lbfgsbReproducesROptim() {
        Lbfgsb.Result r = Lbfgsb.minimize(v -> 100 * (v[1] - v[0] * v[0]) * (v[1] - v[0] * v[0])
                + (1 - v[0]) * (1 - v[0]), new double[] {-1.2, 1}, new double[] {-30, -30}, new double[] {30, 30});
        // R 4.2.2: fr <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
        //   o <- optim(c(-1.2, 1), fr, method = "L-BFGS-B", lower = -30, upper = 30); sprintf("%.17g", ...)
        assertEquals(0, r.convergence());
        assertEquals(0.99980004453756599, r.par()[0], 1e-12);
        assertEquals(0.9996001284442444, r.par()[1], 1e-12);
        assertEquals(3.9982186994784597e-08, r.value(), 1e-9 * 3.9982186994784597e-08);
        assertEquals(53, r.evaluations());
    }

    @Test
    void allZeroGenesAreNotFitted() {
        Deseq.Fit fit = FIT;
        int g = fit.counts().geneIds().indexOf("FBgn0000018");
        if (g >= 0 && fit.genewise().allZero(g)) {
            assertTrue(Double.isNaN(fit.glm().coefficient(g, 0)));
        }
        assertTrue(FIT.glm().fitted(FIT.counts().geneIds().indexOf("FBgn0000008")));
    }
}
