package dev.mlops.data.check;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.data.io.RowOrigins;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A table or batch split by a {@link CheckSuite} into the rows that pass its error-severity row
 * checks and the rows set apart: those that fail one or more of them, and those of a
 * {@link dev.mlops.data.io.Batch} that could not be read as the expected types, with the reasons.
 * Both tables are zero-copy views of the checked table, rows in their original order; together
 * with the unreadable rows they hold every input row exactly once.
 *
 * <p>When the rows' origins are known (a batch read from a file by
 * {@link dev.mlops.data.io.TableFormat#readBatch}), {@link #copyPassing} and
 * {@link #copyQuarantined} write each side as the input's own bytes, header first, so that a row
 * comes back exactly as it was written ({@code 66.0} stays {@code 66.0}) and the unreadable rows
 * are among the quarantined ones: every input line is in exactly one of the two copies.
 *
 * @param passing the rows that pass every error-severity row check
 * @param quarantined the rows that were read and fail at least one
 * @param reasons one entry per row of {@code quarantined}, in the same order, unmodifiable
 * @param unreadable one entry per row of the input that could not be read, in input order,
 *     unmodifiable; empty for a table
 * @param passingOrigins where each passing row came from, when known
 * @param quarantinedOrigins where each row set apart came from, the unreadable ones too, in input
 *     order, when known
 */
public record Quarantine(Table passing, Table quarantined, List<QuarantinedRow> reasons,
        List<QuarantinedRow> unreadable, Optional<RowOrigins> passingOrigins, Optional<RowOrigins> quarantinedOrigins) {
    /** The name of the column that {@link #quarantinedWithReasons()} and {@link #reasonsTable()} add. */
    public static final String REASONS_COLUMN = "quarantine_reasons";
    /** The name of {@link #reasonsTable()}'s column of 0-based rows. */
    public static final String ROW_COLUMN = "row";
    /** The name of {@link #reasonsTable()}'s column of physical lines. */
    public static final String LINE_COLUMN = "line";

    /**
     * Copies the reasons.
     *
     * @param passing the rows that pass every error-severity row check
     * @param quarantined the rows that were read and fail at least one
     * @param reasons one entry per row of {@code quarantined}, in the same order, unmodifiable
     * @param unreadable one entry per row of the input that could not be read, in input order,
     *     unmodifiable; empty for a table
     * @param passingOrigins where each passing row came from, when known
     * @param quarantinedOrigins where each row set apart came from, the unreadable ones too, in input
     *     order, when known
     * @throws IllegalArgumentException if the reasons do not match the quarantined rows in number,
     *     or the origins do not match the rows of their side
     */
    public Quarantine {
        Objects.requireNonNull(passing, "passing");
        Objects.requireNonNull(quarantined, "quarantined");
        reasons = List.copyOf(reasons);
        unreadable = List.copyOf(unreadable);
        Objects.requireNonNull(passingOrigins, "passingOrigins");
        Objects.requireNonNull(quarantinedOrigins, "quarantinedOrigins");
        if (reasons.size() != quarantined.rowCount()) {
            throw new IllegalArgumentException(reasons.size() + " reasons for " + quarantined.rowCount()
                    + " quarantined rows");
        }
        if (passingOrigins.isPresent() && passingOrigins.get().rowCount() != passing.rowCount()) {
            throw new IllegalArgumentException("origins of " + passingOrigins.get().rowCount() + " rows for "
                    + passing.rowCount() + " passing rows");
        }
        int setApart = quarantined.rowCount() + unreadable.size();
        if (quarantinedOrigins.isPresent() && quarantinedOrigins.get().rowCount() != setApart) {
            throw new IllegalArgumentException("origins of " + quarantinedOrigins.get().rowCount() + " rows for "
                    + setApart + " rows set apart");
        }
    }

    /**
     * A quarantine of a table alone: no unreadable rows, no origins.
     *
     * @param passing the rows that pass every error-severity row check
     * @param quarantined the rows that fail at least one
     * @param reasons one entry per quarantined row, in the same order
     * @throws IllegalArgumentException if the reasons do not match the quarantined rows in number
     */
    public Quarantine(Table passing, Table quarantined, List<QuarantinedRow> reasons) {
        this(passing, quarantined, reasons, List.of(), Optional.empty(), Optional.empty());
    }

    /** @return how many rows were set apart: the quarantined rows and the unreadable ones */
    public int setApartCount() {
        return quarantined.rowCount() + unreadable.size();
    }

    /** @return every row set apart, read or not, in input order, unmodifiable */
    public List<QuarantinedRow> setApart() {
        List<QuarantinedRow> all = new ArrayList<>(setApartCount());
        all.addAll(reasons);
        all.addAll(unreadable);
        all.sort(Comparator.comparingInt(QuarantinedRow::row));
        return List.copyOf(all);
    }

    /**
     * Returns the quarantined rows with one more text column, {@value #REASONS_COLUMN}, that lists
     * the failed checks of each row separated by {@code "; "} — the file a person fixes by hand.
     * The rows that could not be read are not in it (they have no values of the expected types):
     * see {@link #reasonsTable()} and {@link #copyQuarantined}.
     *
     * @return the table
     * @throws dev.mlops.core.SchemaException if the table already has a column of that name
     */
    public Table quarantinedWithReasons() {
        Table.Builder builder = Table.builder();
        quarantined.columns().forEach(builder::add);
        return builder.add(TextColumn.of(REASONS_COLUMN, joined(reasons))).build();
    }

    /**
     * Returns why each row was set apart, read or not, in input order: its 0-based
     * {@value #ROW_COLUMN}, its physical {@value #LINE_COLUMN} (missing when the origins are not
     * known) and {@value #REASONS_COLUMN}, separated by {@code "; "} — the side file beside the
     * copied rows of {@link #copyQuarantined}.
     *
     * @return the table of three columns
     */
    public Table reasonsTable() {
        List<QuarantinedRow> all = setApart();
        NumericColumn.Builder rows = NumericColumn.builder(ROW_COLUMN);
        NumericColumn.Builder lines = NumericColumn.builder(LINE_COLUMN);
        for (QuarantinedRow row : all) {
            rows.add(row.row());
            if (row.line().isPresent()) {
                lines.add(row.line().getAsLong());
            } else {
                lines.addMissing();
            }
        }
        return Table.builder().add(rows.build()).add(lines.build()).add(TextColumn.of(REASONS_COLUMN, joined(all)))
                .build();
    }

    private static String[] joined(List<QuarantinedRow> rows) {
        String[] texts = new String[rows.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = String.join("; ", rows.get(i).checks());
        }
        return texts;
    }

    /**
     * Writes the input's header and then the original bytes of each passing row, in input order.
     *
     * @param input the file the batch was read from, unchanged since
     * @param out where to write; flushed, not closed
     * @throws IllegalStateException if the rows' origins are not known
     * @throws java.io.UncheckedIOException if the file cannot be read, the output written, or the
     *     file changed since it was read
     */
    public void copyPassing(Path input, OutputStream out) {
        copy(passingOrigins, input, out);
    }

    /**
     * Writes the input's header and then the original bytes of each row set apart, those that
     * could not be read among them, in input order.
     *
     * @param input the file the batch was read from, unchanged since
     * @param out where to write; flushed, not closed
     * @throws IllegalStateException if the rows' origins are not known
     * @throws java.io.UncheckedIOException if the file cannot be read, the output written, or the
     *     file changed since it was read
     */
    public void copyQuarantined(Path input, OutputStream out) {
        copy(quarantinedOrigins, input, out);
    }

    private static void copy(Optional<RowOrigins> origins, Path input, OutputStream out) {
        RowOrigins known = origins.orElseThrow(() -> new IllegalStateException("the rows' origins are not known, "
                + "so their bytes cannot be copied from " + input + "; write the tables instead"));
        known.copy(input, IntStream.range(0, known.rowCount()).toArray(), out);
    }
}
