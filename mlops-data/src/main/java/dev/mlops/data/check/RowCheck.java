package dev.mlops.data.check;

import dev.mlops.core.table.Table;

/**
 * A check that judges rows one at a time: the share of judged rows that pass must be at least
 * {@link #mostly()}. Its result counts the failing rows and samples them, and a
 * {@link CheckSuite} can set the failing rows apart ({@link CheckSuite#quarantine(Table)}).
 *
 * <p>The measured value is the passing share of the judged rows; a table with no judged row is
 * {@link Verdict#NO_DATA}.
 */
public interface RowCheck extends Check {

    /**
     * @return the smallest share of judged rows that must pass, in {@code [0, 1]}; 1 means every
     *     row (Great Expectations calls this {@code mostly})
     */
    double mostly();

    /**
     * Binds the check to a table: resolves and type-checks its columns and prepares whatever the
     * rows are judged by. That may be table-wide state (a uniqueness check counts every key of the
     * table); a check whose rule judges each row by that row's values alone says so with
     * {@link #rowLocal()}, and only then may an engine that splits the rows (mlops-spark) bind it to
     * each part apart.
     *
     * @param table the table
     * @return the rule for its rows
     * @throws dev.mlops.core.SchemaException if a column is missing or of a type the check cannot
     *     judge; the message names the column and the check
     */
    RowRule bind(Table table);

    /**
     * Whether the rule that {@link #bind} returns judges each row by that row's values alone, so
     * that binding the check to consecutive parts of a table and adding up the parts' counts
     * ({@link RowCounts#followedBy}) gives what binding it to the whole table gives. False by
     * default: a check that prepares table-wide state in {@code bind} (a mean, a set of keys) would
     * be judged wrongly if it were bound part by part, and an engine can only trust a check's own
     * word for it, so a check must opt in. The built-in completeness, range, allowed values,
     * pattern and predicate checks return true; uniqueness returns false.
     *
     * @return true if every row is judged by its own values alone
     */
    default boolean rowLocal() {
        return false;
    }

    /**
     * Judges the counts: by default, the passing share {@code passing / judged} must be at least
     * {@link #mostly()}. A check whose setting is a tolerated failing share overrides this to
     * compare that share directly, so that a share exactly at the tolerance passes.
     *
     * @param passing the judged rows that passed
     * @param judged the judged rows, at least 1
     * @return true if the check passes
     */
    default boolean accepts(long passing, long judged) {
        return (double) passing / judged >= mostly();
    }

    /**
     * Runs the rule over every row. Override only to add to the result; the default counts the
     * judged and failing rows, samples up to {@link CheckContext#sampleSize()} failing rows in
     * row order, and turns a {@link dev.mlops.core.SchemaException} from {@link #bind} into a
     * failed result.
     */
    @Override
    default CheckResult run(Table table, CheckContext context) {
        return RowCheckRun.run(this, table, context);
    }
}
