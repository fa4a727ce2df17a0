package org.benchtop.core.qpcr;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Table;

/**
 * Run records of the qPCR analyses, so that the command line ({@code benchtop qpcr ...}) and the
 * KNIME nodes record the same parameters under the same names: the CLI option names without the
 * leading dashes, {@code -} written {@code _} ({@code --cq-cutoff} is {@code cq_cutoff}). An unset
 * optional column is recorded as the empty string.
 */
public final class QpcrRuns {

    /** Analysis id of relative quantification ({@code benchtop qpcr quantify}). */
    public static final String QUANTIFY = "qpcr.quantify";
    /** Analysis id of standard curves ({@code benchtop qpcr standard-curve}). */
    public static final String STANDARD_CURVE = "qpcr.standard_curve";
    /** Analysis id of geNorm ({@code benchtop qpcr genorm}). */
    public static final String GENORM = "qpcr.genorm";
    /** Analysis id of RDML import ({@code benchtop qpcr read-rdml}). */
    public static final String READ_RDML = "qpcr.read_rdml";

    private QpcrRuns() {
    }

    /**
     * Starts the run record of {@link QpcrAnalysis#quantify}.
     *
     * @param input the input table (its digest is recorded as input {@code wells})
     * @param s the settings
     * @return a started builder; add warnings and call {@code finish().build()}
     */
    public static RunRecord.Builder quantify(Table input, QuantifySettings s) {
        return RunRecord.builder(QUANTIFY).start()
                .parameter("sample", s.sampleColumn())
                .parameter("group", s.groupColumn())
                .parameter("target", s.targetColumn())
                .parameter("cq", s.cqColumn())
                .parameter("reference", String.join(",", s.reference()))
                .parameter("calibrator", s.calibrator())
                .parameter("method", s.method().name().toLowerCase(Locale.ROOT))
                .parameter("efficiency", efficiencies(s.efficiency()))
                .parameter("mode", mode(s.mode()))
                .parameter("well", orEmpty(s.wellColumn()))
                .parameter("type", orEmpty(s.typeColumn()))
                .parameter("quantity", orEmpty(s.quantityColumn()))
                .parameter("plate", orEmpty(s.plateColumn()))
                .parameter("cq_cutoff", s.cqCutoff())
                .parameter("sd_threshold", s.sdThreshold())
                .parameter("exclude_outliers", s.excludeOutliers())
                .input("wells", input);
    }

    /**
     * Starts the run record of {@link QpcrAnalysis#standardCurve}.
     *
     * @param input the input table (recorded as input {@code wells})
     * @param s the settings
     * @return a started builder
     */
    public static RunRecord.Builder standardCurve(Table input, StandardCurveSettings s) {
        return RunRecord.builder(STANDARD_CURVE).start()
                .parameter("sample", s.sampleColumn())
                .parameter("target", s.targetColumn())
                .parameter("cq", s.cqColumn())
                .parameter("quantity", s.quantityColumn())
                .parameter("type", orEmpty(s.typeColumn()))
                .parameter("well", orEmpty(s.wellColumn()))
                .parameter("cq_cutoff", s.cqCutoff())
                .input("wells", input);
    }

    /**
     * Starts the run record of {@link QpcrAnalysis#genorm}.
     *
     * @param input the input table (recorded as input {@code wells})
     * @param s the settings
     * @return a started builder
     */
    public static RunRecord.Builder genorm(Table input, GenormSettings s) {
        return RunRecord.builder(GENORM).start()
                .parameter("sample", s.sampleColumn())
                .parameter("target", s.targetColumn())
                .parameter("cq", orEmpty(s.cqColumn()))
                .parameter("quantity", orEmpty(s.quantityColumn()))
                .parameter("group", orEmpty(s.groupColumn()))
                .parameter("efficiency", efficiencies(s.efficiency()))
                .parameter("cq_cutoff", s.cqCutoff())
                .input("wells", input);
    }

    /**
     * Starts the run record of an RDML import. The file is identified by its name (parameter
     * {@code input}, without folders, so that the same file gives the same record wherever it
     * lies) and the SHA-256 of its bytes (parameter {@code input_sha256}); the table read from it
     * is recorded as input {@code rdml}.
     *
     * @param fileName the RDML file's name, e.g. {@code run1.rdml}
     * @param fileBytes the file's content
     * @param wells the table read from it ({@link QpcrAnalysis#rdmlTable})
     * @return a started builder
     */
    public static RunRecord.Builder readRdml(String fileName, byte[] fileBytes, Table wells) {
        return RunRecord.builder(READ_RDML).start()
                .parameter("input", fileName)
                .parameter("input_sha256", sha256(fileBytes))
                .input("rdml", wells);
    }

    /**
     * @param m the ΔΔCq variant
     * @return its CLI spelling: {@code separate-tubes} or {@code same-tube}
     */
    public static String mode(LivakDdcq.Mode m) {
        return m == LivakDdcq.Mode.SAME_TUBE ? "same-tube" : "separate-tubes";
    }

    /**
     * @param e amplification factors per target
     * @return {@code TARGET=E,...} sorted by target (the empty string for none), readable by
     *     {@link QuantifySettings#parseEfficiencies}
     */
    public static String efficiencies(Map<String, Double> e) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> x : new TreeMap<>(e).entrySet()) {
            parts.add(x.getKey() + "=" + x.getValue());
        }
        return String.join(",", parts);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder b = new StringBuilder(64);
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
