package org.benchtop.testflows;

import java.util.List;

import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;

/**
 * Builds the XML config trees of a KNIME 5.x workflow folder ({@code workflow.knime} and each node's
 * {@code settings.xml}) with the entries, order and types KNIME itself writes, so that KNIME AP 5.3 and later
 * open the folder. Written through the stub's {@link NodeSettings} (KNIME's XML config format).
 *
 * <p>Structure checked against KNIME-saved files read with the team's search tool: {@code workflow.knime} of
 * 3D-e-Chem/knime-klifs {@code tests/src/knime/KLIFS-testflows} and of a KNIME 5.3.2 workflow (jpex-dev/ISI_ETL_a23014,
 * {@code created_by 5.3.2}, {@code version 5.1.0}); a node's {@code settings.xml}: knime-klifs
 * {@code Row Filter (#3)/settings.xml} and the KNIME 5.3.2 {@code CSV Reader (#1)/settings.xml} of the same
 * workflow; the entries of a node that is not executed as written by knime-core {@code FileNodePersistor.save}
 * ({@code ports/port_i} with {@code index} and a null {@code port_dir_location}, {@code filestores} with null
 * entries); the CSV Reader's keys by knime-base {@code CSVMultiTableReadConfigSerializer} (its
 * {@code table_spec_config_Internals} is optional: without it the reader detects the column types itself) and
 * {@code RelativeTo} ({@code knime.workflow.data} = the workflow's {@code data} folder).
 */
final class KnimeXml {

    /** Factory of KNIME's CSV Reader (KNIME 4.3 and later, knime-base). */
    static final String CSV_READER_FACTORY = "org.knime.base.node.io.filehandling.csv.reader.CSVTableReaderNodeFactory";

    /** The KNIME version the workflows say created them: the oldest KNIME Benchtop supports. */
    static final String CREATED_BY = "5.3.0";

    /** The workflow format version KNIME 5.1 to 5.12 write. */
    static final String WORKFLOW_FORMAT = "5.1.0";

    /** Relative-to value of a path in the workflow's data area ({@code knime://knime.workflow/data/...}). */
    static final String WORKFLOW_DATA_AREA = "knime.workflow.data";

    private KnimeXml() {
    }

    /**
     * A node of a workflow.
     *
     * @param id the node id (the {@code #N} of its folder)
     * @param name the node's name (from its node description)
     * @param x left of the node on the canvas
     * @param y top of the node on the canvas
     */
    record Node(int id, String name, int x, int y) {

        /** @return the node's folder, e.g. {@code CSV Reader (#1)} */
        String folder() {
            return name + " (#" + id + ")";
        }
    }

    /**
     * A connection; ports as KNIME counts them: port 0 is the flow-variable port, data ports start at 1.
     *
     * @param sourceId source node
     * @param sourcePort source port
     * @param destId destination node
     * @param destPort destination port
     */
    record Connection(int sourceId, int sourcePort, int destId, int destPort) {
    }

    /**
     * The bundle and feature a node comes from, as KNIME records them in the node's settings.xml.
     *
     * @param bundleName bundle name
     * @param bundleSymbolicName bundle symbolic name
     * @param vendor bundle and feature vendor
     * @param version bundle and feature version
     * @param featureName feature name
     * @param featureSymbolicName feature id with KNIME's {@code .feature.group} suffix
     */
    record Origin(String bundleName, String bundleSymbolicName, String vendor, String version, String featureName,
        String featureSymbolicName) {
    }

    /** KNIME's base nodes (CSV Reader), version 5.3.0. */
    static final Origin KNIME_BASE = new Origin("KNIME Base Nodes", "org.knime.base", "KNIME AG, Zurich, Switzerland",
        "5.3.0", "KNIME Base nodes", "org.knime.features.base.feature.group");

    /**
     * Benchtop's nodes. Version without qualifier, so that every installed 0.1.0 build counts as the same or newer
     * than the one that saved the workflow.
     */
    static final Origin BENCHTOP = new Origin("Benchtop KNIME nodes", "org.benchtop.knime", "Benchtop", "0.1.0",
        "Benchtop: wet-lab analysis for KNIME", "org.benchtop.feature.feature.group");

