package dev.mlops.monitor.change;

import java.util.Objects;

/**
 * The best step and the best linear ramp fitted to a segment of a series, and the shape the
 * rule of {@link ChangeShapes} picks. Indices are positions in the segment, from 0. Immutable.
 *
 * @param shape {@link Shape#GRADUAL} if the ramp wins by the rule, else {@link Shape#ABRUPT}
 * @param start the first value the winning model moves on: the step's first new value or the
 *     ramp's first rising (or falling) value
 * @param length how many values the move takes: 1 for a step, the ramp's length for a ramp
 * @param before the fitted level before the move
 * @param after the fitted level after the move (the ramp's end level)
 * @param stepSse the residual sum of squares of the best step
 * @param rampSse the residual sum of squares of the best ramp of length at least 2
 * @param size how many values the segment held
 */
public record ShapeFit(Shape shape, int start, int length, double before, double after, double stepSse,
        double rampSse, int size) {

    /**
     * Checks the shape is present.
     *
     * @param shape the shape
     * @param start the first value the move touches
     * @param length the move's length
     * @param before the level before
     * @param after the level after
     * @param stepSse the best step's residual sum of squares
     * @param rampSse the best ramp's residual sum of squares
     * @param size the segment's size
     */
    public ShapeFit {
        Objects.requireNonNull(shape, "shape");
    }
}
