package dev.mlops.monitor.change;

import java.util.Objects;

/**
 * A detected change with its shape, from {@link ChangeDetector#scan(java.util.List)}.
 *
 * @param change the change as the tracker reported it
 * @param shape the step-or-ramp fit on the segment around it
 */
public record ShapedChange(Change change, ShapeFit shape) {

    /**
     * Checks that both parts are present.
     *
     * @param change the change
     * @param shape the fit
     */
    public ShapedChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(shape, "shape");
    }
}
