package org.benchtop.knime.notebook;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

import org.benchtop.core.notebook.ElnWriter;
import org.benchtop.core.notebook.NotebookEntry;
import org.benchtop.core.notebook.NotebookException;
import org.benchtop.knime.util.BenchtopSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.util.FileUtil;

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
    /**
     * Config key: the folder the files are written into: an absolute local path (the only form accepted at first,
     * same meaning) or a URL that KNIME resolves to a local folder ({@code file:}, {@code knime://knime.workflow/...},
     * {@code knime://knime.mountpoint/...}).
     */
    static final String CFG_OUTPUT_FOLDER = "output_folder";
    /** Config key: the .eln file name (empty: from the title). */
    static final String CFG_FILE_NAME = "file_name";
    /** Config key: whether existing files are replaced. */
    static final String CFG_OVERWRITE = "overwrite";
    /** Config key: whether the HTML report is written beside the .eln file. */
    static final String CFG_WRITE_HTML = "write_html";
    /**
     * Config key, added during 0.1.0 development (optional: workflows saved by earlier builds lack it): the license
     * under which the entry may be reused, a URL or a short text; empty: none chosen.
     */
    static final String CFG_LICENSE = "license";

    /** A folder beside the workflow, as an example in messages and the dialog. */
    static final String URL_EXAMPLE = "knime://knime.workflow/../notebook";

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
    final SettingsModelString license = addSince("0.1.0", CFG_LICENSE, new SettingsModelString(CFG_LICENSE, ""));

    /** @return the author as the engine takes it */
    NotebookEntry.Author toAuthor() {
        return new NotebookEntry.Author(author.getStringValue(), authorOrcid.getStringValue(), authorEmail.getStringValue());
    }

    /**
     * @return the output folder as a local path (it need not exist)
     * @throws InvalidSettingsException if it is empty, a relative path, or a URL that is not a local folder
     */
    Path folder() throws InvalidSettingsException {
        return resolveFolder(outputFolder.getStringValue());
    }

    /**
     * The local folder of a location, converted as KNIME's own writer nodes do ({@link FileUtil#toURL(String)}, then
     * {@link FileUtil#resolveToPath(URL)}): an absolute path is that folder; a URL is resolved by KNIME
     * ({@code knime://knime.workflow/...} against the workflow of the executing node). A relative path is refused:
     * {@code FileUtil.toURL} would make it absolute against KNIME's working directory, which depends on how KNIME was
     * started.
     *
     * @param location the setting's value
     * @return the folder (it need not exist)
     * @throws InvalidSettingsException naming the location and how to fix it
     */
    static Path resolveFolder(String location) throws InvalidSettingsException {
        String v = blankToNull(location);
        if (v == null) {
            throw new InvalidSettingsException("Choose the output folder in the node's settings: an absolute path such as "
                    + "/data/notebook or C:\\notebook, or a URL such as " + URL_EXAMPLE + " (a folder beside the "
                    + "workflow).");
        }
        try {
            URL url = FileUtil.toURL(v);
            String scheme = url.getProtocol() + ":";
            if (!v.regionMatches(true, 0, scheme, 0, scheme.length()) && !Path.of(v).isAbsolute()) {
                // taken as a path: FileUtil.toURL made it absolute against KNIME's working directory
                throw new InvalidSettingsException("The output folder '" + v + "' is not an absolute path, and a relative "
                        + "path has no fixed place in KNIME. Give the full path (e.g. /data/notebook or C:\\notebook) or a "
                        + "URL relative to the workflow, e.g. knime://knime.workflow/../" + v.replace('\\', '/')
                        + " for a folder beside the workflow.");
            }
            Path folder = FileUtil.resolveToPath(url);
            if (folder == null) {
                throw new InvalidSettingsException("The output folder '" + v + "' is not a local folder, and the entry is "
                        + "written to a local folder: give an absolute path, a file: URL or a knime:// URL into the local "
                        + "workspace (e.g. " + URL_EXAMPLE + ").");
            }
            return folder;
        } catch (MalformedURLException | URISyntaxException | IllegalArgumentException e) {
            // IllegalArgumentException: an invalid path (InvalidPathException) or a URL that is no path, e.g. file:x
            throw new InvalidSettingsException("The output folder '" + v + "' is neither a valid path nor a valid URL: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidSettingsException("The output folder '" + v + "' cannot be resolved to a local folder: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param folder the output folder
     * @return the .eln file in it: the file name, or one made from the title; {@code .eln} appended if missing
     */
    Path elnFile(Path folder) {
        String name = blankToNull(fileName.getStringValue());
        if (name == null) {
            name = title.getStringValue().strip().replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
            if (name.isEmpty()) {
                name = "notebook_entry";
            }
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(ElnWriter.EXTENSION)) {
            name += ElnWriter.EXTENSION;
        }
        return folder.resolve(name);
    }

    /**
     * @param eln the .eln file
     * @return the HTML report beside it: same name with {@code .html}
     */
    static Path htmlFile(Path eln) {
        String name = eln.getFileName().toString();
        return eln.resolveSibling(name.substring(0, name.length() - ElnWriter.EXTENSION.length()) + ".html");
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
        Path folder = folder();
        String name = blankToNull(fileName.getStringValue());
        if (name != null && (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals("."))) {
            throw new InvalidSettingsException("The file name '" + name + "' must be a plain name such as entry.eln, without "
                    + "folders: it would be written outside the output folder. Put the folder in 'Output folder'.");
        }
        try {
            ElnWriter.rootFolderFor(elnFile(folder));
        } catch (NotebookException | InvalidPathException e) {
            throw new InvalidSettingsException("The file name '" + name + "' cannot be used: " + e.getMessage(), e);
        }
    }
}
