package dev.mlops.data.check;

/**
 * A {@link RowCheck} bound to one table: which rows it judges and whether each passes. Used by
 * one thread at a time.
 */
public interface RowRule {

    /**
     * @param row a 0-based row
     * @return true if the check judges this row (a range check skips missing values, for example)
     */
    boolean applies(int row);

    /**
     * @param row a 0-based row for which {@link #applies} is true
     * @return true if the row passes
     */
    boolean passes(int row);

    /**
     * @param row a 0-based row
     * @return the row's checked value(s) as text, for reports: {@code "-3"}, {@code "id=7, day=2"}
     */
    String describe(int row);
}
