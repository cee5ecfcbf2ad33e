package dev.mlops.monitor.change;

/** How a series' level changed, as {@link ChangeShapes} tells it. */
public enum Shape {
    /** A step: the level jumped from one value to the next. */
    ABRUPT,
    /** A ramp: the level moved over several values. */
    GRADUAL
}
