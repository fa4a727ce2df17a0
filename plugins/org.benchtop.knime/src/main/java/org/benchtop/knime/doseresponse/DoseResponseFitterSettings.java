package org.benchtop.knime.doseresponse;

import java.util.Arrays;
import java.util.List;

import org.benchtop.core.doseresponse.DoseResponseException;
import org.benchtop.core.doseresponse.DoseResponseSettings;
import org.benchtop.core.doseresponse.LogLogisticModel;
import org.benchtop.core.doseresponse.SeConvention;
import org.benchtop.knime.util.BenchtopSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.defaultnodesettings.SettingsModelStringArray;

/**
 * Settings of the Dose-Response Fitter node, named as the options of {@code benchtop dose-response
 * fit}. Config keys are released: never change them.
 */
final class DoseResponseFitterSettings extends BenchtopSettings {

    /** Config key: the dose column ({@code --dose}). */
    static final String CFG_DOSE_COLUMN = "dose_column";
    /** Config key: the response column ({@code --response}). */
    static final String CFG_RESPONSE_COLUMN = "response_column";
    /** Config key: the columns that define the curves ({@code --group}); empty: one curve. */
    static final String CFG_GROUP_COLUMNS = "group_columns";
    /** Config key: the model, {@code LL.2} to {@code LL.5} ({@code --model}). */
    static final String CFG_MODEL = "model";
    /** Config key: fixed parameter values as text, e.g. {@code c=0,d=100} ({@code --fix}). */
    static final String CFG_FIXED_PARAMETERS = "fixed_parameters";
    /** Config key: lower bounds as text, e.g. {@code e=0.001} ({@code --lower}). */
    static final String CFG_LOWER_BOUNDS = "lower_bounds";
    /** Config key: upper bounds as text ({@code --upper}). */
    static final String CFG_UPPER_BOUNDS = "upper_bounds";
    /** Config key: the standard-error convention, {@code jacobian} or {@code hessian} ({@code --se}). */
    static final String CFG_SE_CONVENTION = "se_convention";
    /** Config key: ROUT-like outlier detection ({@code --robust}). */
    static final String CFG_ROBUST = "robust";
    /** Config key: ED levels in percent as text, e.g. {@code 10,50,90} ({@code --ed}). */
    static final String CFG_ED_LEVELS = "ed_levels";

    /** The model choices of the dialog. */
    static final List<String> MODELS = Arrays.stream(LogLogisticModel.values()).map(LogLogisticModel::label).toList();

    /** The standard-error choices of the dialog. */
    static final List<String> SE_CONVENTIONS = List.of("jacobian", "hessian");

    final SettingsModelString doseColumn = add(new SettingsModelString(CFG_DOSE_COLUMN, ""));
    final SettingsModelString responseColumn = add(new SettingsModelString(CFG_RESPONSE_COLUMN, ""));
    final SettingsModelStringArray groupColumns = add(new SettingsModelStringArray(CFG_GROUP_COLUMNS, new String[0]));
    final SettingsModelString model = add(new SettingsModelString(CFG_MODEL, LogLogisticModel.LL4.label()));
    final SettingsModelString fixedParameters = add(new SettingsModelString(CFG_FIXED_PARAMETERS, ""));
    final SettingsModelString lowerBounds = add(new SettingsModelString(CFG_LOWER_BOUNDS, ""));
    final SettingsModelString upperBounds = add(new SettingsModelString(CFG_UPPER_BOUNDS, ""));
    final SettingsModelString seConvention = add(new SettingsModelString(CFG_SE_CONVENTION, "jacobian"));
    final SettingsModelBoolean robust = add(new SettingsModelBoolean(CFG_ROBUST, false));
    final SettingsModelString edLevels = add(new SettingsModelString(CFG_ED_LEVELS, ""));

    /** @return the group columns, in order (empty: one curve) */
    List<String> groups() {
        String[] g = groupColumns.getStringArrayValue();
        return g == null ? List.of() : Arrays.stream(g).filter(s -> s != null && !s.isBlank()).toList();
    }

    /**
     * The engine settings: what the dialog holds, with one PNG per group and neither the comparison
     * nor the ratio table (the node has no ports for them).
     *
     * @return the settings
     * @throws DoseResponseException (BAD_INPUT) for a value the engine cannot read
     */
    DoseResponseSettings toEngine() {
        return DoseResponseSettings.of(doseColumn.getStringValue(), responseColumn.getStringValue()).withGroup(groups())
                .withModel(LogLogisticModel.parse(model.getStringValue()))
                .withFix(DoseResponseSettings.parseAssignments(fixedParameters.getStringValue()))
                .withBounds(DoseResponseSettings.parseAssignments(lowerBounds.getStringValue()),
                        DoseResponseSettings.parseAssignments(upperBounds.getStringValue()))
                .withSe(SeConvention.parse(seConvention.getStringValue())).withRobust(robust.getBooleanValue())
                .withEd(DoseResponseSettings.parseLevels(edLevels.getStringValue())).withPlots(true);
    }

    @Override
    protected void validateValues() throws InvalidSettingsException {
        if (blankToNull(doseColumn.getStringValue()) == null || blankToNull(responseColumn.getStringValue()) == null) {
            throw new InvalidSettingsException("Choose the dose and the response column in the node's settings.");
        }
        try {
            toEngine().fitter();
        } catch (DoseResponseException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
