package org.benchtop.core.notebook;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of result table a notebook entry summarizes, recognized by the analysis id of the run
 * record that produced a table or, for tables without one, by their columns.
 */
public enum ResultKind {

    /** Per-plate QC ({@code plates.qc}): columns {@code z_prime}, {@code robust_z_prime}, {@code pass}. */
    PLATE_QC("Plate quality control", List.of("plates.qc"), List.of("z_prime", "pass")),
    /** Normalized wells ({@code plates.normalize}). */
    PLATE_NORMALIZATION("Plate normalization", List.of("plates.normalize"), List.of()),
    /** Dose-response fits ({@code dose_response.fit}): {@code ec50}, {@code ec50_lower}, {@code ec50_upper}. */
    DOSE_RESPONSE("Dose response", List.of("dose_response.fit"), List.of("ec50", "ec50_lower", "ec50_upper")),
    /** qPCR relative quantities ({@code qpcr.quantify}): {@code relative_expression}, {@code lower}, {@code upper}. */
    QPCR("qPCR relative quantification", List.of("qpcr.quantify"),
            List.of("relative_expression", "lower", "upper", "target")),
    /** Differential expression ({@code rnaseq.deseq}): {@code gene_id}, {@code log2FoldChange}, {@code padj}. */
    RNASEQ("RNA-seq differential expression", List.of("rnaseq.deseq"), List.of("gene_id", "log2FoldChange", "padj")),
    /** Anything else. */
    OTHER("Other results", List.of(), List.of());

    private final String label;
    private final List<String> analyses;
    private final List<String> columns;

    ResultKind(String label, List<String> analyses, List<String> columns) {
        this.label = label;
        this.analyses = analyses;
        this.columns = columns;
    }

    /** @return a heading for people, e.g. "Dose response" */
    public String label() {
        return label;
    }

    /**
     * @return the columns that identify a table of this kind without a run record (empty for kinds
     *         recognized only by their analysis id)
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * @param analysisId a run record's analysis id, e.g. {@code dose_response.fit}
     * @return its kind; {@link #OTHER} if unknown
     */
    public static ResultKind ofAnalysis(String analysisId) {
        for (ResultKind k : values()) {
            if (k.analyses.contains(analysisId)) {
                return k;
            }
        }
        return OTHER;
    }

    /**
     * @param columnNames a table's column names
     * @return the kind whose identifying columns it has (qPCR, dose response and RNA-seq before plate
     *         QC); {@link #OTHER} if none
     */
    public static ResultKind ofColumns(Collection<String> columnNames) {
        for (ResultKind k : List.of(RNASEQ, DOSE_RESPONSE, QPCR, PLATE_QC)) {
            if (columnNames.containsAll(k.columns)) {
                return k;
            }
        }
        return OTHER;
    }

    /**
     * The kind of a table: by the analysis that produced it when that is known and recognized, else
     * by its columns.
     *
     * @param analysisId the producing run's analysis id, or {@code null}
     * @param columnNames the table's column names
     * @return the kind
     */
    public static ResultKind of(String analysisId, Collection<String> columnNames) {
        ResultKind byRun = analysisId == null ? OTHER : ofAnalysis(analysisId);
        // a plate normalization run may also have written a QC table (plates normalize --qc)
        if (byRun == OTHER || byRun == PLATE_NORMALIZATION && columnNames.containsAll(PLATE_QC.columns)) {
            return ofColumns(columnNames);
        }
        return byRun;
    }

    /** @return the name in lower case, e.g. {@code dose_response}, for file names */
    public String fileStem() {
        return name().toLowerCase(Locale.ROOT);
    }
}
