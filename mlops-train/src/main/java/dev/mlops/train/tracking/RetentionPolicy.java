package dev.mlops.train.tracking;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Which ended runs of each experiment to keep: the newest {@code N}, those younger than an age, or
 * both (a run is kept if either keeps it). Runs still running are always kept. Applied with
 * {@link TrackingStore#applyRetention}, which deletes the others and then the artifacts no run
 * references any more.
 *
 * <pre>{@code
 * tracking.applyRetention(RetentionPolicy.keepLast(50).orYoungerThan(Duration.ofDays(90)));
 * }</pre>
 */
public final class RetentionPolicy {
    private final @Nullable Integer keepLast;
    private final @Nullable Duration maxAge;

    private RetentionPolicy(@Nullable Integer keepLast, @Nullable Duration maxAge) {
        this.keepLast = keepLast;
        this.maxAge = maxAge;
    }

    /**
     * Keeps the newest runs of each experiment (by start time).
     *
     * @param runs how many, at least 1
     * @return the policy
     * @throws IllegalArgumentException if {@code runs} is below 1
     */
    public static RetentionPolicy keepLast(int runs) {
        return new RetentionPolicy(checkRuns(runs), null);
    }

    /**
     * Keeps runs that started less than an age ago.
     *
     * @param age positive
     * @return the policy
     * @throws IllegalArgumentException if the age is not positive
     */
    public static RetentionPolicy youngerThan(Duration age) {
        return new RetentionPolicy(null, checkAge(age));
    }

    /**
     * Also keeps runs that started less than an age ago.
     *
     * @param age positive
     * @return the combined policy
     * @throws IllegalArgumentException if the age is not positive
     */
    public RetentionPolicy orYoungerThan(Duration age) {
        return new RetentionPolicy(keepLast, checkAge(age));
    }

    /**
     * Also keeps the newest runs of each experiment.
     *
     * @param runs at least 1
     * @return the combined policy
     * @throws IllegalArgumentException if {@code runs} is below 1
     */
    public RetentionPolicy orLast(int runs) {
        return new RetentionPolicy(checkRuns(runs), maxAge);
    }

    /** @return how many of the newest runs each experiment keeps, if the policy says */
    public OptionalInt keepLast() {
        return keepLast == null ? OptionalInt.empty() : OptionalInt.of(keepLast);
    }

    /** @return the age under which runs are kept, if the policy says */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    @Override
    public String toString() {
        return "RetentionPolicy[" + (keepLast == null ? "" : "keep last " + keepLast)
                + (keepLast != null && maxAge != null ? " or " : "")
                + (maxAge == null ? "" : "younger than " + maxAge) + "]";
    }

    private static int checkRuns(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("the number of runs to keep must be at least 1 but was " + runs);
        }
        return runs;
    }

    private static Duration checkAge(Duration age) {
        Objects.requireNonNull(age, "age");
        if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("the age to keep must be positive but was " + age);
        }
        return age;
    }
}
