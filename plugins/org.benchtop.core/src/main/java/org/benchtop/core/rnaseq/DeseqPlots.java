package org.benchtop.core.rnaseq;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The diagnostic plots of a DESeq2 analysis as PNG (JFreeChart 1.5): volcano plot, MA plot
 * (DESeq2's plotMA), dispersion estimates (plotDispEsts) and the PCA of VST values (plotPCA: the
 * 500 genes with the largest variance, centred, first two principal components).
 */
final class DeseqPlots {

    private static final int W = 800;
    private static final int H = 600;
    private static final Color SIG = new Color(0xC0, 0x39, 0x2B);
    private static final Color NS = new Color(0x80, 0x80, 0x80, 0x90);

    private DeseqPlots() {
    }

    static byte[] volcano(DeseqResults r, double alpha) {
        double[] lfc = r.log2FoldChange();
        double[] pv = r.pvalue();
        double[] padj = r.padj();
        XYSeries ns = new XYSeries("not significant", false, true);
        XYSeries sig = new XYSeries("padj < " + alpha, false, true);
        double minP = Double.MIN_NORMAL;
        for (int g = 0; g < lfc.length; g++) {
            if (Double.isNaN(lfc[g]) || Double.isNaN(pv[g])) {
                continue;
            }
            double y = -Math.log10(Math.max(pv[g], minP));
            (padj[g] < alpha ? sig : ns).add(lfc[g], y);
        }
        return scatter("Volcano plot: " + r.contrast(), "log2 fold change", "-log10 p-value",
                List.of(ns, sig), List.of(NS, SIG), false);
    }

    static byte[] ma(DeseqResults r, double alpha) {
        double[] lfc = r.log2FoldChange();
        double[] bm = r.baseMean();
        double[] padj = r.padj();
        XYSeries ns = new XYSeries("not significant", false, true);
        XYSeries sig = new XYSeries("padj < " + alpha, false, true);
        for (int g = 0; g < lfc.length; g++) {
            if (Double.isNaN(lfc[g]) || !(bm[g] > 0)) {
                continue;
            }
            (padj[g] < alpha ? sig : ns).add(Math.log10(bm[g]), lfc[g]);
        }
        byte[] png = scatter("MA plot: " + r.contrast(), "log10 mean of normalized counts", "log2 fold change",
                List.of(ns, sig), List.of(NS, SIG), true);
        return png;
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

    private static byte[] scatter(String title, String xLabel, String yLabel, List<XYSeries> series, List<Color> colors,
            boolean zeroLine) {
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
        return png(chart(title, plot));
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
