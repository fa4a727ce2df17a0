package org.benchtop.knimestub.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnName;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.defaultnodesettings.SettingsModelStringArray;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

class KnimeApiStubTest {

    /** A settings.xml as KNIME writes it (layout of XMLContentHandler), including entry types the stub only keeps. */
    private static final String KNIME_SETTINGS_XML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <config xmlns="http://www.knime.org/2008/09/XMLConfig" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd" \
        key="settings.xml">
            <entry key="node_file" type="xstring" value="settings.xml"/>
            <config key="flow_stack"/>
            <entry key="state" type="xstring" value="CONFIGURED"/>
            <entry key="factory" type="xstring" value="org.benchtop.knime.Example"/>
            <config key="model">
                <entry key="column" type="xstring" value="OD600"/>
                <entry key="note" type="xstring" value="a%%00010b &amp; &lt;c&gt; %%00037%%00037"/>
                <entry key="absent" type="xstring" value="" isnull="true"/>
                <entry key="replicates" type="xint" value="3"/>
                <entry key="seed" type="xlong" value="12345678901"/>
                <entry key="alpha" type="xdouble" value="0.05"/>
                <entry key="log" type="xboolean" value="true"/>
                <entry key="scale" type="xfloat" value="1.5"/>
                <config key="genes">
                    <entry key="array-size" type="xint" value="2"/>
                    <entry key="0" type="xstring" value="ACTB"/>
                    <entry key="1" type="xstring" value="GAPDH"/>
                </config>
            </config>
        </config>
        """;

    @Test
    void readsKnimeSettingsXml(@TempDir final Path dir) throws Exception {
        Path f = dir.resolve("settings.xml");
        Files.writeString(f, KNIME_SETTINGS_XML);
        NodeSettingsRO model = StubNodeSettings.loadModelSettings(f);
        assertEquals("OD600", model.getString("column"));
        assertEquals("a\nb & <c> %%", model.getString("note"));
        assertTrue(model.containsKey("absent"));
        assertNull(model.getString("absent"));
        assertEquals("dflt", model.getString("missing", "dflt"));
        assertEquals(3, model.getInt("replicates"));
        assertEquals(12345678901L, model.getLong("seed"));
        assertEquals(0.05, model.getDouble("alpha"));
        assertTrue(model.getBoolean("log"));
        assertArrayEquals(new String[]{"ACTB", "GAPDH"}, model.getStringArray("genes"));
        // type-strict as in KNIME
        assertThrows(InvalidSettingsException.class, () -> model.getInt("seed"));
        assertThrows(InvalidSettingsException.class, () -> model.getString("replicates"));
        assertEquals(7, model.getInt("seed", 7));
        assertEquals("settings.xml", StubNodeSettings.load(f).getKey());
    }

    @Test
    void writesWhatItReads(@TempDir final Path dir) throws Exception {
        Path in = dir.resolve("in.xml");
        Files.writeString(in, KNIME_SETTINGS_XML);
        NodeSettings copy = new NodeSettings("x");
        StubNodeSettings.load(in).copyTo(copy);
        Path out = dir.resolve("out.xml");
        StubNodeSettings.write(copy, out);
        NodeSettingsRO again = StubNodeSettings.load(out);
        NodeSettingsRO model = again.getNodeSettings("model");
        assertEquals("a\nb & <c> %%", model.getString("note"));
        String xml = Files.readString(out);
        assertTrue(xml.contains("<entry key=\"scale\" type=\"xfloat\" value=\"1.5\"/>"), xml);
        assertTrue(xml.contains("<entry key=\"absent\" type=\"xstring\" value=\"\" isnull=\"true\"/>"), xml);
        // as KNIME's XMLContentHandler.escape: only a '%' followed by '%' is escaped
        assertTrue(xml.contains("value=\"a%%00010b &amp; &lt;c&gt; %%00037%\""), xml);
        assertTrue(xml.contains("xmlns=\"http://www.knime.org/2008/09/XMLConfig\""), xml);
    }

    @Test
    void arraysAndNulls() throws Exception {
        NodeSettings s = new NodeSettings("model");
        s.addStringArray("a", "x", null, "z");
        s.addStringArray("n", (String[])null);
        s.addDoubleArray("d", 1.5, Double.NaN);
        s.addIntArray("i", 1, 2);
        s.addLongArray("l", 5L);
        s.addBooleanArray("b", true, false);
        NodeSettingsRO r = StubNodeSettings.fromXml(StubNodeSettings.toXml(s));
        assertArrayEquals(new String[]{"x", null, "z"}, r.getStringArray("a"));
        assertNull(r.getStringArray("n"));
        assertArrayEquals(new double[]{1.5, Double.NaN}, r.getDoubleArray("d"));
        assertArrayEquals(new int[]{1, 2}, r.getIntArray("i"));
        assertArrayEquals(new long[]{5L}, r.getLongArray("l"));
        assertArrayEquals(new boolean[]{true, false}, r.getBooleanArray("b"));
        assertArrayEquals(new String[]{"q"}, r.getStringArray("nope", "q"));
    }

    @Test
    void settingsModelsSaveLikeKnime() throws Exception {
        NodeSettings s = new NodeSettings("model");
        new SettingsModelString("col", "A").saveSettingsTo(s);
        new SettingsModelIntegerBounded("n", 3, 1, 10).saveSettingsTo(s);
        new SettingsModelDoubleBounded("alpha", 0.05, 0.0, 1.0).saveSettingsTo(s);
        new SettingsModelBoolean("log", true).saveSettingsTo(s);
        new SettingsModelStringArray("genes", new String[]{"ACTB"}).saveSettingsTo(s);
        new SettingsModelColumnName("ref", "B").saveSettingsTo(s);
        assertEquals(List.of("col_Internals", "col", "n_Internals", "n", "alpha_Internals", "alpha",
            "log_Internals", "log", "genes_Internals", "genes", "ref_Internals", "ref"), List.copyOf(s.keySet()));
        assertEquals("SMID_string", s.getConfig("col_Internals").getString("SettingsModelID"));
        assertTrue(s.getConfig("col_Internals").getBoolean("EnabledStatus"));
        assertEquals("SMID_integer", s.getConfig("n_Internals").getString("SettingsModelID"));
        assertEquals("SMID_double", s.getConfig("alpha_Internals").getString("SettingsModelID"));
        assertEquals("SMID_boolean", s.getConfig("log_Internals").getString("SettingsModelID"));
        assertEquals("SMID_stringarray", s.getConfig("genes_Internals").getString("SettingsModelID"));
        assertEquals("SMID_string", s.getConfig("ref_Internals").getString("SettingsModelID"));
        assertEquals("B", s.getNodeSettings("ref").getString("columnName"));
        assertFalse(s.getNodeSettings("ref").getBoolean("useRowID"));

        SettingsModelIntegerBounded n = new SettingsModelIntegerBounded("n", 1, 1, 10);
        n.loadSettingsFrom(s);
        assertEquals(3, n.getIntValue());
        NodeSettings bad = new NodeSettings("model");
        bad.addInt("n", 11);
        assertThrows(InvalidSettingsException.class, () -> n.validateSettings(bad));
        assertThrows(InvalidSettingsException.class, () -> new SettingsModelString("x", "").validateSettings(bad));
        // settings without internals (older workflows) load too
        NodeSettings plain = new NodeSettings("model");
        plain.addString("col", "Z");
        SettingsModelString col = new SettingsModelString("col", "A");
        col.loadSettingsFrom(plain);
        assertEquals("Z", col.getStringValue());
    }

    @Test
    void dialogSavesTheModelKeys() throws Exception {
        SettingsModelString col = new SettingsModelString("col", null);
        SettingsModelIntegerBounded n = new SettingsModelIntegerBounded("n", 3, 1, 10);
        SettingsModelString method = new SettingsModelString("method", "nope");
        DefaultNodeSettingsPane pane = new DefaultNodeSettingsPane();
        pane.addDialogComponent(new DialogComponentColumnNameSelection(col, "Column", 0, DoubleValue.class));
        pane.createNewGroup("g");
        pane.addDialogComponent(new DialogComponentNumber(n, "N", 1));
        pane.addDialogComponent(new DialogComponentStringSelection(method, "Method", "median", "mean"));
        pane.closeCurrentGroup();
        assertEquals("median", method.getStringValue());

        DataTableSpec strings = new DataTableSpec(new DataColumnSpecCreator("s", StringCell.TYPE).createSpec());
        assertThrows(NotConfigurableException.class,
            () -> pane.loadSettingsFrom(new NodeSettings("x"), new PortObjectSpec[]{strings}));
        DataTableSpec nums = new DataTableSpec(new DataColumnSpecCreator("v", IntCell.TYPE).createSpec());
        NodeSettings in = new NodeSettings("model");
        in.addString("col", "v");
        pane.loadSettingsFrom(in, new PortObjectSpec[]{nums});
        assertEquals("v", col.getStringValue());
        NodeSettings out = new NodeSettings("model");
        pane.saveSettingsTo(out);
        assertEquals(List.of("col_Internals", "col", "n_Internals", "n", "method_Internals", "method"),
            List.copyOf(out.keySet()));
    }

    @Test
    void tablesCheckRowsLikeKnime() {
        DataTableSpec spec = new DataTableSpec(new String[]{"name", "value"},
            new DataType[]{StringCell.TYPE, DoubleCell.TYPE});
        assertThrows(IllegalArgumentException.class,
            () -> StubTables.of(spec, new DefaultRow("r0", new StringCell("a"))));
        assertThrows(IllegalArgumentException.class,
            () -> StubTables.of(spec, new DefaultRow("r0", new StringCell("a"), new StringCell("b"))));
        assertThrows(IllegalArgumentException.class, () -> StubTables.of(spec,
            new DefaultRow("r0", new StringCell("a"), new DoubleCell(1)),
            new DefaultRow("r0", new StringCell("b"), new DoubleCell(2))));
        // IntCell is a DoubleValue, the missing cell fits anywhere
        BufferedDataTable t = StubTables.of(spec, new DefaultRow("r0", new StringCell("a"), new IntCell(1)),
            new DefaultRow("r1", DataType.getMissingCell(), new DoubleCell(2)));
        assertEquals(2, t.size());
        List<DataRow> rows = StubTables.rows(t);
        assertTrue(rows.get(1).getCell(0).isMissing());
        assertEquals(1.0, ((DoubleValue)rows.get(0).getCell(1)).getDoubleValue());
        assertTrue(IntCell.TYPE.isCompatible(DoubleValue.class));
        assertFalse(StringCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(DoubleCell.TYPE.isASuperTypeOf(IntCell.TYPE));
        assertTrue(BooleanCell.TYPE.isCompatible(IntValue.class));
        assertEquals(BooleanCell.TRUE, BooleanCell.BooleanCellFactory.create(true));
        assertEquals(1, spec.findColumnIndex("value"));
        assertEquals("value (#1)", DataTableSpec.getUniqueColumnName(spec, "value"));
    }

    @Test
    void cancellation() throws Exception {
        ExecutionContext exec = StubExecutionContexts.create();
        ExecutionContext sub = exec.createSubExecutionContext(0.5);
        sub.setProgress(0.5, "half");
        assertEquals(0.25, StubExecutionContexts.progress(exec), 1e-12);
        assertEquals("half", StubExecutionContexts.message(exec));
        exec.checkCanceled();
        StubExecutionContexts.cancel(exec);
        assertThrows(CanceledExecutionException.class, exec::checkCanceled);
        assertThrows(CanceledExecutionException.class, sub::checkCanceled);
    }

    /** Toy node: one string column in, counts rows, pushes variables, warns on empty input. */
    static final class CountModel extends ToyNodeModel {

        final SettingsModelString m_col;

        CountModel() {
            this(new SettingsModelString("col", null));
        }

        private CountModel(final SettingsModelString col) {
            super(1, 1, col);
            m_col = col;
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
            if (!inSpecs[0].containsName(m_col.getStringValue())) {
                throw new InvalidSettingsException("No column " + m_col.getStringValue());
            }
            pushFlowVariableString("benchtop.run.phase", "configure");
            return new DataTableSpec[]{outSpec()};
        }

        private static DataTableSpec outSpec() {
            return new DataTableSpec(new DataColumnSpecCreator("count", IntCell.TYPE).createSpec());
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
            int n = 0;
            for (DataRow r : inData[0]) {
                exec.checkCanceled();
                if (r.getCell(0) instanceof StringValue) {
                    n++;
                }
            }
            pushFlowVariableString("benchtop.run.id", "run-1");
            pushFlowVariableInt("benchtop.run.rows", n);
            BufferedDataContainer c = exec.createDataContainer(outSpec());
            if (n > 0) {
                c.addRowToTable(new DefaultRow("Row0", new IntCell(n)));
            }
            c.close();
            return new BufferedDataTable[]{c.getTable()};
        }
    }

    @Test
    void runnerDrivesANodeModel() throws Exception {
        NodeModelRunner run = new NodeModelRunner(new CountModel());
        NodeSettings s = new NodeSettings("model");
        s.addString("col", "name");
        run.loadSettings(s);
        assertEquals(List.of("col_Internals", "col"), List.copyOf(run.saveSettings().keySet()));

        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("name", StringCell.TYPE).createSpec());
        assertEquals("count", run.configureTables(spec)[0].getColumnSpec(0).getName());
        assertEquals("configure", run.getPushedFlowVariables().get("benchtop.run.phase").getStringValue());
        assertThrows(InvalidSettingsException.class, () -> run.configureTables(new DataTableSpec()));
        assertThrows(InvalidSettingsException.class, () -> run.configure((PortObjectSpec)null));

        run.setInputFlowVariables(new FlowVariable("upstream", "u"));
        BufferedDataTable[] out = run.executeTables(StubTables.of(spec, new DefaultRow("r0", "a"),
            new DefaultRow("r1", "b")));
        assertEquals(2, ((IntValue)StubTables.rows(out[0]).get(0).getCell(0)).getIntValue());
        assertNull(run.getWarningMessage());
        assertEquals(List.of("benchtop.run.id", "benchtop.run.rows"), List.copyOf(run.getPushedFlowVariables().keySet()));
        assertEquals("run-1", run.model().peekFlowVariableString("benchtop.run.id"));
        assertEquals("u", run.model().peekFlowVariableString("upstream"));
        assertThrows(NoSuchElementException.class, () -> run.model().peekFlowVariableString("benchtop.run.rows"));
        assertEquals(3, run.model().getAvailableFlowVariables().size());

        run.executeTables(StubTables.of(spec));
        assertEquals("Node created an empty data table.", run.getWarningMessage());

        ExecutionContext exec = StubExecutionContexts.create();
        StubExecutionContexts.cancel(exec);
        assertThrows(CanceledExecutionException.class,
            () -> run.executeTables(exec, StubTables.of(spec, new DefaultRow("r0", "a"))));
        assertThrows(IllegalArgumentException.class, () -> new FlowVariable("knime.x", "v"));
    }

    @Test
    void pngPortObject() throws Exception {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        PNGImageContent content = new PNGImageContent(bytes.toByteArray());
        ImagePortObject po = new ImagePortObject(content, new ImagePortObjectSpec(PNGImageContent.TYPE));
        DataCell cell = po.toDataCell();
        assertInstanceOf(PNGImageValue.class, cell);
        assertArrayEquals(bytes.toByteArray(), ((PNGImageValue)cell).getImageContent().getByteArray());
        assertEquals("PNG Image 3 x 2 with " + bytes.size() + " B", po.getSummary());
        assertEquals(ImagePortObjectSpec.class, ImagePortObject.TYPE.getPortObjectSpecClass());
        assertEquals(DataTableSpec.class, BufferedDataTable.TYPE.getPortObjectSpecClass());
        assertThrows(IllegalArgumentException.class, () -> new PNGImageContent(new byte[]{1, 2, 3}));
    }
}
