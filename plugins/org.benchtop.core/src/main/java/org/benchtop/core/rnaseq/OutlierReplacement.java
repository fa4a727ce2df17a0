package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.ProgressMonitor;

/**
 * DESeq2's {@code replaceOutliers} (called by {@code DESeq()} through
 * {@code refitWithoutOutliers} when some cell of the design has at least
 * {@code minReplicatesForReplace} = 7 samples): every count whose Cook's distance exceeds the 99 %
 * quantile of F(p, m - p), in a sample whose cell has at least 7 replicates, is replaced by the
 * 20 %-trimmed mean of the gene's normalized counts times the sample's size factor (truncated to
 * an integer). Genes with any Cook's distance above the cutoff are flagged {@code replace}; those
 * that are not all zero after replacement are refitted from the gene-wise dispersion onwards
 * (same trend, same prior variance), which {@link Deseq} does with the counts returned here.
 *
 * <p>Love, Huber and Anders (2014), Genome Biology 15:550, section "Automatic outlier
 * replacement".
 */
public final class OutlierReplacement {

    /**
     * @param replace per gene: some Cook's distance above the cutoff (DESeq2's {@code mcols$replace})
     * @param replaceable per sample: in a cell with enough replicates
     * @param refitGenes the genes to refit (replaced and not all zero afterwards), ascending
     * @param refitCounts the counts of those genes after replacement
     * @param newAllZero per gene: all counts zero after replacement (flagged genes only)
     * @param baseMean per gene: mean of normalized counts after replacement
     * @param baseVar per gene: variance of normalized counts after replacement
     * @param cutoff the Cook's cutoff used
     * @param replacedCounts how many counts were replaced
     */
    public record Result(boolean[] replace, boolean[] replaceable, int[] refitGenes, CountMatrix refitCounts,
            boolean[] newAllZero, double[] baseMean, double[] baseVar, double cutoff, int replacedCounts) {

        /** @return how many genes were flagged */
        public int flaggedGenes() {
            int c = 0;
            for (boolean b : replace) {
                if (b) {
                    c++;
                }
            }
            return c;
        }
    }

    private OutlierReplacement() {
    }

    /**
     * @param counts the original counts
     * @param sizeFactors per-sample size factors
     * @param design the model
     * @param cooks per-gene Cook's distances of the first fit
     * @param cooksSummary their per-gene maxima (genes whose maximum is below the cutoff are not touched)
     * @param genewise the first fit's means and variances of the normalized counts
     * @param minReplicates DESeq2's minReplicatesForReplace (>= 3)
     * @param monitor cancellation
     * @return the replacement, or null if no sample is replaceable or m <= p
     */
    static Result replace(CountMatrix counts, double[] sizeFactors, DesignMatrix design, CooksDistance.Rows cooks,
            CooksDistance.Result cooksSummary, GenewiseDispersion.Result genewise, int minReplicates,
            ProgressMonitor monitor) {
        int n = counts.geneCount();
        int m = counts.sampleCount();
        int p = design.coefficientCount();
        if (m <= p) {
            return null;
        }
        double cutoff = CooksDistance.defaultCutoff(m, p);
        boolean[] replaceable = design.nOrMoreInCell(minReplicates);
        boolean any = false;
        for (boolean b : replaceable) {
            any |= b;
        }
        double[] y = counts.data();
        boolean[] replace = new boolean[n];
        boolean[] newAllZero = new boolean[n];
        double[] baseMean = new double[n];
        double[] baseVar = new double[n];
        List<Integer> refit = new ArrayList<>();
        List<double[]> refitRows = new ArrayList<>();
        double[] c = new double[m];
        double[] norm = new double[m];
        double[] scratch = new double[m];
        int replaced = 0;
        for (int g = 0; g < n; g++) {
            if ((g & 1023) == 0) {
                monitor.checkCanceled();
            }
            boolean flag = cooksSummary.maxAll()[g] > cutoff;
            replace[g] = flag;
            if (!flag) {
                baseMean[g] = genewise.baseMean(g);
                baseVar[g] = genewise.baseVar(g);
                continue;
            }
            double[] row = new double[m];
            System.arraycopy(y, g * m, row, 0, m);
            cooks.row(g, c);
            if (any) {
                for (int j = 0; j < m; j++) {
                    norm[j] = y[g * m + j] / sizeFactors[j];
                }
                System.arraycopy(norm, 0, scratch, 0, m);
                double trimBaseMean = RMath.trimmedMean(scratch, m, 0.2);
                for (int j = 0; j < m; j++) {
                    if (replaceable[j] && c[j] > cutoff) {
                        row[j] = (int) (trimBaseMean * sizeFactors[j]);
                        replaced++;
                    }
                }
            }
            double total = 0;
            for (int j = 0; j < m; j++) {
                norm[j] = row[j] / sizeFactors[j];
                total += row[j];
            }
            baseMean[g] = RMath.mean(norm, 0, m);
            baseVar[g] = GenewiseDispersion.rowVar(norm, m, baseMean[g], scratch);
            newAllZero[g] = total == 0;
            if (total != 0) {
                refit.add(Integer.valueOf(g));
                refitRows.add(row);
            }
        }
        int k = refit.size();
        int[] genes = new int[k];
        String[] ids = new String[k];
        double[] sub = new double[k * m];
        for (int i = 0; i < k; i++) {
            genes[i] = refit.get(i).intValue();
            ids[i] = counts.geneId(genes[i]);
            System.arraycopy(refitRows.get(i), 0, sub, i * m, m);
        }
        CountMatrix subCounts = k == 0 ? null
                : CountMatrix.wrap(ids, counts.sampleNames().toArray(new String[0]), sub);
        return new Result(replace, replaceable, genes, subCounts, newAllZero, baseMean, baseVar, cutoff, replaced);
    }
}
