package org.benchtop.core.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable table of typed {@link Column columns} of equal length with unique names, plus where
 * it came from: a source name (a file name such as {@code plates.csv}, or {@code input table 1} for
 * a KNIME input port) and, for tables read from a file, the line on which each row starts, so that
 * messages can point the user at the offending line ({@link #locate(int)}).
 *
 * <p>Rows are 0-based in this API; messages for users give 1-based rows and lines.
 */
public final class Table {

    private final String source;
    private final List<Column> columns;
    private final Map<String, Integer> index;
    private final int rowCount;
    private final int[] lineOfRow;

    private Table(String source, List<Column> columns, Map<String, Integer> index, int rowCount,
            int[] lineOfRow) {
        this.source = source;
        this.columns = columns;
        this.index = index;
        this.rowCount = rowCount;
        this.lineOfRow = lineOfRow;
    }

    /**
     * Builds a table, checking that the columns have equal sizes and unique names.
     *
     * @param source where the table came from, for messages, e.g. {@code plates.csv} or
     *        {@code input table 1}; not empty
     * @param columns the columns, in order (the list is copied); may be empty (0 columns, 0 rows)
     * @return the table
     * @throws TableException if the sizes differ or a name occurs twice
     */
    public static Table of(String source, List<Column> columns) {
        Objects.requireNonNull(source, "source");
        List<Column> list = List.copyOf(columns);
        int rows = list.isEmpty() ? 0 : list.get(0).size();
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < list.size(); c++) {
            Column col = list.get(c);
            if (col.size() != rows) {
                throw TableException.of("Column '%s' of %s has %d rows but column '%s' has %d; all columns of "
                        + "a table must have the same number of rows", col.name(), source,
                        Integer.valueOf(col.size()), list.get(0).name(), Integer.valueOf(rows));
            }
            if (index.putIfAbsent(col.name(), Integer.valueOf(c)) != null) {
                throw TableException.of("Column name '%s' occurs twice in %s (columns %d and %d); give every "
                        + "column a different name", col.name(), source,
                        Integer.valueOf(index.get(col.name()).intValue() + 1), Integer.valueOf(c + 1));
            }
        }
        return new Table(source, list, Collections.unmodifiableMap(index), rows, null);
    }

    /** @return where the table came from, e.g. {@code plates.csv} or {@code input table 1} */
    public String source() {
        return source;
    }

    /** @return the number of rows (0 for a table without columns) */
    public int rowCount() {
        return rowCount;
    }

    /** @return the number of columns */
    public int columnCount() {
        return columns.size();
    }

    /** @return the columns in order (unmodifiable) */
    public List<Column> columns() {
        return columns;
    }

    /** @return the column names in order (a new unmodifiable list) */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * @param name the exact column name (case-sensitive)
     * @return the column
     * @throws TableException if there is no such column; the message lists the columns there are,
     *         e.g. {@code No column 'x' in plates.csv; its columns are: a, b, c}
     */
    public Column column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw TableException.of("No column '%s' in %s; its columns are: %s", name, source,
                    String.join(", ", columnNames()));
        }
        return columns.get(i.intValue());
    }

    /**
     * @param name the exact column name (case-sensitive)
     * @return the column, or empty if there is none of that name
     */
    public Optional<Column> findColumn(String name) {
        Integer i = index.get(name);
        return i == null ? Optional.empty() : Optional.of(columns.get(i.intValue()));
    }

    /**
     * A table with further columns appended at the end; source and line numbers are kept.
     *
     * @param extra the columns to append, each with {@link #rowCount()} rows (any number of rows if
     *        this table has no columns yet)
     * @return the new table
     * @throws TableException if a name is already taken or a size differs
     */
    public Table withColumns(List<Column> extra) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(extra);
        Table t = of(source, all);
        if (lineOfRow != null && t.rowCount == rowCount) {
            return new Table(source, t.columns, t.index, t.rowCount, lineOfRow);
        }
        return t;
    }

    /**
     * Describes where a row came from, for messages.
     *
     * @param row the 0-based row
     * @return {@code plates.csv line 12} for a table read from a file (the line on which the row's
     *         record starts, 1-based, counting the header), else {@code row 12 of input table 1}
     *         (1-based)
     * @throws IndexOutOfBoundsException if {@code row} is not in [0, rowCount)
     */
    public String locate(int row) {
        Objects.checkIndex(row, rowCount);
        if (lineOfRow != null) {
            return source + " line " + lineOfRow[row];
        }
        return "row " + (row + 1) + " of " + source;
    }

    /**
     * The same columns with another source and, optionally, the file line of each row.
     *
     * @param newSource the new source name
     * @param lines the 1-based line on which each row starts (copied), or {@code null} if the rows
     *        do not come from a file
     * @return the new table
     * @throws TableException if {@code lines} does not have one entry per row
     */
    public Table withSource(String newSource, int[] lines) {
        Objects.requireNonNull(newSource, "source");
        if (lines != null && lines.length != rowCount) {
            throw TableException.of("%s has %d rows but %d line numbers were given; give one line number "
                    + "per row", newSource, Integer.valueOf(rowCount), Integer.valueOf(lines.length));
        }
        return new Table(newSource, columns, index, rowCount, lines == null ? null : lines.clone());
    }

    /** The reader's variant of {@link #withSource(String, int[])}: takes ownership of {@code lines}. */
    Table withSourceNoCopy(String newSource, int[] lines) {
        return new Table(newSource, columns, index, rowCount, lines);
    }

    /**
     * Two tables are equal when they have equal columns in the same order ({@link Column#equals});
     * the source and line numbers are not compared, so a table read from a CSV file equals the same
     * values and types built in memory.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Table && columns.equals(((Table) o).columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    /** @return e.g. {@code Table[plates.csv: 1536 rows, 6 columns]} */
    @Override
    public String toString() {
        return "Table[" + source + ": " + rowCount + " rows, " + columns.size() + " columns]";
    }
}
