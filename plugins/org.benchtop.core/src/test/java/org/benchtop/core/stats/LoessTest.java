package org.benchtop.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Loess} against R 4.2.2's {@code loess(y ~ x, weights = w, span = , degree = )} and
 * {@code predict()} (make_expected_rrandom_loess.R, loess_*.csv; reference BLAS 3.11): eight
 * synthetic sets (DESeq2's grid with span 0.2; cars with ties; unsorted x with weights and degree
 * 1; degree 0; n = 500 with span 0.1; rounded x with many ties; a far point; span 1.5). The k-d
 * tree (vertices in order, number of cells), every vertex's value and slope ({@code fit$kd$vval}),
 * the fitted values and predictions at 301 grid points and 20 data points, and NA just outside the
 * range: identical doubles (measured maximum deviation 0; the brief's bar is 1e-10 relative).
 * Plus an independent check of the vertex fits by weighted least squares (commons-math3 QR).
 */
class LoessTest {

    record RefSet(String name, double span, int degree, int cells, double[] x, double[] y, double[] w, double[] vx,
            double[] value, double[] slope, double[] px, double[] pfit, double[] fitted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<RefSet> sets() {
        List<String[]> in = RCsv.rows("loess_inputs.csv");
        List<String[]> tree = RCsv.rows("loess_vertices.csv");
        List<String[]> pred = RCsv.rows("loess_predictions.csv");
        List<RefSet> out = new ArrayList<>();
        for (String[] s : RCsv.rows("loess_sets.csv")) {
            String n = s[0];
            List<String[]> p = pred.stream().filter(r -> r[0].equals(n)).toList();
            out.add(new RefSet(n, Double.parseDouble(s[2]), Integer.parseInt(s[3]), Integer.parseInt(s[5]),
                    RCsv.column(in, 0, n, 1), RCsv.column(in, 0, n, 2), RCsv.column(in, 0, n, 3),
                    RCsv.column(tree, 0, n, 2), RCsv.column(tree, 0, n, 3), RCsv.column(tree, 0, n, 4),
                    RCsv.column(p, 1, "predict", 2), RCsv.column(p, 1, "predict", 3), RCsv.column(p, 1, "fitted", 3)));
        }
        return out.stream();
    }

    static Loess.Result fit(RefSet s) {
        return Loess.withDefaults().withSpan(s.span()).withDegree(s.degree()).fit(s.x(), s.y(), s.w());
    }

    @ParameterizedTest
    @MethodSource("sets")
    void matchesR(RefSet s) {
        Loess.Result f = fit(s);
        assertArrayEquals(s.vx(), f.vertices(), 0, s + ": vertices");
        assertEquals(s.cells(), f.cellCount(), s + ": cells");
        double dev = Math.max(maxRel(s.value(), f.vertexValues(), s + " vertex values"),
                maxRel(s.slope(), f.vertexSlopes(), s + " vertex slopes"));
        dev = Math.max(dev, maxRel(s.pfit(), f.predict(s.px()), s + " predictions"));
        dev = Math.max(dev, maxRel(s.fitted(), f.fitted(), s + " fitted values"));
        System.out.printf(Locale.ROOT, "loess %s: %d vertices, max relative deviation %.2g%n", s,
                Integer.valueOf(f.vertices().length), Double.valueOf(dev));
        assertEquals(0, dev, s + ": not identical to R");
    }

    /** Max relative deviation; NA (NaN) must match; fails beyond 1e-10 relative (1e-300 absolute). */
    private static double maxRel(double[] ref, double[] ours, String what) {
        assertEquals(ref.length, ours.length, what);
        double max = 0;
        for (int i = 0; i < ref.length; i++) {
            assertTrue(Double.isNaN(ref[i]) == Double.isNaN(ours[i]), what + " NA at " + i);
            if (Double.isNaN(ref[i])) {
                continue;
            }
            double d = Math.abs(ours[i] - ref[i]);
            double r = d == 0 ? 0 : d / Math.max(Math.abs(ref[i]), 1e-300);
            assertTrue(r <= 1e-10, what + " " + i + ": ours " + ours[i] + ", R " + ref[i]);
            max = Math.max(max, r);
        }
        return max;
    }

    /**
     * Independent check: a vertex value is the local weighted polynomial at the vertex, the least
     * squares fit with weights w_i (1 - (d_i / d_q)^3)^3 on the q = floor(n span) nearest points,
     * solved here by commons-math3's QR (1e-9 relative to the scale of y).
     */
    @ParameterizedTest
    @MethodSource("sets")
    void vertexFitsAreWeightedLeastSquares(RefSet s) {
        Loess.Result f = fit(s);
        int n = s.x().length;
        int q = (int) Math.min(n, Math.floor(n * s.span() + 1e-5));
        int k = s.degree() + 1;
        double scale = 0;
        for (double v : s.y()) {
            scale = Math.max(scale, Math.abs(v));
        }
        double[] vx = f.vertices();
        for (int v = 0; v < vx.length; v++) {
            double t = vx[v];
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = Math.abs(s.x()[i] - t);
            }
            double[] sorted = d.clone();
            java.util.Arrays.sort(sorted);
            double h = sorted[q - 1] * Math.sqrt(Math.max(1, s.span()));
            List<double[]> rows = new ArrayList<>();
            List<Double> rhs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double u = d[i] / h;
                if (u < 1 && s.w()[i] > 0) {
                    double sw = Math.sqrt(s.w()[i] * Math.pow(1 - u * u * u, 3));
                    double dx = s.x()[i] - t;
                    double[] row = new double[k];
                    for (int j = 0; j < k; j++) {
                        row[j] = sw * Math.pow(dx, j);
                    }
                    rows.add(row);
                    rhs.add(Double.valueOf(sw * s.y()[i]));
                }
            }
            if (rows.size() <= k) {
                continue; // fewer distinct points than coefficients: loess uses a pseudo-inverse
            }
            RealVector b = new QRDecomposition(new Array2DRowRealMatrix(rows.toArray(new double[0][]), false))
                    .getSolver().solve(new ArrayRealVector(rhs.stream().mapToDouble(Double::doubleValue).toArray()));
            assertEquals(b.getEntry(0), f.vertexValues()[v], 1e-9 * scale, s + " vertex " + v + " value");
            if (k > 1) {
                assertEquals(b.getEntry(1), f.vertexSlopes()[v], 1e-7 * scale, s + " vertex " + v + " slope");
            }
        }
    }

    @Test
    void edgeCases() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {2, 4, 6, 8, 10, 12, 14, 16, 18, 20};
        Loess.Result f = Loess.withDefaults().fit(x, y);
        // a straight line is reproduced by local quadratics
        for (double v : new double[] {1, 2.5, 7.25, 10}) {
            assertEquals(2 * v, f.predict(v), 1e-12);
        }
        assertTrue(Double.isNaN(f.predict(0.999)));
        assertTrue(Double.isNaN(f.predict(Double.NaN)));
        assertTrue(f.warnings().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Loess.withDefaults().withSpan(0.2).fit(x, y),
                "2 neighbours for 3 coefficients");
        assertThrows(IllegalArgumentException.class, () -> Loess.withDefaults().withSpan(0.01).fit(x, y));
        assertThrows(IllegalArgumentException.class, () -> Loess.withDefaults().fit(x, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Loess.withDefaults().fit(new double[0], new double[0]));
        double[] bad = y.clone();
        bad[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> Loess.withDefaults().fit(x, bad));
        assertThrows(IllegalArgumentException.class, () -> Loess.withDefaults().withDegree(3));
        assertThrows(IllegalArgumentException.class, () -> Loess.withDefaults().withSpan(0));
        assertThrows(IllegalArgumentException.class, () -> Loess.withDefaults().withCell(Double.NaN));
        // all x equal: zero-width neighbourhoods (R warns and returns NaN)
        double[] same = new double[10];
        assertThrows(IllegalArgumentException.class, () -> Loess.withDefaults().fit(same, y));
        Loess l = Loess.withDefaults().withSpan(0.5).withDegree(1).withCell(0.1);
        assertEquals(0.5, l.span());
        assertEquals(1, l.degree());
        assertEquals(0.1, l.cell());
    }
}
