package org.benchtop.knimestub.testing;

import java.lang.reflect.Method;
import java.nio.file.Path;

import org.knime.core.util.FileUtil;

/**
 * Test helper (stub only, not exported): the workflow whose node runs on the current thread, against which
 * {@link FileUtil#resolveToPath(java.net.URL)} resolves {@code knime://knime.workflow/...} URLs (and
 * {@code knime://knime.mountpoint/...} against the mount point), as KNIME resolves them against the workflow of the
 * executing node's context. KNIME keeps that context per thread; so does the stub. Set it before configuring or
 * executing a node that resolves such URLs, and {@link #clear()} it afterwards.
 *
 * <p>A workflow in the local workspace has a mount point ({@code LOCAL}, the workspace folder): a workflow-relative
 * URL may leave the workflow ({@code knime://knime.workflow/../results}) but not the mount point. A workflow that is
 * not imported into a space (mount point {@code null}) can only reach its own folder.
 */
public final class StubWorkflowContext {

    private static final Method SET = StubReflection.method(FileUtil.class, "stubSetWorkflow", Path.class, Path.class);

    private StubWorkflowContext() {
    }

    /**
     * @param workflowDir the folder of the workflow (it need not exist)
     * @param mountpointRoot the root of the mount point holding the workflow (e.g. the workspace folder), or
     *            {@code null} if the workflow is not in one
     */
    public static void set(final Path workflowDir, final Path mountpointRoot) {
        if (workflowDir == null) {
            throw new IllegalArgumentException("workflowDir is null; use clear()");
        }
        StubReflection.invokeUnchecked(SET, null, workflowDir, mountpointRoot);
    }

    /** Removes the current thread's workflow: {@code knime:} URLs no longer resolve. */
    public static void clear() {
        StubReflection.invokeUnchecked(SET, null, null, null);
    }
}
