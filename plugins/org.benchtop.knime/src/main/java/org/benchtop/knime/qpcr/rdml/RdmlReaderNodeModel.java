package org.benchtop.knime.qpcr.rdml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.qpcr.QpcrAnalysis;
import org.benchtop.core.qpcr.QpcrException;
import org.benchtop.core.qpcr.QpcrRuns;
import org.benchtop.core.qpcr.RdmlReader;
import org.benchtop.core.table.Table;
import org.benchtop.knime.qpcr.QpcrSpecs;
import org.benchtop.knime.util.BenchtopNodeModel;
import org.benchtop.knime.util.NodeOutput;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * RDML Reader: the wells of an RDML file (well, sample, type, quantity, target, cq). No input port.
 * The file is a local path or a URL; URLs are opened with {@link URL#openStream()}, so in
 * KNIME a {@code knime://knime.workflow/data/run.rdml} URL is resolved by KNIME's URL handler.
 */
final class RdmlReaderNodeModel extends BenchtopNodeModel<RdmlReaderSettings> {

    /** A URL scheme: at least two characters, so that {@code C:\...} stays a path. */
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    RdmlReaderNodeModel() {
        super(QpcrRuns.READ_RDML, new RdmlReaderSettings(), new PortType[0], new PortType[] {BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] outputSpecs(DataTableSpec[] in) throws InvalidSettingsException {
        String loc = settings().location();
        if (!URL_SCHEME.matcher(loc).matches()) {
            Path p = path(loc);
            if (!Files.isRegularFile(p)) {
                throw new InvalidSettingsException("The RDML file " + p + " does not exist or is not a file; "
                        + "check the path in the node's settings.");
            }
        }
        return new PortObjectSpec[] {QpcrSpecs.RDML_WELLS};
    }

    private static Path path(String loc) throws InvalidSettingsException {
        try {
            return Path.of(loc);
        } catch (InvalidPathException e) {
            throw new InvalidSettingsException("'" + loc + "' is not a valid file path: " + e.getMessage(), e);
        }
    }

    @Override
    protected NodeOutput run(List<Table> inputs, ProgressMonitor progress) {
        String loc = settings().location();
        String name = fileName(loc);
        byte[] bytes = read(loc);
        QpcrAnalysis.RdmlOutput out = QpcrAnalysis.create().readRdml(bytes, name, progress);
        var record = QpcrRuns.readRdml(name, bytes, out.wells());
        return new NodeOutput(List.of(new NodeOutput.TablePort(out.wells(), false)), out.warnings(),
                record.warnings(out.warnings()).finish().build());
    }

    /**
     * @param loc a path or URL
     * @return its last segment, e.g. {@code run.rdml} (decoded for a URL: {@code run%201.rdml} is {@code run 1.rdml})
     */
    static String fileName(String loc) {
        String s = loc;
        if (URL_SCHEME.matcher(loc).matches()) {
            try {
                String path = new URI(loc).getPath();
                s = path != null ? path : s;
            } catch (URISyntaxException e) {
                int q = s.indexOf('?');
                s = q >= 0 ? s.substring(0, q) : s;
            }
        }
        s = s.replace('\\', '/');
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** Reads the whole file, at most {@link RdmlReader#DEFAULT_MAX_BYTES} bytes. */
    private static byte[] read(String loc) {
        try (InputStream in = open(loc)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, RdmlReader.DEFAULT_MAX_BYTES + 1));
            if (b.length > RdmlReader.DEFAULT_MAX_BYTES) {
                throw QpcrException.badInput("RDML file %s is larger than the limit of %d bytes", loc,
                        Long.valueOf(RdmlReader.DEFAULT_MAX_BYTES));
            }
            return b;
        } catch (IOException e) {
            throw QpcrException.badInput(e, "Cannot read RDML file %s: %s", loc, e.toString());
        }
    }

    private static InputStream open(String loc) throws IOException {
        if (!URL_SCHEME.matcher(loc).matches()) {
            Path p;
            try {
                p = Path.of(loc);
            } catch (InvalidPathException e) {
                throw new IOException("not a valid file path: " + e.getMessage(), e);
            }
            if (!Files.isRegularFile(p)) {
                throw new IOException("the file does not exist or is not a file");
            }
            return Files.newInputStream(p);
        }
        // URL(String) rather than URI.toURL(): it takes what users type, e.g. spaces in knime:// paths
        return new URL(loc).openStream();
    }
}
