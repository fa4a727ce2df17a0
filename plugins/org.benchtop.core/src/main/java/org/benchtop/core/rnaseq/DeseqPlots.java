package org.benchtop.core.rnaseq;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The diagnostic plots of a DESeq2 analysis as PNG (JFreeChart 1.5): volcano plot, MA plot
 * (DESeq2's plotMA), dispersion estimates (plotDispEsts) and the PCA of VST values (plotPCA: the
 * 500 genes with the largest variance, centred, first two principal components). The volcano and MA plots
 * colour genes with padj &lt; alpha red (log2 fold change &gt; 0) or blue (&lt; 0) and label the
 * {@value #LABELS} with the smallest padj (ties: smaller p-value, then gene id) with their gene id.
 */
final class DeseqPlots {

    private static final int W = 800;
    private static final int H = 600;
    private static final Color UP = new Color(0xD6, 0x27, 0x28);
    private static final Color DOWN = new Color(0x1F, 0x5F, 0xD0);
    private static final Color UP_TEXT = new Color(0xA5, 0x1B, 0x1B);
    private static final Color DOWN_TEXT = new Color(0x15, 0x3F, 0x9A);
    private static final Color NS = new Color(0x80, 0x80, 0x80, 0x90);
    private static final Color LEADER = new Color(0x40, 0x40, 0x40);
    private static final Color LABEL_BACKGROUND = new Color(0xFF, 0xFF, 0xFF, 0xC8);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    /** How many of the most significant genes the volcano and MA plots label. */
    static final int LABELS = 10;
    /** Distance in pixels that labels keep from the edges of the data area. */
    private static final double EDGE = 4;
    private static final double[] DISTANCES = {6, 10, 16, 24, 34, 46, 60, 80, 105, 135};
    private static final int DIRECTIONS = 16;
    /** Radius in pixels of the ring drawn around labelled points. */
    private static final double RING = 3.5;

    private DeseqPlots() {
    }

    static byte[] volcano(DeseqResults r, double alpha) {
        double[] lfc = r.log2FoldChange();
        double[] pv = r.pvalue();
        double[] x = new double[lfc.length];
        double[] y = new double[lfc.length];
        double minP = Double.MIN_NORMAL;
        for (int g = 0; g < lfc.length; g++) {
            if (Double.isNaN(lfc[g]) || Double.isNaN(pv[g])) {
                x[g] = Double.NaN;
                y[g] = Double.NaN;
                continue;
            }
            x[g] = lfc[g];
            y[g] = -Math.log10(Math.max(pv[g], minP));
        }
        return labelledScatter("Volcano plot: " + r.contrast(), "log2 fold change", "-log10 p-value", r, alpha,
                x, y, false);
    }

    static byte[] ma(DeseqResults r, double alpha) {
        double[] lfc = r.log2FoldChange();
        double[] bm = r.baseMean();
        double[] x = new double[lfc.length];
        double[] y = new double[lfc.length];
        for (int g = 0; g < lfc.length; g++) {
            if (Double.isNaN(lfc[g]) || !(bm[g] > 0)) {
                x[g] = Double.NaN;
                y[g] = Double.NaN;
                continue;
            }
            x[g] = Math.log10(bm[g]);
            y[g] = lfc[g];
        }
        return labelledScatter("MA plot: " + r.contrast(), "log10 mean of normalized counts", "log2 fold change",
                r, alpha, x, y, true);
    }

    /**
     * Scatter of the genes at (x[g], y[g]) (NaN = not drawn): not significant in grey, padj &lt; alpha with
     * log2 fold change &gt; 0 in red ("up") and &lt; 0 in blue ("down"); the {@link #LABELS} genes with the
     * smallest padj among padj &lt; alpha are labelled with their gene id.
     */
    private static byte[] labelledScatter(String title, String xLabel, String yLabel, DeseqResults r, double alpha,
            double[] x, double[] y, boolean zeroLine) {
        double[] lfc = r.log2FoldChange();
        double[] padj = r.padj();
        XYSeries ns = new XYSeries("not significant", false, true);
        XYSeries up = new XYSeries("up-regulated (padj < " + alpha + ", log2FC > 0)", false, true);
        XYSeries down = new XYSeries("down-regulated (padj < " + alpha + ", log2FC < 0)", false, true);
        List<Integer> labelled = new ArrayList<>();
        boolean[] sig = new boolean[x.length];
        for (int g = 0; g < x.length; g++) {
            if (Double.isNaN(x[g]) || Double.isNaN(y[g])) {
                continue;
            }
            if (padj[g] < alpha) {
                (lfc[g] > 0 ? up : down).add(x[g], y[g]);
                labelled.add(Integer.valueOf(g));
                sig[g] = true;
            } else {
                ns.add(x[g], y[g]);
            }
        }
        double[] pv = r.pvalue();
        List<String> ids = r.geneIds();
        labelled.sort(Comparator.comparingDouble((Integer g) -> padj[g.intValue()])
                .thenComparingDouble(g -> pv[g.intValue()])
                .thenComparing(g -> ids.get(g.intValue())));
        List<Integer> top = labelled.subList(0, Math.min(LABELS, labelled.size()));
        JFreeChart chart = scatter(title, xLabel, yLabel, List.of(ns, up, down), List.of(NS, UP, DOWN), zeroLine);
        if (!top.isEmpty()) {
            addLabels(chart, x, y, sig, top, ids, lfc);
        }
        return png(chart);
    }

    /**
     * Places one gene-id label per gene of {@code top} (in that order, most significant first): the chart is
     * rendered once to learn the data area, the axis ranges are frozen, and each label goes to the candidate
     * position around its point (16 directions, growing distances) that stays inside the data area and
     * covers the fewest points, other labels and leader lines and is nearer to its own point than to any other
     * significant point; a thin leader line joins labels set apart from their point, and labelled points are
     * ringed.
     */
    private static void addLabels(JFreeChart chart, double[] x, double[] y, boolean[] sig, List<Integer> top,
            List<String> ids, double[] lfc) {
        XYPlot plot = chart.getXYPlot();
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(W, H, info);
        ValueAxis xa = plot.getDomainAxis();
        ValueAxis ya = plot.getRangeAxis();
        xa.setRange(xa.getRange());
        ya.setRange(ya.getRange());
        Rectangle2D area = info.getPlotInfo().getDataArea();
        RectangleEdge xe = plot.getDomainAxisEdge();
        RectangleEdge ye = plot.getRangeAxisEdge();
        int n = x.length;
        double[] px = new double[n];
        double[] py = new double[n];
        for (int g = 0; g < n; g++) {
            px[g] = Double.isNaN(x[g]) ? Double.NaN : xa.valueToJava2D(x[g], area, xe);
            py[g] = Double.isNaN(y[g]) ? Double.NaN : ya.valueToJava2D(y[g], area, ye);
        }
        java.util.Set<Integer> topSet = new java.util.HashSet<>(top);
        Graphics2D g2 = img.createGraphics();
        FontRenderContext frc = g2.getFontRenderContext();
        g2.dispose();
        Rectangle2D inner = new Rectangle2D.Double(area.getX() + EDGE, area.getY() + EDGE,
                area.getWidth() - 2 * EDGE, area.getHeight() - 2 * EDGE);
        List<Rectangle2D> boxes = new ArrayList<>();
        List<Line2D> leaders = new ArrayList<>();
        for (Integer gi : top) {
            int g = gi.intValue();
            String text = ids.get(g);
            Rectangle2D tb = LABEL_FONT.getStringBounds(text, frc);
            double w = tb.getWidth() + 4;
            double h = tb.getHeight() + 2;
            Rectangle2D best = null;
            Line2D bestLeader = null;
            double bestScore = Double.POSITIVE_INFINITY;
            for (double dist : DISTANCES) {
                for (int k = 0; k < DIRECTIONS; k++) {
                    double ang = 2 * Math.PI * k / DIRECTIONS;
                    double cx = px[g] + Math.cos(ang) * (dist + w / 2);
                    double cy = py[g] - Math.sin(ang) * (dist + h / 2);
                    Rectangle2D box = new Rectangle2D.Double(cx - w / 2, cy - h / 2, w, h);
                    double own = distance(px[g], py[g], box);
                    if (!inner.contains(box) || own < RING + 2) {
                        continue; // off the data area, or on the point's ring
                    }
                    Line2D leader = leader(px[g], py[g], box);
                    double score = 0.04 * dist + (k % 4 == 0 ? 0 : 0.3);
                    Rectangle2D grown = new Rectangle2D.Double(box.getX() - 2, box.getY() - 2, w + 4, h + 4);
                    for (int o = 0; o < n; o++) {
                        if (Double.isNaN(px[o]) || !grown.contains(px[o], py[o])) {
                            continue;
                        }
                        score += topSet.contains(Integer.valueOf(o)) ? 100 : 1;
                    }
                    for (Rectangle2D b : boxes) {
                        if (b.intersects(grown)) {
                            score += 1000;
                        }
                        if (leader != null && leader.intersects(b)) {
                            score += 50;
                        }
                    }
                    for (Line2D l : leaders) {
                        if (l.intersects(box)) {
                            score += 50;
                        }
                        if (leader != null && leader.intersectsLine(l)) {
                            score += 20;
                        }
                    }
                    for (int o = 0; o < n; o++) {
                        if (o == g || !sig[o] || Double.isNaN(px[o])) {
                            continue;
                        }
                        boolean isTop = topSet.contains(Integer.valueOf(o));
                        if (distance(px[o], py[o], box) < own + 6) {
                            score += isTop ? 60 : 25; // the label could be read as this point's
                        }
                        if (leader != null && leader.ptSegDist(px[o], py[o]) < 4) {
                            score += isTop ? 30 : 10;
                        }
                    }
                    if (score < bestScore) {
                        bestScore = score;
                        best = box;
                        bestLeader = leader;
                    }
                }
            }
            if (best == null) {
                continue; // the data area is too small for this label
            }
            boxes.add(best);
            Color colour = lfc[g] > 0 ? UP_TEXT : DOWN_TEXT;
            double x0 = xa.java2DToValue(px[g] - RING, area, xe);
            double x1 = xa.java2DToValue(px[g] + RING, area, xe);
            double y0 = ya.java2DToValue(py[g] + RING, area, ye);
            double y1 = ya.java2DToValue(py[g] - RING, area, ye);
            plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(x0, y0, x1 - x0, y1 - y0),
                    new BasicStroke(0.8f), LEADER));
            if (bestLeader != null) {
                leaders.add(bestLeader);
                plot.addAnnotation(new XYLineAnnotation(
                        xa.java2DToValue(bestLeader.getX1(), area, xe), ya.java2DToValue(bestLeader.getY1(), area, ye),
                        xa.java2DToValue(bestLeader.getX2(), area, xe), ya.java2DToValue(bestLeader.getY2(), area, ye),
                        new BasicStroke(0.8f), LEADER));
            }
            XYTextAnnotation a = new XYTextAnnotation(text, xa.java2DToValue(best.getCenterX(), area, xe),
                    ya.java2DToValue(best.getCenterY(), area, ye));
            a.setFont(LABEL_FONT);
            a.setPaint(colour);
            a.setTextAnchor(TextAnchor.CENTER);
            a.setBackgroundPaint(LABEL_BACKGROUND);
            a.setOutlineVisible(false);
            plot.addAnnotation(a);
        }
    }

    /** Distance in pixels from (x, y) to the box (0 inside). */
    private static double distance(double x, double y, Rectangle2D box) {
        double dx = Math.max(0, Math.max(box.getMinX() - x, x - box.getMaxX()));
        double dy = Math.max(0, Math.max(box.getMinY() - y, y - box.getMaxY()));
        return Math.hypot(dx, dy);
    }

    /** The leader line from the edge of the point at (x, y) to the nearest point of the box, or null if close. */
    private static Line2D leader(double x, double y, Rectangle2D box) {
        double bx = Math.max(box.getMinX(), Math.min(x, box.getMaxX()));
        double by = Math.max(box.getMinY(), Math.min(y, box.getMaxY()));
        double d = Math.hypot(bx - x, by - y);
        if (d < RING + 5) {
            return null;
        }
        double sx = x + (bx - x) * RING / d;
        double sy = y + (by - y) * RING / d;
        return new Line2D.Double(sx, sy, bx, by);
    }

    static byte[] dispersions(Deseq.Fit fit) {
        int n = fit.counts().geneCount();
        XYSeries gene = new XYSeries("gene-wise estimate", false, true);
        XYSeries fitted = new XYSeries("fitted trend", false, true);
        XYSeries fin = new XYSeries("final estimate", false, true);
        XYSeries outl = new XYSeries("dispersion outlier", false, true);
        Integer[] order = new Integer[n];
        for (int g = 0; g < n; g++) {
            order[g] = Integer.valueOf(g);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(fit.genewise().baseMean(a.intValue()),
                fit.genewise().baseMean(b.intValue())));
        for (Integer gi : order) {
            int g = gi.intValue();
            if (fit.genewise().allZero(g)) {
                continue;
            }
            double x = Math.log10(fit.genewise().baseMean(g));
            gene.add(x, Math.log10(Math.max(fit.genewise().dispGeneEst(g), 1e-8)));
            fitted.add(x, Math.log10(fit.trend().dispFit(g)));
            (fit.dispersions().dispOutlier()[g] ? outl : fin).add(x,
                    Math.log10(fit.dispersions().dispersion(g)));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(gene);
        data.addSeries(fin);
        data.addSeries(outl);
        data.addSeries(fitted);
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(false, true);
        Color[] colors = {new Color(0, 0, 0, 0x60), new Color(0x1F, 0x77, 0xB4, 0x90), new Color(0x1F, 0x77, 0xB4),
            new Color(0xD6, 0x27, 0x28)};
        for (int i = 0; i < 4; i++) {
            rend.setSeriesPaint(i, colors[i]);
            rend.setSeriesShape(i, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        rend.setSeriesLinesVisible(3, true);
        rend.setSeriesShapesVisible(3, false);
        rend.setSeriesStroke(3, new BasicStroke(2f));
        rend.setSeriesShape(2, new Ellipse2D.Double(-3, -3, 6, 6));
        XYPlot plot = new XYPlot(data, new NumberAxis("log10 mean of normalized counts"),
                new NumberAxis("log10 dispersion"), rend);
        return png(chart("Dispersion estimates", plot));
    }

    static byte[] pca(double[] vst, int n, int m, List<String> samples, List<String> groups) {
        int top = Math.min(500, n);
        double[] var = new double[n];
        double[] scratch = new double[m];
        for (int g = 0; g < n; g++) {
            double mean = RMath.mean(vst, g * m, m);
            double[] row = java.util.Arrays.copyOfRange(vst, g * m, g * m + m);
            var[g] = GenewiseDispersion.rowVar(row, m, mean, scratch);
        }
        Integer[] order = new Integer[n];
        for (int g = 0; g < n; g++) {
            order[g] = Integer.valueOf(g);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(var[b.intValue()], var[a.intValue()]));
        double[][] x = new double[m][top];
        for (int k = 0; k < top; k++) {
            int g = order[k].intValue();
            double mean = RMath.mean(vst, g * m, m);
            for (int j = 0; j < m; j++) {
                x[j][k] = vst[g * m + j] - mean;
            }
        }
        org.apache.commons.math3.linear.SingularValueDecomposition svd =
                new org.apache.commons.math3.linear.SingularValueDecomposition(
                        org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(x));
        double[] sv = svd.getSingularValues();
        double total = 0;
        for (double s : sv) {
            total += s * s;
        }
        org.apache.commons.math3.linear.RealMatrix u = svd.getU();
        java.util.LinkedHashMap<String, XYSeries> bySeries = new java.util.LinkedHashMap<>();
        XYPlot plotHolder;
        for (int j = 0; j < m; j++) {
            String grp = groups.get(j);
            bySeries.computeIfAbsent(grp, k -> new XYSeries(k, false, true));
            double pc1 = u.getEntry(j, 0) * sv[0];
            double pc2 = sv.length > 1 ? u.getEntry(j, 1) * sv[1] : 0;
            bySeries.get(grp).add(pc1, pc2);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : bySeries.values()) {
            data.addSeries(s);
        }
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < bySeries.size(); i++) {
            rend.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        String l1 = String.format(java.util.Locale.ROOT, "PC1: %.0f%% variance", Double.valueOf(100 * sv[0] * sv[0] / total));
        String l2 = sv.length > 1 ? String.format(java.util.Locale.ROOT, "PC2: %.0f%% variance",
                Double.valueOf(100 * sv[1] * sv[1] / total)) : "PC2";
        plotHolder = new XYPlot(data, new NumberAxis(l1), new NumberAxis(l2), rend);
        for (int j = 0; j < m; j++) {
            double pc1 = u.getEntry(j, 0) * sv[0];
            double pc2 = sv.length > 1 ? u.getEntry(j, 1) * sv[1] : 0;
            XYTextAnnotation a = new XYTextAnnotation(samples.get(j), pc1, pc2);
            a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            a.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plotHolder.addAnnotation(a);
        }
        return png(chart("PCA of VST values (top " + top + " genes by variance)", plotHolder));
    }

    private static JFreeChart scatter(String title, String xLabel, String yLabel, List<XYSeries> series,
            List<Color> colors, boolean zeroLine) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < series.size(); i++) {
            rend.setSeriesPaint(i, colors.get(i));
            rend.setSeriesShape(i, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        XYPlot plot = new XYPlot(data, new NumberAxis(xLabel), new NumberAxis(yLabel), rend);
        if (zeroLine) {
            plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
        }
        return chart(title, plot);
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        c.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 14)));
        c.setBackgroundPaint(Color.WHITE);
        return c;
    }

    private static byte[] png(JFreeChart c) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, c, W, H);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
