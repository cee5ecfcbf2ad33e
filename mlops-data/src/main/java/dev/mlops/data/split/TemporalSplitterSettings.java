package dev.mlops.data.split;

import dev.mlops.core.component.ComponentType;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The settings of the {@code temporal} splitter ({@link Splitters#temporal}): the first set gets
 * the oldest rows; with a gap, the rows within it after each set's latest time are in no set.
 * It draws nothing at random, so it has no seed. Spec string:
 * {@code temporal(time=at, gap=P7D, newest={name=recent, fraction=0.1})}.
 *
 * @param sizes the sets in time order, or a policy that chooses them by the row count;
 *     {@link SizePolicy#guide()} when absent
 * @param time the timestamp column of event times; required, not blank
 * @param gap the gap, an ISO-8601 duration such as {@code P7D}; zero when absent, never negative
 * @param newest the extra set of the newest rows, or null for none
 */
public record TemporalSplitterSettings(SizePolicy sizes, String time, Duration gap, @Nullable NewestSet newest)
        implements Guarantee.TimeColumn {

    /**
     * Checks the column and gap and defaults the absent settings.
     *
     * @param sizes the sets in time order, or a policy that chooses them by the row count;
     *     {@link SizePolicy#guide()} when absent
     * @param time the timestamp column of event times; required, not blank
     * @param gap the gap, an ISO-8601 duration such as {@code P7D}; zero when absent, never negative
     * @param newest the extra set of the newest rows, or null for none
     * @throws IllegalArgumentException if the time column is absent or blank, or the gap is negative
     */
    public TemporalSplitterSettings {
        sizes = sizes == null ? SizePolicy.guide() : sizes;
        time = SplitSupport.requireColumn(time, "time");
        gap = gap == null ? Duration.ZERO : gap;
        if (gap.isNegative()) {
            throw new IllegalArgumentException("gap must not be negative but was " + gap);
        }
    }

    /** The component type {@code temporal}, registered for the {@link java.util.ServiceLoader}; immutable. */
    public static final class Type extends ComponentType<Splitter, TemporalSplitterSettings> {
        /** Describes the type. */
        public Type() {
            super(Splitter.class, "temporal", TemporalSplitterSettings.class, "orders the sets by time, with an optional gap and newest set");
        }

        @Override
        public Splitter create(TemporalSplitterSettings settings) {
            return new TemporalSplitter(settings);
        }
    }
}
