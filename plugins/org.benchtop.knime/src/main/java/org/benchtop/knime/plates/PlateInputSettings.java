package org.benchtop.knime.plates;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.plate.NormalizationMethod;
import org.benchtop.core.plate.PlateFormat;
import org.benchtop.core.plate.PlateSettings;
import org.benchtop.knime.util.BenchtopSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The input settings the plate nodes share. The config keys are released: never change them.
 */
public class PlateInputSettings extends BenchtopSettings {

    /** Config key: the column that identifies a plate. */
    public static final String CFG_PLATE_COLUMN = "plate_column";
    /** Config key: an optional second plate column, e.g. the replicate. */
    public static final String CFG_REPLICATE_COLUMN = "replicate_column";
    /** Config key: the well id column. */
    public static final String CFG_WELL_COLUMN = "well_column";
    /** Config key: the raw value column. */
    public static final String CFG_VALUE_COLUMN = "value_column";
    /** Config key: the well content column. */
    public static final String CFG_CONTENT_COLUMN = "content_column";
    /** Config key: the negative control label. */
    public static final String CFG_NEGATIVE_LABEL = "negative_label";
    /** Config key: the positive control label. */
    public static final String CFG_POSITIVE_LABEL = "positive_label";
    /** Config key: the sample label. */
    public static final String CFG_SAMPLE_LABEL = "sample_label";
    /** Config key: the optional boolean column of flagged wells. */
    public static final String CFG_EXCLUDE_COLUMN = "exclude_column";
    /** Config key: the plate format ("auto" or a number of wells). */
    public static final String CFG_PLATE_FORMAT = "plate_format";

    /** The plate format choices of the dialog. */
    public static final List<String> FORMATS = List.of("auto", "6", "12", "24", "48", "96", "384", "1536");

    final SettingsModelString plateColumn = add(new SettingsModelString(CFG_PLATE_COLUMN, ""));
    final SettingsModelString replicateColumn = add(new SettingsModelString(CFG_REPLICATE_COLUMN, ""));
    final SettingsModelString wellColumn = add(new SettingsModelString(CFG_WELL_COLUMN, ""));
    final SettingsModelString valueColumn = add(new SettingsModelString(CFG_VALUE_COLUMN, ""));
    final SettingsModelString contentColumn = add(new SettingsModelString(CFG_CONTENT_COLUMN, ""));
    final SettingsModelString negativeLabel = add(new SettingsModelString(CFG_NEGATIVE_LABEL, "neg"));
    final SettingsModelString positiveLabel = add(new SettingsModelString(CFG_POSITIVE_LABEL, "pos"));
    final SettingsModelString sampleLabel = add(new SettingsModelString(CFG_SAMPLE_LABEL, "sample"));
    final SettingsModelString excludeColumn = add(new SettingsModelString(CFG_EXCLUDE_COLUMN, ""));
    final SettingsModelString plateFormat = add(new SettingsModelString(CFG_PLATE_FORMAT, "auto"));

    /** @return the plate-identifying columns: the plate column and, if set, the replicate column */
    public List<String> plateColumns() {
        List<String> cols = new ArrayList<>();
        cols.add(plateColumn.getStringValue());
        String rep = blankToNull(replicateColumn.getStringValue());
        if (rep != null) {
            cols.add(rep);
        }
        return cols;
    }

    /** @return the column names the input table must have */
    public List<String> requiredColumns() {
        List<String> cols = new ArrayList<>(plateColumns());
        cols.add(wellColumn.getStringValue());
        cols.add(valueColumn.getStringValue());
        cols.add(contentColumn.getStringValue());
        String ex = blankToNull(excludeColumn.getStringValue());
        if (ex != null) {
            cols.add(ex);
        }
        return cols;
    }

    /**
     * @param methods the normalizations to compute
     * @param zPrimeThreshold the QC pass threshold
     * @return the engine settings
     */
    public PlateSettings toEngine(java.util.Set<NormalizationMethod> methods, double zPrimeThreshold) {
        String format = plateFormat.getStringValue();
        return PlateSettings.defaults(plateColumns(), wellColumn.getStringValue(), valueColumn.getStringValue(),
                contentColumn.getStringValue()).withNegativeLabel(negativeLabel.getStringValue())
                .withPositiveLabel(positiveLabel.getStringValue()).withSampleLabel(sampleLabel.getStringValue())
                .withExcludeColumn(blankToNull(excludeColumn.getStringValue()))
                .withFormat("auto".equals(format) ? null : PlateFormat.ofWells(Integer.parseInt(format)))
                .withMethods(methods).withZPrimeThreshold(zPrimeThreshold);
    }

    @Override
    protected void validateValues() throws InvalidSettingsException {
        if (!FORMATS.contains(plateFormat.getStringValue())) {
            throw new InvalidSettingsException("Plate format '" + plateFormat.getStringValue() + "' is not one of " + FORMATS);
        }
        for (SettingsModelString m : List.of(plateColumn, wellColumn, valueColumn, contentColumn)) {
            if (blankToNull(m.getStringValue()) == null) {
                throw new InvalidSettingsException("Choose the plate, well, value and content columns in the node's settings.");
            }
        }
    }
}
