package dev.mlops.features;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the store tests set and move by hand; thread-safe. */
final class StoreClock extends Clock {
    private volatile Instant now;

    StoreClock(Instant start) {
        this.now = start;
    }

    synchronized Instant advance(Duration amount) {
        now = now.plus(amount);
        return now;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a store clock stays in UTC");
    }
}
