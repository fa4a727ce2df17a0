package org.benchtop.core.plate;

import java.util.Locale;

/**
 * The standard microtiter plate formats (ANSI SLAS 1-2004 / 4-2004 footprint and well positions):
 * rows are lettered {@code A, B, …, Z, AA, …, AF}, columns numbered from 1, and wells are indexed
 * row-major (index = row · columns + column, all 0-based), as in {@code A01, A02, …, B01, …}.
 */
public enum PlateFormat {
    /** 6 wells, 2 × 3. */
    WELLS_6(2, 3),
    /** 12 wells, 3 × 4. */
    WELLS_12(3, 4),
    /** 24 wells, 4 × 6. */
    WELLS_24(4, 6),
    /** 48 wells, 6 × 8. */
    WELLS_48(6, 8),
    /** 96 wells, 8 × 12. */
    WELLS_96(8, 12),
    /** 384 wells, 16 × 24. */
    WELLS_384(16, 24),
    /** 1536 wells, 32 × 48. */
    WELLS_1536(32, 48);

    private final int rows;
    private final int columns;

    PlateFormat(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** @return the number of rows (A, B, …) */
    public int rows() {
        return rows;
    }

    /** @return the number of columns (1, 2, …) */
    public int columns() {
        return columns;
    }

    /** @return the number of wells, rows × columns */
    public int wells() {
        return rows * columns;
    }

    /**
     * @param wells 6, 12, 24, 48, 96, 384 or 1536
     * @return the format with that many wells
     * @throws PlateException (BAD_INPUT) for any other number
     */
    public static PlateFormat ofWells(int wells) {
        for (PlateFormat f : values()) {
            if (f.wells() == wells) {
                return f;
            }
        }
        throw PlateException.badInput("There is no %d-well plate format; use one of 6, 12, 24, 48, 96, 384, 1536",
                Integer.valueOf(wells));
    }

    /**
     * The smallest format that holds a well at the given (0-based) row and column, used to infer the
     * format from the largest row and column seen.
     *
     * @param maxRow the largest 0-based row index
     * @param maxColumn the largest 0-based column index
     * @return the smallest format with more rows and more columns than these
     * @throws PlateException (BAD_INPUT) if no format is large enough (row beyond AF or column
     *         beyond 48)
     */
    public static PlateFormat smallestHolding(int maxRow, int maxColumn) {
        for (PlateFormat f : values()) {
            if (maxRow < f.rows && maxColumn < f.columns) {
                return f;
            }
        }
        throw PlateException.badInput("Well %s lies outside every plate format (the largest, 1536 wells, ends at AF48)",
                WellId.format(maxRow, maxColumn));
    }

    /**
     * @param row 0-based row
     * @param column 0-based column
     * @return whether the well exists on this plate
     */
    public boolean contains(int row, int column) {
        return row >= 0 && row < rows && column >= 0 && column < columns;
    }

    /**
     * @param row 0-based row
     * @param column 0-based column
     * @return the row-major well index {@code row · columns + column}
     */
    public int index(int row, int column) {
        return row * columns + column;
    }

    /**
     * @param index a row-major well index in [0, wells)
     * @return the printed well id, e.g. {@code A01}, {@code P24}, {@code AF48}
     */
    public String wellId(int index) {
        return WellId.format(index / columns, index % columns);
    }

    /**
     * @param index a row-major well index
     * @return whether the well lies in the outer ring (first or last row or column)
     */
    public boolean isEdge(int index) {
        int r = index / columns;
        int c = index % columns;
        return r == 0 || c == 0 || r == rows - 1 || c == columns - 1;
    }

    /** @return e.g. {@code 384-well (16 × 24)} */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d-well (%d x %d)", Integer.valueOf(wells()), Integer.valueOf(rows),
                Integer.valueOf(columns));
    }
}
