package dev.mlops.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.mlops.core.json.Json;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only JSON Lines log: each {@link #append(Object)} adds one compact JSON value (a
 * record or map becomes one JSON object) on its own line, UTF-8 encoded and terminated by
 * {@code '\n'} on every platform.
 *
 * <p>Durability follows the {@link FlushPolicy} given at {@link #open(Path, FlushPolicy)}: with
 * {@link FlushPolicy#EVERY_RECORD} a record is on storage (fsync) when {@code append} returns;
 * with {@link FlushPolicy#everyN(int)} every {@code n}-th append flushes; with
 * {@link FlushPolicy#ON_CLOSE} only {@link #flush()} and {@link #close()} do. Records reach the
 * file only as whole lines, one write call per batch; a reader that reads while a write is in
 * progress, or after a crash, may still see a last line without its {@code '\n'}, and should
 * ignore such a line.
 *
 * <p>Opening an existing file appends after its content. If that content ends in a partial line
 * (no final {@code '\n'}: an earlier writer crashed or was killed in the middle of a record),
 * the partial line is cut off back to the last {@code '\n'}, the file is forced to storage, and
 * a warning giving the number of bytes dropped is logged. This is safe because no writer ever
 * acknowledged that record as stored: a record counts as stored only once its terminating
 * {@code '\n'} has been forced. The log stays valid JSON Lines for every reader.
 *
 * <p>One writer per file: a second appender for a file this JVM already has open is refused.
 * The appender does not detect writers in other processes; coordinate those with an
 * {@link InterProcessLock} on a separate lock file. Bytes are written in append mode, so even
 * then no record overwrites another.
 *
 * <p>Thread-safety: {@link #append(Object)}, {@link #flush()} and {@link #close()} may be called
 * from any number of threads; records are serialized outside the appender's lock and appended
 * in the order the calls take that lock. Each line is one whole record. Interrupting an
 * appending thread does not close the file for the others.
 *
 * <p>The file must be on the default file system (the appender writes through
 * {@link FileOutputStream} and forces with {@link java.io.FileDescriptor#sync()}).
 *
 * <p>Failures: an {@link IOException} surfaces as {@link UncheckedIOException} naming the file.
 * After a failed write or fsync the appender is broken (what reached storage is unknown):
 * further appends and flushes throw {@link IllegalStateException}, and reopening the file
 * repairs any partial line.
 */
public final class JsonLinesAppender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAppender.class);
    private static final int BUFFER_CAPACITY = 64 * 1024;
    private static final int TAIL_CHUNK = 8 * 1024;
    private static final byte NEWLINE = '\n';
    private static final byte CARRIAGE_RETURN = '\r';
    /** Real paths of the files an appender in this JVM has open; guarded by itself. */
    private static final Set<Path> OPEN_FILES = new HashSet<>();

    private final Path file;
    private final Path key;
    private final FlushPolicy policy;
    private final int recordsPerFlush;
    private final ObjectWriter writer;
    private final FileOutputStream out;
    private final Object lock = new Object();
    private final byte[] buffer = new byte[BUFFER_CAPACITY];
    private int buffered;
    private int unflushedRecords;
    private boolean closed;
    private @Nullable IOException failure;

    private JsonLinesAppender(Path file, Path key, FlushPolicy policy, ObjectWriter writer,
            FileOutputStream out) {
        this.file = file;
        this.key = key;
        this.policy = policy;
        this.recordsPerFlush = recordsPerFlush(policy);
        this.writer = writer;
        this.out = out;
    }

    /**
     * Opens {@code file} for appending with the shared {@link Json#writer()}, creating the file
     * and its parent directories if needed and repairing a partial last line.
     *
     * @param file the JSON Lines file
     * @param policy when appended records are flushed and forced to storage
     * @return the open appender; close it to flush the rest and release the file
     * @throws IllegalArgumentException if {@code file} is not on the default file system
     * @throws IllegalStateException if an appender in this JVM already has the file open
     * @throws UncheckedIOException if the file cannot be created, read, repaired or opened
     */
    public static JsonLinesAppender open(Path file, FlushPolicy policy) {
        return open(file, policy, Json.writer());
    }

    /**
     * Opens {@code file} for appending with the given writer, creating the file and its parent
     * directories if needed and repairing a partial last line.
     *
     * <p>Any pretty printer configured on {@code writer} is replaced by compact output, since a
     * JSON Lines record must stay on one line; everything else (modules, features, views) is
     * kept.
     *
     * @param file the JSON Lines file
     * @param policy when appended records are flushed and forced to storage
     * @param writer turns each record into JSON
     * @return the open appender; close it to flush the rest and release the file
     * @throws IllegalArgumentException if {@code file} is not on the default file system
     * @throws IllegalStateException if an appender in this JVM already has the file open
     * @throws UncheckedIOException if the file cannot be created, read, repaired or opened
     */
    public static JsonLinesAppender open(Path file, FlushPolicy policy, ObjectWriter writer) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(writer, "writer");
        if (file.getFileSystem() != FileSystems.getDefault()) {
            throw new IllegalArgumentException("file must be on the default file system but was "
                    + file + " on " + file.getFileSystem().provider().getScheme());
        }
        ObjectWriter compact = writer.with(new MinimalPrettyPrinter());
        Path key = claim(file);
        FileOutputStream out = null;
        try {
            repairTornTail(file, key);
            // A stream, not a FileChannel: an interrupted appending thread must not close the
            // file under every other thread (FileChannel is an InterruptibleChannel).
            out = new FileOutputStream(key.toFile(), true);
            return new JsonLinesAppender(file, key, policy, compact, out);
        } catch (IOException e) {
            abandon(key, out, e);
            throw new UncheckedIOException("Could not open " + file + " for appending: " + e, e);
        } catch (RuntimeException | Error e) {
            abandon(key, out, e);
            throw e;
        }
    }

    /**
     * Appends {@code record} as one line of compact JSON, then flushes if the
     * {@link FlushPolicy} says so.
     *
     * @param record the value to append, typically a record or a map; it becomes one JSON value
     * @throws IllegalArgumentException if the writer cannot turn {@code record} into JSON, or
     *     its JSON spans several lines; nothing is appended then
     * @throws IllegalStateException if the appender is closed or broken by an earlier failure
     * @throws UncheckedIOException if writing or forcing fails; the appender is then broken
     */
    public void append(Object record) {
        Objects.requireNonNull(record, "record");
        byte[] json = toJson(record);
        synchronized (lock) {
            ensureUsable();
            try {
                if (buffered + json.length + 1 > buffer.length) {
                    drainBuffer();
                }
                if (json.length + 1 > buffer.length) {
                    byte[] line = Arrays.copyOf(json, json.length + 1);
                    line[json.length] = NEWLINE;
                    out.write(line);
                } else {
                    System.arraycopy(json, 0, buffer, buffered, json.length);
                    buffered += json.length;
                    buffer[buffered++] = NEWLINE;
                }
                unflushedRecords++;
                if (recordsPerFlush > 0 && unflushedRecords >= recordsPerFlush) {
                    drainAndForce();
                }
            } catch (IOException e) {
                throw broken(e, "append to");
            }
        }
    }

    /**
     * Writes every record appended so far to the file and forces it to storage, whatever the
     * policy; they are durable when this returns.
     *
     * @throws IllegalStateException if the appender is closed or broken by an earlier failure
     * @throws UncheckedIOException if writing or forcing fails; the appender is then broken
     */
    public void flush() {
        synchronized (lock) {
            ensureUsable();
            try {
                drainAndForce();
            } catch (IOException e) {
                throw broken(e, "flush");
            }
        }
    }

    /**
     * Flushes every record appended so far (as {@link #flush()}) and closes the file. Closing
     * again does nothing. A broken appender only closes the file: the records its failure left
     * in memory are lost.
     *
     * @throws UncheckedIOException if the final flush or the close fails
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            IOException problem = null;
            try {
                if (failure == null) {
                    drainAndForce();
                }
            } catch (IOException e) {
                problem = e;
            } finally {
                try {
                    out.close();
                } catch (IOException e) {
                    if (problem == null) {
                        problem = e;
                    } else {
                        problem.addSuppressed(e);
                    }
                }
                release(key);
            }
            if (problem != null) {
                throw new UncheckedIOException(
                        "Could not flush and close " + file + ": " + problem, problem);
            }
        }
    }

    /**
     * Returns the file this appender writes, as given to {@link #open(Path, FlushPolicy)}.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the flush policy this appender follows.
     *
     * @return the policy
     */
    public FlushPolicy policy() {
        return policy;
    }

    private byte[] toJson(Object record) {
        byte[] json;
        try {
            json = writer.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record of type " + record.getClass().getName()
                    + " cannot be written as JSON for " + file + ": " + e.getOriginalMessage(), e);
        }
        for (byte b : json) {
            if (b == NEWLINE || b == CARRIAGE_RETURN) {
                throw new IllegalArgumentException("record of type " + record.getClass().getName()
                        + " was written as JSON with a line break, which JSON Lines forbids ("
                        + file + "); its serializer must write compact JSON");
            }
        }
        return json;
    }

    private void ensureUsable() {
        if (closed) {
            throw new IllegalStateException("JSON Lines appender for " + file + " is closed");
        }
        IOException cause = failure;
        if (cause != null) {
            throw new IllegalStateException("JSON Lines appender for " + file
                    + " is broken by an earlier write failure (" + cause
                    + "); close it and open the file again", cause);
        }
    }

    private UncheckedIOException broken(IOException e, String action) {
        failure = e;
        return new UncheckedIOException("Could not " + action + " " + file + ": " + e, e);
    }

    private void drainAndForce() throws IOException {
        drainBuffer();
        out.getFD().sync();
        unflushedRecords = 0;
    }

    private void drainBuffer() throws IOException {
        if (buffered > 0) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
    }

    private static int recordsPerFlush(FlushPolicy policy) {
        if (policy instanceof FlushPolicy.EveryN) {
            return ((FlushPolicy.EveryN) policy).n();
        }
        if (policy instanceof FlushPolicy.EveryRecord) {
            return 1;
        }
        return 0;
    }

    /** Registers the file as open in this JVM, creating it first; returns its real path. */
    private static Path claim(Path file) {
        synchronized (OPEN_FILES) {
            Path key;
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                boolean created = createIfAbsent(file);
                key = file.toRealPath();
                if (created && parent != null) {
                    AtomicFiles.forceDirectory(parent, file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not create " + file + " for appending: " + e, e);
            }
            if (!OPEN_FILES.add(key)) {
                throw new IllegalStateException(file + " is already open in another"
                        + " JsonLinesAppender of this JVM; share that appender (it is"
                        + " thread-safe) or close it first");
            }
            return key;
        }
    }

    private static boolean createIfAbsent(Path file) throws IOException {
        try {
            Files.createFile(file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static void release(Path key) {
        synchronized (OPEN_FILES) {
            OPEN_FILES.remove(key);
        }
    }

    private static void abandon(Path key, @Nullable FileOutputStream out, Throwable failure) {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        } finally {
            release(key);
        }
    }

    /** Cuts a partial last line (no final newline) back to the last newline. */
    private static void repairTornTail(Path file, Path key) throws IOException {
        try (FileChannel channel = FileChannel.open(key, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = channel.size();
            long keep = lengthThroughLastNewline(channel, size);
            if (keep == size) {
                return;
            }
            channel.truncate(keep);
            channel.force(true);
            LOG.warn("Dropped {} bytes of a partial last line from {}: an earlier writer stopped"
                    + " in the middle of a record that was never acknowledged as stored;"
                    + " appending continues after the last complete line", size - keep, file);
        }
    }

    private static long lengthThroughLastNewline(FileChannel channel, long size)
            throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(TAIL_CHUNK);
        long end = size;
        while (end > 0) {
            int length = (int) Math.min(chunk.capacity(), end);
            long start = end - length;
            chunk.clear().limit(length);
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, start + chunk.position()) < 0) {
                    throw new EOFException("file shrank while its last line was being checked");
                }
            }
            for (int i = length - 1; i >= 0; i--) {
                if (chunk.get(i) == NEWLINE) {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }
}
