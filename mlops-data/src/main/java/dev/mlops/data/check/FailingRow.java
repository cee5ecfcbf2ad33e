package dev.mlops.data.check;

import java.util.Objects;

/**
 * One row that failed a row-level check, as a report shows it.
 *
 * @param row the 0-based row of the checked table
 * @param value the checked value(s) of that row as text: {@code "-3"}, {@code "id=7, day=2024-01-02"},
 *     or {@code "<missing>"}; each name and value cut and escaped as
 *     {@link dev.mlops.core.text.ReadableText#name(String)} does
 */
public record FailingRow(int row, String value) {

    /**
     * Validates the row.
     *
     * @param row the 0-based row of the checked table
     * @param value the checked value(s) of that row as text: {@code "-3"}, {@code "id=7, day=2024-01-02"},
     *     or {@code "<missing>"}; each name and value cut and escaped as
     *     {@link dev.mlops.core.text.ReadableText#name(String)} does
     * @throws IllegalArgumentException if {@code row} is negative
     */
    public FailingRow {
        Objects.requireNonNull(value, "value");
        if (row < 0) {
            throw new IllegalArgumentException("row must not be negative but was " + row);
        }
    }
}
