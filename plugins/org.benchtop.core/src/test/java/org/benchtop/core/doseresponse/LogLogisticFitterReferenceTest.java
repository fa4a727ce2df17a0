package org.benchtop.core.doseresponse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Estimates, both SE conventions, intervals, ED values, predictions, ED50 ratios, fitted values and
 * the covariance matrix against R {@code nls} (expected_*.csv, made by make_expected.R with R 4.2.2),
 * and the estimates and SEs against the values printed in drc's documentation
 * (drc_documented_values.csv). Tolerances (relative unless said): estimates 1e-4, SEs 1e-3 in both
 * conventions, intervals 1e-3 of the SE (absolute), ED values and ratios 1e-3; drc's printed
 * values 1e-3 (SEs of LL.5 3e-3, see {@link #documentedValues}).
 */
class LogLogisticFitterReferenceTest {

    static final double EST = 1e-4;
    static final double SE = 1e-3;
    static final double ED = 1e-3;

    @AfterAll
    static void report() {
        System.out.println("[doseresponse reference] max deviations: " + ReferenceFits.MAX_DEVIATION);
    }

    static Stream<Arguments> paramRows() {
        List<Arguments> out = new ArrayList<>();
        for (Map<String, String> row : DoseResponseData.read("expected_dose_response_params.csv")) {
            out.add(Arguments.of(row.get("dataset"), row.get("curve"), row.get("model"), row.get("param"), row));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("paramRows")
    void parameters(String dataset, String curve, String model, String param, Map<String, String> row) {
        LogLogisticFitter.JointResult jac = ReferenceFits.fit(dataset, model, SeConvention.JACOBIAN);
        LogLogisticFitter.JointResult hes = ReferenceFits.fit(dataset, model, SeConvention.HESSIAN);
        LogLogisticParameter p = LogLogisticParameter.parse(param);
        LogLogisticFitter.Result rj = ReferenceFits.curve(jac, curve);
        LogLogisticFitter.Result rh = ReferenceFits.curve(hes, curve);
        ParameterEstimate ej = rj.estimate(p);
        ParameterEstimate eh = rh.estimate(p);
        double est = DoseResponseData.num(row, "estimate");
        double se = DoseResponseData.num(row, "se");
        double seH = DoseResponseData.num(row, "se_hessian");
        double dEst = DoseResponseData.rel(ej.estimate(), est);
        double dSe = DoseResponseData.rel(ej.se(), se);
        double dSeH = DoseResponseData.rel(eh.se(), seH);
        double dLo = Math.abs(ej.lower() - DoseResponseData.num(row, "ci_low")) / se;
        double dHi = Math.abs(ej.upper() - DoseResponseData.num(row, "ci_high")) / se;
        double dT = DoseResponseData.rel(ej.t(), DoseResponseData.num(row, "t"));
        double dP = DoseResponseData.rel(ej.pValue(), DoseResponseData.num(row, "p"));
        double dRse = DoseResponseData.rel(rj.rse(), DoseResponseData.num(row, "rse"));
        double dRss = DoseResponseData.rel(rj.rss(), DoseResponseData.num(row, "rss"));
        double dLogLik = Math.abs(rj.logLik() - DoseResponseData.num(row, "logLik"));
        ReferenceFits.record("estimate (rel)", dEst);
        ReferenceFits.record("se jacobian (rel)", dSe);
        ReferenceFits.record("se hessian (rel)", dSeH);
        ReferenceFits.record("ci bounds (abs / se)", Math.max(dLo, dHi));
        ReferenceFits.record("rse (rel)", dRse);
        ReferenceFits.record("logLik (abs)", dLogLik);
        ReferenceFits.record("t (rel)", dT);
        ReferenceFits.record("p (rel)", dP);
        assertAll(
                () -> assertTrue(rj.converged() && rh.converged(), "converged"),
                () -> assertTrue(dEst <= EST, "estimate " + ej.estimate() + " vs " + est),
                () -> assertTrue(dSe <= SE, "se " + ej.se() + " vs " + se),
                () -> assertTrue(dSeH <= SE, "se_hessian " + eh.se() + " vs " + seH),
                () -> assertTrue(dLo <= 1e-3 && dHi <= 1e-3, "CI " + ej.lower() + ".." + ej.upper()),
                () -> assertTrue(dT <= SE, "t " + ej.t()),
                () -> assertTrue(dP <= 1e-2, "p " + ej.pValue()),
                () -> assertTrue(dRse <= 1e-6, "rse " + rj.rse()),
                () -> assertTrue(dRss <= 1e-6, "rss " + rj.rss()),
                () -> assertTrue(dLogLik <= 1e-6, "logLik " + rj.logLik()),
                () -> assertEquals((int) DoseResponseData.num(row, "df"), rj.df(), "df"),
                () -> assertEquals((int) DoseResponseData.num(row, "n"), jac.n(), "n"),
                () -> assertEquals(-2 * DoseResponseData.num(row, "logLik") + 2 * (jac.nParameters() + 1), rj.aic(), 1e-6,
                        "AIC as R's AIC(nls)"));
    }

    static Stream<Arguments> edRows() {
        List<Arguments> out = new ArrayList<>();
        for (Map<String, String> row : DoseResponseData.read("expected_dose_response_ED.csv")) {
            out.add(Arguments.of(row.get("dataset"), row.get("model"), row.get("p"), row));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} ED{2}")
    @MethodSource("edRows")
    void effectiveDoses(String dataset, String model, String p, Map<String, String> row) {
        double level = Double.parseDouble(p);
        EffectiveDose j = ReferenceFits.curve(ReferenceFits.fit(dataset, model, SeConvention.JACOBIAN), "all").ed(level);
        EffectiveDose h = ReferenceFits.curve(ReferenceFits.fit(dataset, model, SeConvention.HESSIAN), "all").ed(level);
        double dEd = DoseResponseData.rel(j.dose(), DoseResponseData.num(row, "ED"));
        double dSe = DoseResponseData.rel(j.se(), DoseResponseData.num(row, "se"));
        double dSeH = DoseResponseData.rel(h.se(), DoseResponseData.num(row, "se_hessian"));
        double dLo = DoseResponseData.rel(j.lower(), DoseResponseData.num(row, "lower"));
        double dHi = DoseResponseData.rel(j.upper(), DoseResponseData.num(row, "upper"));
        double dLog = Math.abs(j.log10Dose() - DoseResponseData.num(row, "log10ED"));
        double dLogSe = DoseResponseData.rel(j.log10Se(), DoseResponseData.num(row, "se_log10ED"));
        ReferenceFits.record("ED (rel)", dEd);
        ReferenceFits.record("ED se jacobian (rel)", dSe);
        ReferenceFits.record("ED se hessian (rel)", dSeH);
        ReferenceFits.record("ED interval (rel)", Math.max(dLo, dHi));
        assertAll(() -> assertTrue(dEd <= ED, "ED " + j.dose()),
                () -> assertTrue(dSe <= ED, "se " + j.se()),
                () -> assertTrue(dSeH <= ED, "se_hessian " + h.se()),
                () -> assertTrue(dLo <= ED && dHi <= ED, "interval " + j.lower() + ".." + j.upper()),
                () -> assertTrue(dLog <= 1e-5, "log10 ED " + j.log10Dose()),
                () -> assertTrue(dLogSe <= ED, "se log10 ED " + j.log10Se()));
    }

    @Test
    void fittedValuesAndResiduals() {
        String[][] fits = {{"ryegrass", "LL.4"}, {"ryegrass", "LL.3"}, {"ryegrass", "LL.5"},
            {"spinach", "LL.4 (joint fit, pooled variance)"}, {"S.alba", "LL.3 (joint fit, pooled variance)"}};
        List<Map<String, String>> rows = DoseResponseData.read("expected_dose_response_fitted.csv");
        int checked = 0;
        for (String[] f : fits) {
            LogLogisticFitter.JointResult jr = ReferenceFits.fit(f[0], f[1], SeConvention.JACOBIAN);
            java.util.Map<String, Integer> pos = new java.util.HashMap<>();
            for (Map<String, String> row : rows) {
                if (!row.get("dataset").equals(f[0]) || !row.get("model").equals(f[1])) {
                    continue;
                }
                LogLogisticFitter.Result r = ReferenceFits.curve(jr, row.get("curve"));
                int i = pos.merge(row.get("curve"), Integer.valueOf(1), (a, b) -> Integer.valueOf(a.intValue() + b.intValue())).intValue() - 1;
                assertEquals(DoseResponseData.num(row, "dose"), r.dose()[i], 0, "same point order");
                double d = Math.abs(r.fitted()[i] - DoseResponseData.num(row, "fitted"));
                ReferenceFits.record("fitted (abs)", d);
                assertEquals(DoseResponseData.num(row, "fitted"), r.fitted()[i], 1e-5, f[0] + " " + f[1] + " point " + i);
                assertEquals(DoseResponseData.num(row, "residual"), r.residuals()[i], 1e-5);
                checked++;
            }
        }
        assertEquals(72 + 105 + 68, checked);
    }

    @Test
    void ryegrassCovarianceMatrix() {
        LogLogisticFitter.Result r = ReferenceFits.curve(ReferenceFits.fit("ryegrass", "LL.4", SeConvention.JACOBIAN), "all");
        double[] cov = r.covariance();
        List<Map<String, String>> rows = DoseResponseData.read("expected_ryegrass_LL4_vcov.csv");
        String[] names = {"b", "c", "d", "e"};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double ref = DoseResponseData.num(rows.get(i), names[j]);
                double scale = Math.sqrt(DoseResponseData.num(rows.get(i), names[i]) * DoseResponseData.num(rows.get(j), names[j]));
                double d = Math.abs(cov[i * 5 + j] - ref) / scale;
                ReferenceFits.record("vcov (abs / (se_i se_j))", d);
                assertTrue(d <= 1e-3, "vcov[" + names[i] + "," + names[j] + "] " + cov[i * 5 + j] + " vs " + ref);
            }
        }
    }

    @Test
    void spinachPredictionsAtDose2() {
        LogLogisticFitter.JointResult j = ReferenceFits.fit("spinach", "LL.4 (joint fit, pooled variance)", SeConvention.JACOBIAN);
        LogLogisticFitter.JointResult h = ReferenceFits.fit("spinach", "LL.4 (joint fit, pooled variance)", SeConvention.HESSIAN);
        for (Map<String, String> row : DoseResponseData.read("expected_spinach_predict_dose2.csv")) {
            Prediction pj = ReferenceFits.curve(j, row.get("curve")).predict(2);
            Prediction ph = ReferenceFits.curve(h, row.get("curve")).predict(2);
            double dv = DoseResponseData.rel(pj.value(), DoseResponseData.num(row, "prediction"));
            double ds = DoseResponseData.rel(pj.se(), DoseResponseData.num(row, "se"));
            double dh = DoseResponseData.rel(ph.se(), DoseResponseData.num(row, "se_hessian"));
            ReferenceFits.record("prediction (rel)", dv);
            ReferenceFits.record("prediction se (rel)", Math.max(ds, dh));
            assertTrue(dv <= EST, "prediction " + pj.value());
            assertTrue(ds <= SE && dh <= SE, "se " + pj.se() + " / " + ph.se());
            assertEquals(DoseResponseData.num(row, "conf_lower"), pj.confLower(), 1e-4);
            assertEquals(DoseResponseData.num(row, "conf_upper"), pj.confUpper(), 1e-4);
            assertEquals(DoseResponseData.num(row, "pred_lower"), pj.predLower(), 1e-4);
            assertEquals(DoseResponseData.num(row, "pred_upper"), pj.predUpper(), 1e-4);
        }
    }

    @Test
    void spinachEd50Ratios() {
        LogLogisticFitter.JointResult j = ReferenceFits.fit("spinach", "LL.4 (joint fit, pooled variance)", SeConvention.JACOBIAN);
        LogLogisticFitter.JointResult h = ReferenceFits.fit("spinach", "LL.4 (joint fit, pooled variance)", SeConvention.HESSIAN);
        for (Map<String, String> row : DoseResponseData.read("expected_spinach_ED50_ratios.csv")) {
            String[] ij = row.get("comparison").split("/");
            int a = Integer.parseInt(ij[0]) - 1;
            int b = Integer.parseInt(ij[1]) - 1;
            EdRatio rj = j.edRatio(a, b, 50);
            EdRatio rh = h.edRatio(a, b, 50);
            checkRatio(row, rj, rh);
        }
    }

    @Test
    void sAlbaEd50Ratio() {
        String m = "LL.3 (joint fit, pooled variance)";
        EdRatio rj = ReferenceFits.fit("S.alba", m, SeConvention.JACOBIAN).edRatio(0, 1, 50);
        EdRatio rh = ReferenceFits.fit("S.alba", m, SeConvention.HESSIAN).edRatio(0, 1, 50);
        Map<String, String> row = DoseResponseData.read("expected_S.alba_ED50_ratio.csv").get(0);
        checkRatio(row, rj, rh);
        assertEquals(DoseResponseData.num(row, "delta_lower"), rj.lower(), 1e-3 * rj.se());
        assertEquals(DoseResponseData.num(row, "delta_upper"), rj.upper(), 1e-3 * rj.se());
    }

    private static void checkRatio(Map<String, String> row, EdRatio rj, EdRatio rh) {
        double dr = DoseResponseData.rel(rj.ratio(), DoseResponseData.num(row, "ratio_ED50"));
        double ds = DoseResponseData.rel(rj.se(), DoseResponseData.num(row, "se"));
        double dh = DoseResponseData.rel(rh.se(), DoseResponseData.num(row, "se_hessian"));
        ReferenceFits.record("ED50 ratio (rel)", dr);
        ReferenceFits.record("ED50 ratio se (rel)", Math.max(ds, dh));
        assertTrue(dr <= ED, "ratio " + rj.ratio());
        assertTrue(ds <= ED, "se " + rj.se());
        assertTrue(dh <= ED, "se_hessian " + rh.se());
        assertEquals(DoseResponseData.num(row, "t_vs_1"), rj.t(), 1e-3 * Math.abs(DoseResponseData.num(row, "t_vs_1")));
        assertEquals(DoseResponseData.num(row, "p_value"), rj.pValue(), 1e-2 * DoseResponseData.num(row, "p_value"));
    }

    /**
     * drc 3.2-0's printed values. drc's optimiser (optim, relative tolerance about 1e-7) stops a
     * little short of the least-squares optimum; for LL.5 that moves the SEs by up to 2.6e-3
     * relative (check_vs_documented.csv), so the LL.5 SEs are held to 3e-3, everything else to 1e-3.
     * drc reports Hessian-convention SEs, so those are compared.
     */
    @Test
    void documentedValues() {
        for (Map<String, String> row : DoseResponseData.read("drc_documented_values.csv")) {
            String ds = row.get("dataset");
            String model = row.get("model");
            String q = row.get("quantity");
            String fitModel = ds.equals("spinach") ? "LL.4 (joint fit, pooled variance)"
                    : ds.equals("S.alba") ? "LL.3 (joint fit, pooled variance)" : model;
            LogLogisticFitter.JointResult jr = ReferenceFits.fit(ds, fitModel, SeConvention.HESSIAN);
            double doc = DoseResponseData.num(row, "documented");
            double docSe = DoseResponseData.num(row, "documented_se");
            double est;
            double se;
            if (q.equals("ED50_ratio")) {
                String[] ij = row.get("curve").split("/");
                EdRatio r = ds.equals("S.alba") ? jr.edRatio(0, 1, 50)
                        : jr.edRatio(Integer.parseInt(ij[0]) - 1, Integer.parseInt(ij[1]) - 1, 50);
                est = r.ratio();
                se = r.se();
            } else {
                LogLogisticFitter.Result r = ReferenceFits.curve(jr, row.get("curve"));
                switch (q) {
                    case "rse" -> {
                        est = r.rse();
                        se = Double.NaN;
                    }
                    case "logLik" -> {
                        est = r.logLik();
                        se = Double.NaN;
                    }
                    case "pred_dose2" -> {
                        Prediction p = r.predict(2);
                        est = p.value();
                        se = p.se();
                    }
                    case "ED10", "ED50", "ED90" -> {
                        EffectiveDose e = r.ed(Double.parseDouble(q.substring(2)));
                        est = e.dose();
                        se = e.se();
                    }
                    default -> {
                        ParameterEstimate pe = r.estimate(LogLogisticParameter.parse(q));
                        est = pe.estimate();
                        se = pe.se();
                    }
                }
            }
            double dEst = DoseResponseData.rel(est, doc);
            ReferenceFits.record("drc documented estimate (rel)", dEst);
            assertTrue(dEst <= 1e-3, ds + " " + row.get("curve") + " " + model + " " + q + ": " + est + " vs drc " + doc);
            if (!Double.isNaN(docSe)) {
                double dSe = DoseResponseData.rel(se, docSe);
                ReferenceFits.record("drc documented se (rel)" + (model.equals("LL.5") ? " LL.5" : ""), dSe);
                assertTrue(dSe <= (model.equals("LL.5") ? 3e-3 : 1e-3),
                        ds + " " + row.get("curve") + " " + model + " " + q + " SE: " + se + " vs drc " + docSe);
            }
        }
    }
}