    /**
     * @param nodes the nodes
     * @param connections the connections
     * @return the {@code workflow.knime} tree
     */
    static NodeSettings workflow(final List<Node> nodes, final List<Connection> connections) {
        NodeSettings w = new NodeSettings("workflow.knime");
        w.addString("created_by", CREATED_BY);
        w.addBoolean("created_by_nightly", false);
        w.addString("version", WORKFLOW_FORMAT);
        w.addString("name", null);
        NodeSettingsWO author = w.addNodeSettings("authorInformation");
        author.addString("authored-by", "Benchtop");
        author.addString("authored-when", "2025-01-01 00:00:00 +0000");
        author.addString("lastEdited-by", "Benchtop");
        author.addString("lastEdited-when", "2025-01-01 00:00:00 +0000");
        w.addString("customDescription", null);
        w.addString("state", "CONFIGURED");
        w.addNodeSettings("workflow_credentials");
        NodeSettingsWO ns = w.addNodeSettings("nodes");
        for (Node n : nodes) {
            NodeSettingsWO c = ns.addNodeSettings("node_" + n.id());
            c.addInt("id", n.id());
            c.addString("node_settings_file", n.folder() + "/settings.xml");
            c.addBoolean("node_is_meta", false);
            c.addString("node_type", "NativeNode");
            c.addString("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            c.addNodeSettings("ui_settings").addIntArray("extrainfo.node.bounds", n.x(), n.y(), -1, -1);
        }
        NodeSettingsWO cs = w.addNodeSettings("connections");
        for (int i = 0; i < connections.size(); i++) {
            Connection k = connections.get(i);
            NodeSettingsWO c = cs.addNodeSettings("connection_" + i);
            c.addInt("sourceID", k.sourceId());
            c.addInt("destID", k.destId());
            c.addInt("sourcePort", k.sourcePort());
            c.addInt("destPort", k.destPort());
        }
        NodeSettingsWO editor = w.addNodeSettings("workflow_editor_settings");
        editor.addBoolean("workflow.editor.snapToGrid", true);
        editor.addBoolean("workflow.editor.ShowGrid", false);
        editor.addInt("workflow.editor.gridX", 20);
        editor.addInt("workflow.editor.gridY", 20);
        editor.addDouble("workflow.editor.zoomLevel", 1.0);
        editor.addBoolean("workflow.editor.curvedConnections", false);
        editor.addInt("workflow.editor.connectionWidth", 1);
        return w;
    }

    /**
     * A node's {@code settings.xml} as KNIME writes it for a configured, not executed native node.
     *
     * @param factory the node factory class name
     * @param nodeName the node's name
     * @param origin its bundle and feature
     * @param model the node model's settings (key {@code model})
     * @param dataOutPorts the node's data output ports (without the flow-variable port)
     * @param creationConfig whether to write the (empty) {@code node_creation_config} of a node with
     *            configurable ports (CSV Reader: "File System Connection", "Data Table")
     * @return the tree
     */
    static NodeSettings node(final String factory, final String nodeName, final Origin origin, final NodeSettings model,
        final int dataOutPorts, final boolean creationConfig) {
        NodeSettings s = new NodeSettings("settings.xml");
        s.addString("node_file", "settings.xml");
        s.addNodeSettings("flow_stack");
        s.addNodeSettings("internal_node_subsettings").addString("memory_policy", "CacheSmallInMemory");
        s.addNodeSettings(model);
        s.addString("customDescription", null);
        s.addString("state", "CONFIGURED");
        s.addString("factory", factory);
        s.addString("node-name", nodeName);
        s.addString("node-bundle-name", origin.bundleName());
        s.addString("node-bundle-symbolic-name", origin.bundleSymbolicName());
        s.addString("node-bundle-vendor", origin.vendor());
        s.addString("node-bundle-version", origin.version());
        s.addString("node-feature-name", origin.featureName());
        s.addString("node-feature-symbolic-name", origin.featureSymbolicName());
        s.addString("node-feature-vendor", origin.vendor());
        s.addString("node-feature-version", origin.version());
        s.addNodeSettings("factory_settings");
        if (creationConfig) {
            NodeSettingsWO cc = s.addNodeSettings("node_creation_config");
            cc.addNodeSettings("File System Connection");
            cc.addNodeSettings("Data Table");
        }
        s.addString("name", nodeName);
        s.addBoolean("hasContent", false);
        s.addBoolean("isInactive", false);
        NodeSettingsWO ports = s.addNodeSettings("ports");
        for (int i = 1; i <= dataOutPorts; i++) {
            NodeSettingsWO p = ports.addNodeSettings("port_" + i);
            p.addInt("index", i);
            p.addString("port_dir_location", null);
        }
        NodeSettingsWO fs = s.addNodeSettings("filestores");
        fs.addString("file_store_location", null);
        fs.addString("file_store_id", null);
        return s;
    }

    /**
     * The {@code model} of a KNIME CSV Reader (comma separated, header row, UTF-8, no row ids, column types
     * detected from the first 10,000 rows) reading a file of the workflow's data area.
     *
     * @param fileInDataArea the file's path inside the workflow's {@code data} folder, e.g. {@code input.csv}
     * @return the model settings
     */
    static NodeSettings csvReaderModel(final String fileInDataArea) {
        NodeSettings m = new NodeSettings("model");
        NodeSettingsWO st = m.addNodeSettings("settings");
        NodeSettingsWO fsi = st.addNodeSettings("file_selection_Internals");
        fsi.addString("SettingsModelID", "SMID_ReaderFileChooser");
        fsi.addBoolean("EnabledStatus", true);
        NodeSettingsWO sel = st.addNodeSettings("file_selection");
        NodeSettingsWO chooser = sel.addNodeSettings("file_system_chooser__Internals");
        chooser.addBoolean("has_fs_port", false);
        chooser.addBoolean("overwritten_by_variable", false);
        chooser.addString("convenience_fs_category", "RELATIVE");
        chooser.addString("relative_to", WORKFLOW_DATA_AREA);
        chooser.addString("mountpoint", "LOCAL");
        chooser.addString("spaceId", "");
        chooser.addString("spaceName", "");
        chooser.addInt("custom_url_timeout", 1000);
        chooser.addBoolean("connected_fs", true);
        NodeSettingsWO path = sel.addNodeSettings("path");
        path.addBoolean("location_present", true);
        path.addString("file_system_type", "RELATIVE");
        path.addString("file_system_specifier", WORKFLOW_DATA_AREA);
        path.addString("path", fileInDataArea);
        NodeSettingsWO fmi = sel.addNodeSettings("filter_mode_Internals");
        fmi.addString("SettingsModelID", "SMID_FilterMode");
        fmi.addBoolean("EnabledStatus", true);
        NodeSettingsWO fm = sel.addNodeSettings("filter_mode");
        fm.addString("filter_mode", "FILE");
        fm.addBoolean("include_subfolders", false);
        NodeSettingsWO fo = fm.addNodeSettings("filter_options");
        fo.addBoolean("filter_files_extension", false);
        fo.addString("files_extension_expression", "");
        fo.addBoolean("files_extension_case_sensitive", false);
        fo.addBoolean("filter_files_name", false);
        fo.addString("files_name_expression", "*");
        fo.addBoolean("files_name_case_sensitive", false);
        fo.addString("files_name_filter_type", "WILDCARD");
        fo.addBoolean("include_hidden_files", false);
        fo.addBoolean("include_special_files", true);
        fo.addBoolean("filter_folders_name", false);
        fo.addString("folders_name_expression", "*");
        fo.addBoolean("folders_name_case_sensitive", false);
        fo.addString("folders_name_filter_type", "WILDCARD");
        fo.addBoolean("include_hidden_folders", false);
        fo.addBoolean("follow_links", true);
        st.addBoolean("has_column_header", true);
        st.addBoolean("has_row_id", false);
        st.addBoolean("support_short_data_rows", false);
        st.addBoolean("skip_empty_data_rows", false);
        st.addBoolean("prepend_file_idx_to_row_id", false);
        st.addString("comment_char", "#");
        st.addString("column_delimiter", ",");
        st.addString("quote_char", "\"");
        st.addString("quote_escape_char", "\"");
        st.addBoolean("use_line_break_row_delimiter", true);
        st.addString("row_delimiter", "\n");
        st.addInt("autodetect_buffer_size", 1048576);
        NodeSettingsWO adv = m.addNodeSettings("advanced_settings");
        adv.addString("spec_merge_mode_Internals", "UNION");
        adv.addBoolean("fail_on_differing_specs", true);
        adv.addBoolean("append_path_column_Internals", false);
        adv.addString("path_column_name_Internals", "File Path");
        adv.addBoolean("limit_data_rows_scanned", true);
        adv.addLong("max_data_rows_scanned", 10000);
        adv.addBoolean("save_table_spec_config_Internals", true);
        adv.addBoolean("check_table_spec", false);
        adv.addBoolean("limit_memory_per_column", true);
        adv.addInt("maximum_number_of_columns", 8192);
        adv.addString("quote_option", "REMOVE_QUOTES_AND_TRIM");
        adv.addBoolean("replace_empty_quotes_with_missing", true);
        adv.addBoolean("no_row_delimiters_in_quotes", false);
        adv.addLong("min_chunk_size_in_bytes", 67108864);
        adv.addInt("max_num_chunks_per_file", 4);
        adv.addString("thousands_separator", "\0");
        adv.addString("decimal_separator", ".");
        NodeSettingsWO lim = m.addNodeSettings("limit_rows");
        lim.addBoolean("skip_lines", false);
        lim.addLong("number_of_lines_to_skip", 1);
        lim.addBoolean("skip_data_rows", false);
        lim.addLong("number_of_rows_to_skip", 1);
        lim.addBoolean("limit_data_rows", false);
        lim.addLong("max_rows", 50);
        m.addNodeSettings("encoding").addString("charset", "UTF-8");
        return m;
    }
}
