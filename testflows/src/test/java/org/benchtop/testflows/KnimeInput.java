package org.benchtop.testflows;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;
import org.benchtop.knimestub.testing.StubTables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;

/**
 * A table read from CSV as KNIME's CSV Reader would hand it to the next node: the core table's types become
 * KNIME's Number (integer), Number (long), Number (double), String and Boolean columns, missing values become
 * missing cells, row ids are {@code Row0}, {@code Row1}, ... Written here rather than reusing the node layer's
 * own converter, so that a bug there is not mirrored in the test input.
 */
final class KnimeInput {

    private KnimeInput() {
    }

    /**
     * @param table a core table
     * @return the KNIME table
     */
    static BufferedDataTable of(final Table table) {
        List<Column> cols = table.columns();
        DataColumnSpec[] specs = new DataColumnSpec[cols.size()];
        for (int c = 0; c < specs.length; c++) {
            specs[c] = new DataColumnSpecCreator(cols.get(c).name(), type(cols.get(c))).createSpec();
        }
        List<DataRow> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            DataCell[] cells = new DataCell[specs.length];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cell(cols.get(c), r);
            }
            rows.add(new DefaultRow(RowKey.createRowKey(r), cells));
        }
        return StubTables.of(new DataTableSpec(specs), rows);
    }

    private static DataType type(final Column c) {
        return switch (c.type()) {
            case INT -> IntCell.TYPE;
            case LONG -> LongCell.TYPE;
            case DOUBLE -> DoubleCell.TYPE;
            case BOOLEAN -> BooleanCell.TYPE;
            case STRING -> StringCell.TYPE;
        };
    }

    private static DataCell cell(final Column c, final int r) {
        if (c.isMissing(r)) {
            return DataType.getMissingCell();
        }
        return switch (c.type()) {
            case INT -> new IntCell(Math.toIntExact(c.getLong(r)));
            case LONG -> new LongCell(c.getLong(r));
            case DOUBLE -> new DoubleCell(c.getDouble(r));
            case BOOLEAN -> c.getBoolean(r) ? BooleanCell.TRUE : BooleanCell.FALSE;
            case STRING -> new StringCell(c.getString(r));
        };
    }
}
