package org.benchtop.core.qpcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * The run records of the qPCR analyses: the parameter names (the CLI options'), their text form, the input
 * digests, and the facade's optional plots.
 */
class QpcrRunsTest {

    private static final Table WELLS = Table.of("w.csv", List.of(Column.ofStrings("sample", new String[] {"a", "b"}),
            Column.ofStrings("target", new String[] {"GAPDH", "GAPDH"}), Column.ofDoubles("cq", new double[] {20, 21})));

    private static List<String> names(RunRecord r) {
        return r.parameters().stream().map(RunRecord.Parameter::name).toList();
    }

    private static Map<String, String> values(RunRecord r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.parameters().forEach(p -> m.put(p.name(), p.value()));
        return m;
    }

    @Test
    void quantifyRecordsEverySettingUnderItsCliName() {
        QuantifySettings s = QuantifySettings.of("sample", "group", "target", "cq", List.of("GAPDH", "ACTB"), "DMSO")
                .withMethod(QuantifySettings.Method.PFAFFL).withMode(LivakDdcq.Mode.SAME_TUBE)
                .withEfficiency(QuantifySettings.parseEfficiencies("MDM2=1.9,CDKN1A=95"))
                .withOptionalColumns("well", null, null, "run");
        RunRecord r = QpcrRuns.quantify(WELLS, s).finish().build();
        assertEquals(QpcrRuns.QUANTIFY, r.analysis());
        assertEquals(List.of("sample", "group", "target", "cq", "reference", "calibrator", "method", "efficiency",
                "mode", "well", "type", "quantity", "plate", "cq_cutoff", "sd_threshold", "exclude_outliers"), names(r));
        Map<String, String> v = values(r);
        assertEquals("GAPDH,ACTB", v.get("reference"));
        assertEquals("pfaffl", v.get("method"));
        assertEquals("same-tube", v.get("mode"));
        assertEquals("CDKN1A=1.95,MDM2=1.9", v.get("efficiency")); // sorted, percentages as factors
        assertEquals(QuantifySettings.parseEfficiencies(v.get("efficiency")), s.efficiency());
        assertEquals("", v.get("type"));
        assertEquals("run", v.get("plate"));
        assertEquals("40.0", v.get("cq_cutoff"));
        assertEquals("false", v.get("exclude_outliers"));
        assertEquals(List.of(RunRecord.InputDigest.of("wells", WELLS)), r.inputs());
    }

    @Test
    void standardCurveGenormAndRdmlRecords() {
        RunRecord sc = QpcrRuns.standardCurve(WELLS, StandardCurveSettings.of("sample", "target", "cq", "q"))
                .finish().build();
        assertEquals(QpcrRuns.STANDARD_CURVE, sc.analysis());
        assertEquals(List.of("sample", "target", "cq", "quantity", "type", "well", "cq_cutoff"), names(sc));

        RunRecord g = QpcrRuns.genorm(WELLS, GenormSettings.ofQuantity("sample", "target", "rq", null)).finish().build();
        assertEquals(QpcrRuns.GENORM, g.analysis());
        assertEquals(List.of("sample", "target", "cq", "quantity", "group", "efficiency", "cq_cutoff"), names(g));
        assertEquals("", values(g).get("cq"));
        assertEquals("rq", values(g).get("quantity"));

        RunRecord d = QpcrRuns.readRdml("run.rdml", "abc".getBytes(StandardCharsets.US_ASCII), WELLS).finish().build();
        assertEquals(QpcrRuns.READ_RDML, d.analysis());
        assertEquals("run.rdml", values(d).get("input"));
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", values(d).get("input_sha256"));
        assertEquals("rdml", d.inputs().get(0).name());
    }

    @Test
    void plotsAreOptionalInTheFacade() {
        Table t = QpcrAnalysisTest.longTable("pcr_ct1.csv", QpcrReferenceTest.G12, false);
        QuantifySettings s = QuantifySettings.of("sample", "group", "target", "cq", List.of("GAPDH"), "brain");
        QpcrAnalysis.QuantifyOutput without = QpcrAnalysis.create().quantify(t, s, false, null);
        QpcrAnalysis.QuantifyOutput with = QpcrAnalysis.create().quantify(t, s, null);
        assertNull(without.foldChangePlot());
        assertEquals(with.results().column("relative_expression").getDouble(1),
                without.results().column("relative_expression").getDouble(1), 0.0);
    }
}
