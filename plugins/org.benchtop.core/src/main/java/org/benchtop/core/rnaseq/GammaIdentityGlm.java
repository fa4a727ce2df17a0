package org.benchtop.core.rnaseq;

/**
 * R's {@code glm.fit} for y ~ 1 + x with {@code family = Gamma(link = "identity")}, a start
 * vector and the default control (epsilon 1e-8, maxit 25): Fisher scoring with working response
 * z = eta + (y - mu), working weights 1 / mu^2 (least squares on sqrt-weighted rows by Householder
 * QR), step halving when the deviance is not finite or a fitted mean is not positive, deviance
 * D = -2 sum [log(y/mu) - (y - mu)/mu], convergence when |D - D_old| / (|D| + 0.1) < 1e-8. Used
 * only by {@link DispersionTrend}; reproducing the iterations (not just the optimum) is what
 * makes the trend coefficients match DESeq2.
 *
 * <p>McCullagh and Nelder (1989), Generalized Linear Models, 2nd ed., section 2.5.
 */
final class GammaIdentityGlm {

    /**
     * @param coefficients intercept and slope
     * @param converged R's {@code fit$converged}
     */
    record Fit(double[] coefficients, boolean converged) {
    }

    private GammaIdentityGlm() {
    }

    /** @return the fit, or null where R's glm.fit stops with an error */
    static Fit fit(double[] y, double[] x, double[] start) {
        int n = y.length;
        if (n == 0) {
            return null;
        }
        for (double v : y) {
            if (!(v > 0)) {
                return null; // Gamma initialize: non-positive values not allowed
            }
        }
        double[] coef = start.clone();
        double[] coefold = start.clone();
        double[] eta = new double[n];
        double[] mu = new double[n];
        linpred(x, coef, eta);
        System.arraycopy(eta, 0, mu, 0, n);
        if (!validMu(mu)) {
            return null;
        }
        double devold = deviance(y, mu);
        boolean conv = false;
        double[] a = new double[n * 2];
        double[] rhs = new double[n];
        double[] b = new double[2];
        double[] work = new double[2];
        for (int iter = 1; iter <= 25; iter++) {
            for (int i = 0; i < n; i++) {
                double z = eta[i] + (y[i] - mu[i]) / 1.0;
                double w = Math.sqrt((1.0 * 1.0) / (mu[i] * mu[i]));
                a[i * 2] = 1.0 * w;
                a[i * 2 + 1] = x[i] * w;
                rhs[i] = z * w;
            }
            if (!SmallMatrix.leastSquares(a, n, 2, rhs, b, work) || !Double.isFinite(b[0]) || !Double.isFinite(b[1])) {
                return new Fit(coef, false);
            }
            coef = b.clone();
            linpred(x, coef, eta);
            System.arraycopy(eta, 0, mu, 0, n);
            double dev = deviance(y, mu);
            if (!Double.isFinite(dev)) {
                int ii = 1;
                while (!Double.isFinite(dev)) {
                    if (ii > 25) {
                        return null;
                    }
                    ii++;
                    coef = new double[] {(coef[0] + coefold[0]) / 2, (coef[1] + coefold[1]) / 2};
                    linpred(x, coef, eta);
                    System.arraycopy(eta, 0, mu, 0, n);
                    dev = deviance(y, mu);
                }
            }
            if (!validMu(mu)) {
                int ii = 1;
                while (!validMu(mu)) {
                    if (ii > 25) {
                        return null;
                    }
                    ii++;
                    coef = new double[] {(coef[0] + coefold[0]) / 2, (coef[1] + coefold[1]) / 2};
                    linpred(x, coef, eta);
                    System.arraycopy(eta, 0, mu, 0, n);
                }
                dev = deviance(y, mu);
            }
            if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < 1e-8) {
                conv = true;
                break;
            }
            devold = dev;
            coefold = coef.clone();
        }
        return new Fit(coef, conv);
    }

    private static void linpred(double[] x, double[] coef, double[] eta) {
        for (int i = 0; i < x.length; i++) {
            eta[i] = 1.0 * coef[0] + x[i] * coef[1];
        }
    }

    private static boolean validMu(double[] mu) {
        for (double v : mu) {
            if (!Double.isFinite(v) || !(v > 0)) {
                return false;
            }
        }
        return true;
    }

    private static double deviance(double[] y, double[] mu) {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double r = y[i] == 0 ? 1 : y[i] / mu[i];
            d[i] = -2 * 1.0 * (Math.log(r) - (y[i] - mu[i]) / mu[i]);
        }
        return RMath.sum(d, 0, d.length);
    }
}
