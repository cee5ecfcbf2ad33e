package dev.mlops.examples.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The simulated time of the operations half: a UTC {@link Clock} that stands still until the walk
 * moves it forward, so a stream of requests, the canary's bake times and the late labels pass in
 * simulated hours without sleeping.
 *
 * <p>The walk keeps its own clock rather than mlops-testkit's {@code ManualClock} so that a
 * program like this one needs nothing of the test kit at run time: the test kit brings JUnit and
 * an embedded PostgreSQL onto the classpath, and an application should not ship them. This clock
 * only moves forward, which is all a replayed stream needs. Thread-safe: the endpoint and the
 * capture writer read it while the walk advances it.
 */
final class SimulatedClock extends Clock {
    private volatile Instant now;

    /**
     * A clock standing at an instant.
     *
     * @param start the first instant it reads
     */
    SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the clock forward.
     *
     * @param amount how far, zero or more
     * @return the instant it reads from now on
     * @throws IllegalArgumentException if the amount is negative
     */
    synchronized Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the simulated clock only moves forward, but was asked to move "
                    + amount);
        }
        now = now.plus(amount);
        return now;
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
     * @param zone the zone asked for
     * @return this clock, when the zone is UTC
     * @throws UnsupportedOperationException for any other zone: the simulated time is UTC only
     */
    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("the simulated clock reads UTC only, not " + zone);
    }
}
