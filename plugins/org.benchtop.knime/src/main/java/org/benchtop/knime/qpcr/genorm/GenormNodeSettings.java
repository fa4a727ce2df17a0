package org.benchtop.knime.qpcr.genorm;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.qpcr.Cq;
import org.benchtop.core.qpcr.GenormSettings;
import org.benchtop.core.qpcr.QuantifySettings;
import org.benchtop.knime.util.BenchtopSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the geNorm Reference Gene Stability node; the same settings as
 * {@code benchtop qpcr genorm}. Exactly one of the Cq and quantity columns is set. Config keys are
 * released: never change them.
 */
final class GenormNodeSettings extends BenchtopSettings {

    /** Config key: the sample column ({@code --sample}). */
    static final String CFG_SAMPLE_COLUMN = "sample_column";
    /** Config key: the target (candidate gene) column ({@code --target}). */
    static final String CFG_TARGET_COLUMN = "target_column";
    /** Config key: the Cq column, or empty when quantities are given ({@code --cq}). */
    static final String CFG_CQ_COLUMN = "cq_column";
    /** Config key: the relative-quantity column, or empty when Cq values are given ({@code --quantity}). */
    static final String CFG_QUANTITY_COLUMN = "quantity_column";
    /** Config key: the optional group column ({@code --group}). */
    static final String CFG_GROUP_COLUMN = "group_column";
    /** Config key: amplification factors per gene {@code GENE=E,...} ({@code --efficiency}). */
    static final String CFG_EFFICIENCIES = "efficiencies";
    /** Config key: the non-detect cut-off in cycles ({@code --cq-cutoff}). */
    static final String CFG_CQ_CUTOFF = "cq_cutoff";

    final SettingsModelString sampleColumn = add(new SettingsModelString(CFG_SAMPLE_COLUMN, ""));
    final SettingsModelString targetColumn = add(new SettingsModelString(CFG_TARGET_COLUMN, ""));
    final SettingsModelString cqColumn = add(new SettingsModelString(CFG_CQ_COLUMN, ""));
    final SettingsModelString quantityColumn = add(new SettingsModelString(CFG_QUANTITY_COLUMN, ""));
    final SettingsModelString groupColumn = add(new SettingsModelString(CFG_GROUP_COLUMN, ""));
    final SettingsModelString efficiencies = add(new SettingsModelString(CFG_EFFICIENCIES, ""));
    final SettingsModelDouble cqCutoff = add(new SettingsModelDouble(CFG_CQ_CUTOFF, Cq.DEFAULT_CUTOFF));

    /** @return the columns the input must have (column, label) */
    List<String[]> columns() {
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {sampleColumn.getStringValue(), "sample"});
        c.add(new String[] {targetColumn.getStringValue(), "target (gene)"});
        for (String[] o : new String[][] {{cqColumn.getStringValue(), "Cq"},
            {quantityColumn.getStringValue(), "relative quantity"}, {groupColumn.getStringValue(), "group"}}) {
            if (blankToNull(o[0]) != null) {
                c.add(o);
            }
        }
        return c;
    }

    /** @return the engine settings */
    GenormSettings toEngine() {
        return new GenormSettings(sampleColumn.getStringValue(), targetColumn.getStringValue(),
                blankToNull(cqColumn.getStringValue()), blankToNull(quantityColumn.getStringValue()),
                blankToNull(groupColumn.getStringValue()), QuantifySettings.parseEfficiencies(efficiencies.getStringValue()),
                cqCutoff.getDoubleValue());
    }

    @Override
    protected void validateValues() throws InvalidSettingsException {
        if (blankToNull(sampleColumn.getStringValue()) == null || blankToNull(targetColumn.getStringValue()) == null) {
            throw new InvalidSettingsException("Choose the sample and target columns in the node's settings.");
        }
        boolean cq = blankToNull(cqColumn.getStringValue()) != null;
        boolean q = blankToNull(quantityColumn.getStringValue()) != null;
        if (cq == q) {
            throw new InvalidSettingsException("Choose either a Cq column or a relative quantity column in the node's "
                    + "settings (" + (cq ? "both are set: set one of them to none)." : "neither is set)."));
        }
        if (!(cqCutoff.getDoubleValue() > 0)) {
            throw new InvalidSettingsException("The Cq cut-off must be a positive number of cycles (default 40).");
        }
        try {
            QuantifySettings.parseEfficiencies(efficiencies.getStringValue());
        } catch (BenchtopException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
