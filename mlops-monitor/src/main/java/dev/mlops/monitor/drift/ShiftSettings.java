package dev.mlops.monitor.drift;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@code "shift"} detector, as a spec string such as
 * {@code shift(measure=MEAN, threshold=0.2)} names them.
 *
 * @param measure what shifts
 * @param threshold the least absolute shift that is drift, a finite number above 0; default the
 *     measure's {@link ShiftMeasure#defaultThreshold()}
 */
public record ShiftSettings(ShiftMeasure measure, @Nullable Double threshold) {

    /**
     * Fills in the default and validates.
     *
     * @param measure what shifts
     * @param threshold the least absolute shift that is drift, above 0; default the measure's
     * @throws IllegalArgumentException if {@code threshold} is not a finite number above 0
     */
    public ShiftSettings {
        Objects.requireNonNull(measure, "measure");
        threshold = Thresholds.distance(threshold == null ? measure.defaultThreshold() : threshold);
    }
}
