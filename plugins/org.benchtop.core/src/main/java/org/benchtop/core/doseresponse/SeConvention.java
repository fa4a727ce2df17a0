package org.benchtop.core.doseresponse;

import java.util.Locale;

/**
 * How the covariance matrix of the estimates (and so every standard error, confidence interval and
 * delta-method SE) is computed.
 */
public enum SeConvention {
    /**
     * Gauss-Newton: {@code V = s^2 (J'J)^-1} with J the Jacobian of the fitted values and
     * {@code s^2 = RSS / df}; what R {@code nls} and GraphPad Prism report (Bates &amp; Watts 1988,
     * Nonlinear Regression Analysis and Its Applications, Wiley, ch. 2, doi:10.1002/9780470316757).
     */
    JACOBIAN,
    /**
     * drc's convention: {@code V = (H / (2 s^2))^-1} with H the Hessian of the residual sum of
     * squares at the optimum, i.e. {@code s^2 (J'J - sum r_i d2f_i)^-1} (Ritz et al. 2015, PLoS ONE
     * 10:e0146021). Differs from {@link #JACOBIAN} by the residual-curvature term.
     */
    HESSIAN;

    /**
     * Parses {@code jacobian}/{@code nls}/{@code prism} or {@code hessian}/{@code drc}.
     *
     * @param name the name
     * @return the convention
     * @throws DoseResponseException (BAD_INPUT) for an unknown name
     */
    public static SeConvention parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "jacobian", "nls", "prism":
                return JACOBIAN;
            case "hessian", "drc":
                return HESSIAN;
            default:
                throw DoseResponseException.badInput("Unknown standard-error convention '%s': use jacobian or hessian",
                        name);
        }
    }
}
