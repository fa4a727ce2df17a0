package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Edge cases of {@link DispersionPriorSimulation}. */
class DispersionPriorSimulationEdgeCaseTest {

    @Test
    void rejectsNoDegreesOfFreedomAndNoUsableResiduals() {
        assertThrows(IllegalArgumentException.class, () -> DispersionPriorSimulation.estimate(new double[] {0.1}, 0));
        assertThrows(IllegalArgumentException.class, () -> DispersionPriorSimulation.estimate(new double[0], 2));
        // only NaN and values on or beyond +-10 (DESeq2 keeps -10 < r < 10)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DispersionPriorSimulation.estimate(new double[] {Double.NaN, 10, -10, 12}, 2));
        assertTrue(e.getMessage().contains("between -10 and 10"), e.getMessage());
    }

    @Test
    void deterministicAndBoundedBelow() {
        Random rnd = new Random(3);
        double[] r = new double[500];
        for (int i = 0; i < r.length; i++) {
            r[i] = rnd.nextGaussian() * 0.3; // far narrower than log chi-squared: the minimum is at 0
        }
        DispersionPriorSimulation.Result a = DispersionPriorSimulation.estimate(r, 3);
        DispersionPriorSimulation.Result b = DispersionPriorSimulation.estimate(r.clone(), 3);
        assertArrayEquals(a.klDivs(), b.klDivs(), 0);
        assertEquals(a.argminKL(), b.argminKL(), 0);
        assertEquals(0.25, a.dispPriorVar(), 0);
        assertEquals(200, a.klDivs().length);
        assertEquals(1000, a.lofitFitted().length);
        assertEquals(500, a.residualCount());
        // values outside (-10, 10) and NaN are ignored
        double[] more = java.util.Arrays.copyOf(r, 503);
        more[500] = Double.NaN;
        more[501] = 11;
        more[502] = -10;
        assertArrayEquals(a.klDivs(), DispersionPriorSimulation.estimate(more, 3).klDivs(), 0);
    }

    @Test
    void widerResidualsGiveALargerPrior() {
        Random rnd = new Random(4);
        double[] r = new double[3000];
        for (int i = 0; i < r.length; i++) {
            // log(chi2_2 / 2) plus N(0, 1.5^2): the simulation should find a variance near 2.25
            double chi = -2 * Math.log(rnd.nextDouble());
            r[i] = Math.log(chi / 2) + 1.5 * rnd.nextGaussian();
        }
        double v = DispersionPriorSimulation.estimate(r, 2).dispPriorVar();
        assertTrue(v > 1.5 && v < 3.2, "prior variance " + v);
    }

    @Test
    void gridIsRsSeq() {
        double[] s = DispersionPriorSimulation.seq8(200);
        assertEquals(0, s[0], 0);
        assertEquals(8, s[199], 0);
        assertEquals(8.0 / 199, s[1], 0);
        assertEquals(198 * (8.0 / 199), s[198], 0);
    }
}
