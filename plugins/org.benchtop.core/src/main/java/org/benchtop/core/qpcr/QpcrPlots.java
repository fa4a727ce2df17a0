package org.benchtop.core.qpcr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG charts of qPCR results (JFreeChart, headless): a bar chart of fold changes with error bars on
 * a log2 axis, and standard curves (Cq against log10 quantity with the fitted lines).
 */
public final class QpcrPlots {

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private QpcrPlots() {
    }

    /**
     * Bar chart of relative expression: one cluster per target, one bar per group, the bar height
     * {@code log2(relative expression)} drawn on an axis labelled in fold change (0.25, 0.5, 1, 2,
     * 4, ...), error bars {@code ±error} on the log2 scale (the {@code lower}/{@code upper} bounds),
     * and a line at fold change 1 (the calibrator).
     *
     * @param title the chart title
     * @param rows the results (NaN errors draw no bar)
     * @param calibrator the calibrator group (named in the axis label)
     * @param width image width in pixels
     * @param height image height in pixels
     * @return the PNG bytes
     */
    public static byte[] foldChangeChart(String title, List<RelativeQuantity> rows, String calibrator, int width,
            int height) {
        DefaultStatisticalCategoryDataset ds = new DefaultStatisticalCategoryDataset();
        double lo = 0;
        double hi = 0;
        for (RelativeQuantity r : rows) {
            double l2 = Math.log(r.relativeExpression()) / Math.log(2);
            double e = Double.isNaN(r.error()) ? 0 : r.error();
            if (r.upper() > 0 && r.lower() > 0) {
                e = (Math.log(r.upper()) - Math.log(r.lower())) / Math.log(2) / 2;
            }
            ds.add(l2, e, r.group(), r.target());
            lo = Math.min(lo, l2 - e);
            hi = Math.max(hi, l2 + e);
        }
        NumberAxis y = new NumberAxis("fold change vs " + calibrator + " (log2 scale)");
        y.setNumberFormatOverride(new Pow2Format());
        double span = Math.max(1, hi - lo);
        y.setTickUnit(new NumberTickUnit(span > 12 ? 2 : 1));
        y.setRange(Math.floor(lo - 0.05 * span), Math.ceil(hi + 0.05 * span));
        CategoryAxis x = new CategoryAxis("target");
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setErrorIndicatorPaint(Color.BLACK);
        r.setErrorIndicatorStroke(new BasicStroke(1.5f));
        r.setDrawBarOutline(false);
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setBarPainter(new StandardBarPainter());
        for (int i = 0; i < PALETTE.length; i++) {
            r.setSeriesPaint(i, PALETTE[i]);
        }
        CategoryPlot plot = new CategoryPlot(ds, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        ValueMarker one = new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        one.setLabel("calibrator = 1");
        one.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        one.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        one.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        one.setLabelOffset(new RectangleInsets(2, 2, 2, 6));
        one.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        plot.addRangeMarker(one);
        style(plot);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.addSubtitle(new TextTitle("bars: relative expression; whiskers: lower/upper bound",
                new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart, width, height);
    }

    /**
     * Standard curves: the standards' Cq against log10 quantity (points) with each target's fitted
     * line; the legend gives slope, efficiency and R².
     *
     * @param curves the fitted curves
     * @param log10Quantities per curve, the log10 quantities of the standards
     * @param cqs per curve, the Cq values of the standards
     * @param width image width in pixels
     * @param height image height in pixels
     * @return the PNG bytes
     */
    public static byte[] standardCurveChart(List<StandardCurve.Result> curves, List<double[]> log10Quantities,
            List<double[]> cqs, int width, int height) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        for (int i = 0; i < curves.size(); i++) {
            StandardCurve.Result c = curves.get(i);
            XYSeries pts = new XYSeries(c.target() + " standards", false, true);
            double[] x = log10Quantities.get(i);
            double[] y = cqs.get(i);
            for (int k = 0; k < x.length; k++) {
                if (!Double.isNaN(y[k])) {
                    pts.add(x[k], y[k]);
                }
            }
            XYSeries line = new XYSeries(String.format(Locale.ROOT, "%s fit: slope %.3f, E = %.2f %%, R² = %.4f",
                    c.target(), Double.valueOf(c.slope()), Double.valueOf(c.efficiencyPercent()),
                    Double.valueOf(c.rSquared())), false, true);
            double pad = 0.05 * (c.maxLog10Quantity() - c.minLog10Quantity());
            line.add(c.minLog10Quantity() - pad, c.intercept() + c.slope() * (c.minLog10Quantity() - pad));
            line.add(c.maxLog10Quantity() + pad, c.intercept() + c.slope() * (c.maxLog10Quantity() + pad));
            int s = ds.getSeriesCount();
            ds.addSeries(pts);
            ds.addSeries(line);
            Color col = PALETTE[i % PALETTE.length];
            r.setSeriesPaint(s, col);
            r.setSeriesLinesVisible(s, false);
            r.setSeriesShapesVisible(s, true);
            r.setSeriesPaint(s + 1, col);
            r.setSeriesLinesVisible(s + 1, true);
            r.setSeriesShapesVisible(s + 1, false);
            r.setSeriesStroke(s + 1, new BasicStroke(2f));
        }
        NumberAxis x = new NumberAxis("log10 quantity");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("Cq (cycles)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(ds, x, y, r);
        style(plot);
        JFreeChart chart = new JFreeChart("Standard curve", new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart, width, height);
    }

    private static void style(org.jfree.chart.plot.Plot p) {
        p.setBackgroundPaint(Color.WHITE);
        if (p instanceof CategoryPlot c) {
            c.setRangeGridlinePaint(new Color(0xdddddd));
        } else if (p instanceof XYPlot xy) {
            xy.setRangeGridlinePaint(new Color(0xdddddd));
            xy.setDomainGridlinePaint(new Color(0xdddddd));
        }
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        if (width < 100 || height < 100 || width > 10000 || height > 10000) {
            throw QpcrException.badInput("Plot size %d x %d pixels is out of range; use 100 to 10000",
                    Integer.valueOf(width), Integer.valueOf(height));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw QpcrException.failure("Could not render the chart: %s", e.getMessage());
        }
    }

    /** Formats a log2 tick value as its fold change 2^v: 0.25, 0.5, 1, 2, 4. */
    private static final class Pow2Format extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final DecimalFormat df = new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            double v = Math.pow(2, number);
            return toAppendTo.append(v >= 1e4 || v < 1e-3 ? "2^" + Math.round(number) : df.format(v));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }
}
