package dev.mlops.data.check;

import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import java.util.List;
import java.util.Objects;

/**
 * A table split by a {@link CheckSuite} into the rows that pass its error-severity row checks and
 * the rows that fail one or more of them, with the reasons. Both tables are zero-copy views of the
 * checked table, rows in their original order; together they hold every row exactly once.
 *
 * @param passing the rows that pass every error-severity row check
 * @param quarantined the rows that fail at least one
 * @param reasons one entry per quarantined row, in the same order, unmodifiable
 */
public record Quarantine(Table passing, Table quarantined, List<QuarantinedRow> reasons) {
    /** The name of the column that {@link #quarantinedWithReasons()} adds. */
    public static final String REASONS_COLUMN = "quarantine_reasons";

    /**
     * Copies the reasons.
     *
     * @param passing the rows that pass every error-severity row check
     * @param quarantined the rows that fail at least one
     * @param reasons one entry per quarantined row, in the same order, unmodifiable
     * @throws IllegalArgumentException if the reasons do not match the quarantined rows in number
     */
    public Quarantine {
        Objects.requireNonNull(passing, "passing");
        Objects.requireNonNull(quarantined, "quarantined");
        reasons = List.copyOf(reasons);
        if (reasons.size() != quarantined.rowCount()) {
            throw new IllegalArgumentException(reasons.size() + " reasons for " + quarantined.rowCount()
                    + " quarantined rows");
        }
    }

    /**
     * Returns the quarantined rows with one more text column, {@value #REASONS_COLUMN}, that lists
     * the failed checks of each row separated by {@code "; "} — the file a person fixes by hand.
     *
     * @return the table
     * @throws dev.mlops.core.SchemaException if the table already has a column of that name
     */
    public Table quarantinedWithReasons() {
        String[] texts = new String[reasons.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = String.join("; ", reasons.get(i).checks());
        }
        Table.Builder builder = Table.builder();
        quarantined.columns().forEach(builder::add);
        return builder.add(TextColumn.of(REASONS_COLUMN, texts)).build();
    }
}
