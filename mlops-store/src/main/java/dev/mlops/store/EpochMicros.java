package dev.mlops.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Instants as epoch microseconds, the one time unit the stores keep in {@code bigint} columns
 * (lineage windows, the feature store's event and write times): a finer part is dropped, and
 * reading back gives the instant at that microsecond. Stateless.
 */
public final class EpochMicros {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;

    private EpochMicros() {
        throw new AssertionError("no instances");
    }

    /**
     * @param instant an instant
     * @return its epoch microseconds, the nanoseconds below a microsecond dropped
     * @throws ArithmeticException if the instant is beyond a long's microseconds (about 292,000 years)
     */
    public static long of(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return of(instant.getEpochSecond(), instant.getNano());
    }

    /**
     * The same as {@link #of(Instant)} for an instant given by its parts, without making one.
     *
     * @param epochSecond seconds since the epoch
     * @param nano the nanoseconds within that second, 0 to 999,999,999
     * @return the epoch microseconds
     * @throws ArithmeticException if beyond a long's microseconds
     */
    public static long of(long epochSecond, int nano) {
        return Math.addExact(Math.multiplyExact(epochSecond, MICROS_PER_SECOND), nano / NANOS_PER_MICRO);
    }

    /**
     * @param micros epoch microseconds
     * @return the instant
     */
    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * NANOS_PER_MICRO);
    }
}
