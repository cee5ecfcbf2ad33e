package dev.mlops.data.check;

import dev.mlops.core.text.ReadableText;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The table's schema must not have changed: every expected column is there with its type, a
 * column that is not nullable has no missing value, and, unless extra columns are allowed, there
 * is no other column; with {@code ordered}, the columns come in the expected order. The measured
 * value is the number of differences, which must be 0; the message lists them. An empty table is
 * judged on its column names and order alone: a type that differs is no data rather than a
 * difference (a header-only file read with type inference has no evidence of any type), and
 * so is a non-nullable column. Run by a {@link CheckSuite} over a {@link dev.mlops.data.io.Batch},
 * each input row with a cell that could not be read as the type this check expects of its column
 * is one more difference, named in the message by line, column name and index, and text, and
 * listed among the result's failing rows; and a batch read from a file without any row has no
 * evidence of its types (they were read as expected), so they are no data, as for inference.
 *
 * @param expected the expected columns, in order, unmodifiable
 * @param allowExtra true if the table may have columns that are not expected
 * @param ordered true if the expected columns must come in this order
 * @param severity how serious a failure is
 */
public record SchemaCheck(List<ExpectedColumn> expected, boolean allowExtra, boolean ordered, Severity severity)
        implements Check {
    static final String TYPE = "schema";
    private static final String NO_ROWS_FOR_TYPES = "the table has no rows to show its columns' types";

    /**
     * Copies the columns.
     *
     * @param expected the expected columns, in order, unmodifiable
     * @param allowExtra true if the table may have columns that are not expected
     * @param ordered true if the expected columns must come in this order
     * @param severity how serious a failure is
     * @throws IllegalArgumentException if no column is expected or a name repeats
     */
    public SchemaCheck {
        expected = List.copyOf(Columns.required("columns", expected));
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("a schema check must expect at least one column");
        }
        Set<String> names = new HashSet<>();
        for (ExpectedColumn column : expected) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("expected column '" + ReadableText.name(column.name()) + "' is listed twice");
            }
        }
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * Expects exactly a schema's columns and types, in any order, each nullable.
     *
     * @param schema the schema
     * @return the check
     */
    public static SchemaCheck of(Schema schema) {
        List<ExpectedColumn> columns = new ArrayList<>();
        for (Field field : schema.fields()) {
            columns.add(new ExpectedColumn(field.name(), field.type(), true));
        }
        return new SchemaCheck(columns, false, false, Severity.ERROR);
    }

    /**
     * @param names the columns that must have no missing value
     * @return this check with those columns not nullable
     * @throws IllegalArgumentException if a name is not an expected column
     */
    public SchemaCheck notNull(String... names) {
        Set<String> wanted = new HashSet<>(List.of(names));
        List<ExpectedColumn> columns = new ArrayList<>();
        for (ExpectedColumn column : expected) {
            boolean required = wanted.remove(column.name());
            columns.add(required ? new ExpectedColumn(column.name(), column.type(), false) : column);
        }
        if (!wanted.isEmpty()) {
            throw new IllegalArgumentException("not expected columns: " + wanted);
        }
        return new SchemaCheck(columns, allowExtra, ordered, severity);
    }

    /** @return this check, letting the table have columns that are not expected */
    public SchemaCheck allowingExtraColumns() {
        return new SchemaCheck(expected, true, ordered, severity);
    }

    /** @return this check, requiring the expected columns in their order */
    public SchemaCheck inOrder() {
        return new SchemaCheck(expected, allowExtra, true, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public SchemaCheck withSeverity(Severity newSeverity) {
        return new SchemaCheck(expected, allowExtra, ordered, newSeverity);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public List<String> columns() {
        return expected.stream().map(ExpectedColumn::name).toList();
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        return run(table, context, List.of(), false);
    }

    /**
     * Judges a batch's table together with the rows of its input that could not be read as the
     * expected types: each is a difference, and they are this result's failing rows. When the
     * types were read as expected ({@code typesRead}: the batch was read from a file against the
     * suite's schema), a table without rows has no evidence of them, as a header-only file read by
     * inference has none.
     */
    CheckResult run(Table table, CheckContext context, List<BatchRows.Unreadable> unreadable, boolean typesRead) {
        return judge(table.schema(), table.rowCount(), name -> table.column(name).missingCount(), context,
                unreadable, typesRead);
    }

    /**
     * Judges a table known only by its schema, its row count and the missing values of its
     * non-nullable columns, with the same result as {@link #run(Table, CheckContext)} on the table:
     * for engines that measure those without reading the table into one JVM (mlops-spark reads the
     * schema from a Dataset's and counts the missing values with one aggregate).
     *
     * @param schema the table's schema, its columns in order
     * @param rowCount how many rows the table has
     * @param missingCounts the number of missing values of each column this check expects not to
     *     be null ({@link ExpectedColumn#nullable()} false) that the schema has; other columns are
     *     not looked up
     * @param context the run's context
     * @return the result
     * @throws IllegalArgumentException if {@code rowCount} is negative, or a non-nullable column
     *     of the schema has no missing count
     */
    public CheckResult run(Schema schema, long rowCount, Map<String, Long> missingCounts, CheckContext context) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(missingCounts, "missingCounts");
        Objects.requireNonNull(context, "context");
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must not be negative but was " + rowCount);
        }
        return judge(schema, rowCount, name -> {
            Long missing = missingCounts.get(name);
            if (missing == null) {
                throw new IllegalArgumentException("no missing count of the non-nullable column '"
                        + ReadableText.name(name) + "'");
            }
            return missing;
        }, context, List.of(), false);
    }

    private CheckResult judge(Schema schema, long rowCount, ToLongFunction<String> missingCount, CheckContext context,
            List<BatchRows.Unreadable> unreadable, boolean typesRead) {
        List<String> differences = new ArrayList<>();
        if (!unreadable.isEmpty()) {
            differences.add(BatchRows.describe(unreadable));
        }
        boolean needsRows = false;
        List<String> present = new ArrayList<>();
        boolean typesUnknown = false;
        for (ExpectedColumn column : expected) {
            if (!schema.contains(column.name())) {
                differences.add("column '" + ReadableText.name(column.name()) + "' (" + column.type() + ") is missing");
                continue;
            }
            present.add(column.name());
            ColumnType actual = schema.field(column.name()).type();
            if ((actual != column.type() || typesRead) && rowCount == 0) {
                typesUnknown = true;
            } else if (actual != column.type()) {
                differences.add("column '" + ReadableText.name(column.name()) + "' is " + actual + ", expected " + column.type());
            }
            if (!column.nullable()) {
                needsRows = true;
                long missing = missingCount.applyAsLong(column.name());
                if (missing > 0) {
                    differences.add(String.format(Locale.ROOT, "column '%s' must not be null but has %d missing value%s",
                            column.name(), missing, missing == 1 ? "" : "s"));
                }
            }
        }
        Set<String> expectedNames = new HashSet<>(columns());
        if (!allowExtra) {
            for (String name : schema.names()) {
                if (!expectedNames.contains(name)) {
                    differences.add("column '" + ReadableText.name(name) + "' (" + (schema.indexOf(name) + 1) + ", "
                            + schema.field(name).type() + ") is not expected");
                }
            }
        }
        if (ordered) {
            List<String> actualOrder = schema.names().stream().filter(expectedNames::contains).toList();
            if (!actualOrder.equals(present)) {
                differences.add("columns come in the order " + actualOrder + ", expected " + present);
            }
        }
        Threshold threshold = Threshold.atMost(0);
        if (differences.isEmpty() && typesUnknown) {
            return Results.noData(this, threshold, NO_ROWS_FOR_TYPES + " (the names are as expected)");
        }
        if (differences.isEmpty() && needsRows && rowCount == 0) {
            return Results.noData(this, threshold, "the table has no rows to show that its non-nullable columns are complete");
        }
        // each row that could not be read is a difference, though one entry describes them all
        int count = differences.size() + Math.max(0, unreadable.size() - 1);
        String what = differences.isEmpty() ? "the schema is as expected"
                : count + " difference" + (count == 1 ? "" : "s") + ": "
                        + String.join("; ", differences) + (typesUnknown ? "; " + NO_ROWS_FOR_TYPES : "");
        CheckResult result = Results.measured(this, count, threshold, Double.NaN, what);
        if (unreadable.isEmpty()) {
            return result;
        }
        List<FailingRow> sample = unreadable.stream().limit(context.sampleSize()).map(BatchRows.Unreadable::failingRow)
                .toList();
        return result.withFailingRows(unreadable.size(), sample);
    }

    /** @return the settings that rebuild this check */
    @Override
    public Settings settings() {
        return new Settings(expected, allowExtra, ordered, severity);
    }

    /**
     * The settings of a {@code "schema"} check, as a suite's JSON object and a spec string name
     * them; an absent optional setting takes its default. The check validates them when it is built.
     *
     * @param columns the expected columns, in order, each {@code {"name", "type", "nullable"}}
     * @param allowExtra true if the table may have columns that are not expected; default false
     * @param ordered true if the expected columns must come in this order; default false
     * @param severity how serious a failure is; default error
     */
    public record Settings(List<ExpectedColumn> columns, @Nullable Boolean allowExtra, @Nullable Boolean ordered,
            @Nullable Severity severity) {

        /**
        * Fills in the defaults.
        *
        * @param columns the expected columns, in order, each {@code {"name", "type", "nullable"}}
        * @param allowExtra true if the table may have columns that are not expected; default false
        * @param ordered true if the expected columns must come in this order; default false
        * @param severity how serious a failure is; default error
        */
        public Settings {
            allowExtra = allowExtra != null && allowExtra;
            ordered = ordered != null && ordered;
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class, "the table has the expected columns and types");
        }

        @Override
        public SchemaCheck create(Settings settings) {
            return new SchemaCheck(settings.columns(), settings.allowExtra(), settings.ordered(), settings.severity());
        }
    }
}
