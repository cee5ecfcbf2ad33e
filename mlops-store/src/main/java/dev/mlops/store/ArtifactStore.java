package dev.mlops.store;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.io.InterProcessLock;
import dev.mlops.core.io.LockTimeoutException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A content-addressed directory of artifacts (model files, reports, provenance): each blob is
 * stored once under the SHA-256 of its bytes, written atomically and verified on every read.
 *
 * <pre>{@code
 * ArtifactStore artifacts = ArtifactStore.open(Path.of("/var/lib/team/artifacts"));
 * ArtifactRef model = artifacts.put(Path.of("model.onnx"));      // streamed; record model.toString()
 * byte[] report = artifacts.read(artifacts.put("{\"auc\": 0.91}".getBytes(StandardCharsets.UTF_8)));
 * artifacts.copyTo(model, Path.of("deploy/model.onnx"));          // verified, then atomic
 * GcResult gc = artifacts.collectGarbage(Set.of(model.sha256()), Duration.ofHours(1));
 * }</pre>
 *
 * <p>Layout, like git's objects: {@code <dir>/sha256/<first 2 hex digits>/<other 62 digits>}
 * holds each artifact, {@code <dir>/tmp/} the files of puts in progress (on the same file system,
 * so the final move is atomic) and {@code <dir>/.lock} the lock between processes. A put writes
 * its temp file while hashing, forces it to storage (fsync), makes it read-only where the file
 * system has POSIX permissions, sets its modification time from the store's {@link Clock}, and
 * moves it into place atomically; if the hash is already stored the put changes nothing but
 * that time (deduplication) and returns the same {@link ArtifactRef}.
 *
 * <p>Reads verify: {@link #read(ArtifactRef)}, {@link #copyTo} and the stream of
 * {@link #open(ArtifactRef)} hash the bytes as they read them and refuse a file whose content no
 * longer matches its name (modified or truncated on disk) with a
 * {@link CorruptArtifactException} naming the artifact, its file and what the content hashed to.
 * A missing artifact is a {@link StoreException}; {@link #find(String)} and
 * {@link #contains(ArtifactRef)} ask without failing.
 *
 * <p>Retention: {@link #collectGarbage(Set, Duration)} deletes every artifact that is not in the
 * given set of referenced hashes, except those put (or put again) within the given period, and
 * leftover temp files of crashed puts older than {@link #TEMP_FILE_MAX_AGE}. It runs under the
 * lock file, and every put takes the same lock for its final move (or its no-op when the hash is
 * there), so a put and a collection never interleave: a put that returns has its file in place,
 * and a collection that starts later deletes it only if it is unreferenced and older than the
 * period. A caller that records a ref in a database after the put should therefore collect with
 * a period longer than that gap (an hour is generous), since an unrecorded ref looks unreferenced.
 *
 * <p>Thread-safe, and safe for several processes (and several instances in one JVM) sharing a
 * directory on one machine; whether a network file system honours the lock depends on it.
 * Failures are {@link StoreException}s naming the directory and what was being done; argument
 * errors are {@link NullPointerException}s and {@link IllegalArgumentException}s naming the
 * argument.
 */
public final class ArtifactStore {

    /** How old (by modification time, against the store's clock) a temp file must be before a
     *  garbage collection deletes it as the leftover of a crashed put: 24 hours. */
    public static final Duration TEMP_FILE_MAX_AGE = Duration.ofHours(24);

    /** How long a put, delete or collection waits for another process's lock: 5 minutes,
     *  measured on the store's clock. */
    public static final Duration LOCK_TIMEOUT = Duration.ofMinutes(5);

    private static final String OBJECTS = "sha256";
    private static final String TEMP = "tmp";
    private static final String LOCK = ".lock";
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final long UNKNOWN_SIZE = -1;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private final Path directory;
    private final Path objects;
    private final Path temp;
    private final Path lockFile;
    private final Clock clock;
    private final boolean posix;
    /** Lets threads of this instance queue for the lock file instead of polling it. */
    private final Object jvmLock = new Object();

    private ArtifactStore(Path directory, Clock clock, boolean posix) {
        this.directory = directory;
        this.objects = directory.resolve(OBJECTS);
        this.temp = directory.resolve(TEMP);
        this.lockFile = directory.resolve(LOCK);
        this.clock = clock;
        this.posix = posix;
    }

    /**
     * Opens (and creates, with its parents, if absent) the artifact directory, using the system
     * clock in UTC.
     *
     * @param directory the artifact directory
     * @return the store
     * @throws NullPointerException if {@code directory} is null
     * @throws StoreException if {@code directory} is a file or cannot be created
     */
    public static ArtifactStore open(Path directory) {
        return open(directory, Clock.systemUTC());
    }

    /**
     * Opens (and creates, with its parents, if absent) the artifact directory, with a clock that
     * stamps artifacts' modification times and decides the ages garbage collection compares.
     *
     * @param directory the artifact directory
     * @param clock the time source for modification times, ages and the lock's timeout
     * @return the store
     * @throws NullPointerException if an argument is null
     * @throws StoreException if {@code directory} is a file or cannot be created
     */
    public static ArtifactStore open(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new StoreException("Cannot open artifact store " + absolute
                    + ": it is a file, but an artifact store must be a directory");
        }
        try {
            Files.createDirectories(absolute.resolve(OBJECTS));
            Files.createDirectories(absolute.resolve(TEMP));
            boolean posix = Files.getFileStore(absolute)
                    .supportsFileAttributeView(PosixFileAttributeView.class);
            return new ArtifactStore(absolute, clock, posix);
        } catch (IOException e) {
            throw new StoreException("Could not open artifact store " + absolute + ": " + e, e);
        }
    }

    /**
     * Returns the artifact directory.
     *
     * @return the directory as an absolute, normalized path
     */
    public Path directory() {
        return directory;
    }

    /**
     * Stores {@code content}, or finds it already stored.
     *
     * @param content the bytes; not copied, so do not change them during the call
     * @return the artifact's ref
     * @throws NullPointerException if {@code content} is null
     * @throws StoreException if the artifact cannot be written
     */
    public ArtifactRef put(byte[] content) {
        Objects.requireNonNull(content, "content");
        return store(new ByteArrayInputStream(content), "content of " + content.length + " bytes");
    }

    /**
     * Stores a file's content, streamed (any size), or finds it already stored.
     *
     * @param file the file to copy into the store; it is left as it is
     * @return the artifact's ref
     * @throws NullPointerException if {@code file} is null
     * @throws StoreException if {@code file} is missing, is a directory or cannot be read, or
     *     the artifact cannot be written
     */
    public ArtifactRef put(Path file) {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new StoreException("Cannot put " + file + " into artifact store " + directory
                    + ": it is a directory, but only a file can be an artifact");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new StoreException("Cannot put " + file + " into artifact store " + directory
                    + ": the file cannot be read (" + e + ")", e);
        }
        try (in) {
            return store(in, "file " + file);
        } catch (IOException e) {
            throw new StoreException("Could not close " + file + " after putting it into"
                    + " artifact store " + directory + ": " + e, e);
        }
    }

    /**
     * Stores everything {@code in} gives up to its end, streamed (any size), or finds it already
     * stored. The stream is read to its end but not closed.
     *
     * @param in the content
     * @return the artifact's ref
     * @throws NullPointerException if {@code in} is null
     * @throws StoreException if reading {@code in} or writing the artifact fails; nothing is
     *     then stored
     */
    public ArtifactRef put(InputStream in) {
        Objects.requireNonNull(in, "in");
        return store(in, "a stream");
    }

    /**
     * Tells whether the artifact is stored (without verifying its content).
     *
     * @param ref the artifact
     * @return {@code true} if its file exists
     * @throws NullPointerException if {@code ref} is null
     */
    public boolean contains(ArtifactRef ref) {
        Objects.requireNonNull(ref, "ref");
        return Files.isRegularFile(fileOf(ref.sha256()));
    }

    /**
     * Looks an artifact up by its hash, with its size as the file has it (not verified).
     *
     * @param sha256 the hash, as {@code sha256:<64 hex digits>} or the 64 digits alone
     * @return the artifact's ref, or empty if it is not stored
     * @throws NullPointerException if {@code sha256} is null
     * @throws IllegalArgumentException if {@code sha256} is not a hash in either form
     * @throws StoreException if the file exists but its size cannot be read
     */
    public Optional<ArtifactRef> find(String sha256) {
        String hash = ArtifactRef.parseHash(sha256);
        Path file = fileOf(hash);
        try {
            return Optional.of(new ArtifactRef(hash, Files.size(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("Could not read the size of artifact " + ArtifactRef.PREFIX
                    + hash + " (" + file + "): " + e, e);
        }
    }

    /**
     * Reads an artifact whole, verifying its hash and size. Meant for artifacts that fit in an
     * array (under 2 GiB); use {@link #open(ArtifactRef)} or {@link #copyTo} for larger ones.
     *
     * @param ref the artifact
     * @return its content
     * @throws NullPointerException if {@code ref} is null
     * @throws CorruptArtifactException if the file's content no longer hashes to the ref's hash
     * @throws StoreException if the artifact is not stored, its size differs from the ref's, or
     *     its file cannot be read
     */
    public byte[] read(ArtifactRef ref) {
        Objects.requireNonNull(ref, "ref");
        return readAll(ref.sha256(), ref.size());
    }

    /**
     * Reads an artifact whole by its hash, verifying it. Meant for artifacts that fit in an
     * array (under 2 GiB).
     *
     * @param sha256 the hash, as {@code sha256:<64 hex digits>} or the 64 digits alone
     * @return its content
     * @throws NullPointerException if {@code sha256} is null
     * @throws IllegalArgumentException if {@code sha256} is not a hash in either form
     * @throws CorruptArtifactException if the file's content no longer hashes to its name
     * @throws StoreException if the artifact is not stored or its file cannot be read
     */
    public byte[] read(String sha256) {
        return readAll(ArtifactRef.parseHash(sha256), UNKNOWN_SIZE);
    }

    /**
     * Opens an artifact as a stream that verifies as it goes: the read that reaches the end
     * throws a {@link CorruptArtifactException} instead of reporting the end if the bytes read
     * do not hash to the ref's hash (or a {@link StoreException} if their number differs from
     * the ref's size). Bytes handed out before the end are therefore unverified until the end
     * is reached; a caller that stops early has not checked them. The caller closes the stream.
     * {@code skip} reads (and hashes) the bytes it skips.
     *
     * @param ref the artifact
     * @return a verifying stream over its content
     * @throws NullPointerException if {@code ref} is null
     * @throws StoreException if the artifact is not stored or its file cannot be opened
     */
    public InputStream open(ArtifactRef ref) {
        Objects.requireNonNull(ref, "ref");
        return openVerified(ref.sha256(), ref.size());
    }

    /**
     * Copies an artifact to {@code target}, verified and atomically
     * ({@link AtomicFiles#write(Path, dev.mlops.core.io.IoConsumer)}): the target gets the whole,
     * verified content or keeps what it had. Missing parent directories are created.
     *
     * @param ref the artifact
     * @param target the file to create or replace
     * @throws NullPointerException if an argument is null
     * @throws CorruptArtifactException if the artifact's content no longer hashes to its hash;
     *     the target is then unchanged
     * @throws StoreException if the artifact is not stored, its size differs from the ref's, or
     *     reading or writing fails; the target is then unchanged
     */
    public void copyTo(ArtifactRef ref, Path target) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(target, "target");
        try (InputStream in = openVerified(ref.sha256(), ref.size())) {
            AtomicFiles.write(target, out -> in.transferTo(out));
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("Could not copy artifact " + ref + " from artifact store "
                    + directory + " to " + target + ": " + e, e);
        }
    }

    /**
     * Deletes an artifact, under the lock between processes.
     *
     * @param ref the artifact
     * @return {@code true} if it was stored and is now deleted, {@code false} if it was absent
     * @throws NullPointerException if {@code ref} is null
     * @throws StoreException if the file cannot be deleted or the lock not taken in time
     */
    public boolean delete(ArtifactRef ref) {
        Objects.requireNonNull(ref, "ref");
        Path file = fileOf(ref.sha256());
        return locked("delete artifact " + ref, () -> Files.deleteIfExists(file));
    }

    /**
     * Counts the stored artifacts.
     *
     * @return the number of artifacts in the directory
     * @throws StoreException if the directory cannot be listed
     */
    public long size() {
        try {
            return artifactFiles().size();
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("Could not list artifact store " + directory + ": " + e, e);
        }
    }

    /**
     * Deletes every artifact whose hash is not in {@code referenced}, and leftover temp files
     * older than {@link #TEMP_FILE_MAX_AGE}; the same as
     * {@link #collectGarbage(Set, Duration) collectGarbage(referenced, Duration.ZERO)}.
     *
     * @param referenced the hashes to keep, each as {@code sha256:<64 hex digits>} or the 64
     *     digits alone; hashes not stored are ignored
     * @return what was deleted and kept
     * @throws NullPointerException if {@code referenced} or one of its elements is null
     * @throws IllegalArgumentException if an element is not a hash; nothing is then deleted
     * @throws StoreException if listing or deleting fails or the lock is not taken in time
     */
    public GcResult collectGarbage(Set<String> referenced) {
        return collectGarbage(referenced, Duration.ZERO);
    }

    /**
     * Deletes every artifact whose hash is not in {@code referenced} and whose modification time
     * (set by its last put) is {@code keepNewerThan} or more before the store's clock's now, and
     * leftover temp files older than {@link #TEMP_FILE_MAX_AGE}. Runs under the lock between
     * processes, so no put completes while it runs.
     *
     * @param referenced the hashes to keep, each as {@code sha256:<64 hex digits>} or the 64
     *     digits alone; hashes not stored are ignored
     * @param keepNewerThan the grace period that protects artifacts just put whose refs are not
     *     yet recorded; {@link Duration#ZERO} for none
     * @return what was deleted and kept
     * @throws NullPointerException if an argument or an element of {@code referenced} is null
     * @throws IllegalArgumentException if an element is not a hash or {@code keepNewerThan} is
     *     negative; nothing is then deleted
     * @throws StoreException if listing or deleting fails or the lock is not taken in time
     */
    public GcResult collectGarbage(Set<String> referenced, Duration keepNewerThan) {
        Objects.requireNonNull(referenced, "referenced");
        Objects.requireNonNull(keepNewerThan, "keepNewerThan");
        if (keepNewerThan.isNegative()) {
            throw new IllegalArgumentException("keepNewerThan must not be negative but was "
                    + keepNewerThan);
        }
        Set<String> keep = new HashSet<>();
        for (String hash : referenced) {
            keep.add(ArtifactRef.parseHash(Objects.requireNonNull(hash,
                    "referenced must not contain null")));
        }
        return locked("collect garbage", () -> {
            Instant now = clock.instant();
            Instant youngAfter = now.minus(keepNewerThan);
            long deleted = 0;
            long bytesFreed = 0;
            long kept = 0;
            for (Path file : artifactFiles()) {
                if (keep.contains(hashOf(file)) || modified(file).isAfter(youngAfter)) {
                    kept++;
                } else {
                    long size = Files.size(file);
                    Files.delete(file);
                    deleted++;
                    bytesFreed += size;
                }
            }
            return new GcResult(deleted, bytesFreed, kept, deleteStaleTempFiles(now));
        });
    }

    @Override
    public String toString() {
        return "ArtifactStore[" + directory + "]";
    }

    private ArtifactRef store(InputStream in, String source) {
        Path tempFile = null;
        try {
            tempFile = Files.createFile(temp.resolve("put-" + UUID.randomUUID() + ".tmp"));
            ArtifactRef ref = writeAndForce(in, tempFile);
            Files.setLastModifiedTime(tempFile, FileTime.from(clock.instant()));
            makeReadOnly(tempFile);
            Path file = fileOf(ref.sha256());
            Path staged = tempFile;
            locked("put artifact " + ref, () -> {
                if (Files.exists(file)) {
                    Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
                    forceDirectory(file.getParent());
                }
                return ref;
            });
            return ref;
        } catch (IOException e) {
            throw new StoreException("Could not put " + source + " into artifact store "
                    + directory + ": " + e, e);
        } finally {
            deleteQuietly(tempFile);
        }
    }

    private static ArtifactRef writeAndForce(InputStream in, Path tempFile) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        byte[] buffer = new byte[BUFFER_SIZE];
        try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.WRITE)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
                size += n;
            }
            channel.force(true);
        }
        return new ArtifactRef(HEX.formatHex(digest.digest()), size);
    }

    private void makeReadOnly(Path file) throws IOException {
        if (posix) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.removeAll(Set.of(PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
            Files.setPosixFilePermissions(file, permissions);
        }
    }

    private static void forceDirectory(Path dir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            return; // Windows cannot open a directory as a channel; the move stands as it is
        }
        try (channel) {
            channel.force(true);
        }
    }

    private long deleteStaleTempFiles(Instant now) throws IOException {
        Instant staleBefore = now.minus(TEMP_FILE_MAX_AGE);
        long deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temp)) {
            for (Path file : files) {
                try {
                    if (modified(file).isBefore(staleBefore) && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (NoSuchFileException e) {
                    // a put outside the lock moved or deleted its temp file meanwhile
                }
            }
        }
        return deleted;
    }

    private byte[] readAll(String hash, long expectedSize) {
        try (InputStream in = openVerified(hash, expectedSize)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("Could not read artifact " + ArtifactRef.PREFIX + hash
                    + " (" + fileOf(hash) + "): " + e, e);
        }
    }

    private InputStream openVerified(String hash, long expectedSize) {
        Path file = fileOf(hash);
        try {
            return new VerifyingInput(Files.newInputStream(file), hash, expectedSize, file);
        } catch (NoSuchFileException e) {
            throw new StoreException("Artifact " + ArtifactRef.PREFIX + hash + " is not in"
                    + " artifact store " + directory + " (no file " + file + ")", e);
        } catch (IOException e) {
            throw new StoreException("Could not open artifact " + ArtifactRef.PREFIX + hash
                    + " (" + file + "): " + e, e);
        }
    }

    private List<Path> artifactFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(objects, 2)) {
            return paths.filter(p -> HASH.matcher(hashOf(p)).matches() && Files.isRegularFile(p))
                    .toList();
        }
    }

    private Path fileOf(String hash) {
        return objects.resolve(hash.substring(0, 2)).resolve(hash.substring(2));
    }

    private static String hashOf(Path file) {
        return String.valueOf(file.getParent().getFileName()) + file.getFileName();
    }

    private static Instant modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant();
    }

    private <T> T locked(String action, LockedWork<T> work) {
        synchronized (jvmLock) {
            InterProcessLock lock;
            try {
                lock = InterProcessLock.acquire(lockFile, LOCK_TIMEOUT, clock);
            } catch (LockTimeoutException | UncheckedIOException e) {
                throw new StoreException("Could not " + action + " in artifact store " + directory
                        + ": its lock " + lockFile + " was not taken: " + e.getMessage(), e);
            }
            try {
                return work.run();
            } catch (IOException e) {
                throw new StoreException("Could not " + action + " in artifact store " + directory
                        + ": " + e, e);
            } finally {
                lock.close();
            }
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left for the next garbage collection, which deletes stale temp files
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    /** Work done while holding the lock. */
    @FunctionalInterface
    private interface LockedWork<T> {
        T run() throws IOException;
    }

    /** A stream over an artifact's file that hashes what it reads and checks at the end. */
    private static final class VerifyingInput extends InputStream {
        private final InputStream in;
        private final String hash;
        private final long expectedSize;
        private final Path file;
        private final MessageDigest digest = sha256();
        private long count;
        private @Nullable String actual;

        VerifyingInput(InputStream in, String hash, long expectedSize, Path file) {
            this.in = in;
            this.hash = hash;
            this.expectedSize = expectedSize;
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) {
                verify();
            } else {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private void verify() {
            String found = actual;
            if (found == null) {
                found = HEX.formatHex(digest.digest());
                actual = found;
            }
            if (!found.equals(hash)) {
                throw new CorruptArtifactException(hash, file, found, count);
            }
            if (expectedSize != UNKNOWN_SIZE && count != expectedSize) {
                throw new StoreException("Artifact " + ArtifactRef.PREFIX + hash + " (" + file
                        + ") holds " + count + " bytes, but the ref asked for says " + expectedSize
                        + " bytes: the ref's size is wrong (its hash matches the content)");
            }
        }
    }
}
