package org.benchtop.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LongDoubleSum} against R 4.2.2's {@code sum()} on x86-64 (make_expected_rrandom_loess.R,
 * long_double_sums.csv): cancellation below double precision, magnitudes over 16 decades,
 * KL-divergence-like terms, and a tie that the 64-bit significand keeps. Identical doubles.
 */
class LongDoubleSumTest {

    @ParameterizedTest
    @ValueSource(strings = {"cancellation", "mixed_magnitudes", "kl_like", "ties_to_even"})
    void matchesR(String set) {
        List<String[]> rows = RCsv.rows("long_double_sums.csv").stream().filter(r -> r[0].equals(set)).toList();
        double[] x = rows.stream().filter(r -> !r[1].equals("0")).mapToDouble(r -> RCsv.num(r[2])).toArray();
        double total = rows.stream().filter(r -> r[1].equals("0")).mapToDouble(r -> RCsv.num(r[2])).findFirst()
                .orElseThrow();
        assertEquals(total, LongDoubleSum.sum(x), 0, set);
    }

    @Test
    void extendedPrecisionDiffersFromDoubleSummation() {
        // 1 + 3 * 2^-53 - 1: in doubles each 2^-53 is lost; the 64-bit significand keeps them
        double e = 0x1p-53;
        assertEquals(3 * e, LongDoubleSum.sum(1, e, e, e, -1), 0);
        assertEquals(0, 1 + e + e + e - 1, 0);
    }

    @Test
    void specialValues() {
        assertEquals(0, LongDoubleSum.sum(), 0);
        assertTrue(Double.isNaN(LongDoubleSum.sum(1, Double.NaN)));
        assertTrue(Double.isNaN(LongDoubleSum.sum(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
        assertEquals(Double.NEGATIVE_INFINITY, LongDoubleSum.sum(1, Double.NEGATIVE_INFINITY), 0);
        assertEquals(Double.POSITIVE_INFINITY, LongDoubleSum.sum(Double.MAX_VALUE, Double.MAX_VALUE), 0);
        assertEquals(Double.MIN_VALUE, LongDoubleSum.sum(Double.MIN_VALUE, 0.0), 0);
        assertEquals(-2.5, LongDoubleSum.sum(-1, -1.5), 0);
    }
}
