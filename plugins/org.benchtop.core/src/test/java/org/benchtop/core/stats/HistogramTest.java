package org.benchtop.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Histogram} against R 4.2.2's {@code hist(x, breaks, plot = FALSE)}
 * (make_expected_rrandom_loess.R, histogram_cases.csv): DESeq2's breaks {@code -20:20/2} with
 * normal data and with values on, just below and 4.9e-8 / 5.1e-8 above the breaks (the fuzz is
 * 5e-8), five unequal breaks (fuzz from the smallest width), three breaks (fuzz from the range of
 * x) and unsorted breaks. Counts and densities identical (exact comparison of doubles).
 */
class HistogramTest {

    @ParameterizedTest
    @ValueSource(strings = {"deseq2_breaks_normal", "deseq2_breaks_edges", "unequal_5_breaks", "three_breaks",
        "unsorted_breaks"})
    void matchesR(String set) {
        List<String[]> rows = RCsv.rows("histogram_cases.csv").stream().filter(r -> r[0].equals(set)).toList();
        double[] x = RCsv.column(rows, 1, "x", 3);
        double[] breaks = RCsv.column(rows, 1, "breaks", 3);
        double[] counts = RCsv.column(rows, 1, "counts", 3);
        double[] density = RCsv.column(rows, 1, "density", 3);
        Histogram h = Histogram.of(x, breaks);
        double[] ours = new double[h.counts().length];
        for (int j = 0; j < ours.length; j++) {
            ours[j] = h.counts()[j];
        }
        assertArrayEquals(counts, ours, 0, set + " counts");
        assertArrayEquals(density, h.density(), 0, set + " density");
        assertEquals(x.length, h.n());
    }

    @Test
    void dropsNonFiniteValuesAndRejectsValuesOutside() {
        Histogram h = Histogram.of(new double[] {0.5, Double.NaN, 1.5, Double.POSITIVE_INFINITY}, new double[] {0, 1, 2});
        assertArrayEquals(new int[] {1, 1}, h.counts());
        assertEquals(2, h.n());
        assertArrayEquals(new double[] {0.5, 0.5}, h.density(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(new double[] {0.5, 3}, new double[] {0, 1, 2}));
        assertTrue(e.getMessage().contains("not counted"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, new double[] {0, 1, 1}));
    }

    @Test
    void emptyInputGivesZeroCountsAndNaNDensity() {
        Histogram h = Histogram.of(new double[0], new double[] {0, 1, 2, 3, 4, 5, 6});
        assertArrayEquals(new int[6], h.counts());
        assertTrue(Double.isNaN(h.density()[0]));
    }
}
