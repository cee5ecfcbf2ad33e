package dev.mlops.core.predicate;

import dev.mlops.core.table.Table;
import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * A {@link RowPredicate} bound to one {@link Table}: column names resolved, types checked and
 * literals converted once, so that {@link #test(int)} allocates nothing.
 *
 * <p>Obtain one from {@link RowPredicate#bind(Table)}. To filter a whole table, use
 * {@link #selection()} or the methods built on it rather than {@link #test(int)} row by row. It is immutable and, since tables are,
 * safe to use from several threads at once.
 */
public interface BoundPredicate extends IntPredicate {

    /** @return the predicate that was bound */
    RowPredicate predicate();

    /** @return the table it was bound to */
    Table table();

    /**
     * Tests one row of the table, following the rules stated on {@link RowPredicate} for
     * missing values and NaN.
     *
     * @param row a 0-based row of {@link #table()}
     * @return true if the row satisfies the predicate
     * @throws IndexOutOfBoundsException if the row is outside {@code [0, table().rowCount())}
     */
    @Override
    boolean test(int row);

    /**
     * Evaluates the predicate over every row of the table at once: a column at a time, in
     * blocks of rows, into a bitmap, with primitive loops over the values of numeric and the
     * codes of categorical columns; a table of 262,144 rows or more in partitions on the common
     * {@link java.util.concurrent.ForkJoinPool fork-join pool}. It matches exactly the rows
     * {@link #test(int)} accepts and is the fast way to filter a whole table; {@link #matchingRows()}, {@link #countMatching()}
     * and {@link #select()} use it.
     *
     * @return a new bitmap in which bit {@code row} is set when the row satisfies the predicate
     */
    BitSet selection();

    /** @return the 0-based rows that satisfy the predicate, in ascending order, as a new array */
    int[] matchingRows();

    /** @return how many rows satisfy the predicate */
    int countMatching();

    /** @return a zero-copy view of the rows that satisfy the predicate, in their order in the table */
    Table select();
}
