package org.benchtop.knime.rnaseq;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.table.ColumnType;
import org.benchtop.knime.util.KnimeTables;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/**
 * The output table specs of the RNA-seq nodes, known before execution: the columns the engine facades
 * {@code org.benchtop.core.rnaseq.DeseqAnalysis} and {@code TmmAnalysis} write, and the checks of a wide count
 * table's spec that the engine's {@code RnaseqTableAdapter.wideCounts} makes on the data.
 */
public final class RnaseqSpecs {

    /** The gene id column of every gene-by-sample output (normalized counts, CPM, logCPM) and of the DE results. */
    public static final String GENE_ID = "gene_id";

    private static final ColumnType S = ColumnType.STRING;
    private static final ColumnType D = ColumnType.DOUBLE;

    /** DESeq2 results: one row per gene. */
    public static final DataTableSpec DESEQ_RESULTS = KnimeTables.spec(
            List.of(GENE_ID, "baseMean", "log2FoldChange", "lfcSE", "stat", "pvalue", "padj", "dispersion"),
            List.of(S, D, D, D, D, D, D, D));

    /** DESeq2 size factors: one row per sample. */
    public static final DataTableSpec SIZE_FACTORS = KnimeTables.spec(List.of("sample", "size_factor"), List.of(S, D));

    /** edgeR normalization factors: one row per sample. */
    public static final DataTableSpec NORM_FACTORS = KnimeTables.spec(
            List.of("sample", "lib_size", "norm_factor", "effective_lib_size"), List.of(S, D, D, D));

    private RnaseqSpecs() {
    }

    /**
     * @param counts the spec of a count table
     * @param geneColumn the gene id column, or {@code null} for the first column
     * @return the gene id column's name
     * @throws InvalidSettingsException if the table has no columns or lacks the column
     */
    public static String geneColumn(DataTableSpec counts, String geneColumn) throws InvalidSettingsException {
        String gene = geneColumn != null ? geneColumn : counts.getNumColumns() > 0 ? counts.getColumnSpec(0).getName() : null;
        if (gene == null) {
            throw new InvalidSettingsException("The count table has no columns.");
        }
        if (!counts.containsName(gene)) {
            throw new InvalidSettingsException("The gene id column '" + gene
                    + "' is not in the count table; choose another column in the node's settings.");
        }
        return gene;
    }

    /**
     * The spec of a gene-by-sample output of a wide count table: {@code gene_id}, then one double column per sample
     * column, in input order.
     *
     * @param counts the spec of a wide count table (a gene id column, then one count column per sample)
     * @param geneColumn the gene id column, or {@code null} for the first column
     * @return the spec
     * @throws InvalidSettingsException naming a column that is not numeric, and how to fix it
     */
    public static DataTableSpec geneBySample(DataTableSpec counts, String geneColumn) throws InvalidSettingsException {
        String gene = geneColumn(counts, geneColumn);
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        names.add(GENE_ID);
        types.add(S);
        for (DataColumnSpec c : counts) {
            if (c.getName().equals(gene)) {
                continue;
            }
            ColumnType t = KnimeTables.coreType(c);
            if (t != ColumnType.INT && t != ColumnType.LONG && t != ColumnType.DOUBLE) {
                throw new InvalidSettingsException("Column '" + c.getName() + "' of the count table is not numeric ("
                        + c.getType() + "); in a wide count table every column except the gene id column '" + gene
                        + "' holds the counts of one sample. Remove it (Column Filter node) or choose it as gene id column.");
            }
            if (c.getName().equals(GENE_ID)) {
                throw new InvalidSettingsException("The count table has a sample column named '" + GENE_ID
                        + "', the name of the gene id column of the output; rename it (Column Rename node).");
            }
            names.add(c.getName());
            types.add(D);
        }
        if (names.size() < 2) {
            throw new InvalidSettingsException("The count table has no sample column: a wide count table needs the gene id "
                    + "column '" + gene + "' and one count column per sample.");
        }
        return KnimeTables.spec(names, types);
    }
}
