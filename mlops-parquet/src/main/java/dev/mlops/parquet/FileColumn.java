package dev.mlops.parquet;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.ColumnType;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.jspecify.annotations.Nullable;

/**
 * One top-level column of a Parquet file as mlops reads it: its name, its 1-based position
 * among the file's columns, its Parquet type and the {@link Family} that type belongs to, which
 * decides the column types it can be read as. Immutable.
 *
 * @param name the column's name
 * @param position its 1-based position among the file's top-level columns
 * @param descriptor Parquet's description of its leaf (type, definition levels)
 * @param family what its values are
 */
record FileColumn(String name, int position, ColumnDescriptor descriptor, Family family) {
    /** The largest integer from which every smaller one is exactly a double: 2^53. */
    static final long LARGEST_EXACT_INTEGER = 1L << 53;
    /** The most decimal digits whose every integer a double holds exactly (10^15 &lt; 2^53 &lt; 10^16). */
    private static final int EXACT_DECIMAL_DIGITS = 15;

    /** What a column's values are, whatever their physical encoding. */
    enum Family {
        /** {@code FLOAT} or {@code DOUBLE}. */
        FLOATING,
        /** {@code INT32} or {@code INT64}, signed (with or without an {@code INT} annotation). */
        SIGNED_INTEGER,
        /** {@code INT32} or {@code INT64} annotated {@code INT(bits, false)}. */
        UNSIGNED_INTEGER,
        /** {@code DECIMAL(precision, scale)} on any physical type. */
        DECIMAL,
        /** {@code BOOLEAN}. */
        BOOLEAN,
        /** {@code BINARY} annotated {@code STRING}, {@code ENUM} or {@code JSON}: UTF-8 text. */
        STRING,
        /** A {@code TIMESTAMP} adjusted to UTC in any unit, or Spark's legacy {@code INT96}. */
        INSTANT,
        /** {@code DATE}: days since 1970-01-01. */
        DATE,
        /** A {@code TIMESTAMP} not adjusted to UTC: a local date-time, an instant only in a zone. */
        LOCAL_DATE_TIME
    }

    /**
     * @param source the file's name, for errors
     * @param schema the file's schema
     * @param index the column's 0-based index among the schema's fields
     * @return the column
     * @throws DataFormatException naming the file and the column if it is nested or repeated, or
     *     of a Parquet type mlops does not read
     */
    static FileColumn of(String source, MessageType schema, int index) {
        Type field = schema.getType(index);
        String name = field.getName();
        int position = index + 1;
        if (!field.isPrimitive()) {
            throw new DataFormatException(source, name, position, "the column is nested (a group such as a struct,"
                    + " list or map: " + field.toString().strip() + "); mlops reads flat columns only: project the"
                    + " columns you need, or flatten the file", null);
        }
        if (field.isRepetition(Type.Repetition.REPEATED)) {
            throw new DataFormatException(source, name, position, "the column is repeated (" + field.toString().strip()
                    + "); mlops reads one value per row only", null);
        }
        PrimitiveType type = field.asPrimitiveType();
        Family family = family(type);
        if (family == null) {
            throw new DataFormatException(source, name, position, "the Parquet type " + type.toString().strip()
                    + " has no mlops column type; mlops reads numbers (FLOAT, DOUBLE, INT32, INT64, DECIMAL), BOOLEAN,"
                    + " UTF-8 strings (STRING, ENUM, JSON), DATE, TIMESTAMP and INT96", null);
        }
        return new FileColumn(name, position, schema.getColumnDescription(new String[] {name}), family);
    }

    /** @return the family of a type, or null if mlops does not read it */
    private static @Nullable Family family(PrimitiveType type) {
        @Nullable LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        if (annotation instanceof DecimalLogicalTypeAnnotation) {
            return Family.DECIMAL;
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> annotation == null ? Family.BOOLEAN : null;
            case FLOAT, DOUBLE -> annotation == null ? Family.FLOATING : null;
            case INT32, INT64 -> integerFamily(annotation);
            case INT96 -> annotation == null ? Family.INSTANT : null;
            case BINARY -> annotation instanceof StringLogicalTypeAnnotation || annotation instanceof EnumLogicalTypeAnnotation
                    || annotation instanceof JsonLogicalTypeAnnotation ? Family.STRING : null;
            case FIXED_LEN_BYTE_ARRAY -> null;
        };
    }

