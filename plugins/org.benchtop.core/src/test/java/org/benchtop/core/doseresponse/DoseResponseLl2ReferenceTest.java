package org.benchtop.core.doseresponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * LL.2 (c = 0, d = 1) against R {@code nls} on drc's ryegrass relative to its control
 * ({@code make_ll2.R}): estimates 1e-4 relative, SEs in both conventions 1e-3, ED values 1e-3,
 * fitted values 1e-6 absolute (responses about 0..1), as the tolerances.
 */
class DoseResponseLl2ReferenceTest {

    private static Table input() {
        try (Reader r = new InputStreamReader(DoseResponseLl2ReferenceTest.class.getResourceAsStream(
                "drc_ryegrass_relative.csv"), StandardCharsets.UTF_8)) {
            return CsvReader.withDefaults().read(r, "drc_ryegrass_relative.csv");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Table fit(SeConvention se) {
        DoseResponseSettings s = DoseResponseSettings.of("conc", "rootl_rel").withModel(LogLogisticModel.LL2).withSe(se)
                .withEd(List.of(Double.valueOf(10), Double.valueOf(20), Double.valueOf(50), Double.valueOf(80),
                        Double.valueOf(90)));
        return DoseResponseAnalysis.withDefaults().run(input(), s, null).fits();
    }

    @Test
    void estimatesAndBothSeConventionsAsR() {
        Table j = fit(SeConvention.JACOBIAN);
        Table h = fit(SeConvention.HESSIAN);
        assertFalse(j.columnNames().contains("bottom_se"));
        assertFalse(j.columnNames().contains("top_se"));
        assertEquals(0.0, j.column("bottom").getDouble(0));
        assertEquals(1.0, j.column("top").getDouble(0));
        for (Map<String, String> row : DoseResponseData.read("expected_ll2_params.csv")) {
            String col = LogLogisticParameter.parse(row.get("param")).columnName();
            double est = DoseResponseData.num(row, "estimate");
            double se = DoseResponseData.num(row, "se");
            double seH = DoseResponseData.num(row, "se_hessian");
            assertEquals(est, j.column(col).getDouble(0), 1e-4 * Math.abs(est), col);
            assertEquals(se, j.column(col + "_se").getDouble(0), 1e-3 * se, col + "_se");
            assertEquals(seH, h.column(col + "_se").getDouble(0), 1e-3 * seH, col + "_se hessian");
            assertEquals(DoseResponseData.num(row, "rss"), j.column("rss").getDouble(0), 1e-6 * DoseResponseData.num(row, "rss"));
            assertEquals(22, j.column("df").getLong(0));
        }
        assertTrue(j.column("well_determined").getBoolean(0));
    }

    @Test
    void edValuesAsR() {
        Table j = fit(SeConvention.JACOBIAN);
        for (Map<String, String> row : DoseResponseData.read("expected_ll2_ED.csv")) {
            String col = "ed" + row.get("p");
            double ed = DoseResponseData.num(row, "ED");
            double se = DoseResponseData.num(row, "se");
            assertEquals(ed, j.column(col).getDouble(0), 1e-3 * ed, col);
            assertEquals(se, j.column(col + "_se").getDouble(0), 1e-3 * se, col + "_se");
        }
    }

    @Test
    void fittedValuesAsR() {
        DoseResponseAnalysis.Output out = DoseResponseAnalysis.withDefaults().run(input(),
                DoseResponseSettings.of("conc", "rootl_rel").withModel(LogLogisticModel.LL2), null);
        List<Map<String, String>> ref = DoseResponseData.read("expected_ll2_fitted.csv");
        assertEquals(ref.size(), out.points().rowCount());
        for (int i = 0; i < ref.size(); i++) {
            assertEquals(DoseResponseData.num(ref.get(i), "fitted"), out.points().column("fitted").getDouble(i), 1e-6);
            assertEquals(DoseResponseData.num(ref.get(i), "residual"), out.points().column("residual").getDouble(i), 1e-6);
        }
    }
}
