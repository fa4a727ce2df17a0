package org.benchtop.core.rnaseq;

import java.util.List;

/**
 * DESeq2's results table for one contrast (the {@code DESeqResults} of {@code results()}):
 * per gene baseMean, log2FoldChange, lfcSE, stat, pvalue, padj, plus the final dispersion, and
 * the metadata of the independent filtering and Cook's filter. Missing values (R's NA) are NaN.
 * Immutable; array accessors return copies.
 */
public final class DeseqResults {

    private final List<String> geneIds;
    private final double[] baseMean;
    private final double[] log2FoldChange;
    private final double[] lfcSE;
    private final double[] stat;
    private final double[] pvalue;
    private final double[] padj;
    private final double[] dispersion;
    private final String contrast;
    private final String test;
    private final double alpha;
    private final double filterThreshold;
    private final double filterTheta;
    private final double cooksCutoff;
    private final int cooksFiltered;
    private final List<String> warnings;

    DeseqResults(List<String> geneIds, double[] baseMean, double[] log2FoldChange, double[] lfcSE, double[] stat,
            double[] pvalue, double[] padj, double[] dispersion, String contrast, String test, double alpha,
            double filterThreshold, double filterTheta, double cooksCutoff, int cooksFiltered, List<String> warnings) {
        this.geneIds = List.copyOf(geneIds);
        this.baseMean = baseMean;
        this.log2FoldChange = log2FoldChange;
        this.lfcSE = lfcSE;
        this.stat = stat;
        this.pvalue = pvalue;
        this.padj = padj;
        this.dispersion = dispersion;
        this.contrast = contrast;
        this.test = test;
        this.alpha = alpha;
        this.filterThreshold = filterThreshold;
        this.filterTheta = filterTheta;
        this.cooksCutoff = cooksCutoff;
        this.cooksFiltered = cooksFiltered;
        this.warnings = List.copyOf(warnings);
    }

    /** @return the gene identifiers in input order */
    public List<String> geneIds() {
        return geneIds;
    }

    /** @return the number of genes */
    public int size() {
        return geneIds.size();
    }

    /** @return mean of normalized counts per gene */
    public double[] baseMean() {
        return baseMean.clone();
    }

    /** @return log2 fold change of the contrast (MLE, or shrunken if requested) */
    public double[] log2FoldChange() {
        return log2FoldChange.clone();
    }

    /** @return standard error of the log2 fold change */
    public double[] lfcSE() {
        return lfcSE.clone();
    }

    /** @return Wald statistic, or the LRT statistic for a likelihood-ratio test */
    public double[] stat() {
        return stat.clone();
    }

    /** @return p-values (NaN where DESeq2 gives NA: all-zero genes, Cook's outliers) */
    public double[] pvalue() {
        return pvalue.clone();
    }

    /** @return BH-adjusted p-values after independent filtering (NaN = filtered or NA) */
    public double[] padj() {
        return padj.clone();
    }

    /** @return the final dispersion per gene */
    public double[] dispersion() {
        return dispersion.clone();
    }

    /** @return the contrast, e.g. "condition treated vs untreated" */
    public String contrast() {
        return contrast;
    }

    /** @return "Wald" or "LRT" */
    public String test() {
        return test;
    }

    /** @return the FDR level used for independent filtering */
    public double alpha() {
        return alpha;
    }

    /** @return the baseMean threshold chosen by independent filtering (NaN if off) */
    public double filterThreshold() {
        return filterThreshold;
    }

    /** @return the quantile chosen by independent filtering (NaN if off) */
    public double filterTheta() {
        return filterTheta;
    }

    /** @return the Cook's distance cutoff (NaN if the filter is off or not applicable) */
    public double cooksCutoff() {
        return cooksCutoff;
    }

    /** @return how many p-values were set to NA by the Cook's filter */
    public int cooksFiltered() {
        return cooksFiltered;
    }

    /** @return notes for the user */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * @param level FDR level
     * @return the number of genes with padj below it
     */
    public int significantCount(double level) {
        int c = 0;
        for (double v : padj) {
            if (v < level) {
                c++;
            }
        }
        return c;
    }
}
