package org.benchtop.core.qpcr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@code benchtop qpcr quantify} and the "qPCR Relative Quantification" node; component
 * names follow the CLI options ({@code --sample}, {@code --group}, {@code --target}, {@code --cq},
 * {@code --reference}, {@code --calibrator}, {@code --method}, {@code --efficiency}, {@code --mode},
 * {@code --well}, {@code --type}, {@code --quantity}, {@code --plate}, {@code --cq-cutoff},
 * {@code --sd-threshold}, {@code --exclude-outliers}).
 *
 * @param sampleColumn the sample column
 * @param groupColumn the group (condition) column
 * @param targetColumn the target (gene) column
 * @param cqColumn the Cq column
 * @param reference the reference gene(s); may be empty only for {@link Method#DCQ} (checked by
 *     {@link QpcrAnalysis#quantify})
 * @param calibrator the calibrator (control) group
 * @param method the quantification method
 * @param efficiency user-given amplification factors per target (E, 2 = 100 %); may be empty
 * @param mode separate tubes or same tube (ΔΔCq)
 * @param wellColumn the well id column, or {@code null}
 * @param typeColumn the sample-type column, or {@code null}
 * @param quantityColumn the standard-quantity column, or {@code null}
 * @param plateColumn the plate/run column, or {@code null}
 * @param cqCutoff the non-detect cut-off, cycles (default 40)
 * @param sdThreshold the technical-replicate SD flag threshold, cycles (default 0.5)
 * @param excludeOutliers whether to exclude one outlying replicate of high-SD sets
 */
public record QuantifySettings(String sampleColumn, String groupColumn, String targetColumn, String cqColumn,
        List<String> reference, String calibrator, Method method, Map<String, Double> efficiency,
        LivakDdcq.Mode mode, String wellColumn, String typeColumn, String quantityColumn, String plateColumn,
        double cqCutoff, double sdThreshold, boolean excludeOutliers) {

    /** The quantification method ({@code --method}). */
    public enum Method {
        /** Livak 2^-ΔΔCq ({@link LivakDdcq}). */
        DDCQ,
        /** ΔCq of each gene without a reference ({@link DeltaCq}). */
        DCQ,
        /** Pfaffl's efficiency-corrected ratio ({@link PfafflRatio}). */
        PFAFFL,
        /** qbase+ multi-reference NRQ ({@link QbaseNrq}). */
        NRQ;

        /**
         * @param text {@code ddcq}, {@code dcq}, {@code pfaffl} or {@code nrq} (case-insensitive)
         * @return the method
         * @throws QpcrException (BAD_INPUT) otherwise
         */
        public static Method parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw QpcrException.badInput("Unknown method '%s'; use ddcq, dcq, pfaffl or nrq", text);
            }
        }
    }

    /** Validates and copies. */
    public QuantifySettings {
        Objects.requireNonNull(sampleColumn, "sampleColumn");
        Objects.requireNonNull(targetColumn, "targetColumn");
        Objects.requireNonNull(cqColumn, "cqColumn");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mode, "mode");
        if (groupColumn == null) {
            throw QpcrException.badInput("Relative quantification needs a group column (--group)");
        }
        if (calibrator == null || calibrator.isBlank()) {
            throw QpcrException.badInput("Relative quantification needs a calibrator group (--calibrator)");
        }
        reference = reference == null ? List.of() : List.copyOf(reference);
        efficiency = efficiency == null ? Map.of() : Map.copyOf(efficiency);
        for (Map.Entry<String, Double> e : efficiency.entrySet()) {
            PfafflRatio.checkE(e.getKey(), e.getValue().doubleValue());
        }
    }

    /**
     * Default settings: ΔΔCq, separate tubes, cut-off 40, SD threshold 0.5, no outlier exclusion.
     *
     * @param sampleColumn the sample column
     * @param groupColumn the group column
     * @param targetColumn the target column
     * @param cqColumn the Cq column
     * @param reference the reference gene(s)
     * @param calibrator the calibrator group
     * @return the settings
     */
    public static QuantifySettings of(String sampleColumn, String groupColumn, String targetColumn, String cqColumn,
            List<String> reference, String calibrator) {
        return new QuantifySettings(sampleColumn, groupColumn, targetColumn, cqColumn, reference, calibrator,
                Method.DDCQ, Map.of(), LivakDdcq.Mode.SEPARATE_TUBES, null, null, null, null, Cq.DEFAULT_CUTOFF,
                TechnicalReplicates.DEFAULT_SD_THRESHOLD, false);
    }

    /**
     * @param m the method
     * @return a copy
     */
    public QuantifySettings withMethod(Method m) {
        return new QuantifySettings(sampleColumn, groupColumn, targetColumn, cqColumn, reference, calibrator, m,
                efficiency, mode, wellColumn, typeColumn, quantityColumn, plateColumn, cqCutoff, sdThreshold,
                excludeOutliers);
    }

    /**
     * @param m the ΔΔCq variant
     * @return a copy
     */
    public QuantifySettings withMode(LivakDdcq.Mode m) {
        return new QuantifySettings(sampleColumn, groupColumn, targetColumn, cqColumn, reference, calibrator, method,
                efficiency, m, wellColumn, typeColumn, quantityColumn, plateColumn, cqCutoff, sdThreshold,
                excludeOutliers);
    }

    /**
     * @param e amplification factors per target
     * @return a copy
     */
    public QuantifySettings withEfficiency(Map<String, Double> e) {
        return new QuantifySettings(sampleColumn, groupColumn, targetColumn, cqColumn, reference, calibrator, method,
                e, mode, wellColumn, typeColumn, quantityColumn, plateColumn, cqCutoff, sdThreshold, excludeOutliers);
    }

    /**
     * @param well the well column or {@code null}
     * @param type the sample-type column or {@code null}
     * @param quantity the quantity column or {@code null}
     * @param plate the plate column or {@code null}
     * @return a copy
     */
    public QuantifySettings withOptionalColumns(String well, String type, String quantity, String plate) {
        return new QuantifySettings(sampleColumn, groupColumn, targetColumn, cqColumn, reference, calibrator, method,
                efficiency, mode, well, type, quantity, plate, cqCutoff, sdThreshold, excludeOutliers);
    }

    /**
     * @param cutoff the non-detect cut-off in cycles
     * @param sd the replicate SD threshold in cycles
     * @param exclude whether to exclude outliers
     * @return a copy
     */
    public QuantifySettings withReplicateHandling(double cutoff, double sd, boolean exclude) {
        return new QuantifySettings(sampleColumn, groupColumn, targetColumn, cqColumn, reference, calibrator, method,
                efficiency, mode, wellColumn, typeColumn, quantityColumn, plateColumn, cutoff, sd, exclude);
    }

    /**
     * Parses {@code --mode}.
     *
     * @param text {@code separate-tubes} or {@code same-tube}
     * @return the mode
     * @throws QpcrException (BAD_INPUT) otherwise
     */
    public static LivakDdcq.Mode parseMode(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("separate-tubes") || t.equals("separate-tube")) {
            return LivakDdcq.Mode.SEPARATE_TUBES;
        }
        if (t.equals("same-tube") || t.equals("same-tubes")) {
            return LivakDdcq.Mode.SAME_TUBE;
        }
        throw QpcrException.badInput("Unknown mode '%s'; use separate-tubes or same-tube", text);
    }

    /**
     * Parses {@code --efficiency TARGET=E,...}. A value up to 2.5 is an amplification factor (2 =
     * 100 %); a larger value is read as a percentage (95 means E = 1.95).
     *
     * @param spec e.g. {@code CDKN1A=1.95,GAPDH=98.5}; {@code null} or blank gives an empty map
     * @return amplification factor per target, in the order given
     * @throws QpcrException (BAD_INPUT) for a malformed entry
     */
    public static Map<String, Double> parseEfficiencies(String spec) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return m;
        }
        for (String part : spec.split(",")) {
            int eq = part.lastIndexOf('=');
            if (eq <= 0) {
                throw QpcrException.badInput("Efficiency entry '%s' is not TARGET=E (e.g. GAPDH=1.97 or GAPDH=97)",
                        part.trim());
            }
            String t = part.substring(0, eq).trim();
            double v;
            try {
                v = Double.parseDouble(part.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw QpcrException.badInput("Efficiency of '%s' is '%s', not a number", t, part.substring(eq + 1));
            }
            double e = v > 2.5 ? 1 + v / 100 : v;
            PfafflRatio.checkE(t, e);
            m.put(t, Double.valueOf(e));
        }
        return m;
    }
}
