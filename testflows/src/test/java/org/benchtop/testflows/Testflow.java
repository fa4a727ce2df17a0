package org.benchtop.testflows;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.benchtop.knimestub.testing.StubNodeSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;

/**
 * One testflow: a scenario folder under {@code testflows/} holding a KNIME workflow ({@code workflow.knime}, one
 * folder with a {@code settings.xml} per node), its input under {@code data/}, the reference output under
 * {@code expected/} and a {@code testflow.properties} that names them (see the module's README.md):
 *
 * <pre>
 * node = Plate Normalizer (#2)                 # the Benchtop node's folder
 * input.0 = data/input.csv                     # per data input port (0-based, as the node model counts)
 * input.0.string_columns = well                # columns never type-inferred (optional)
 * expected.0 = expected/0.csv                  # per data output port that has a reference
 * expected.0.key = gene_id                     # optional: match rows by this column (the file may hold a subset)
 * tolerance.relative = 1e-9                    # numbers: |actual - expected| &lt;= max(rel * |expected|, abs)
 * tolerance.absolute = 1e-12
 * tolerance.absolute.2.value = 1e-6            # optional override for one column of one port
 * </pre>
 */
final class Testflow {

    /** The file that makes a folder a testflow. */
    static final String PROPERTIES = "testflow.properties";

    private static final Pattern INPUT_KEY = Pattern.compile("input\\.(\\d+)");

    private static final Pattern EXPECTED_KEY = Pattern.compile("expected\\.(\\d+)");

    /** An input port's file. */
    record Input(int port, Path file, Set<String> stringColumns) {
    }

    private final Path dir;

    private final Properties props;

    private final String nodeFolder;

    private final NodeSettings nodeSettings;

    private final SortedMap<Integer, Input> inputs = new TreeMap<>();

    private final SortedMap<Integer, Path> expected = new TreeMap<>();

    private Testflow(final Path dir, final Properties props) throws IOException {
        this.dir = dir;
        this.props = props;
        nodeFolder = required("node");
        Path settingsXml = dir.resolve(nodeFolder).resolve("settings.xml");
        if (!Files.isRegularFile(settingsXml)) {
            throw new IllegalStateException(this + ": node = " + nodeFolder + " but there is no " + settingsXml);
        }
        nodeSettings = (NodeSettings)StubNodeSettings.load(settingsXml);
        for (String key : props.stringPropertyNames()) {
            Matcher in = INPUT_KEY.matcher(key);
            Matcher ex = EXPECTED_KEY.matcher(key);
            if (in.matches()) {
                int port = Integer.parseInt(in.group(1));
                inputs.put(Integer.valueOf(port),
                    new Input(port, existing(props.getProperty(key)), list(key + ".string_columns")));
            } else if (ex.matches()) {
                expected.put(Integer.valueOf(Integer.parseInt(ex.group(1))), existing(props.getProperty(key)));
            }
        }
        if (expected.isEmpty()) {
            throw new IllegalStateException(this + ": " + PROPERTIES + " names no expected.<port> file");
        }
    }

    /**
     * @param dir a scenario folder
     * @return the testflow
     * @throws IOException if a file cannot be read
     */
    static Testflow load(final Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new Testflow(dir, p);
    }

    /** @return the folder holding the scenario folders: system property {@code benchtop.testflows.dir} */
    static Path root() {
        return Paths.get(System.getProperty("benchtop.testflows.dir", System.getProperty("user.dir")));
    }

