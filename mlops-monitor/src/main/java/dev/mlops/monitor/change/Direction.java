package dev.mlops.monitor.change;

/** Which way a series' level changed. */
public enum Direction {
    /** The level rose. */
    UP,
    /** The level fell. */
    DOWN
}
