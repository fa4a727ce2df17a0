package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;

/**
 * Table-level facade of the DESeq2 engine, shared by the command line
 * ({@code benchtop rnaseq deseq}) and the KNIME node "DESeq2 Differential Expression": counts
 * table + sample sheet + {@link DeseqSettings} in; results, normalized counts, size factors and
 * (optionally) the volcano, MA, dispersion and PCA plots out. All input is validated before the
 * computation; bad input raises {@link RnaseqException} (BAD_INPUT) and no output.
 */
public final class DeseqAnalysis {

    private DeseqAnalysis() {
    }

    /**
     * @param results {@code gene_id, baseMean, log2FoldChange, lfcSE, stat, pvalue, padj, dispersion}
     * @param normalizedCounts {@code gene_id} and one column per sample: counts / size factor
     * @param sizeFactors {@code sample, size_factor}
     * @param volcanoPlot PNG or null
     * @param maPlot PNG or null
     * @param dispersionPlot PNG or null
     * @param pcaPlot PNG of the PCA of VST values, or null
     * @param warnings notes for the user
     */
    public record Output(Table results, Table normalizedCounts, Table sizeFactors, byte[] volcanoPlot, byte[] maPlot,
            byte[] dispersionPlot, byte[] pcaPlot, List<String> warnings) {
        /** Defensive copy. */
        public Output {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Runs DESeq2.
     *
     * @param counts the count table (wide: gene column then one column per sample; or long, see
     *        the settings)
     * @param samples the sample sheet (sample name column and the design variables)
     * @param s the settings
     * @param plots whether to draw the plots (starts Java's graphics, about 0.2 s)
     * @param monitor progress and cancellation ({@code null} for none)
     * @return the tables and plots
     */
    public static Output run(Table counts, Table samples, DeseqSettings s, boolean plots, ProgressMonitor monitor) {
        ProgressMonitor m = monitor == null ? ProgressMonitor.NONE : monitor;
        m.setProgress(0, "reading input");
        DesignFormula formula = DesignFormula.parse(s.design());
        DesignFormula reducedFormula = s.reduced() == null || s.reduced().isBlank() ? null
                : DesignFormula.parse(s.reduced());
        CountMatrix cm = s.countColumn() == null ? RnaseqTableAdapter.wideCounts(counts, s.geneColumn())
                : RnaseqTableAdapter.longCounts(counts, s.geneColumn() == null ? counts.columnNames().get(0)
                        : s.geneColumn(), s.countSampleColumn(), s.countColumn());
        List<String> vars = new ArrayList<>(formula.variables());
        SampleSheet sheet = RnaseqTableAdapter.sheet(samples, s.sampleColumn(),
                reducedFormula == null ? formula : union(formula, reducedFormula, vars), new HashSet<>(s.factors()),
                cm.sampleNames());
        Contrast contrast = s.parsedContrast();
        java.util.Map<String, String> refs = new java.util.LinkedHashMap<>();
        if (contrast instanceof Contrast.Levels lv && sheet.has(lv.factor()) && sheet.variable(lv.factor()).isFactor()
                && sheet.variable(lv.factor()).levels().contains(lv.denominator())) {
            refs.put(lv.factor(), lv.denominator());
        }
        for (String r : s.references()) {
            int eq = r.indexOf('=');
            refs.put(r.substring(0, eq).trim(), r.substring(eq + 1).trim());
        }
        for (java.util.Map.Entry<String, String> e : refs.entrySet()) {
            if (!sheet.has(e.getKey())) {
                throw RnaseqException.badInput("Reference level given for '%s', which is not a variable of the design %s.",
                        e.getKey(), formula);
            }
            sheet = sheet.withReference(e.getKey(), e.getValue());
        }
        DesignMatrix design = DesignMatrix.of(formula, sheet);
        DesignMatrix reduced = reducedFormula == null ? null : DesignMatrix.of(reducedFormula, sheet);
        if (s.shrink().equals("normal") && reduced != null) {
            throw RnaseqException.badInput(
                    "Normal shrinkage goes with the Wald test; leave out --reduced or use --shrink none.");
        }
        Deseq deseq = Deseq.withDefaults().withThreads(s.threads())
                .withSizeFactors(s.sizeFactors().equals("poscounts") ? SizeFactors.poscounts() : SizeFactors.ratio())
                .withFitType(DispersionTrend.FitType.valueOf(s.fitType().toUpperCase(Locale.ROOT)))
                .withMinReplicatesForReplace(s.minReplicatesForReplace() == 0 ? Integer.MAX_VALUE
                        : s.minReplicatesForReplace());
        Deseq.Fit fit = deseq.run(cm, design, reduced, m);
        // validate the contrast on the fit before any output (throws BAD_INPUT naming the levels)
        DeseqResults res = fit.results(contrast, s.alpha(), s.independentFiltering(), s.cooksCutoff());
        List<String> warnings = new ArrayList<>(res.warnings());
        if (s.shrink().equals("normal")) {
            res = LfcShrinkage.normal(fit, contrast, s.threads(), m).results();
        }
        Table results = Table.of("DESeq2 results", List.of(
                Column.ofStrings("gene_id", res.geneIds().toArray(new String[0])),
                Column.ofDoubles("baseMean", res.baseMean()),
                Column.ofDoubles("log2FoldChange", res.log2FoldChange()),
                Column.ofDoubles("lfcSE", res.lfcSE()),
                Column.ofDoubles("stat", res.stat()),
                Column.ofDoubles("pvalue", res.pvalue()),
                Column.ofDoubles("padj", res.padj()),
                Column.ofDoubles("dispersion", res.dispersion())));
        double[] sf = fit.sizeFactorValues();
        double[] y = cm.data();
        int ms = cm.sampleCount();
        Table normalized = TmmAnalysis.matrixTable("normalized counts", cm, i -> y[i] / sf[i % ms]);
        Table sizeFactors = Table.of("size factors", List.of(
                Column.ofStrings("sample", cm.sampleNames().toArray(new String[0])),
                Column.ofDoubles("size_factor", sf)));
        byte[] volcano = null;
        byte[] ma = null;
        byte[] disp = null;
        byte[] pca = null;
        if (plots) {
            m.setProgress(0.9, "plots");
            volcano = DeseqPlots.volcano(res, s.alpha());
            ma = DeseqPlots.ma(res, s.alpha());
            disp = DeseqPlots.dispersions(fit);
            VarianceStabilizingTransformation.Result vst;
            try {
                vst = VarianceStabilizingTransformation.vst(cm, sf, design, true, s.threads(), m);
            } catch (RnaseqException e) {
                vst = VarianceStabilizingTransformation.varianceStabilizingTransformation(cm, sf, design, true,
                        s.threads(), m);
            }
            pca = DeseqPlots.pca(vst.values(), cm.geneCount(), ms, cm.sampleNames(), groups(sheet, formula, contrast));
        }
        m.setProgress(1, "done");
        return new Output(results, normalized, sizeFactors, volcano, ma, disp, pca, warnings);
    }

    private static DesignFormula union(DesignFormula full, DesignFormula reduced, List<String> vars) {
        for (String v : reduced.variables()) {
            if (!vars.contains(v)) {
                throw RnaseqException.badInput("The reduced design '%s' uses '%s', which is not in the design '%s'.",
                        reduced, v, full);
            }
        }
        return full;
    }

    private static List<String> groups(SampleSheet sheet, DesignFormula f, Contrast c) {
        String var = c instanceof Contrast.Levels lv ? lv.factor() : null;
        if (var == null) {
            for (String v : f.variables()) {
                if (sheet.variable(v).isFactor()) {
                    var = v;
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int j = 0; j < sheet.size(); j++) {
            out.add(var == null ? "samples" : sheet.variable(var).labels().get(j));
        }
        return out;
    }
}
