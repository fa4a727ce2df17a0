package org.benchtop.knime.qpcr.rdml;

import org.benchtop.knime.util.BenchtopSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the RDML Reader node. Config keys are released: never change them. */
final class RdmlReaderSettings extends BenchtopSettings {

    /**
     * Config key: the RDML file, a local path or a URL ({@code file:}, {@code http(s):}, or in KNIME
     * {@code knime://knime.workflow/...}); {@code --input} of {@code benchtop qpcr read-rdml}.
     */
    static final String CFG_RDML_FILE = "rdml_file";

    final SettingsModelString rdmlFile = add(new SettingsModelString(CFG_RDML_FILE, ""));

    /** @return the location, trimmed */
    String location() {
        String v = rdmlFile.getStringValue();
        return v == null ? "" : v.trim();
    }

    @Override
    protected void validateValues() throws InvalidSettingsException {
        if (location().isEmpty()) {
            throw new InvalidSettingsException("Enter the RDML file (a path or a URL) in the node's settings.");
        }
    }
}
