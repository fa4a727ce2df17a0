package org.benchtop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.notebook.AtomicFiles;
import org.benchtop.core.notebook.ElnVerifier;
import org.benchtop.core.notebook.ElnWriter;
import org.benchtop.core.notebook.HtmlReport;
import org.benchtop.core.notebook.NotebookEntry;
import org.benchtop.core.notebook.RunFolder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code benchtop notebook create|verify}: lab-notebook entries as {@code .eln} archives (ELN
 * Consortium format, checked against the importers of eLabFTW, Kadi4Mat, SampleDB and PASTA) with
 * an HTML (and PDF) report, and their integrity check.
 */
@Command(name = "notebook", mixinStandardHelpOptions = true, description = "Lab notebook entries: gather results with their provenance into an .eln file "
        + "(and an HTML/PDF report), and verify .eln files.",
        subcommands = {NotebookCommand.Create.class, NotebookCommand.Verify.class})
final class NotebookCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create or verify");
    }

    /** {@code benchtop notebook create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Gather a folder of Benchtop results into one lab-notebook entry: every *.run.json with the "
                + "output it sits beside, and every PNG plot (with its SVG), written as an .eln archive.",
                "An entry without run records is written too, with a warning that it has no provenance."})
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "Title of the entry.")
        String title;

        @Option(names = "--author", required = true, paramLabel = "NAME", description = "Who records the entry (full name).")
        String author;

        @Option(names = "--orcid", paramLabel = "ID", description = "The author's ORCID iD, e.g. 0000-0002-1825-0097.")
        String orcid;

        @Option(names = "--email", paramLabel = "ADDRESS", description = "The author's e-mail address.")
        String email;

        @Option(names = "--project", paramLabel = "NAME", description = "Project the entry belongs to.")
        String project;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Free-text notes (blank lines separate paragraphs).")
        String notes;

        @Option(names = "--license", paramLabel = "URL|TEXT",
                description = "Terms of reuse, e.g. https://creativecommons.org/licenses/by/4.0/ (default: none chosen).")
        String license;

        @Option(names = "--from", required = true, paramLabel = "RUNDIR",
                description = "Folder the analyses wrote into (searched with its sub-folders).")
        Path from;

        @Option(names = "--table", paramLabel = "FILE",
                description = "Also add this CSV file as a result table without run record (repeatable).")
        List<Path> tables = new ArrayList<>();

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "The .eln file to write.")
        Path output;

        @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as self-contained HTML.")
        Path html;

        @Option(names = "--pdf", paramLabel = "FILE", description = "Also write the report as PDF.")
        Path pdf;

        @Option(names = "--overwrite", description = "Replace existing output files (default: refuse).")
        boolean overwrite;

        @Override
        public Integer call() {
            // every output is checked before anything is written, so a bad one leaves nothing half done
            ElnWriter.rootFolderFor(output);
            Set<Path> targets = new HashSet<>();
            check(output, "notebook entry", targets);
            if (html != null) {
                check(html, "HTML report", targets);
            }
            if (pdf != null) {
                check(pdf, "PDF report", targets);
            }
            NotebookEntry.Builder b = RunFolder.collect(from).title(title)
                    .author(new NotebookEntry.Author(author, orcid, email)).project(project).notes(notes)
                    .license(license);
            for (Path t : tables) {
                if (!Files.isRegularFile(t)) {
                    throw new BenchtopException(BenchtopException.Kind.BAD_INPUT,
                            "The table file " + t + " does not exist or is not a file; check the path.");
                }
                try {
                    b.table(t.getFileName().toString(), Files.readAllBytes(t));
                } catch (IOException e) {
                    throw new BenchtopException(BenchtopException.Kind.BAD_INPUT, "Cannot read " + t + ": " + e.getMessage());
                }
            }
            NotebookEntry entry = b.build();
            PrintWriter say = spec.commandLine().getOut();
            AtomicFiles.Written eln = ElnWriter.write(entry, output, overwrite);
            say.printf(Locale.ROOT, "Wrote %s: %d analyses, %d tables, %d plots (SHA-256 %s)%n", eln.path(),
                    Integer.valueOf(entry.analyses().size()), Integer.valueOf(entry.tables().size()),
                    Integer.valueOf(entry.plots().size()), eln.sha256());
            if (html != null) {
                say.println("Wrote " + HtmlReport.write(entry, html, overwrite).path());
            }
            if (pdf != null) {
                say.println("Wrote " + PdfReport.write(entry, pdf, overwrite).path());
            }
            say.flush();
            Warnings.print(spec, entry.warnings());
            return 0;
        }

        private void check(Path file, String what, Set<Path> targets) {
            if (!targets.add(file.toAbsolutePath().normalize())) {
                throw new BenchtopException(BenchtopException.Kind.BAD_INPUT,
                        "The " + what + " " + file + " is also given as another output; give each output its own file.");
            }
            AtomicFiles.checkWritable(file, overwrite, what);
        }
    }

    /** {@code benchtop notebook verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Re-check an .eln archive against its own metadata: one top-level folder, "
                + "ro-crate-metadata.json present, every listed file present with its recorded size and SHA-256, "
                + "nothing added, no entry escaping the folder.",
                "Exit code 0 if intact; 3 with one line per changed, missing or added file otherwise."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The .eln file.")
        Path file;

        @Override
        public Integer call() {
            ElnVerifier.Report r = ElnVerifier.withDefaults().verify(file);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (String note : r.notes()) {
                err.println("benchtop: note: " + note);
            }
            if (r.intact()) {
                out.printf(Locale.ROOT, "OK: %s is intact: %d files match the sizes and SHA-256 checksums in its metadata "
                        + "(folder %s/)%n", file, Integer.valueOf(r.filesChecked()), r.rootFolder());
                out.flush();
                err.flush();
                return 0;
            }
            for (ElnVerifier.Finding f : r.problems()) {
                out.println(r.rootFolder() + "/" + f);
            }
            out.flush();
            err.printf(Locale.ROOT, "benchtop: %s is NOT intact: %d problem(s) (%d files compared)%n", file,
                    Integer.valueOf(r.problems().size()), Integer.valueOf(r.filesChecked()));
            err.flush();
            return BenchtopCli.EXIT_BAD_INPUT;
        }
    }
}
