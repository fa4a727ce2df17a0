package org.benchtop.core.plate;

/**
 * Parses and prints well ids such as {@code A1}, {@code a01}, {@code P24}, {@code AF48}: one or two
 * row letters ({@code A}–{@code Z}, then {@code AA}–{@code AF} … as in bijective base 26, so
 * {@code AA} is row 27) followed by a 1-based column number with or without leading zeros.
 * Parsing is case-insensitive and ignores surrounding blanks. Printed ids always have a two-digit
 * column ({@code A01}, {@code P24}, {@code AF48}), whatever the plate format.
 */
public final class WellId {

    /** {@link #parse(CharSequence)} result for text that is not a well id. */
    public static final int INVALID = -1;

    private WellId() {
    }

    /**
     * Parses a well id without allocating.
     *
     * @param text e.g. {@code "A1"}, {@code " b07 "}, {@code "AF48"}
     * @return {@code row << 16 | column} (both 0-based; rows 0–701, columns 0–9998), or
     *         {@link #INVALID} if the text is not a letter-then-number well id with column ≥ 1
     */
    public static int parse(CharSequence text) {
        if (text == null) {
            return INVALID;
        }
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        int i = start;
        int row = 0;
        while (i < end && i - start < 3) {
            char ch = text.charAt(i);
            int letter = ch >= 'A' && ch <= 'Z' ? ch - 'A' : ch >= 'a' && ch <= 'z' ? ch - 'a' : -1;
            if (letter < 0) {
                break;
            }
            row = row * 26 + letter + 1;
            i++;
        }
        int letters = i - start;
        if (letters == 0 || letters > 2 || i == end || end - i > 4) {
            return INVALID;
        }
        int column = 0;
        for (; i < end; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return INVALID;
            }
            column = column * 10 + (ch - '0');
        }
        if (column == 0) {
            return INVALID;
        }
        return (row - 1) << 16 | (column - 1);
    }

    /**
     * @param parsed a non-negative result of {@link #parse(CharSequence)}
     * @return its 0-based row
     */
    public static int row(int parsed) {
        return parsed >>> 16;
    }

    /**
     * @param parsed a non-negative result of {@link #parse(CharSequence)}
     * @return its 0-based column
     */
    public static int column(int parsed) {
        return parsed & 0xFFFF;
    }

    /**
     * @param row 0-based row
     * @return its letters: 0 → {@code A}, 25 → {@code Z}, 26 → {@code AA}, 31 → {@code AF}
     */
    public static String rowLabel(int row) {
        if (row < 26) {
            return String.valueOf((char) ('A' + row));
        }
        return String.valueOf((char) ('A' + row / 26 - 1)) + (char) ('A' + row % 26);
    }

    /**
     * @param row 0-based row
     * @param column 0-based column
     * @return the printed id with a two-digit column, e.g. {@code A01}, {@code AF48}
     */
    public static String format(int row, int column) {
        int c = column + 1;
        return c < 10 ? rowLabel(row) + '0' + c : rowLabel(row) + c;
    }
}