    /**
     * @param root the testflows folder
     * @return the scenario folders (those with a testflow.properties), by name
     */
    static List<Path> scenarios(final Path root) {
        try (Stream<Path> s = Files.list(root)) {
            List<Path> dirs = new ArrayList<>(
                s.filter(d -> Files.isRegularFile(d.resolve(PROPERTIES))).sorted().toList());
            return Collections.unmodifiableList(dirs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the scenario folder */
    Path dir() {
        return dir;
    }

    /** @return the scenario's name (its folder name) */
    String name() {
        return dir.getFileName().toString();
    }

    @Override
    public String toString() {
        return "testflow " + name();
    }

    /** @return the Benchtop node's folder, e.g. {@code Plate Normalizer (#2)} */
    String nodeFolder() {
        return nodeFolder;
    }

    /** @return the Benchtop node's whole settings.xml */
    NodeSettings nodeSettings() {
        return nodeSettings;
    }

    /**
     * @return the node model's saved settings (the {@code model} sub config)
     * @throws InvalidSettingsException if there is none
     */
    NodeSettings model() throws InvalidSettingsException {
        return nodeSettings.getNodeSettings(StubNodeSettings.MODEL_KEY);
    }

    /**
     * @return the factory class named in the node's settings.xml
     * @throws InvalidSettingsException if the entry is missing
     */
    String factoryClass() throws InvalidSettingsException {
        return nodeSettings.getString("factory");
    }

    /** @return the input files by port */
    SortedMap<Integer, Input> inputs() {
        return Collections.unmodifiableSortedMap(inputs);
    }

    /** @return the expected output files by port */
    SortedMap<Integer, Path> expected() {
        return Collections.unmodifiableSortedMap(expected);
    }

    /**
     * @param port output port
     * @return the column that matches the expected rows to output rows ({@code expected.<port>.key}; the expected
     *         file may then hold any subset of the rows, in any order), or {@code null}: the expected file holds every
     *         output row, in output order
     */
    String keyColumn(final int port) {
        String v = props.getProperty("expected." + port + ".key");
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * @param port output port
     * @param column column name
     * @return the relative tolerance of that column
     */
    double relativeTolerance(final int port, final String column) {
        return tolerance("relative", port, column);
    }

    /**
     * @param port output port
     * @param column column name
     * @return the absolute tolerance of that column (near zero)
     */
    double absoluteTolerance(final int port, final String column) {
        return tolerance("absolute", port, column);
    }

    private double tolerance(final String kind, final int port, final String column) {
        String v = props.getProperty("tolerance." + kind + "." + port + "." + column);
        return Double.parseDouble(v != null ? v : required("tolerance." + kind));
    }

    private String required(final String key) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(this + ": " + PROPERTIES + " has no '" + key + "'");
        }
        return v.trim();
    }

    private Set<String> list(final String key) {
        Set<String> out = new LinkedHashSet<>();
        String v = props.getProperty(key);
        if (v != null) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private Path existing(final String relative) {
        Path p = dir.resolve(relative.trim()).normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(this + ": " + PROPERTIES + " names " + relative + ", which does not exist");
        }
        return p;
    }

    /**
     * Creates the node model the way KNIME does: instantiates the factory class named in the node's settings.xml.
     *
     * @param factoryClass a NodeFactory class name
     * @return a new node model
     * @throws ReflectiveOperationException if the factory cannot be instantiated
     */
    static NodeModel createNodeModel(final String factoryClass) throws ReflectiveOperationException {
        Class<?> c = Class.forName(factoryClass);
        if (!NodeFactory.class.isAssignableFrom(c)) {
            throw new IllegalStateException(factoryClass + " is not a NodeFactory");
        }
        try {
            return ((NodeFactory<?>)c.getDeclaredConstructor().newInstance()).createNodeModel();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Creating the node model of " + factoryClass + " failed", e.getCause());
        }
    }

    /**
     * The node's name as KNIME shows it: the {@code <name>} of the node description XML beside the factory.
     *
     * @param factoryClass a NodeFactory class name
     * @return the name
     * @throws IOException if the description cannot be read
     */
    static String nodeName(final String factoryClass) throws IOException {
        String resource = "/" + factoryClass.replace('.', '/') + ".xml";
        try (InputStream in = Testflow.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("No node description " + resource + " on the class path");
            }
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<name>\\s*([^<]*?)\\s*</name>").matcher(xml);
            if (!m.find()) {
                throw new IOException("No <name> in " + resource);
            }
            return m.group(1);
        }
    }

    /**
     * Checks that the workflow is consistent with testflow.properties, so that what KNIME runs is what the test runs:
     * the Benchtop node is a node of workflow.knime, named as its description says, and each of its data input
     * ports is connected to a CSV Reader that reads the input file named for that port from the workflow's data
     * area.
     *
     * @param nrDataInPorts the node model's data input ports
     * @throws IOException if a file cannot be read
     * @throws InvalidSettingsException if an entry is missing
     */
    void checkWorkflow(final int nrDataInPorts) throws IOException, InvalidSettingsException {
        NodeSettingsRO wf = StubNodeSettings.load(dir.resolve("workflow.knime"));
        NodeSettingsRO nodes = wf.getNodeSettings("nodes");
        SortedMap<Integer, String> fileOf = new TreeMap<>();
        for (String key : nodes.keySet()) {
            NodeSettingsRO n = nodes.getNodeSettings(key);
            String file = n.getString("node_settings_file");
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new AssertionError(this + ": workflow.knime lists " + file + ", which does not exist");
            }
            fileOf.put(Integer.valueOf(n.getInt("id")), file);
        }
        Integer id = null;
        for (var e : fileOf.entrySet()) {
            if (e.getValue().equals(nodeFolder + "/settings.xml")) {
                id = e.getKey();
            }
        }
        if (id == null) {
            throw new AssertionError(this + ": workflow.knime has no node whose settings are " + nodeFolder
                + "/settings.xml; its nodes: " + fileOf.values());
        }
        String name = nodeName(factoryClass());
        if (!nodeSettings.getString("node-name").equals(name) || !nodeFolder.equals(name + " (#" + id + ")")) {
            throw new AssertionError(this + ": node " + id + " is named '" + nodeSettings.getString("node-name")
                + "' in folder '" + nodeFolder + "', but its description calls it '" + name + "'");
        }
        if (!inputs.keySet().equals(portRange(nrDataInPorts))) {
            throw new AssertionError(this + ": the node has " + nrDataInPorts + " data input port(s) but "
                + PROPERTIES + " gives input." + inputs.keySet());
        }
        NodeSettingsRO conns = wf.getNodeSettings("connections");
        for (Input in : inputs.values()) {
            Integer source = null;
            for (String key : conns.keySet()) {
                NodeSettingsRO c = conns.getNodeSettings(key);
                // KNIME's ports: 0 is the flow-variable port, data ports start at 1
                if (c.getInt("destID") == id.intValue() && c.getInt("destPort") == in.port() + 1) {
                    source = Integer.valueOf(c.getInt("sourceID"));
                }
            }
            if (source == null) {
                throw new AssertionError(this + ": input port " + in.port() + " (KNIME port " + (in.port() + 1)
                    + ") of node " + id + " is not connected in workflow.knime");
            }
            NodeSettingsRO reader = StubNodeSettings.load(dir.resolve(fileOf.get(source)));
            if (!KnimeXml.CSV_READER_FACTORY.equals(reader.getString("factory"))) {
                throw new AssertionError(this + ": input port " + in.port() + " is fed by " + fileOf.get(source)
                    + ", which is not a CSV Reader (" + KnimeXml.CSV_READER_FACTORY + ")");
            }
            NodeSettingsRO path = reader.getNodeSettings("model").getNodeSettings("settings")
                .getNodeSettings("file_selection").getNodeSettings("path");
            if (!"RELATIVE".equals(path.getString("file_system_type"))
                || !KnimeXml.WORKFLOW_DATA_AREA.equals(path.getString("file_system_specifier"))) {
                throw new AssertionError(this + ": the CSV Reader " + fileOf.get(source)
                    + " must read a file of the workflow's data area (Relative to: Current workflow data area)");
            }
            Path read = dir.resolve("data").resolve(path.getString("path")).normalize();
            if (!read.equals(in.file())) {
                throw new AssertionError(this + ": the CSV Reader " + fileOf.get(source) + " reads " + read
                    + " but " + PROPERTIES + " gives input." + in.port() + " = " + in.file());
            }
        }
    }

    private static Set<Integer> portRange(final int n) {
        Set<Integer> s = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            s.add(Integer.valueOf(i));
        }
        return s;
    }
}
