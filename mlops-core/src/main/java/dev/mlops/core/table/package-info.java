/**
 * The table model every module shares: an immutable, columnar {@link dev.mlops.core.table.Table}
 * of typed {@link dev.mlops.core.table.Column}s described by a {@link dev.mlops.core.table.Schema}.
 *
 * <p>Values live in primitive arrays (no boxing); missing values are tracked apart from the
 * values themselves, so a missing number is not confused with NaN. Row subsets are zero-copy
 * views over the same arrays, selected by an index array. Every type here is immutable and
 * therefore safe to share between threads; the builders are not thread-safe.
 */
@NullMarked
package dev.mlops.core.table;

import org.jspecify.annotations.NullMarked;
