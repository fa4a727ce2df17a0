package org.benchtop.core.notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.benchtop.core.BenchtopException.Kind;

/**
 * Gathers a folder of analysis results into a {@link NotebookEntry.Builder}: every run record
 * {@code X.run.json} (as the command line writes next to each output, e.g.
 * {@code plates_normalized.csv.run.json}) with its output table {@code X}, and every PNG plot (with
 * an SVG of the same name when there is one), in sub-folders too. Names inside the entry are the
 * paths relative to the folder ({@code /} between folders). Files and folders whose name starts with
 * a point are skipped, symbolic links are not followed.
 *
 * <p>Run records are added in the order they were started (then by path). A run record whose output
 * file is missing is still added, with a warning; CSV/TSV files without a run record beside them are
 * not added (they may be inputs) and are named in a warning, so the caller can add them on purpose
 * ({@link NotebookEntry.Builder#table(String, byte[])}). Set the title and author on the returned
 * builder before {@code build()}.
 */
public final class RunFolder {

    /** Suffix of the run record written next to an output file ({@code out.csv.run.json}). */
    public static final String RUN_SUFFIX = ".run.json";

    /** How deep sub-folders are searched. */
    static final int MAX_DEPTH = 8;

    private RunFolder() {
    }

    /**
     * @param dir the folder of results
     * @return a builder holding its run records, output tables and plots, and warnings about what was
     *         left out
     * @throws NotebookException (BAD_INPUT) if the folder does not exist, cannot be read, or a run record
     *         or file cannot be read (the message names it)
     */
    public static NotebookEntry.Builder collect(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw bad("The results folder %s does not exist or is not a folder; give the folder the analyses wrote "
                    + "into", dir);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, MAX_DEPTH)) {
            s.filter(p -> !hidden(dir, p)).filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw bad("Cannot list the results folder %s: %s", dir, e.getMessage());
        }
        files.sort(Comparator.comparing(p -> name(dir, p)));

        NotebookEntry.Builder b = NotebookEntry.builder();
        record Found(Path file, RunRecord record) {
        }
        List<Found> runs = new ArrayList<>();
        Set<String> outputs = new TreeSet<>();
        for (Path f : files) {
            String n = f.getFileName().toString();
            if (n.endsWith(RUN_SUFFIX)) {
                RunRecord r;
                try {
                    r = RunRecord.fromJson(Files.readString(f, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw bad("Cannot read the run record %s: %s", f, e.getMessage());
                } catch (NotebookException e) {
                    throw bad("The run record %s cannot be read: %s", f, e.getMessage());
                }
                runs.add(new Found(f, r));
                outputs.add(name(dir, f).substring(0, name(dir, f).length() - RUN_SUFFIX.length()));
            }
        }
        runs.sort(Comparator.comparing((Found x) -> x.record().started()).thenComparing(x -> name(dir, x.file())));

        for (Found run : runs) {
            String rel = name(dir, run.file());
            String out = rel.substring(0, rel.length() - RUN_SUFFIX.length());
            Path outFile = dir.resolve(out);
            if (Files.isRegularFile(outFile)) {
                b.table(out, read(outFile));
                b.run(run.record(), out);
            } else {
                b.warning(String.format(Locale.ROOT, "The run record %s names no output beside it (%s is missing); "
                        + "the run is recorded without its result", rel, out));
                b.run(run.record());
            }
        }
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            String rel = name(dir, f);
            String lower = rel.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".png")) {
                int dot = rel.lastIndexOf('.');
                Path svg = dir.resolve(rel.substring(0, dot) + ".svg");
                b.plot(rel, read(f), Files.isRegularFile(svg) ? read(svg) : null);
            } else if ((lower.endsWith(".csv") || lower.endsWith(".tsv")) && !outputs.contains(rel)) {
                skipped.add(rel);
            }
        }
        if (!skipped.isEmpty()) {
            b.warning("Not included, as no run record sits beside them (inputs, or extra outputs of a run): "
                    + String.join(", ", skipped));
        }
        return b;
    }

    private static boolean hidden(Path dir, Path p) {
        Path rel = dir.relativize(p);
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String name(Path dir, Path p) {
        List<String> parts = new ArrayList<>();
        for (Path part : dir.relativize(p)) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw bad("Cannot read %s: %s", f, e.getMessage());
        }
    }

    private static NotebookException bad(String template, Object... args) {
        return new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT, template, args));
    }
}
