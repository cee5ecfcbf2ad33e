package dev.mlops.monitor.window;

import dev.mlops.monitor.capture.CaptureStage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How captured records are cut into windows: tumbling windows of a stated duration aligned to a
 * stated origin, or consecutive windows of a stated number of records.
 *
 * <pre>{@code
 * Windowing hourly = Windowing.byTime(Duration.ofHours(1), Instant.parse("2026-12-01T00:00:00Z"))
 *         .withLateness(Duration.ofSeconds(5));
 * Windowing thousands = Windowing.byCount(1000).onlyStage(CaptureStage.AFTER_MODEL);
 * }</pre>
 *
 * <p><b>By time</b>, window {@code k} holds the records with {@code origin + k·size <= time <
 * origin + (k+1)·size} ({@code k} may be negative, before the origin). Records are expected in
 * time order, as a capture directory holds them; a record may come up to the
 * {@linkplain #withLateness(Duration) lateness} (zero by default) after a later one: a window is
 * closed once a record at least the lateness past its end has been seen, and a record for a
 * closed window is counted as late and left out. Windows without records between two with
 * records are handed on too, empty, so a timeline shows the gap.
 *
 * <p><b>By count</b>, window {@code k} holds records {@code k·size} to {@code (k+1)·size - 1} in
 * reading order; the last window may hold fewer.
 *
 * <p>{@linkplain #onlyStage(CaptureStage) One stage} may be chosen: records of other stages are
 * then skipped before windowing (count windows then count that stage's records). Immutable and
 * thread-safe.
 */
public final class Windowing {
    private final @Nullable Duration size;
    private final Instant origin;
    private final int count;
    private final Duration lateness;
    private final @Nullable CaptureStage stage;

    private Windowing(@Nullable Duration size, Instant origin, int count, Duration lateness,
            @Nullable CaptureStage stage) {
        this.size = size;
        this.origin = origin;
        this.count = count;
        this.lateness = lateness;
        this.stage = stage;
    }

    /**
     * Tumbling windows of {@code size}, aligned to {@code origin}.
     *
     * @param size the windows' duration, positive
     * @param origin the start of window 0
     * @return the windowing
     * @throws IllegalArgumentException if the size is zero or negative
     */
    public static Windowing byTime(Duration size, Instant origin) {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(origin, "origin");
        if (size.isZero() || size.isNegative()) {
            throw new IllegalArgumentException("size must be positive but was " + size);
        }
        return new Windowing(size, origin, 0, Duration.ZERO, null);
    }

    /**
     * Windows of {@code size} consecutive records.
     *
     * @param size the number of records per window, positive
     * @return the windowing
     * @throws IllegalArgumentException if the size is zero or negative
     */
    public static Windowing byCount(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive but was " + size);
        }
        return new Windowing(null, Instant.EPOCH, size, Duration.ZERO, null);
    }

    /**
     * Returns this time windowing with records accepted up to {@code lateness} out of time order.
     *
     * @param lateness how long a window stays open past its end, not negative
     * @return a new windowing
     * @throws IllegalArgumentException if the lateness is negative
     * @throws IllegalStateException if this windowing is by count
     */
    public Windowing withLateness(Duration lateness) {
        Objects.requireNonNull(lateness, "lateness");
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must not be negative but was " + lateness);
        }
        if (size == null) {
            throw new IllegalStateException("lateness applies to windows by time, not to " + this);
        }
        return new Windowing(size, origin, count, lateness, stage);
    }

    /**
     * Returns this windowing restricted to the records of one stage.
     *
     * @param stage the stage whose records are windowed
     * @return a new windowing
     */
    public Windowing onlyStage(CaptureStage stage) {
        return new Windowing(size, origin, count, lateness, Objects.requireNonNull(stage, "stage"));
    }

    /** @return the windows' duration if windows are by time */
    public Optional<Duration> duration() {
        return Optional.ofNullable(size);
    }

    /** @return the start of window 0 (the epoch for windows by count) */
    public Instant origin() {
        return origin;
    }

    /** @return the number of records per window if windows are by count */
    public Optional<Integer> count() {
        return size == null ? Optional.of(count) : Optional.empty();
    }

    /** @return how long a time window stays open past its end; zero for windows by count */
    public Duration lateness() {
        return lateness;
    }

    /** @return the only stage windowed, if one was chosen */
    public Optional<CaptureStage> stage() {
        return Optional.ofNullable(stage);
    }

    /** The index of the time window holding {@code time}. */
    long index(Instant time) {
        Duration since = Duration.between(origin, time);
        Duration width = Objects.requireNonNull(size);
        long index = since.dividedBy(width);
        return since.isNegative() && !width.multipliedBy(index).equals(since) ? index - 1 : index;
    }

    /** The start of time window {@code index}. */
    Instant start(long index) {
        return origin.plus(Objects.requireNonNull(size).multipliedBy(index));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Windowing that && Objects.equals(size, that.size) && origin.equals(that.origin)
                && count == that.count && lateness.equals(that.lateness) && Objects.equals(stage, that.stage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, origin, count, lateness, stage);
    }

    /** @return {@code time(PT1H, origin=…, lateness=…)} or {@code count(1000)}, with the stage if one was chosen */
    @Override
    public String toString() {
        String text = size == null ? "count(" + count : "time(" + size + ", origin=" + origin + ", lateness=" + lateness;
        return text + (stage == null ? "" : ", stage=" + stage) + ")";
    }
}
