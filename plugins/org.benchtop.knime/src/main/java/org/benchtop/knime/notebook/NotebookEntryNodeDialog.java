package org.benchtop.knime.notebook;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Lab Notebook Entry node. */
final class NotebookEntryNodeDialog extends DefaultNodeSettingsPane {

    NotebookEntryNodeDialog() {
        NotebookEntrySettings s = new NotebookEntrySettings();
        createNewGroup("Entry");
        addDialogComponent(new DialogComponentString(s.title, "Title"));
        addDialogComponent(new DialogComponentString(s.project, "Project (optional)"));
        addDialogComponent(new DialogComponentString(s.notes, "Notes (optional)"));
        closeCurrentGroup();
        createNewGroup("Author");
        addDialogComponent(new DialogComponentString(s.author, "Full name"));
        addDialogComponent(new DialogComponentString(s.authorOrcid, "ORCID iD (optional)"));
        addDialogComponent(new DialogComponentString(s.authorEmail, "E-mail (optional)"));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(new DialogComponentString(s.outputFolder, "Output folder (absolute path)"));
        addDialogComponent(new DialogComponentString(s.fileName, "File name (.eln; empty: from the title)"));
        addDialogComponent(new DialogComponentBoolean(s.writeHtml, "Also write the HTML report"));
        addDialogComponent(new DialogComponentBoolean(s.overwrite, "Overwrite existing files"));
        closeCurrentGroup();
    }
}
