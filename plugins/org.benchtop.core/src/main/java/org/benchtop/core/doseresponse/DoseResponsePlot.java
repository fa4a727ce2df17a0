package org.benchtop.core.doseresponse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
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
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders one fitted dose-response curve as a PNG (JFreeChart 1.5): the observations, the fitted
 * curve on a log dose axis, the EC50 with its 95% confidence interval (log-scale interval, drawn as
 * a horizontal bar at the half-way response), outliers as red crosses, and the controls (dose 0,
 * which has no place on a log axis) drawn in a region at the left edge, left of a dashed separator
 * and labelled "dose 0 (controls)" (the region is made wide enough for the label). The x axis is
 * log10(dose) with one tick per decade labelled with the dose itself. The fitted curve is drawn only
 * over the tested non-zero doses (lowest to highest, outliers included): the plot never shows an
 * extrapolation. A curve that is not well determined is drawn dashed and grey, marked so in the
 * legend, with the reason under the title and no EC50 marker. Immutable.
 */
public final class DoseResponsePlot {

    private static final Color CURVE = new Color(0x1f, 0x5a, 0xa6);
    private static final Color POINTS = new Color(0x33, 0x33, 0x33);
    private static final Color CONTROLS = new Color(0x1b, 0x7a, 0x3a);
    private static final Color OUTLIER = new Color(0xd6, 0x27, 0x28);
    private static final Color EC50 = new Color(0xe6, 0x7e, 0x00);
    private static final String CONTROLS_LABEL = "dose 0 (controls)";
    private static final Font CONTROLS_FONT = new Font("SansSerif", Font.BOLD, 11);
    /** Decades of padding around the tested non-zero doses on the x axis. */
    private static final double PAD = 0.3;
    private static final double MIN_CONTROLS_WIDTH = 0.8;

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
        JFreeChart chart = chart(title, fit, outlier, excludedDose, excludedResponse);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(bytes, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The chart drawn by {@link #render}. Series, in order: the fitted curve (only over the tested
     * non-zero doses), observations, controls, outliers, the fitted value at dose 0, the EC50 with its
     * interval (empty when the curve is not well determined).
     */
    JFreeChart chart(String title, LogLogisticFitter.Result fit, boolean[] outlier, double[] excludedDose,
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
        // the x axis in log10(dose): the tested range padded by PAD decades, and left of it (if there
        // are controls) a region wide enough for the label "dose 0 (controls)", controls in its middle
        double l0 = Math.log10(minPos);
        double l1 = Math.log10(maxX);
        double sep = l0 - PAD;
        double hiLog = l1 + PAD;
        double ctlWidth = controls ? controlsWidth(hiLog - sep) : 0;
        double loLog = controls ? sep - ctlWidth : sep;
        double ctlLog = sep - ctlWidth / 2;

        boolean wd = fit.wellDetermined();
        XYSeries curve = new XYSeries("fitted " + fit.model().label() + (wd ? "" : " (not well determined)"), false,
                true);
        double[] q = fit.parameters();
        int m = 240;
        for (int i = 0; i <= m; i++) {
            double li = l0 + (l1 - l0) * i / m;
            double xi = i == m ? maxX : i == 0 ? minPos : Math.pow(10, li);
            double yi = LogLogisticFunction.value(xi, q);
            if (Double.isFinite(yi)) {
                curve.add(li, yi);
            }
        }
        XYSeries pts = new XYSeries("observations", false, true);
        XYSeries ctl = new XYSeries("controls (dose 0)", false, true);
        XYSeries out = new XYSeries("outliers", false, true);
        for (int i = 0; i < x.length; i++) {
            boolean o = outlier != null && outlier[i];
            double xi = x[i] > 0 ? Math.log10(x[i]) : ctlLog;
            (o ? out : x[i] > 0 ? pts : ctl).add(xi, y[i]);
        }
        if (excludedDose != null) {
            for (int i = 0; i < excludedDose.length; i++) {
                out.add(excludedDose[i] > 0 ? Math.log10(excludedDose[i]) : ctlLog, excludedResponse[i]);
            }
        }
        XYSeries ctlLevel = new XYSeries("fitted at dose 0", false, true);
        double y0 = LogLogisticFunction.value(0, q);
        if (controls && Double.isFinite(y0)) {
            ctlLevel.add(ctlLog - 0.22 * ctlWidth, y0);
            ctlLevel.add(ctlLog + 0.22 * ctlWidth, y0);
        }
        XYSeries ec50 = new XYSeries("EC50 with 95% CI", false, true);
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

        Color curveColor = wd ? CURVE : Color.GRAY;
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setDrawSeriesLineAsPath(true); // one path per series, so that a dash pattern runs on along the curve
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(0, curveColor);
        r.setSeriesStroke(0, wd ? new BasicStroke(2.2f) : dashed(2.2f, 7f, 5f));
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
        r.setSeriesPaint(4, curveColor);
        r.setSeriesStroke(4, dashed(2.2f, 5f, 4f));
        r.setSeriesLinesVisible(5, true);
        r.setSeriesShape(5, new Rectangle2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(5, EC50);
        r.setSeriesStroke(5, new BasicStroke(3f));
        for (int i = 1; i < data.getSeriesCount(); i++) {
            if (data.getSeries(i).getItemCount() == 0) {
                r.setSeriesVisibleInLegend(i, Boolean.FALSE);
            }
        }

        NumberAxis xAxis = new NumberAxis(doseLabel + " (log scale)");
        xAxis.setRange(loLog, hiLog);
        xAxis.setTickUnit(new NumberTickUnit(1));
        xAxis.setNumberFormatOverride(new PowerOfTenFormat(controls ? sep : Double.NEGATIVE_INFINITY));
        NumberAxis yAxis = new NumberAxis(responseLabel);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        if (controls) {
            ValueMarker marker = new ValueMarker(sep, Color.GRAY, dashed(1f, 3f, 3f));
            plot.addDomainMarker(marker);
            // the label goes above or below the controls, where the gap to the axis edge is larger;
            // the response axis is extended where that gap is too small for it
            double cLo = Double.isFinite(y0) ? y0 : Double.POSITIVE_INFINITY;
            double cHi = Double.isFinite(y0) ? y0 : Double.NEGATIVE_INFINITY;
            for (int i = 0; i < ctl.getItemCount(); i++) {
                cLo = Math.min(cLo, ctl.getY(i).doubleValue());
                cHi = Math.max(cHi, ctl.getY(i).doubleValue());
            }
            for (int i = 0; i < out.getItemCount(); i++) {
                if (out.getX(i).doubleValue() == ctlLog) {
                    cLo = Math.min(cLo, out.getY(i).doubleValue());
                    cHi = Math.max(cHi, out.getY(i).doubleValue());
                }
            }
            double axLo = yAxis.getLowerBound();
            double axHi = yAxis.getUpperBound();
            boolean top = cHi < cLo || axHi - cHi >= cLo - axLo;
            double gap = top ? axHi - cHi : cLo - axLo;
            double f = labelHeightPx() / Math.max(100, height - 190);
            double span = axHi - axLo;
            if (cHi >= cLo && gap < f * span) {
                double d = (f * span - gap) / (1 - f);
                yAxis.setRange(top ? axLo : axLo - d, top ? axHi + d : axHi);
            }
            // at the top or bottom edge of the data area (relative coordinates), away from the controls
            TextTitle t = new TextTitle(CONTROLS_LABEL, CONTROLS_FONT, CONTROLS, RectangleEdge.TOP,
                    HorizontalAlignment.CENTER, VerticalAlignment.CENTER, new RectangleInsets(3, 2, 3, 2));
            plot.addAnnotation(new XYTitleAnnotation((ctlLog - loLog) / (hiLog - loLog), top ? 1 : 0, t,
                    top ? RectangleAnchor.TOP : RectangleAnchor.BOTTOM));
        }
        if (wd) {
            ValueMarker em = new ValueMarker(Math.log10(fit.ec50()), EC50, dashed(1f, 2f, 3f));
            em.setLabel(String.format(Locale.ROOT, "EC50 = %s", fmt(fit.ec50())));
            em.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            em.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            em.setLabelPaint(EC50);
            em.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            plot.addDomainMarker(em);
        }
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle sub = new TextTitle(subtitle(fit), new Font("SansSerif", Font.PLAIN, 12));
        sub.setMaximumLinesToDisplay(3);
        if (!wd) {
            sub.setPaint(OUTLIER);
        }
        chart.addSubtitle(sub);
        return chart;
    }

    /**
     * The width (log10 units) of the controls region left of the tested doses: wide enough for the
     * label {@value #CONTROLS_LABEL} at the plot width (the data area is taken as the image width
     * less a generous allowance for the response axis), at least {@value #MIN_CONTROLS_WIDTH} decades.
     *
     * @param restWidth the width of the rest of the axis (log10 units)
     */
    double controlsWidth(double restWidth) {
        double labelPx = CONTROLS_FONT.getStringBounds(CONTROLS_LABEL, new FontRenderContext(null, true, true))
                .getWidth() + 16;
        double areaPx = Math.max(width - 110, 2 * labelPx);
        // w / (w + rest) * areaPx >= labelPx
        return Math.max(MIN_CONTROLS_WIDTH, labelPx * restWidth / (areaPx - labelPx));
    }

    /** The height in pixels the controls label needs: text, padding, half a marker, a little air. */
    private static double labelHeightPx() {
        return CONTROLS_FONT.getLineMetrics(CONTROLS_LABEL, new FontRenderContext(null, true, true)).getHeight() + 14;
    }

    private static BasicStroke dashed(float w, float on, float off) {
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {on, off}, 0f);
    }

    static String subtitle(LogLogisticFitter.Result fit) {
        if (!fit.wellDetermined()) {
            String reason = fit.reason();
            if (reason.length() > 300) {
                reason = reason.substring(0, 297) + "...";
            }
            return fit.model().label() + " - not well determined (no EC50): " + reason;
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
