package dev.mlops.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file's content all at once: readers and a crash see either the old content or the
 * new, never a mix or a truncated file.
 *
 * <p>Each write goes to a hidden temp file in the target's directory (named
 * {@code .<target name>.<pid>-<n>.tmp}), is forced to storage ({@link FileChannel#force(boolean)
 * fsync}), and is then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 * Finally the directory itself is forced, so the rename survives a power loss; platforms that
 * refuse to open a directory (Windows) skip that last step. Missing parent directories are
 * created. The new file gets the default permissions of a newly created file (the umask on
 * POSIX systems), not those of the file it replaces; a symbolic link at the target is replaced
 * by a regular file, not followed.
 *
 * <p>Failures: when writing, forcing or renaming fails, or the caller's writer throws, the temp
 * file is deleted and the target keeps its old content (or stays absent). An
 * {@link IOException} surfaces as {@link UncheckedIOException} naming the target; an unchecked
 * exception from the caller's writer propagates unchanged. If only the final directory fsync
 * fails, the new content is already in place but may not survive a crash, and an
 * {@link UncheckedIOException} says so.
 *
 * <p>Thread-safety: all methods may be called concurrently, also for the same target; each
 * call writes its own temp file and the last rename wins.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_NAME_CODE_POINTS = 32;
    private static final int MAX_TEMP_ATTEMPTS = 100;
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private AtomicFiles() {
        throw new AssertionError("no instances");
    }

    /**
     * Atomically replaces {@code target} with {@code content}.
     *
     * @param target the file to create or replace
     * @param content the complete new content; not copied, so do not change it during the call
     * @throws IllegalArgumentException if {@code target} has no file name (a file-system root)
     * @throws UncheckedIOException if the file cannot be written; the target is then unchanged
     */
    public static void write(Path target, byte[] content) {
        Objects.requireNonNull(content, "content");
        write(target, out -> out.write(content));
    }

    /**
     * Atomically replaces {@code target} with {@code content} encoded as UTF-8.
     *
     * @param target the file to create or replace
     * @param content the complete new text
     * @throws IllegalArgumentException if {@code target} has no file name (a file-system root)
     * @throws UncheckedIOException if the file cannot be written; the target is then unchanged
     */
    public static void writeString(Path target, String content) {
        Objects.requireNonNull(content, "content");
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Atomically replaces {@code target} with whatever {@code writer} writes to the stream it is
     * given.
     *
     * <p>The stream is buffered and must be used only during the call; closing it is allowed and
     * only flushes it. The target changes only if the writer returns normally.
     *
     * @param target the file to create or replace
     * @param writer writes the complete new content to the stream
     * @throws IllegalArgumentException if {@code target} has no file name (a file-system root)
     * @throws UncheckedIOException if the file cannot be written or the writer throws an
     *     {@link IOException}; the target is then unchanged
     */
    public static void write(Path target, IoConsumer<OutputStream> writer) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(writer, "writer");
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path fileName = absolute.getFileName();
        if (directory == null || fileName == null) {
            throw new IllegalArgumentException(
                    "target must name a file, not a file-system root, but was " + target);
        }
        Path temp;
        try {
            Files.createDirectories(directory);
            temp = createTempFile(directory, fileName.toString());
        } catch (IOException e) {
            throw failure(target, e);
        }
        try {
            writeAndForce(temp, writer);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteAfterFailure(temp, e);
            throw failure(target, e);
        } catch (RuntimeException | Error e) {
            deleteAfterFailure(temp, e);
            throw e;
        }
        forceDirectory(directory, target);
    }

    private static Path createTempFile(Path directory, String targetName) throws IOException {
        String prefix = "." + shorten(targetName) + "." + ProcessHandle.current().pid() + "-";
        for (int attempt = 1; ; attempt++) {
            Path candidate = directory.resolve(prefix + TEMP_COUNTER.incrementAndGet() + ".tmp");
            try {
                // no file attributes: the file gets the default permissions, as the target would
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_TEMP_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static String shorten(String name) {
        int codePoints = name.codePointCount(0, name.length());
        if (codePoints <= MAX_NAME_CODE_POINTS) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_NAME_CODE_POINTS));
    }

    private static void writeAndForce(Path temp, IoConsumer<OutputStream> writer)
            throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(new ChannelOutput(channel), BUFFER_SIZE);
            writer.accept(out);
            out.flush();
            channel.force(true);
        }
    }

    /**
     * Forces a directory's entries to storage so that a file created or renamed in it survives
     * a crash; skipped where the platform cannot open a directory as a channel.
     *
     * @param directory the directory to force
     * @param target the file whose creation or rename is being made durable, for messages
     * @throws UncheckedIOException if the directory was opened but could not be forced
     */
    static void forceDirectory(Path directory, Path target) {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException e) {
            // Windows, for one, cannot open a directory as a channel; the rename stands as is.
            LOG.debug("Cannot open directory {} to fsync it after writing {}: {}",
                    directory, target, e.toString());
            return;
        }
        try (channel) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Wrote " + target + " but could not fsync its"
                    + " directory " + directory + ", so the change may not survive a crash: "
                    + e, e);
        }
    }

    private static void deleteAfterFailure(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static UncheckedIOException failure(Path target, IOException cause) {
        return new UncheckedIOException("Could not write " + target + ": " + cause, cause);
    }

    /** An unbuffered stream onto a channel that leaves closing the channel to its owner. */
    private static final class ChannelOutput extends OutputStream {
        private final FileChannel channel;

        ChannelOutput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
