package dev.mlops.core.io;

import dev.mlops.core.MlopsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Thrown when an {@link InterProcessLock} could not be acquired within its timeout because
 * another process, or another holder in this JVM, kept the lock.
 *
 * <p>The lock file is kept as text (as {@link Path#toString()} gave it) so that the exception
 * stays serializable.
 */
public class LockTimeoutException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** The lock file that stayed locked, as text. */
    private final String lockFile;
    /** How long the caller waited. */
    private final Duration timeout;

    /**
     * Creates the exception for a lock file and the timeout that expired.
     *
     * @param lockFile the lock file that stayed locked
     * @param timeout how long the caller waited
     */
    public LockTimeoutException(Path lockFile, Duration timeout) {
        super("Could not lock " + Objects.requireNonNull(lockFile, "lockFile") + " within "
                + Objects.requireNonNull(timeout, "timeout")
                + ": another process, or another holder in this JVM, kept it locked");
        this.lockFile = lockFile.toString();
        this.timeout = timeout;
    }

    /**
     * Returns the lock file that stayed locked, as text.
     *
     * @return the lock file's path
     */
    public String lockFile() {
        return lockFile;
    }

    /**
     * Returns how long the caller waited.
     *
     * @return the timeout that expired
     */
    public Duration timeout() {
        return timeout;
    }
}
