package org.benchtop.knimestub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.util.FileUtil;

/** The stub's {@link FileUtil#toURL(String)} and {@link FileUtil#resolveToPath(URL)}, with {@link StubWorkflowContext}. */
class FileUtilStubTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clearContext() {
        StubWorkflowContext.clear();
    }

    private static Path resolve(final String location) throws Exception {
        return FileUtil.resolveToPath(FileUtil.toURL(location));
    }

    @Test
    void pathsAndFileUrlsResolveToTheLocalPath() throws Exception {
        Path folder = tmp.resolve("my notebook");
        assertEquals(folder, resolve(folder.toString()));
        assertEquals(folder, resolve(folder.toUri().toString()));
        assertEquals("file", FileUtil.toURL(folder.toString()).getProtocol());
        // KNIME makes a relative path absolute against the working directory (nodes must refuse it before)
        assertEquals(Path.of("rel").toAbsolutePath(), resolve("rel"));
        assertThrows(InvalidPathException.class, () -> FileUtil.toURL(""));
    }

    @Test
    void nonLocalUrlsResolveToNull() throws Exception {
        assertNull(resolve("http://example.org/notebook"));
    }

    @Test
    void workflowRelativeUrlsResolveAgainstTheWorkflowInsideTheMountPoint() throws Exception {
        Path space = tmp.resolve("workspace");
        Path workflow = space.resolve("group/demo");
        StubWorkflowContext.set(workflow, space);
        assertEquals(workflow.resolve("data/out"), resolve("knime://knime.workflow/data/out"));
        assertEquals(space.resolve("group/results"), resolve("knime://knime.workflow/../results"));
        assertEquals(space.resolve("group/my results"), resolve("knime://knime.workflow/../my results"));
        assertEquals(space.resolve("shared"), resolve("knime://knime.mountpoint/shared"));
        IOException e = assertThrows(IOException.class, () -> resolve("knime://knime.workflow/../../../outside"));
        assertTrue(e.getMessage().contains("Leaving the mount point is not allowed"), e.getMessage());
        e = assertThrows(IOException.class, () -> resolve("knime://knime.mountpoint/../outside"));
        assertTrue(e.getMessage().contains("Leaving the mount point is not allowed"), e.getMessage());
        e = assertThrows(IOException.class, () -> resolve("knime://LOCAL/shared"));
        assertTrue(e.getMessage().contains("resolves only"), e.getMessage());
    }

    @Test
    void withoutAMountPointOnlyTheWorkflowItselfIsReachable() throws Exception {
        Path workflow = tmp.resolve("demo");
        StubWorkflowContext.set(workflow, null);
        assertEquals(workflow.resolve("data"), resolve("knime://knime.workflow/data"));
        IOException e = assertThrows(IOException.class, () -> resolve("knime://knime.workflow/../results"));
        assertTrue(e.getMessage().contains("not imported into a space"), e.getMessage());
    }

    @Test
    void withoutAWorkflowKnimeUrlsDoNotResolve() {
        IOException e = assertThrows(IOException.class, () -> resolve("knime://knime.workflow/data"));
        assertTrue(e.getMessage().contains("No workflow context"), e.getMessage());
    }

    @Test
    void theContextBelongsToTheThread() throws Exception {
        Path workflow = tmp.resolve("demo");
        StubWorkflowContext.set(workflow, tmp);
        Exception[] other = new Exception[1];
        Thread t = new Thread(() -> other[0] = assertThrows(IOException.class, () -> resolve("knime://knime.workflow/a")));
        t.start();
        t.join();
        assertTrue(other[0].getMessage().contains("No workflow context"), other[0].getMessage());
        assertEquals(workflow.resolve("a"), resolve("knime://knime.workflow/a"));
    }
}
