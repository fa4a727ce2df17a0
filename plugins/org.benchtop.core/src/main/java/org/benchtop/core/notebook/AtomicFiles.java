package org.benchtop.core.notebook;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.benchtop.core.BenchtopException.Kind;

/**
 * Writes a file atomically: into a temporary file in the target's folder, flushed to disk, then moved
 * to the final name, so that an interrupted export never leaves a half-written file under the final
 * name. An existing file is replaced only when asked ({@code overwrite}); without it the final step
 * is a hard link, which fails if a file of that name appeared in the meantime (on file systems
 * without hard links, a move after a check).
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write (do not close it)
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * What was written.
     *
     * @param path the file, absolute and normalized
     * @param sha256 lowercase hex SHA-256 of its bytes
     * @param size its size in bytes
     */
    public record Written(Path path, String sha256, long size) {
    }

    private AtomicFiles() {
    }

    /**
     * Checks, before any work is done, that {@code target} can be written: its folder exists and is
     * writable, it is not a folder, and it does not exist unless {@code overwrite}.
     *
     * @param target the file to write
     * @param overwrite whether an existing file may be replaced
     * @param what what the file is, for messages (e.g. "notebook entry", "HTML report")
     * @throws NotebookException (BAD_INPUT) naming the problem and how to fix it
     */
    public static void checkWritable(Path target, boolean overwrite, String what) {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw bad("The folder %s for the %s does not exist; create it or choose another output folder", dir,
                    what);
        }
        if (!Files.isWritable(dir)) {
            throw bad("Cannot write the %s into %s: the folder is not writable; choose another output folder", what,
                    dir);
        }
        if (Files.isDirectory(file)) {
            throw bad("The %s %s is a folder; give a file name", what, file);
        }
        if (!overwrite && Files.exists(file)) {
            throw bad("The %s %s exists already; choose another name, or ask to overwrite it (--overwrite on the "
                    + "command line, 'Overwrite existing files' in the node)", what, file);
        }
    }

    /**
     * Writes a file atomically.
     *
     * @param target the file
     * @param overwrite whether an existing file may be replaced
     * @param what what the file is, for messages
     * @param content writes the bytes
     * @return the path, SHA-256 and size written
     * @throws NotebookException (BAD_INPUT) if the folder is missing or not writable, the file exists
     *         and {@code overwrite} is false, or writing fails
     */
    public static Written write(Path target, boolean overwrite, String what, Content content) {
        checkWritable(target, overwrite, what);
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        Path tmp = null;
        try {
            MessageDigest md = sha256();
            long size;
            // not Files.createTempFile: its owner-only permissions would stay on the final file; a new file
            // gets the permissions of the user's umask, as any file the user writes
            FileChannel opened = null;
            for (int attempt = 0; opened == null; attempt++) {
                Path candidate = dir.resolve(String.format(Locale.ROOT, ".%s.%016x.tmp", file.getFileName(),
                        Long.valueOf(ThreadLocalRandom.current().nextLong())));
                try {
                    opened = FileChannel.open(candidate, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
                    tmp = candidate;
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
            try (FileChannel ch = opened) {
                CountingStream counting = new CountingStream(java.nio.channels.Channels.newOutputStream(ch));
                OutputStream out = new BufferedOutputStream(new DigestOutputStream(counting, md), 1 << 16);
                content.writeTo(out);
                out.flush();
                size = counting.count;
                ch.force(true);
            }
            place(tmp, file, overwrite, what);
            return new Written(file, HexFormat.of().formatHex(md.digest()), size);
        } catch (AccessDeniedException e) {
            throw bad("Cannot write the %s %s: access denied; choose another output folder", what, file);
        } catch (IOException e) {
            throw new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                    "Cannot write the %s %s: %s; check the disk space and the folder's permissions", what, file,
                    e.getMessage()), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and marked .tmp
                }
            }
        }
    }

    /**
     * Writes bytes atomically.
     *
     * @param target the file
     * @param overwrite whether an existing file may be replaced
     * @param what what the file is, for messages
     * @param bytes the content
     * @return the path, SHA-256 and size written
     * @throws NotebookException (BAD_INPUT) as {@link #write(Path, boolean, String, Content)}
     */
    public static Written write(Path target, boolean overwrite, String what, byte[] bytes) {
        return write(target, overwrite, what, out -> out.write(bytes));
    }

    private static void place(Path tmp, Path file, boolean overwrite, String what) throws IOException {
        if (overwrite) {
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        try {
            Files.createLink(file, tmp); // atomic, and fails if the name was taken meanwhile
            Files.delete(tmp);
        } catch (FileAlreadyExistsException e) {
            throw bad("The %s %s exists already (it appeared while writing); choose another name, or ask to "
                    + "overwrite it", what, file);
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(file)) {
                throw bad("The %s %s exists already; choose another name, or ask to overwrite it", what, file);
            }
            Files.move(tmp, file); // no hard links on this file system: fails if the target exists
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static NotebookException bad(String template, Object... args) {
        return new NotebookException(Kind.BAD_INPUT, String.format(Locale.ROOT, template, args));
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
