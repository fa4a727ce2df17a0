package org.benchtop.core.doseresponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the dose-response plot shows: the fitted curve only over the tested doses, a curve that is
 * not well determined dashed and grey without an EC50, and the controls label inside the plot.
 */
class DoseResponsePlotTest {

    /** Deterministic scatter (percent points) for the synthetic 96-well-like curves. */
    private static final double[] NOISE = {2.1, -3.4, 0.7, -1.2, 3.9, -2.6, 1.5, -0.4, -4.1, 2.8, 0.2, -1.9};

    /** Doses 0 (4 controls) and 1, 3, 10, ..., 30000 in triplicate; a falling LL.4 curve or flat. */
    private static double[][] wideRange(boolean effect) {
        double[] doses = {1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000};
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pts.add(new double[] {0, 100});
        }
        for (double d : doses) {
            for (int r = 0; r < 3; r++) {
                double y = effect ? 15 + 85 / (1 + Math.pow(d / 25, 1.2)) : 100;
                pts.add(new double[] {d, y});
            }
        }
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xy[0][i] = pts.get(i)[0];
            xy[1][i] = pts.get(i)[1] + NOISE[i % NOISE.length];
        }
        return xy;
    }

    private static LogLogisticFitter.Result fit(double[][] xy) {
        return LogLogisticFitter.create(LogLogisticModel.LL4).fit(xy[0], xy[1]);
    }

    private static double[][] ryegrass(double maxDose) {
        DoseResponseData.Curves c = DoseResponseData.ryegrass();
        double[] x = c.doses().get(0);
        double[] y = c.responses().get(0);
        List<double[]> keep = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= maxDose) {
                keep.add(new double[] {x[i], y[i]});
            }
        }
        double[][] xy = new double[2][keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            xy[0][i] = keep.get(i)[0];
            xy[1][i] = keep.get(i)[1];
        }
        return xy;
    }

    static Stream<Arguments> curves() {
        return Stream.of(Arguments.of("wide range, effect", wideRange(true), Boolean.TRUE),
                Arguments.of("wide range, no effect", wideRange(false), Boolean.FALSE),
                Arguments.of("ryegrass", ryegrass(Double.POSITIVE_INFINITY), Boolean.TRUE),
                Arguments.of("ryegrass up to 1.88", ryegrass(1.88), Boolean.FALSE));
    }

    private static double minPositive(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            if (v > 0) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static List<ValueMarker> domainMarkers(XYPlot plot) {
        List<ValueMarker> out = new ArrayList<>();
        for (Object o : plot.getDomainMarkers(0, Layer.FOREGROUND)) {
            out.add((ValueMarker) o);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void curveOnlyOverTheTestedDosesAndNotDeterminedDashedWithoutEc50(String name, double[][] xy,
            Boolean determined) {
        LogLogisticFitter.Result r = fit(xy);
        assertEquals(determined, Boolean.valueOf(r.wellDetermined()), name + ": " + r.reason());
        JFreeChart chart = DoseResponsePlot.withDefaults().chart(name, r, null, null, null);
        XYPlot plot = chart.getXYPlot();
        XYSeries curve = ((XYSeriesCollection) plot.getDataset()).getSeries(0);
        assertTrue(curve.getItemCount() > 100, name);
        double lo = Math.log10(minPositive(xy[0]));
        double hi = Math.log10(max(xy[0]));
        assertEquals(lo, curve.getMinX(), 1e-12, name + ": curve starts at the lowest non-zero dose");
        assertEquals(hi, curve.getMaxX(), 1e-12, name + ": curve ends at the highest dose");

        XYItemRenderer rend = plot.getRenderer();
        BasicStroke stroke = (BasicStroke) rend.getSeriesStroke(0);
        XYSeries ec50 = ((XYSeriesCollection) plot.getDataset()).getSeries(5);
        List<ValueMarker> markers = domainMarkers(plot);
        String legend = "";
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            LegendItem li = plot.getLegendItems().get(i);
            legend += li.getLabel() + "|";
        }
        String subtitle = DoseResponsePlot.subtitle(r);
        if (determined.booleanValue()) {
            assertNull(stroke.getDashArray(), name + ": solid curve");
            assertFalse(Color.GRAY.equals(rend.getSeriesPaint(0)), name);
            assertTrue(ec50.getItemCount() > 0, name);
            assertEquals(2, markers.size(), name + ": controls separator and EC50");
            assertTrue(legend.contains("EC50"), legend);
            assertTrue(subtitle.contains("EC50 = "), subtitle);
        } else {
            assertNotNull(stroke.getDashArray(), name + ": dashed curve");
            assertEquals(Color.GRAY, rend.getSeriesPaint(0), name);
            assertEquals(0, ec50.getItemCount(), name);
            assertEquals(1, markers.size(), name + ": only the controls separator, no EC50 marker");
            assertTrue(legend.contains("(not well determined)"), legend);
            assertFalse(legend.contains("EC50"), legend);
            assertTrue(subtitle.contains("not well determined") && subtitle.contains(r.reason()), subtitle);
        }
        byte[] png = DoseResponsePlot.withDefaults().render(name, r, null, null, null);
        assertEquals((byte) 0x89, png[0]);
    }

    /** The label "dose 0 (controls)" fits between the left edge of the plot and the separator. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void controlsLabelIsInsideThePlot(String name, double[][] xy, Boolean determined) {
        LogLogisticFitter.Result r = fit(xy);
        for (int[] size : new int[][] {{720, 520}, {480, 360}, {1200, 800}}) {
            DoseResponsePlot p = DoseResponsePlot.withDefaults().withSize(size[0], size[1]);
            JFreeChart chart = p.chart(name, r, null, null, null);
            BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, size[0], size[1]), info);
            double labelWidth = new Font("SansSerif", Font.BOLD, 11).getStringBounds("dose 0 (controls)",
                    g.getFontRenderContext()).getWidth();
            g.dispose();
            XYPlot plot = chart.getXYPlot();
            Rectangle2D area = info.getPlotInfo().getDataArea();
            ValueAxis xAxis = plot.getDomainAxis();
            double sep = domainMarkers(plot).get(0).getValue();
            XYSeries ctl = ((XYSeriesCollection) plot.getDataset()).getSeries(2);
            double centre = xAxis.valueToJava2D(ctl.getX(0).doubleValue(), area, RectangleEdge.BOTTOM);
            double sepPx = xAxis.valueToJava2D(sep, area, RectangleEdge.BOTTOM);
            String where = name + " at " + size[0] + "x" + size[1];
            assertTrue(centre - labelWidth / 2 >= area.getMinX(), where + ": label clipped at the left");
            assertTrue(centre + labelWidth / 2 <= sepPx, where + ": label crosses the separator");
        }
    }

    @Test
    void notDeterminedSubtitleKeepsTheReason() {
        LogLogisticFitter.Result r = fit(wideRange(false));
        assertFalse(r.wellDetermined());
        String s = DoseResponsePlot.subtitle(r);
        assertTrue(s.startsWith("LL.4 - not well determined (no EC50): "), s);
        assertTrue(s.endsWith(r.reason()) || s.endsWith("..."), s);
    }
}
