package org.benchtop.core.doseresponse;

/**
 * A least-squares problem for one or several log-logistic curves that may share parameters.
 * Each curve has the five slots {b, c, d, e, f}; each slot is either fixed to a value or mapped to
 * one entry of the global parameter vector. Internally the EC50 slot is estimated as ln e (for
 * stability and to keep e &gt; 0); {@link #toNatural} and {@link #toInternal} convert.
 *
 * <p>The points of each curve are contiguous (curve 0 first). Immutable after construction;
 * {@link #evaluate} writes only into caller-supplied buffers, so one problem can be evaluated from
 * several threads.
 */
final class CurveProblem {

    static final int SLOTS = 5;
    static final int EC50 = 3;

    final double[] x;
    final double[] y;
    final double[] logX;
    final int[] curve;
    final int nCurves;
    /** per curve k: its points are first[k] to first[k + 1] - 1. */
    final int[] first;
    /** per point: whether the point before it belongs to the same curve and has the same dose. */
    final boolean[] sameDoseAsPrevious;
    final int nParams;
    /** [curve][slot] -> global index, or -1 when fixed. */
    final int[][] index;
    /** [curve][slot] -> value when fixed (natural units). */
    final double[][] fixed;
    /** per global parameter: its slot (0..4). */
    final int[] slotOfParam;
    /** per global parameter: the lower and upper bound in internal units (ln e for EC50). */
    final double[] lower;
    final double[] upper;
    final boolean anyBounds;
    /** square roots of the observation weights, or {@code null} for ordinary least squares. */
    final double[] sqrtWeight;

