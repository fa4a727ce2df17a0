package org.benchtop.core.doseresponse;

/**
 * Where a least-squares minimisation stopped.
 *
 * @param theta the internal parameters (ln e for EC50 slots)
 * @param rss the residual sum of squares there
 * @param iterations the number of iterations (accepted or rejected LM steps)
 * @param converged whether a convergence criterion was met
 */
record Minimum(double[] theta, double rss, int iterations, boolean converged) {
}
