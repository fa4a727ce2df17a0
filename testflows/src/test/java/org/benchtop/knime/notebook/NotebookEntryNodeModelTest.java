package org.benchtop.knime.notebook;

import static org.benchtop.knime.plates.PlateFixtures.fixtureColumns;
import static org.benchtop.knime.plates.PlateFixtures.withStrings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.benchtop.core.notebook.ElnReader;
import org.benchtop.core.notebook.ElnVerifier;
import org.benchtop.core.notebook.NotebookEntry;
import org.benchtop.knime.plates.PlateFixtures;
import org.benchtop.knime.plates.normalizer.PlateNormalizerNodeFactory;
import org.benchtop.knime.plates.qc.PlateQcNodeFactory;
import org.benchtop.knime.testing.NodeSettingsTesting;
import org.benchtop.knimestub.testing.NodeModelRunner;
import org.benchtop.knimestub.testing.StubExecutionContexts;
import org.benchtop.knimestub.testing.StubNodeFactories;
import org.benchtop.knimestub.testing.StubNodeSettings;
import org.benchtop.knimestub.testing.StubTables;
import org.benchtop.knimestub.testing.StubWorkflowContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.context.ModifiableNodeCreationConfiguration;
import org.knime.core.node.context.ports.ModifiablePortsConfiguration;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.workflow.FlowVariable;

/**
 * The Lab Notebook Entry node against the KNIME API stub: its dynamic ports (any number of result tables and images,
 * including none, and how KNIME saves them), settings, configure, and execute downstream of a real Plate QC node
 * (its QC table, heatmap table and overview image, and its run-record flow variable).
 */
class NotebookEntryNodeModelTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clearWorkflowContext() {
        StubWorkflowContext.clear();
    }

    /** A node with the given number of table and image ports, as the user added them. */
    private static NodeModelRunner runner(int tables, int images) {
        return new NodeModelRunner(StubNodeFactories.createNodeModel(new NotebookEntryNodeFactory(),
                Map.of(NotebookEntryNodeFactory.TABLE_GROUP, Integer.valueOf(tables),
                        NotebookEntryNodeFactory.IMAGE_GROUP, Integer.valueOf(images))));
    }

    private NodeModelRunner configured(int tables, int images, String... extra) throws InvalidSettingsException {
        NodeModelRunner r = runner(tables, images);
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

    private static BufferedDataTable userTable(String sample, double value) {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("sample", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("value", DoubleCell.TYPE).createSpec());
        return StubTables.of(spec, new DefaultRow("r0", new StringCell(sample), new DoubleCell(value)));
    }

    private static Path writtenEln(PortObject[] out) {
        return Path.of(((StringValue) StubTables.rows((BufferedDataTable) out[0]).get(0).getCell(0)).getStringValue());
    }

    /** The keys of the first release, then those added since (optional: {@link NotebookEntrySettings#addedKeys()}). */
    @Test
    void savesExactlyTheReleasedConfigKeys() {
        List<String> expected = new ArrayList<>();
        for (String key : List.of("title", "author", "author_orcid", "author_email", "project", "notes", "output_folder",
            "file_name", "overwrite", "write_html", "license")) {
            expected.add(key + "_Internals");
            expected.add(key);
        }
        assertEquals(expected, List.copyOf(runner(0, 0).saveSettings().keySet()));
        assertEquals(expected, List.copyOf(runner(3, 2).saveSettings().keySet()), "the ports are not model settings");
        assertEquals(Map.of("license", "0.1.0"), new NotebookEntrySettings().addedKeys());
    }

    /** The committed demo workflow's notebook settings, saved before the license existed. */
    private static NodeSettings oldSavedSettings() throws IOException, InvalidSettingsException {
        Path xml = Path.of(System.getProperty("benchtop.testflows.dir", System.getProperty("user.dir")))
                .resolve("milademetan-demo/Lab Notebook Entry (#10)/settings.xml");
        NodeSettings model = (NodeSettings) StubNodeSettings.load(xml).getNodeSettings(StubNodeSettings.MODEL_KEY);
        assertFalse(model.containsKey("license") || model.containsKey("license_Internals"),
                "the testflow must stay a workflow saved before the license existed: do not regenerate it");
        return model;
    }

    /**
     * A workflow saved before the license existed loads (the license empty, also after another value was loaded),
     * saves its keys unchanged plus the license, and runs: the .eln says no license was chosen.
     */
    @Test
    void settingsSavedBeforeTheLicenseExistedLoadAndRun() throws Exception {
        NodeSettings old = oldSavedSettings();
        NodeModelRunner r = configured(0, 0, "license", "internal use only");
        r.loadSettings(old);
        NodeSettings saved = r.saveSettings();
        assertEquals("", saved.getString("license"));
        assertEquals(StubNodeSettings.toXml(old), StubNodeSettings.toXml(NodeSettingsTesting.only(saved, old.keySet())),
                "every released key is saved again unchanged");

        Path space = Files.createDirectory(tmp.resolve("workspace"));
        StubWorkflowContext.set(space.resolve("milademetan-demo"), space);
        r.configure(new PortObjectSpec[0]);
        Path eln = writtenEln(r.execute(StubExecutionContexts.create()));
        assertEquals(space.resolve("milademetan-notebook/milademetan-demo.eln"), eln);
        assertTrue(ElnVerifier.withDefaults().verify(eln).intact());
        assertEquals("", ElnReader.withDefaults().readEntry(eln).license());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://creativecommons.org/licenses/by/4.0/", "internal use only"})
    void theLicenseIsWrittenToTheEln(String license) throws Exception {
        NodeModelRunner r = configured(0, 0, "license", license);
        Path eln = writtenEln(r.execute(StubExecutionContexts.create()));
        assertTrue(ElnVerifier.withDefaults().verify(eln).intact());
        assertEquals(license, ElnReader.withDefaults().readEntry(eln).license());
        assertEquals(license, r.saveSettings().getString("license"));
    }

    /** Only keys added after the first release may be missing; a released key is still required. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"title", "author_orcid", "output_folder", "write_html"})
    void settingsWithoutAReleasedKeyAreRejected(String key) throws Exception {
        NodeSettings saved = configured(0, 0).saveSettings();
        NodeModelRunner r = runner(0, 0);
        r.validateSettings(NodeSettingsTesting.without(saved, "license"));
        assertThrows(InvalidSettingsException.class, () -> r.validateSettings(NodeSettingsTesting.without(saved, key)));
        assertThrows(InvalidSettingsException.class, () -> r.loadSettings(NodeSettingsTesting.without(saved, key)));
    }

    @Test
    void settingsRoundTripGivesIdenticalXml() throws Exception {
        NodeModelRunner a = configured(1, 1, "file_name", "qc.eln", "license", "CC-BY-4.0");
        NodeSettings s = a.saveSettings();
        s.addBoolean("overwrite", true);
        s.addBoolean("write_html", false);
        a.loadSettings(s);
        String first = StubNodeSettings.toXml(a.saveSettings());
        NodeModelRunner b = runner(2, 0);
        b.loadSettings(StubNodeSettings.fromXml(first));
        assertEquals(first, StubNodeSettings.toXml(b.saveSettings()));
    }

    @ParameterizedTest(name = "{0} tables, {1} images")
    @CsvSource({"0, 0", "1, 0", "0, 1", "3, 2", "12, 7"})
    void theUserChoosesTheNumberOfTableAndImagePorts(int tables, int images) throws Exception {
        NodeModelRunner r = configured(tables, images);
        assertEquals(tables + images, r.getNrInPorts());
        assertEquals(1, r.getNrOutPorts());
        PortObjectSpec[] out = r.configure(new PortObjectSpec[tables + images]);
        assertEquals(List.of("eln_path", "eln_sha256", "html_path"),
                Arrays.asList(((DataTableSpec) out[0]).getColumnNames()));
    }

    @Test
    void aNewNodeHasNoInputPortAndTablesComeBeforeImages() {
        ModifiableNodeCreationConfiguration fresh = new NotebookEntryNodeFactory().createNodeCreationConfig();
        ModifiablePortsConfiguration ports = fresh.getPortConfig().orElseThrow();
        assertEquals(List.of("Result table", "Image", "Written files"), ports.getPortGroupNames());
        assertEquals(0, ports.getInputPorts().length);
        assertArrayEquals(new Object[] {BufferedDataTable.TYPE}, ports.getOutputPorts());

        ModifiablePortsConfiguration two = StubNodeFactories.creationConfig(new NotebookEntryNodeFactory(),
                Map.of("Image", Integer.valueOf(1), "Result table", Integer.valueOf(2))).getPortConfig().orElseThrow();
        assertArrayEquals(new Object[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE, ImagePortObject.TYPE},
                two.getInputPorts());
        assertArrayEquals(new int[] {0, 1}, two.getInputPortLocation().get("Result table"));
        assertArrayEquals(new int[] {2}, two.getInputPortLocation().get("Image"));
    }

    /**
     * KNIME saves the added ports in the node's settings.xml ({@code ModifiableNodeCreationConfiguration},
     * {@code DefaultModifiablePortsConfiguration}, {@code DefaultExtendablePortGroup}, {@code PortType.save}); a node
     * loaded from it has the same ports.
     */
    @Test
    void thePortsAreSavedAsKnimeSavesThemAndLoadBack() throws Exception {
        NodeSettings xml = new NodeSettings("settings.xml");
        xml.addString("factory", NotebookEntryNodeFactory.class.getName());
        StubNodeFactories.creationConfig(new NotebookEntryNodeFactory(),
                Map.of("Result table", Integer.valueOf(2), "Image", Integer.valueOf(1))).saveSettingsTo(xml);
        NodeSettingsRO cc = xml.getNodeSettings("node_creation_config");
        assertEquals(List.of("Result table", "Image", "Written files"), List.copyOf(cc.keySet()));
        assertEquals(List.of("port_0", "port_1"), List.copyOf(cc.getNodeSettings("Result table").keySet()));
        assertEquals("org.knime.core.node.BufferedDataTable",
                cc.getNodeSettings("Result table").getNodeSettings("port_1").getString("object_class"));
        assertEquals("org.knime.core.node.port.image.ImagePortObject",
                cc.getNodeSettings("Image").getNodeSettings("port_0").getString("object_class"));
        assertTrue(cc.getNodeSettings("Written files").keySet().isEmpty(), "a fixed group saves an empty config");

        NodeModelRunner loaded = new NodeModelRunner(
                StubNodeFactories.createNodeModel(StubNodeSettings.fromXml(StubNodeSettings.toXml(xml))));
        assertEquals(3, loaded.getNrInPorts());
        assertEquals(1, loaded.getNrOutPorts());
    }

    /**
     * The node description's dynamic ports must match the factory's port groups as KNIME checks them
     * ({@code NodeDescription41Proxy}: one {@code dynInPort} per extendable input group, same identifiers, same
     * order; {@code insert-before} at most the largest {@code inPort} index + 1).
     */
    @Test
    void theNodeDescriptionDescribesTheDynamicPorts() throws IOException {
        String xml;
        try (InputStream in = NotebookEntryNodeFactory.class.getResourceAsStream("NotebookEntryNodeFactory.xml")) {
            assertNotNull(in, "node description");
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("xmlns=\"http://knime.org/node/v4.1\""), "the 4.1 schema has dynamic ports");
        assertTrue(!xml.contains("<inPort"), "no static input port");
        List<String> groups = new ArrayList<>();
        Matcher m = Pattern.compile("<dynInPort insert-before=\"(\\d+)\" name=\"[^\"]+\" group-identifier=\"([^\"]+)\"")
                .matcher(xml);
        while (m.find()) {
            assertEquals("0", m.group(1), "insert-before <= (largest inPort index = -1) + 1");
            groups.add(m.group(2));
        }
        List<String> extendable = List.copyOf(new NotebookEntryNodeFactory().createNodeCreationConfig().getPortConfig()
                .orElseThrow().getExtendablePorts().keySet());
        assertEquals(extendable, groups);
        assertTrue(xml.contains("<outPort index=\"0\" name=\"Written files\">"), xml);
        assertTrue(xml.contains("<option name=\"" + NotebookEntryNodeDialog.FOLDER_LABEL + "\">"),
                "the description names the dialog's output folder option");
        assertTrue(xml.contains("<option name=\"" + NotebookEntryNodeDialog.LICENSE_LABEL + "\">"),
                "the description names the dialog's license option");
    }

    @Test
    void configureExplainsMissingOrBadSettings() throws Exception {
        assertMessage(runner(1, 1), "Give the entry a title");
        NodeModelRunner noFolder = runner(1, 1);
        noFolder.loadSettings(withStrings(noFolder.saveSettings(), "title", "t", "author", "a"));
        assertMessage(noFolder, "Choose the output folder");
        assertMessage(configured(1, 1, "output_folder", "relative/folder"), "not an absolute path");
        assertMessage(configured(1, 1, "output_folder", "relative/folder"),
                "knime://knime.workflow/../relative/folder");
        assertMessage(configured(1, 1, "file_name", "../escape.eln"), "without folders");
        assertMessage(configured(1, 1, "author_orcid", "0000-0002-1825-0098"), "check digit");
    }

    private static void assertMessage(NodeModelRunner r, String expected) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> r.configure(new PortObjectSpec[r.getNrInPorts()]));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void writesTheEntryWithTheUpstreamRunRecord() throws Exception {
        PortObject[][] qcOut = new PortObject[1][];
        NodeModelRunner qc = plateQc(qcOut);
        FlowVariable run = qc.getPushedFlowVariables().get("benchtop.run.plates.qc");
        assertNotNull(run);

        NodeModelRunner r = configured(2, 1);
        r.setInputFlowVariables(run, new FlowVariable("unrelated", "x"));
        PortObject[] out = r.execute(StubExecutionContexts.create(), qcOut[0][0], qcOut[0][3], qcOut[0][4]);
        assertNull(r.getWarningMessage());
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

    /** Every table and image port ends up in the entry, numbered by its place in its group. */
    @ParameterizedTest(name = "{0} tables, {1} images")
    @CsvSource({"0, 0", "1, 0", "0, 2", "4, 3"})
    void everyTableAndImagePortIsInTheEntry(int tables, int images) throws Exception {
        PortObject[][] qcOut = new PortObject[1][];
        plateQc(qcOut);
        PortObject[] in = new PortObject[tables + images];
        List<String> expectedTables = new ArrayList<>();
        List<String> expectedPlots = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            in[i] = userTable("s" + i, i);
            expectedTables.add("table_" + (i + 1) + ".csv");
        }
        for (int i = 0; i < images; i++) {
            in[tables + i] = qcOut[0][4];
            expectedPlots.add("image_" + (i + 1) + ".png");
        }
        NodeModelRunner r = configured(tables, images);
        PortObject[] out = r.execute(StubExecutionContexts.create(), in);
        Path eln = writtenEln(out);
        assertTrue(ElnVerifier.withDefaults().verify(eln).intact());
        NotebookEntry e = ElnReader.withDefaults().readEntry(eln);
        assertEquals(expectedTables, e.tables().stream().map(NotebookEntry.ResultTable::name).toList());
        assertEquals(expectedPlots, e.plots().stream().map(NotebookEntry.Plot::name).toList());
        for (int i = 0; i < tables; i++) {
            String csv = new String(e.tables().get(i).csv(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("sample,value\n") && csv.contains("s" + i + ","), csv);
        }
        if (tables + images == 0) {
            assertTrue(r.getWarningMessage().contains("No table or image is connected"), r.getWarningMessage());
        }
    }

    @Test
    void tablesWithoutAnUpstreamRunWarnThatThereIsNoProvenance() throws Exception {
        NodeModelRunner r = configured(1, 0);
        NodeSettings s = r.saveSettings();
        s.addBoolean("write_html", false);
        r.loadSettings(s);
        PortObject[] out = r.execute(StubExecutionContexts.create(), userTable("a", 1.5));
        assertTrue(r.getWarningMessage().contains("no Benchtop run record"), r.getWarningMessage());
        DataRow row = StubTables.rows((BufferedDataTable) out[0]).get(0);
        assertTrue(row.getCell(2).isMissing(), "no HTML written");
        NotebookEntry e = ElnReader.withDefaults().readEntry(writtenEln(out));
        assertEquals(List.of("table_1.csv"), e.tables().stream().map(NotebookEntry.ResultTable::name).toList());
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws Exception {
        Files.writeString(tmp.resolve("entry.eln"), "keep");
        NodeModelRunner r = configured(0, 0, "file_name", "entry");
        Exception e = assertThrows(Exception.class, () -> r.execute(StubExecutionContexts.create()));
        assertTrue(e.getMessage().contains("exists already") && e.getMessage().contains("Overwrite existing files"),
                e.getMessage());
        assertEquals("keep", Files.readString(tmp.resolve("entry.eln")));
        NodeSettings s = r.saveSettings();
        s.addBoolean("overwrite", true);
        r.loadSettings(s);
        r.execute(StubExecutionContexts.create());
        assertTrue(ElnVerifier.withDefaults().verify(tmp.resolve("entry.eln")).intact());
        assertTrue(r.getWarningMessage().contains("No table or image is connected"), r.getWarningMessage());
    }

    @Test
    void aMissingOutputFolderIsCreatedOnlyWhenItsParentExists() throws Exception {
        NodeModelRunner r = configured(0, 0, "output_folder", tmp.resolve("no/such/folder").toString());
        Exception e = assertThrows(Exception.class, () -> r.execute(StubExecutionContexts.create()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("no")), "a mistyped path does not become a new tree");

        NodeModelRunner created = configured(0, 0, "output_folder", tmp.resolve("new").toString());
        Path eln = writtenEln(created.execute(StubExecutionContexts.create()));
        assertEquals(tmp.resolve("new/Plate_QC_screen_3.eln"), eln);
        assertTrue(ElnVerifier.withDefaults().verify(eln).intact());
    }

    /** An absolute path (the only form before URLs were accepted) keeps its meaning; a file: URL names the same folder. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"path", "file URL", "file URL with a space"})
    void theOutputFolderIsAnAbsolutePathOrAFileUrl(String form) throws Exception {
        Path folder = form.endsWith("space") ? Files.createDirectory(tmp.resolve("my notebook")) : tmp;
        String value = form.equals("path") ? folder.toString() : folder.toUri().toString();
        NodeModelRunner r = configured(0, 0, "output_folder", value);
        r.configure(new PortObjectSpec[0]);
        Path eln = writtenEln(r.execute(StubExecutionContexts.create()));
        assertEquals(folder.resolve("Plate_QC_screen_3.eln"), eln);
        assertTrue(ElnVerifier.withDefaults().verify(eln).intact());
        assertEquals(value, r.saveSettings().getString("output_folder"), "the setting is saved as typed");
    }

    /**
     * {@code knime://knime.workflow/../notebook} is the folder beside the workflow in its space (the stub resolves it
     * against the workflow set for the thread, as KNIME against the executing node's workflow); it is created on the
     * first run. A workflow-relative URL that leaves the space, or a URL that is not a local folder, is refused when
     * the node is configured, and nothing is written.
     */
    @Test
    void aKnimeUrlResolvesBesideTheWorkflowAndCannotLeaveTheSpace() throws Exception {
        Path space = Files.createDirectory(tmp.resolve("workspace"));
        StubWorkflowContext.set(space.resolve("screens/qc-workflow"), space);
        NodeModelRunner r = configured(0, 0, "output_folder", "knime://knime.workflow/../notebook");
        r.configure(new PortObjectSpec[0]);
        assertFalse(Files.exists(space.resolve("screens/notebook")), "configure writes nothing");
        Files.createDirectory(space.resolve("screens"));
        Path eln = writtenEln(r.execute(StubExecutionContexts.create()));
        assertEquals(space.resolve("screens/notebook/Plate_QC_screen_3.eln"), eln);
        assertTrue(ElnVerifier.withDefaults().verify(eln).intact());
        assertTrue(Files.exists(space.resolve("screens/notebook/Plate_QC_screen_3.html")));

        assertMessage(configured(0, 0, "output_folder", "knime://knime.workflow/../../../outside"),
                "Leaving the mount point is not allowed");
        assertMessage(configured(0, 0, "output_folder", "https://example.org/notebook"), "is not a local folder");
        assertFalse(Files.exists(tmp.resolve("outside")));
        StubWorkflowContext.clear();
        assertMessage(configured(0, 0, "output_folder", "knime://knime.workflow/../notebook"), "cannot be resolved");
    }

    /** Runs the Plate Normalizer node (every method) on the fixture plate: its output and run record. */
    private static NodeModelRunner plateNormalizer(PortObject[][] outputs) throws Exception {
        NodeModelRunner n = new NodeModelRunner(new PlateNormalizerNodeFactory().createNodeModel());
        n.loadSettings(fixtureColumns(n.saveSettings()));
        outputs[0] = n.execute(StubExecutionContexts.create(), PlateFixtures.table(PlateFixtures.plate("P1", 10)));
        return n;
    }

    /**
     * The Plate Normalizer's output (its input plus the normalization columns, no columns of its own) is recognized
     * as the result of the plates.normalize run that reached the node: stored as plate_normalization.csv and linked to
     * the run, beside a QC table linked to its own run as before.
     */
    @Test
    void theNormalizedWellsAreTheResultOfThePlateNormalizationRun() throws Exception {
        PortObject[][] normOut = new PortObject[1][];
        NodeModelRunner norm = plateNormalizer(normOut);
        PortObject[][] qcOut = new PortObject[1][];
        NodeModelRunner qc = plateQc(qcOut);
        NodeModelRunner r = configured(2, 0);
        r.setInputFlowVariables(norm.getPushedFlowVariables().get("benchtop.run.plates.normalize"),
                qc.getPushedFlowVariables().get("benchtop.run.plates.qc"));
        Path eln = writtenEln(r.execute(StubExecutionContexts.create(), normOut[0][0], qcOut[0][0]));
        assertNull(r.getWarningMessage());
        NotebookEntry e = ElnReader.withDefaults().readEntry(eln);
        assertEquals(List.of("plate_normalization.csv", "plate_qc.csv"),
                e.tables().stream().map(NotebookEntry.ResultTable::name).toList());
        for (NotebookEntry.Analysis a : e.analyses()) {
            assertEquals(List.of(a.record().analysis().equals("plates.normalize") ? "plate_normalization.csv"
                    : "plate_qc.csv"), a.outputs(), a.record().analysis());
        }
        String report = Files.readString(eln.resolveSibling("Plate_QC_screen_3.html"));
        assertTrue(report.contains("From <b>plate_normalization.csv</b>, made by <b>plates.normalize</b>"), "summary");
    }

    /**
     * A table is the normalization run's result only when it is exactly that: with a normalization column removed,
     * a row removed, or without the plates.normalize run, it stays an unrecognized table_1.csv and the run has no
     * output.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"column removed", "row removed", "no normalization run"})
    void aChangedNormalizedTableIsNotTheRunsResult(String change) throws Exception {
        PortObject[][] normOut = new PortObject[1][];
        NodeModelRunner norm = plateNormalizer(normOut);
        BufferedDataTable wells = (BufferedDataTable) normOut[0][0];
        List<DataRow> rows = StubTables.rows(wells);
        BufferedDataTable changed = switch (change) {
            case "column removed" -> withoutLastColumn(wells);
            case "row removed" -> StubTables.of(wells.getDataTableSpec(), rows.subList(1, rows.size()));
            default -> wells;
        };
        FlowVariable run = norm.getPushedFlowVariables().get("benchtop.run.plates.normalize");
        NodeModelRunner r = configured(1, 0);
        if (!change.equals("no normalization run")) {
            r.setInputFlowVariables(run);
        }
        NotebookEntry e = ElnReader.withDefaults().readEntry(writtenEln(r.execute(StubExecutionContexts.create(),
                changed)));
        assertEquals(List.of("table_1.csv"), e.tables().stream().map(NotebookEntry.ResultTable::name).toList());
        for (NotebookEntry.Analysis a : e.analyses()) {
            assertEquals(List.of(), a.outputs(), a.record().analysis());
        }
    }

    private static BufferedDataTable withoutLastColumn(BufferedDataTable t) {
        DataTableSpec spec = t.getDataTableSpec();
        int n = spec.getNumColumns() - 1;
        DataColumnSpec[] cols = new DataColumnSpec[n];
        for (int c = 0; c < n; c++) {
            cols[c] = spec.getColumnSpec(c);
        }
        List<DataRow> rows = new ArrayList<>();
        for (DataRow row : StubTables.rows(t)) {
            List<DataCell> cells = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                cells.add(row.getCell(c));
            }
            rows.add(new DefaultRow(row.getKey(), cells));
        }
        return StubTables.of(new DataTableSpec(cols), rows);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
