package dev.mlops.data.profile;

import dev.mlops.core.table.ColumnType;

/**
 * The profile of one column: its name, type, number of rows and missing values, and the
 * statistics of its type. Implementations are immutable and thread-safe.
 */
public sealed interface ColumnProfile permits NumericProfile, CategoricalProfile, TimestampProfile {

    /** @return the column's name */
    String name();

    /** @return the column's type */
    ColumnType type();

    /** @return the number of rows, missing ones included */
    long count();

    /** @return the number of missing rows (NaN is a value, not missing) */
    long missing();
}
