package dev.mlops.data.check;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A row that a {@link CheckSuite} set apart, and why.
 *
 * @param row the 0-based row: of the checked table, or for a {@link dev.mlops.data.io.Batch} with
 *     known origins, of its input in input order (the rows that could not be read counted)
 * @param line the physical 1-based line of the file the row starts on, when the rows' origins are
 *     known; empty for a table alone
 * @param checks why: the names of the error-severity row checks it failed, in suite order, or for
 *     a row that could not be read, the schema check's finding for each bad cell, such as
 *     {@code schema(age): expected a number but found "abc"}; unmodifiable
 */
public record QuarantinedRow(int row, OptionalLong line, List<String> checks) {

    /**
     * Copies the names.
     *
     * @param row the 0-based row: of the checked table, or for a {@link dev.mlops.data.io.Batch} with
     *     known origins, of its input in input order (the rows that could not be read counted)
     * @param line the physical 1-based line of the file the row starts on, when the rows' origins are
     *     known; empty for a table alone
     * @param checks why: the names of the error-severity row checks it failed, in suite order, or for
     *     a row that could not be read, the schema check's finding for each bad cell, such as
     *     {@code schema(age): expected a number but found "abc"}; unmodifiable
     * @throws IllegalArgumentException if the row is negative, the line below 1, or no reason is given
     */
    public QuarantinedRow {
        BatchRows.requireLocation(row, line);
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a quarantined row must name the checks it failed");
        }
    }

    /**
     * A quarantined row of a table whose rows' lines are not known.
     *
     * @param row the 0-based row of the checked table
     * @param checks the names of the error-severity row checks it failed, in suite order
     * @throws IllegalArgumentException if the row is negative or no check is named
     */
    public QuarantinedRow(int row, List<String> checks) {
        this(row, OptionalLong.empty(), checks);
    }

    /** @return where the row is, for people: {@code "line 5, row 3"}, or {@code "row 3"} */
    public String location() {
        return BatchRows.location(row, line);
    }
}
