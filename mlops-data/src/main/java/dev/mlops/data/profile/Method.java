package dev.mlops.data.profile;

/** How a statistic was computed: exactly from every value, or estimated by a sketch. */
public enum Method {
    /** Computed from every value; no estimation error. */
    EXACT,
    /** Estimated by an Apache DataSketches sketch, within the error the profile states. */
    SKETCH
}
