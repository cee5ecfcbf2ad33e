package dev.mlops.data.check;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Argument checks and column look-ups that the built-in checks share. */
final class Columns {
    static final String MISSING_TEXT = "<missing>";

    private Columns() {
        throw new AssertionError("no instances");
    }

    static String name(@Nullable String column) {
        required("column", column);
        if (column.isBlank()) {
            throw new IllegalArgumentException("column must not be blank but was '" + ReadableText.name(column) + "'");
        }
        return column;
    }

    /**
     * Refuses an absent setting with an {@link IllegalArgumentException}, which a component
     * registry reports with the document and check it came from.
     */
    static <T> T required(String setting, @Nullable T value) {
        if (value == null) {
            throw new IllegalArgumentException(setting + " is required but absent");
        }
        return value;
    }

    static List<String> names(@Nullable List<String> columns) {
        List<String> copy = List.copyOf(required("columns", columns));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("columns must not be empty");
        }
        copy.forEach(Columns::name);
        if (copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("columns must not repeat but were " + copy);
        }
        return copy;
    }

    static double share(String argument, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(argument + " must be a share in [0, 1] but was " + value);
        }
        return value;
    }

    /** Column names for a message, each cut and escaped, separated by commas. */
    static String listed(List<String> names) {
        return String.join(", ", names.stream().map(ReadableText::name).toList());
    }

    /** The named column, which must have one of the given types. */
    static Column of(Table table, String name, Check check, ColumnType... types) {
        Column column = table.column(name);
        if (types.length == 0) {
            return column;
        }
        for (ColumnType type : types) {
            if (column.type() == type) {
                return column;
            }
        }
        throw new SchemaException("column '" + ReadableText.name(name) + "' (" + (table.schema().indexOf(name) + 1) + ") is "
                + column.type() + " but " + check.type() + " needs " + (types.length == 1 ? "" : "one of ")
                + List.of(types).toString().replace("[", "").replace("]", ""));
    }

    static String text(Column column, int row) {
        return column.isMissing(row) ? MISSING_TEXT : ReadableText.name(column.format(row));
    }
}
