package dev.mlops.train.analysis;

import dev.mlops.train.significance.BootstrapInterval;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model's metric on the rows of one slice.
 *
 * @param slice the slice's name
 * @param rows how many of the rows the slice holds
 * @param value the metric on them; NaN for an empty slice or where the metric is undefined
 * @param interval its bootstrap interval over resampled rows of the slice, or null for an empty slice
 */
public record SliceMetric(String slice, int rows, double value, @Nullable BootstrapInterval interval) {
    /**
     * Checks the parts.
     *
     * @param slice the name
     * @param rows the rows, at least 0
     * @param value the value
     * @param interval the interval, or null
     */
    public SliceMetric {
        Objects.requireNonNull(slice, "slice");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0, but was " + rows);
        }
    }
}
