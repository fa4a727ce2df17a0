package org.benchtop.knime.qpcr.quantification;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.qpcr.Cq;
import org.benchtop.core.qpcr.QuantifySettings;
import org.benchtop.core.qpcr.TechnicalReplicates;
import org.benchtop.knime.util.BenchtopSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the qPCR Relative Quantification node; the same settings as
 * {@code benchtop qpcr quantify}. Config keys are released: never change them.
 */
final class QpcrQuantificationSettings extends BenchtopSettings {

    /** Config key: the sample column ({@code --sample}). */
    static final String CFG_SAMPLE_COLUMN = "sample_column";
    /** Config key: the group column ({@code --group}). */
    static final String CFG_GROUP_COLUMN = "group_column";
    /** Config key: the target column ({@code --target}). */
    static final String CFG_TARGET_COLUMN = "target_column";
    /** Config key: the Cq column ({@code --cq}). */
    static final String CFG_CQ_COLUMN = "cq_column";
    /** Config key: the reference genes, comma-separated ({@code --reference}). */
    static final String CFG_REFERENCE_GENES = "reference_genes";
    /** Config key: the calibrator group ({@code --calibrator}). */
    static final String CFG_CALIBRATOR_GROUP = "calibrator_group";
    /** Config key: the method, ddcq, pfaffl, nrq or dcq ({@code --method}). */
    static final String CFG_METHOD = "method";
    /** Config key: efficiencies {@code TARGET=E,...} ({@code --efficiency}). */
    static final String CFG_EFFICIENCIES = "efficiencies";
    /** Config key: the ΔΔCq mode, separate-tubes or same-tube ({@code --mode}). */
    static final String CFG_MODE = "mode";
    /** Config key: the optional well column ({@code --well}). */
    static final String CFG_WELL_COLUMN = "well_column";
    /** Config key: the optional sample-type column ({@code --type}). */
    static final String CFG_TYPE_COLUMN = "type_column";
    /** Config key: the optional standard-quantity column ({@code --quantity}). */
    static final String CFG_QUANTITY_COLUMN = "quantity_column";
    /** Config key: the optional plate column ({@code --plate}). */
    static final String CFG_PLATE_COLUMN = "plate_column";
    /** Config key: the non-detect cut-off in cycles ({@code --cq-cutoff}). */
    static final String CFG_CQ_CUTOFF = "cq_cutoff";
    /** Config key: the replicate SD threshold in cycles ({@code --sd-threshold}). */
    static final String CFG_SD_THRESHOLD = "sd_threshold";
    /** Config key: whether to exclude outlying replicates ({@code --exclude-outliers}). */
    static final String CFG_EXCLUDE_OUTLIERS = "exclude_outliers";

    /** The method choices. */
    static final List<String> METHODS = List.of("ddcq", "pfaffl", "nrq", "dcq");
    /** The mode choices. */
    static final List<String> MODES = List.of("separate-tubes", "same-tube");

    final SettingsModelString sampleColumn = add(new SettingsModelString(CFG_SAMPLE_COLUMN, ""));
    final SettingsModelString groupColumn = add(new SettingsModelString(CFG_GROUP_COLUMN, ""));
    final SettingsModelString targetColumn = add(new SettingsModelString(CFG_TARGET_COLUMN, ""));
    final SettingsModelString cqColumn = add(new SettingsModelString(CFG_CQ_COLUMN, ""));
    final SettingsModelString referenceGenes = add(new SettingsModelString(CFG_REFERENCE_GENES, ""));
    final SettingsModelString calibratorGroup = add(new SettingsModelString(CFG_CALIBRATOR_GROUP, ""));
    final SettingsModelString method = add(new SettingsModelString(CFG_METHOD, "ddcq"));
    final SettingsModelString efficiencies = add(new SettingsModelString(CFG_EFFICIENCIES, ""));
    final SettingsModelString mode = add(new SettingsModelString(CFG_MODE, "separate-tubes"));
    final SettingsModelString wellColumn = add(new SettingsModelString(CFG_WELL_COLUMN, ""));
    final SettingsModelString typeColumn = add(new SettingsModelString(CFG_TYPE_COLUMN, ""));
    final SettingsModelString quantityColumn = add(new SettingsModelString(CFG_QUANTITY_COLUMN, ""));
    final SettingsModelString plateColumn = add(new SettingsModelString(CFG_PLATE_COLUMN, ""));
    final SettingsModelDouble cqCutoff = add(new SettingsModelDouble(CFG_CQ_CUTOFF, Cq.DEFAULT_CUTOFF));
    final SettingsModelDouble sdThreshold = add(new SettingsModelDouble(CFG_SD_THRESHOLD,
            TechnicalReplicates.DEFAULT_SD_THRESHOLD));
    final SettingsModelBoolean excludeOutliers = add(new SettingsModelBoolean(CFG_EXCLUDE_OUTLIERS, false));

