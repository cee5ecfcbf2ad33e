package dev.mlops.core.io;

import dev.mlops.core.MlopsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An exclusive lock shared by processes (and by threads of one JVM) through an operating-system
 * lock on a lock file, released by {@link #close()}:
 *
 * <pre>{@code
 * try (InterProcessLock lock = InterProcessLock.acquire(dir.resolve(".lock"), Duration.ofSeconds(30))) {
 *     // only one process at a time gets here
 * }
 * }</pre>
 *
 * <p>({@code javac -Xlint:try} flags a resource the block never mentions; mention it, for
 * example with {@link #isHeld()} in an assertion, or suppress {@code "try"} there.)
 *
 * <p>The lock belongs to the JVM, not to a thread: it is not reentrant (a second
 * {@code acquire} in the same JVM, even from the same thread, waits like any other), and any
 * thread may close it. Within one JVM the holders are tracked in memory, so a second acquirer
 * sees the lock as held rather than failing with {@link OverlappingFileLockException}. The lock
 * is released when it is closed or when the process ends, even by a crash, so a dead holder
 * never blocks others.
 *
 * <p>Rules for the lock file: use a dedicated file that nothing else in this JVM opens. On
 * POSIX systems closing any descriptor a process holds for a file drops all of that process's
 * locks on it, so reading or writing the lock file elsewhere in the JVM silently releases the
 * lock (a hard link to it counts as the same file). The file and its parent directories are
 * created if absent, and the file is left in place after release: deleting it could let two
 * processes hold locks on two different files of the same name. Whether locks work on network
 * file systems depends on the file system.
 *
 * <p>Failures: a file-system failure surfaces as {@link UncheckedIOException} naming the lock
 * file; a lock not acquired in time as {@link LockTimeoutException}.
 */
public final class InterProcessLock implements AutoCloseable {

    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long MAX_PAUSE_MILLIS = 100;
    /** Real paths of the lock files this JVM holds; guarded by itself. */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path lockFile;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private InterProcessLock(Path lockFile, Path key, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Acquires the lock, waiting up to {@code timeout} for other holders to release it.
     *
     * @param lockFile the lock file, created with its parent directories if absent
     * @param timeout how long to wait; zero tries once
     * @return the held lock; close it to release
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws LockTimeoutException if the lock is still held by another when the timeout ends
     * @throws MlopsException if the thread is interrupted while waiting (its interrupt status
     *     is restored)
     * @throws UncheckedIOException if the lock file cannot be created or opened
     */
    public static InterProcessLock acquire(Path lockFile, Duration timeout) {
        return acquire(lockFile, timeout, Clock.systemUTC());
    }

    /**
     * Acquires the lock, waiting until {@code clock} reaches the deadline {@code timeout} after
     * the call. The pauses between attempts (5 ms growing to 100 ms) are real time; the clock
     * decides only when to give up.
     *
     * @param lockFile the lock file, created with its parent directories if absent
     * @param timeout how long to wait, measured on {@code clock}; zero tries once
     * @param clock the time source for the deadline
     * @return the held lock; close it to release
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws LockTimeoutException if the lock is still held by another at the deadline
     * @throws MlopsException if the thread is interrupted while waiting (its interrupt status
     *     is restored)
     * @throws UncheckedIOException if the lock file cannot be created or opened
     */
    public static InterProcessLock acquire(Path lockFile, Duration timeout, Clock clock) {
        Objects.requireNonNull(lockFile, "lockFile");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative but was " + timeout);
        }
        Instant deadline = deadline(clock.instant(), timeout);
        long pauseMillis = FIRST_PAUSE_MILLIS;
        while (true) {
            Optional<InterProcessLock> acquired = tryAcquire(lockFile);
            if (acquired.isPresent()) {
                return acquired.get();
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw new LockTimeoutException(lockFile, timeout);
            }
            Duration left = Duration.between(now, deadline);
            long sleepMillis = left.compareTo(Duration.ofMillis(pauseMillis)) < 0
                    ? Math.max(1, left.toMillis()) : pauseMillis;
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MlopsException("Interrupted while waiting to lock " + lockFile, e);
            }
            pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
        }
    }

    /**
     * Acquires the lock if nobody holds it, without waiting.
     *
     * @param lockFile the lock file, created with its parent directories if absent
     * @return the held lock, or empty if another process or holder in this JVM has it
     * @throws UncheckedIOException if the lock file cannot be created or opened
     */
    public static Optional<InterProcessLock> tryAcquire(Path lockFile) {
        Objects.requireNonNull(lockFile, "lockFile");
        synchronized (HELD) {
            FileChannel channel = null;
            try {
                Path parent = lockFile.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                createIfAbsent(lockFile);
                Path key = lockFile.toRealPath();
                if (HELD.contains(key)) {
                    return Optional.empty();
                }
                channel = FileChannel.open(key, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    channel.close();
                    return Optional.empty();
                }
                HELD.add(key);
                return Optional.of(new InterProcessLock(lockFile, key, channel, lock));
            } catch (IOException e) {
                closeAfterFailure(channel, e);
                throw new UncheckedIOException("Could not lock " + lockFile + ": " + e, e);
            } catch (RuntimeException | Error e) {
                closeAfterFailure(channel, e);
                throw e;
            }
        }
    }

    /**
     * Returns the lock file, as given when the lock was acquired.
     *
     * @return the lock file
     */
    public Path lockFile() {
        return lockFile;
    }

    /**
     * Tells whether this lock is still held, that is, not yet closed.
     *
     * @return {@code true} until {@link #close()}
     */
    public boolean isHeld() {
        synchronized (HELD) {
            return !released;
        }
    }

    /**
     * Releases the lock so another process or holder can take it. Closing again does nothing.
     *
     * @throws UncheckedIOException if releasing the lock or closing the file fails; the lock
     *     counts as released in this JVM either way
     */
    @Override
    public void close() {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            IOException problem = null;
            try {
                lock.release();
            } catch (IOException e) {
                problem = e;
            } finally {
                try {
                    channel.close();
                } catch (IOException e) {
                    if (problem == null) {
                        problem = e;
                    } else {
                        problem.addSuppressed(e);
                    }
                }
                HELD.remove(key);
            }
            if (problem != null) {
                throw new UncheckedIOException("Could not release lock " + lockFile + ": "
                        + problem, problem);
            }
        }
    }

    @Override
    public String toString() {
        return "InterProcessLock[" + lockFile + (isHeld() ? ", held]" : ", released]");
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Another channel of this JVM locks the same file (a hard link, or code outside
            // this class): held, as far as this caller is concerned.
            return null;
        }
    }

    private static void createIfAbsent(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // the usual case: the lock file stays between uses
        }
    }

    private static Instant deadline(Instant start, Duration timeout) {
        try {
            return start.plus(timeout);
        } catch (DateTimeException | ArithmeticException e) {
            return Instant.MAX;
        }
    }

    private static void closeAfterFailure(@Nullable FileChannel channel, Throwable failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
