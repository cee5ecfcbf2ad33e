package dev.mlops.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a transaction is tried again when the database reports a transient conflict (SQLite
 * busy or locked, a PostgreSQL serialization failure or deadlock), and how long to wait between
 * tries: the wait doubles from {@code firstBackoff} up to {@code maxBackoff}.
 *
 * <p>A transaction is retried only as a whole (the failed attempt is rolled back first), so work
 * given to {@link Database#write} must not have effects outside the database, or must tolerate
 * running more than once.
 *
 * @param maxAttempts the number of attempts in all, at least 1 (1 means no retry)
 * @param firstBackoff the wait after the first failed attempt, not negative
 * @param maxBackoff the longest wait between attempts, at least {@code firstBackoff}
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    /** The default: 10 attempts, waiting 10 ms, 20 ms, ... up to 1 s between them. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofSeconds(1));
    /** One attempt: a conflict fails at once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /**
     * Checks the policy.
     *
     * @param maxAttempts the number of attempts in all, at least 1
     * @param firstBackoff the wait after the first failed attempt, not negative
     * @param maxBackoff the longest wait, at least {@code firstBackoff}
     * @throws IllegalArgumentException if a bound is violated
     */
    public RetryPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
        }
        if (firstBackoff.isNegative()) {
            throw new IllegalArgumentException("firstBackoff must not be negative but was " + firstBackoff);
        }
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff must be at least firstBackoff (" + firstBackoff + ") but was " + maxBackoff);
        }
    }

    /**
     * The wait after a failed attempt.
     *
     * @param failedAttempt the 1-based number of the attempt that failed
     * @return {@code firstBackoff} doubled {@code failedAttempt - 1} times, at most {@code maxBackoff}
     * @throws IllegalArgumentException if {@code failedAttempt} is below 1
     */
    public Duration backoff(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("failedAttempt must be at least 1 but was " + failedAttempt);
        }
        Duration wait = firstBackoff;
        for (int i = 1; i < failedAttempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
