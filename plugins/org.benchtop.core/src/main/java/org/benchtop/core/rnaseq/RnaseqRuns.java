package org.benchtop.core.rnaseq;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Table;

/**
 * Run records of the RNA-seq analyses, so that the command line ({@code benchtop rnaseq ...})
 * and the KNIME nodes record the same parameters under the same names: the CLI option names
 * without the leading dashes, {@code -} written {@code _}. Unset optional values are recorded as
 * the empty string.
 */
public final class RnaseqRuns {

    /** Analysis id of {@code benchtop rnaseq deseq}. */
    public static final String DESEQ = "rnaseq.deseq";
    /** Analysis id of {@code benchtop rnaseq tmm}. */
    public static final String TMM = "rnaseq.tmm";

    private RnaseqRuns() {
    }

    /**
     * @param counts the count table
     * @param samples the sample sheet
     * @param s the settings
     * @return a started builder; add warnings and call {@code finish().build()}
     */
    public static RunRecord.Builder deseq(Table counts, Table samples, DeseqSettings s) {
        return RunRecord.builder(DESEQ).start()
                .parameter("design", s.design())
                .parameter("contrast", s.contrast())
                .parameter("reduced", orEmpty(s.reduced()))
                .parameter("alpha", s.alpha())
                .parameter("shrink", s.shrink())
                .parameter("threads", s.threads())
                .parameter("size_factors", s.sizeFactors())
                .parameter("fit_type", s.fitType())
                .parameter("gene_column", orEmpty(s.geneColumn()))
                .parameter("sample_column", orEmpty(s.sampleColumn()))
                .parameter("count_sample_column", orEmpty(s.countSampleColumn()))
                .parameter("count_column", orEmpty(s.countColumn()))
                .parameter("factors", String.join(",", s.factors()))
                .parameter("min_replicates_for_replace", s.minReplicatesForReplace())
                .parameter("independent_filtering", s.independentFiltering())
                .parameter("cooks_cutoff", s.cooksCutoff())
                .parameter("references", String.join(",", s.references()))
                .parameter("deseq2_version_reproduced", "1.38.3")
                .input("counts", counts)
                .input("samples", samples);
    }

    /**
     * @param counts the count table
     * @param s the settings
     * @return a started builder
     */
    public static RunRecord.Builder tmm(Table counts, TmmSettings s) {
        return RunRecord.builder(TMM).start()
                .parameter("method", s.method())
                .parameter("gene_column", orEmpty(s.geneColumn()))
                .parameter("prior_count", s.priorCount())
                .parameter("edger_version_reproduced", "3.40.2")
                .input("counts", counts);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
