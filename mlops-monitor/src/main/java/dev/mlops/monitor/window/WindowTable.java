package dev.mlops.monitor.window;

import dev.mlops.core.table.Table;
import java.util.List;
import java.util.Objects;

/**
 * One stage's inputs or outputs in a window, read as a table, with what reading found.
 *
 * @param window the window's index
 * @param table one row per record of the stage, columns as the schema gives them (sensitive flags
 *     included); no rows when the stage has no record in the window
 * @param masked values that were masked by the capture policy, read as missing
 * @param wrongType values of the wrong type for their column, read as missing
 * @param problems the first {@value WindowTables#MAX_PROBLEMS} values of the wrong type, each
 *     named with its inference id and column; unmodifiable
 */
public record WindowTable(long window, Table table, long masked, long wrongType, List<WindowProblem> problems) {

    /**
     * Keeps an unmodifiable copy of the problems.
     *
     * @param window the window's index
     * @param table the table
     * @param masked masked values
     * @param wrongType values of the wrong type
     * @param problems the first values of the wrong type, named
     */
    public WindowTable {
        Objects.requireNonNull(table, "table");
        problems = List.copyOf(problems);
    }

    /** @return the number of rows, one per record of the stage */
    public int rows() {
        return table.rowCount();
    }

    /** @return true if the stage has no record in the window, so there is nothing to measure */
    public boolean isEmpty() {
        return table.rowCount() == 0;
    }
}
