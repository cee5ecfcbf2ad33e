package dev.mlops.data.check;

import dev.mlops.core.component.Component;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Table;
import java.util.List;

/**
 * A unit test for data: one property of a table (its schema, the share of missing values, a
 * range, a distribution against a reference) measured and judged against a threshold.
 *
 * <p>The contract, which {@code dev.mlops.testkit.CheckContract} tests for any implementation:
 * <ul>
 *   <li>{@link #run} never throws for what it finds in the data: a failed property, a missing
 *       column or a column of the wrong type is a {@link Verdict#FAILED} result whose message
 *       says what and where; a table with nothing to measure is {@link Verdict#NO_DATA}, never a
 *       vacuous pass (a check of the schema alone has something to measure in an empty table:
 *       its columns; a check of values has not);</li>
 *   <li>the result names this check ({@link #name()}, {@link #type()}, {@link #columns()}),
 *       carries its {@link #severity()} and its {@link #spec()} (the {@link CheckResult}
 *       factories fill all of these in);</li>
 *   <li>the same table and context give the same result;</li>
 *   <li>a check is a {@link Component}: its {@link #settings()} record rebuilds an equal check
 *       through its {@link dev.mlops.core.component.ComponentType}, and two checks are equal
 *       exactly when their type and settings are;</li>
 *   <li>implementations are immutable and thread-safe.</li>
 * </ul>
 *
 * <p>The built-in checks come from {@link Checks}; a {@link CheckSuite} runs many at once and
 * writes each as its component spec in JSON. A check of your own implements this interface (or
 * {@link RowCheck}, to count and quarantine failing rows), builds its results with the
 * {@link CheckResult} factories and, with a {@code ComponentType} of kind {@code Check} listed in
 * its jar's {@code META-INF/services/dev.mlops.core.component.ComponentType}, is saved in and
 * loaded from a suite like a built-in one.
 */
public interface Check extends Component {

    /** @return the check's type, a short lower-case word such as {@code "range"} */
    @Override
    String type();

    /** @return the check's name in reports, such as {@code "range(age)"} */
    String name();

    /** @return the columns the check looks at, unmodifiable; empty for a check of the whole table */
    List<String> columns();

    /** @return how serious a failure is: {@link Severity#ERROR} makes a report fail */
    Severity severity();

    /**
     * @return true if the check compares the table against the context's reference profile, so
     *     that a suite refuses to run it without one
     */
    default boolean needsReference() {
        return false;
    }

    /**
     * Measures the property on a table.
     *
     * @param table the table
     * @param context the run's settings and reference
     * @return the result; never null
     */
    CheckResult run(Table table, CheckContext context);
}
