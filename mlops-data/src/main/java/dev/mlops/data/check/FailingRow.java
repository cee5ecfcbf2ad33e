package dev.mlops.data.check;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One row that failed a row-level check, or that could not be read, as a report shows it.
 *
 * @param row the 0-based row: of the checked table, or for a {@link dev.mlops.data.io.Batch} with
 *     known origins, of its input in input order (the rows that could not be read counted), so
 *     that it is the row's place in the file, the header not counted
 * @param line the physical 1-based line of the file the row starts on, when the rows' origins are
 *     known ({@link CheckSuite#run(dev.mlops.data.io.Batch)}); empty for a table alone
 * @param value the checked value(s) of that row as text: {@code "-3"}, {@code "id=7, day=2024-01-02"},
 *     or {@code "<missing>"}; each name and value cut and escaped as
 *     {@link dev.mlops.core.text.ReadableText#name(String)} does
 */
public record FailingRow(int row, OptionalLong line, String value) {

    /**
     * Validates the row and line.
     *
     * @param row the 0-based row: of the checked table, or for a {@link dev.mlops.data.io.Batch} with
     *     known origins, of its input in input order (the rows that could not be read counted), so
     *     that it is the row's place in the file, the header not counted
     * @param line the physical 1-based line of the file the row starts on, when the rows' origins are
     *     known ({@link CheckSuite#run(dev.mlops.data.io.Batch)}); empty for a table alone
     * @param value the checked value(s) of that row as text: {@code "-3"}, {@code "id=7, day=2024-01-02"},
     *     or {@code "<missing>"}; each name and value cut and escaped as
     *     {@link dev.mlops.core.text.ReadableText#name(String)} does
     * @throws IllegalArgumentException if {@code row} is negative or {@code line} is below 1
     */
    public FailingRow {
        BatchRows.requireLocation(row, line);
        Objects.requireNonNull(value, "value");
    }

    /**
     * A failing row of a table whose rows' lines are not known, as a check makes it.
     *
     * @param row the 0-based row of the checked table
     * @param value the checked value(s) of that row as text
     * @throws IllegalArgumentException if {@code row} is negative
     */
    public FailingRow(int row, String value) {
        this(row, OptionalLong.empty(), value);
    }

    /**
     * @return where the row is, for people: {@code "line 5, row 3"}, or {@code "row 3"} when the
     *     line is not known
     */
    public String location() {
        return BatchRows.location(row, line);
    }
}
