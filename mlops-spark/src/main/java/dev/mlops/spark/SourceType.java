package dev.mlops.spark;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.ColumnType;
import java.util.Locale;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** How a value of a Spark column is read from Spark's internal rows: one constant per supported Spark type. */
enum SourceType {
    BOOLEAN(ColumnType.BOOLEAN),
    BYTE(ColumnType.NUMERIC),
    SHORT(ColumnType.NUMERIC),
    INT(ColumnType.NUMERIC),
    LONG(ColumnType.NUMERIC),
    FLOAT(ColumnType.NUMERIC),
    DOUBLE(ColumnType.NUMERIC),
    DECIMAL(ColumnType.NUMERIC),
    STRING(ColumnType.CATEGORICAL),
    /** Microseconds since the epoch, UTC ({@code TimestampType}). */
    TIMESTAMP(ColumnType.TIMESTAMP),
    /** Microseconds since the epoch of a wall-clock time, read as UTC ({@code TimestampNTZType}). */
    TIMESTAMP_NTZ(ColumnType.TIMESTAMP),
    /** Days since the epoch, read as midnight UTC ({@code DateType}). */
    DATE(ColumnType.TIMESTAMP);

    private final ColumnType defaultType;

    SourceType(ColumnType defaultType) {
        this.defaultType = defaultType;
    }

    /** @return the column type a column of this Spark type has unless the caller chooses another */
    ColumnType defaultType() {
        return defaultType;
    }

    /** @return true if a column of this Spark type may be read as the given column type */
    boolean canBe(ColumnType type) {
        return switch (this) {
            case STRING -> type == ColumnType.CATEGORICAL || type == ColumnType.TEXT;
            case BYTE, SHORT, INT, LONG -> type == ColumnType.NUMERIC || type == ColumnType.CATEGORICAL;
            case BOOLEAN -> type == ColumnType.BOOLEAN || type == ColumnType.CATEGORICAL;
            default -> type == defaultType;
        };
    }

    /**
     * @param column the column's name, for the message
     * @param type a Spark data type
     * @return how its values are read
     * @throws SchemaException naming the column and its Spark type if mlops has no column type for it
     */
    static SourceType of(String column, DataType type) {
        if (type instanceof BooleanType) {
            return BOOLEAN;
        } else if (type instanceof ByteType) {
            return BYTE;
        } else if (type instanceof ShortType) {
            return SHORT;
        } else if (type instanceof IntegerType) {
            return INT;
        } else if (type instanceof LongType) {
            return LONG;
        } else if (type instanceof FloatType) {
            return FLOAT;
        } else if (type instanceof DoubleType) {
            return DOUBLE;
        } else if (type instanceof DecimalType) {
            return DECIMAL;
        } else if (type instanceof StringType) {
            return STRING;
        } else if (type instanceof TimestampType) {
            return TIMESTAMP;
        } else if (type instanceof TimestampNTZType) {
            return TIMESTAMP_NTZ;
        } else if (type instanceof DateType) {
            return DATE;
        }
        throw new SchemaException("column '" + column + "' has the Spark type " + type.simpleString()
                + ", which has no mlops column type; select the columns of supported types first (boolean, byte, short,"
                + " int, long, float, double, decimal, string, timestamp, timestamp_ntz, date)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
