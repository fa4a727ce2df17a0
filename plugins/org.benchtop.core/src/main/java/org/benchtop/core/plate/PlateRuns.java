package org.benchtop.core.plate;

import java.util.stream.Collectors;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Table;

/**
 * Run records of the plate analyses, so that the command line and the KNIME nodes record the same
 * parameters under the same names (the CLI option names).
 */
public final class PlateRuns {

    /** Analysis id of plate normalization. */
    public static final String NORMALIZE = "plates.normalize";
    /** Analysis id of plate QC. */
    public static final String QC = "plates.qc";

    private PlateRuns() {
    }

    /**
     * Starts a run record with every setting as a parameter and the input's digest.
     *
     * @param analysis {@link #NORMALIZE} or {@link #QC}
     * @param input the input table
     * @param s the settings
     * @return a started builder; add warnings and call {@code finish().build()}
     */
    public static RunRecord.Builder start(String analysis, Table input, PlateSettings s) {
        RunRecord.Builder b = RunRecord.builder(analysis).start()
                .parameter("plate", String.join(",", s.plateColumns()))
                .parameter("well", s.wellColumn())
                .parameter("value", s.valueColumn())
                .parameter("content", s.contentColumn())
                .parameter("negative", s.negativeLabel())
                .parameter("positive", s.positiveLabel())
                .parameter("sample", s.sampleLabel())
                .parameter("exclude", s.excludeColumn() == null ? "" : s.excludeColumn())
                .parameter("format", s.format() == null ? "auto" : Integer.toString(s.format().wells()));
        if (NORMALIZE.equals(analysis)) {
            b.parameter("methods", s.methods().stream().map(NormalizationMethod::columnName).collect(Collectors.joining(",")));
        } else {
            b.parameter("z_prime_threshold", s.zPrimeThreshold());
        }
        return b.input("input", input);
    }
}
