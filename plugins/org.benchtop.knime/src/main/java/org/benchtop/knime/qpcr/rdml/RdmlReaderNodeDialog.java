package org.benchtop.knime.qpcr.rdml;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the RDML Reader node. */
final class RdmlReaderNodeDialog extends DefaultNodeSettingsPane {

    RdmlReaderNodeDialog() {
        RdmlReaderSettings s = new RdmlReaderSettings();
        addDialogComponent(new DialogComponentString(s.rdmlFile, "RDML file (path or URL)", true, 50));
    }
}
