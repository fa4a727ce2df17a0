package org.benchtop.core.table;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes a {@link Table} as CSV with Commons CSV: a header row with the column names, then one
 * record per row; LF line ends; UTF-8; fields quoted only when needed (Commons CSV
 * {@link QuoteMode#MINIMAL}: a field containing the delimiter, a quote, CR or LF, or starting with
 * a character up to {@code #} or ending with a space, and an empty first field).
 *
 * <p>Values: DOUBLE as the shortest text that reads back as the same double, in the format of
 * {@link Double#toString(double)} ({@code 0.5}, {@code 1.0E-5}, {@code Infinity}) and identical on
 * every Java version (see {@link Column#getString(int)}); INT and LONG as decimal integers; BOOLEAN as {@code true}/{@code false}; STRING
 * as it is; a missing value (NaN, {@code null}) as an empty field. {@link CsvReader#withDefaults()}
 * reads the output back to an equal table, provided no STRING value looks like a number, a boolean
 * or a missing-value token (pass such columns to {@link CsvReader#withStringColumns}).
 *
 * <p>Immutable and thread-safe.
 */
public final class CsvWriter {

    private static final int BUFFER_CHARS = 1 << 16;

    private final char delimiter;

    private CsvWriter(char delimiter) {
        this.delimiter = delimiter;
    }

    /** @return a writer with comma delimiter, header, LF line ends, minimal quoting */
    public static CsvWriter withDefaults() {
        return new CsvWriter(',');
    }

    /**
     * @param d the field delimiter, e.g. {@code '\t'} for TSV; not a quote, CR, LF, letter, digit,
     *        sign or point
     * @return a copy with that delimiter
     * @throws TableException if {@code d} cannot serve as a delimiter
     */
    public CsvWriter withDelimiter(char d) {
        CsvReader.checkDelimiter(d);
        return new CsvWriter(d);
    }

    /**
     * Writes {@code t} to {@code file} atomically: the CSV goes to a temporary file in the same
     * folder, which is then moved over {@code file} (an atomic move where the file system supports
     * it). On failure the temporary file is deleted and {@code file} is left as it was.
     *
     * @param t the table
     * @param file the target file; its folder must exist
     * @throws TableException if the file cannot be written; the message names the file and the reason
     */
    public void write(Table t, Path file) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        Path temp = null;
        try {
            OutputStream os = null;
            for (int attempt = 0; os == null; attempt++) {
                temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                        + ".tmp");
                try {
                    os = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
            try (Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), BUFFER_CHARS)) {
                write(t, w);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (NoSuchFileException e) {
            throw new TableException(String.format(java.util.Locale.ROOT,
                    "Cannot write %s: the folder %s does not exist; create it first or choose another output "
                            + "file", name, dir), e);
        } catch (IOException | UncheckedIOException e) {
            throw new TableException(String.format(java.util.Locale.ROOT,
                    "Cannot write %s in %s: %s; check that the folder is writable and the disk is not full",
                    name, dir, e.getMessage()), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // best effort: the original failure is more important
                }
            }
        }
    }

    /**
     * Writes {@code t} as CSV to {@code out}, flushing but not closing it. Wrap a stream in a
     * {@link BufferedWriter} for speed.
     *
     * @param t the table
     * @param out where to write
     * @throws UncheckedIOException if {@code out} fails
     */
    public void write(Table t, Writer out) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator('\n')
                .setQuoteMode(QuoteMode.MINIMAL).get();
        try {
            List<Column> cols = t.columns();
            int nc = cols.size();
            for (int c = 0; c < nc; c++) {
                format.print(cols.get(c).name(), out, c == 0);
            }
            out.write('\n');
            Column[] cs = cols.toArray(new Column[0]);
            int rows = t.rowCount();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < nc; c++) {
                    Column col = cs[c];
                    if (col.type() == ColumnType.STRING) {
                        String s = col.getString(r);
                        format.print(s == null ? "" : s, out, c == 0);
                        continue;
                    }
                    // numbers and booleans never need quotes (the delimiter is not a digit, letter,
                    // sign or point); a missing first field is written "" as MINIMAL quoting does
                    if (c > 0) {
                        out.write(delimiter);
                    }
                    if (col.isMissing(r)) {
                        if (c == 0) {
                            out.write("\"\"");
                        }
                    } else {
                        out.write(col.getString(r));
                    }
                }
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The canonical CSV form of a table, which provenance records hash: comma delimiter, header,
     * LF line ends, the value formatting of this class, UTF-8. It depends only on the column names,
     * types and values, not on where the table came from.
     *
     * @param t the table
     * @return the UTF-8 bytes
     */
    public static byte[] canonicalCsv(Table t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), BUFFER_CHARS)) {
            withDefaults().write(t, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
