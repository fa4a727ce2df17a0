package org.benchtop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.notebook.AtomicFiles;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.CsvWriter;
import org.benchtop.core.table.Table;

/** Reading inputs and writing outputs for the analysis commands. */
final class CliFiles {

    /** Suffix of the run record written next to an output file. */
    static final String RUN_SUFFIX = ".run.json";

    private CliFiles() {
    }

    /**
     * @param file a CSV or TSV file
     * @param stringColumns columns never to read as numbers (ids)
     * @return the table
     */
    static Table read(Path file, Set<String> stringColumns) {
        if (!Files.isRegularFile(file)) {
            throw new BenchtopException(BenchtopException.Kind.BAD_INPUT,
                    "Input file " + file + " does not exist or is not a file; check the path.");
        }
        return CsvReader.withDefaults().withStringColumns(stringColumns).read(file);
    }

    /**
     * Checks before the analysis that an output can be written, so that a run does not fail at the end.
     *
     * @param file the output file
     */
    static void checkWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BenchtopException(BenchtopException.Kind.BAD_INPUT,
                    "The folder of output file " + file + " does not exist; create it first.");
        }
        if (!Files.isWritable(dir)) {
            throw new BenchtopException(BenchtopException.Kind.BAD_INPUT, "Cannot write into " + dir + "; choose another output folder.");
        }
    }

    /**
     * Writes a table as CSV, atomically.
     *
     * @param table the table
     * @param file the file
     */
    static void write(Table table, Path file) {
        CsvWriter.withDefaults().write(table, file);
    }

    /**
     * Writes a run record next to an output file ({@code out.csv.run.json}), atomically.
     *
     * @param record the run record
     * @param output the main output file
     * @return the record's path
     */
    static Path writeRecord(RunRecord record, Path output) {
        Path file = output.resolveSibling(output.getFileName() + RUN_SUFFIX);
        writeAtomically(file, record.toJson().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * Writes bytes to a temporary file in the same folder and moves it into place, so that an
     * interrupted run never leaves a half-written file under the final name; replaces an existing file.
     *
     * @param file the target
     * @param bytes the content
     */
    static void writeAtomically(Path file, byte[] bytes) {
        AtomicFiles.write(file, true, "output file", bytes);
    }

    /**
     * @param output the main output, e.g. {@code res/genorm.csv}
     * @param suffix e.g. {@code _ranking}
     * @return the sibling {@code res/genorm_ranking.csv} (the extension of the output kept, {@code .csv} if none)
     */
    static Path sibling(Path output, String suffix) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".csv";
        return output.resolveSibling(stem + suffix + ext);
    }

    /**
     * Creates an output folder for images.
     *
     * @param dir the folder
     * @return the folder
     */
    static Path imageFolder(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BenchtopException(BenchtopException.Kind.BAD_INPUT, "Cannot create folder " + dir + ": " + e.getMessage());
        }
    }
}
