package dev.mlops.data.check;

import java.util.List;
import java.util.Objects;

/**
 * A row that a {@link CheckSuite} set apart, and why.
 *
 * @param row the 0-based row of the checked table
 * @param checks the names of the error-severity row checks it failed, in suite order, unmodifiable
 */
public record QuarantinedRow(int row, List<String> checks) {

    /**
     * Copies the names.
     *
     * @param row the 0-based row of the checked table
     * @param checks the names of the error-severity row checks it failed, in suite order, unmodifiable
     * @throws IllegalArgumentException if the row is negative or no check is named
     */
    public QuarantinedRow {
        if (row < 0) {
            throw new IllegalArgumentException("row must not be negative but was " + row);
        }
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a quarantined row must name the checks it failed");
        }
    }
}
