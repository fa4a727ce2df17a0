package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Settings of {@link DeseqAnalysis}; the component names are those of the command-line options
 * of {@code benchtop rnaseq deseq} and of the KNIME node dialog.
 *
 * @param design the design formula, e.g. {@code ~ batch + condition}
 * @param contrast {@code factor,numerator,denominator} (e.g. {@code condition,treated,control}),
 *        a coefficient name, or numeric weights {@code 0,1,-1}
 * @param reduced reduced formula for a likelihood-ratio test (e.g. {@code ~ batch}), or null
 * @param alpha FDR level for independent filtering (DESeq2 default 0.1)
 * @param shrink {@code none} or {@code normal} (DESeq2 lfcShrink type normal)
 * @param threads worker threads (results do not depend on it)
 * @param sizeFactors {@code ratio} (default) or {@code poscounts}
 * @param fitType {@code parametric} (default; DESeq2 substitutes {@code local} when it fails),
 *        {@code local} or {@code mean} (DESeq2's {@code fitType})
 * @param geneColumn gene id column of the count table (null: the first column)
 * @param sampleColumn sample name column of the sample sheet (null: the first column)
 * @param countSampleColumn for a long count table: its sample column (null: wide table)
 * @param countColumn for a long count table: its count column (null: wide table)
 * @param factors sample sheet columns to treat as factors although numeric
 * @param minReplicatesForReplace DESeq2's outlier replacement threshold (7; 0 = off)
 * @param independentFiltering DESeq2's independent filtering (default true)
 * @param cooksCutoff DESeq2's Cook's distance filter of p-values (default true)
 * @param references reference levels as {@code factor=level} (R's relevel); the denominator of a
 *        {@code factor,numerator,denominator} contrast is made the reference of its factor unless
 *        given here; other factors default to their first level in sorted order
 */
public record DeseqSettings(String design, String contrast, String reduced, double alpha, String shrink, int threads,
        String sizeFactors, String fitType, String geneColumn, String sampleColumn, String countSampleColumn,
        String countColumn, List<String> factors, int minReplicatesForReplace, boolean independentFiltering,
        boolean cooksCutoff, List<String> references) {

    /** Validates and copies. */
    public DeseqSettings {
        factors = factors == null ? List.of() : List.copyOf(factors);
        references = references == null ? List.of() : List.copyOf(references);
        for (String r : references) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw RnaseqException.badInput("Cannot read reference level '%s'; write factor=level, e.g. type=paired-end.",
                        r);
            }
        }
        if (design == null || design.isBlank()) {
            throw RnaseqException.badInput("No design given; write one such as '~ condition'.");
        }
        if (contrast == null || contrast.isBlank()) {
            throw RnaseqException.badInput(
                    "No contrast given; write factor,numerator,denominator such as 'condition,treated,control'.");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw RnaseqException.badInput("alpha must be between 0 and 1, not %s.", Double.toString(alpha));
        }
        shrink = shrink == null ? "none" : shrink.toLowerCase(Locale.ROOT);
        if (!shrink.equals("none") && !shrink.equals("normal")) {
            throw RnaseqException.badInput("Unknown shrinkage '%s'; use none or normal.", shrink);
        }
        if (threads < 1) {
            throw RnaseqException.badInput("threads must be at least 1, not %d.", Integer.valueOf(threads));
        }
        sizeFactors = sizeFactors == null ? "ratio" : sizeFactors.toLowerCase(Locale.ROOT);
        if (!sizeFactors.equals("ratio") && !sizeFactors.equals("poscounts")) {
            throw RnaseqException.badInput("Unknown size factor method '%s'; use ratio or poscounts.", sizeFactors);
        }
        fitType = fitType == null ? "parametric" : fitType.toLowerCase(Locale.ROOT);
        if (!fitType.equals("parametric") && !fitType.equals("local") && !fitType.equals("mean")) {
            throw RnaseqException.badInput("Unknown fit type '%s'; use parametric, local or mean.", fitType);
        }
        if ((countColumn == null) != (countSampleColumn == null)) {
            throw RnaseqException.badInput(
                    "A long count table needs both its sample column and its count column; give both or neither.");
        }
        if (minReplicatesForReplace != 0 && minReplicatesForReplace < 3) {
            throw RnaseqException.badInput("minReplicatesForReplace must be 0 (off) or at least 3, not %d.",
                    Integer.valueOf(minReplicatesForReplace));
        }
    }

    /**
     * DESeq2's defaults for a design and contrast.
     *
     * @param design the design formula
     * @param contrast the contrast
     * @return the settings
     */
    public static DeseqSettings of(String design, String contrast) {
        return new DeseqSettings(design, contrast, null, 0.1, "none", 1, "ratio", "parametric", null, null, null, null,
                List.of(), 7, true, true, List.of());
    }

    /**
     * Parses the contrast text.
     *
     * @return the contrast
     */
    public Contrast parsedContrast() {
        String[] parts = contrast.split(",");
        List<String> p = new ArrayList<>();
        for (String s : parts) {
            p.add(s.trim());
        }
        boolean numeric = true;
        double[] w = new double[p.size()];
        for (int i = 0; i < w.length; i++) {
            try {
                w[i] = Double.parseDouble(p.get(i));
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        if (numeric) {
            return new Contrast.Numeric(w);
        }
        if (p.size() == 3) {
            return Contrast.of(p.get(0), p.get(1), p.get(2));
        }
        if (p.size() == 1) {
            return new Contrast.Coefficient(p.get(0));
        }
        throw RnaseqException.badInput(
                "Cannot read the contrast '%s'; write factor,numerator,denominator (condition,treated,control), a "
                        + "coefficient name, or one numeric weight per coefficient.", contrast);
    }
}
