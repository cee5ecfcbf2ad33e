package dev.mlops.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import dev.mlops.data.check.AllowedValuesCheck;
import dev.mlops.data.check.CompletenessCheck;
import dev.mlops.data.check.PatternCheck;
import dev.mlops.data.check.RangeCheck;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.UniquenessCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;

/**
 * A built-in row check's rule as Spark column expressions, so that Spark's optimiser sees it:
 * which rows the check judges and which of those pass, neither ever null. The expressions judge
 * every row exactly as the check's {@link dev.mlops.data.check.RowRule} does:
 * <ul>
 *   <li>completeness: every row judged, a row passes when its value is not null (NaN is a value);</li>
 *   <li>range: the non-null values judged, a value passes when {@code min <= x <= max} and it is
 *       not NaN (Spark orders NaN above every number, mlops puts it in no range);</li>
 *   <li>allowed values, of a string column: the non-null values judged, passing when among the
 *       allowed ones, compared exactly ({@code isin}); a column of another Spark type is compared
 *       by mlops' text of its values, which a cast does not promise to match, so it is not translated;</li>
 *   <li>pattern, of a string column: {@code rlike("\\A(?:regex)\\z")}, which Spark runs with
 *       {@link java.util.regex.Pattern} as the check does ({@code find} of the anchored expression is
 *       {@code matches} of the expression); an expression with {@code #} is not translated, since in
 *       comments mode ({@code (?x)}) it would comment out the closing anchor;</li>
 *   <li>uniqueness and primary key (for quarantine only: a report's sample describes each repeated
 *       key with its count, which the check computes from the whole column): a window count over the
 *       key; float and double keys are grouped by their text, so that NaN equals NaN but
 *       {@code -0.0} and {@code 0.0} differ, as {@link Double#compare} has them.</li>
 * </ul>
 * Predicate checks are not translated: mlops-core keeps a predicate's syntax tree to itself.
 *
 * @param applies true for the rows the check judges
 * @param passes true for the judged rows that pass
 */
record SparkRule(Column applies, Column passes) {

    /** @return true for the rows the check judges and that fail */
    Column failing() {
        return applies.and(not(passes));
    }

    /**
     * @param check a row check
     * @param schema how the Dataset's columns read; holds the check's columns with the types the
     *     check needs (a check whose columns are missing or of the wrong type is decided before)
     * @return the rule as Spark expressions, empty when the check is not translated
     */
    static Optional<SparkRule> of(RowCheck check, SparkSchema schema) {
        if (check instanceof CompletenessCheck completeness) {
            Column value = SparkTables.column(completeness.column());
            return Optional.of(new SparkRule(lit(true), value.isNotNull()));
        }
        if (check instanceof RangeCheck range) {
            Column value = SparkTables.column(range.column());
            Column passes = lit(true);
            if (range.min() != Double.NEGATIVE_INFINITY) {
                passes = passes.and(value.geq(lit(range.min())));
            }
            if (range.max() != Double.POSITIVE_INFINITY) {
                passes = passes.and(value.leq(lit(range.max())));
            }
            if (floating(schema, range.column())) {
                passes = passes.and(not(isnan(value)));
            }
            return Optional.of(new SparkRule(value.isNotNull(), coalesce(passes, lit(false))));
        }
        if (check instanceof AllowedValuesCheck allowed && isString(schema, allowed.column())) {
            Column value = SparkTables.column(allowed.column());
            return Optional.of(new SparkRule(value.isNotNull(),
                    coalesce(value.isin(allowed.values().toArray()), lit(false))));
        }
        if (check instanceof PatternCheck pattern && isString(schema, pattern.column())
                && pattern.regex().indexOf('#') < 0) {
            Column value = SparkTables.column(pattern.column());
            return Optional.of(new SparkRule(value.isNotNull(),
                    coalesce(value.rlike("\\A(?:" + pattern.regex() + ")\\z"), lit(false))));
        }
        return Optional.empty();
    }

    /**
     * @param check a uniqueness or primary-key check whose columns the schema holds
     * @param schema how the Dataset's columns read
     * @return the rule, its count a window over the key: for a column to filter on, not for an aggregate
     */
    static SparkRule unique(UniquenessCheck check, SparkSchema schema) {
        Column complete = lit(true);
        List<Column> key = new ArrayList<>();
        for (String name : check.columns()) {
            Column value = SparkTables.column(name);
            complete = complete.and(value.isNotNull());
            key.add(floating(schema, name) ? value.cast("string") : value);
        }
        Column rows = count(lit(1)).over(Window.partitionBy(key.toArray(Column[]::new)));
        return new SparkRule(check.primaryKey() ? lit(true) : complete, complete.and(rows.equalTo(1)));
    }

    private static boolean floating(SparkSchema schema, String column) {
        SourceType source = schema.source(schema.names().indexOf(column));
        return source == SourceType.DOUBLE || source == SourceType.FLOAT;
    }

    private static boolean isString(SparkSchema schema, String column) {
        return schema.source(schema.names().indexOf(column)) == SourceType.STRING;
    }
}
