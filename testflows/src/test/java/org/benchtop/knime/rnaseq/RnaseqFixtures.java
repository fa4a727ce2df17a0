package org.benchtop.knime.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

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
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Inputs and reference values of the RNA-seq node tests. The inputs are those of the RNA-seq testflows
 * ({@code testflows/rnaseq-*}/data, derived from the reference files by their make_expected.py); further DESeq2 and
 * edgeR references are read where the engine keeps them,
 * {@code plugins/org.benchtop.core/src/test/resources/org/benchtop/core/rnaseq/} (R 4.2.2, DESeq2 1.38.3, edgeR
 * 3.40.2; the generating scripts and the origin of each file are in the README there), never copied from our output.
 */
public final class RnaseqFixtures {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private RnaseqFixtures() {
    }

    /** @return the testflows folder (system property {@code benchtop.testflows.dir}, set by the module's pom) */
    public static Path testflows() {
        return Paths.get(System.getProperty("benchtop.testflows.dir", "."));
    }

    /**
     * @param scenario a testflow folder name
     * @param file a file in it, e.g. {@code data/counts.csv}
     * @return the path
     */
    public static Path scenarioFile(String scenario, String file) {
        Path p = testflows().resolve(scenario).resolve(file);
        assertTrue(Files.isRegularFile(p), "missing " + p);
        return p;
    }

    /**
     * @param file a reference file of the RNA-seq engine's test resources
     * @return the path
     */
    public static Path reference(String file) {
        Path p = testflows().resolve("..").resolve("plugins/org.benchtop.core/src/test/resources/org/benchtop/core/rnaseq")
                .resolve(file).normalize();
        assertTrue(Files.isRegularFile(p), "missing " + p);
        return p;
    }

    /**
     * @param csv a CSV file
     * @param textColumns columns read as text
     * @return the table
     */
    public static Table read(Path csv, String... textColumns) {
        return CsvReader.withDefaults().withStringColumns(Set.of(textColumns)).read(csv);
    }

    /**
     * A core table as the KNIME table a CSV Reader would deliver: integer, long, double and string columns, missing
     * cells, row ids {@code Row0, Row1, ...}. Written here, not with the node layer's converter, so that a bug there
     * is not mirrored in the test input.
     *
     * @param t the table
     * @return the KNIME table
     */
    public static BufferedDataTable knime(Table t) {
        List<Column> cols = t.columns();
        DataColumnSpec[] specs = new DataColumnSpec[cols.size()];
        for (int c = 0; c < specs.length; c++) {
            DataType type = switch (cols.get(c).type()) {
                case INT -> IntCell.TYPE;
                case LONG -> LongCell.TYPE;
                case DOUBLE -> DoubleCell.TYPE;
                default -> StringCell.TYPE;
            };
            specs[c] = new DataColumnSpecCreator(cols.get(c).name(), type).createSpec();
        }
        List<DataRow> rows = new ArrayList<>(t.rowCount());
        for (int r = 0; r < t.rowCount(); r++) {
            DataCell[] cells = new DataCell[specs.length];
            for (int c = 0; c < cells.length; c++) {
                Column col = cols.get(c);
                cells[c] = col.isMissing(r) ? DataType.getMissingCell() : switch (col.type()) {
                    case INT -> new IntCell(Math.toIntExact(col.getLong(r)));
                    case LONG -> new LongCell(col.getLong(r));
                    case DOUBLE -> new DoubleCell(col.getDouble(r));
                    default -> new StringCell(col.getString(r));
                };
            }
            rows.add(new DefaultRow(RowKey.createRowKey(r), cells));
        }
        return StubTables.of(new DataTableSpec(specs), rows);
    }

    /**
     * @param t a KNIME table
     * @param column a column
     * @return the column's values as doubles (NaN for missing cells)
     */
    public static double[] doubles(BufferedDataTable t, String column) {
        int idx = t.getDataTableSpec().findColumnIndex(column);
        assertTrue(idx >= 0, "no column " + column + " in " + t.getDataTableSpec());
        List<DataRow> rows = StubTables.rows(t);
        double[] v = new double[rows.size()];
        for (int r = 0; r < v.length; r++) {
            DataCell c = rows.get(r).getCell(idx);
            v[r] = c.isMissing() ? Double.NaN : ((DoubleValue) c).getDoubleValue();
        }
        return v;
    }

