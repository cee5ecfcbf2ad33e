package dev.mlops.data.profile;

import dev.mlops.core.table.ColumnType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The profile of a timestamp column: counts and the earliest and latest instant, all exact and
 * exactly mergeable. Distinct counts and quantiles of timestamps are not profiled.
 *
 * @param name the column's name
 * @param count the number of rows
 * @param missing the number of missing rows
 * @param min the earliest instant, or null when no value is present
 * @param max the latest instant, or null when no value is present
 */
public record TimestampProfile(String name, long count, long missing, @Nullable Instant min, @Nullable Instant max)
        implements ColumnProfile {

    /**
    * Validates the counts and that min and max are both present or both absent.
    *
    * @param name the column's name
    * @param count the number of rows
    * @param missing the number of missing rows
    * @param min the earliest instant, or null when no value is present
    * @param max the latest instant, or null when no value is present
    */
    public TimestampProfile {
        Objects.requireNonNull(name, "name");
        if (count < 0 || missing < 0 || missing > count) {
            throw new IllegalArgumentException("need 0 <= missing <= count but missing was " + missing
                    + " and count " + count);
        }
        if ((min == null) != (max == null) || (min == null) != (missing == count)) {
            throw new IllegalArgumentException("min and max must be present exactly when a value is present");
        }
    }

    @Override
    public ColumnType type() {
        return ColumnType.TIMESTAMP;
    }

    /** @return the earliest instant, empty when no value is present */
    public Optional<Instant> earliest() {
        return Optional.ofNullable(min);
    }

    /** @return the latest instant, empty when no value is present */
    public Optional<Instant> latest() {
        return Optional.ofNullable(max);
    }

    TimestampProfile merge(TimestampProfile other) {
        Instant lo = min == null ? other.min : other.min == null || min.isBefore(other.min) ? min : other.min;
        Instant hi = max == null ? other.max : other.max == null || max.isAfter(other.max) ? max : other.max;
        return new TimestampProfile(name, count + other.count, missing + other.missing, lo, hi);
    }
}
