package org.benchtop.testflows;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.net.URLStreamHandler;
import java.net.spi.URLStreamHandlerProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Resolves {@code knime://knime.workflow/...} URLs against the testflow being run, as KNIME's URL handler resolves
 * them against the workflow of the executing node: {@code knime://knime.workflow/data/run.rdml} is
 * {@code <scenario>/data/run.rdml}. Registered for the test JVM through
 * {@code META-INF/services/java.net.spi.URLStreamHandlerProvider}; {@link TestflowTest} sets the workflow before it
 * configures and executes a scenario's node (KNIME keeps the same information per thread, in its node context).
 */
public final class KnimeUrlHandlerProvider extends URLStreamHandlerProvider {

    private static final ThreadLocal<Path> WORKFLOW = new ThreadLocal<>();

    /**
     * @param workflowDir the folder of the workflow whose node runs on this thread, or {@code null} for none
     */
    static void setWorkflow(final Path workflowDir) {
        if (workflowDir == null) {
            WORKFLOW.remove();
        } else {
            WORKFLOW.set(workflowDir.toAbsolutePath().normalize());
        }
    }

    @Override
    public URLStreamHandler createURLStreamHandler(final String protocol) {
        return "knime".equals(protocol) ? new Handler() : null;
    }

    /** Opens {@code knime://knime.workflow/<path>} as the file {@code <workflow>/<path>}. */
    private static final class Handler extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(final URL u) throws IOException {
            if (!"knime.workflow".equals(u.getHost())) {
                throw new IOException("The test harness resolves only knime://knime.workflow/ URLs, not " + u);
            }
            Path workflow = WORKFLOW.get();
            if (workflow == null) {
                throw new IOException("No workflow is running on this thread to resolve " + u);
            }
            String path = URLDecoder.decode(u.getPath(), StandardCharsets.UTF_8);
            Path file = workflow.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
            if (!file.startsWith(workflow)) {
                throw new IOException(u + " leaves the workflow folder " + workflow);
            }
            return file.toUri().toURL().openConnection();
        }
    }
}
