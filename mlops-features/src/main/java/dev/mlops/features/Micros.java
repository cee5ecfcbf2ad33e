package dev.mlops.features;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The store keeps times as epoch microseconds: finer parts of an instant are dropped. */
final class Micros {
    private static final long PER_SECOND = 1_000_000L;

    private Micros() {
        throw new AssertionError("no instances");
    }

    /**
     * @param time an instant
     * @return its epoch microseconds, rounded down
     */
    static long of(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), PER_SECOND), time.getNano() / 1000);
    }

    /**
     * @param value a record's value
     * @return the value, an instant cut to whole microseconds as the store keeps it
     */
    static @Nullable Object truncate(@Nullable Object value) {
        return value instanceof Instant time ? instant(of(time)) : value;
    }

    /**
     * @param micros epoch microseconds
     * @return the instant
     */
    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1000);
    }
}
