package dev.mlops.core.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Table} one row at a time from boxed values checked against a {@link Schema}:
 * a {@link Number} for a numeric field, a {@link String} for a categorical or text field, a
 * {@link Boolean} for a boolean field, an {@link Instant} for a timestamp field, and
 * {@code null} for a missing value. A {@link Long} beyond ±2^53, which a double cannot hold
 * exactly, is refused rather than rounded. Convenient for tests and small tables; readers and hot paths
 * use the column builders. Not thread-safe.
 */
public final class RowBuilder {
    private static final long LARGEST_EXACT_INTEGER = 1L << 53;
    private final Schema schema;
    private final List<ColumnBuilder> builders;
    private int rows;

    RowBuilder(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.builders = new ArrayList<>(schema.size());
        for (Field field : schema.fields()) {
            builders.add(ColumnBuilder.of(field.name(), field.type()));
        }
    }

    /**
     * Appends a row.
     *
     * @param values one value per field, in schema order; {@code null} for a missing value
     * @return this builder
     * @throws IllegalArgumentException if the number of values differs from the schema's, or a
     *     value has the wrong type for its field; nothing of the row is appended then
     */
    public RowBuilder addRow(@Nullable Object... values) {
        Objects.requireNonNull(values, "values");
        if (values.length != schema.size()) {
            throw new IllegalArgumentException("row " + rows + " has " + values.length + " values but the schema has "
                    + schema.size() + " fields: " + String.join(", ", schema.names()));
        }
        for (int i = 0; i < values.length; i++) {
            checkType(i, values[i]);
        }
        for (int i = 0; i < values.length; i++) {
            append(builders.get(i), values[i]);
        }
        rows++;
        return this;
    }

    private void checkType(int field, @Nullable Object value) {
        if (value == null) {
            return;
        }
        Class<?> expected = switch (schema.field(field).type()) {
            case NUMERIC -> Number.class;
            case CATEGORICAL, TEXT -> String.class;
            case BOOLEAN -> Boolean.class;
            case TIMESTAMP -> Instant.class;
        };
        if (schema.field(field).type() == ColumnType.NUMERIC && value instanceof Long whole
                && Math.abs(whole) > LARGEST_EXACT_INTEGER) {
            throw new IllegalArgumentException("row " + rows + ", column '" + schema.field(field).name() + "' ("
                    + (field + 1) + ") is NUMERIC, and the integer " + whole
                    + " is beyond 2^53, where a double loses digits; store ids in a categorical column");
        }
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("row " + rows + ", column '" + schema.field(field).name() + "' ("
                    + (field + 1) + ") is " + schema.field(field).type() + " and needs a value of type " + expected.getSimpleName()
                    + " but got " + value.getClass().getSimpleName() + " " + value);
        }
    }

    private static void append(ColumnBuilder builder, @Nullable Object value) {
        if (value == null) {
            builder.addMissing();
        } else if (builder instanceof NumericColumn.Builder numeric) {
            numeric.add(((Number) value).doubleValue());
        } else if (builder instanceof CategoricalColumn.Builder categorical) {
            categorical.add((String) value);
        } else if (builder instanceof BooleanColumn.Builder bool) {
            bool.add((Boolean) value);
        } else if (builder instanceof TimestampColumn.Builder timestamp) {
            timestamp.add((Instant) value);
        } else {
            ((TextColumn.Builder) builder).add((String) value);
        }
    }

    /** @return the number of rows appended so far */
    public int rowCount() {
        return rows;
    }

    /** @return the table of the rows appended, its columns marked sensitive as the schema's fields are */
    public Table build() {
        List<Column> columns = new ArrayList<>(builders.size());
        for (int i = 0; i < builders.size(); i++) {
            columns.add(builders.get(i).build().withSensitive(schema.field(i).sensitive()));
        }
        return Table.of(columns);
    }
}
