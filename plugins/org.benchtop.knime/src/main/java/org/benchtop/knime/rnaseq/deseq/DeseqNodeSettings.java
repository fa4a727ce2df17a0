package org.benchtop.knime.rnaseq.deseq;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.rnaseq.DeseqSettings;
import org.benchtop.knime.util.BenchtopSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the DESeq2 Differential Expression node: the options of {@code benchtop rnaseq deseq}
 * except the file options. Config keys are released: never change them.
 */
final class DeseqNodeSettings extends BenchtopSettings {

    /** Config key: the gene id column of the count table ({@code --gene-column}); empty = the first column. */
    static final String CFG_GENE_ID_COLUMN = "gene_id_column";
    /** Config key: long count table only, its sample column ({@code --count-sample-column}); empty = wide table. */
    static final String CFG_COUNT_SAMPLE_COLUMN = "count_sample_column";
    /** Config key: long count table only, its count column ({@code --count-column}); empty = wide table. */
    static final String CFG_COUNT_COLUMN = "count_column";
    /** Config key: the sample name column of the sample sheet ({@code --sample-column}); empty = the first column. */
    static final String CFG_SAMPLE_COLUMN = "sample_column";
    /** Config key: the design formula, e.g. {@code ~ batch + condition} ({@code --design}). */
    static final String CFG_DESIGN = "design";
    /** Config key: the contrast, e.g. {@code condition,treated,control} ({@code --contrast}). */
    static final String CFG_CONTRAST = "contrast";
    /** Config key: the reduced design of a likelihood-ratio test; empty = Wald test ({@code --reduced}). */
    static final String CFG_REDUCED_DESIGN = "reduced_design";
    /** Config key: the FDR level of the independent filtering ({@code --alpha}). */
    static final String CFG_ALPHA = "alpha";
    /** Config key: LFC shrinkage, {@code none} or {@code normal} ({@code --shrink}). */
    static final String CFG_SHRINK = "shrink";
    /** Config key: size factor method, {@code ratio} or {@code poscounts} ({@code --size-factors}). */
    static final String CFG_SIZE_FACTORS = "size_factors";
    /** Config key: dispersion trend, {@code parametric}, {@code local} or {@code mean} ({@code --fit-type}). */
    static final String CFG_FIT_TYPE = "fit_type";
    /** Config key: sample sheet columns read as factors although numeric, comma-separated ({@code --factors}). */
    static final String CFG_FACTORS = "factors";
    /** Config key: reference levels {@code factor=level}, comma-separated ({@code --reference}). */
    static final String CFG_REFERENCES = "references";
    /** Config key: Cook's outlier replacement threshold, 0 = off ({@code --min-replicates-for-replace}). */
    static final String CFG_MIN_REPLICATES_FOR_REPLACE = "min_replicates_for_replace";
    /** Config key: independent filtering ({@code --no-independent-filtering} when false). */
    static final String CFG_INDEPENDENT_FILTERING = "independent_filtering";
    /** Config key: Cook's distance p-value filter ({@code --no-cooks-cutoff} when false). */
    static final String CFG_COOKS_CUTOFF = "cooks_cutoff";
    /** Config key: worker threads, 0 = all cores ({@code --threads}); results do not depend on it. */
    static final String CFG_THREADS = "threads";

    /** The shrinkage choices of the dialog. */
    static final List<String> SHRINK = List.of("none", "normal");
    /** The size factor choices of the dialog. */
    static final List<String> SIZE_FACTORS = List.of("ratio", "poscounts");
    /** The dispersion trend choices of the dialog. */
    static final List<String> FIT_TYPES = List.of("parametric", "local", "mean");

