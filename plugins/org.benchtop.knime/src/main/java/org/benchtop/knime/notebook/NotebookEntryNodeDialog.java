package org.benchtop.knime.notebook;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Lab Notebook Entry node. */
final class NotebookEntryNodeDialog extends DefaultNodeSettingsPane {

    /** The label of the output folder; the node description's option has the same name. */
    static final String FOLDER_LABEL = "Output folder (path or URL)";

    /** The label of the license; the node description's option has the same name. */
    static final String LICENSE_LABEL = "License (URL or text, optional)";

    NotebookEntryNodeDialog() {
        NotebookEntrySettings s = new NotebookEntrySettings();
        createNewGroup("Entry");
        addDialogComponent(new DialogComponentString(s.title, "Title"));
        addDialogComponent(new DialogComponentString(s.project, "Project (optional)"));
        addDialogComponent(new DialogComponentString(s.notes, "Notes (optional)"));
        DialogComponentString license = new DialogComponentString(s.license, LICENSE_LABEL, false, 40);
        license.setToolTipText("Under which terms others may reuse the entry: a URL such as "
                + "https://creativecommons.org/licenses/by/4.0/ or a short text such as 'internal use only'. "
                + "Empty: no license chosen, and the .eln says so.");
        addDialogComponent(license);
        closeCurrentGroup();
        createNewGroup("Author");
        addDialogComponent(new DialogComponentString(s.author, "Full name"));
        addDialogComponent(new DialogComponentString(s.authorOrcid, "ORCID iD (optional)"));
        addDialogComponent(new DialogComponentString(s.authorEmail, "E-mail (optional)"));
        closeCurrentGroup();
        createNewGroup("Output");
        DialogComponentString folder = new DialogComponentString(s.outputFolder, FOLDER_LABEL, false, 40);
        folder.setToolTipText("An absolute path (/data/notebook, C:\\notebook) or a URL: "
                + NotebookEntrySettings.URL_EXAMPLE + " is the folder 'notebook' beside this workflow; file: URLs and "
                + "knime://knime.mountpoint/... work too. A missing folder is created if its parent folder exists.");
        addDialogComponent(folder);
        addDialogComponent(new DialogComponentString(s.fileName, "File name (.eln; empty: from the title)"));
        addDialogComponent(new DialogComponentBoolean(s.writeHtml, "Also write the HTML report"));
        addDialogComponent(new DialogComponentBoolean(s.overwrite, "Overwrite existing files"));
        closeCurrentGroup();
    }
}
