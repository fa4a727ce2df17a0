package org.benchtop.core.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.io.NumberOutput;
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
 * <p>Speed: blocks of rows are formatted into UTF-8 bytes in parallel (on the common fork-join pool,
 * with the calling thread) and written in order, so the bytes never depend on the number of threads;
 * numbers, booleans and text that needs no quotes are formatted directly, other text through
 * Commons CSV.
 *
 * <p>Immutable and thread-safe.
 */
public final class CsvWriter {

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
            FileChannel ch = null;
            for (int attempt = 0; ch == null; attempt++) {
                temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                        + ".tmp");
                try {
                    ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
            try (FileChannel out = ch) {
                writeChunks(t, (bytes, length) -> {
                    ByteBuffer buf = ByteBuffer.wrap(bytes, 0, length);
                    while (buf.hasRemaining()) {
                        out.write(buf);
                    }
                });
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
     * Writes {@code t} as CSV to {@code out}, flushing but not closing it.
     *
     * @param t the table
     * @param out where to write
     * @throws UncheckedIOException if {@code out} fails
     */
    public void write(Table t, Writer out) {
        try {
            writeChunks(t, (bytes, length) -> out.write(new String(bytes, 0, length, StandardCharsets.UTF_8)));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code t} as UTF-8 CSV to {@code out}, flushing but not closing it: the same bytes as
     * {@link #write(Table, Writer)} through a UTF-8 writer. Rows are formatted in parallel blocks
     * and written in order, in large writes (no extra buffering is needed).
     *
     * @param t the table
     * @param out where to write
     * @throws UncheckedIOException if {@code out} fails
     */
    public void write(Table t, OutputStream out) {
        try {
            writeChunks(t, (bytes, length) -> out.write(bytes, 0, length));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Formats the header (chunk 0) and blocks of rows (the further chunks), in parallel, and hands
     * them to {@code sink} in order.
     */
    private void writeChunks(Table t, ChunkPipeline.Consumer sink) throws IOException {
        RowFormatter f = new RowFormatter(t, delimiter);
        int rows = t.rowCount();
        int per = f.rowsPerChunk();
        int blocks = (int) ((rows + (long) per - 1) / per);
        ChunkPipeline.run(blocks + 1, (chunk, out) -> {
            if (chunk == 0) {
                f.header(out);
            } else {
                int from = (chunk - 1) * per;
                f.rows(from, Math.min(rows, from + per), out);
            }
        }, sink);
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
        withDefaults().write(t, bytes);
        return bytes.toByteArray();
    }

    /**
     * Formats rows of one table as UTF-8 CSV bytes; thread-safe (immutable), so blocks of rows can be
     * formatted in parallel. Numbers and booleans never need quotes (the delimiter is not a digit,
     * letter, sign or point) and are written directly; text that plainly needs no quotes (printable
     * ASCII, not starting with a character up to {@code #}, not ending in a space, without quote or
     * delimiter) is copied; any other text goes through Commons CSV, which decides on the quoting.
     */
    private static final class RowFormatter {
        private static final byte T_DOUBLE = 0;
        private static final byte T_INT = 1;
        private static final byte T_LONG = 2;
        private static final byte T_BOOLEAN = 3;
        private static final byte T_STRING = 4;
        private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
        private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
        /** Entries per text column of the cache of field bytes (a power of 2). */
        private static final int TEXT_CACHE = 2048;
        /** The longest text of a double ({@code -2.2250738585072014E-308}) or long, with margin. */
        private static final int NUMBER_BYTES = 32;

        private final int nc;
        private final String[] names;
        private final byte[] types;
        private final double[][] doubles;
        /** DOUBLE columns that carry their canonical text (see {@link Column#textRef()}), else null. */
        private final byte[][] doubleText;
        private final int[][] doubleTextEnd;
        private final int[][] ints;
        private final long[][] longs;
        private final boolean[][] bools;
        private final String[][] strings;
        private final boolean[][] missing;
        private final char delimiter;
        private final byte[] delim;
        private final CSVFormat format;
        private final int fixedRowBytes;
        private final int rowsPerChunk;

        RowFormatter(Table t, char delimiter) {
            List<Column> cols = t.columns();
            nc = cols.size();
            names = new String[nc];
            types = new byte[nc];
            doubles = new double[nc][];
            doubleText = new byte[nc][];
            doubleTextEnd = new int[nc][];
            ints = new int[nc][];
            longs = new long[nc][];
            bools = new boolean[nc][];
            strings = new String[nc][];
            missing = new boolean[nc][];
            this.delimiter = delimiter;
            delim = String.valueOf(delimiter).getBytes(StandardCharsets.UTF_8);
            format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator('\n')
                    .setQuoteMode(QuoteMode.MINIMAL).get();
            int fixed = 1 + nc * (delim.length + 2);
            int estimate = 1;
            for (int c = 0; c < nc; c++) {
                Column col = cols.get(c);
                names[c] = col.name();
                missing[c] = col.missingRef();
                switch (col.type()) {
                    case DOUBLE:
                        types[c] = T_DOUBLE;
                        doubles[c] = col.doublesRef();
                        doubleText[c] = col.textRef();
                        doubleTextEnd[c] = col.textEndRef();
                        fixed += NUMBER_BYTES;
                        estimate += 20;
                        break;
                    case INT:
                        types[c] = T_INT;
                        ints[c] = col.intsRef();
                        fixed += NUMBER_BYTES;
                        estimate += 8;
                        break;
                    case LONG:
                        types[c] = T_LONG;
                        longs[c] = col.longsRef();
                        fixed += NUMBER_BYTES;
                        estimate += 12;
                        break;
                    case BOOLEAN:
                        types[c] = T_BOOLEAN;
                        bools[c] = col.booleansRef();
                        fixed += FALSE.length;
                        estimate += 6;
                        break;
                    default:
                        types[c] = T_STRING;
                        strings[c] = col.stringsRef();
                        estimate += 12;
                        break;
                }
                estimate += delim.length;
            }
            fixedRowBytes = fixed;
            // blocks of about 256 KB of text
            rowsPerChunk = Math.max(64, Math.min(1 << 16, (1 << 18) / estimate));
        }

        int rowsPerChunk() {
            return rowsPerChunk;
        }

        void header(ChunkPipeline.Bytes out) {
            for (int c = 0; c < nc; c++) {
                if (c > 0) {
                    out.ensure(delim.length);
                    System.arraycopy(delim, 0, out.a, out.n, delim.length);
                    out.n += delim.length;
                }
                viaCommonsCsv(names[c], c == 0, out);
            }
            out.ensure(1);
            out.a[out.n++] = '\n';
        }

        /**
         * Appends rows {@code from} (inclusive) to {@code to} (exclusive). Text columns repeat values
         * (plate and well ids, labels; the CSV reader shares equal strings): the bytes of each string
         * are kept in a small cache per column, keyed by the string instance, which stays with the
         * buffer from block to block.
         */
        void rows(int from, int to, ChunkPipeline.Bytes out) {
            if (!(out.scratch instanceof TextCache) || ((TextCache) out.scratch).owner != this) {
                out.scratch = new TextCache(this);
            }
            String[][] cachedText = ((TextCache) out.scratch).text;
            byte[][][] cachedBytes = ((TextCache) out.scratch).bytes;
            // the buffer and position are kept in locals (written back before the buffer may grow)
            byte[] a = out.a;
            int n = out.n;
            byte d0 = delim[0];
            boolean oneByteDelimiter = delim.length == 1;
            for (int r = from; r < to; r++) {
                if (a.length - n < fixedRowBytes) {
                    out.n = n;
                    out.ensure(fixedRowBytes);
                    a = out.a;
                }
                for (int c = 0; c < nc; c++) {
                    if (c > 0) {
                        if (oneByteDelimiter) {
                            a[n++] = d0;
                        } else {
                            System.arraycopy(delim, 0, a, n, delim.length);
                            n += delim.length;
                        }
                    }
                    boolean missingValue;
                    switch (types[c]) {
                        case T_DOUBLE: {
                            double d = doubles[c][r];
                            missingValue = d != d; // NaN
                            if (missingValue) {
                                break;
                            }
                            byte[] text = doubleText[c];
                            int start = 0;
                            int len = 0;
                            if (text != null) {
                                int[] end = doubleTextEnd[c];
                                start = r == 0 ? 0 : end[r - 1];
                                len = end[r] - start;
                            }
                            if (len > 0) { // the file's text, which is the canonical text
                                if (a.length - n < len + fixedRowBytes) {
                                    out.n = n;
                                    out.ensure(len + fixedRowBytes);
                                    a = out.a;
                                }
                                System.arraycopy(text, start, a, n, len);
                                n += len;
                            } else {
                                n = putAscii(NumberOutput.toString(d, true), a, n);
                            }
                            break;
                        }
                        case T_INT:
                            missingValue = isMissing(c, r);
                            if (!missingValue) {
                                n = NumberOutput.outputInt(ints[c][r], a, n);
                            }
                            break;
                        case T_LONG:
                            missingValue = isMissing(c, r);
                            if (!missingValue) {
                                n = NumberOutput.outputLong(longs[c][r], a, n);
                            }
                            break;
                        case T_BOOLEAN:
                            missingValue = isMissing(c, r);
                            if (!missingValue) {
                                byte[] word = bools[c][r] ? TRUE : FALSE;
                                System.arraycopy(word, 0, a, n, word.length);
                                n += word.length;
                            }
                            break;
                        default: {
                            String s = strings[c][r];
                            missingValue = s == null;
                            if (missingValue) {
                                break;
                            }
                            int slot = s.hashCode() & (TEXT_CACHE - 1);
                            byte[] b;
                            if (cachedText[c][slot] == s) {
                                b = cachedBytes[c][slot];
                            } else {
                                b = field(s, c == 0);
                                cachedText[c][slot] = s;
                                cachedBytes[c][slot] = b;
                            }
                            if (a.length - n < b.length + fixedRowBytes) {
                                out.n = n;
                                out.ensure(b.length + fixedRowBytes);
                                a = out.a;
                            }
                            System.arraycopy(b, 0, a, n, b.length);
                            n += b.length;
                            break;
                        }
                    }
                    if (missingValue && c == 0) { // a missing first field is written "", as Commons CSV does
                        a[n++] = '"';
                        a[n++] = '"';
                    }
                }
                a[n++] = '\n';
            }
            out.n = n;
        }

        private boolean isMissing(int c, int r) {
            boolean[] m = missing[c];
            return m != null && m[r];
        }

        /**
         * Whether Commons CSV's minimal quoting leaves {@code s} as it is, decided conservatively:
         * not empty, first character above {@code #}, last above space, all printable ASCII
         * without quote or delimiter.
         */
        private boolean plain(String s) {
            int len = s.length();
            if (len == 0 || s.charAt(0) <= '#' || s.charAt(len - 1) <= ' ') {
                return false;
            }
            for (int i = 0; i < len; i++) {
                char ch = s.charAt(i);
                if (ch < ' ' || ch > '~' || ch == '"' || ch == delimiter) {
                    return false;
                }
            }
            return true;
        }

        /** Per text column: string instances and their field bytes, by {@code hashCode} slot. */
        private static final class TextCache {
            final RowFormatter owner;
            final String[][] text;
            final byte[][][] bytes;

            TextCache(RowFormatter owner) {
                this.owner = owner;
                text = new String[owner.nc][];
                bytes = new byte[owner.nc][][];
                for (int c = 0; c < owner.nc; c++) {
                    if (owner.types[c] == T_STRING) {
                        text[c] = new String[TEXT_CACHE];
                        bytes[c] = new byte[TEXT_CACHE][];
                    }
                }
            }
        }

        /** The bytes of a text field ({@code first}: the first field of a record). */
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) copies the low bytes: exact for ASCII
        private byte[] field(String s, boolean first) {
            if (plain(s)) {
                byte[] b = new byte[s.length()];
                s.getBytes(0, b.length, b, 0);
                return b;
            }
            ChunkPipeline.Bytes b = new ChunkPipeline.Bytes(s.length() + 8);
            viaCommonsCsv(s, first, b);
            return Arrays.copyOf(b.a, b.n);
        }

        /** Copies ASCII text to {@code a} at {@code n} (room for it has been made); returns the new end. */
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) copies the low bytes: exact for ASCII
        private static int putAscii(String s, byte[] a, int n) {
            int len = s.length();
            s.getBytes(0, len, a, n);
            return n + len;
        }

        /** A field written by Commons CSV (quoting as needed; {@code first}: the first field of a record). */
        private void viaCommonsCsv(String s, boolean first, ChunkPipeline.Bytes out) {
            StringBuilder sb = new StringBuilder(s.length() + 8);
            try {
                format.print(s, sb, first);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringBuilder does not fail
            }
            // after the first field Commons CSV writes the delimiter first: the caller has written it
            String text = first ? sb.toString() : sb.substring(1);
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            out.ensure(b.length);
            System.arraycopy(b, 0, out.a, out.n, b.length);
            out.n += b.length;
        }
    }
}
