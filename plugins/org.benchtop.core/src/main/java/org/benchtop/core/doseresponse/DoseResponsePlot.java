package org.benchtop.core.doseresponse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders one fitted dose-response curve as a PNG (JFreeChart 1.5): the observations, the fitted
 * curve on a log dose axis, the EC50 with its 95% confidence interval (log-scale interval, drawn as
 * a horizontal bar at the half-way response), outliers as red crosses, and the controls (dose 0,
 * which has no place on a log axis) drawn at the left edge, one decade below the lowest dose, left
 * of a dashed separator and labelled "dose 0 (controls)". The x axis is log10(dose) with one tick
 * per decade labelled with the dose itself. A curve that is not well determined is drawn in
 * grey with the reason under the title and no EC50 marker. Immutable.
 */
public final class DoseResponsePlot {

    private static final Color CURVE = new Color(0x1f, 0x5a, 0xa6);
    private static final Color POINTS = new Color(0x33, 0x33, 0x33);
    private static final Color CONTROLS = new Color(0x1b, 0x7a, 0x3a);
    private static final Color OUTLIER = new Color(0xd6, 0x27, 0x28);
    private static final Color EC50 = new Color(0xe6, 0x7e, 0x00);

    private final int width;
    private final int height;
    private final String doseLabel;
    private final String responseLabel;

    private DoseResponsePlot(int width, int height, String doseLabel, String responseLabel) {
        this.width = width;
        this.height = height;
        this.doseLabel = doseLabel;
        this.responseLabel = responseLabel;
    }

    /** @return a 720 x 520 pixel plot with axes labelled "dose" and "response" */
    public static DoseResponsePlot withDefaults() {
        return new DoseResponsePlot(720, 520, "dose", "response");
    }

    /**
     * @param doseAxis the dose axis label (e.g. the dose column name and unit)
     * @param responseAxis the response axis label
     * @return a copy with these labels
     */
    public DoseResponsePlot withLabels(String doseAxis, String responseAxis) {
        return new DoseResponsePlot(width, height, doseAxis, responseAxis);
    }

    /**
     * @param w width in pixels (100..4000)
     * @param h height in pixels (100..4000)
     * @return a copy with this size
     */
    public DoseResponsePlot withSize(int w, int h) {
        if (w < 100 || h < 100 || w > 4000 || h > 4000) {
            throw DoseResponseException.badInput("Plot size %dx%d is out of range (100..4000 pixels)",
                    Integer.valueOf(w), Integer.valueOf(h));
        }
        return new DoseResponsePlot(w, h, doseLabel, responseLabel);
    }

