package dev.mlops.parquet;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.jspecify.annotations.Nullable;

/**
 * Hands the rows of one {@link Table} to parquet-hadoop's writer, column by column within each
 * row: numeric as {@code DOUBLE}, categorical and text as {@code BINARY} with the {@code STRING}
 * annotation (a categorical column's levels are encoded to UTF-8 once; the writer's dictionary
 * encoding keeps their codes), boolean as {@code BOOLEAN}, timestamps as {@code INT64}
 * {@code TIMESTAMP(MICROS, isAdjustedToUTC=true)}; every column is optional, and a missing value
 * is a null. The table's schema goes into the key-value metadata ({@link StoredSchema}).
 *
 * <p>Instants are converted to microseconds when the support is made, so that an instant
 * Parquet cannot hold is refused before a byte is written. One instance writes one table once:
 * not thread-safe.
 */
final class TableWriteSupport extends WriteSupport<TableWriteSupport.Row> {
    /** The name of the file schema's root, as pyarrow names it. */
    private static final String ROOT = "schema";
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    private final Table table;
    private final MessageType schema;
    private final List<Column> columns;
    private final String[] names;
    /** Per categorical column, its levels in UTF-8; null for other columns. */
    private final Binary[][] levels;
    /** Per timestamp column, its instants in microseconds since the epoch; null for other columns. */
    private final long[][] micros;
    private @Nullable RecordConsumer consumer;

    /** The row to write next: passed to {@link org.apache.parquet.hadoop.ParquetWriter#write} again and again. */
    static final class Row {
        int index;
    }

    /**
     * @param table the table to write
     * @throws IllegalArgumentException if the table has no columns, or an instant has a fraction
     *     of a microsecond or lies beyond what 64 bits of microseconds hold (about ±292,000 years);
     *     the message names the column and the 0-based row
     */
    TableWriteSupport(Table table) {
        if (table.columnCount() == 0) {
            throw new IllegalArgumentException("a Parquet file needs at least one column, but the table has none");
        }
        this.table = table;
        this.schema = fileSchema(table);
        this.columns = table.columns();
        this.names = table.schema().names().toArray(String[]::new);
        this.levels = new Binary[columns.size()][];
        this.micros = new long[columns.size()][];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column instanceof CategoricalColumn categorical) {
                levels[i] = categorical.levels().stream().map(Binary::fromString).toArray(Binary[]::new);
            } else if (column instanceof TimestampColumn timestamps) {
                micros[i] = micros(timestamps, i + 1);
            }
        }
    }

    /** @return the Parquet schema of the table's columns, all optional */
    static MessageType fileSchema(Table table) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Field field : table.schema().fields()) {
            switch (field.type()) {
                case NUMERIC -> builder.optional(PrimitiveTypeName.DOUBLE).named(field.name());
                case CATEGORICAL, TEXT -> builder.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(field.name());
                case BOOLEAN -> builder.optional(PrimitiveTypeName.BOOLEAN).named(field.name());
                case TIMESTAMP -> builder.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(field.name());
            }
        }
        return builder.named(ROOT);
    }

    /** The instants of a column in microseconds, refusing those Parquet's microseconds cannot hold. */
    private static long[] micros(TimestampColumn column, int position) {
        long[] values = new long[column.size()];
        for (int row = 0; row < values.length; row++) {
            if (column.isMissing(row)) {
                continue;
            }
            long second = column.epochSecond(row);
            int nano = column.nano(row);
            long micros = second * MICROS_PER_SECOND + nano / NANOS_PER_MICRO;
            // exact unless it overflowed, which the way back from microseconds to the second shows
            if (Math.floorDiv(micros, MICROS_PER_SECOND) != second) {
                throw new IllegalArgumentException(where(column, position, row) + column.get(row)
                        + " lies beyond what Parquet's TIMESTAMP(MICROS) holds (64 bits of microseconds from"
                        + " 1970, about ±292,000 years)");
            }
            values[row] = micros;
            if (nano % NANOS_PER_MICRO != 0) {
                throw new IllegalArgumentException(where(column, position, row) + column.get(row)
                        + " has a fraction of a microsecond, which Parquet's TIMESTAMP(MICROS) cannot hold;"
                        + " truncate the column's instants to microseconds first if that precision is not needed");
            }
        }
        return values;
    }

    private static String where(Column column, int position, int row) {
        return "column '" + column.name() + "' (" + position + "), row " + row + " (0-based): ";
    }

    /** Abstract in parquet-hadoop, so implemented; not called, since the writer is given a ParquetConfiguration. */
    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(Configuration configuration) {
        return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return context();
    }

    private WriteContext context() {
        return new WriteContext(schema, Map.of(StoredSchema.KEY, StoredSchema.write(table.schema())));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public String getName() {
        return "mlops";
    }

    @Override
    public void write(Row record) {
        RecordConsumer consumer = Objects.requireNonNull(this.consumer, "the writer has not prepared this support");
        int row = record.index;
        consumer.startMessage();
        for (int i = 0; i < names.length; i++) {
            Column column = columns.get(i);
            if (column.isMissing(row)) {
                continue;
            }
            consumer.startField(names[i], i);
            switch (column.type()) {
                case NUMERIC -> consumer.addDouble(((NumericColumn) column).get(row));
                case CATEGORICAL -> consumer.addBinary(levels[i][((CategoricalColumn) column).code(row)]);
                case TEXT -> consumer.addBinary(Binary.fromString(((TextColumn) column).get(row)));
                case BOOLEAN -> consumer.addBoolean(((BooleanColumn) column).get(row));
                case TIMESTAMP -> consumer.addLong(micros[i][row]);
            }
            consumer.endField(names[i], i);
        }
        consumer.endMessage();
    }
}
