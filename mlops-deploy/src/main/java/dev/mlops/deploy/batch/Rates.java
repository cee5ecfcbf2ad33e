package dev.mlops.deploy.batch;

import java.time.Duration;

/** Rates of a count over a time, shared by progress and summary. */
final class Rates {
    private static final double NANOS_PER_SECOND = 1e9;

    private Rates() {
        throw new AssertionError("no instances");
    }

    /**
     * @param count a count
     * @param elapsed the time it took
     * @return the count per second, 0 when no time passed
     */
    static double perSecond(long count, Duration elapsed) {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0.0 : count * NANOS_PER_SECOND / nanos;
    }
}
