package dev.mlops.data.io;

import dev.mlops.core.table.Table;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A batch read against an expected schema for checking ({@link TableFormat#readBatch}): the rows whose
 * cells all fit their columns' types, where each came from, and the cells that did not fit.
 *
 * <p>A row with a cell that does not parse as its column's type ({@code abc} in a numeric
 * column) is not in the table: it is named by one {@link CellProblem} per bad cell (its line,
 * bytes, column and text), so a check suite reports it and its quarantine sets it apart with
 * the reason, while every other row is read and checked as usual.
 *
 * @param table the rows that parsed, in input order
 * @param origins the line and bytes of each row of the table, when the format knows them
 * @param problems the cells that did not fit their column's type, in input order, unmodifiable
 */
public record Batch(Table table, Optional<RowOrigins> origins, List<CellProblem> problems) {

    /**
     * Copies the problems.
     *
     * @param table the rows that parsed, in input order
     * @param origins the line and bytes of each row of the table, when the format knows them
     * @param problems the cells that did not fit their column's type, in input order, unmodifiable
     * @throws IllegalArgumentException if the origins do not cover the table's rows one to one
     */
    public Batch {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(origins, "origins");
        problems = List.copyOf(problems);
        if (origins.isPresent() && origins.get().rowCount() != table.rowCount()) {
            throw new IllegalArgumentException("origins of " + origins.get().rowCount() + " rows for a table of "
                    + table.rowCount() + " rows");
        }
    }

    /**
     * @param table a table read strictly, with no origins
     * @return a batch of that table with no problems and no known origins
     */
    public static Batch of(Table table) {
        return new Batch(table, Optional.empty(), List.of());
    }

    /**
     * @param table the rows that parsed
     * @param origins the line and bytes of each, or null if unknown
     * @param problems the cells that did not fit
     * @return the batch
     */
    public static Batch of(Table table, @Nullable RowOrigins origins, List<CellProblem> problems) {
        return new Batch(table, Optional.ofNullable(origins), problems);
    }
}
