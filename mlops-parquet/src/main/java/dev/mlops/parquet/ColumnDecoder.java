package dev.mlops.parquet;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnBuilder;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.io.LocalTimes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one Parquet column's values, row group after row group, into one mlops column of a
 * chosen type ({@link FileColumn#readableAs}): a value at the column's maximum definition level
 * is present, anything less is missing (null). Numbers, booleans and instants are read as such;
 * an integer, decimal, boolean, date or instant read as categorical or text becomes its canonical
 * text ({@code 42}, {@code 1.50}, {@code true}, {@code 2024-01-31}, {@code 2024-01-31T12:00:00Z});
 * UTF-8 is decoded strictly, and a categorical column decodes each distinct value once.
 *
 * <p>One decoder builds one column and belongs to one reading thread: not thread-safe.
 */
abstract class ColumnDecoder {
    /** The Julian day of 1970-01-01, which INT96 timestamps count from. */
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final int INT96_BYTES = 12;

    /** A value that cannot be read, at a 0-based row of the rows one {@link #decode} call read. */
    static final class RowException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int row;

        RowException(int row, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.row = row;
        }

        /** @return the 0-based row among the rows of the call */
        int row() {
            return row;
        }
    }

    /**
     * @param column the file's column
     * @param type the type to read it as, one of {@link FileColumn#readableAs}
     * @param zone the zone of local date-times, or null
     * @param localTimes what to do with a local date-time in a gap or overlap of the zone
     * @param rows the rows the column will hold, to size its arrays once
     * @return a decoder building a column of that type and the file column's name
     * @throws IllegalArgumentException if the column cannot be read as that type
     */
    static ColumnDecoder of(FileColumn column, ColumnType type, @Nullable ZoneId zone, LocalTimes localTimes, int rows) {
        if (!column.readableAs(zone != null).contains(type)) {
            throw new IllegalArgumentException("column '" + column.name() + "' of " + column.family()
                    + " values cannot be read as " + type);
        }
        ColumnBuilder builder = ColumnBuilder.of(column.name(), type).ensureCapacity(rows);
        return switch (type) {
            case NUMERIC -> {
                if (column.family() == FileColumn.Family.FLOATING || column.family() == FileColumn.Family.SIGNED_INTEGER) {
                    yield new NumberPages((NumericColumn.Builder) builder, column.type().getPrimitiveTypeName());
                }
                NumericColumn.Builder numbers = (NumericColumn.Builder) builder;
                NumberValue value = numbers(column);
                yield new ByValue(builder, reader -> numbers.add(value.read(reader)));
            }
            case BOOLEAN -> {
                BooleanColumn.Builder booleans = (BooleanColumn.Builder) builder;
                yield new ByValue(builder, reader -> booleans.add(reader.getBoolean()));
            }
            case TIMESTAMP -> {
                TimestampColumn.Builder instants = (TimestampColumn.Builder) builder;
                Value<Instant> value = instants(column, zone, localTimes);
                yield new ByValue(builder, reader -> instants.add(value.read(reader)));
            }
            case CATEGORICAL -> column.family() == FileColumn.Family.STRING
                    ? new CategoryPages((CategoricalColumn.Builder) builder)
                    : texts(builder, column);
            case TEXT -> texts(builder, column);
        };
    }

    /** @return a decoder of any value as its text, into a categorical or text column */
    private static ColumnDecoder texts(ColumnBuilder builder, FileColumn column) {
        Value<String> value = texts(column);
        if (builder instanceof CategoricalColumn.Builder categories) {
            return new ByValue(builder, reader -> categories.add(value.read(reader)));
        }
        TextColumn.Builder texts = (TextColumn.Builder) builder;
        return new ByValue(builder, reader -> texts.add(value.read(reader)));
    }

    /**
     * Reads a row group's rows of the column into the column being built.
     *
     * @param column the file's column
     * @param readers the row group's column readers, which read its pages value by value
     * @param pages the row group's pages, for a decoder that reads them itself
     * @param rows the row group's rows
     * @throws RowException naming the row of a value that cannot be decoded or read as the type (the
     *     first row of its page where the page itself cannot be read)
     */
    abstract void decode(FileColumn column, ColumnReadStore readers, PageReadStore pages, int rows);

    /** @return the builder of the column */
    abstract ColumnBuilder builder();

    /** @return the column of the rows decoded so far */
    final Column build() {
        return builder().build();
    }

    /**
     * Tells whether a column's current value, which is present, is an integer beyond ±2^53.
     *
     * @param column a column of integers or decimals
     * @param reader its reader at a present value
     * @return true if the value is an integer a double cannot hold exactly
     */
    static boolean exceedsDoublePrecision(FileColumn column, ColumnReader reader) {
        return switch (column.family()) {
            case UNSIGNED_INTEGER -> Long.compareUnsigned(unsigned(column, reader), FileColumn.LARGEST_EXACT_INTEGER) > 0;
            case DECIMAL -> decimal(column, reader).unscaledValue().abs()
                    .compareTo(BigInteger.valueOf(FileColumn.LARGEST_EXACT_INTEGER)) > 0;
            default -> {
                long value = signed(column, reader);
                yield value > FileColumn.LARGEST_EXACT_INTEGER || value < -FileColumn.LARGEST_EXACT_INTEGER;
            }
        };
    }

    /** A value read from the reader's current position. */
    @FunctionalInterface
    private interface Value<T> {
        T read(ColumnReader reader);
    }

    /** A number read from the reader's current position. */
    @FunctionalInterface
    private interface NumberValue {
        double read(ColumnReader reader);
    }

    /** @return how to read an unsigned integer or a decimal as a number (other numbers' pages are read in bulk) */
    private static NumberValue numbers(FileColumn column) {
        return column.family() == FileColumn.Family.UNSIGNED_INTEGER
                ? reader -> unsignedToDouble(unsigned(column, reader))
                : reader -> decimal(column, reader).doubleValue();
    }

    private static Value<String> texts(FileColumn column) {
        return switch (column.family()) {
            case SIGNED_INTEGER -> reader -> Long.toString(signed(column, reader));
            case UNSIGNED_INTEGER -> reader -> Long.toUnsignedString(unsigned(column, reader));
            case DECIMAL -> reader -> decimal(column, reader).toPlainString();
            case BOOLEAN -> reader -> Boolean.toString(reader.getBoolean());
            case STRING -> {
                CharsetDecoder utf8 = utf8();
                yield reader -> utf8(utf8, reader.getBinary());
            }
            case INSTANT -> {
                Value<Instant> instants = instants(column, null, LocalTimes.ERROR);
                yield reader -> instants.read(reader).toString();
            }
            case DATE -> reader -> LocalDate.ofEpochDay(reader.getInteger()).toString();
            case LOCAL_DATE_TIME -> reader -> localDateTime(column, reader.getLong()).toString();
            case FLOATING -> throw new IllegalArgumentException("floating-point numbers are not read as text");
        };
    }

    private static Value<Instant> instants(FileColumn column, @Nullable ZoneId zone, LocalTimes localTimes) {
        return switch (column.family()) {
            case DATE -> reader -> Instant.ofEpochSecond(reader.getInteger() * SECONDS_PER_DAY);
            case LOCAL_DATE_TIME -> {
                if (zone == null) {
                    throw new IllegalArgumentException("local date-times are instants only in a zone");
                }
                yield reader -> inZone(localDateTime(column, reader.getLong()), zone, localTimes);
            }
            default -> column.type().getPrimitiveTypeName() == PrimitiveTypeName.INT96
                    ? reader -> int96(reader.getBinary())
                    : reader -> instant(unit(column), reader.getLong());
        };
    }

    private static long signed(FileColumn column, ColumnReader reader) {
        return column.type().getPrimitiveTypeName() == PrimitiveTypeName.INT32 ? reader.getInteger() : reader.getLong();
    }

    private static long unsigned(FileColumn column, ColumnReader reader) {
        return column.type().getPrimitiveTypeName() == PrimitiveTypeName.INT32
                ? Integer.toUnsignedLong(reader.getInteger()) : reader.getLong();
    }

    /**
     * @return an unsigned 64-bit integer as the nearest double: beyond 2^63, half the value with
     *     its lowest bit kept as a sticky bit rounds as the whole would
     */
    private static double unsignedToDouble(long value) {
        return value >= 0 ? value : (double) (value >>> 1 | (value & 1)) * 2.0;
    }

    private static BigDecimal decimal(FileColumn column, ColumnReader reader) {
        int scale = ((DecimalLogicalTypeAnnotation) column.type().getLogicalTypeAnnotation()).getScale();
        BigInteger unscaled = switch (column.type().getPrimitiveTypeName()) {
            case INT32 -> BigInteger.valueOf(reader.getInteger());
            case INT64 -> BigInteger.valueOf(reader.getLong());
            default -> new BigInteger(reader.getBinary().getBytes());
        };
        return new BigDecimal(unscaled, scale);
    }

    private static TimeUnit unit(FileColumn column) {
        return ((TimestampLogicalTypeAnnotation) column.type().getLogicalTypeAnnotation()).getUnit();
    }

    private static Instant instant(TimeUnit unit, long value) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        };
    }

    private static LocalDateTime localDateTime(FileColumn column, long value) {
        Instant asIfUtc = instant(unit(column), value);
        return LocalDateTime.ofEpochSecond(asIfUtc.getEpochSecond(), asIfUtc.getNano(), ZoneOffset.UTC);
    }

    /**
     * An INT96 timestamp, as Spark and Impala wrote them: 8 bytes of nanoseconds of the day, then
     * 4 bytes of the Julian day, both little-endian.
     */
    private static Instant int96(Binary value) {
        if (value.length() != INT96_BYTES) {
            throw new IllegalArgumentException("an INT96 timestamp has 12 bytes, not " + value.length());
        }
        ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong(bytes.position());
        long julianDay = bytes.getInt(bytes.position() + Long.BYTES);
        return Instant.ofEpochSecond((julianDay - JULIAN_DAY_OF_EPOCH) * SECONDS_PER_DAY, nanosOfDay);
    }

    /** A local date-time in a zone, whose daylight-saving gaps and overlaps the policy resolves or refuses. */
    private static Instant inZone(LocalDateTime local, ZoneId zone, LocalTimes localTimes) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        ZonedDateTime placed = ZonedDateTime.ofLocal(local, zone, null);
        return switch (localTimes) {
            case ERROR -> throw new IllegalArgumentException("the local date-time " + local + " is in a daylight-saving "
                    + (offsets.isEmpty() ? "gap" : "overlap") + " of " + zone + "; set localTimes to earlier or later"
                    + " to resolve such times");
            case EARLIER -> placed.withEarlierOffsetAtOverlap().toInstant();
            case LATER -> placed.withLaterOffsetAtOverlap().toInstant();
        };
    }

    /** @return a strict UTF-8 decoder, which refuses malformed bytes */
    static CharsetDecoder utf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * @param decoder a strict UTF-8 decoder
     * @param value a string's bytes
     * @return the string
     * @throws IllegalArgumentException if the bytes are not valid UTF-8
     */
    static String utf8(CharsetDecoder decoder, Binary value) {
        try {
            return decoder.decode(value.toByteBuffer()).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the string's bytes are not valid UTF-8", e);
        }
    }

    /**
     * A decoder that reads value by value through Parquet's column reader, for the types without
     * a bulk path: booleans, timestamps, unsigned integers and decimals, and values read as text.
     */
    private static final class ByValue extends ColumnDecoder {
        private final ColumnBuilder builder;
        private final Consumer<ColumnReader> append;

        /**
         * @param builder the column being built
         * @param append appends the reader's current value, which is present, to the builder
         */
        ByValue(ColumnBuilder builder, Consumer<ColumnReader> append) {
            this.builder = builder;
            this.append = append;
        }

        @Override
        void decode(FileColumn column, ColumnReadStore readers, PageReadStore pages, int rows) {
            ColumnReader reader;
            try {
                // reads the first page
                reader = readers.getColumnReader(column.descriptor());
            } catch (RuntimeException e) {
                throw new RowException(0, e);
            }
            int present = column.descriptor().getMaxDefinitionLevel();
            for (int row = 0; row < rows; row++) {
                try {
                    if (reader.getCurrentDefinitionLevel() == present) {
                        append.accept(reader);
                    } else {
                        builder.addMissing();
                    }
                    reader.consume();
                } catch (RuntimeException e) {
                    throw new RowException(row, e);
                }
            }
        }

        @Override
        ColumnBuilder builder() {
            return builder;
        }
    }
}