    /**
     * Renders a fit.
     *
     * @param title the title, usually the group label
     * @param fit the fit (its points, fitted curve, EC50 interval)
     * @param outlier per point of the fit: flagged as outlier (may be {@code null})
     * @param excludedDose doses of points excluded from the fit as outliers (drawn as red crosses;
     *        may be {@code null})
     * @param excludedResponse their responses
     * @return the PNG bytes
     */
    public byte[] render(String title, LogLogisticFitter.Result fit, boolean[] outlier, double[] excludedDose,
            double[] excludedResponse) {
        double[] x = fit.dose();
        double[] y = fit.response();
        double minPos = Double.POSITIVE_INFINITY;
        double maxX = 0;
        boolean controls = false;
        for (double v : x) {
            if (v > 0) {
                minPos = Math.min(minPos, v);
            } else {
                controls = true;
            }
            maxX = Math.max(maxX, v);
        }
        if (excludedDose != null) {
            for (double v : excludedDose) {
                if (v > 0) {
                    minPos = Math.min(minPos, v);
                } else {
                    controls = true;
                }
                maxX = Math.max(maxX, v);
            }
        }
        double xCtl = minPos / 10;
        double lo = controls ? xCtl / 2.5 : minPos / 2.5;
        double hi = maxX * 2.5;
        XYSeries curve = new XYSeries("fitted " + fit.model().label(), false, true);
        double[] q = fit.parameters();
        int m = 240;
        double a = Math.log(minPos / 2);
        double b = Math.log(hi);
        for (int i = 0; i <= m; i++) {
            double xi = Math.exp(a + (b - a) * i / m);
            curve.add(Math.log10(xi), LogLogisticFunction.value(xi, q));
        }
        XYSeries pts = new XYSeries("observations", false, true);
        XYSeries ctl = new XYSeries("controls (dose 0)", false, true);
        XYSeries out = new XYSeries("outliers", false, true);
        for (int i = 0; i < x.length; i++) {
            boolean o = outlier != null && outlier[i];
            double xi = x[i] > 0 ? x[i] : xCtl;
            (o ? out : x[i] > 0 ? pts : ctl).add(Math.log10(xi), y[i]);
        }
        if (excludedDose != null) {
            for (int i = 0; i < excludedDose.length; i++) {
                out.add(Math.log10(excludedDose[i] > 0 ? excludedDose[i] : xCtl), excludedResponse[i]);
            }
        }
        XYSeries ctlLevel = new XYSeries("fitted at dose 0", false, true);
        if (controls) {
            double y0 = LogLogisticFunction.value(0, q);
            ctlLevel.add(Math.log10(xCtl / 1.6), y0);
            ctlLevel.add(Math.log10(xCtl * 1.6), y0);
        }
        XYSeries ec50 = new XYSeries("EC50 with 95% CI", false, true);
        boolean wd = fit.wellDetermined();
        if (wd) {
            double[] ci = fit.ec50Interval();
            double yMid = fit.predict(fit.ec50()).value();
            if (Double.isFinite(ci[0]) && Double.isFinite(ci[1])) {
                ec50.add(Math.log10(ci[0]), yMid);
                ec50.add(Math.log10(fit.ec50()), yMid);
                ec50.add(Math.log10(ci[1]), yMid);
            } else {
                ec50.add(Math.log10(fit.ec50()), yMid);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(curve);
        data.addSeries(pts);
        data.addSeries(ctl);
        data.addSeries(out);
        data.addSeries(ctlLevel);
        data.addSeries(ec50);

        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(0, wd ? CURVE : Color.GRAY);
        r.setSeriesStroke(0, new BasicStroke(2.2f));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        r.setSeriesPaint(1, POINTS);
        r.setSeriesLinesVisible(2, false);
        r.setSeriesShape(2, diamond(5));
        r.setSeriesPaint(2, CONTROLS);
        r.setSeriesLinesVisible(3, false);
        r.setSeriesShape(3, cross(5));
        r.setSeriesPaint(3, OUTLIER);
        r.setSeriesLinesVisible(4, true);
        r.setSeriesShapesVisible(4, false);
        r.setSeriesPaint(4, wd ? CURVE : Color.GRAY);
        r.setSeriesStroke(4, new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f));
        r.setSeriesLinesVisible(5, true);
        r.setSeriesShape(5, new Rectangle2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(5, EC50);
        r.setSeriesStroke(5, new BasicStroke(3f));

        double sep = Math.log10(Math.sqrt(xCtl * minPos));
        NumberAxis xAxis = new NumberAxis(doseLabel + " (log scale)");
        xAxis.setRange(Math.log10(lo), Math.log10(hi));
        xAxis.setTickUnit(new NumberTickUnit(1));
        xAxis.setNumberFormatOverride(new PowerOfTenFormat(controls ? sep : Double.NEGATIVE_INFINITY));
        NumberAxis yAxis = new NumberAxis(responseLabel);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        if (controls) {
            ValueMarker marker = new ValueMarker(sep, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            plot.addDomainMarker(marker);
            double[] yr = range(y, excludedResponse);
            double ctlMean = 0;
            int nc = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i] <= 0) {
                    ctlMean += y[i];
                    nc++;
                }
            }
            ctlMean /= Math.max(1, nc);
            boolean top = ctlMean < 0.5 * (yr[0] + yr[1]);
            XYTextAnnotation t = new XYTextAnnotation("dose 0 (controls)", Math.log10(xCtl), top ? yr[1] : yr[0]);
            t.setFont(new Font("SansSerif", Font.BOLD, 11));
            t.setPaint(CONTROLS);
            t.setTextAnchor(top ? TextAnchor.TOP_CENTER : TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(t);
        }
        if (wd) {
            ValueMarker em = new ValueMarker(Math.log10(fit.ec50()), EC50, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
            em.setLabel(String.format(Locale.ROOT, "EC50 = %s", fmt(fit.ec50())));
            em.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            em.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            em.setLabelPaint(EC50);
            plot.addDomainMarker(em);
        }
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle sub = new TextTitle(subtitle(fit), new Font("SansSerif", Font.PLAIN, 12));
        if (!wd) {
            sub.setPaint(OUTLIER);
        }
        chart.addSubtitle(sub);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(bytes, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static double[] range(double[] y, double[] more) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (more != null) {
            for (double v : more) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    static String subtitle(LogLogisticFitter.Result fit) {
        if (!fit.wellDetermined()) {
            String reason = fit.reason();
            if (reason.length() > 110) {
                reason = reason.substring(0, 107) + "...";
            }
            return fit.model().label() + " - not well determined: " + reason;
        }
        double[] ci = fit.ec50Interval();
        return String.format(Locale.ROOT, "%s   EC50 = %s [%s, %s]   hill slope (b) = %s   R\u00b2 = %.3f",
                fit.model().label(), fmt(fit.ec50()), fmt(ci[0]), fmt(ci[1]), fmt(fit.parameters()[0]),
                Double.valueOf(fit.rSquared()));
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        return String.format(Locale.ROOT, "%.4g", Double.valueOf(v));
    }

    private static Shape diamond(double s) {
        GeneralPath p = new GeneralPath();
        p.moveTo(0, -s);
        p.lineTo(s, 0);
        p.lineTo(0, s);
        p.lineTo(-s, 0);
        p.closePath();
        return p;
    }

    private static Shape cross(double s) {
        GeneralPath p = new GeneralPath();
        float w = 1.5f;
        p.moveTo(-s, -s + w);
        p.lineTo(-s + w, -s);
        p.lineTo(0, -w);
        p.lineTo(s - w, -s);
        p.lineTo(s, -s + w);
        p.lineTo(w, 0);
        p.lineTo(s, s - w);
        p.lineTo(s - w, s);
        p.lineTo(0, w);
        p.lineTo(-s + w, s);
        p.lineTo(-s, s - w);
        p.lineTo(-w, 0);
        p.closePath();
        return p;
    }

    /**
     * Tick labels of the log10 dose axis as plain doses (0.001, 0.3, 10, 3e+05); no label left of
     * the controls separator.
     */
    private static final class PowerOfTenFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final double hideBelow;

        PowerOfTenFormat(double hideBelow) {
            this.hideBelow = hideBelow;
        }

        @Override
        public StringBuffer format(double log10, StringBuffer toAppendTo, FieldPosition pos) {
            if (log10 < hideBelow) {
                return toAppendTo;
            }
            double number = Math.pow(10, log10);
            String s;
            if (number < 1e-4 || number >= 1e6) {
                s = String.format(Locale.ROOT, "%.3g", Double.valueOf(number));
            } else {
                s = new java.math.BigDecimal(number).round(new java.math.MathContext(3)).stripTrailingZeros()
                        .toPlainString();
            }
            return toAppendTo.append(s);
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
