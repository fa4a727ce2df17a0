package org.benchtop.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against R 4.2.2: {@code p.adjust(c(0.01, 0.04, 0.03, NA, 0.005, 0.5), "BH")}. */
class BenjaminiHochbergTest {

    @Test
    void matchesR() {
        double[] p = {0.01, 0.04, 0.03, Double.NaN, 0.005, 0.5};
        // R: 0.025 0.05 0.05 NA 0.025 0.5
        double[] expected = {0.025, 0.05, 0.05, Double.NaN, 0.025, 0.5};
        assertArrayEquals(expected, BenjaminiHochberg.adjust(p), 1e-15);
    }

    @Test
    void emptyAndAllMissing() {
        assertTrue(BenjaminiHochberg.adjust(new double[0]).length == 0);
        assertTrue(Double.isNaN(BenjaminiHochberg.adjust(new double[] {Double.NaN})[0]));
    }
}
