package org.benchtop.knime.notebook;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.benchtop.core.notebook.ElnWriter;
import org.benchtop.core.notebook.NotebookEntry;
import org.benchtop.core.notebook.NotebookException;
import org.benchtop.knime.util.BenchtopSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the Lab Notebook Entry node. Config keys are released: never change them. */
final class NotebookEntrySettings extends BenchtopSettings {

    /** Config key: the entry's title. */
    static final String CFG_TITLE = "title";
    /** Config key: the author's full name. */
    static final String CFG_AUTHOR = "author";
    /** Config key: the author's ORCID iD (optional). */
    static final String CFG_AUTHOR_ORCID = "author_orcid";
    /** Config key: the author's e-mail address (optional). */
    static final String CFG_AUTHOR_EMAIL = "author_email";
    /** Config key: the project (optional). */
    static final String CFG_PROJECT = "project";
    /** Config key: free-text notes (optional). */
    static final String CFG_NOTES = "notes";
    /** Config key: the folder the files are written into (absolute local path). */
    static final String CFG_OUTPUT_FOLDER = "output_folder";
    /** Config key: the .eln file name (empty: from the title). */
    static final String CFG_FILE_NAME = "file_name";
    /** Config key: whether existing files are replaced. */
    static final String CFG_OVERWRITE = "overwrite";
    /** Config key: whether the HTML report is written beside the .eln file. */
    static final String CFG_WRITE_HTML = "write_html";

    final SettingsModelString title = add(new SettingsModelString(CFG_TITLE, ""));
    final SettingsModelString author = add(new SettingsModelString(CFG_AUTHOR, ""));
    final SettingsModelString authorOrcid = add(new SettingsModelString(CFG_AUTHOR_ORCID, ""));
    final SettingsModelString authorEmail = add(new SettingsModelString(CFG_AUTHOR_EMAIL, ""));
    final SettingsModelString project = add(new SettingsModelString(CFG_PROJECT, ""));
    final SettingsModelString notes = add(new SettingsModelString(CFG_NOTES, ""));
    final SettingsModelString outputFolder = add(new SettingsModelString(CFG_OUTPUT_FOLDER, ""));
    final SettingsModelString fileName = add(new SettingsModelString(CFG_FILE_NAME, ""));
    final SettingsModelBoolean overwrite = add(new SettingsModelBoolean(CFG_OVERWRITE, false));
    final SettingsModelBoolean writeHtml = add(new SettingsModelBoolean(CFG_WRITE_HTML, true));

    /** @return the author as the engine takes it */
    NotebookEntry.Author toAuthor() {
        return new NotebookEntry.Author(author.getStringValue(), authorOrcid.getStringValue(), authorEmail.getStringValue());
    }

    /** @return the output folder, absolute */
    Path folder() {
        return Path.of(outputFolder.getStringValue().strip());
    }

    /** @return the .eln file: the file name, or one made from the title; {@code .eln} appended if missing */
    Path elnFile() {
        String name = blankToNull(fileName.getStringValue());
        if (name == null) {
            name = title.getStringValue().strip().replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
            if (name.isEmpty()) {
                name = "notebook_entry";
            }
        }
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(ElnWriter.EXTENSION)) {
            name += ElnWriter.EXTENSION;
        }
        return folder().resolve(name);
    }

    /** @return the HTML report beside the .eln file: same name with {@code .html} */
    Path htmlFile() {
        String eln = elnFile().getFileName().toString();
        return elnFile().resolveSibling(eln.substring(0, eln.length() - ElnWriter.EXTENSION.length()) + ".html");
    }

    @Override
    protected void validateValues() throws InvalidSettingsException {
        if (blankToNull(title.getStringValue()) == null) {
            throw new InvalidSettingsException("Give the entry a title in the node's settings.");
        }
        if (blankToNull(author.getStringValue()) == null) {
            throw new InvalidSettingsException("Give the author's name in the node's settings.");
        }
        try {
            toAuthor();
        } catch (NotebookException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        String folder = blankToNull(outputFolder.getStringValue());
        if (folder == null) {
            throw new InvalidSettingsException("Choose the output folder in the node's settings (an absolute path such as "
                    + "/data/notebook or C:\\notebook).");
        }
        try {
            if (!Path.of(folder).isAbsolute()) {
                throw new InvalidSettingsException("The output folder '" + folder + "' is not an absolute path; give the "
                        + "full path (e.g. /data/notebook or C:\\notebook).");
            }
        } catch (InvalidPathException e) {
            throw new InvalidSettingsException("The output folder '" + folder + "' is not a valid path: " + e.getReason());
        }
        String name = blankToNull(fileName.getStringValue());
        if (name != null && (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals("."))) {
            throw new InvalidSettingsException("The file name '" + name + "' must be a plain name such as entry.eln, without "
                    + "folders: it would be written outside the output folder. Put the folder in 'Output folder'.");
        }
        try {
            ElnWriter.rootFolderFor(elnFile());
        } catch (NotebookException | InvalidPathException e) {
            throw new InvalidSettingsException("The file name '" + name + "' cannot be used: " + e.getMessage(), e);
        }
    }
}
