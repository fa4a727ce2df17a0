package org.benchtop.knime.util;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.table.Column;
import org.benchtop.core.table.ColumnType;
import org.benchtop.core.table.Table;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;

/**
 * Converts KNIME tables to Benchtop core tables and back, once, for every node. Column types map
 * as boolean, int, long, double and string (other cell types are read as their text); missing cells
 * become NaN (numbers) or {@code null} (text and booleans) and are counted.
 */
public final class KnimeTables {

    private KnimeTables() {
    }

    /**
     * A core table read from a KNIME table, with the row keys to reuse on output.
     *
     * @param table the core table
     * @param rowKeys the KNIME row keys, in row order
     * @param missingCells how many cells were missing
     */
    public record Converted(Table table, RowKey[] rowKeys, long missingCells) {
    }

    /**
     * @param spec a column spec
     * @return the core type the column converts to
     */
    public static ColumnType coreType(DataColumnSpec spec) {
        DataType t = spec.getType();
        if (t.equals(BooleanCell.TYPE)) {
            return ColumnType.BOOLEAN; // before the numbers: a boolean cell is also an int, long and double value
        }
        if (t.isCompatible(IntValue.class)) {
            return ColumnType.INT;
        }
        if (t.isCompatible(LongValue.class)) {
            return ColumnType.LONG;
        }
        if (t.isCompatible(DoubleValue.class)) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.STRING;
    }

    /**
     * @param type a core column type
     * @return the KNIME cell type it is written as
     */
    public static DataType knimeType(ColumnType type) {
        return switch (type) {
            case DOUBLE -> DoubleCell.TYPE;
            case INT -> IntCell.TYPE;
            case LONG -> LongCell.TYPE;
            case BOOLEAN -> BooleanCell.TYPE;
            case STRING -> StringCell.TYPE;
        };
    }

    /**
     * Reads a KNIME table into a core table.
     *
     * @param in the KNIME table
     * @param source how messages name the table, e.g. "input table 1"
     * @param exec for cancellation
     * @return the converted table
     * @throws CanceledExecutionException if the user cancelled
     */
    public static Converted toCore(BufferedDataTable in, String source, ExecutionContext exec) throws CanceledExecutionException {
        DataTableSpec spec = in.getDataTableSpec();
        int nCols = spec.getNumColumns();
        if (in.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(source + " has more rows than Benchtop can hold: " + in.size());
        }
        int n = (int) in.size();
        ColumnType[] types = new ColumnType[nCols];
        Object[] data = new Object[nCols];
        boolean[][] missing = new boolean[nCols][];
        for (int c = 0; c < nCols; c++) {
            types[c] = coreType(spec.getColumnSpec(c));
            data[c] = switch (types[c]) {
                case DOUBLE -> new double[n];
                case INT -> new int[n];
                case LONG -> new long[n];
                case BOOLEAN -> new Boolean[n];
                case STRING -> new String[n];
            };
            missing[c] = new boolean[n];
        }
        RowKey[] keys = new RowKey[n];
        long missingCells = 0;
        int r = 0;
        try (CloseableRowIterator it = in.iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                keys[r] = row.getKey();
                for (int c = 0; c < nCols; c++) {
                    DataCell cell = row.getCell(c);
                    if (cell.isMissing()) {
                        missing[c][r] = true;
                        missingCells++;
                        if (types[c] == ColumnType.DOUBLE) {
                            ((double[]) data[c])[r] = Double.NaN;
                        }
                        continue;
                    }
                    switch (types[c]) {
                        case DOUBLE -> ((double[]) data[c])[r] = ((DoubleValue) cell).getDoubleValue();
                        case INT -> ((int[]) data[c])[r] = ((IntValue) cell).getIntValue();
                        case LONG -> ((long[]) data[c])[r] = ((LongValue) cell).getLongValue();
                        case BOOLEAN -> ((Boolean[]) data[c])[r] = Boolean.valueOf(((BooleanValue) cell).getBooleanValue());
                        case STRING -> ((String[]) data[c])[r] = cell instanceof StringValue sv ? sv.getStringValue() : cell.toString();
                    }
                }
                r++;
                if ((r & 0xFFF) == 0) {
                    exec.checkCanceled();
                }
            }
        }
        List<Column> columns = new ArrayList<>(nCols);
        for (int c = 0; c < nCols; c++) {
            String name = spec.getColumnSpec(c).getName();
            columns.add(switch (types[c]) {
                case DOUBLE -> Column.ofDoubles(name, (double[]) data[c]);
                case INT -> Column.ofInts(name, (int[]) data[c], missing[c]);
                case LONG -> Column.ofLongs(name, (long[]) data[c], missing[c]);
                case BOOLEAN -> Column.ofBooleans(name, (Boolean[]) data[c]);
                case STRING -> Column.ofStrings(name, (String[]) data[c]);
            });
        }
        return new Converted(Table.of(source, columns), keys, missingCells);
    }

    /**
     * The KNIME spec of a core table's columns.
     *
     * @param names the column names
     * @param types their core types
     * @return the spec
     */
    public static DataTableSpec spec(List<String> names, List<ColumnType> types) {
        DataColumnSpec[] cols = new DataColumnSpec[names.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = new DataColumnSpecCreator(names.get(i), knimeType(types.get(i))).createSpec();
        }
        return new DataTableSpec(cols);
    }

    /**
     * The KNIME spec a core table converts to.
     *
     * @param table the core table
     * @return the spec
     */
    public static DataTableSpec spec(Table table) {
        List<ColumnType> types = new ArrayList<>();
        for (Column c : table.columns()) {
            types.add(c.type());
        }
        return spec(table.columnNames(), types);
    }

    /**
     * Writes a core table as a KNIME table.
     *
     * @param table the core table
     * @param rowKeys row keys to reuse (same length as the table), or {@code null} for Row0, Row1, ...
     * @param exec creates the table and checks cancellation
     * @return the KNIME table
     * @throws CanceledExecutionException if the user cancelled
     */
    public static BufferedDataTable toKnime(Table table, RowKey[] rowKeys, ExecutionContext exec) throws CanceledExecutionException {
        List<Column> columns = table.columns();
        BufferedDataContainer out = exec.createDataContainer(spec(table));
        int nCols = columns.size();
        for (int r = 0; r < table.rowCount(); r++) {
            DataCell[] cells = new DataCell[nCols];
            for (int c = 0; c < nCols; c++) {
                cells[c] = cell(columns.get(c), r);
            }
            RowKey key = rowKeys != null ? rowKeys[r] : RowKey.createRowKey(r);
            out.addRowToTable(new DefaultRow(key, cells));
            if ((r & 0xFFF) == 0) {
                exec.checkCanceled();
            }
        }
        out.close();
        return out.getTable();
    }

    private static DataCell cell(Column col, int r) {
        if (col.isMissing(r)) {
            return DataType.getMissingCell();
        }
        return switch (col.type()) {
            case DOUBLE -> new DoubleCell(col.getDouble(r));
            case INT -> new IntCell((int) col.getLong(r));
            case LONG -> new LongCell(col.getLong(r));
            case BOOLEAN -> col.getBoolean(r) ? BooleanCell.TRUE : BooleanCell.FALSE;
            case STRING -> new StringCell(col.getString(r));
        };
    }
}