    final SettingsModelString geneIdColumn = add(new SettingsModelString(CFG_GENE_ID_COLUMN, ""));
    final SettingsModelString countSampleColumn = add(new SettingsModelString(CFG_COUNT_SAMPLE_COLUMN, ""));
    final SettingsModelString countColumn = add(new SettingsModelString(CFG_COUNT_COLUMN, ""));
    final SettingsModelString sampleColumn = add(new SettingsModelString(CFG_SAMPLE_COLUMN, ""));
    final SettingsModelString factors = add(new SettingsModelString(CFG_FACTORS, ""));
    final SettingsModelString design = add(new SettingsModelString(CFG_DESIGN, "~ condition"));
    final SettingsModelString contrast = add(new SettingsModelString(CFG_CONTRAST, ""));
    final SettingsModelString reducedDesign = add(new SettingsModelString(CFG_REDUCED_DESIGN, ""));
    final SettingsModelString references = add(new SettingsModelString(CFG_REFERENCES, ""));
    final SettingsModelDoubleBounded alpha = add(new SettingsModelDoubleBounded(CFG_ALPHA, 0.1, 0, 1));
    final SettingsModelString shrink = add(new SettingsModelString(CFG_SHRINK, "none"));
    final SettingsModelBoolean independentFiltering = add(new SettingsModelBoolean(CFG_INDEPENDENT_FILTERING, true));
    final SettingsModelBoolean cooksCutoff = add(new SettingsModelBoolean(CFG_COOKS_CUTOFF, true));
    final SettingsModelString sizeFactors = add(new SettingsModelString(CFG_SIZE_FACTORS, "ratio"));
    final SettingsModelString fitType = add(new SettingsModelString(CFG_FIT_TYPE, "parametric"));
    final SettingsModelIntegerBounded minReplicatesForReplace = add(
            new SettingsModelIntegerBounded(CFG_MIN_REPLICATES_FOR_REPLACE, 7, 0, Integer.MAX_VALUE));
    final SettingsModelIntegerBounded threads = add(new SettingsModelIntegerBounded(CFG_THREADS, 0, 0, 1024));

    /** @return the worker threads: the setting, or every core for 0 */
    int threadCount() {
        int t = threads.getIntValue();
        return t > 0 ? t : Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param text comma-separated values
     * @return the trimmed, non-empty values
     */
    static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String s : text.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /**
     * The engine settings.
     *
     * @return the settings
     * @throws org.benchtop.core.rnaseq.RnaseqException (BAD_INPUT) for a value the engine does not accept
     */
    DeseqSettings toEngine() {
        return new DeseqSettings(design.getStringValue(), contrast.getStringValue(),
                blankToNull(reducedDesign.getStringValue()), alpha.getDoubleValue(), shrink.getStringValue(), threadCount(),
                sizeFactors.getStringValue(), fitType.getStringValue(), blankToNull(geneIdColumn.getStringValue()),
                blankToNull(sampleColumn.getStringValue()), blankToNull(countSampleColumn.getStringValue()),
                blankToNull(countColumn.getStringValue()), list(factors.getStringValue()),
                minReplicatesForReplace.getIntValue(), independentFiltering.getBooleanValue(), cooksCutoff.getBooleanValue(),
                list(references.getStringValue()));
    }

    @Override
    protected void validateValues() throws InvalidSettingsException {
        if (blankToNull(design.getStringValue()) == null) {
            throw new InvalidSettingsException("Enter the design formula in the node's settings, e.g. '~ condition' or "
                    + "'~ batch + condition'.");
        }
        if (blankToNull(contrast.getStringValue()) == null) {
            throw new InvalidSettingsException("Enter the contrast in the node's settings: factor,numerator,denominator "
                    + "such as 'condition,treated,control'.");
        }
        if (blankToNull(countColumn.getStringValue()) == null != (blankToNull(countSampleColumn.getStringValue()) == null)) {
            throw new InvalidSettingsException("A long count table needs both its sample column and its count column; "
                    + "choose both (long format) or set both to none (wide format: one column per sample).");
        }
        try {
            DeseqSettings s = toEngine();
            s.parsedContrast();
            if (s.reduced() != null && s.shrink().equals("normal")) {
                throw new InvalidSettingsException("Normal shrinkage goes with the Wald test: clear the reduced design "
                        + "or set shrinkage to none.");
            }
        } catch (BenchtopException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
