package org.benchtop.knime.notebook;

import static org.benchtop.knime.plates.PlateFixtures.fixtureColumns;
import static org.benchtop.knime.plates.PlateFixtures.withStrings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.benchtop.core.notebook.ElnReader;
import org.benchtop.core.notebook.ElnVerifier;
import org.benchtop.core.notebook.NotebookEntry;
import org.benchtop.knime.plates.PlateFixtures;
import org.benchtop.knime.plates.qc.PlateQcNodeFactory;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubExecutionContexts;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.benchtop.knimestub.testing.StubTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.workflow.FlowVariable;

/**
 * The Lab Notebook Entry node against the KNIME API stub: settings, configure, and execute downstream of a real
 * Plate QC node (its QC table, heatmap table and overview image, and its run-record flow variable).
 */
class NotebookEntryNodeModelTest {

    @TempDir
    Path tmp;

    private static NodeModelRunner runner() {
        return new NodeModelRunner(new NotebookEntryNodeFactory().createNodeModel());
    }

    private NodeModelRunner configured(String... extra) throws InvalidSettingsException {
        NodeModelRunner r = runner();
        String[] base = {"title", "Plate QC, screen 3", "author", "Ada Lovelace", "author_orcid", "0000-0002-1825-0097",
            "project", "Screens", "notes", "Fixture plate.", "output_folder", tmp.toString()};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        r.loadSettings(withStrings(r.saveSettings(), all));
        return r;
    }

    /** Runs the Plate QC node on the fixture plate: its outputs and pushed variables. */
    private static NodeModelRunner plateQc(PortObject[][] outputs) throws Exception {
        NodeModelRunner qc = new NodeModelRunner(new PlateQcNodeFactory().createNodeModel());
        qc.loadSettings(fixtureColumns(qc.saveSettings()));
        outputs[0] = qc.execute(StubExecutionContexts.create(), PlateFixtures.table(PlateFixtures.plate("P1", 10)));
        return qc;
    }

    @Test
    void savesExactlyTheReleasedConfigKeys() {
        Set<String> expected = new HashSet<>();
        for (String key : List.of("title", "author", "author_orcid", "author_email", "project", "notes", "output_folder",
            "file_name", "overwrite", "write_html")) {
            expected.add(key);
            expected.add(key + "_Internals");
        }
        assertEquals(expected, runner().saveSettings().keySet());
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        NodeModelRunner a = configured("file_name", "qc.eln");
        NodeSettings s = a.saveSettings();
        s.addBoolean("overwrite", true);
        s.addBoolean("write_html", false);
        a.loadSettings(s);
        String first = StubNodeSettings.toXml(a.saveSettings());
        NodeModelRunner b = runner();
        b.loadSettings(StubNodeSettings.fromXml(first));
        assertEquals(first, StubNodeSettings.toXml(b.saveSettings()));
    }

    @Test
    void configureGivesTheOneRowSpec() throws Exception {
        DataTableSpec out = (DataTableSpec) configured().configure(null, null, null, null, null)[0];
        assertEquals(List.of("eln_path", "eln_sha256", "html_path"), Arrays.asList(out.getColumnNames()));
    }

    @Test
    void configureExplainsMissingOrBadSettings() throws Exception {
        assertMessage(runner(), "Give the entry a title");
        NodeModelRunner noFolder = runner();
        noFolder.loadSettings(withStrings(noFolder.saveSettings(), "title", "t", "author", "a"));
        assertMessage(noFolder, "Choose the output folder");
        assertMessage(configured("output_folder", "relative/folder"), "not an absolute path");
        assertMessage(configured("file_name", "../escape.eln"), "without folders");
        assertMessage(configured("author_orcid", "0000-0002-1825-0098"), "check digit");
    }