    /** @return the reference genes, trimmed, without empty entries */
    List<String> references() {
        List<String> out = new ArrayList<>();
        String v = referenceGenes.getStringValue();
        if (v != null) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** @return the columns the input must have: required ones first, then the optional ones that are set */
    List<String[]> columns() {
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {sampleColumn.getStringValue(), "sample"});
        c.add(new String[] {groupColumn.getStringValue(), "group"});
        c.add(new String[] {targetColumn.getStringValue(), "target (gene)"});
        c.add(new String[] {cqColumn.getStringValue(), "Cq"});
        for (String[] o : new String[][] {{wellColumn.getStringValue(), "well"}, {typeColumn.getStringValue(), "sample type"},
            {quantityColumn.getStringValue(), "standard quantity"}, {plateColumn.getStringValue(), "plate"}}) {
            if (blankToNull(o[0]) != null) {
                c.add(o);
            }
        }
        return c;
    }

    /**
     * @return the engine settings
     * @throws BenchtopException (BAD_INPUT) for an unknown method or mode, malformed efficiencies
     */
    QuantifySettings toEngine() {
        return new QuantifySettings(sampleColumn.getStringValue(), groupColumn.getStringValue(),
                targetColumn.getStringValue(), cqColumn.getStringValue(), references(),
                blankToNull(calibratorGroup.getStringValue()), QuantifySettings.Method.parse(method.getStringValue()),
                QuantifySettings.parseEfficiencies(efficiencies.getStringValue()),
                QuantifySettings.parseMode(mode.getStringValue()), blankToNull(wellColumn.getStringValue()),
                blankToNull(typeColumn.getStringValue()), blankToNull(quantityColumn.getStringValue()),
                blankToNull(plateColumn.getStringValue()), cqCutoff.getDoubleValue(), sdThreshold.getDoubleValue(),
                excludeOutliers.getBooleanValue());
    }

    @Override
    protected void validateValues() throws InvalidSettingsException {
        for (SettingsModelString m : List.of(sampleColumn, groupColumn, targetColumn, cqColumn)) {
            if (blankToNull(m.getStringValue()) == null) {
                throw new InvalidSettingsException(
                        "Choose the sample, group, target and Cq columns in the node's settings.");
            }
        }
        if (blankToNull(calibratorGroup.getStringValue()) == null) {
            throw new InvalidSettingsException("Enter the calibrator (control) group in the node's settings: the "
                    + "group whose relative expression is 1.");
        }
        if (!METHODS.contains(method.getStringValue())) {
            throw new InvalidSettingsException("Method '" + method.getStringValue() + "' is not one of " + METHODS);
        }
        if (!MODES.contains(mode.getStringValue())) {
            throw new InvalidSettingsException("Mode '" + mode.getStringValue() + "' is not one of " + MODES);
        }
        if (references().isEmpty() && !"dcq".equals(method.getStringValue())) {
            throw new InvalidSettingsException("Enter the reference gene(s) in the node's settings, e.g. GAPDH or "
                    + "GAPDH,ACTB (only the dcq method works without a reference).");
        }
        if (!(cqCutoff.getDoubleValue() > 0) || !(sdThreshold.getDoubleValue() > 0)) {
            throw new InvalidSettingsException("The Cq cut-off and the replicate SD threshold must be positive "
                    + "numbers of cycles (defaults 40 and 0.5).");
        }
        try {
            QuantifySettings.parseEfficiencies(efficiencies.getStringValue());
        } catch (BenchtopException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
