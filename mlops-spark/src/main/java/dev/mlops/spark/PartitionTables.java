package dev.mlops.spark;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnBuilder;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.store.EpochMicros;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Reads Spark's internal rows into mlops {@link Table}s of at most a given number of rows, one
 * column builder per column, each value read with its primitive getter (no boxing of numbers,
 * booleans or timestamps). The rows' ordinals are the {@link SparkSchema}'s columns, in order
 * ({@link SparkTables#rows} selects them so). Spark may reuse one row object for the next row:
 * every value is copied out before the next row is read.
 */
final class PartitionTables implements Iterator<Table> {
    /** The most rows a chunk holds unless the caller asks for fewer: bounds a task's memory. */
    static final int DEFAULT_CHUNK_ROWS = 1 << 20;
    private static final long MAX_EXACT_INTEGER = 1L << 53;
    private static final long SECONDS_PER_DAY = 86_400L;

    private final Iterator<InternalRow> rows;
    private final SparkSchema schema;
    private final int chunkRows;
    private boolean yieldedAny;

    private PartitionTables(Iterator<InternalRow> rows, SparkSchema schema, int chunkRows) {
        this.rows = rows;
        this.schema = schema;
        this.chunkRows = chunkRows;
    }

    /**
     * @param rows a partition's rows, their ordinals the schema's columns
     * @param schema how each column reads
     * @param chunkRows the most rows a table holds, at least 1
     * @return the partition's rows as tables, in order; one empty table for an empty partition, so
     *     that every partition yields at least one table
     */
    static Iterator<Table> of(Iterator<InternalRow> rows, SparkSchema schema, int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1 but was " + chunkRows);
        }
        return new PartitionTables(rows, schema, chunkRows);
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext() || !yieldedAny;
    }

    @Override
    public Table next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        yieldedAny = true;
        int columns = schema.size();
        ColumnBuilder[] builders = new ColumnBuilder[columns];
        for (int c = 0; c < columns; c++) {
            builders[c] = ColumnBuilder.of(schema.name(c), schema.type(c));
        }
        int read = 0;
        while (read < chunkRows && rows.hasNext()) {
            InternalRow row = rows.next();
            for (int c = 0; c < columns; c++) {
                append(builders[c], row, c);
            }
            read++;
        }
        List<Column> built = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            Column column = builders[c].build();
            built.add(schema.sensitive(c) ? column.withSensitive(true) : column);
        }
        return Table.of(built);
    }

    private void append(ColumnBuilder builder, InternalRow row, int c) {
        if (row.isNullAt(c)) {
            builder.addMissing();
            return;
        }
        switch (schema.type(c)) {
            case NUMERIC -> ((NumericColumn.Builder) builder).add(number(row, c));
            case CATEGORICAL -> ((CategoricalColumn.Builder) builder).add(text(row, c));
            case TEXT -> ((TextColumn.Builder) builder).add(text(row, c));
            case BOOLEAN -> ((BooleanColumn.Builder) builder).add(row.getBoolean(c));
            case TIMESTAMP -> ((TimestampColumn.Builder) builder).add(instant(row, c));
        }
    }

    private double number(InternalRow row, int c) {
        return switch (schema.source(c)) {
            case BYTE -> row.getByte(c);
            case SHORT -> row.getShort(c);
            case INT -> row.getInt(c);
            case LONG -> exactDouble(row.getLong(c), c);
            case FLOAT -> row.getFloat(c);
            case DOUBLE -> row.getDouble(c);
            case DECIMAL -> row.getDecimal(c, schema.precision(c), schema.scale(c)).toDouble();
            default -> throw new IllegalStateException(schema.source(c) + " is not numeric");
        };
    }

    private double exactDouble(long value, int c) {
        if (value > MAX_EXACT_INTEGER || value < -MAX_EXACT_INTEGER) {
            throw new SchemaException("column '" + schema.name(c) + "' holds " + value + ", beyond ±2^53, which has no"
                    + " exact double; read the column as categorical (SparkSchema.withType(\"" + schema.name(c)
                    + "\", ColumnType.CATEGORICAL))");
        }
        return value;
    }

    private String text(InternalRow row, int c) {
        return switch (schema.source(c)) {
            case STRING -> row.getUTF8String(c).toString();
            case BYTE -> Byte.toString(row.getByte(c));
            case SHORT -> Short.toString(row.getShort(c));
            case INT -> Integer.toString(row.getInt(c));
            case LONG -> Long.toString(row.getLong(c));
            case BOOLEAN -> Boolean.toString(row.getBoolean(c));
            default -> throw new IllegalStateException(schema.source(c) + " is not read as text");
        };
    }

    private Instant instant(InternalRow row, int c) {
        if (schema.source(c) == SourceType.DATE) {
            return Instant.ofEpochSecond(row.getInt(c) * SECONDS_PER_DAY);
        }
        return EpochMicros.instant(row.getLong(c));
    }
}