    private static @Nullable Family integerFamily(@Nullable LogicalTypeAnnotation annotation) {
        if (annotation == null) {
            return Family.SIGNED_INTEGER;
        }
        if (annotation instanceof IntLogicalTypeAnnotation integer) {
            return integer.isSigned() ? Family.SIGNED_INTEGER : Family.UNSIGNED_INTEGER;
        }
        if (annotation instanceof DateLogicalTypeAnnotation) {
            return Family.DATE;
        }
        if (annotation instanceof TimestampLogicalTypeAnnotation timestamp) {
            return timestamp.isAdjustedToUTC() ? Family.INSTANT : Family.LOCAL_DATE_TIME;
        }
        return null;
    }

    /** @return the column's Parquet type */
    PrimitiveType type() {
        return descriptor.getPrimitiveType();
    }

    /**
     * @param zoned true if a zone is set for local date-times
     * @return the column types its values can be read as without loss of meaning: numbers as
     *     numeric, integers and decimals also as their text; booleans, instants and dates also as
     *     their text; strings as categorical or text; local date-times as timestamps in a zone,
     *     or as their text
     */
    Set<ColumnType> readableAs(boolean zoned) {
        return switch (family) {
            case FLOATING -> EnumSet.of(ColumnType.NUMERIC);
            case SIGNED_INTEGER, UNSIGNED_INTEGER, DECIMAL -> EnumSet.of(ColumnType.NUMERIC, ColumnType.CATEGORICAL,
                    ColumnType.TEXT);
            case BOOLEAN -> EnumSet.of(ColumnType.BOOLEAN, ColumnType.CATEGORICAL, ColumnType.TEXT);
            case STRING -> EnumSet.of(ColumnType.CATEGORICAL, ColumnType.TEXT);
            case INSTANT, DATE -> EnumSet.of(ColumnType.TIMESTAMP, ColumnType.CATEGORICAL, ColumnType.TEXT);
            case LOCAL_DATE_TIME -> zoned ? EnumSet.of(ColumnType.TIMESTAMP, ColumnType.CATEGORICAL, ColumnType.TEXT)
                    : EnumSet.of(ColumnType.CATEGORICAL, ColumnType.TEXT);
        };
    }

    /**
     * Tells whether the column's values may be integers beyond ±2^53, which a double cannot hold
     * and inference reads as categorical (DESIGN.md): 64-bit integers, and decimals without a
     * fraction of more than 15 digits. Such a column's values decide its type.
     *
     * @return true if a value of its type may lie beyond ±2^53
     */
    boolean mayExceedDoublePrecision() {
        return switch (family) {
            case SIGNED_INTEGER, UNSIGNED_INTEGER -> type().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64;
            case DECIMAL -> {
                DecimalLogicalTypeAnnotation decimal = (DecimalLogicalTypeAnnotation) type().getLogicalTypeAnnotation();
                yield decimal.getScale() == 0 && decimal.getPrecision() > EXACT_DECIMAL_DIGITS;
            }
            default -> false;
        };
    }

    /**
     * @param zoned true if a zone is set for local date-times
     * @param exceedsDoublePrecision true if some value is an integer beyond ±2^53
     * @return the type inference gives the column: numbers numeric (categorical when an integer
     *     lies beyond ±2^53, as CSV's inference does), booleans boolean, strings categorical (as
     *     CSV's inference never gives text), instants and dates timestamps, local date-times
     *     timestamps in a zone and else categorical (as CSV reads a local time without a zone)
     */
    ColumnType inferred(boolean zoned, boolean exceedsDoublePrecision) {
        return switch (family) {
            case FLOATING -> ColumnType.NUMERIC;
            case SIGNED_INTEGER, UNSIGNED_INTEGER, DECIMAL -> exceedsDoublePrecision ? ColumnType.CATEGORICAL
                    : ColumnType.NUMERIC;
            case BOOLEAN -> ColumnType.BOOLEAN;
            case STRING -> ColumnType.CATEGORICAL;
            case INSTANT, DATE -> ColumnType.TIMESTAMP;
            case LOCAL_DATE_TIME -> zoned ? ColumnType.TIMESTAMP : ColumnType.CATEGORICAL;
        };
    }
}