    private static void assertMessage(NodeModelRunner r, String expected) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> r.configure(null, null, null, null, null));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void writesTheEntryWithTheUpstreamRunRecord() throws Exception {
        PortObject[][] qcOut = new PortObject[1][];
        NodeModelRunner qc = plateQc(qcOut);
        FlowVariable run = qc.getPushedFlowVariables().get("benchtop.run.plates.qc");
        assertNotNull(run);

        NodeModelRunner r = configured();
        r.setInputFlowVariables(run, new FlowVariable("unrelated", "x"));
        PortObject[] out = r.execute(StubExecutionContexts.create(), qcOut[0][0], qcOut[0][3], null,
                qcOut[0][4], null);
        assertEquals(null, r.getWarningMessage());
        List<DataRow> rows = StubTables.rows((BufferedDataTable) out[0]);
        assertEquals(1, rows.size());
        Path eln = Path.of(((StringValue) rows.get(0).getCell(0)).getStringValue());
        Path html = Path.of(((StringValue) rows.get(0).getCell(2)).getStringValue());
        assertEquals(tmp.resolve("Plate_QC_screen_3.eln"), eln);
        assertEquals(tmp.resolve("Plate_QC_screen_3.html"), html);
        assertEquals(sha256(Files.readAllBytes(eln)), ((StringValue) rows.get(0).getCell(1)).getStringValue());
        String report = Files.readString(html);
        assertTrue(report.contains("of 1 plates pass") && report.contains("made by <b>plates.qc</b>"), "summary");

        assertTrue(ElnVerifier.withDefaults().verify(eln).intact());
        NotebookEntry e = ElnReader.withDefaults().readEntry(eln);
        assertEquals("Ada Lovelace", e.author().name());
        assertEquals("0000-0002-1825-0097", e.author().orcid());
        assertEquals(1, e.analyses().size());
        assertEquals("plates.qc", e.runRecords().get(0).analysis());
        assertEquals(List.of("plate_qc.csv"), e.analyses().get(0).outputs(), "linked to the one QC table");
        assertEquals(List.of("plate_qc.csv"), e.tables().stream().map(NotebookEntry.ResultTable::name).toList());
        List<String> plots = e.plots().stream().map(NotebookEntry.Plot::name).toList();
        assertEquals(List.of("table_2_images/plate=P1.png", "image_1.png"), plots);
    }

    @Test
    void tablesWithoutAnUpstreamRunWarnThatThereIsNoProvenance() throws Exception {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("sample", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("value", DoubleCell.TYPE).createSpec());
        BufferedDataTable t = StubTables.of(spec, new DefaultRow("r0", new StringCell("a"), new DoubleCell(1.5)));
        NodeModelRunner r = configured();
        NodeSettings s = r.saveSettings();
        s.addBoolean("write_html", false);
        r.loadSettings(s);
        PortObject[] out = r.execute(StubExecutionContexts.create(), null, t, null, null, null);
        assertTrue(r.getWarningMessage().contains("no Benchtop run record"), r.getWarningMessage());
        DataRow row = StubTables.rows((BufferedDataTable) out[0]).get(0);
        assertTrue(row.getCell(2).isMissing(), "no HTML written");
        NotebookEntry e = ElnReader.withDefaults().readEntry(Path.of(((StringValue) row.getCell(0)).getStringValue()));
        assertEquals(List.of("table_2.csv"), e.tables().stream().map(NotebookEntry.ResultTable::name).toList());
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws Exception {
        Files.writeString(tmp.resolve("entry.eln"), "keep");
        NodeModelRunner r = configured("file_name", "entry");
        Exception e = assertThrows(Exception.class,
                () -> r.execute(StubExecutionContexts.create(), null, null, null, null, null));
        assertTrue(e.getMessage().contains("exists already") && e.getMessage().contains("Overwrite existing files"),
                e.getMessage());
        assertEquals("keep", Files.readString(tmp.resolve("entry.eln")));
        NodeSettings s = r.saveSettings();
        s.addBoolean("overwrite", true);
        r.loadSettings(s);
        r.execute(StubExecutionContexts.create(), null, null, null, null, null);
        assertTrue(ElnVerifier.withDefaults().verify(tmp.resolve("entry.eln")).intact());
        assertTrue(r.getWarningMessage().contains("No table or image is connected"), r.getWarningMessage());
    }

    @Test
    void aMissingOutputFolderFailsWithAClearMessage() throws Exception {
        NodeModelRunner r = configured("output_folder", tmp.resolve("nope").toString());
        Exception e = assertThrows(Exception.class,
                () -> r.execute(StubExecutionContexts.create(), null, null, null, null, null));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void anImagePortIsAPlot() throws Exception {
        PortObject[][] qcOut = new PortObject[1][];
        plateQc(qcOut);
        ImagePortObject img = (ImagePortObject) qcOut[0][4];
        NodeModelRunner r = configured();
        PortObject[] out = r.execute(StubExecutionContexts.create(), null, null, null, null, img);
        Path eln = Path.of(((StringValue) StubTables.rows((BufferedDataTable) out[0]).get(0).getCell(0)).getStringValue());
        assertEquals(List.of("image_2.png"),
                ElnReader.withDefaults().readEntry(eln).plots().stream().map(NotebookEntry.Plot::name).toList());
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
