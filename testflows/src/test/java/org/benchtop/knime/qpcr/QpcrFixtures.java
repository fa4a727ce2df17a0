package org.benchtop.knime.qpcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubTables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Inputs and R reference values for the qPCR node tests, from the copies of the core's reference files in this
 * package's test resources (see README.md there): R pcr's example data in the long layout the nodes read, the
 * StepOne RDML file and its Cq table, the simulated geNorm panel, and lookups into the R results.
 */
public final class QpcrFixtures {

    /** Relative tolerance against the R references (they have 12 significant digits). */
    public static final double REL = 1e-9;

    /** Absolute tolerance near 0. */
    public static final double ABS = 1e-12;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** pcr's group labels of ct1/ct2 (12 rows) and ct4 (24 rows), as in its vignette. */
    private static final Map<String, String[]> GROUPS = Map.of("pcr_ct1.csv", rep("brain", "kidney", 6),
            "pcr_ct4.csv", rep("control", "treatment", 12));

    private QpcrFixtures() {
    }

    private static String[] rep(String a, String b, int each) {
        String[] g = new String[2 * each];
        Arrays.fill(g, 0, each, a);
        Arrays.fill(g, each, 2 * each, b);
        return g;
    }

    /**
     * @param name a resource file of this package
     * @return its content as a core table; the named columns are text
     */
    public static Table resource(String name, String... textColumns) {
        try (InputStream in = QpcrFixtures.class.getResourceAsStream(name)) {
            assertNotNull(in, "test resource " + name);
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CsvReader.withDefaults().withStringColumns(Set.of(textColumns)).read(r, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a resource file of this package
     * @param dir a folder
     * @return the resource copied into the folder
     */
    public static Path copy(String name, Path dir) {
        Path f = dir.resolve(name);
        try (InputStream in = QpcrFixtures.class.getResourceAsStream(name)) {
            assertNotNull(in, "test resource " + name);
            Files.copy(in, f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec of the long pcr tables: sample, group, target (text), cq (number). */
    public static final DataTableSpec WELLS = new DataTableSpec(
            new DataColumnSpecCreator("sample", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("group", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("target", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("cq", DoubleCell.TYPE).createSpec());

    /**
     * A wide pcr file (one column per gene, one row per sample) as the long KNIME table the nodes read: sample
     * {@code s<i>}, the vignette's group, the gene, the Ct value.
     *
     * @param pcrFile {@code pcr_ct1.csv} or {@code pcr_ct4.csv}
     * @return the table, one row per well, gene by gene
     */
    public static BufferedDataTable pcrWells(String pcrFile) {
        Table wide = resource(pcrFile);
        String[] groups = GROUPS.get(pcrFile);
        assertEquals(groups.length, wide.rowCount(), pcrFile);
        List<DataRow> rows = new ArrayList<>();
        for (Column gene : wide.columns()) {
            for (int i = 0; i < wide.rowCount(); i++) {
                rows.add(new DefaultRow(RowKey.createRowKey(rows.size()), new StringCell("s" + (i + 1)),
                        new StringCell(groups[i]), new StringCell(gene.name()), new DoubleCell(gene.getDouble(i))));
            }
        }
        return StubTables.of(WELLS, rows);
    }

    /**
     * A core table as a KNIME table (text columns as strings, numbers as doubles, missing as missing cells).
     *
     * @param t the table
     * @return the KNIME table
     */
    public static BufferedDataTable knime(Table t) {
        DataColumnSpec[] specs = new DataColumnSpec[t.columnCount()];
        for (int c = 0; c < specs.length; c++) {
            Column col = t.columns().get(c);
            specs[c] = new DataColumnSpecCreator(col.name(), col.isNumeric() ? DoubleCell.TYPE : StringCell.TYPE)
                    .createSpec();
        }
        List<DataRow> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            DataCell[] cells = new DataCell[specs.length];
            for (int c = 0; c < cells.length; c++) {
                Column col = t.columns().get(c);
                cells[c] = col.isMissing(r) ? DataType.getMissingCell()
                        : col.isNumeric() ? new DoubleCell(col.getDouble(r)) : new StringCell(col.getString(r));
            }
            rows.add(new DefaultRow(RowKey.createRowKey(r), cells));
        }
        return StubTables.of(new DataTableSpec(specs), rows);
    }

    /** @return the R results of expected_qpcr.csv: dataset|method|group|gene|quantity to value */
    public static Map<String, Double> expectedQpcr() {
        Table t = resource("expected_qpcr.csv", "dataset", "method", "group", "gene", "quantity");
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            m.put(String.join("|", t.column("dataset").getString(i), t.column("method").getString(i),
                    t.column("group").getString(i), t.column("gene").getString(i), t.column("quantity").getString(i)),
                    Double.valueOf(t.column("value").getDouble(i)));
        }
        return m;
    }

    /**
     * @param ref {@link #expectedQpcr()}
     * @param key dataset, method, group, gene, quantity
     * @return the value
     */
    public static double exp(Map<String, Double> ref, String... key) {
        Double v = ref.get(String.join("|", key));
        assertNotNull(v, "no R reference value " + String.join("|", key));
        return v.doubleValue();
    }

    /**
     * Asserts {@code |actual - expected| <= max(REL |expected|, ABS)}.
     *
     * @param expected the R value
     * @param actual ours
     * @param what for the message
     */
    public static void near(double expected, double actual, String what) {
        double tol = Math.max(REL * Math.abs(expected), ABS);
        assertTrue(Math.abs(actual - expected) <= tol, what + ": expected " + expected + ", actual " + actual
                + ", difference " + Math.abs(actual - expected) + " > " + tol);
    }

    /**
     * @param t a KNIME table
     * @return its column names
     */
    public static List<String> names(BufferedDataTable t) {
        return Arrays.asList(t.getDataTableSpec().getColumnNames());
    }

    /**
     * @param t a table
     * @param row a row
     * @param column a column name
     * @return the cell (asserted present)
     */
    public static DataCell cell(BufferedDataTable t, DataRow row, String column) {
        int i = t.getDataTableSpec().findColumnIndex(column);
        assertTrue(i >= 0, "no column " + column + " in " + t.getDataTableSpec());
        return row.getCell(i);
    }

    /**
     * @param t a table
     * @param row a row
     * @param column a column name
     * @return the text of a non-missing cell
     */
    public static String text(BufferedDataTable t, DataRow row, String column) {
        DataCell c = cell(t, row, column);
        assertFalse(c.isMissing(), column);
        return ((StringValue) c).getStringValue();
    }

    /**
     * @param t a table
     * @param row a row
     * @param column a column name
     * @return the number of a non-missing cell
     */
    public static double value(BufferedDataTable t, DataRow row, String column) {
        DataCell c = cell(t, row, column);
        assertFalse(c.isMissing(), column);
        return ((DoubleValue) c).getDoubleValue();
    }

    /**
     * @param t a table
     * @param row a row
     * @param column a column name
     * @return the integer of a non-missing cell
     */
    public static int integer(BufferedDataTable t, DataRow row, String column) {
        DataCell c = cell(t, row, column);
        assertFalse(c.isMissing(), column);
        return ((IntValue) c).getIntValue();
    }

    /**
     * @param t a table with group and target columns
     * @param group a group
     * @param target a target
     * @return the row of that group and target
     */
    public static DataRow row(BufferedDataTable t, String group, String target) {
        for (DataRow r : StubTables.rows(t)) {
            if (text(t, r, "group").equals(group) && text(t, r, "target").equals(target)) {
                return r;
            }
        }
        throw new AssertionError("no row " + group + "/" + target);
    }

    /** @param image an image port's content, asserted to be a PNG */
    public static void assertPng(ImagePortObject image) {
        byte[] png = ((PNGImageValue) image.toDataCell()).getImageContent().getByteArray();
        assertTrue(png.length > 1000, "PNG of " + png.length + " bytes");
        assertEquals(Arrays.toString(PNG_SIGNATURE), Arrays.toString(Arrays.copyOf(png, PNG_SIGNATURE.length)));
    }

    /**
     * Every saved key of a node: the keys and KNIME's {@code <key>_Internals} entries.
     *
     * @param keys the config keys
     * @return the set
     */
    public static Set<String> savedKeys(String... keys) {
        Set<String> s = new LinkedHashSet<>();
        for (String k : keys) {
            s.add(k);
            s.add(k + "_Internals");
        }
        return s;
    }

    /**
     * Sets string settings by config key on top of the node's current ones.
     *
     * @param r the node
     * @param keyValues key, value, key, value, ...
     * @return the settings, loaded (validated as KNIME does when the dialog is applied)
     * @throws InvalidSettingsException if the node rejects them
     */
    public static NodeSettings load(NodeModelRunner r, String... keyValues) throws InvalidSettingsException {
        NodeSettings s = r.saveSettings();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!s.containsKey(keyValues[i])) {
                throw new AssertionError("no setting " + keyValues[i] + " in " + s.keySet());
            }
            s.addString(keyValues[i], keyValues[i + 1]);
        }
        r.loadSettings(s);
        return s;
    }

    /**
     * @param r an executed node
     * @param variable the run-record flow variable
     * @return the run record it pushed
     */
    public static RunRecord record(NodeModelRunner r, String variable) {
        FlowVariable v = r.getPushedFlowVariables().get(variable);
        assertNotNull(v, "pushed: " + r.getPushedFlowVariables().keySet());
        return RunRecord.fromJson(v.getStringValue());
    }

    /**
     * @param rec a run record
     * @return its parameters by name
     */
    public static Map<String, String> parameters(RunRecord rec) {
        Map<String, String> m = new HashMap<>();
        rec.parameters().forEach(p -> m.put(p.name(), p.value()));
        return m;
    }
}
