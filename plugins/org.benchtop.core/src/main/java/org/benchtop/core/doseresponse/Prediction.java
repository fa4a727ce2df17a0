package org.benchtop.core.doseresponse;

/**
 * A predicted mean response at a dose, with delta-method standard error and t-based intervals (as
 * drc {@code predict(..., interval = "confidence"/"prediction")}).
 *
 * @param dose the dose
 * @param value the fitted mean response
 * @param se its delta-method standard error
 * @param confLower lower end of the 95% confidence interval of the mean
 * @param confUpper upper end of that interval
 * @param predLower lower end of the 95% prediction interval of a new observation
 *        ({@code value -/+ t sqrt(se^2 + s^2)})
 * @param predUpper upper end of that interval
 */
public record Prediction(double dose, double value, double se, double confLower, double confUpper, double predLower,
        double predUpper) {
}
