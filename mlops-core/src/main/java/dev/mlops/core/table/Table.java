package dev.mlops.core.table;

import dev.mlops.core.SchemaException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, columnar table: a {@link Schema} and one {@link Column} per field, all of the
 * same number of rows.
 *
 * <p>Build one column-wise with {@link #of(Column...)} or {@link #builder()}, row-wise with
 * {@link #rowBuilder(Schema)}, or read one with the IO classes of mlops-data. Row subsets
 * ({@link #rows(int...)}, {@link #head(int)}) are zero-copy views. Two tables are equal when
 * their schemas are equal and every cell is equal (both missing, or equal values; NaN equals
 * NaN; categorical levels compare as strings). Tables are immutable and thread-safe.
 */
public final class Table {
    private final Schema schema;
    private final List<Column> columns;
    private final int rowCount;

    private Table(List<Column> columns) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (Column column : columns) {
            fields.add(new Field(column.name(), column.type(), column.sensitive()));
        }
        this.schema = Schema.of(fields);
        this.columns = List.copyOf(columns);
        this.rowCount = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column column : columns) {
            if (column.size() != rowCount) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
                        + " rows but column '" + columns.get(0).name() + "' has " + rowCount);
            }
        }
    }

    /**
     * Returns the table of the given columns, in order.
     *
     * @param columns columns of equal size with unique names
     * @return the table
     * @throws IllegalArgumentException if the sizes differ or two columns share a name
     */
    public static Table of(List<? extends Column> columns) {
        Objects.requireNonNull(columns, "columns");
        return new Table(List.copyOf(columns));
    }

    /**
     * Returns the table of the given columns, in order.
     *
     * @param columns columns of equal size with unique names
     * @return the table
     * @throws IllegalArgumentException if the sizes differ or two columns share a name
     */
    public static Table of(Column... columns) {
        return of(Arrays.asList(columns));
    }

    /**
     * Returns a table with the given schema and no rows.
     *
     * @param schema the schema
     * @return an empty table
     */
    public static Table empty(Schema schema) {
        return rowBuilder(schema).build();
    }

    /** @return a builder that adds whole columns */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that adds rows of boxed values checked against a schema.
     *
     * @param schema the schema the rows follow
     * @return an empty row builder
     */
    public static RowBuilder rowBuilder(Schema schema) {
        return new RowBuilder(schema);
    }

    /** @return the schema */
    public Schema schema() {
        return schema;
    }

    /** @return the number of rows */
    public int rowCount() {
        return rowCount;
    }

    /** @return the number of columns */
    public int columnCount() {
        return columns.size();
    }

    /** @return the columns in schema order, unmodifiable */
    public List<Column> columns() {
        return columns;
    }

    /**
     * Returns the column at a 0-based position.
     *
     * @param index the position
     * @return the column
     * @throws IndexOutOfBoundsException if there is no such position
     */
    public Column column(int index) {
        return columns.get(index);
    }

    /**
     * Returns the named column.
     *
     * @param name the column's name
     * @return the column
     * @throws SchemaException if there is no such column; the message lists the names there are
     */
    public Column column(String name) {
        return columns.get(schema.indexOf(name));
    }

    /**
     * Returns the named numeric column.
     *
     * @param name the column's name
     * @return the column
     * @throws SchemaException if there is no such column or it is not numeric
     */
    public NumericColumn numericColumn(String name) {
        return typed(name, ColumnType.NUMERIC, NumericColumn.class);
    }

    /**
     * Returns the named categorical column.
     *
     * @param name the column's name
     * @return the column
     * @throws SchemaException if there is no such column or it is not categorical
     */
    public CategoricalColumn categoricalColumn(String name) {
        return typed(name, ColumnType.CATEGORICAL, CategoricalColumn.class);
    }

    /**
     * Returns the named boolean column.
     *
     * @param name the column's name
     * @return the column
     * @throws SchemaException if there is no such column or it is not boolean
     */
    public BooleanColumn booleanColumn(String name) {
        return typed(name, ColumnType.BOOLEAN, BooleanColumn.class);
    }

    /**
     * Returns the named timestamp column.
     *
     * @param name the column's name
     * @return the column
     * @throws SchemaException if there is no such column or it is not a timestamp column
     */
    public TimestampColumn timestampColumn(String name) {
        return typed(name, ColumnType.TIMESTAMP, TimestampColumn.class);
    }

    /**
     * Returns the named text column.
     *
     * @param name the column's name
     * @return the column
     * @throws SchemaException if there is no such column or it is not a text column
     */
    public TextColumn textColumn(String name) {
        return typed(name, ColumnType.TEXT, TextColumn.class);
    }

    private <C extends Column> C typed(String name, ColumnType expected, Class<C> type) {
        Column column = column(name);
        if (column.type() != expected) {
            throw new SchemaException("column '" + name + "' is " + column.type() + ", not " + expected);
        }
        return type.cast(column);
    }

    /**
     * Returns a view of the given rows, in the given order; rows may repeat. The view shares this
     * table's values.
     *
     * @param rows 0-based rows of this table
     * @return a table of {@code rows.length} rows
     * @throws IndexOutOfBoundsException if a row is outside {@code [0, rowCount())}
     */
    public Table rows(int... rows) {
        Objects.requireNonNull(rows, "rows");
        if (columns.isEmpty() && rows.length > 0) {
            throw new IndexOutOfBoundsException("rows[0] = " + rows[0] + " is outside a table of no columns and 0 rows");
        }
        List<Column> selected = new ArrayList<>(columns.size());
        for (Column column : columns) {
            selected.add(column.select(rows));
        }
        return new Table(selected);
    }

    /**
     * Returns a view of the first rows.
     *
     * @param n how many rows; more than {@link #rowCount()} gives them all
     * @return a table of {@code min(n, rowCount())} rows
     * @throws IllegalArgumentException if n is negative
     */
    public Table head(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative but was " + n);
        }
        int[] rows = new int[Math.min(n, rowCount)];
        Arrays.setAll(rows, i -> i);
        return rows(rows);
    }

    /**
     * Returns the table of the named columns, in the given order.
     *
     * @param names column names of this table
     * @return a table sharing this table's columns
     * @throws SchemaException if a name is unknown
     */
    public Table select(String... names) {
        List<Column> selected = new ArrayList<>(names.length);
        for (String name : names) {
            selected.add(column(name));
        }
        return new Table(selected);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Table that) || !schema.equals(that.schema) || rowCount != that.rowCount) {
            return false;
        }
        for (int c = 0; c < columns.size(); c++) {
            Column mine = columns.get(c);
            Column theirs = that.columns.get(c);
            for (int row = 0; row < rowCount; row++) {
                if (!mine.valueEquals(row, theirs, row)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = schema.hashCode();
        for (Column column : columns) {
            for (int row = 0; row < rowCount; row++) {
                hash = 31 * hash + column.valueHash(row);
            }
        }
        return hash;
    }

    /** @return the shape, the schema's names and the first ten rows, aligned as text */
    @Override
    public String toString() {
        return TablePrinter.print(this, 10);
    }

    /** Adds whole columns; not thread-safe. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a column.
         *
         * @param column the column
         * @return this builder
         */
        public Builder add(Column column) {
            columns.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * Adds a numeric column of the given values, none missing.
         *
         * @param name the column's name
         * @param values the values, copied
         * @return this builder
         */
        public Builder numeric(String name, double... values) {
            return add(NumericColumn.of(name, values));
        }

        /**
         * Adds a categorical column; a {@code null} element is a missing value.
         *
         * @param name the column's name
         * @param values the values
         * @return this builder
         */
        public Builder categorical(String name, @Nullable String... values) {
            return add(CategoricalColumn.of(name, values));
        }

        /**
         * Adds a boolean column; a {@code null} element is a missing value.
         *
         * @param name the column's name
         * @param values the values
         * @return this builder
         */
        public Builder bool(String name, @Nullable Boolean... values) {
            return add(BooleanColumn.of(name, values));
        }

        /**
         * Adds a timestamp column; a {@code null} element is a missing value.
         *
         * @param name the column's name
         * @param values the values
         * @return this builder
         */
        public Builder timestamp(String name, @Nullable Instant... values) {
            return add(TimestampColumn.of(name, values));
        }

        /**
         * Adds a text column; a {@code null} element is a missing value.
         *
         * @param name the column's name
         * @param values the values
         * @return this builder
         */
        public Builder text(String name, @Nullable String... values) {
            return add(TextColumn.of(name, values));
        }

        /**
         * Builds the table.
         *
         * @return the table of the columns added
         * @throws IllegalArgumentException if the sizes differ or two columns share a name
         */
        public Table build() {
            return new Table(columns);
        }
    }
}
