package org.benchtop.knime.plates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.benchtop.knimestub.testing.StubTables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/**
 * Small 96-well plates (rows A-H, columns 1-12) with values chosen so that the expected results can be computed by
 * hand in the tests: column 1 holds the negative controls ({@code neg}, {@code 1000 + step * r} for row index r),
 * column 12 the positive controls ({@code pos}, {@code 100 + 2 r}), columns 2-11 the samples
 * ({@code 500 + 10 r + c + (7 r + 3 c) mod 5}; not additive in row and column, so the median polish leaves
 * residuals). Input columns: {@code plate} (text), {@code well} ({@code A01}), {@code value} (number, may be
 * missing), {@code content}.
 */
public final class PlateFixtures {

    /** The input columns. */
    public static final DataTableSpec SPEC = new DataTableSpec(
        new DataColumnSpecCreator("plate", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("well", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("value", DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator("content", StringCell.TYPE).createSpec());

    private PlateFixtures() {
    }

    /**
     * One well of a fixture.
     *
     * @param plate plate id
     * @param row row index 0-7 (A-H)
     * @param column column 1-12
     * @param content content label
     * @param value raw value, {@code null} if missing
     */
    public record Well(String plate, int row, int column, String content, Double value) {

        /** @return the well id, e.g. {@code B03} */
        public String id() {
            return String.format("%c%02d", Character.valueOf((char)('A' + row)), Integer.valueOf(column));
        }

        /** @return the row key the fixture gives the well, e.g. {@code P1:B03} */
        public String key() {
            return plate + ":" + id();
        }

        /** @return the value, NaN if missing */
        public double x() {
            return value == null ? Double.NaN : value.doubleValue();
        }
    }

    /**
     * @param plate plate id
     * @param negativeStep the step of the negative controls along the rows
     * @param missing well ids whose value is missing
     * @return the plate's 96 wells in row-major order (A01, A02, ...)
     */
    public static List<Well> plate(final String plate, final double negativeStep, final String... missing) {
        List<Well> wells = new ArrayList<>();
        List<String> miss = Arrays.asList(missing);
        for (int r = 0; r < 8; r++) {
            for (int c = 1; c <= 12; c++) {
                String content;
                double v;
                if (c == 1) {
                    content = "neg";
                    v = 1000 + negativeStep * r;
                } else if (c == 12) {
                    content = "pos";
                    v = 100 + 2.0 * r;
                } else {
                    content = "sample";
                    v = 500 + 10.0 * r + c + (7 * r + 3 * c) % 5;
                }
                Well w = new Well(plate, r, c, content, Double.valueOf(v));
                wells.add(miss.contains(w.id()) ? new Well(plate, r, c, content, null) : w);
            }
        }
        return wells;
    }

    /**
     * @param wells wells
     * @param relabel replaces content labels (e.g. to remove the negative controls)
     * @return the wells with new labels
     */
    public static List<Well> relabel(final List<Well> wells, final UnaryOperator<String> relabel) {
        List<Well> out = new ArrayList<>();
        for (Well w : wells) {
            out.add(new Well(w.plate(), w.row(), w.column(), relabel.apply(w.content()), w.value()));
        }
        return out;
    }

    /**
     * @param wells the wells, one row each, in order
     * @return the KNIME input table (row keys {@link Well#key()}, made unique for a well listed twice)
     */
    public static BufferedDataTable table(final List<Well> wells) {
        List<DataRow> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Well w : wells) {
            DataCell value = w.value() == null ? DataType.getMissingCell() : new DoubleCell(w.x());
            String key = w.key();
            for (int i = 2; !keys.add(key); i++) {
                key = w.key() + "#" + i; // a well listed twice (bad input) still gets a unique row key
            }
            rows.add(new DefaultRow(new RowKey(key), new StringCell(w.plate()), new StringCell(w.id()), value,
                new StringCell(w.content())));
        }
        return StubTables.of(SPEC, rows);
    }

    /**
     * @param wells wells
     * @param which which wells
     * @return the non-missing values of those wells
     */
    public static double[] values(final List<Well> wells, final Predicate<Well> which) {
        return wells.stream().filter(which).filter(w -> w.value() != null).mapToDouble(Well::x).toArray();
    }

    /**
     * @param v values
     * @return the arithmetic mean
     */
    public static double mean(final double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * @param v values
     * @return the sample standard deviation (n - 1), as R's sd
     */
    public static double sd(final double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /**
     * @param v values
     * @return the median, as R's median
     */
    public static double median(final double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * @param v values
     * @return the MAD with R's constant 1.4826, as R's mad
     */
    public static double mad(final double[] v) {
        double m = median(v);
        DoubleUnaryOperator dev = x -> Math.abs(x - m);
        return 1.4826 * median(Arrays.stream(v).map(dev).toArray());
    }

    /**
     * Sets string settings of a node (by config key, as saved) on top of its current settings.
     *
     * @param settings the node's saved settings
     * @param keyValues key, value, key, value, ...
     * @return the same settings object
     * @throws InvalidSettingsException if a key is not among the node's settings
     */
    public static NodeSettings withStrings(final NodeSettings settings, final String... keyValues)
        throws InvalidSettingsException {
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!settings.containsKey(keyValues[i])) {
                throw new InvalidSettingsException("no setting " + keyValues[i] + " in " + settings.keySet());
            }
            settings.addString(keyValues[i], keyValues[i + 1]);
        }
        return settings;
    }

    /**
     * @param settings a plate node's saved settings
     * @return them with the fixture's columns chosen (plate, well, value, content) and format 96
     * @throws InvalidSettingsException if a key is missing
     */
    public static NodeSettings fixtureColumns(final NodeSettings settings) throws InvalidSettingsException {
        return withStrings(settings, "plate_column", "plate", "well_column", "well", "value_column", "value",
            "content_column", "content", "plate_format", "96");
    }
}
