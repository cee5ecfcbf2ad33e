package dev.mlops.data.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
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

/**
 * The table's schema must not have changed: every expected column is there with its type, a
 * column that is not nullable has no missing value, and, unless extra columns are allowed, there
 * is no other column; with {@code ordered}, the columns come in the expected order. The measured
 * value is the number of differences, which must be 0; the message lists them. An empty table is
 * judged on its schema alone, but a non-nullable column of an empty table is no data.
 *
 * @param expected the expected columns, in order, unmodifiable
 * @param allowExtra true if the table may have columns that are not expected
 * @param ordered true if the expected columns must come in this order
 * @param severity how serious a failure is
 */
public record SchemaCheck(List<ExpectedColumn> expected, boolean allowExtra, boolean ordered, Severity severity)
        implements BuiltInCheck {
    static final String TYPE = "schema";

    /**
     * Copies the columns.
     *
     * @throws IllegalArgumentException if no column is expected or a name repeats
     */
    public SchemaCheck {
        expected = List.copyOf(expected);
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("a schema check must expect at least one column");
        }
        Set<String> names = new HashSet<>();
        for (ExpectedColumn column : expected) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("expected column '" + column.name() + "' is listed twice");
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
        Schema schema = table.schema();
        List<String> differences = new ArrayList<>();
        boolean needsRows = false;
        List<String> present = new ArrayList<>();
        for (ExpectedColumn column : expected) {
            if (!schema.contains(column.name())) {
                differences.add("column '" + column.name() + "' (" + column.type() + ") is missing");
                continue;
            }
            present.add(column.name());
            Column actual = table.column(column.name());
            if (actual.type() != column.type()) {
                differences.add("column '" + column.name() + "' is " + actual.type() + ", expected " + column.type());
            }
            if (!column.nullable()) {
                needsRows = true;
                if (actual.missingCount() > 0) {
                    differences.add(String.format(Locale.ROOT, "column '%s' must not be null but has %d missing value%s",
                            column.name(), actual.missingCount(), actual.missingCount() == 1 ? "" : "s"));
                }
            }
        }
        Set<String> expectedNames = new HashSet<>(columns());
        if (!allowExtra) {
            for (String name : schema.names()) {
                if (!expectedNames.contains(name)) {
                    differences.add("column '" + name + "' (" + (schema.indexOf(name) + 1) + ", "
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
        if (differences.isEmpty() && needsRows && table.rowCount() == 0) {
            return Results.noData(this, threshold, "the table has no rows to show that its non-nullable columns are complete");
        }
        String what = differences.isEmpty() ? "the schema is as expected"
                : differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + ": "
                        + String.join("; ", differences);
        return Results.measured(this, differences.size(), threshold, Double.NaN, what);
    }

    static SchemaCheck read(JsonFields fields) {
        List<ExpectedColumn> columns = new ArrayList<>();
        int index = 0;
        for (JsonNode node : fields.objects("columns")) {
            index++;
            JsonFields column = new JsonFields(node, fields.where() + ", column " + index);
            String type = column.text("type");
            ColumnType columnType;
            try {
                columnType = ColumnType.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw column.error("'type' must be one of numeric, categorical, boolean, timestamp, text but was '"
                        + type + "'");
            }
            columns.add(new ExpectedColumn(column.text("name"), columnType, column.bool("nullable", true)));
            column.requireNoOthers();
        }
        return new SchemaCheck(columns, fields.bool("allowExtra", false), fields.bool("ordered", false),
                fields.severity());
    }

    @Override
    public void writeSettings(Map<String, Object> fields) {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ExpectedColumn column : expected) {
            columns.add(Map.of("name", column.name(), "type", column.type().name().toLowerCase(Locale.ROOT),
                    "nullable", column.nullable()));
        }
        fields.put("columns", columns);
        fields.put("allowExtra", allowExtra);
        fields.put("ordered", ordered);
    }
}