    CurveProblem(double[] x, double[] y, int[] curve, int nCurves, int[][] index, double[][] fixed,
            double[] lowerNatural, double[] upperNatural) {
        this.sqrtWeight = null;
        this.x = x;
        this.y = y;
        this.curve = curve;
        this.nCurves = nCurves;
        this.index = index;
        this.fixed = fixed;
        int p = 0;
        for (int[] row : index) {
            for (int v : row) {
                p = Math.max(p, v + 1);
            }
        }
        this.nParams = p;
        this.slotOfParam = new int[p];
        for (int[] row : index) {
            for (int s = 0; s < SLOTS; s++) {
                if (row[s] >= 0) {
                    slotOfParam[row[s]] = s;
                }
            }
        }
        this.first = new int[nCurves + 1];
        this.sameDoseAsPrevious = new boolean[x.length];
        this.logX = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (curve[i] < 0 || curve[i] >= nCurves || (i > 0 && curve[i] < curve[i - 1])) {
                throw new IllegalArgumentException("the points of each curve must be contiguous, curve 0 first");
            }
            first[curve[i] + 1] = i + 1;
            sameDoseAsPrevious[i] = i > 0 && curve[i] == curve[i - 1] && x[i] == x[i - 1];
            if (sameDoseAsPrevious[i]) {
                logX[i] = logX[i - 1];
            } else {
                logX[i] = x[i] > 0 ? Math.log(x[i]) : Double.NEGATIVE_INFINITY;
            }
        }
        for (int k = 1; k <= nCurves; k++) {
            first[k] = Math.max(first[k], first[k - 1]);
        }
        this.lower = new double[p];
        this.upper = new double[p];
        boolean any = false;
        for (int j = 0; j < p; j++) {
            double lo = lowerNatural == null ? Double.NEGATIVE_INFINITY : lowerNatural[j];
            double hi = upperNatural == null ? Double.POSITIVE_INFINITY : upperNatural[j];
            if (slotOfParam[j] == EC50) {
                lo = lo > 0 ? Math.log(lo) : Double.NEGATIVE_INFINITY;
                hi = hi > 0 ? Math.log(hi) : Double.NEGATIVE_INFINITY;
            }
            lower[j] = lo;
            upper[j] = hi;
            any |= lo > Double.NEGATIVE_INFINITY || hi < Double.POSITIVE_INFINITY;
        }
        this.anyBounds = any;
    }

    private CurveProblem(CurveProblem o, double[] sqrtWeight) {
        this.x = o.x;
        this.y = o.y;
        this.logX = o.logX;
        this.curve = o.curve;
        this.nCurves = o.nCurves;
        this.first = o.first;
        this.sameDoseAsPrevious = o.sameDoseAsPrevious;
        this.nParams = o.nParams;
        this.index = o.index;
        this.fixed = o.fixed;
        this.slotOfParam = o.slotOfParam;
        this.lower = o.lower;
        this.upper = o.upper;
        this.anyBounds = o.anyBounds;
        this.sqrtWeight = sqrtWeight;
    }

    /** The same problem with weighted residuals {@code sqrt(w_i) (y_i - f_i)}. */
    CurveProblem withSqrtWeights(double[] sw) {
        return new CurveProblem(this, sw);
    }

    /** One curve with the given fixed values (NaN = estimated). */
    static CurveProblem single(double[] x, double[] y, double[] fixedValues, double[] lowerNat, double[] upperNat) {
        int[][] index = new int[1][SLOTS];
        double[][] fixed = new double[1][SLOTS];
        int p = 0;
        for (int s = 0; s < SLOTS; s++) {
            if (Double.isNaN(fixedValues[s])) {
                index[0][s] = p++;
                fixed[0][s] = Double.NaN;
            } else {
                index[0][s] = -1;
                fixed[0][s] = fixedValues[s];
            }
        }
        double[] lo = null;
        double[] hi = null;
        if (lowerNat != null || upperNat != null) {
            lo = new double[p];
            hi = new double[p];
            for (int s = 0; s < SLOTS; s++) {
                int j = index[0][s];
                if (j >= 0) {
                    lo[j] = lowerNat == null ? Double.NEGATIVE_INFINITY : lowerNat[s];
                    hi[j] = upperNat == null ? Double.POSITIVE_INFINITY : upperNat[s];
                }
            }
        }
        return new CurveProblem(x, y, new int[x.length], 1, index, fixed, lo, hi);
    }

    int n() {
        return x.length;
    }

    /** Clamps an internal parameter vector into the bounds, in place. */
    void clamp(double[] theta) {
        if (!anyBounds) {
            return;
        }
        for (int j = 0; j < nParams; j++) {
            theta[j] = Math.max(lower[j], Math.min(upper[j], theta[j]));
        }
    }

    /** Internal (ln e) to natural (e). */
    double[] toNatural(double[] theta) {
        double[] out = theta.clone();
        for (int j = 0; j < nParams; j++) {
            if (slotOfParam[j] == EC50) {
                out[j] = Math.exp(theta[j]);
            }
        }
        return out;
    }

    /** Natural to internal. */
    double[] toInternal(double[] natural) {
        double[] out = natural.clone();
        for (int j = 0; j < nParams; j++) {
            if (slotOfParam[j] == EC50) {
                out[j] = Math.log(natural[j]);
            }
        }
        return out;
    }

    /** The natural parameters {b, c, d, e, f} of curve k for a natural global vector. */
    double[] curveParams(int k, double[] natural) {
        double[] p = new double[SLOTS];
        for (int s = 0; s < SLOTS; s++) {
            int j = index[k][s];
            p[s] = j >= 0 ? natural[j] : fixed[k][s];
        }
        return p;
    }

    /**
     * Residuals {@code y - f} (times the square-root weights, if any) and (optionally) the Jacobian of f in the internal parameters.
     *
     * @param theta internal parameters
     * @param resid receives n residuals
     * @param jac receives n x P row-major, or {@code null}
     * @return the residual sum of squares (NaN or infinite if the model is not finite)
     */
    double evaluate(double[] theta, double[] resid, double[] jac) {
        double rss = 0;
        for (int k = 0; k < nCurves; k++) {
            rss = evaluateCurve(k, theta, resid, jac, rss);
        }
        return rss;
    }

    /** The value of slot s of curve k in internal units (ln e for the EC50). */
    private double internalValue(int k, int s, double[] theta) {
        int j = index[k][s];
        if (j >= 0) {
            return theta[j];
        }
        return s == EC50 ? Math.log(fixed[k][s]) : fixed[k][s];
    }

    /**
     * {@link #evaluate} for the points of curve k: the curve's parameters are read once, and a point
     * at the same dose as the point before it (a replicate) reuses its model value.
     *
     * @return {@code rss} plus the squared residuals of these points, added in point order
     */
    private double evaluateCurve(int k, double[] theta, double[] resid, double[] jac, double rss) {
        final int p = nParams;
        final int[] ix = index[k];
        final double b = internalValue(k, 0, theta);
        final double c = internalValue(k, 1, theta);
        final double d = internalValue(k, 2, theta);
        final double le = internalValue(k, EC50, theta);
        final double f = internalValue(k, 4, theta);
        final double dd = d - c;
        final boolean needS = ix[4] >= 0;
        // the model at the current dose: g, dg/du, s = ln(1 + exp(u)) (when needed) and ln x - ln e
        double g = 0;
        double gu = 0;
        double s = 0;
        double lx = 0;
        for (int i = first[k]; i < first[k + 1]; i++) {
            if (!sameDoseAsPrevious[i]) {
                s = 0;
                lx = logX[i] - le;
                if (x[i] <= 0) {
                    g = b > 0 ? 1 : (b < 0 ? 0 : Math.pow(2, -f));
                    gu = 0;
                    lx = 0;
                } else {
                    double u = b * lx;
                    double q;
                    if (u > 0) {
                        double em = Math.exp(-u);
                        q = 1 / (1 + em);
                        if (f == 1) {
                            g = em * q;
                        } else {
                            s = u + Math.log1p(em);
                            g = Math.exp(-f * s);
                        }
                        if (needS && f == 1) {
                            s = u + Math.log1p(em);
                        }
                    } else {
                        double t = Math.exp(u);
                        double inv = 1 / (1 + t);
                        q = t * inv;
                        if (f == 1) {
                            g = inv;
                            if (needS) {
                                s = Math.log1p(t);
                            }
                        } else {
                            s = Math.log1p(t);
                            g = Math.exp(-f * s);
                        }
                    }
                    gu = -f * g * q;
                }
            }
            double r = y[i] - (c + dd * g);
            double w = 1;
            if (sqrtWeight != null) {
                w = sqrtWeight[i];
                r *= w;
            }
            resid[i] = r;
            rss += r * r;
            if (jac != null) {
                int row = i * p;
                for (int j = 0; j < p; j++) {
                    jac[row + j] = 0;
                }
                int j;
                if ((j = ix[0]) >= 0) {
                    jac[row + j] += dd * gu * lx;
                }
                if ((j = ix[1]) >= 0) {
                    jac[row + j] += 1 - g;
                }
                if ((j = ix[2]) >= 0) {
                    jac[row + j] += g;
                }
                if ((j = ix[3]) >= 0) {
                    jac[row + j] += -dd * gu * b; // d/d(ln e)
                }
                if ((j = ix[4]) >= 0) {
                    jac[row + j] += -dd * s * g;
                }
                if (w != 1) {
                    for (j = 0; j < p; j++) {
                        jac[row + j] *= w;
                    }
                }
            }
        }
        return rss;
    }
}
