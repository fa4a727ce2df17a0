package org.benchtop.core.table;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.io.NumberInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Reads a CSV or TSV file with a header row into a {@link Table}, streaming, with Commons CSV
 * (RFC 4180 quoting: fields in double quotes may hold delimiters, line breaks and doubled quotes).
 *
 * <p><b>Format.</b> The delimiter is comma, tab or semicolon: unless set with
 * {@link #withDelimiter(char)}, a file whose name ends in {@code .tsv} is read with tab, any other
 * input with the delimiter that occurs most often, outside quotes, in the header line (ties go to
 * comma, then tab, then semicolon). Text is UTF-8; a leading byte-order mark is dropped. The first
 * non-blank line is the header: every column needs a non-empty, unique name (names are trimmed of
 * surrounding white space). Every further record must have as many fields as the header; blank
 * lines are skipped. Line ends may be LF, CRLF or CR.
 *
 * <p><b>Missing values.</b> A field is missing when its text, trimmed of surrounding spaces and
 * control characters ({@link String#trim()}), is one of the missing tokens: by default the empty
 * string, {@code NA}, {@code NaN} and {@code null} (case-sensitive).
 *
 * <p><b>Types.</b> Each column gets the narrowest type that holds all its non-missing values,
 * inspected over all rows: {@link ColumnType#BOOLEAN} if every value is {@code true} or
 * {@code false} (any case); {@link ColumnType#INT} if every value is a decimal integer (optional
 * sign, digits only) within the {@code int} range, {@link ColumnType#LONG} if within the
 * {@code long} range; {@link ColumnType#DOUBLE} if every value is a decimal number
 * ({@code 1}, {@code -2.5}, {@code .5}, {@code 1e-5}, {@code 6.02E23}), {@code Inf},
 * {@code Infinity} or {@code NaN} (any case, optional sign), parsed to the nearest double (the
 * result of {@link Double#parseDouble(String)}, computed by Jackson's FastDoubleParser,
 * {@code NumberInput.parseDouble(text, true)}) on the trimmed text, independent of the locale (a decimal
 * comma makes the value text); otherwise {@link ColumnType#STRING}, keeping each field's text as
 * it is in the file. A column without any non-missing value is DOUBLE (all NaN). Columns named in
 * {@link #withStringColumns(Set)} are always STRING.
 *
 * <p><b>Errors</b> are {@link TableException}s naming the file, the line and the column, and saying
 * how to fix the file. A file with a header and no data rows gives a table with 0 rows.
 *
 * <p>Memory and speed: values are parsed as they stream past, straight into primitive arrays;
 * the text of typed values is kept as compact bytes until the column's type is settled, and a
 * DOUBLE column keeps the text of the values that are written exactly as {@link CsvWriter} writes
 * them (so that writing or hashing the table copies it instead of formatting the number again). A
 * file of 4 MB or more without any quote character is read in blocks of about 2 MB, cut at line
 * ends and parsed in parallel on the common fork-join pool; a block of such lines holds no CSV
 * syntax but delimiters and line ends, and is split at them directly (exactly the records and
 * fields Commons CSV returns for it: {@code CsvReaderBlocksTest} compares the two on random files).
 * The result, including column types and line numbers, is that of the sequential Commons CSV read,
 * which every other input and every error report uses. Immutable and thread-safe.
 */
public final class CsvReader {

    private static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "NaN", "null");
    private static final int HEADER_SCAN_LIMIT = 1 << 20;
    /** Files of at least this many bytes are read in parallel blocks, when they qualify. */
    private static final long PARALLEL_MIN_BYTES = 1L << 22;
    /** The size of a block of a file read in parallel. */
    private static final int BLOCK_BYTES = 1 << 21;
    /** The start of a file read in parallel, to find the header in. */
    private static final int HEAD_BYTES = 1 << 20;
    /** How far past a cut point to look for the line end (longer lines: read sequentially). */
    private static final int CUT_WINDOW = 1 << 16;

    private final char delimiter; // 0 = detect
    private final Set<String> missingTokens;
    private final Set<String> stringColumns;

    private CsvReader(char delimiter, Set<String> missingTokens, Set<String> stringColumns) {
        this.delimiter = delimiter;
        this.missingTokens = missingTokens;
        this.stringColumns = stringColumns;
    }

    /**
     * @return a reader that detects the delimiter (comma, tab, semicolon), requires a header row,
     *         drops a byte-order mark, understands quoted fields and treats {@code ""}, {@code NA},
     *         {@code NaN} and {@code null} as missing
     */
    public static CsvReader withDefaults() {
        return new CsvReader((char) 0, DEFAULT_MISSING, Set.of());
    }

    /**
     * @param d the field delimiter to use instead of detecting one, e.g. {@code ','}, {@code '\t'},
     *        {@code ';'}; not a quote, CR, LF, letter, digit, sign or point
     * @return a copy with that delimiter
     * @throws TableException if {@code d} cannot serve as a delimiter
     */
    public CsvReader withDelimiter(char d) {
        checkDelimiter(d);
        return new CsvReader(d, missingTokens, stringColumns);
    }

    /**
     * @param t the texts that mark a missing value (compared with the trimmed field text,
     *        case-sensitive); replaces the defaults; may be empty
     * @return a copy with these tokens
     */
    public CsvReader withMissingTokens(Set<String> t) {
        return new CsvReader(delimiter, Set.copyOf(t), stringColumns);
    }

    /**
     * @param names columns that are always read as STRING, never type-inferred (e.g. well ids or
     *        gene ids such as {@code 007}); names not in the file are ignored
     * @return a copy with these string columns
     */
    public CsvReader withStringColumns(Set<String> names) {
        return new CsvReader(delimiter, missingTokens, Set.copyOf(names));
    }

    /**
     * Reads a UTF-8 CSV or TSV file. The table's source is the file name (without folder), and
     * {@link Table#locate(int)} gives the line on which each row starts.
     *
     * @param file the file
     * @return the table
     * @throws TableException if the file cannot be read or is malformed; the message names the
     *         file, line and column and says how to fix it
     */
    public Table read(Path file) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        char d = delimiter;
        if (d == 0 && source.toLowerCase(Locale.ROOT).endsWith(".tsv")) {
            d = '\t';
        }
        Table inBlocks = readInBlocks(file, source, d);
        if (inBlocks != null) {
            return inBlocks;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Parse(source, d, file).run(in);
        } catch (NotUtf8 e) {
            long line = firstLineNotUtf8(file);
            throw new TableException(String.format(Locale.ROOT, "%s is not UTF-8 text: line %s holds bytes that "
                    + "are not UTF-8; save the file as UTF-8 (in Excel: 'CSV UTF-8')", source,
                    line < 0 ? "?" : Long.toString(line)), e.getCause());
        } catch (NoSuchFileException e) {
            throw TableException.of("Cannot read %s: the file %s does not exist; check the path", source,
                    file.toAbsolutePath());
        } catch (IOException e) {
            throw new TableException(String.format(Locale.ROOT, "Cannot read %s (%s): %s; check that the file "
                    + "exists and is readable", source, file.toAbsolutePath(), e.getMessage()), e);
        }
    }

    /**
     * Reads CSV or TSV text. The reader is read to its end but not closed.
     *
     * @param in the text (buffered here)
     * @param source the name used in messages and as {@link Table#source()}, e.g. a file name
     * @return the table
     * @throws TableException if the text is malformed; the message names the source, line and
     *         column and says how to fix it
     */
    public Table read(Reader in, String source) {
        Objects.requireNonNull(source, "source");
        try {
            Reader notClosed = new FilterReader(in) {
                @Override
                public void close() {
                    // the caller closes its reader
                }
            };
            return new Parse(source, delimiter, null).run(new BufferedReader(notClosed, 1 << 16));
        } catch (NotUtf8 e) {
            throw new TableException(String.format(Locale.ROOT, "%s cannot be decoded as text (%s); save it as "
                    + "UTF-8", source, e.getCause().getMessage()), e.getCause());
        } catch (IOException e) {
            throw new TableException(String.format(Locale.ROOT, "Cannot read %s: %s", source, e.getMessage()), e);
        }
    }

    /**
     * Reads a large file in parallel: the data lines are cut into blocks of about
     * {@value #BLOCK_BYTES} bytes at line ends, each block is split into its own column builders
     * (see {@link #parseBlock}), and the blocks' columns are joined in file order with the type
     * rules of the sequential read (a column's type is the narrowest that holds the values of every
     * block). Cutting at line ends is only safe when no field spans lines, so only files without
     * any quote character (and with LF or CRLF line ends) qualify. The result equals that of the
     * sequential read, which is used for every other file and to report any problem: this method
     * returns {@code null} instead of throwing.
     *
     * @param file the file
     * @param source its name, for messages
     * @param d the delimiter, 0 to detect it
     * @return the table, or {@code null} to read sequentially
     */
    Table readInBlocks(Path file, String source, char d) {
        if (ForkJoinPool.getCommonPoolParallelism() < 1 || Runtime.getRuntime().availableProcessors() < 2) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < PARALLEL_MIN_BYTES) {
                return null;
            }
            byte[] head = readAt(ch, 0, (int) Math.min(size, HEAD_BYTES));
            int end = head.length;
            int pos = end >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
            char delim = d;
            if (delim == 0) {
                delim = detectDelimiter(new BufferedReader(new InputStreamReader(
                        new ByteArrayInputStream(head, pos, end - pos), StandardCharsets.UTF_8.newDecoder())));
            }
            // the header: the first line that is not blank
            int line = 0;
            String headerText = null;
            while (pos < end) {
                int lf = pos;
                while (lf < end && head[lf] != '\n') {
                    lf++;
                }
                if (lf == end) {
                    return null; // a very long header, or no data line
                }
                line++;
                int stop = lf > pos && head[lf - 1] == '\r' ? lf - 1 : lf;
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head, pos, stop - pos))
                        .toString();
                pos = lf + 1;
                if (text.indexOf('"') >= 0 || text.indexOf('\r') >= 0) {
                    return null;
                }
                if (text.indexOf(delim) >= 0 || !text.isBlank()) {
                    headerText = text;
                    break;
                }
            }
            if (headerText == null || delim >= 128) { // blocks are split at ASCII delimiters
                return null;
            }
            CSVFormat format = csvFormat(delim);
            CSVRecord header;
            try (CSVParser hp = format.parse(new StringReader(headerText))) {
                header = hp.iterator().next();
            }
            Parse hp = new Parse(source, delim, file);
            ColumnBuilder[] headerCols = hp.columns(header, line);
            String[] names = new String[headerCols.length];
            boolean[] forceString = new boolean[headerCols.length];
            for (int c = 0; c < names.length; c++) {
                names[c] = headerCols[c].name;
                forceString[c] = headerCols[c].state == S_STRING;
            }
            // blocks, cut after a line end; each is read by the thread that parses it
            long dataStart = pos;
            int nb = (int) Math.max(2, Math.min(4096, (size - dataStart) / BLOCK_BYTES));
            long[] cut = new long[nb + 1];
            cut[0] = dataStart;
            for (int k = 1; k < nb; k++) {
                long at = Math.max(cut[k - 1], dataStart + (size - dataStart) * k / nb);
                if (at >= size) {
                    cut[k] = size;
                    continue;
                }
                byte[] window = readAt(ch, at - 1, (int) Math.min(CUT_WINDOW, size - (at - 1)));
                int i = 0;
                while (i < window.length && window[i] != '\n') {
                    i++;
                }
                if (i == window.length && at - 1 + window.length < size) {
                    return null; // lines longer than the window
                }
                cut[k] = Math.min(size, at + i);
            }
            cut[nb] = size;
            for (int k = 0; k < nb; k++) {
                if (cut[k + 1] - cut[k] > Integer.MAX_VALUE - 16) {
                    return null;
                }
            }
            char dl = delim;
            Block[] blocks = IntStream.range(0, nb).parallel().mapToObj(k -> {
                try {
                    byte[] b = readAt(ch, cut[k], (int) (cut[k + 1] - cut[k]));
                    return parseBlock(b, 0, b.length, source, dl, names, forceString);
                } catch (IOException e) {
                    return null;
                }
            }).toArray(Block[]::new);
            int rows = 0;
            for (Block b : blocks) {
                if (b == null || rows + (long) b.rows > Integer.MAX_VALUE - 16) {
                    return null;
                }
                rows += b.rows;
            }
            int[] lines = new int[rows];
            int offset = line;
            int r0 = 0;
            for (Block b : blocks) {
                for (int i = 0; i < b.rows; i++) {
                    lines[r0 + i] = offset + b.lines[i];
                }
                r0 += b.rows;
                offset += b.lineBreaks;
            }
            Column[] columns = IntStream.range(0, names.length).parallel().mapToObj(c -> {
                ColumnBuilder[] parts = new ColumnBuilder[blocks.length];
                for (int k = 0; k < parts.length; k++) {
                    parts[k] = blocks[k].cols[c];
                }
                return ColumnBuilder.join(parts);
            }).toArray(Column[]::new);
            return Table.of(source, List.of(columns)).withSourceNoCopy(source, lines);
        } catch (IOException | RuntimeException e) {
            return null; // the sequential read reports the problem
        }
    }

    /** Reads {@code length} bytes at {@code position} (a positional read: safe from several threads). */
    private static byte[] readAt(FileChannel ch, long position, int length) throws IOException {
        byte[] b = new byte[length];
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new EOFException("the file got shorter while it was read");
            }
        }
        return b;
    }

    /** Commons CSV's format of the sequential read (and of the header of a read in blocks). */
    private static CSVFormat csvFormat(char delim) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delim).setIgnoreEmptyLines(false)
                .setQuoteMode(QuoteMode.ALL_NON_NULL) // only to tell a blank line from ""
                .get();
    }

    /** The columns of one block of data lines; row lines are counted from the block's start. */
    private static final class Block {
        final ColumnBuilder[] cols;
        final int rows;
        final int[] lines;
        final int lineBreaks;

        Block(ColumnBuilder[] cols, int rows, int[] lines, int lineBreaks) {
            this.cols = cols;
            this.rows = rows;
            this.lines = lines;
            this.lineBreaks = lineBreaks;
        }
    }

    /**
     * Parses the data lines in {@code bytes[from, to)} as the sequential read does. A block that
     * holds no quote character, no lone CR and only UTF-8 holds no CSV syntax but delimiters and line
     * ends, and is split at them: its records and fields are exactly those Commons CSV returns for it
     * (its format has no escape or comment character and no trimming; {@code CsvReaderBlocksTest}
     * compares the two on random files). A record is a line, LF or CRLF ended or ending the block; a
     * field is the text between delimiters. Delimiter and line bytes are ASCII, so they never cut a
     * UTF-8 sequence.
     *
     * @return the block, or {@code null} if it holds a quote, a lone CR or bytes that are not
     *         UTF-8, or a record of another number of fields than the header (the sequential read
     *         reports it), or anything fails
     */
    private Block parseBlock(byte[] bytes, int from, int to, String source, char delim, String[] names,
            boolean[] forceString) {
        int nc = names.length;
        ColumnBuilder[] cols = new ColumnBuilder[nc];
        for (int c = 0; c < nc; c++) {
            cols[c] = new ColumnBuilder(names[c], forceString[c]);
        }
        Parse p = new Parse(source, delim, null);
        byte d = (byte) delim;
        int[] fieldEnd = new int[nc + 1];
        int rows = 0;
        int[] lines = new int[1024];
        int line = 0;
        boolean ascii = true;
        int pos = from;
        try {
            while (pos < to) {
                line++;
                // one pass over the line: its end, its delimiters, and anything that is not plain
                int fields = 0;
                int lf = pos;
                for (; lf < to; lf++) {
                    byte b = bytes[lf];
                    if (b == d) {
                        if (fields < nc) {
                            fieldEnd[fields] = lf;
                        }
                        fields++;
                    } else if (b == '\n') {
                        break;
                    } else if (b == '"' || b == '\r' && (lf + 1 == to || bytes[lf + 1] != '\n')) {
                        return null;
                    } else if (b < 0) {
                        ascii = false;
                    }
                }
                int end = lf > pos && bytes[lf - 1] == '\r' ? lf - 1 : lf; // the delimiter is never CR
                if (fields < nc) {
                    fieldEnd[fields] = end;
                }
                fields++;
                if (fields == 1 && isBlankLine(bytes, pos, end, nc)) {
                    pos = lf + 1;
                    continue;
                }
                if (fields != nc) {
                    return null; // the sequential read reports it
                }
                int start = pos;
                for (int c = 0; c < nc; c++) {
                    cols[c].add(bytes, start, fieldEnd[c], null, p);
                    start = fieldEnd[c] + 1;
                }
                if (rows == lines.length) {
                    lines = Arrays.copyOf(lines, grow(rows));
                }
                lines[rows++] = line;
                pos = lf + 1;
            }
        } catch (RuntimeException e) {
            return null;
        }
        // text that is not UTF-8 was decoded with replacement characters: read it sequentially
        boolean endsWithLineEnd = to > from && bytes[to - 1] == '\n';
        int lineBreaks = endsWithLineEnd || line == 0 ? line : line - 1;
        return ascii || isUtf8(bytes, from, to) ? new Block(cols, rows, lines, lineBreaks) : null;
    }

    /**
     * As {@link #isBlank(CSVRecord, int)} for a line without delimiter: empty, or, in a table of
     * several columns, white space only ({@link String#isBlank()}; the caller passes ASCII or valid
     * UTF-8).
     */
    private static boolean isBlankLine(byte[] bytes, int from, int to, int columns) {
        return from == to || columns > 1 && new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
    }

    /** @return whether {@code bytes[from, to)} is well-formed UTF-8 */
    private static boolean isUtf8(byte[] bytes, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Finds a quoting error in the record that starts on {@code startLine}, reading the file again
     * (only after the parser failed): an opening quote that is never closed, or text after a
     * closing quote. Follows Commons CSV's rules: a quote opens a quoted field only as the field's
     * first character; inside, a doubled quote is a quote; white space may follow the closing quote.
     *
     * @return {0-based field index, 1-based line of the problem}, or {@code null} if not found
     */
    private static int[] quoteProblem(Path file, int startLine, char delim) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int line = 1;
            int c = in.read();
            if (c == '\uFEFF') {
                c = in.read();
            }
            while (line < startLine && c >= 0) {
                if (c == '\n' || c == '\r') {
                    line++;
                    if (c == '\r') {
                        c = in.read();
                        if (c == '\n') {
                            c = in.read();
                        }
                        continue;
                    }
                }
                c = in.read();
            }
            int field = 0;
            int openLine = line;
            boolean quoted = false;
            boolean fieldStart = true;
            boolean closed = false;
            for (; c >= 0; c = in.read()) {
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        if (in.read() != '"') {
                            in.reset();
                            quoted = false;
                            closed = true;
                        }
                    } else if (c == '\n' || c == '\r' && peekNot(in, '\n')) {
                        line++;
                    }
                    continue;
                }
                if (c == delim) {
                    field++;
                    fieldStart = true;
                    closed = false;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    return null; // the record ended without a quoting problem
                }
                if (closed) {
                    if (Character.isWhitespace(c)) {
                        continue; // allowed between the closing quote and the delimiter
                    }
                    return new int[] {field, line};
                }
                if (c == '"' && fieldStart) {
                    quoted = true;
                    openLine = line;
                }
                fieldStart = false;
            }
            return quoted ? new int[] {field, openLine} : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean peekNot(BufferedReader in, char c) throws IOException {
        in.mark(1);
        int next = in.read();
        in.reset();
        return next != c;
    }

    /** Signals a decoding error up to {@link #read(Path)}, which finds the line. */
    private static final class NotUtf8 extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotUtf8(IOException cause) {
            super(cause);
        }
    }

    /**
     * @return the 1-based line of the first byte sequence that is not UTF-8, or -1 if none is
     *         found (or the file cannot be read again)
     */
    private static long firstLineNotUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                while (true) {
                    CoderResult r = decoder.decode(bytes, chars, eof);
                    chars.flip();
                    while (chars.hasRemaining()) {
                        if (chars.get() == '\n') {
                            line++;
                        }
                    }
                    chars.clear();
                    if (r.isError()) {
                        return line;
                    }
                    if (r.isUnderflow()) {
                        break;
                    }
                }
                bytes.compact();
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static void checkDelimiter(char d) {
        if (d == '"' || d == '\r' || d == '\n' || d == 0 || d == '-' || d == '+' || d == '.'
                || Character.isLetterOrDigit(d)) {
            throw TableException.of("'%s' cannot be a field delimiter; use a comma, tab or semicolon",
                    d == '\t' ? "\\t" : String.valueOf(d));
        }
    }

    // ====================================================================== one parse

    /** The state of one read: mutable, confined to the calling thread. */
    private final class Parse {
        private final String source;
        /** The file being read, to locate a quoting error in it; {@code null} for a Reader. */
        private final Path file;
        /** The header names, once read. */
        private String[] names = new String[0];
        private char delim;
        /** The missing tokens that are not empty, as UTF-8. */
        private final byte[][] tokens;
        private final int maxTokenLength;
        /** Bytes that start a missing token; most values are rejected on this alone. */
        private final boolean[] tokenStart = new boolean[256];
        private boolean emptyIsMissing;
        /** Scratch results of {@link #classify(byte[], int, int)}. */
        private long integer;
        private boolean negative;
        private double real;
        /** Whether the text of the last {@link #K_DOUBLE} is the canonical text of {@link #real}. */
        private boolean canonical;

        Parse(String source, char delim, Path file) {
            this.source = source;
            this.file = file;
            this.delim = delim;
            int max = 0;
            List<byte[]> nonEmpty = new ArrayList<>();
            for (String t : missingTokens) {
                byte[] b = t.getBytes(StandardCharsets.UTF_8);
                if (b.length == 0) {
                    emptyIsMissing = true;
                } else {
                    nonEmpty.add(b);
                    max = Math.max(max, b.length);
                    tokenStart[b[0] & 0xff] = true;
                }
            }
            this.tokens = nonEmpty.toArray(new byte[0][]);
            this.maxTokenLength = max;
        }

        Table run(BufferedReader in) throws IOException {
            int line = 0;
            try {
                skipBom(in);
                if (delim == 0) {
                    delim = detectDelimiter(in);
                }
                try (CSVParser parser = csvFormat(delim).parse(in)) {
                    Iterator<CSVRecord> it = parser.iterator();
                    // header: first record that is not a blank line
                    CSVRecord header = null;
                    int headerLine = 0;
                    while (header == null && it.hasNext()) {
                        CSVRecord r = it.next();
                        headerLine = line + 1;
                        line = (int) parser.getCurrentLineNumber();
                        if (!isBlank(r, 2)) {
                            header = r;
                        }
                    }
                    if (header == null) {
                        throw TableException.of("%s is empty; a CSV file needs a header row with the column "
                                + "names, then one row per record", source);
                    }
                    ColumnBuilder[] cols = columns(header, headerLine);
                    int nc = cols.length;
                    int[] lines = new int[1024];
                    int rows = 0;
                    while (it.hasNext()) {
                        CSVRecord r = it.next();
                        int start = line + 1;
                        line = (int) parser.getCurrentLineNumber();
                        int size = r.size();
                        if (isBlank(r, nc)) {
                            continue;
                        }
                        if (size != nc) {
                            throw ragged(start, size, cols);
                        }
                        for (int c = 0; c < nc; c++) {
                            String v = r.get(c);
                            cols[c].add(v == null ? "" : v, this);
                        }
                        if (rows == lines.length) {
                            lines = Arrays.copyOf(lines, grow(rows));
                        }
                        lines[rows++] = start;
                    }
                    List<Column> columns = new ArrayList<>(nc);
                    for (ColumnBuilder b : cols) {
                        columns.add(b.build());
                    }
                    return Table.of(source, columns).withSourceNoCopy(source,
                            lines.length == rows ? lines : Arrays.copyOf(lines, rows));
                }
            } catch (UncheckedIOException e) {
                throw ioProblem(e.getCause(), line + 1);
            } catch (CharacterCodingException e) {
                throw ioProblem(e, line + 1);
            }
        }

        private RuntimeException ioProblem(IOException e, int line) {
            if (e instanceof CharacterCodingException) {
                return new NotUtf8(e);
            }
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            boolean unclosed = m.contains("EOF reached before encapsulated token finished");
            boolean trailing = m.contains("between encapsulated token and delimiter");
            int[] where = (unclosed || trailing) && file != null ? quoteProblem(file, line, delim) : null;
            if (where != null) {
                int f = where[0];
                String column = f < names.length ? String.format(Locale.ROOT, "column '%s' (%d)", names[f],
                        Integer.valueOf(f + 1)) : "column " + (f + 1);
                return new TableException(String.format(Locale.ROOT, "%s line %d, %s: %s", source,
                        Integer.valueOf(where[1]), column, unclosed
                                ? "the quoted field is never closed; add the closing quote (\"), and write a quote "
                                        + "inside a quoted field as two quotes (\"\")"
                                : "text follows the closing quote of a quoted field; put the whole field in quotes "
                                        + "and write a quote inside it as two quotes (\"\")"), e);
            }
            if (unclosed) {
                return new TableException(String.format(Locale.ROOT, "%s line %d: a quoted field that starts in "
                        + "the record on this line is never closed; add the closing quote (\"), and write a "
                        + "quote inside a quoted field as two quotes (\"\")", source, Integer.valueOf(line)), e);
            }
            if (trailing) {
                return new TableException(String.format(Locale.ROOT, "%s line %d: text follows the closing "
                        + "quote of a quoted field in the record that starts on this line; put the whole field "
                        + "in quotes and write a quote inside it as two quotes (\"\")", source,
                        Integer.valueOf(line)), e);
            }
            return new TableException(String.format(Locale.ROOT, "Cannot read %s near line %d: %s", source,
                    Integer.valueOf(line), m), e);
        }

        private ColumnBuilder[] columns(CSVRecord header, int headerLine) {
            int nc = header.size();
            ColumnBuilder[] cols = new ColumnBuilder[nc];
            Map<String, Integer> seen = new HashMap<>();
            for (int c = 0; c < nc; c++) {
                String name = header.get(c) == null ? "" : header.get(c).strip();
                if (name.isEmpty()) {
                    throw TableException.of("%s line %d: column %d has no name (it lies between column %s and "
                            + "%s); give every column a name in the header row, or remove the extra delimiter",
                            source, Integer.valueOf(headerLine), Integer.valueOf(c + 1), neighbour(header, c - 1),
                            neighbour(header, c + 1));
                }
                Integer before = seen.putIfAbsent(name, Integer.valueOf(c + 1));
                if (before != null) {
                    throw TableException.of("%s line %d: column name '%s' occurs twice (columns %d and %d); give "
                            + "every column a different name in the header row", source,
                            Integer.valueOf(headerLine), name, before, Integer.valueOf(c + 1));
                }
                cols[c] = new ColumnBuilder(name, stringColumns.contains(name));
            }
            names = new String[nc];
            for (int c = 0; c < nc; c++) {
                names[c] = cols[c].name;
            }
            return cols;
        }

        private String neighbour(CSVRecord header, int c) {
            if (c < 0) {
                return "(start of line)";
            }
            if (c >= header.size()) {
                return "(end of line)";
            }
            String n = header.get(c) == null ? "" : header.get(c).strip();
            return n.isEmpty() ? String.valueOf(c + 1) : String.format(Locale.ROOT, "%d '%s'",
                    Integer.valueOf(c + 1), n);
        }

        private TableException ragged(int line, int size, ColumnBuilder[] cols) {
            int nc = cols.length;
            String delimName = delim == ',' ? "comma" : delim == '\t' ? "tab" : delim == ';' ? "semicolon"
                    : "'" + delim + "'";
            if (size < nc) {
                return TableException.of("%s line %d: %s but the header has %s; column '%s' (%d) "
                        + "%s no field. Add the missing fields (leave them empty for a missing value), "
                        + "separated by a %s", source, Integer.valueOf(line), count(size, "field"), count(nc, "column"),
                        cols[size].name, Integer.valueOf(size + 1), size + 1 < nc ? "and those after it have" : "has",
                        delimName);
            }
            return TableException.of("%s line %d: %s but the header has %s; the fields after the last "
                    + "column '%s' (%d) have no column. Remove the extra fields, or put values that contain a %s "
                    + "in double quotes", source, Integer.valueOf(line), count(size, "field"), count(nc, "column"),
                    cols[nc - 1].name, Integer.valueOf(nc), delimName);
        }

        /** @return whether the trimmed UTF-8 text {@code b[from, to)} is a missing token */
        private boolean isMissing(byte[] b, int from, int to) {
            int len = to - from;
            if (len == 0) {
                return emptyIsMissing;
            }
            if (len > maxTokenLength || !tokenStart[b[from] & 0xff]) {
                return false;
            }
            for (byte[] t : tokens) {
                if (Arrays.equals(t, 0, t.length, b, from, to)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Classifies a trimmed, non-empty, non-missing field, given as UTF-8 text {@code b[from, to)};
         * only ASCII text can be a boolean or a number.
         *
         * @return one of the K_ constants; sets {@link #integer}/{@link #negative} for integers and
         *         {@link #real} (and {@link #canonical}) for other numbers
         */
        private int classify(byte[] b, int from, int to) {
            canonical = false;
            int len = to - from;
            int c0 = b[from];
            if ((len == 4 || len == 5) && (c0 == 't' || c0 == 'T' || c0 == 'f' || c0 == 'F')) {
                if (equalsIgnoreCase(b, from, to, "true")) {
                    return K_TRUE;
                }
                if (equalsIgnoreCase(b, from, to, "false")) {
                    return K_FALSE;
                }
                return K_TEXT;
            }
            int i = from;
            boolean neg = false;
            if (c0 == '-' || c0 == '+') {
                neg = c0 == '-';
                i++;
                if (len == 1) {
                    return K_TEXT;
                }
            }
            int c = b[i];
            if (c == 'I' || c == 'i') {
                if (equalsIgnoreCase(b, i, to, "inf") || equalsIgnoreCase(b, i, to, "infinity")) {
                    real = neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                    return K_DOUBLE;
                }
                return K_TEXT;
            }
            if (c == 'N' || c == 'n') {
                if (equalsIgnoreCase(b, i, to, "nan")) {
                    real = Double.NaN;
                    return K_DOUBLE;
                }
                return K_TEXT;
            }
            // integer part, accumulated negatively as Long.parseLong does
            long limit = neg ? Long.MIN_VALUE : -Long.MAX_VALUE;
            long multmin = limit / 10;
            long acc = 0;
            boolean overflow = false;
            int start = i;
            while (i < to) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (!overflow) {
                    if (acc < multmin) {
                        overflow = true;
                    } else {
                        acc *= 10;
                        if (acc < limit + d) {
                            overflow = true;
                        } else {
                            acc -= d;
                        }
                    }
                }
                i++;
            }
            boolean mantissa = i > start;
            if (i == to) {
                if (overflow) {
                    real = NumberInput.parseDouble(ascii(b, from, to), true);
                    return K_DOUBLE;
                }
                integer = neg ? acc : -acc;
                negative = neg;
                return integer >= Integer.MIN_VALUE && integer <= Integer.MAX_VALUE ? K_INT : K_LONG;
            }
            // the digits as an integer m with the decimal exponent e (value m 10^e), while m < 2^53
            long m = -acc;
            boolean exact = !overflow && m < EXACT_LIMIT;
            int e = 0;
            int intDigits = i - start;
            int dot = i;
            if (b[i] == '.') {
                i++;
                while (i < to) {
                    int d = b[i] - '0';
                    if (d < 0 || d > 9) {
                        break;
                    }
                    if (exact) {
                        long next = m * 10 + d;
                        if (next < EXACT_LIMIT) {
                            m = next;
                            e--;
                        } else {
                            exact = false;
                        }
                    }
                    i++;
                    mantissa = true;
                }
            }
            if (!mantissa) {
                return K_TEXT;
            }
            int fractionEnd = i;
            if (i < to && (b[i] == 'e' || b[i] == 'E')) {
                i++;
                boolean negExp = false;
                if (i < to && (b[i] == '+' || b[i] == '-')) {
                    negExp = b[i] == '-';
                    i++;
                }
                int e0 = i;
                int exp = 0;
                while (i < to && b[i] >= '0' && b[i] <= '9') {
                    if (exp < 10_000) {
                        exp = exp * 10 + b[i] - '0';
                    }
                    i++;
                }
                if (i == e0) {
                    return K_TEXT;
                }
                e += negExp ? -exp : exp;
            }
            if (i != to) {
                return K_TEXT;
            }
            if (exact && e >= -22 && e <= 22) {
                // Clinger's fast path: m and 10^|e| are exact doubles, so one correctly rounded
                // multiplication or division gives the nearest double, as Double.parseDouble does
                double v = e < 0 ? (double) m / POW10[-e] : (double) m * POW10[e];
                real = neg ? -v : v;
                canonical = c0 != '+' && fractionEnd == to && m < MAX_15_DIGITS
                        && isCanonicalLayout(b, start, intDigits, dot, fractionEnd, v);
                return K_DOUBLE;
            }
            real = NumberInput.parseDouble(ascii(b, from, to), true);
            return K_DOUBLE;
        }
    }

    /** @return whether {@code b[from, to)} is {@code word} (lower-case ASCII) in any ASCII case */
    private static boolean equalsIgnoreCase(byte[] b, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != word.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    /** @return the ASCII text {@code b[from, to)} as a string */
    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether a decimal without exponent, {@code v} &gt; 0 read from at most 15 significant digits,
     * is written exactly as {@link CsvWriter} writes {@code v} ({@link Column#getString(int)}: the
     * shortest decimal that reads back as {@code v}, plainly for 10<sup>-3</sup> &le; v &lt;
     * 10<sup>7</sup> and 0, else with an exponent). Decimals of at most 15 significant digits lie
     * further apart than the interval of reals that round to one double, so such a decimal is the
     * only one of its length that reads back as {@code v}: the shortest one once trailing zeros are
     * dropped. The text is then canonical when it is laid out as the writer does: integer digits
     * without leading zero, a point, fraction digits without trailing zero ({@code 2.0} keeps one).
     * {@code CsvReaderNumberTest} checks this against the writer's formatting.
     *
     * @param t the text; {@code start} is after its sign, {@code intDigits} integer digits follow,
     *        then the point at {@code dot} and the fraction up to {@code fractionEnd}
     */
    private static boolean isCanonicalLayout(byte[] t, int start, int intDigits, int dot, int fractionEnd,
            double v) {
        int fractionDigits = fractionEnd - dot - 1;
        if (intDigits < 1 || fractionDigits < 1 || t[dot] != '.' || intDigits > 1 && t[start] == '0'
                || fractionDigits > 1 && t[fractionEnd - 1] == '0') {
            return false;
        }
        return v == 0 ? intDigits == 1 && fractionDigits == 1 : v >= 1e-3 && v < 1e7;
    }

    /** 10^15: integers below it have at most 15 digits. */
    private static final long MAX_15_DIGITS = 1_000_000_000_000_000L;

    /** 2^53: integers below it are exact doubles. */
    private static final long EXACT_LIMIT = 1L << 53;
    /** 10^0 .. 10^22, the powers of ten that are exact doubles. */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private static final int K_TEXT = 0;
    private static final int K_TRUE = 1;
    private static final int K_FALSE = 2;
    private static final int K_INT = 3;
    private static final int K_LONG = 4;
    private static final int K_DOUBLE = 5;

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static int grow(int n) {
        int g = n + (n >> 1) + 16;
        if (g < 0 || g > Integer.MAX_VALUE - 8) {
            if (n >= Integer.MAX_VALUE - 8) {
                throw new TableException("The table has too many rows (more than 2^31 - 8); split the file");
            }
            return Integer.MAX_VALUE - 8;
        }
        return g;
    }

    /**
     * A record that is a blank line: one unquoted empty field (an unquoted empty field is
     * {@code null} under {@link QuoteMode#ALL_NON_NULL}), or, in a table of several columns, one
     * field of white space only. In a one-column table such a field is a (missing) value, and a
     * quoted empty field {@code ""} always is.
     */
    private static boolean isBlank(CSVRecord r, int columns) {
        if (r.size() != 1) {
            return false;
        }
        String v = r.get(0);
        return v == null || columns > 1 && v.isBlank();
    }

    private static void skipBom(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    /** Counts comma, tab and semicolon outside quotes in the first non-blank line, then rewinds. */
    private static char detectDelimiter(BufferedReader in) throws IOException {
        in.mark(HEADER_SCAN_LIMIT + 1);
        int commas = 0;
        int tabs = 0;
        int semis = 0;
        boolean quoted = false;
        boolean content = false;
        for (int n = 0; n < HEADER_SCAN_LIMIT; n++) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    if (content) {
                        break;
                    }
                    continue;
                }
                if (c == ',') {
                    commas++;
                } else if (c == '\t') {
                    tabs++;
                } else if (c == ';') {
                    semis++;
                }
            }
            content = true;
        }
        in.reset();
        if (tabs > commas && tabs >= semis) {
            return '\t';
        }
        if (semis > commas && semis > tabs) {
            return ';';
        }
        return ',';
    }

    // ====================================================================== column building

    private static final int S_EMPTY = 0;
    private static final int S_BOOLEAN = 1;
    private static final int S_INT = 2;
    private static final int S_LONG = 3;
    private static final int S_DOUBLE = 4;
    private static final int S_STRING = 5;
    private static final int DEDUPE_LIMIT = 1 << 16;

    /**
     * Collects one column while the file streams past, keeping the narrowest type that still fits.
     * While the type may still fall back to STRING, the text of each typed value is kept in a byte
     * arena (typed values are ASCII), so that the fallback restores every field's original text.
     */
    private static final class ColumnBuilder {
        final String name;
        int state;
        int n;
        boolean[] missing = new boolean[16];
        boolean anyMissing;
        boolean[] bools;
        int[] ints;
        long[] longs;
        double[] doubles;
        String[] strings;
        byte[] text;
        int textLength;
        int[] textEnd;
        Map<String, String> pool;
        String last;
        /**
         * Where the kept text of a number is the canonical text of its double (as the writer writes
         * it), which a DOUBLE column carries along; an integer's text never is.
         */
        boolean[] canonical = new boolean[16];
        int canonicalCount;

        ColumnBuilder(String name, boolean forceString) {
            this.name = name;
            if (forceString) {
                toString(0);
            } else {
                textEnd = new int[16];
                text = new byte[64];
            }
        }

        /** Adds a field read as text (by Commons CSV). */
        void add(String raw, Parse p) {
            byte[] b = raw.getBytes(StandardCharsets.UTF_8);
            add(b, 0, b.length, raw, p);
        }

        /**
         * Adds a field, given as the UTF-8 text {@code b[from, to)}; {@code raw} is the same text
         * as a string, or {@code null} (made only if the field is kept as text). Surrounding spaces
         * and control characters (bytes up to {@code 0x20}, as {@link String#trim()}) are ignored
         * when deciding whether the value is missing and what it is.
         */
        void add(byte[] b, int from, int to, String raw, Parse p) {
            int s = from;
            int e = to;
            while (s < e && (b[s] & 0xff) <= ' ') {
                s++;
            }
            while (e > s && (b[e - 1] & 0xff) <= ' ') {
                e--;
            }
            boolean missingValue = p.isMissing(b, s, e);
            if (state == S_STRING) {
                if (n == strings.length) {
                    strings = Arrays.copyOf(strings, grow(n));
                }
                strings[n++] = missingValue ? null : intern(b, from, to, raw);
                return;
            }
            if (n == textEnd.length) {
                growTyped();
            }
            if (missingValue) {
                missing[n] = true;
                anyMissing = true;
                if (state == S_DOUBLE) {
                    doubles[n] = Double.NaN;
                }
                textEnd[n] = textLength;
                n++;
                return;
            }
            // only ASCII text is typed: the kept text of a typed value is ASCII
            int k = s == e ? K_TEXT : p.classify(b, s, e);
            switch (k) {
                case K_TRUE:
                case K_FALSE:
                    if (state == S_EMPTY) {
                        state = S_BOOLEAN;
                        bools = new boolean[missing.length];
                    }
                    if (state != S_BOOLEAN) {
                        toString(n);
                        add(b, from, to, raw, p);
                        return;
                    }
                    bools[n] = k == K_TRUE;
                    break;
                case K_INT:
                    if (state == S_EMPTY) {
                        state = S_INT;
                        ints = new int[missing.length];
                    }
                    if (state == S_INT) {
                        ints[n] = (int) p.integer;
                        break;
                    }
                    // fall through to the wider integer handling
                    // $FALL-THROUGH$
                case K_LONG:
                    if (state == S_EMPTY) {
                        state = S_LONG;
                        longs = new long[missing.length];
                    } else if (state == S_INT) {
                        toLong();
                    }
                    if (state == S_LONG) {
                        longs[n] = p.integer;
                    } else if (state == S_DOUBLE) {
                        doubles[n] = p.integer == 0 && p.negative ? -0.0 : (double) p.integer;
                    } else {
                        toString(n);
                        add(b, from, to, raw, p);
                        return;
                    }
                    break;
                case K_DOUBLE:
                    if (state == S_EMPTY) {
                        state = S_DOUBLE;
                        doubles = new double[missing.length];
                        Arrays.fill(doubles, 0, n, Double.NaN);
                    } else if (state == S_INT || state == S_LONG) {
                        toDouble();
                    }
                    if (state != S_DOUBLE) {
                        toString(n);
                        add(b, from, to, raw, p);
                        return;
                    }
                    doubles[n] = p.real;
                    if (p.canonical && s == from && e == to) {
                        canonical[n] = true;
                        canonicalCount++;
                    }
                    break;
                default:
                    toString(n);
                    add(b, from, to, raw, p);
                    return;
            }
            int len = to - from;
            if (textLength + len > text.length) {
                text = Arrays.copyOf(text, Math.max(textLength + len, grow(text.length)));
            }
            System.arraycopy(b, from, text, textLength, len);
            textLength += len;
            textEnd[n] = textLength;
            n++;
        }

        private void growTyped() {
            int cap = grow(n);
            textEnd = Arrays.copyOf(textEnd, cap);
            missing = Arrays.copyOf(missing, cap);
            canonical = Arrays.copyOf(canonical, cap);
            if (bools != null) {
                bools = Arrays.copyOf(bools, cap);
            }
            if (ints != null) {
                ints = Arrays.copyOf(ints, cap);
            }
            if (longs != null) {
                longs = Arrays.copyOf(longs, cap);
            }
            if (doubles != null) {
                doubles = Arrays.copyOf(doubles, cap);
            }
        }

        private void toLong() {
            longs = new long[missing.length];
            for (int r = 0; r < n; r++) {
                longs[r] = ints[r];
            }
            ints = null;
            state = S_LONG;
        }

        private void toDouble() {
            double[] d = new double[missing.length];
            for (int r = 0; r < n; r++) {
                if (missing[r]) {
                    d[r] = Double.NaN;
                } else {
                    long v = state == S_INT ? ints[r] : longs[r];
                    d[r] = v == 0 && textStartsWithMinus(r) ? -0.0 : (double) v;
                }
            }
            doubles = d;
            ints = null;
            longs = null;
            state = S_DOUBLE;
        }

        private boolean textStartsWithMinus(int r) {
            for (int i = r == 0 ? 0 : textEnd[r - 1]; i < textEnd[r]; i++) {
                if (text[i] > ' ') {
                    return text[i] == '-';
                }
            }
            return false;
        }

        /** Falls back to STRING: rebuilds the first {@code rows} values from their kept text. */
        private void toString(int rows) {
            strings = new String[Math.max(16, textEnd == null ? 16 : textEnd.length)];
            pool = new HashMap<>();
            for (int r = 0; r < rows; r++) {
                if (!missing[r]) {
                    int from = r == 0 ? 0 : textEnd[r - 1];
                    strings[r] = intern(new String(text, from, textEnd[r] - from, StandardCharsets.ISO_8859_1));
                }
            }
            state = S_STRING;
            text = null;
            textEnd = null;
            missing = null;
            canonical = null;
            bools = null;
            ints = null;
            longs = null;
            doubles = null;
        }

        /**
         * Shares equal strings (plate ids, well ids, sample types repeat), to keep few objects
         * alive: the previous value first, then a bounded pool.
         */
        private String intern(byte[] b, int from, int to, String raw) {
            String previous = last;
            if (previous != null && previous.length() == to - from) {
                int i = from;
                while (i < to && previous.charAt(i - from) == b[i]) { // a non-ASCII byte never equals a char
                    i++;
                }
                if (i == to) {
                    return previous;
                }
            }
            return intern(raw != null ? raw : new String(b, from, to - from, StandardCharsets.UTF_8));
        }

        private String intern(String s) {
            if (s.equals(last)) {
                return last;
            }
            String known = pool.get(s);
            if (known != null) {
                last = known;
                return known;
            }
            last = s;
            if (pool.size() < DEDUPE_LIMIT) {
                pool.put(s, s);
            }
            return s;
        }

        /**
         * Joins the builders of consecutive blocks of one column into the column the sequential
         * read would have built: every block is widened to the narrowest type holding all their
         * values (as the sequential read widens a column while it streams), then the values are
         * concatenated.
         */
        static Column join(ColumnBuilder[] parts) {
            int target = S_EMPTY;
            int total = 0;
            for (ColumnBuilder b : parts) {
                target = joinState(target, b.state);
                total += b.n;
            }
            ColumnBuilder all = new ColumnBuilder(parts[0].name, target == S_STRING);
            all.n = total;
            long textBytes = 0;
            for (ColumnBuilder b : parts) {
                all.canonicalCount += target == S_DOUBLE ? b.canonicalCount : 0;
                textBytes += b.textLength;
            }
            boolean keepText = all.canonicalCount > 0 && textBytes <= Integer.MAX_VALUE - 16;
            if (keepText) {
                all.text = new byte[(int) textBytes];
                all.textEnd = new int[total];
                all.canonical = new boolean[total];
            } else {
                all.canonicalCount = 0;
            }
            if (target == S_STRING) {
                all.strings = new String[total];
            } else {
                all.state = target;
                all.missing = new boolean[total];
                all.bools = target == S_BOOLEAN ? new boolean[total] : null;
                all.ints = target == S_INT ? new int[total] : null;
                all.longs = target == S_LONG ? new long[total] : null;
                all.doubles = target == S_DOUBLE ? new double[total] : null;
            }
            int at = 0;
            for (ColumnBuilder b : parts) {
                b.widen(target);
                int n = b.n;
                if (target == S_STRING) {
                    System.arraycopy(b.strings, 0, all.strings, at, n);
                } else {
                    System.arraycopy(b.missing, 0, all.missing, at, n);
                    all.anyMissing |= b.anyMissing;
                    switch (target) {
                        case S_BOOLEAN:
                            System.arraycopy(b.bools, 0, all.bools, at, n);
                            break;
                        case S_INT:
                            System.arraycopy(b.ints, 0, all.ints, at, n);
                            break;
                        case S_LONG:
                            System.arraycopy(b.longs, 0, all.longs, at, n);
                            break;
                        case S_DOUBLE:
                            System.arraycopy(b.doubles, 0, all.doubles, at, n);
                            if (keepText) {
                                System.arraycopy(b.canonical, 0, all.canonical, at, n);
                                System.arraycopy(b.text, 0, all.text, all.textLength, b.textLength);
                                for (int r = 0; r < n; r++) {
                                    all.textEnd[at + r] = all.textLength + b.textEnd[r];
                                }
                                all.textLength += b.textLength;
                            }
                            break;
                        default:
                            break;
                    }
                }
                at += n;
            }
            return all.build();
        }

        /** The narrowest state holding the values of two states, as {@link #add} widens. */
        private static int joinState(int a, int b) {
            if (a == b || b == S_EMPTY) {
                return a;
            }
            if (a == S_EMPTY) {
                return b;
            }
            if (a == S_STRING || b == S_STRING || a == S_BOOLEAN || b == S_BOOLEAN) {
                return S_STRING;
            }
            return Math.max(a, b); // INT < LONG < DOUBLE
        }

        /** Converts the values so far to {@code target}, a state at least as wide as the current one. */
        private void widen(int target) {
            if (state == target) {
                return;
            }
            switch (target) {
                case S_STRING:
                    toString(n);
                    break;
                case S_DOUBLE:
                    if (state == S_EMPTY) {
                        doubles = new double[missing.length];
                        Arrays.fill(doubles, Double.NaN);
                        state = S_DOUBLE;
                    } else {
                        toDouble();
                    }
                    break;
                case S_LONG:
                    if (state == S_EMPTY) {
                        longs = new long[missing.length];
                        state = S_LONG;
                    } else {
                        toLong();
                    }
                    break;
                case S_INT:
                    ints = new int[missing.length];
                    state = S_INT;
                    break;
                case S_BOOLEAN:
                    bools = new boolean[missing.length];
                    state = S_BOOLEAN;
                    break;
                default:
                    throw new IllegalStateException("cannot widen " + state + " to " + target);
            }
        }

        Column build() {
            if (state == S_STRING) {
                return Column.strings(name, strings.length == n ? strings : Arrays.copyOf(strings, n));
            }
            boolean[] mask = anyMissing ? trim(missing) : null;
            switch (state) {
                case S_BOOLEAN:
                    return Column.booleans(name, trim(bools), mask);
                case S_INT:
                    return Column.ints(name, ints.length == n ? ints : Arrays.copyOf(ints, n), mask);
                case S_LONG:
                    return Column.longs(name, longs.length == n ? longs : Arrays.copyOf(longs, n), mask);
                case S_DOUBLE: {
                    double[] values = doubles.length == n ? doubles : Arrays.copyOf(doubles, n);
                    return canonicalCount == 0 ? Column.doubles(name, values) : withCanonicalText(values);
                }
                default: {
                    double[] nan = new double[n];
                    Arrays.fill(nan, Double.NaN);
                    return Column.doubles(name, nan);
                }
            }
        }

        /**
         * A DOUBLE column carrying the kept text of its canonical values; the other values get an
         * empty text (the writer formats them).
         */
        private Column withCanonicalText(double[] values) {
            int nonMissing = 0;
            for (int r = 0; r < n; r++) {
                nonMissing += missing[r] ? 0 : 1;
            }
            if (canonicalCount == nonMissing) { // missing values have an empty text already
                return Column.doubles(name, values, text, textEnd);
            }
            byte[] kept = new byte[textLength];
            int[] ends = new int[n];
            int length = 0;
            for (int r = 0; r < n; r++) {
                if (canonical[r]) {
                    int from = r == 0 ? 0 : textEnd[r - 1];
                    int len = textEnd[r] - from;
                    System.arraycopy(text, from, kept, length, len);
                    length += len;
                }
                ends[r] = length;
            }
            return Column.doubles(name, values, Arrays.copyOf(kept, length), ends);
        }

        private boolean[] trim(boolean[] a) {
            return a.length == n ? a : Arrays.copyOf(a, n);
        }
    }
}
