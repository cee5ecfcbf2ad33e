package dev.mlops.deploy.serving;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.train.predict.InputCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Turns a request into the features table of one variant, and table rows into capture maps. */
final class Features {

    private Features() {
        throw new AssertionError("no instances");
    }

    /**
     * The request's features as the variant's input schema wants them.
     *
     * @throws EndpointException (invalid request) naming every absent or mistyped feature, and
     *     the mistyped value's Java type, never the value (it may be a sensitive feature's)
     */
    static Table of(PredictRequest request, Schema schema, String variant, String inferenceId) {
        Table table = request.featureTable();
        if (table != null) {
            try {
                InputCheck.require(schema, table);
            } catch (SchemaException e) {
                throw invalid(variant, inferenceId, e.getMessage(), e);
            }
            return table;
        }
        Map<String, @Nullable Object> row = Objects.requireNonNull(request.featureRow(), "a request has a row or a table");
        List<String> problems = new ArrayList<>();
        @Nullable Object[] values = new Object[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            Field field = schema.field(i);
            if (!row.containsKey(field.name())) {
                problems.add("feature '" + field.name() + "' (" + typeName(field) + ") is absent");
                continue;
            }
            Object value = row.get(field.name());
            if (value != null && !fits(field, value)) {
                problems.add("feature '" + field.name() + "' is " + typeName(field) + ", but the request has a value of type "
                        + value.getClass().getSimpleName());
            }
            values[i] = value;
        }
        if (!problems.isEmpty()) {
            throw invalid(variant, inferenceId, String.join("; ", problems), null);
        }
        try {
            return Table.rowBuilder(schema).addRow(values).build();
        } catch (IllegalArgumentException e) {
            throw invalid(variant, inferenceId, e.getMessage(), e);
        }
    }

    /** @return the row's cells, column name to a JSON-writable value (null when missing) */
    static Map<String, @Nullable Object> row(Table table, int row) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            values.put(column.name(), column.isMissing(row) ? null : value(column, row));
        }
        return values;
    }

    private static Object value(Column column, int row) {
        Object value = raw(column, row);
        return value instanceof Instant instant ? instant.toString() : value;
    }

    /** @return the present cell as a request row holds it: Double, String, Boolean or Instant */
    static Object raw(Column column, int row) {
        if (column instanceof NumericColumn numeric) {
            return numeric.get(row);
        } else if (column instanceof CategoricalColumn categorical) {
            return categorical.get(row);
        } else if (column instanceof BooleanColumn bool) {
            return bool.get(row);
        } else if (column instanceof TimestampColumn timestamp) {
            return timestamp.get(row);
        }
        return ((TextColumn) column).get(row);
    }

    private static boolean fits(Field field, Object value) {
        return switch (field.type()) {
            case NUMERIC -> value instanceof Number;
            case CATEGORICAL, TEXT -> value instanceof String;
            case BOOLEAN -> value instanceof Boolean;
            case TIMESTAMP -> value instanceof Instant;
        };
    }

    private static String typeName(Field field) {
        return field.type().name().toLowerCase(Locale.ROOT);
    }

    private static EndpointException invalid(String variant, String inferenceId, @Nullable String problem,
            @Nullable Throwable cause) {
        return new EndpointException(EndpointException.Reason.INVALID_REQUEST, variant, inferenceId,
                "request " + inferenceId + " does not fit the input of variant '" + variant + "': " + problem, cause);
    }
}
