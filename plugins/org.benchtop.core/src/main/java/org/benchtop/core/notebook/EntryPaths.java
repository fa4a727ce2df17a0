package org.benchtop.core.notebook;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.benchtop.core.BenchtopException.Kind;

/**
 * Checks the names of the files of a notebook entry and of the entries of an {@code .eln} archive:
 * relative paths with {@code /} between folders that stay inside their folder, and that every
 * operating system can extract. Also encodes them as RO-Crate {@code @id}s (RFC 3986 path, percent
 * encoding).
 */
final class EntryPaths {

    /** Characters Windows does not allow in file names (besides controls and the separators). */
    private static final String FORBIDDEN = "<>:\"|?*";

    private EntryPaths() {
    }

    /**
     * Checks a relative file name such as {@code plates_qc.csv} or {@code heatmaps/plate_1.png}.
     *
     * @param name the name
     * @param what what the name is of, for the message (e.g. "table", "plot")
     * @return the name, unchanged
     * @throws NotebookException (BAD_INPUT) naming the problem if the name is empty, absolute, has a
     *         {@code ..} or {@code .} segment (would escape its folder), a backslash, a control
     *         character, a character Windows forbids, or a segment ending in a space or point
     */
    static String check(String name, String what) {
        String problem = problem(name);
        if (problem != null) {
            throw new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                    "The %s name '%s' %s; use a plain relative file name such as results.csv or plots/curve.png",
                    what, printable(name), problem));
        }
        return name;
    }

    /**
     * @param name a relative path
     * @return why the name is not acceptable, or {@code null} if it is
     */
    static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "is empty";
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            return "is absolute (starts with a separator) and would escape the folder";
        }
        if (name.length() >= 2 && name.charAt(1) == ':') {
            return "starts with a drive letter and would escape the folder";
        }
        if (name.indexOf('\\') >= 0) {
            return "contains a backslash (use / between folders)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return "contains '" + c + "', which Windows does not allow in file names";
            }
        }
        for (String seg : name.split("/", -1)) {
            if (seg.equals("..")) {
                return "contains '..' and would escape the folder";
            }
            if (seg.isEmpty() || seg.equals(".")) {
                return "has an empty or '.' folder segment";
            }
            if (seg.endsWith(" ") || seg.endsWith(".")) {
                return "has a segment ending in a space or a point";
            }
        }
        return null;
    }

    /**
     * @param name a name from the user, shown in a message
     * @return it with control characters shown as {@code \\uXXXX}
     */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format(Locale.ROOT, "\\u%04x", Integer.valueOf(c)));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Percent-encodes a relative path for an RO-Crate {@code @id}: every byte outside the RFC 3986
     * unreserved set and {@code /} is encoded (so spaces become {@code %20}).
     *
     * @param path the path
     * @return the encoded path
     */
    static String encode(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /**
     * Decodes a percent-encoded path; a malformed escape is kept as it is.
     *
     * @param id the encoded path
     * @return the decoded path
     */
    static String decode(String id) {
        if (id.indexOf('%') < 0) {
            return id;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < id.length()) {
            char c = id.charAt(i);
            if (c == '%' && i + 2 < id.length() && Character.digit(id.charAt(i + 1), 16) >= 0
                    && Character.digit(id.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(id.charAt(i + 1), 16) * 16 + Character.digit(id.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = id.codePointAt(i);
                byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * A name that every ELN importer finds in the archive whether or not it percent-decodes the
     * {@code @id}: each character outside {@code A-Z a-z 0-9 . _ -} (and {@code /} between folders)
     * becomes {@code _}, so that {@link #encode(String)} leaves it unchanged. eLabFTW
     * ({@code src/Import/Eln.php}), SampleDB ({@code sampledb/logic/eln_import.py}) and PASTA
     * ({@code pasta_eln/backendWorker/inputOutput.py}) open the file named by the raw {@code @id};
     * Kadi4Mat's importer decodes it first.
     *
     * @param path a checked relative path, e.g. {@code heatmaps/plate 1.png}
     * @return the stored path, e.g. {@code heatmaps/plate_1.png}
     */
    static String portable(String path) {
        StringBuilder b = new StringBuilder(path.length());
        path.codePoints().forEach(c -> {
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-' || c == '/';
            b.append(keep ? (char) c : '_');
        });
        return b.toString();
    }

    /**
     * A folder name made from free text (e.g. an entry title): letters, digits, {@code -} and
     * {@code _}, at most 60 characters.
     *
     * @param text the text
     * @param fallback used when nothing is left
     * @return the slug
     */
    static String slug(String text, String fallback) {
        StringBuilder b = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < text.length() && b.length() < 60; i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                b.append(c);
                dash = false;
            } else if (!dash && b.length() > 0) {
                b.append('-');
                dash = true;
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
            b.setLength(b.length() - 1);
        }
        return b.length() == 0 ? fallback : b.toString();
    }
}
