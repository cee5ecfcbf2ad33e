package dev.mlops.testkit;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.check.AllowedValuesCheck;
import dev.mlops.data.check.CardinalityCheck;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.Checks;
import dev.mlops.data.check.CompletenessCheck;
import dev.mlops.data.check.PatternCheck;
import dev.mlops.data.check.RangeCheck;
import dev.mlops.data.check.UniquenessCheck;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one column of a table, from {@link TableAssert#column(String)}:
 * <pre>{@code
 * assertThat(table).column("age").hasNoMissing().isBetween(18, 100)
 *     .and().hasRowCount(1000);
 * }</pre>
 *
 * <p>Each assertion runs the built-in check of mlops-data that says the same thing
 * ({@link CompletenessCheck}, {@link RangeCheck}, {@link AllowedValuesCheck},
 * {@link UniquenessCheck}, {@link CardinalityCheck}, {@link PatternCheck}) on the whole table, so
 * the assertion means exactly what the check in a stored suite means, and its failure message
 * names the column, the check's measured value and threshold, and up to ten failing rows with
 * their 0-based row and value. Nothing passes vacuously: where the check finds no value to judge
 * (an empty table, a column with no present value) it reports "no data", and the assertion
 * fails saying so. Not thread-safe.
 */
public final class ColumnAssert extends AbstractAssert<ColumnAssert, Column> {
    private final Table table;
    private final TableAssert parent;

    ColumnAssert(Column actual, Table table, TableAssert parent) {
        super(actual, ColumnAssert.class);
        this.table = table;
        this.parent = parent;
    }

    /** @return the assertions of the table this column belongs to, to go on with the table */
    public TableAssert and() {
        return parent;
    }

    /**
     * Goes on with another column of the same table; short for {@code and().column(name)}.
     *
     * @param name the other column's name
     * @return that column's assertions
     */
    public ColumnAssert column(String name) {
        return parent.column(name);
    }

    /**
     * Verifies the column's type.
     *
     * @param expected the expected type
     * @return this assertion
     */
    public ColumnAssert hasType(ColumnType expected) {
        Objects.requireNonNull(expected, "expected");
        if (actual.type() != expected) {
            throw failure("%s", "Expecting column '" + actual.name() + "' to be " + expected + " but it is "
                    + actual.type());
        }
        return myself;
    }

    /**
     * Verifies that no value is missing ({@link Checks#complete}); NaN is a value, not missing. A
     * column of an empty table has no data and fails.
     *
     * @return this assertion
     */
    public ColumnAssert hasNoMissing() {
        return passes(Checks.complete(name()), "to have no missing value");
    }

    /**
     * Verifies that at most a share of the values is missing ({@link CompletenessCheck#atLeast}
     * {@code 1 - share}, less 1e-12 so that 3 missing of 10 rows meets a share of 0.3 despite
     * rounding).
     *
     * @param share the largest passing share of missing values, in {@code [0, 1]}
     * @return this assertion
     * @throws IllegalArgumentException if {@code share} is not in {@code [0, 1]}
     */
    public ColumnAssert hasMissingShareAtMost(double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be in [0, 1] but was " + share);
        }
        double present = Math.max(0.0, 1.0 - share - 1e-12);
        return passes(Checks.completeness(name()).atLeast(present),
                "to have a share of at most " + ReadableText.number(share) + " missing values");
    }

    /**
     * Verifies that every present value of a numeric column lies in {@code [min, max]}
     * ({@link Checks#range}): NaN lies in no range and fails; missing values are not judged (add
     * {@link #hasNoMissing()}); a column of another type fails.
     *
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return this assertion
     * @throws IllegalArgumentException if a bound is NaN or {@code min > max}
     */
    public ColumnAssert isBetween(double min, double max) {
        return passes(Checks.range(name(), min, max), "to be between " + ReadableText.number(min) + " and "
                + ReadableText.number(max) + " (every present value; NaN fails)");
    }

    /**
     * Verifies that no present value of a numeric column is below zero or NaN
     * ({@link Checks#nonNegative}).
     *
     * @return this assertion
     */
    public ColumnAssert isNonNegative() {
        return passes(Checks.nonNegative(name()), "to be non-negative (every present value; NaN fails)");
    }

    /**
     * Verifies that every present value, as text ({@link Column#format}: {@code "3"},
     * {@code "2.5"}, {@code "true"}), is one of the given ones, compared exactly
     * ({@link Checks#allowedValues}).
     *
     * @param values the allowed values, at least one
     * @return this assertion
     * @throws IllegalArgumentException if no value is given
     */
    public ColumnAssert hasOnlyValues(String... values) {
        return hasOnlyValues(List.of(values));
    }

    /**
     * Verifies that every present value, as text, is one of the given ones; see
     * {@link #hasOnlyValues(String...)}.
     *
     * @param values the allowed values, at least one
     * @return this assertion
     * @throws IllegalArgumentException if there is no value
     */
    public ColumnAssert hasOnlyValues(Collection<String> values) {
        AllowedValuesCheck check = Checks.allowedValues(name(), values);
        return passes(check, "to have only the values " + check.values());
    }

    /**
     * Verifies that no present value occurs in two rows ({@link Checks#unique}; NaN equals NaN);
     * missing values are not judged. Every row of a repeated value is a failing row.
     *
     * @return this assertion
     */
    public ColumnAssert isUnique() {
        return passes(Checks.unique(name()), "to have no repeated value");
    }

    /**
     * Verifies the number of distinct present values ({@link Checks#cardinality}).
     *
     * @param min the fewest distinct values allowed, 0 or more
     * @param max the most distinct values allowed, at least {@code min}
     * @return this assertion
     * @throws IllegalArgumentException if {@code min} is negative or {@code max < min}
     */
    public ColumnAssert hasDistinctCountBetween(long min, long max) {
        return passes(Checks.cardinality(name(), min, max),
                "to have between " + min + " and " + max + " distinct values");
    }

    /**
     * Verifies that the whole text of every present value matches a regular expression
     * ({@link Checks#matches}, {@link java.util.regex.Matcher#matches()}).
     *
     * @param regex the expression, in {@link java.util.regex.Pattern} syntax
     * @return this assertion
     * @throws IllegalArgumentException if the expression does not compile
     */
    public ColumnAssert matches(String regex) {
        return passes(Checks.matches(name(), regex), "to match /" + regex + "/ (every present value)");
    }

    /**
     * Verifies that a check of this column passes on the table, whatever its severity.
     *
     * @param check a check, such as {@code Checks.range("age", 18, 100).withMostly(0.99)}
     * @return this assertion
     * @throws IllegalArgumentException if the check does not look at this column
     */
    public ColumnAssert passes(Check check) {
        Objects.requireNonNull(check, "check");
        if (!check.columns().contains(name())) {
            throw new IllegalArgumentException(check.name() + " looks at " + check.columns() + ", not at column '"
                    + name() + "'; assert it on the table with passes(check)");
        }
        return passes(check, "to pass " + check.name());
    }

    private String name() {
        return actual.name();
    }

    private ColumnAssert passes(Check check, String expectation) {
        CheckResult result = check.run(table, TableAssert.sampling());
        if (!result.passed()) {
            throw failure("%s", CheckMessages.describe("Expecting column '" + name() + "' of a table of "
                    + table.rowCount() + " rows " + expectation, result));
        }
        return myself;
    }
}
