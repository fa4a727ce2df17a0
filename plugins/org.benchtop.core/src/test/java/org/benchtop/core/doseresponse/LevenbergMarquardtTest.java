package org.benchtop.core.doseresponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The normal equations of the four-parameter model equal those of the general loops bit for bit. */
class LevenbergMarquardtTest {

    @Test
    void fourParameterNormalEquationsAreThoseOfTheGeneralLoops() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 2_000; trial++) {
            int n = 1 + rnd.nextInt(40);
            double[] jac = new double[n * 4];
            double[] r = new double[n];
            for (int i = 0; i < jac.length; i++) {
                int k = rnd.nextInt(10);
                // zeros (skipped), signed zeros, infinities next to zeros, and spread-out magnitudes
                jac[i] = k == 0 ? 0.0 : k == 1 ? -0.0 : k == 2 && rnd.nextBoolean() ? Double.POSITIVE_INFINITY
                        : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-8, 9));
            }
            for (int i = 0; i < n; i++) {
                r[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-4, 5));
            }
            double[] a = new double[16];
            double[] g = new double[4];
            double[] a4 = new double[16];
            double[] g4 = new double[4];
            LevenbergMarquardt.normalEquationsAnyP(jac, r, n, 4, a, g);
            LevenbergMarquardt.normalEquations4(jac, r, n, a4, g4);
            for (int i = 0; i < 16; i++) {
                assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(a4[i]), "a " + i);
            }
            for (int i = 0; i < 4; i++) {
                assertEquals(Double.doubleToRawLongBits(g[i]), Double.doubleToRawLongBits(g4[i]), "g " + i);
            }
        }
    }
}
