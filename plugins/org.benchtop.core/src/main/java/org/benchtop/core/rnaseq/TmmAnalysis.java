package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;

/**
 * Table-level facade of {@link TmmNormalization} ({@code benchtop rnaseq tmm}, KNIME node "TMM
 * Normalization"): edgeR's normalization factors and the CPM / logCPM values computed from them.
 */
public final class TmmAnalysis {

    private TmmAnalysis() {
    }

    /**
     * @param factors {@code sample, lib_size, norm_factor, effective_lib_size}
     * @param cpm {@code gene_id} and one CPM column per sample
     * @param logCpm {@code gene_id} and one log2-CPM column per sample
     * @param warnings notes for the user
     */
    public record Output(Table factors, Table cpm, Table logCpm, List<String> warnings) {
        /** Defensive copy. */
        public Output {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param counts a wide count table (gene column, then one column per sample)
     * @param s settings
     * @param monitor progress ({@code null} for none)
     * @return factors and CPM tables
     */
    public static Output run(Table counts, TmmSettings s, ProgressMonitor monitor) {
        ProgressMonitor m = monitor == null ? ProgressMonitor.NONE : monitor;
        CountMatrix c = RnaseqTableAdapter.wideCounts(counts, s.geneColumn());
        m.setProgress(0.2, "normalization factors");
        TmmNormalization.Result r = TmmNormalization.withDefaults().withMethod(s.engineMethod()).estimate(c);
        Table factors = Table.of("normalization factors", List.of(
                Column.ofStrings("sample", c.sampleNames().toArray(new String[0])),
                Column.ofDoubles("lib_size", r.libSizes()),
                Column.ofDoubles("norm_factor", r.normFactors()),
                Column.ofDoubles("effective_lib_size", r.effectiveLibSizes())));
        m.setProgress(0.6, "CPM");
        Table cpm = matrixTable("CPM", c, r.cpm(c));
        Table logCpm = matrixTable("logCPM", c, r.logCpm(c, s.priorCount()));
        m.setProgress(1, "done");
        return new Output(factors, cpm, logCpm, r.warnings());
    }

    static Table matrixTable(String source, CountMatrix c, double[] values) {
        return matrixTable(source, c, i -> values[i]);
    }

    /**
     * A gene-by-sample table (gene_id, then one column per sample), built a column at a time so that
     * no second gene-by-sample array is needed.
     *
     * @param valueAt the value of gene g in sample j, by its index g * sampleCount + j in the count matrix
     */
    static Table matrixTable(String source, CountMatrix c, IntToDoubleFunction valueAt) {
        int n = c.geneCount();
        int m = c.sampleCount();
        List<Column> cols = new ArrayList<>();
        cols.add(Column.ofStrings("gene_id", c.geneIds().toArray(new String[0])));
        double[] v = new double[n];
        for (int j = 0; j < m; j++) {
            for (int g = 0; g < n; g++) {
                v[g] = valueAt.applyAsDouble(g * m + j);
            }
            cols.add(Column.ofDoubles(c.sampleName(j), v)); // copies v
        }
        return Table.of(source, cols);
    }
}
