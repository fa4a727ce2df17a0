package org.benchtop.core.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Small cases of the rank-sum test with ties (R values) and an independent check of W. */
class EdgeEffectTestTest {

    /**
     * R 4.2.2: {@code wilcox.test(x, y, exact = FALSE, correct = TRUE)}: statistic W and p.value,
     * printed with 17 digits.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "1 2 2 3 5 | 2 3 3 4 6 7 | 7 | 0.16304505585423726",
            "10 10 10 | 10 10 11 12 | 3 | 0.27028938480169862", "5.5 | 1 2 3 | 3 | 0.37109336952269756",
            "3 1 4 1 5 9 2 6 | 5 3 5 8 9 7 9 3 2 3 8 | 28 | 0.19641808037994296" })
    void rankSumTestMatchesR(String xs, String ys, double w, double p) {
        EdgeEffectTest.Result r = EdgeEffectTest.test(parse(xs), parse(ys));
        assertEquals(w, r.w(), 0.0);
        assertEquals(p, r.pValue(), 1e-13 * p);
    }

    /** W of the outer group equals the Mann–Whitney U of commons-math3 (which uses a different ranking code). */
    @Test
    void statisticEqualsCommonsMathU() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int t = 0; t < 50; t++) {
            double[] x = new double[20 + t];
            double[] y = new double[30];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextInt(15);
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = rnd.nextInt(15) + 1;
            }
            double u = new MannWhitneyUTest().mannWhitneyU(x, y); // max(U1, U2)
            EdgeEffectTest.Result r = EdgeEffectTest.test(x, y);
            assertEquals(u, Math.max(r.w(), (double) x.length * y.length - r.w()), 1e-9);
        }
    }

    @Test
    void emptyGroupGivesNaN() {
        EdgeEffectTest.Result r = EdgeEffectTest.test(new double[] { 1, 2 }, new double[0]);
        assertTrue(Double.isNaN(r.pValue()));
        assertTrue(Double.isNaN(r.welchPValue()));
        assertEquals(2, r.nOuter());
    }

    @Test
    void allTiedGivesNaNPValue() {
        EdgeEffectTest.Result r = EdgeEffectTest.test(new double[] { 4, 4, 4 }, new double[] { 4, 4 });
        assertTrue(Double.isNaN(r.pValue()));
        assertTrue(Double.isNaN(r.welchT()));
    }

    @Test
    void sixWellPlateHasNoInterior() {
        PlateFormat f = PlateFormat.WELLS_6;
        double[] v = { 1, 2, 3, 4, 5, 6 };
        boolean[] use = new boolean[6];
        Arrays.fill(use, true);
        EdgeEffectTest.Result r = EdgeEffectTest.ofPlate(f, v, use);
        assertEquals(6, r.nOuter());
        assertEquals(0, r.nInner());
        assertTrue(Double.isNaN(r.pValue()));
    }

    private static double[] parse(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
