package dev.mlops.data.check;

import dev.mlops.core.text.ReadableText;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.CellProblem;
import dev.mlops.data.io.RowOrigins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a {@link Batch} as its input has them: the table's rows and the rows that could not
 * be read numbered together in input order, each with its physical line, and the schema check of
 * a suite that reports each row that could not be read. Without origins (a table alone) the rows
 * are the table's and have no line. Immutable.
 */
final class BatchRows {
    /** How many bad cells a schema check's message names before it says how many more there are. */
    static final int CELLS_NAMED = 3;

    private final int tableRows;
    private final @Nullable RowOrigins origins;
    private final long[] unreadableStarts;
    private final List<Unreadable> unreadable;

    private BatchRows(int tableRows, @Nullable RowOrigins origins, long[] unreadableStarts, List<Unreadable> unreadable) {
        this.tableRows = tableRows;
        this.origins = origins;
        this.unreadableStarts = unreadableStarts;
        this.unreadable = unreadable;
    }

    /**
     * A row of the input that could not be read: its place, its bytes, its bad cells and the schema
     * check that reports it.
     */
    record Unreadable(int row, long line, long start, long end, List<CellProblem> problems, SchemaCheck check) {

        /** @return the row as a report lists it: {@code age="abc"} for each bad cell */
        FailingRow failingRow() {
            List<String> cells = new ArrayList<>(problems.size());
            for (CellProblem problem : problems) {
                cells.add(ReadableText.name(problem.column()) + "=" + ReadableText.value(problem.text()));
            }
            return new FailingRow(row, OptionalLong.of(line), String.join(", ", cells));
        }

        /** @return the row as a quarantine sets it apart: {@code schema(age): expected a number but found "abc"} */
        QuarantinedRow quarantined() {
            List<String> reasons = new ArrayList<>(problems.size());
            for (CellProblem problem : problems) {
                reasons.add(check.name() + "(" + ReadableText.name(problem.column()) + "): " + problem.problem()
                        + " but found " + ReadableText.value(problem.text()));
            }
            return new QuarantinedRow(row, OptionalLong.of(line), reasons);
        }
    }

    /**
     * Numbers a batch's rows and finds the schema check that reports each row that could not be read.
     *
     * @param batch the batch
     * @param suite the suite's name, for messages
     * @param checks the suite's checks
     * @return the rows
     * @throws IllegalArgumentException if the batch has cells that could not be read but no origins
     *     (its rows cannot be put in input order), or no schema check of the suite expects the
     *     column of such a cell
     */
    static BatchRows of(Batch batch, String suite, List<Check> checks) {
        Objects.requireNonNull(batch, "batch");
        int tableRows = batch.table().rowCount();
        if (batch.problems().isEmpty()) {
            return new BatchRows(tableRows, batch.origins().orElse(null), new long[0], List.of());
        }
        RowOrigins origins = batch.origins().orElseThrow(() -> new IllegalArgumentException("the batch has "
                + batch.problems().size() + " cells that could not be read but no row origins, so its rows cannot "
                + "be numbered in input order; a format that names bad cells must keep each row's origin"));
        List<CellProblem> problems = new ArrayList<>(batch.problems());
        problems.sort(Comparator.comparingLong(CellProblem::start));
        List<Unreadable> unreadable = new ArrayList<>();
        long[] starts = new long[problems.size()];
        int first = 0;
        while (first < problems.size()) {
            CellProblem head = problems.get(first);
            int last = first + 1;
            while (last < problems.size() && problems.get(last).start() == head.start()) {
                last++;
            }
            int index = unreadable.size();
            starts[index] = head.start();
            unreadable.add(new Unreadable(index + rowsBefore(origins, head.start()), head.line(), head.start(),
                    head.end(), problems.subList(first, last), owner(head, suite, checks)));
            first = last;
        }
        return new BatchRows(tableRows, origins, Arrays.copyOf(starts, unreadable.size()),
                List.copyOf(unreadable));
    }

    /** @return the first schema check of the suite that expects the cell's column */
    private static SchemaCheck owner(CellProblem problem, String suite, List<Check> checks) {
        for (Check check : checks) {
            if (check instanceof SchemaCheck schema && schema.columns().contains(problem.column())) {
                return schema;
            }
        }
        throw new IllegalArgumentException(describe(problem) + ", but no schema check of suite '" + suite
                + "' expects column '" + ReadableText.name(problem.column()) + "' to report it");
    }

    /** @return how many of the table's rows start before the given byte */
    private static int rowsBefore(RowOrigins origins, long start) {
        return countBelow(origins.rowCount(), origins::start, start);
    }

    /** @return how many rows that could not be read start before the given byte */
    private int unreadableBefore(long start) {
        return countBelow(unreadableStarts.length, row -> unreadableStarts[row], start);
    }

