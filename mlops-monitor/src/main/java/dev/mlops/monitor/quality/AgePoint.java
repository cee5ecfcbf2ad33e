package dev.mlops.monitor.quality;

import java.time.Duration;
import java.util.Objects;

/**
 * One point of a model-age series: how old the model was in a window and how well it did there.
 *
 * @param window the window's index
 * @param age the window's start minus the model's training time
 * @param value the metric's value in the window
 */
public record AgePoint(long window, Duration age, double value) {

    /**
     * Checks the age.
     *
     * @param window the window's index
     * @param age the model's age
     * @param value the metric's value
     */
    public AgePoint {
        Objects.requireNonNull(age, "age");
    }
}
