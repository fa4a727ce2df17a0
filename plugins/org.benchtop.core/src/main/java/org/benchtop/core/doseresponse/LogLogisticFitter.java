package org.benchtop.core.doseresponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.benchtop.core.ProgressMonitor;

/**
 * Least-squares fitting of log-logistic dose-response curves in drc's parameterisation
 * <pre>
 *   y = c + (d - c) / (1 + exp(b (ln x - ln e)))^f
 * </pre>
 * (LL.2 to LL.5; Ritz, Baty, Streibig &amp; Gerhard 2015, "Dose-Response Analysis Using R", PLoS ONE
 * 10:e0146021, doi:10.1371/journal.pone.0146021). GraphPad Prism's 4PL "variable slope" model is
 * LL.4 with Top = d, Bottom = c, LogIC50 = log10 e and HillSlope = -b.
 *
 * <p>Shaped like Commons Math's {@code GaussianCurveFitter}: {@link #create(LogLogisticModel)},
 * {@code with...} copies, a nested {@link ParameterGuesser} (the self-starter), and a
 * Levenberg-Marquardt minimiser with the analytic Jacobian. The EC50 is estimated as ln e, which
 * keeps it positive and makes the problem far better conditioned. A dose of 0 is a control: its
 * term exp(b (ln 0 - ln e)) is 0 for b &gt; 0, so it informs d (c for b &lt; 0).
 *
 * <p>Starting values come from {@link ParameterGuesser} (a weighted linear regression of the logit
 * of the response on ln dose). If the fit from there does not converge, further starting points
 * are tried, as they are when it converges to a residual sum of squares above the total sum of
 * squares (worse than a flat line: a poor local optimum): steeper and shallower slopes, EC50 at the
 * quartiles of the log dose range, the opposite direction; the converged fit with the smallest residual sum of squares is kept.
 *
 * <p>Standard errors: {@link SeConvention#JACOBIAN} {@code s^2 (J'J)^-1} as R {@code nls} and
 * Prism, or {@link SeConvention#HESSIAN} {@code (H / 2 s^2)^-1} as drc, with {@code s^2 = RSS/df},
 * {@code df = n - p}. Confidence intervals are {@code estimate -/+ t(0.975, df) SE}; for the EC50 the
 * interval is also given on the log scale ({@link Result#ec50Interval()}), where it is far closer to
 * symmetric. AIC is R's {@code AIC()} of an {@code nls} fit: {@code -2 logLik + 2 (p + 1)} with
 * {@code logLik = -n/2 (ln(2 pi) + ln(RSS/n) + 1)}.
 *
 * <p>Well determined: a fit is flagged ({@link Result#wellDetermined()} false, with a reason) when it
 * did not converge, when the covariance is singular or not finite (the least-squares optimum lies at
 * infinity, typically with no lower plateau: c to -infinity and e to infinity), when the EC50 lies
 * outside the tested non-zero dose range, when its relative standard error exceeds 0.5, when |b| &gt;
 * 100 (a step between two adjacent doses) or when a plateau runs off far beyond the observed responses.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LogLogisticFitter {

    /** Which Levenberg-Marquardt implementation minimises the residual sum of squares. */
    public enum Optimizer {
        /**
         * A compact implementation on plain arrays ({@code LevenbergMarquardt}); about ten times
         * faster than Commons Math for a 4-parameter curve, the default.
         */
        COMPACT,
        /** Commons Math 3 {@code LevenbergMarquardtOptimizer} (MINPACK port): the reference. */
        COMMONS_MATH
    }

    /** The default maximum number of Levenberg-Marquardt iterations per start. */
    public static final int DEFAULT_MAX_ITERATIONS = 200;

    static final double MAX_REL_SE_EC50 = 0.5;
    static final double MAX_ABS_SLOPE = 100;

    private final LogLogisticModel model;
    private final double[] fixed;
    private final double[] lower;
    private final double[] upper;
    private final double[] start;
    private final int maxIterations;
    private final SeConvention seConvention;
    private final Optimizer optimizer;
    private final int parallelism;

    private LogLogisticFitter(LogLogisticModel model, double[] fixed, double[] lower, double[] upper, double[] start,
            int maxIterations, SeConvention seConvention, Optimizer optimizer, int parallelism) {
        this.model = model;
        this.fixed = fixed;
        this.lower = lower;
        this.upper = upper;
        this.start = start;
        this.maxIterations = maxIterations;
        this.seConvention = seConvention;
        this.optimizer = optimizer;
        this.parallelism = parallelism;
    }

    /**
     * A fitter for a model with no further fixed parameters, no bounds, automatic starting values,
     * Jacobian standard errors, at most {@value #DEFAULT_MAX_ITERATIONS} iterations per start and the
     * common fork-join pool.
     *
     * @param model the model
     * @return the fitter
     */
    public static LogLogisticFitter create(LogLogisticModel model) {
        if (model == null) {
            throw DoseResponseException.badInput("No dose-response model given: use LL.2, LL.3, LL.4 or LL.5");
        }
        double[] nan = new double[5];
        Arrays.fill(nan, Double.NaN);
        double[] lo = new double[5];
        double[] hi = new double[5];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new LogLogisticFitter(model, model.fixedValues(), lo, hi, nan, DEFAULT_MAX_ITERATIONS,
                SeConvention.JACOBIAN, Optimizer.COMPACT, 0);
    }

    /**
     * Fixes a parameter at a value (or frees it again with NaN). The model's own fixed values (c = 0
     * for LL.3, ...) can be overridden this way, e.g. d = 100 for an LL.2 on percent data.
     *
     * @param parameter the parameter
     * @param value its value in natural units (the EC50 in dose units, &gt; 0), or NaN to estimate it
     * @return a copy with the parameter fixed
     * @throws DoseResponseException (BAD_INPUT) if the value is infinite, an EC50 &le; 0, or if no
     *         parameter would be left to estimate
     */
    public LogLogisticFitter withFixed(LogLogisticParameter parameter, double value) {
        if (Double.isInfinite(value) || (parameter == LogLogisticParameter.EC50 && value <= 0)) {
            throw DoseResponseException.badInput("Cannot fix %s (%s) at %s: the value must be finite%s",
                    parameter.columnName(), parameter.letter(), Double.toString(value),
                    parameter == LogLogisticParameter.EC50 ? " and > 0" : "");
        }
        double[] f = fixed.clone();
        f[parameter.ordinal()] = value;
        if (countFree(f) == 0) {
            throw DoseResponseException.badInput(
                    "Fixing %s = %s leaves no parameter of %s to estimate: free at least one of b, c, d, e, f",
                    parameter.letter(), Double.toString(value), model.label());
        }
        return new LogLogisticFitter(model, f, lower, upper, start, maxIterations, seConvention, optimizer,
                parallelism);
    }

    /**
     * Restricts a parameter to an interval (projected Levenberg-Marquardt: trial points are clamped).
     * An estimate that ends on a bound is reported with a warning; its SE is computed as if free.
     *
     * @param parameter the parameter
     * @param lowerBound the lower bound in natural units (-infinity for none; for the EC50 in dose units)
     * @param upperBound the upper bound (+infinity for none)
     * @return a copy with the bounds
     * @throws DoseResponseException (BAD_INPUT) if lower &gt; upper or a bound is NaN
     */
    public LogLogisticFitter withBounds(LogLogisticParameter parameter, double lowerBound, double upperBound) {
        if (Double.isNaN(lowerBound) || Double.isNaN(upperBound) || lowerBound > upperBound) {
            throw DoseResponseException.badInput("Invalid bounds [%s, %s] for %s: need lower <= upper",
                    Double.toString(lowerBound), Double.toString(upperBound), parameter.columnName());
        }
        double[] lo = lower.clone();
        double[] hi = upper.clone();
        lo[parameter.ordinal()] = lowerBound;
        hi[parameter.ordinal()] = upperBound;
        return new LogLogisticFitter(model, fixed, lo, hi, start, maxIterations, seConvention, optimizer,
                parallelism);
    }

    /**
     * Sets starting values instead of the {@link ParameterGuesser}'s.
     *
     * @param startPoint {b, c, d, e, f} in natural units; NaN entries are guessed
     * @return a copy with the start point
     * @throws DoseResponseException (BAD_INPUT) unless there are 5 values and the EC50 is NaN or &gt; 0
     */
    public LogLogisticFitter withStartPoint(double[] startPoint) {
        if (startPoint == null || startPoint.length != 5 || startPoint[3] <= 0) {
            throw DoseResponseException.badInput(
                    "A start point needs the 5 values {b, c, d, e, f} (NaN to guess one) with e > 0");
        }
        return new LogLogisticFitter(model, fixed, lower, upper, startPoint.clone(), maxIterations, seConvention,
                optimizer, parallelism);
    }

    /**
     * @param iterations the maximum number of Levenberg-Marquardt iterations per starting point (&ge; 1)
     * @return a copy
     */
    public LogLogisticFitter withMaxIterations(int iterations) {
        if (iterations < 1) {
            throw DoseResponseException.badInput("The maximum number of iterations must be >= 1, not %d",
                    Integer.valueOf(iterations));
        }
        return new LogLogisticFitter(model, fixed, lower, upper, start, iterations, seConvention, optimizer,
                parallelism);
    }

    /**
     * @param convention how standard errors are computed
     * @return a copy
     */
    public LogLogisticFitter withSeConvention(SeConvention convention) {
        return new LogLogisticFitter(model, fixed, lower, upper, start, maxIterations,
                convention == null ? SeConvention.JACOBIAN : convention, optimizer, parallelism);
    }

    /**
     * @param opt the minimiser
     * @return a copy
     */
    public LogLogisticFitter withOptimizer(Optimizer opt) {
        return new LogLogisticFitter(model, fixed, lower, upper, start, maxIterations, seConvention,
                opt == null ? Optimizer.COMPACT : opt, parallelism);
    }

    /**
     * @param threads the number of worker threads for {@link #fitAll}; 0 for the common fork-join pool.
     *        Results do not depend on it.
     * @return a copy
     */
    public LogLogisticFitter withParallelism(int threads) {
        if (threads < 0) {
            throw DoseResponseException.badInput("The number of threads must be >= 0, not %d",
                    Integer.valueOf(threads));
        }
        return new LogLogisticFitter(model, fixed, lower, upper, start, maxIterations, seConvention, optimizer,
                threads);
    }

    /** @return the model */
    public LogLogisticModel model() {
        return model;
    }

    /** @return the fixed values {b, c, d, e, f}, NaN for estimated parameters (a copy) */
    public double[] fixedValues() {
        return fixed.clone();
    }

    /** @return the standard-error convention */
    public SeConvention seConvention() {
        return seConvention;
    }

    /** @return the number of estimated parameters of one curve */
    public int freeParameterCount() {
        return countFree(fixed);
    }

    private static int countFree(double[] f) {
        int p = 0;
        for (double v : f) {
            if (Double.isNaN(v)) {
                p++;
            }
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------
    // fitting

    /**
     * Fits one curve.
     *
     * @param dose doses (&ge; 0, 0 = control), in any unit; the EC50 is reported in the same unit
     * @param response responses (finite)
     * @return the fit; never {@code null}. A curve without a finite optimum comes back with
     *         {@code wellDetermined = false} (and possibly {@code converged = false}) and a reason.
     * @throws DoseResponseException (BAD_INPUT) for negative or non-finite values, fewer points than
     *         parameters, a constant response, no positive dose
     */
    public Result fit(double[] dose, double[] response) {
        validate(dose, response, "curve");
        return fitValidated(dose, response, "curve", new TQuantiles(0));
    }

    /**
     * Fits many curves independently (each with its own residual variance), in parallel over
     * curves. The results are in input order and identical whatever the number of threads. All curves
     * are validated before any is fitted, so bad input fails before any work is done.
     *
     * @param doses one dose array per curve
     * @param responses one response array per curve
     * @param labels one label per curve, used in messages and results ({@code null} for "curve i")
     * @param monitor progress and cancellation ({@code null} for none)
     * @return one result per curve, in input order
     * @throws DoseResponseException (BAD_INPUT) naming the first bad curve
     */
    public List<Result> fitAll(List<double[]> doses, List<double[]> responses, List<String> labels,
            ProgressMonitor monitor) {
        final int k = doses.size();
        if (responses.size() != k || (labels != null && labels.size() != k)) {
            throw DoseResponseException.badInput("fitAll needs as many response arrays and labels as dose arrays");
        }
        ProgressMonitor mon = monitor == null ? ProgressMonitor.NONE : monitor;
        int maxN = 1;
        for (int i = 0; i < k; i++) {
            validate(doses.get(i), responses.get(i), label(labels, i));
            maxN = Math.max(maxN, doses.get(i).length);
        }
        final TQuantiles tq = new TQuantiles(maxN);
        final Result[] out = new Result[k];
        final AtomicInteger done = new AtomicInteger();
        final int step = Math.max(1, k / 100);
        Runnable job = () -> IntStream.range(0, k).parallel().forEach(i -> {
            if (i % 64 == 0) {
                mon.checkCanceled();
            }
            out[i] = fitValidated(doses.get(i), responses.get(i), label(labels, i), tq);
            int d = done.incrementAndGet();
            if (d % step == 0) {
                mon.setProgress((double) d / k, "Fitted " + d + " of " + k + " curves");
            }
        });
        if (parallelism == 0) {
            job.run();
        } else {
            ForkJoinPool pool = new ForkJoinPool(parallelism);
            try {
                pool.submit(job).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("Interrupted");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            } finally {
                pool.shutdown();
            }
        }
        mon.setProgress(1, "Fitted " + k + " curves");
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    /**
     * Fits several curves jointly with a pooled residual variance, as drc's {@code curveid=} and R
     * {@code nls} with indexed parameters ({@code b[CURVE]}): parameters in {@code shared} take one
     * value for all curves, the others one value per curve. With nothing shared the estimates equal
     * separate fits but the SEs use the pooled variance, {@code s^2 = sum RSS / (N - k p)}; sharing
     * every parameter fits one curve through all the data.
     *
     * @param doses one dose array per curve
     * @param responses one response array per curve
     * @param labels curve labels ({@code null} for "curve i")
     * @param shared the parameters common to all curves (may be empty)
     * @return the joint fit with one {@link Result} view per curve and the full covariance matrix
     * @throws DoseResponseException (BAD_INPUT) as {@link #fit}, and when the total number of points
     *         is below the number of parameters
     */
    public JointResult fitJoint(List<double[]> doses, List<double[]> responses, List<String> labels,
            Set<LogLogisticParameter> shared) {
        final int k = doses.size();
        if (k == 0 || responses.size() != k) {
            throw DoseResponseException.badInput("A joint fit needs at least one curve and one response array per curve");
        }
        Set<LogLogisticParameter> sh = shared == null || shared.isEmpty() ? EnumSet.noneOf(LogLogisticParameter.class)
                : EnumSet.copyOf(shared);
        int nTotal = 0;
        for (int i = 0; i < k; i++) {
            validateValues(doses.get(i), responses.get(i), label(labels, i));
            nTotal += doses.get(i).length;
        }
        int[][] index = new int[k][5];
        double[][] fx = new double[k][5];
        int p = 0;
        int[] sharedIndex = new int[5];
        Arrays.fill(sharedIndex, -1);
        for (int c = 0; c < k; c++) {
            for (int s = 0; s < 5; s++) {
                if (!Double.isNaN(fixed[s])) {
                    index[c][s] = -1;
                    fx[c][s] = fixed[s];
                } else if (sh.contains(LogLogisticParameter.values()[s])) {
                    if (sharedIndex[s] < 0) {
                        sharedIndex[s] = p++;
                    }
                    index[c][s] = sharedIndex[s];
                    fx[c][s] = Double.NaN;
                } else {
                    index[c][s] = p++;
                    fx[c][s] = Double.NaN;
                }
            }
        }
        if (nTotal < p) {
            throw DoseResponseException.badInput(
                    "The joint fit of %d curves has %d points but %d parameters to estimate: add points or share/fix parameters",
                    Integer.valueOf(k), Integer.valueOf(nTotal), Integer.valueOf(p));
        }
        double[] x = new double[nTotal];
        double[] y = new double[nTotal];
        int[] cid = new int[nTotal];
        int o = 0;
        for (int c = 0; c < k; c++) {
            double[] dx = doses.get(c);
            double[] dy = responses.get(c);
            System.arraycopy(dx, 0, x, o, dx.length);
            System.arraycopy(dy, 0, y, o, dy.length);
            Arrays.fill(cid, o, o + dx.length, c);
            o += dx.length;
        }
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int c = 0; c < k; c++) {
            for (int s = 0; s < 5; s++) {
                if (index[c][s] >= 0) {
                    lo[index[c][s]] = lower[s];
                    hi[index[c][s]] = upper[s];
                }
            }
        }
        CurveProblem pr = new CurveProblem(x, y, cid, k, index, fx, lo, hi);
        // starting values: per-curve guesses, averaged on the shared parameters
        double[] theta0 = new double[p];
        int[] count = new int[p];
        for (int c = 0; c < k; c++) {
            double[] g = startFor(doses.get(c), responses.get(c));
            if (sh.size() == 5 - fixedCount()) {
                g = startFor(x, y);
            }
            for (int s = 0; s < 5; s++) {
                int j = index[c][s];
                if (j >= 0) {
                    theta0[j] += s == 3 ? Math.log(g[s]) : g[s];
                    count[j]++;
                }
            }
        }
        for (int j = 0; j < p; j++) {
            theta0[j] /= count[j];
        }
        Minimum best = minimize(pr, theta0);
        if (!best.converged() || !Double.isFinite(best.rss())) {
            // per-curve fits as starting values (what the R references do with nlsLM)
            double[] alt = theta0.clone();
            Arrays.fill(count, 0);
            double[] sum = new double[p];
            for (int c = 0; c < k; c++) {
                Result r = fitValidatedOrNull(doses.get(c), responses.get(c));
                if (r == null) {
                    continue;
                }
                double[] q = r.parameters();
                for (int s = 0; s < 5; s++) {
                    int j = index[c][s];
                    if (j >= 0) {
                        sum[j] += s == 3 ? Math.log(q[s]) : q[s];
                        count[j]++;
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                if (count[j] > 0) {
                    alt[j] = sum[j] / count[j];
                }
            }
            Minimum m2 = minimize(pr, alt);
            best = better(best, m2);
        }
        List<String> labs = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            labs.add(label(labels, c));
        }
        return ResultBuilder.build(this, pr, best, labs, new TQuantiles(nTotal), sh);
    }

    private int fixedCount() {
        return 5 - countFree(fixed);
    }

    private Result fitValidatedOrNull(double[] x, double[] y) {
        try {
            validate(x, y, "curve");
            return fitValidated(x, y, "curve", new TQuantiles(0));
        } catch (DoseResponseException e) {
            return null;
        }
    }

    Result fitValidated(double[] x, double[] y, String label, TQuantiles tq) {
        CurveProblem pr = CurveProblem.single(x, y, fixed, lower, upper);
        double[] nat = startFor(x, y);
        Minimum best = minimize(pr, internalStart(nat));
        if (!best.converged() || !Double.isFinite(best.rss()) || best.rss() > totalSumOfSquares(y)) {
            // not converged, or worse than a flat line: a poor local optimum
            for (double[] alt : alternativeStarts(nat, x)) {
                best = better(best, minimize(pr, internalStart(alt)));
            }
        }
        return ResultBuilder.single(this, pr, best, label, tq);
    }

    private static double totalSumOfSquares(double[] y) {
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= y.length;
        double t = 0;
        for (double v : y) {
            t += (v - m) * (v - m);
        }
        return t;
    }

    private static Minimum better(Minimum a, Minimum b) {
        boolean fa = Double.isFinite(a.rss());
        boolean fb = Double.isFinite(b.rss());
        if (fa != fb) {
            return fa ? a : b;
        }
        if (a.converged() != b.converged()) {
            return a.converged() ? a : b;
        }
        return b.rss() < a.rss() ? b : a;
    }

    Minimum minimize(CurveProblem pr, double[] theta0) {
        return optimizer == Optimizer.COMMONS_MATH ? CommonsLeastSquares.minimize(pr, theta0, maxIterations)
                : LevenbergMarquardt.minimize(pr, theta0, maxIterations);
    }

    private double[] startFor(double[] x, double[] y) {
        double[] g = new ParameterGuesser(x, y, fixed).guess();
        for (int s = 0; s < 5; s++) {
            if (!Double.isNaN(start[s])) {
                g[s] = start[s];
            }
            if (!Double.isNaN(fixed[s])) {
                g[s] = fixed[s];
            }
            if (g[s] < lower[s]) {
                g[s] = lower[s];
            }
            if (g[s] > upper[s]) {
                g[s] = upper[s];
            }
        }
        if (!(g[3] > 0)) {
            g[3] = 1;
        }
        return g;
    }

    private double[] internalStart(double[] natural) {
        double[] t = new double[countFree(fixed)];
        int j = 0;
        for (int s = 0; s < 5; s++) {
            if (Double.isNaN(fixed[s])) {
                t[j++] = s == 3 ? Math.log(natural[s]) : natural[s];
            }
        }
        return t;
    }

    private List<double[]> alternativeStarts(double[] g, double[] x) {
        double minPos = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : x) {
            if (v > 0) {
                minPos = Math.min(minPos, v);
            }
            max = Math.max(max, v);
        }
        double l1 = Math.log(minPos);
        double l2 = Math.log(max);
        List<double[]> out = new ArrayList<>();
        double[][] variants = {
            {g[0] * 3, g[3]}, {g[0] / 3, g[3]}, {g[0], Math.exp(l1 + 0.25 * (l2 - l1))},
            {g[0], Math.exp(l1 + 0.75 * (l2 - l1))}, {-g[0], g[3]}, {Math.signum(g[0]) * 1, Math.exp(0.5 * (l1 + l2))}};
        for (double[] v : variants) {
            double[] a = g.clone();
            if (Double.isNaN(fixed[0]) && Double.isNaN(start[0])) {
                a[0] = v[0];
            }
            if (Double.isNaN(fixed[3]) && Double.isNaN(start[3])) {
                a[3] = v[1];
            }
            if (Double.isNaN(fixed[4])) {
                a[4] = 1;
            }
            out.add(a);
        }
        return out;
    }

    private static String label(List<String> labels, int i) {
        return labels == null ? "curve " + (i + 1) : labels.get(i);
    }

    void validate(double[] x, double[] y, String label) {
        validateValues(x, y, label);
        int p = countFree(fixed);
        if (x.length < p) {
            throw DoseResponseException.badInput(
                    "%s has %d data points but model %s estimates %d parameters: need at least %d points (or fix parameters)",
                    capital(label), Integer.valueOf(x.length), model.label(), Integer.valueOf(p), Integer.valueOf(p));
        }
    }

    private static void validateValues(double[] x, double[] y, String label) {
        if (x == null || y == null || x.length != y.length) {
            throw DoseResponseException.badInput("%s: dose and response arrays must have the same length",
                    capital(label));
        }
        if (x.length == 0) {
            throw DoseResponseException.badInput("%s has no data points", capital(label));
        }
        boolean anyPositive = false;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw DoseResponseException.badInput("%s: dose of point %d is %s; doses must be finite numbers >= 0",
                        capital(label), Integer.valueOf(i + 1), Double.toString(x[i]));
            }
            if (x[i] < 0) {
                throw DoseResponseException.badInput(
                        "%s: dose of point %d is negative (%s); doses must be >= 0 (0 = control). Log-transformed doses? Give the doses themselves",
                        capital(label), Integer.valueOf(i + 1), Double.toString(x[i]));
            }
            if (!Double.isFinite(y[i])) {
                throw DoseResponseException.badInput("%s: response of point %d is %s; responses must be finite numbers",
                        capital(label), Integer.valueOf(i + 1), Double.toString(y[i]));
            }
            anyPositive |= x[i] > 0;
        }
        if (!anyPositive) {
            throw DoseResponseException.badInput("%s has no positive dose (only controls at dose 0): nothing to fit",
                    capital(label));
        }
        boolean constant = true;
        for (int i = 1; i < y.length && constant; i++) {
            constant = y[i] == y[0];
        }
        if (constant && y.length > 1) {
            throw DoseResponseException.badInput(
                    "%s has a constant response (%s at every dose): a dose-response curve cannot be fitted",
                    capital(label), Double.toString(y[0]));
        }
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    double[] lowerBounds() {
        return lower;
    }

    double[] upperBounds() {
        return upper;
    }

    // ------------------------------------------------------------------------------------------

    /**
     * The self-starter: starting values from a linear regression of the logit of the mean response
     * per dose on ln dose. With c0 and d0 just outside the range of the dose means (or their fixed
     * values) and {@code p = (ybar - c0) / (d0 - c0)}, the model gives
     * {@code ln(p^(-1/f) - 1) = b ln x - b ln e}, a straight line in ln x. It is fitted to the doses
     * around the steepest crossing of p = 0.5 between adjacent doses (the two doses bracketing it and
     * the contiguous doses beside them with 0.05 &lt; p &lt; 0.95); without a crossing, to all doses
     * with weights
     * {@code p^2 (1 - p)^2} (the inverse variance of the logit for a constant response variance). Slopes are kept within |b| in [0.2, 10] and the EC50
     * within a decade of the tested range; if the regression is degenerate, b = &#177;1 (sign from the
     * trend) and e is the dose whose response is nearest the midpoint.
     */
    public static final class ParameterGuesser {
        private final double[] x;
        private final double[] y;
        private final double[] fixed;

        /**
         * @param dose doses (&ge; 0, at least one positive)
         * @param response responses
         * @param fixedValues {b, c, d, e, f}, NaN where estimated
         */
        public ParameterGuesser(double[] dose, double[] response, double[] fixedValues) {
            this.x = dose;
            this.y = response;
            this.fixed = fixedValues;
        }

        /** @return starting values {b, c, d, e, f} in natural units (fixed values where fixed) */
        public double[] guess() {
            final int n = x.length;
            // mean response per distinct dose (doses sorted; usually already sorted)
            double[] xs = x;
            double[] ys = y;
            boolean sorted = true;
            for (int i = 1; i < n && sorted; i++) {
                sorted = x[i] >= x[i - 1];
            }
            if (!sorted) {
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = Integer.valueOf(i);
                }
                Arrays.sort(order, (i, j) -> Double.compare(x[i.intValue()], x[j.intValue()]));
                xs = new double[n];
                ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = x[order[i].intValue()];
                    ys[i] = y[order[i].intValue()];
                }
            }
            double[] ux = new double[n];
            double[] uy = new double[n];
            int m = 0;
            for (int i = 0; i < n;) {
                int j = i;
                double sum = 0;
                while (j < n && xs[j] == xs[i]) {
                    sum += ys[j];
                    j++;
                }
                ux[m] = xs[i];
                uy[m] = sum / (j - i);
                m++;
                i = j;
            }
            double minPos = Double.POSITIVE_INFINITY;
            double maxX = ux[m - 1];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                if (ux[i] > 0) {
                    minPos = Math.min(minPos, ux[i]);
                }
                lo = Math.min(lo, uy[i]);
                hi = Math.max(hi, uy[i]);
            }
            double sign = uy[0] >= uy[m - 1] ? 1 : -1; // falling curve: b > 0
            double range = hi - lo;
            if (!(range > 0)) {
                range = Math.max(Math.abs(hi), 1);
            }
            double c0 = Double.isNaN(fixed[1]) ? lo - 0.01 * range : fixed[1];
            double d0 = Double.isNaN(fixed[2]) ? hi + 0.01 * range : fixed[2];
            double f0 = Double.isNaN(fixed[4]) ? 1 : fixed[4];
            double span = d0 - c0;
            double b0 = Double.NaN;
            double le0 = Double.NaN;
            if (span != 0 && Double.isFinite(span)) {
                // logit of the dose means; the transition region (0.1 < p < 0.9) when it has two
                // doses, else all doses weighted by p^2 (1-p)^2
                // the steepest crossing of the half-way level between adjacent positive doses, and
                // the contiguous run of doses around it inside the transition band 0.05 < p < 0.95
                double[] pp = new double[m];
                for (int i = 0; i < m; i++) {
                    pp[i] = (uy[i] - c0) / span;
                }
                int cross = -1;
                double steep = -1;
                for (int i = 0; i + 1 < m; i++) {
                    if (ux[i] > 0 && (pp[i] - 0.5) * (pp[i + 1] - 0.5) <= 0 && Math.abs(pp[i] - pp[i + 1]) > steep) {
                        steep = Math.abs(pp[i] - pp[i + 1]);
                        cross = i;
                    }
                }
                int from = 0;
                int to = m - 1;
                boolean weighted = cross < 0;
                if (!weighted) {
                    from = cross;
                    to = cross + 1;
                    while (from > 0 && ux[from - 1] > 0 && pp[from - 1] > 0.05 && pp[from - 1] < 0.95) {
                        from--;
                    }
                    while (to < m - 1 && pp[to + 1] > 0.05 && pp[to + 1] < 0.95) {
                        to++;
                    }
                }
                double sw = 0;
                double swx = 0;
                double swz = 0;
                double swxx = 0;
                double swxz = 0;
                for (int i = from; i <= to; i++) {
                    if (ux[i] <= 0) {
                        continue;
                    }
                    double q = Math.max(0.02, Math.min(0.98, pp[i]));
                    double w = weighted ? q * (1 - q) * q * (1 - q) : 1;
                    double z = f0 == 1 ? Math.log((1 - q) / q) : Math.log(Math.pow(q, -1 / f0) - 1);
                    double lx = Math.log(ux[i]);
                    sw += w;
                    swx += w * lx;
                    swz += w * z;
                    swxx += w * lx * lx;
                    swxz += w * lx * z;
                }
                if (sw > 0) {
                    double mxw = swx / sw;
                    double mzw = swz / sw;
                    double vxx = swxx / sw - mxw * mxw;
                    double vxz = swxz / sw - mxw * mzw;
                    if (!Double.isNaN(fixed[0])) {
                        b0 = fixed[0];
                        le0 = b0 != 0 ? mxw - mzw / b0 : Double.NaN;
                    } else if (!Double.isNaN(fixed[3])) {
                        double le = Math.log(fixed[3]);
                        double num = swxz - le * swz;
                        double den = swxx - 2 * le * swx + le * le * sw;
                        b0 = den > 0 ? num / den : Double.NaN;
                        le0 = le;
                    } else if (vxx > 0) {
                        b0 = vxz / vxx;
                        le0 = mxw - mzw / b0;
                    }
                }
            }
            if (!Double.isFinite(b0) || Math.abs(b0) < 1e-3 || !Double.isFinite(le0)) {
                b0 = Double.isNaN(fixed[0]) ? sign : fixed[0];
                double mid = 0.5 * (lo + hi);
                double bestDist = Double.POSITIVE_INFINITY;
                le0 = 0.5 * (Math.log(minPos) + Math.log(maxX));
                for (int i = 0; i < m; i++) {
                    if (ux[i] > 0 && Math.abs(uy[i] - mid) < bestDist) {
                        bestDist = Math.abs(uy[i] - mid);
                        le0 = Math.log(ux[i]);
                    }
                }
            }
            if (Double.isNaN(fixed[0])) {
                b0 = Math.copySign(Math.max(0.2, Math.min(10, Math.abs(b0))), b0);
            }
            le0 = Math.max(Math.log(minPos) - Math.log(10), Math.min(Math.log(maxX) + Math.log(10), le0));
            double[] g = {b0, c0, d0, Math.exp(le0), f0};
            for (int s = 0; s < 5; s++) {
                if (!Double.isNaN(fixed[s])) {
                    g[s] = fixed[s];
                }
            }
            return g;
        }
    }

    // ------------------------------------------------------------------------------------------

    /**
     * The fit of one curve (or one curve's view of a {@link JointResult}).
     *
     * @param label the curve's label
     * @param model the model
     * @param seConvention the SE convention used for every SE and interval
     * @param parameters {b, c, d, e, f} in natural units (estimates and fixed values)
     * @param estimates the five parameters with SE and interval, in the order b, c, d, e, f
     * @param covariance the 5 x 5 covariance matrix of {b, c, d, e, f}, row-major; 0 in rows and
     *        columns of fixed parameters; NaN if singular
     * @param dose the doses
     * @param response the responses
     * @param fitted the fitted values
     * @param residuals response - fitted
     * @param n the number of points of this curve
     * @param nParameters the number of estimated parameters (of the whole fit, for a joint fit)
     * @param df residual degrees of freedom (of the whole fit for a joint fit)
     * @param rss residual sum of squares (of the whole fit for a joint fit)
     * @param rse residual standard error {@code sqrt(rss / df)}
     * @param rSquared {@code 1 - RSS/TSS} of this curve's own points
     * @param logLik Gaussian log-likelihood (of the whole fit for a joint fit)
     * @param aic {@code -2 logLik + 2 (nParameters + 1)}
     * @param iterations Levenberg-Marquardt iterations of the kept start
     * @param converged whether the minimiser met its convergence criterion
     * @param wellDetermined whether the estimates are usable (see the class description)
     * @param reason why not well determined (empty when well determined)
     * @param warnings other remarks (estimate on a bound, ...)
     * @param tQuantile the 0.975 quantile of t with df degrees of freedom used for intervals
     */
    public record Result(String label, LogLogisticModel model, SeConvention seConvention, double[] parameters,
            List<ParameterEstimate> estimates, double[] covariance, double[] dose, double[] response, double[] fitted,
            double[] residuals, int n, int nParameters, int df, double rss, double rse, double rSquared, double logLik,
            double aic, int iterations, boolean converged, boolean wellDetermined, String reason,
            List<String> warnings, double tQuantile) {

        /** Defensive copies. */
        public Result {
            parameters = parameters.clone();
            covariance = covariance.clone();
            dose = dose.clone();
            response = response.clone();
            fitted = fitted.clone();
            residuals = residuals.clone();
            estimates = List.copyOf(estimates);
            warnings = List.copyOf(warnings);
        }

        @Override
        public double[] parameters() {
            return parameters.clone();
        }

        @Override
        public double[] covariance() {
            return covariance.clone();
        }

        @Override
        public double[] dose() {
            return dose.clone();
        }

        @Override
        public double[] response() {
            return response.clone();
        }

        @Override
        public double[] fitted() {
            return fitted.clone();
        }

        @Override
        public double[] residuals() {
            return residuals.clone();
        }

        /**
         * @param p the parameter
         * @return its estimate
         */
        public ParameterEstimate estimate(LogLogisticParameter p) {
            return estimates.get(p.ordinal());
        }

        /** @return the EC50 e in dose units (the inflection point; ED50 for f = 1) */
        public double ec50() {
            return parameters[3];
        }

        /** @return log10 of the EC50 (Prism's LogIC50) */
        public double log10Ec50() {
            return Math.log10(parameters[3]);
        }

        /** @return the SE of log10 EC50 by the delta method, {@code SE(e) / (e ln 10)} */
        public double log10Ec50Se() {
            return estimates.get(3).se() / (parameters[3] * Math.log(10));
        }

        /**
         * The 95% interval of the EC50 computed on the log scale and transformed back:
         * {@code 10^(log10 e -/+ t SE(log10 e))} (as Prism's interval of the IC50 from LogIC50).
         *
         * @return {lower, upper} in dose units; NaN when the SE is not available
         */
        public double[] ec50Interval() {
            double l = log10Ec50();
            double s = log10Ec50Se();
            return new double[] {Math.pow(10, l - tQuantile * s), Math.pow(10, l + tQuantile * s)};
        }

        /**
         * The effective dose ED_p relative to the curve's range, as drc's {@code ED(type = "relative")}:
         * the dose at which the response has moved p % of the way from its level at dose 0 to the
         * other asymptote. {@code ED_p = e ((100/(100-p))^(1/f) - 1)^(1/b)}, with p replaced by
         * {@code 100 - p} when b &lt; 0 (drc's rule for increasing curves). SE by the delta method
         * with the analytic gradient.
         *
         * @param p the percentage, in (0, 100)
         * @return the effective dose
         * @throws DoseResponseException (BAD_INPUT) unless 0 &lt; p &lt; 100
         */
        public EffectiveDose ed(double p) {
            if (!(p > 0 && p < 100)) {
                throw DoseResponseException.badInput("ED level must be a percentage between 0 and 100 (exclusive), not %s",
                        Double.toString(p));
            }
            return CurveStatistics.ed(parameters, covariance, p, false, tQuantile);
        }

        /**
         * The dose at which the fitted curve reaches an absolute response, with delta-method SE.
         *
         * @param level the response, strictly between c and d
         * @return the effective dose; dose NaN when the curve never reaches the level
         */
        public EffectiveDose edAbsolute(double level) {
            return CurveStatistics.ed(parameters, covariance, level, true, tQuantile);
        }

        /**
         * The predicted mean response with delta-method SE and intervals.
         *
         * @param atDose the dose (&ge; 0)
         * @return the prediction
         */
        public Prediction predict(double atDose) {
            return CurveStatistics.predict(parameters, covariance, atDose, tQuantile, rse);
        }

        /**
         * The area under the fitted curve over the tested non-zero dose range, on the log10 dose
         * axis: {@code integral of y d(log10 x)} from the smallest positive dose to the largest dose,
         * in response &#215; log10(dose) units. Analytic for f = 1
         * ({@code c L + (d - c)(L - (softplus(b (v2 - ln e)) - softplus(b (v1 - ln e))) / b) / ln 10},
         * L the log10 range), composite Simpson with 512 intervals otherwise.
         *
         * @return the area; 0 when there is only one positive dose
         */
        public double auc() {
            double minPos = Double.POSITIVE_INFINITY;
            double max = 0;
            for (double v : dose) {
                if (v > 0) {
                    minPos = Math.min(minPos, v);
                }
                max = Math.max(max, v);
            }
            return CurveStatistics.auc(parameters, minPos, max);
        }
    }

    /**
     * A joint fit of several curves with a pooled residual variance.
     *
     * @param curves one result per curve, in input order; their rss, df, rse, logLik and AIC are the
     *        joint fit's, their covariance the curve's block of {@code covariance}
     * @param shared the parameters shared by all curves
     * @param seConvention the SE convention
     * @param covariance the covariance of all estimated parameters (natural units), row-major
     * @param index per curve and slot {b, c, d, e, f}: the index into {@code covariance}, -1 if fixed
     * @param nParameters the number of estimated parameters
     * @param n the total number of points
     * @param df residual degrees of freedom
     * @param rss residual sum of squares
     * @param rse residual standard error
     * @param logLik Gaussian log-likelihood
     * @param aic AIC with {@code nParameters + 1} parameters
     * @param iterations iterations
     * @param converged whether the minimiser converged
     * @param tQuantile the 0.975 quantile of t with df degrees of freedom
     */
    public record JointResult(List<Result> curves, Set<LogLogisticParameter> shared, SeConvention seConvention,
            double[] covariance, int[][] index, int nParameters, int n, int df, double rss, double rse, double logLik,
            double aic, int iterations, boolean converged, double tQuantile) {

        /** Defensive copies. */
        public JointResult {
            curves = List.copyOf(curves);
            shared = shared.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(shared));
            covariance = covariance.clone();
            int[][] ix = new int[index.length][];
            for (int i = 0; i < index.length; i++) {
                ix[i] = index[i].clone();
            }
            index = ix;
        }

        @Override
        public double[] covariance() {
            return covariance.clone();
        }

        @Override
        public int[][] index() {
            int[][] ix = new int[index.length][];
            for (int i = 0; i < index.length; i++) {
                ix[i] = index[i].clone();
            }
            return ix;
        }

        /**
         * The ratio ED_p(curve i) / ED_p(curve j) with delta-method SE from the joint covariance
         * (drc's {@code EDcomp(fit, c(p, p))}; for p = 50 and f = 1 the EC50 ratio of
         * {@code compParm(fit, "e", "/")}).
         *
         * @param i the numerator curve (0-based)
         * @param j the denominator curve (0-based)
         * @param p the relative level in (0, 100)
         * @return the ratio
         */
        public EdRatio edRatio(int i, int j, double p) {
            return CurveStatistics.jointRatio(this, i, j, p);
        }
    }
}