    /**
     * @param t a KNIME table
     * @param column a text column
     * @return its values
     */
    public static List<String> strings(BufferedDataTable t, String column) {
        int idx = t.getDataTableSpec().findColumnIndex(column);
        assertTrue(idx >= 0, "no column " + column + " in " + t.getDataTableSpec());
        List<String> v = new ArrayList<>();
        for (DataRow row : StubTables.rows(t)) {
            v.add(((StringValue) row.getCell(idx)).getStringValue());
        }
        return v;
    }

    /**
     * @param t a KNIME table
     * @param keyColumn a text column with unique values
     * @return the row of each key
     */
    public static Map<String, Integer> rowsByKey(BufferedDataTable t, String keyColumn) {
        Map<String, Integer> m = new HashMap<>();
        List<String> keys = strings(t, keyColumn);
        for (int r = 0; r < keys.size(); r++) {
            m.put(keys.get(r), Integer.valueOf(r));
        }
        return m;
    }

    /** Collects the deviations of one quantity from its reference: NA pattern exactly, numbers within tolerance. */
    public static final class Deviations {

        private final List<String> failures = new ArrayList<>();
        private final Map<String, Double> maxRelative = new java.util.LinkedHashMap<>();

        /**
         * @param quantity the quantity's name
         * @param ids row labels (genes, samples)
         * @param actual our values
         * @param expected the reference values (NaN = NA)
         * @param rel relative tolerance
         * @param abs absolute tolerance (values near 0)
         */
        public void check(String quantity, List<String> ids, double[] actual, double[] expected, double rel, double abs) {
            assertEquals(expected.length, actual.length, quantity + ": number of values");
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                boolean naE = Double.isNaN(expected[i]);
                boolean naA = Double.isNaN(actual[i]);
                if (naE || naA) {
                    if (naE != naA && failures.size() < 20) {
                        failures.add(quantity + " " + ids.get(i) + ": expected " + expected[i] + ", actual " + actual[i]);
                    }
                    continue;
                }
                double d = Math.abs(actual[i] - expected[i]);
                if (expected[i] != 0) {
                    worst = Math.max(worst, d / Math.abs(expected[i]));
                }
                if (!(d <= Math.max(rel * Math.abs(expected[i]), abs)) && failures.size() < 20) {
                    failures.add(String.format(Locale.ROOT, "%s %s: expected %.12g, actual %.12g (relative %.2g > %.1g)",
                            quantity, ids.get(i), Double.valueOf(expected[i]), Double.valueOf(actual[i]),
                            Double.valueOf(d / Math.abs(expected[i])), Double.valueOf(rel)));
                }
            }
            maxRelative.put(quantity, Double.valueOf(worst));
        }

        /**
         * Fails with every recorded mismatch; prints the largest relative deviation per quantity.
         *
         * @param label what was compared, for the printout
         */
        public void assertNone(String label) {
            System.out.println(label + ":");
            maxRelative.forEach((q, d) -> System.out.printf(Locale.ROOT, "  %-40s max rel. deviation %.2e%n", q, d));
            assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        }
    }

    /**
     * @param port an image port's content
     * @return the image's width and height, after checking it is a PNG
     */
    public static int[] pngSize(PortObject port) {
        ImagePortObject image = (ImagePortObject) port;
        byte[] png = ((PNGImageValue) image.toDataCell()).getImageContent().getByteArray();
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            assertEquals(PNG_SIGNATURE[i], png[i], "PNG signature");
        }
        try {
            var img = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(img);
            return new int[] {img.getWidth(), img.getHeight()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param runner an executed node
     * @param analysis the analysis id, e.g. {@code rnaseq.deseq}
     * @return the run record pushed as {@code benchtop.run.<analysis>}
     */
    public static RunRecord record(NodeModelRunner runner, String analysis) {
        FlowVariable v = runner.getPushedFlowVariables().get("benchtop.run." + analysis);
        assertNotNull(v, "pushed: " + runner.getPushedFlowVariables().keySet());
        RunRecord rec = RunRecord.fromJson(v.getStringValue());
        assertEquals(analysis, rec.analysis());
        assertFalse(rec.finished().isBefore(rec.started()));
        return rec;
    }

    /**
     * @param rec a run record
     * @return its parameters by name
     */
    public static Map<String, String> parameters(RunRecord rec) {
        Map<String, String> p = new HashMap<>();
        rec.parameters().forEach(x -> p.put(x.name(), x.value()));
        return p;
    }
}
