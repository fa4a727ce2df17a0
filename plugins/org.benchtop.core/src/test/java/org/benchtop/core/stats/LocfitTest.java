package org.benchtop.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Locfit} against R's locfit 1.5-9.7 (make_expected_locfit.R): for twelve seeded sets
 * (sorted and unsorted x, unit, random and zero weights, ties, a point mass, n = 7, degrees 0 to 3,
 * nn 0.25 to 0.9, cut 0.3 and 0.8) the tree's vertices and bandwidths and the predictions at 101
 * grid points reaching 10 % beyond the data, at the vertices and at 25 data points, to 1e-12
 * relative (1e-14 absolute near 0); the same arithmetic in the same order gives identical doubles
 * (measured maximum deviation 0). Plus a check against weighted least squares solved directly.
 */
class LocfitTest {

    private static final double REL = 1e-12;
    private static final double ABS = 1e-14;

    /** One reference set: settings, data, R's tree and predictions. */
    record RefSet(String name, double nn, int deg, double cut, String error, double[] x, double[] y, double[] w,
            double[] px, double[] pfit, double[] vx, double[] vh) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<String[]> csv(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LocfitTest.class.getResourceAsStream(name), StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(",", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, List<double[]>> bySet(String file) {
        Map<String, List<double[]>> m = new LinkedHashMap<>();
        for (String[] row : csv(file)) {
            double[] v = new double[row.length - 1];
            for (int i = 1; i < row.length; i++) {
                v[i - 1] = Double.parseDouble(row[i]);
            }
            m.computeIfAbsent(row[0], k -> new ArrayList<>()).add(v);
        }
        return m;
    }

    static double[] column(List<double[]> rows, int c) {
        if (rows == null) {
            return new double[0];
        }
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }

    static Stream<RefSet> sets() {
        Map<String, List<double[]>> in = bySet("locfit_inputs.csv");
        Map<String, List<double[]>> pred = bySet("locfit_predictions.csv");
        Map<String, List<double[]>> tree = bySet("locfit_vertices.csv");
        List<RefSet> out = new ArrayList<>();
        for (String[] s : csv("locfit_sets.csv")) {
            String name = s[0];
            out.add(new RefSet(name, Double.parseDouble(s[2]), Integer.parseInt(s[3]), Double.parseDouble(s[4]), s[5],
                    column(in.get(name), 0), column(in.get(name), 1), column(in.get(name), 2),
                    column(pred.get(name), 0), column(pred.get(name), 1), column(tree.get(name), 1),
                    column(tree.get(name), 2)));
        }
        return out.stream();
    }

    static Locfit settings(RefSet s) {
        return Locfit.withDefaults().withAlpha(s.nn()).withDegree(s.deg()).withCut(s.cut());
    }

    @ParameterizedTest
    @MethodSource("sets")
    void matchesR(RefSet s) {
        if (!s.error().isEmpty()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> settings(s).fit(s.x(), s.y(), s.w()));
            assertTrue(e.getMessage().contains("out of vertex space"), e.getMessage());
            assertTrue(s.error().contains("out of vertex space"), s.error());
            return;
        }
        Locfit.Result fit = settings(s).fit(s.x(), s.y(), s.w());
        assertArrayEquals(s.vx(), fit.vertices(), 0, s.name() + ": the tree's vertices");
        double hDev = maxDeviation(fit.bandwidths(), s.vh(), s.name() + " bandwidth");
        double pDev = maxDeviation(fit.predict(s.px()), s.pfit(), s.name() + " prediction");
        System.out.printf(Locale.ROOT, "locfit %s: %d vertices, max relative deviation bandwidth %.2g, "
                + "prediction %.2g%n", s.name(), Integer.valueOf(fit.vertices().length), Double.valueOf(hDev),
                Double.valueOf(pDev));
    }

    private static double maxDeviation(double[] ours, double[] ref, String what) {
        assertEquals(ref.length, ours.length, what);
        double max = 0;
        for (int i = 0; i < ref.length; i++) {
            double d = Math.abs(ours[i] - ref[i]);
            if (d > ABS) {
                max = Math.max(max, d / Math.abs(ref[i]));
            }
            assertTrue(d <= ABS || d <= REL * Math.abs(ref[i]), what + " " + i + ": ours " + ours[i] + ", R " + ref[i]);
        }
        return max;
    }

    /**
     * Independent check: at a vertex the prediction is the local polynomial's value, i.e. the
     * weighted least squares fit with weights w_i (1 - (|x_i - t|/h)^3)^3, solved here by
     * Gaussian elimination of the normal equations (vertices with fewer than deg + 1 points of
     * positive weight skipped: there locfit's truncated eigen-solve picks one of many solutions).
     * Tolerance 1e-6 (1 + |value|): locfit's Jacobi eigen-decomposition stops rotating once an
     * off-diagonal element's square is below 1e-15 times the product of its diagonal elements, so
     * locfit's (and our) local fits differ from the exact solve by up to about 1e-7 (measured
     * 2e-7 relative at most).
     */
    @ParameterizedTest
    @MethodSource("sets")
    void vertexValuesAreWeightedLeastSquares(RefSet s) {
        if (!s.error().isEmpty()) {
            return;
        }
        Locfit.Result fit = settings(s).fit(s.x(), s.y(), s.w());
        double[] v = fit.vertices();
        double[] h = fit.bandwidths();
        int p = s.deg() + 1;
        for (int k = 0; k < v.length; k++) {
            double[] a = new double[p * p];
            double[] b = new double[p];
            java.util.Set<Double> support = new java.util.HashSet<>();
            for (int i = 0; i < s.x().length; i++) {
                double u = Math.abs(s.x()[i] - v[k]) / h[k];
                double kw = u < 1 ? Math.pow(1 - u * u * u, 3) : 0;
                double wi = kw * s.w()[i];
                if (wi > 0) {
                    support.add(Double.valueOf(s.x()[i]));
                }
                for (int r = 0; r < p; r++) {
                    double xr = Math.pow(s.x()[i] - v[k], r);
                    b[r] += wi * xr * s.y()[i];
                    for (int c = 0; c < p; c++) {
                        a[r * p + c] += wi * xr * Math.pow(s.x()[i] - v[k], c);
                    }
                }
            }
            if (support.size() < p) {
                continue;
            }
            double expected = gauss(a, b, p)[0];
            assertEquals(expected, fit.predict(v[k]), 1e-6 * (1 + Math.abs(expected)), s.name() + " vertex " + k);
        }
    }

    private static double[] gauss(double[] a, double[] b, int p) {
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r * p + c]) > Math.abs(a[piv * p + c])) {
                    piv = r;
                }
            }
            for (int k = 0; k < p; k++) {
                double t = a[c * p + k];
                a[c * p + k] = a[piv * p + k];
                a[piv * p + k] = t;
            }
            double t = b[c];
            b[c] = b[piv];
            b[piv] = t;
            for (int r = c + 1; r < p; r++) {
                double f = a[r * p + c] / a[c * p + c];
                for (int k = c; k < p; k++) {
                    a[r * p + k] -= f * a[c * p + k];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < p; k++) {
                s -= a[r * p + k] * x[k];
            }
            x[r] = s / a[r * p + r];
        }
        return x;
    }

    /**
     * A polynomial of the local degree is reproduced everywhere, extrapolation included (to 1e-7,
     * the accuracy of locfit's eigen-solve; see above).
     */
    @ParameterizedTest
    @MethodSource("degrees")
    void reproducesPolynomialsOfItsDegree(int deg) {
        int n = 60;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i * 1.7) * 3;
            y[i] = poly(x[i], deg);
            w[i] = 1 + (i % 4);
        }
        Locfit.Result fit = Locfit.withDefaults().withDegree(deg).fit(x, y, w);
        for (double t = -5; t <= 5; t += 0.37) {
            assertEquals(poly(t, deg), fit.predict(t), 1e-7 * (1 + Math.abs(poly(t, deg))), "x " + t);
        }
    }

    static Stream<Arguments> degrees() {
        return Stream.of(Arguments.of(Integer.valueOf(0)), Arguments.of(Integer.valueOf(1)),
                Arguments.of(Integer.valueOf(2)), Arguments.of(Integer.valueOf(3)));
    }

    private static double poly(double x, int deg) {
        double[] c = {1.5, -0.7, 0.3, 0.05};
        double s = 0;
        for (int j = deg; j >= 0; j--) {
            s = s * x + c[j];
        }
        return s;
    }

    @Test
    void onePointAndConstantResponse() {
        Locfit.Result one = Locfit.withDefaults().fit(new double[] {2}, new double[] {5}, null);
        assertEquals(5, one.predict(2), 0);
        assertEquals(5, one.predict(7), 0);
        double[] x = {1, 2, 2, 3, 5, 8, 13};
        double[] y = {4, 4, 4, 4, 4, 4, 4};
        Locfit.Result c = Locfit.withDefaults().fit(x, y, null);
        for (double t : new double[] {0, 1, 4.5, 13, 20}) {
            assertEquals(4, c.predict(t), 1e-12);
        }
        assertTrue(Double.isNaN(c.predict(Double.NaN)));
    }

    @Test
    void rejectsBadInput() {
        Locfit l = Locfit.withDefaults();
        assertThrows(IllegalArgumentException.class, () -> l.fit(new double[0], new double[0], null));
        assertThrows(IllegalArgumentException.class, () -> l.fit(new double[] {1, 2}, new double[] {1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> l.fit(new double[] {1, Double.NaN}, new double[] {1, 2}, null));
        assertThrows(IllegalArgumentException.class,
                () -> l.fit(new double[] {1, 2}, new double[] {1, 2}, new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class,
                () -> l.fit(new double[] {1, 2}, new double[] {1, 2}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> l.withAlpha(0));
        assertThrows(IllegalArgumentException.class, () -> l.withAlpha(1.5));
        assertThrows(IllegalArgumentException.class, () -> l.withDegree(4));
        assertThrows(IllegalArgumentException.class, () -> l.withCut(0.001));
        assertEquals(19, l.capacity(), "locfit's vertex limit for nn 0.7, cut 0.8");
    }
}
