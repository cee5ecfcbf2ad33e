package dev.mlops.data.leakage;

import java.util.Objects;

/**
 * A row of the table that was split, and the set it is in.
 *
 * @param set the set's name
 * @param row the 0-based row of the whole table (not of the set); for sets given as tables of
 *     their own ({@link LeakageCheck#run(java.util.Map)}), the 0-based row of the set's table
 */
public record SetRow(String set, int row) {

    /**
     * Validates the row.
     *
     * @param set the set's name
     * @param row the 0-based row of the whole table (not of the set); for sets given as tables of
     *     their own ({@link LeakageCheck#run(java.util.Map)}), the 0-based row of the set's table
     * @throws IllegalArgumentException if the row is negative
     */
    public SetRow {
        Objects.requireNonNull(set, "set");
        if (row < 0) {
            throw new IllegalArgumentException("row must not be negative but was " + row);
        }
    }

    @Override
    public String toString() {
        return set + " row " + row;
    }
}
