package org.benchtop.knime.qpcr.rdml;

import static org.benchtop.knime.qpcr.QpcrFixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Table;
import org.benchtop.knime.qpcr.QpcrFixtures;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The RDML Reader node (no input port) against the KNIME API stub: the StepOne example file read from a path and a
 * {@code file:} URL gives exactly the Cq table R's xml2 extracts; settings, configure without inputs, the run
 * record with the file's SHA-256, and bad or hostile files.
 */
class RdmlReaderNodeModelTest {

    @TempDir
    Path dir;

    private static NodeModelRunner runner() {
        return new NodeModelRunner(new RdmlReaderNodeFactory().createNodeModel());
    }

    @Test
    void hasNoInputPortAndOneOutput() {
        NodeModelRunner r = runner();
        assertEquals(0, r.getNrInPorts());
        assertEquals(1, r.getNrOutPorts());
    }

    @Test
    void theFactoryMakesTheDialog() {
        assertNotNull(new RdmlReaderNodeFactory().createNodeDialogPane());
    }

    @Test
    void savesExactlyTheReleasedConfigKeys() {
        assertEquals(QpcrFixtures.savedKeys("rdml_file"), runner().saveSettings().keySet());
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        NodeModelRunner a = runner();
        load(a, "rdml_file", "knime://knime.workflow/data/run 1.rdml");
        String first = StubNodeSettings.toXml(a.saveSettings());
        NodeModelRunner b = runner();
        b.loadSettings(StubNodeSettings.fromXml(first));
        assertEquals(first, StubNodeSettings.toXml(b.saveSettings()));
        assertEquals("knime://knime.workflow/data/run 1.rdml", b.saveSettings().getString("rdml_file"));
        assertEquals("", runner().saveSettings().getString("rdml_file"), "documented default");
    }

    @Test
    void configureWithoutInputsGivesTheWellsSpec() throws Exception {
        NodeModelRunner r = runner();
        load(r, "rdml_file", QpcrFixtures.copy("RDML_stepone_std.rdml", dir).toString());
        PortObjectSpec[] specs = r.configure();
        DataTableSpec s = assertInstanceOf(DataTableSpec.class, specs[0]);
        assertEquals(List.of("well", "sample", "type", "quantity", "target", "cq"), List.of(s.getColumnNames()));
        assertEquals(StringCell.TYPE, s.getColumnSpec(0).getType());
        assertEquals(DoubleCell.TYPE, s.getColumnSpec(3).getType());
        assertEquals(DoubleCell.TYPE, s.getColumnSpec(5).getType());
    }

    @Test
    void configureExplainsAMissingOrEmptyFileSetting() throws Exception {
        InvalidSettingsException empty = assertThrows(InvalidSettingsException.class, () -> runner().configure());
        assertTrue(empty.getMessage().contains("Enter the RDML file"), empty.getMessage());
        NodeModelRunner r = runner();
        Path nowhere = dir.resolve("nowhere.rdml");
        load(r, "rdml_file", nowhere.toString());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> r.configure());
        assertTrue(e.getMessage().contains(nowhere.toString()) && e.getMessage().contains("does not exist"),
                e.getMessage());
    }

    @Test
    void readsTheStepOneCqTableExactlyFromAPath() throws Exception {
        Path f = QpcrFixtures.copy("RDML_stepone_std.rdml", dir);
        NodeModelRunner r = runner();
        load(r, "rdml_file", f.toString());
        PortObject[] out = r.execute();
        assertEqualsCqTable(assertInstanceOf(BufferedDataTable.class, out[0]));

        RunRecord rec = QpcrFixtures.record(r, "benchtop.run.qpcr.read_rdml");
        assertEquals("qpcr.read_rdml", rec.analysis());
        Map<String, String> p = QpcrFixtures.parameters(rec);
        assertEquals("RDML_stepone_std.rdml", p.get("input"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        assertEquals(sha, p.get("input_sha256"));
        assertEquals(24, rec.inputs().get(0).rows());
    }

    @Test
    void readsTheSameFromAFileUrl() throws Exception {
        Path f = QpcrFixtures.copy("RDML_stepone_std.rdml", dir);
        NodeModelRunner r = runner();
        load(r, "rdml_file", f.toUri().toString());
        r.configure();
        assertEqualsCqTable((BufferedDataTable) r.execute()[0]);
        assertEquals("RDML_stepone_std.rdml",
                QpcrFixtures.parameters(QpcrFixtures.record(r, "benchtop.run.qpcr.read_rdml")).get("input"));
    }

    /** Every cell equal to R's xml2 extraction (RDML_stepone_std_cq.csv); NA as missing cells. */
    private static void assertEqualsCqTable(BufferedDataTable t) {
        String[] text = {"well", "sample", "type", "target"};
        Table e = QpcrFixtures.resource("RDML_stepone_std_cq.csv", text);
        List<DataRow> rows = StubTables.rows(t);
        assertEquals(e.rowCount(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            for (String c : text) {
                assertEquals(e.column(c).getString(i), ((StringValue) QpcrFixtures.cell(t, rows.get(i), c))
                        .getStringValue(), c + " row " + i);
            }
            for (String c : List.of("quantity", "cq")) {
                DataCell cell = QpcrFixtures.cell(t, rows.get(i), c);
                assertEquals(e.column(c).isMissing(i), cell.isMissing(), c + " missing, row " + i);
                if (!cell.isMissing()) {
                    assertEquals(e.column(c).getDouble(i), ((DoubleValue) cell).getDoubleValue(), 0.0, c + " row " + i);
                }
            }
        }
    }

    @Test
    void aHostileFileIsRefusedWithoutReadingTheEntity() throws Exception {
        Path f = dir.resolve("xxe.rdml");
        Files.writeString(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE rdml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rdml version=\"1.1\">&x;</rdml>\n");
        NodeModelRunner r = runner();
        load(r, "rdml_file", f.toString());
        Exception e = assertThrows(Exception.class, () -> r.execute());
        assertTrue(e.getMessage().contains("xxe.rdml"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void theRecordNamesTheFileWithoutFolders() {
        assertEquals("run 1.rdml", RdmlReaderNodeModel.fileName("file:/tmp/a%20b/run%201.rdml"));
        assertEquals("run 1.rdml", RdmlReaderNodeModel.fileName("knime://knime.workflow/data/run 1.rdml"));
        assertEquals("run.rdml", RdmlReaderNodeModel.fileName("https://example.org/x/run.rdml?download=1"));
        assertEquals("run.rdml", RdmlReaderNodeModel.fileName("C:\\data\\run.rdml"));
        assertEquals("run.rdml", RdmlReaderNodeModel.fileName("/data/run.rdml"));
    }

    @Test
    void anUnreadableUrlIsBadInputNamingIt() throws Exception {
        NodeModelRunner r = runner();
        load(r, "rdml_file", "nosuchscheme://host/run.rdml");
        Exception e = assertThrows(Exception.class, () -> r.execute());
        assertTrue(e.getMessage().contains("nosuchscheme://host/run.rdml"), e.getMessage());
    }
}
