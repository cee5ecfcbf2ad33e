package dev.mlops.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told, for testing what stamps, waits or expires without sleeping.
 * Thread-safe; always in UTC.
 */
public final class ManualClock extends Clock {
    private volatile Instant now;

    /**
     * Creates a clock at an instant.
     *
     * @param start the first instant it reads
     */
    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the clock forward (or back, with a negative amount).
     *
     * @param amount how far
     * @return the new instant
     */
    public synchronized Instant advance(Duration amount) {
        now = now.plus(Objects.requireNonNull(amount, "amount"));
        return now;
    }

    /**
     * Sets the clock.
     *
     * @param instant the instant it reads from now on
     */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * Refuses another zone: a manual clock reads UTC only.
     *
     * @param zone the zone asked for
     * @return this clock when the zone is UTC
     * @throws UnsupportedOperationException for any other zone
     */
    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a ManualClock reads UTC only, not " + zone);
    }
}
