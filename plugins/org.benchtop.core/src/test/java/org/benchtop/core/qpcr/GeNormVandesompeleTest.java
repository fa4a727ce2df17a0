package org.benchtop.core.qpcr;

import static org.benchtop.core.qpcr.RefData.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * geNorm on the real data of Vandesompele et al. 2002 (10 genes, 85 samples of 5 tissues; text copy
 * from tdsmith/eleven, see {@code genorm/README.md}): every M of every exclusion step, V_n/n+1 and the
 * ranking against the base-R reference to 1e-12 relative, and the BM M values printed by the
 * NormqPCR vignette ({@code documented_values.csv}) to their 7 decimals.
 */
class GeNormVandesompeleTest {

    static final String DATA = "genorm/vandesompele2002_eleven_cq.csv";
    static final String EXPECTED = "genorm/expected_vandesompele2002_";
    static final Map<String, Integer> SAMPLES = Map.of("BM", Integer.valueOf(9), "Pool", Integer.valueOf(9), "Fib",
            Integer.valueOf(20), "Leukocyte", Integer.valueOf(13), "Neuroblastoma", Integer.valueOf(34));

    /** geNorm on one tissue; the file holds 18 - log2(relative quantity), so log2 quantity = -value. */
    static GeNorm.Result run(String tissue) {
        List<String[]> rows = RefData.csv(DATA);
        String[] header = rows.get(0);
        List<String> genes = Arrays.asList(header).subList(2, header.length);
        List<String> samples = new ArrayList<>();
        List<double[]> log2q = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (r[0].equals(tissue)) {
                samples.add(r[1]);
                log2q.add(Arrays.stream(r, 2, r.length).mapToDouble(x -> -Double.parseDouble(x)).toArray());
            }
        }
        return GeNorm.withDefaults().compute(samples, genes, log2q.toArray(new double[0][]));
    }

    /** The rows of one tissue in an expected_vandesompele2002_*.csv file (header dropped). */
    static List<String[]> expected(String what, String tissue) {
        List<String[]> rows = RefData.csv(EXPECTED + what + ".csv");
        return rows.subList(1, rows.size()).stream().filter(r -> r[0].equals(tissue)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BM", "Pool", "Fib", "Leukocyte", "Neuroblastoma"})
    void matchesBaseRReference(String tissue) {
        GeNorm.Result res = run(tissue);
        assertEquals(SAMPLES.get(tissue).intValue(), res.samples().size());
        assertTrue(res.warnings().isEmpty(), res.warnings().toString());
        assertEquals(9, res.steps().size());
        List<String[]> m = expected("M", tissue);
        assertEquals(54, m.size());
        for (String[] r : m) {
            GeNorm.Step st = res.steps().get(Integer.parseInt(r[1]) - 1);
            assertEquals(Integer.parseInt(r[2]), st.genes().size());
            assertRel(Double.parseDouble(r[4]), st.m(r[3]), 1e-12, tissue + " step " + r[1] + " M " + r[3]);
        }
        List<String[]> v = expected("V", tissue);
        assertEquals(8, v.size());
        assertEquals(v.size(), res.variations().size());
        for (int i = 0; i < v.size(); i++) {
            GeNorm.Variation got = res.variations().get(i);
            assertEquals(Integer.parseInt(v.get(i)[1]), got.n());
            assertRel(Double.parseDouble(v.get(i)[2]), got.v(), 1e-12, tissue + " " + got.label());
        }
        assertEquals(expected("ranking", tissue).stream().map(r -> r[2]).toList(), res.ranking());
    }

    /** NormqPCR 1.53.0 vignette, selectHKs(method = "geNorm") trace for BM: steps 1, 2 and 9. */
    @Test
    void matchesNormqpcrVignetteBm() {
        GeNorm.Result bm = run("BM");
        List<String[]> rows = RefData.csv("documented_values.csv");
        int checked = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            if (r[1].equals("geNorm")) {
                int step = r[2].equals("geNorm M") ? 1 : Integer.parseInt(r[2].substring("geNorm M step".length()));
                double ours = bm.steps().get(step - 1).m(r[4]);
                assertEquals(Double.parseDouble(r[6]), ours, 5e-8 + 1e-12, r[0] + ": " + r[4]);
                checked++;
            }
        }
        assertEquals(21, checked);
        assertEquals(List.of("RPL13A", "UBC", "YWHAZ", "HPRT1", "GAPD", "SDHA", "TBP", "HMBS", "B2M", "ACTB"),
                bm.ranking());
    }
}
