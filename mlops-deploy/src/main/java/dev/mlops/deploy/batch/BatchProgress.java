package dev.mlops.deploy.batch;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a running batch transform is, reported after each completed chunk.
 *
 * @param rows the rows done (predicted or set apart), those of an earlier run it resumed included
 * @param errors the rows set apart in the error file, those of an earlier run included
 * @param rowsThisRun the rows this run did
 * @param bytesDone the input bytes done, an earlier run's included
 * @param bytesThisRun the input bytes this run did
 * @param bytesTotal the input's size in bytes
 * @param elapsed the time since this run started
 */
public record BatchProgress(long rows, long errors, long rowsThisRun, long bytesDone, long bytesThisRun,
        long bytesTotal, Duration elapsed) {

    /**
     * Checks the values.
     *
     * @param rows the rows done
     * @param errors the rows set apart
     * @param rowsThisRun the rows this run did
     * @param bytesDone the input bytes done
     * @param bytesThisRun the input bytes this run did
     * @param bytesTotal the input's size
     * @param elapsed the time since this run started
     * @throws IllegalArgumentException if a count is negative or the elapsed time is
     */
    public BatchProgress {
        Objects.requireNonNull(elapsed, "elapsed");
        if (rows < 0 || errors < 0 || rowsThisRun < 0 || bytesDone < 0 || bytesThisRun < 0 || bytesTotal < 0
                || elapsed.isNegative()) {
            throw new IllegalArgumentException("progress counts and time must not be negative but were rows="
                    + rows + ", errors=" + errors + ", rowsThisRun=" + rowsThisRun + ", bytesDone=" + bytesDone
                    + ", bytesThisRun=" + bytesThisRun + ", bytesTotal=" + bytesTotal + ", elapsed=" + elapsed);
        }
    }

    /** @return the rows this run did per second, 0 before any time passed */
    public double rowsPerSecond() {
        return Rates.perSecond(rowsThisRun, elapsed);
    }

    /** @return the fraction of the input's bytes done, in [0, 1] (1 for an empty input) */
    public double fraction() {
        return bytesTotal == 0 ? 1.0 : Math.min(1.0, (double) bytesDone / bytesTotal);
    }

    /**
     * @return the time left at this run's rate of bytes, or empty before this run did any bytes
     *     or any time passed
     */
    public Optional<Duration> eta() {
        if (bytesThisRun == 0 || elapsed.isZero()) {
            return Optional.empty();
        }
        double left = Math.max(0, bytesTotal - bytesDone);
        return Optional.of(Duration.ofNanos((long) (left / bytesThisRun * elapsed.toNanos())));
    }
}
