package org.benchtop.knime.rnaseq.tmm;

import java.util.List;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.rnaseq.TmmSettings;
import org.benchtop.knime.util.BenchtopSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the TMM Normalization node: the options of {@code benchtop rnaseq tmm} except the file options.
 * Config keys are released: never change them.
 */
final class TmmNodeSettings extends BenchtopSettings {

    /** Config key: the gene id column of the count table ({@code --gene-column}); empty = the first column. */
    static final String CFG_GENE_ID_COLUMN = "gene_id_column";
    /** Config key: {@code tmm}, {@code rle} or {@code upperquartile} ({@code --method}). */
    static final String CFG_METHOD = "method";
    /** Config key: the average prior count of logCPM ({@code --prior-count}). */
    static final String CFG_PRIOR_COUNT = "prior_count";

    /** The method choices of the dialog (edgeR's names). */
    static final List<String> METHODS = List.of("tmm", "rle", "upperquartile");

    final SettingsModelString geneIdColumn = add(new SettingsModelString(CFG_GENE_ID_COLUMN, ""));
    final SettingsModelString method = add(new SettingsModelString(CFG_METHOD, "tmm"));
    final SettingsModelDoubleBounded priorCount = add(
            new SettingsModelDoubleBounded(CFG_PRIOR_COUNT, 2, 0, Double.MAX_VALUE));

    /**
     * @return the engine settings
     * @throws org.benchtop.core.rnaseq.RnaseqException (BAD_INPUT) for a value the engine does not accept
     */
    TmmSettings toEngine() {
        return new TmmSettings(method.getStringValue(), blankToNull(geneIdColumn.getStringValue()),
                priorCount.getDoubleValue());
    }

    @Override
    protected void validateValues() throws InvalidSettingsException {
        try {
            toEngine();
        } catch (BenchtopException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
