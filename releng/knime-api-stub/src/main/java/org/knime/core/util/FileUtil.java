package org.knime.core.util;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped): only {@link #toURL(String)} and
 * {@link #resolveToPath(URL)}, with the signatures of KNIME 5.x. Bodies are the stub's own:
 * <ul>
 * <li>{@code file:} URLs and plain paths resolve as in KNIME;</li>
 * <li>{@code knime://knime.workflow/...} resolves against the workflow folder that a test sets for the current thread
 * (org.benchtop.knimestub.testing.StubWorkflowContext, through the package-private {@code stub*} method below), as
 * KNIME resolves it against the workflow of the executing node (its node context): a path outside the workflow must
 * stay inside the mount point ("Leaving the mount point is not allowed for workflow relative URLs"), and without a
 * mount point it must stay inside the workflow; {@code knime://knime.mountpoint/...} resolves against the mount
 * point; other {@code knime:} hosts (mount ids, {@code knime.node}, {@code knime.space}) are not resolved (an
 * {@link IOException} says so);</li>
 * <li>other protocols (e.g. {@code http:}) are not local: {@link #resolveToPath(URL)} returns {@code null}.</li>
 * </ul>
 */
public final class FileUtil {

    /** Where {@code knime:} URLs of the current thread resolve: the workflow folder and the mount point root. */
    private static final ThreadLocal<Path[]> WORKFLOW = new ThreadLocal<>();

    /** Handles {@code knime:} URLs when the JVM has no handler for them (KNIME registers one; a plain JVM has none). */
    private static final URLStreamHandler KNIME_HANDLER = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(final URL u) throws IOException {
            return resolveKnimeUrl(u).toUri().toURL().openConnection();
        }
    };

    /** Don't let anybody instantiate this class. */
    private FileUtil() {
        // don't instantiate
    }

    /**
     * Tries to convert the given path into a URL. Either the path is already a valid URL or it denotes a local file
     * and is then converted into a file URL.
     *
     * @param path any path
     * @return a URL
     * @throws MalformedURLException if the path is neither a URL nor a proper filesystem path
     * @throws InvalidPathException if the parameter looks like a file system path but is invalid
     * @since 2.11
     */
    public static URL toURL(final String path) throws MalformedURLException, InvalidPathException {
        if (path.isEmpty()) {
            throw new InvalidPathException("", "Empty path");
        }
        String spec = path.replace(" ", "%20");
        try {
            return new URL(spec);
        } catch (MalformedURLException ex) {
            if (spec.regionMatches(true, 0, "knime:", 0, "knime:".length())) {
                return new URL(null, spec, KNIME_HANDLER);
            }
            return Paths.get(path).toAbsolutePath().toUri().toURL();
        }
    }

    /**
     * Tries to resolve the given URL into a local path. The method can handle all URLs that are backed by local files
     * especially the 'knime' protocol. If the URL does not denote a local path, <code>null</code> is returned.
     *
     * @param url any URL
     * @return the path or <code>null</code>
     * @throws IOException if an I/O error occurs while resolving the URL
     * @throws URISyntaxException if the passed URL does not conform with RFC2396 for URIs
     * @since 2.11
     */
    public static Path resolveToPath(final URL url) throws IOException, URISyntaxException {
        if ("knime".equalsIgnoreCase(url.getProtocol())) {
            return resolveKnimeUrl(url);
        }
        if (!"file".equalsIgnoreCase(url.getProtocol())) {
            return null;
        }
        if (url.getPath().contains(" ")) {
            return Paths.get(new URL(url.toString().replace(" ", "%20")).toURI());
        }
        return Paths.get(url.toURI());
    }

    /** Resolves a {@code knime:} URL against the current thread's workflow and mount point. */
    private static Path resolveKnimeUrl(final URL url) throws IOException {
        Path[] context = WORKFLOW.get();
        if (context == null) {
            throw new IOException("No workflow context to resolve " + url + " (tests: set one with StubWorkflowContext)");
        }
        Path workflow = context[0];
        Path mountpoint = context[1];
        String path;
        try {
            path = new URI(url.toString().replace(" ", "%20")).getPath();
        } catch (URISyntaxException e) {
            throw new IOException("Not a valid URL: " + url, e);
        }
        String relative = path == null ? "" : path.replaceFirst("^/+", "");
        String host = url.getHost();
        if ("knime.workflow".equalsIgnoreCase(host)) {
            Path resolved = workflow.resolve(relative).normalize();
            if (resolved.startsWith(workflow)) {
                return resolved;
            }
            if (mountpoint == null) {
                throw new IOException(
                    "Cannot access items outside the workflow because it is not imported into a space: '" + url + "'");
            }
            if (!resolved.startsWith(mountpoint)) {
                throw new IOException("Leaving the mount point is not allowed for workflow relative URLs: " + resolved
                    + " is not in " + mountpoint);
            }
            return resolved;
        }
        if ("knime.mountpoint".equalsIgnoreCase(host)) {
            if (mountpoint == null) {
                throw new IOException("Mountpoint or space relative URL needs a mountpoint.");
            }
            Path resolved = mountpoint.resolve(relative).normalize();
            if (!resolved.startsWith(mountpoint)) {
                throw new IOException("Leaving the mount point is not allowed for relative URLs: " + resolved
                    + " is not in " + mountpoint);
            }
            return resolved;
        }
        throw new IOException("The KNIME API stub resolves only knime://knime.workflow/ and knime://knime.mountpoint/"
            + " URLs, not " + url);
    }

    // ---- stub-internal (package-private), used by the test helper via reflection ------------------------------

    /**
     * @param workflow the folder of the workflow whose node runs on this thread, or {@code null} for none
     * @param mountpoint the root of the mount point (space) holding the workflow, or {@code null} if the workflow is
     *            not in one
     */
    static void stubSetWorkflow(final Path workflow, final Path mountpoint) {
        if (workflow == null) {
            WORKFLOW.remove();
        } else {
            WORKFLOW.set(new Path[] {workflow.toAbsolutePath().normalize(),
                mountpoint == null ? null : mountpoint.toAbsolutePath().normalize()});
        }
    }
}
