package org.benchtop.core.rnaseq;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable matrix of RNA-seq read counts: one row per gene, one column per sample, stored as
 * one flat row-major {@code double[]} ({@code counts[g * sampleCount + s]}), so that memory is
 * linear in genes x samples and the engines read it without copying.
 *
 * <p>Counts must be finite, non-negative whole numbers (as DESeq2's {@code DESeqDataSetFromMatrix}
 * requires); gene identifiers and sample names must be non-empty and unique.
 */
public final class CountMatrix {

    private final String[] geneIds;
    private final String[] sampleNames;
    private final double[] counts;

    private CountMatrix(String[] geneIds, String[] sampleNames, double[] counts) {
        this.geneIds = geneIds;
        this.sampleNames = sampleNames;
        this.counts = counts;
    }

    /**
     * Validates and wraps a count matrix. The arrays are copied, so later changes by the caller
     * do not reach the matrix.
     *
     * @param geneIds one identifier per row, unique, non-empty
     * @param sampleNames one name per column, unique, non-empty
     * @param counts row-major counts, length {@code geneIds.length * sampleNames.length}
     * @return the matrix
     * @throws RnaseqException (BAD_INPUT) naming the gene and sample of the first negative,
     *         non-integer or missing count, or the duplicated identifier
     */
    public static CountMatrix of(String[] geneIds, String[] sampleNames, double[] counts) {
        return wrap(geneIds.clone(), sampleNames.clone(), counts.clone());
    }

    /** As {@link #of} but takes ownership of the arrays (no copy); for the table adapters. */
    static CountMatrix wrap(String[] geneIds, String[] sampleNames, double[] counts) {
        int n = geneIds.length;
        int m = sampleNames.length;
        if (m == 0) {
            throw RnaseqException.badInput("The count matrix has no sample columns; give one column of counts per sample.");
        }
        if (n == 0) {
            throw RnaseqException.badInput("The count matrix has no genes (rows); nothing to analyse.");
        }
        if ((long) n * m != counts.length) {
            throw RnaseqException.badInput("The count matrix has %d values, but %d genes x %d samples need %d.",
                    Integer.valueOf(counts.length), Integer.valueOf(n), Integer.valueOf(m),
                    Long.valueOf((long) n * m));
        }
        checkUnique(geneIds, "gene identifier", "row");
        checkUnique(sampleNames, "sample name", "column");
        for (int g = 0; g < n; g++) {
            for (int s = 0; s < m; s++) {
                double v = counts[g * m + s];
                if (Double.isNaN(v)) {
                    throw RnaseqException.badInput(
                            "Missing count for gene '%s' in sample '%s'. DESeq2 needs a count in every cell; "
                                    + "use 0 if no reads were observed.", geneIds[g], sampleNames[s]);
                }
                if (v < 0 || Double.isInfinite(v)) {
                    throw RnaseqException.badInput(
                            "Count %s for gene '%s' in sample '%s' is negative or infinite. Counts must be "
                                    + "non-negative whole numbers (raw read counts, not normalized values).",
                            fmt(v), geneIds[g], sampleNames[s]);
                }
                if (v != Math.rint(v)) {
                    throw RnaseqException.badInput(
                            "Count %s for gene '%s' in sample '%s' is not a whole number. DESeq2 models raw "
                                    + "read counts: give un-normalized integer counts (round estimated counts, "
                                    + "e.g. from salmon/kallisto, as tximport does).",
                            fmt(v), geneIds[g], sampleNames[s]);
                }
            }
        }
        return new CountMatrix(geneIds, sampleNames, counts);
    }

    private static String fmt(double v) {
        return Double.toString(v);
    }

    private static void checkUnique(String[] names, String what, String where) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String s = names[i];
            if (s == null || s.isEmpty()) {
                throw RnaseqException.badInput("The %s in %s %d is empty; every %s must have one.", what, where,
                        Integer.valueOf(i + 1), where);
            }
            Integer prev = seen.put(s, Integer.valueOf(i));
            if (prev != null) {
                throw RnaseqException.badInput("The %s '%s' occurs twice (%ss %d and %d); %ss must be unique.", what,
                        s, where, Integer.valueOf(prev.intValue() + 1), Integer.valueOf(i + 1), what);
            }
        }
    }

    /** @return the number of genes (rows) */
    public int geneCount() {
        return geneIds.length;
    }

    /** @return the number of samples (columns) */
    public int sampleCount() {
        return sampleNames.length;
    }

    /** @return the gene identifiers, in row order (an unmodifiable view) */
    public List<String> geneIds() {
        return List.of(geneIds);
    }

    /** @return the sample names, in column order (an unmodifiable view) */
    public List<String> sampleNames() {
        return List.of(sampleNames);
    }

    /**
     * @param gene row index
     * @return that gene's identifier
     */
    public String geneId(int gene) {
        return geneIds[gene];
    }

    /**
     * @param sample column index
     * @return that sample's name
     */
    public String sampleName(int sample) {
        return sampleNames[sample];
    }

    /**
     * @param gene row index
     * @param sample column index
     * @return the count
     */
    public double get(int gene, int sample) {
        return counts[gene * sampleNames.length + sample];
    }

    /** @return a copy of the row-major counts */
    public double[] toArray() {
        return counts.clone();
    }

    /** The row-major counts without copying; callers must not modify it. */
    double[] data() {
        return counts;
    }

    /**
     * Reorders the columns to the given sample order (for matching a sample sheet).
     *
     * @param order the sample names in the wanted order; each must be a column of this matrix
     * @return a matrix with those columns (this one if the order is unchanged)
     */
    public CountMatrix withSampleOrder(List<String> order) {
        int m = sampleNames.length;
        if (order.size() == m) {
            boolean same = true;
            for (int s = 0; s < m; s++) {
                if (!order.get(s).equals(sampleNames[s])) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return this;
            }
        }
        Map<String, Integer> pos = new HashMap<>();
        for (int s = 0; s < m; s++) {
            pos.put(sampleNames[s], Integer.valueOf(s));
        }
        int k = order.size();
        int[] src = new int[k];
        for (int j = 0; j < k; j++) {
            Integer p = pos.get(order.get(j));
            if (p == null) {
                throw RnaseqException.badInput("Sample '%s' is not a column of the count matrix; its columns are: %s.",
                        order.get(j), String.join(", ", sampleNames));
            }
            src[j] = p.intValue();
        }
        int n = geneIds.length;
        double[] c = new double[n * k];
        for (int g = 0; g < n; g++) {
            for (int j = 0; j < k; j++) {
                c[g * k + j] = counts[g * m + src[j]];
            }
        }
        return new CountMatrix(geneIds, order.toArray(new String[0]), c);
    }

    @Override
    public String toString() {
        return "CountMatrix[" + geneIds.length + " genes x " + sampleNames.length + " samples: "
                + Arrays.toString(sampleNames) + "]";
    }
}