    /** @return how many of the first {@code size} ascending values are below {@code bound} (a binary search) */
    private static int countBelow(int size, IntToLongFunction values, long bound) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values.applyAsLong(middle) < bound) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** @return every row of the input, the table's and those that could not be read */
    int rowCount() {
        return tableRows + unreadable.size();
    }

    /** @return the rows that could not be read, in input order, unmodifiable */
    List<Unreadable> unreadable() {
        return unreadable;
    }

    /** @return the rows that could not be read that a given check reports, in input order */
    List<Unreadable> unreadableOf(Check check) {
        return unreadable.stream().filter(row -> row.check() == check).toList();
    }

    /**
     * @return true if the batch knows its rows' origins: it was read from a file by a format that
     *     reads the expected columns as their types ({@link dev.mlops.data.io.TableFormat#readBatch})
     */
    boolean typesRead() {
        return origins != null;
    }

    /**
     * @param tableRow a 0-based row of the table
     * @return its 0-based row in input order
     */
    int inputRow(int tableRow) {
        return origins == null ? tableRow : tableRow + unreadableBefore(origins.start(tableRow));
    }

    /**
     * @param tableRow a 0-based row of the table
     * @return its physical line, if known
     */
    OptionalLong line(int tableRow) {
        return origins == null ? OptionalLong.empty() : OptionalLong.of(origins.line(tableRow));
    }

    /**
     * @param tableRows 0-based rows of the table, ascending
     * @param rows rows that could not be read, in input order
     * @return the origins of both, merged in input order; empty when the table's are not known
     */
    Optional<RowOrigins> originsOf(int[] tableRows, List<Unreadable> rows) {
        if (origins == null) {
            return Optional.empty();
        }
        RowOrigins.Builder builder = RowOrigins.builder(origins.dataStart());
        int next = 0;
        for (int row : tableRows) {
            for (; next < rows.size() && rows.get(next).start() < origins.start(row); next++) {
                add(builder, rows.get(next));
            }
            builder.add(origins.line(row), origins.start(row), origins.end(row));
        }
        for (; next < rows.size(); next++) {
            add(builder, rows.get(next));
        }
        return Optional.of(builder.build());
    }

    private static void add(RowOrigins.Builder builder, Unreadable row) {
        builder.add(row.line(), row.start(), row.end());
    }

    /**
     * @param result what a check found in the table
     * @return the result with its sampled rows numbered in input order and given their lines
     */
    CheckResult locate(CheckResult result) {
        if (origins == null || result.sample().isEmpty()) {
            return result;
        }
        List<FailingRow> located = new ArrayList<>(result.sample().size());
        for (FailingRow row : result.sample()) {
            located.add(new FailingRow(inputRow(row.row()), line(row.row()), row.value()));
        }
        return result.withFailingRows(result.failingRows(), located);
    }

    /**
     * Says which rows could not be read, for a schema check's message.
     *
     * @param rows the rows, at least one
     * @return {@code 1 row could not be read as the expected types: line 4, column 'age' (2): ...}
     */
    static String describe(List<Unreadable> rows) {
        List<String> cells = new ArrayList<>(CELLS_NAMED);
        int total = 0;
        for (Unreadable row : rows) {
            for (CellProblem problem : row.problems()) {
                if (cells.size() < CELLS_NAMED) {
                    cells.add(describe(problem));
                }
                total++;
            }
        }
        return String.format(Locale.ROOT, "%d row%s could not be read as the expected types: %s%s", rows.size(),
                rows.size() == 1 ? "" : "s", String.join("; ", cells),
                total > cells.size() ? "; and " + (total - cells.size()) + " more bad cell" + (total - cells.size() == 1 ? "" : "s")
                        : "");
    }

    /** @return {@code line 4, column 'age' (2): expected a number but found "abc"} */
    private static String describe(CellProblem problem) {
        return "line " + problem.line() + ", column '" + ReadableText.name(problem.column()) + "' (" + problem.position()
                + "): " + problem.problem() + " but found " + ReadableText.value(problem.text());
    }

    /** @return {@code "line 5, row 3"}, or {@code "row 3"} without a line */
    static String location(int row, OptionalLong line) {
        return line.isPresent() ? "line " + line.getAsLong() + ", row " + row : "row " + row;
    }

    /**
     * Validates a row's place.
     *
     * @throws IllegalArgumentException if the row is negative or the line below 1
     */
    static void requireLocation(int row, OptionalLong line) {
        Objects.requireNonNull(line, "line");
        if (row < 0) {
            throw new IllegalArgumentException("row must not be negative but was " + row);
        }
        if (line.isPresent() && line.getAsLong() < 1) {
            throw new IllegalArgumentException("line must be at least 1 but was " + line.getAsLong());
        }
    }
}
