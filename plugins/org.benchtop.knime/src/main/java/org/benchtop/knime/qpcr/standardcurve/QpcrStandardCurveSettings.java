package org.benchtop.knime.qpcr.standardcurve;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.qpcr.Cq;
import org.benchtop.core.qpcr.StandardCurveSettings;
import org.benchtop.knime.util.BenchtopSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the qPCR Standard Curve node; the same settings as {@code benchtop qpcr standard-curve}.
 * Config keys are released: never change them.
 */
final class QpcrStandardCurveSettings extends BenchtopSettings {

    /** Config key: the sample column ({@code --sample}). */
    static final String CFG_SAMPLE_COLUMN = "sample_column";
    /** Config key: the target column ({@code --target}). */
    static final String CFG_TARGET_COLUMN = "target_column";
    /** Config key: the Cq column ({@code --cq}). */
    static final String CFG_CQ_COLUMN = "cq_column";
    /** Config key: the standard-quantity column ({@code --quantity}). */
    static final String CFG_QUANTITY_COLUMN = "quantity_column";
    /** Config key: the optional sample-type column ({@code --type}). */
    static final String CFG_TYPE_COLUMN = "type_column";
    /** Config key: the optional well column ({@code --well}). */
    static final String CFG_WELL_COLUMN = "well_column";
    /** Config key: the non-detect cut-off in cycles ({@code --cq-cutoff}). */
    static final String CFG_CQ_CUTOFF = "cq_cutoff";

    final SettingsModelString sampleColumn = add(new SettingsModelString(CFG_SAMPLE_COLUMN, ""));
    final SettingsModelString targetColumn = add(new SettingsModelString(CFG_TARGET_COLUMN, ""));
    final SettingsModelString cqColumn = add(new SettingsModelString(CFG_CQ_COLUMN, ""));
    final SettingsModelString quantityColumn = add(new SettingsModelString(CFG_QUANTITY_COLUMN, ""));
    final SettingsModelString typeColumn = add(new SettingsModelString(CFG_TYPE_COLUMN, ""));
    final SettingsModelString wellColumn = add(new SettingsModelString(CFG_WELL_COLUMN, ""));
    final SettingsModelDouble cqCutoff = add(new SettingsModelDouble(CFG_CQ_CUTOFF, Cq.DEFAULT_CUTOFF));

    /** @return the columns the input must have (column, label): required ones, then the optional ones set */
    List<String[]> columns() {
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {sampleColumn.getStringValue(), "sample"});
        c.add(new String[] {targetColumn.getStringValue(), "target (gene)"});
        c.add(new String[] {cqColumn.getStringValue(), "Cq"});
        c.add(new String[] {quantityColumn.getStringValue(), "standard quantity"});
        if (blankToNull(typeColumn.getStringValue()) != null) {
            c.add(new String[] {typeColumn.getStringValue(), "sample type"});
        }
        if (blankToNull(wellColumn.getStringValue()) != null) {
            c.add(new String[] {wellColumn.getStringValue(), "well"});
        }
        return c;
    }

    /** @return the engine settings */
    StandardCurveSettings toEngine() {
        return new StandardCurveSettings(sampleColumn.getStringValue(), targetColumn.getStringValue(),
                cqColumn.getStringValue(), quantityColumn.getStringValue(), blankToNull(typeColumn.getStringValue()),
                blankToNull(wellColumn.getStringValue()), cqCutoff.getDoubleValue());
    }

    @Override
    protected void validateValues() throws InvalidSettingsException {
        for (SettingsModelString m : List.of(sampleColumn, targetColumn, cqColumn, quantityColumn)) {
            if (blankToNull(m.getStringValue()) == null) {
                throw new InvalidSettingsException(
                        "Choose the sample, target, Cq and standard quantity columns in the node's settings.");
            }
        }
        if (!(cqCutoff.getDoubleValue() > 0)) {
            throw new InvalidSettingsException("The Cq cut-off must be a positive number of cycles (default 40).");
        }
    }
}
