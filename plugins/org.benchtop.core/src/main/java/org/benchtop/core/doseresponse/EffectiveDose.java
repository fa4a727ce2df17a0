package org.benchtop.core.doseresponse;

/**
 * An effective dose ED_p (IC_p) with its delta-method standard error.
 *
 * @param level the level: for a relative ED the percentage p of the change from the response at
 *        dose 0 towards the other asymptote (drc's {@code ED(type = "relative")}); for an absolute
 *        ED the response value
 * @param absolute whether {@code level} is an absolute response
 * @param dose the dose, in dose units; NaN when the level is not reached by the curve
 * @param se the delta-method standard error of the dose under the fit's SE convention
 * @param lower the lower end of the t-based 95% interval {@code dose - t se} (drc's "delta" interval)
 * @param upper the upper end of that interval
 * @param log10Dose {@code log10(dose)}
 * @param log10Se the delta-method SE of {@code log10(dose)}: {@code se / (dose ln 10)}
 */
public record EffectiveDose(double level, boolean absolute, double dose, double se, double lower, double upper,
        double log10Dose, double log10Se) {
}
