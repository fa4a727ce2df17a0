package org.benchtop.core.qpcr;

import static org.benchtop.core.qpcr.RefData.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * geNorm against the base-R reference in {@code genorm/} (simulated data, M and V to 1e-9
 * relative, ranking exactly).
 */
class GeNormTest {

    static final List<String> GENES = List.of("ACTB", "B2M", "GAPDH", "HMBS", "HPRT1", "RPL13A", "SDHA", "TBP", "UBC",
            "YWHAZ");

    static GeNorm.Result run(String group) {
        List<String[]> rows = RefData.csv("genorm/genorm_cq.csv");
        Map<String, double[]> bySample = new LinkedHashMap<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (group.equals("all") || r[0].equals(group)) {
                bySample.computeIfAbsent(r[1], k -> new double[GENES.size()])[GENES.indexOf(r[2])] =
                        -Double.parseDouble(r[3]);
            }
        }
        return GeNorm.withDefaults().compute(new ArrayList<>(bySample.keySet()), GENES,
                bySample.values().toArray(new double[0][]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bone_marrow", "fibroblast", "all"})
    void matchesBaseRReference(String group) {
        GeNorm.Result res = run(group);
        List<String[]> m = RefData.csv("genorm/expected_genorm_M.csv");
        int checked = 0;
        for (String[] r : m.subList(1, m.size())) {
            if (r[0].equals(group)) {
                GeNorm.Step st = res.steps().get(Integer.parseInt(r[1]) - 1);
                assertEquals(Integer.parseInt(r[2]), st.genes().size());
                assertRel(Double.parseDouble(r[4]), st.m(r[3]), 1e-9, group + " step " + r[1] + " " + r[3]);
                checked++;
            }
        }
        assertEquals(54, checked);
        assertEquals(9, res.steps().size());
        assertNull(res.steps().get(8).excluded());
        List<String[]> v = RefData.csv("genorm/expected_genorm_V.csv");
        List<Double> ev = new ArrayList<>();
        for (String[] r : v.subList(1, v.size())) {
            if (r[0].equals(group)) {
                ev.add(Double.valueOf(r[2]));
            }
        }
        assertEquals(ev.size(), res.variations().size());
        for (int i = 0; i < ev.size(); i++) {
            assertEquals(i + 2, res.variations().get(i).n());
            assertRel(ev.get(i).doubleValue(), res.variations().get(i).v(), 1e-9, group + " V" + (i + 2));
        }
        List<String[]> rk = RefData.csv("genorm/expected_genorm_ranking.csv");
        List<String> er = rk.subList(1, rk.size()).stream().filter(r -> r[0].equals(group)).map(r -> r[2]).toList();
        assertEquals(er, res.ranking());
    }
}
