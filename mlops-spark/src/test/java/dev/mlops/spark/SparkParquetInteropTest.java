package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.parquet.ParquetCodec;
import dev.mlops.parquet.ParquetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parquet files travel both ways between mlops-parquet and Apache Spark 4 with the same values,
 * types and nulls (and NaN): a file {@link ParquetFormat} writes reads in {@code spark.read().parquet},
 * and a file Spark writes, with its own codecs and timestamp encodings, reads in {@link ParquetFormat}.
 */
class SparkParquetInteropTest {
    private static final Instant NOON = Instant.parse("2024-01-31T12:00:00.123456Z");
    private static final Instant BEFORE_EPOCH = Instant.parse("1969-12-31T23:59:59.999999Z");

    private final SparkSession spark = LocalSpark.session();

    @TempDir
    Path directory;

    @Test
    void filesMlopsWritesWithEveryCodecReadInSparkWithTheSameValuesTypesAndNulls() {
        Table table = Table.rowBuilder(Schema.of(Field.of("amount", ColumnType.NUMERIC),
                        Field.of("city", ColumnType.CATEGORICAL), Field.of("note", ColumnType.TEXT),
                        Field.of("member", ColumnType.BOOLEAN), Field.of("seen", ColumnType.TIMESTAMP)))
                .addRow(1.5, "München", "first, \"quoted\"", true, NOON)
                .addRow(Double.NaN, null, "", false, BEFORE_EPOCH)
                .addRow(null, "São Paulo", null, null, null)
                .addRow(Double.NEGATIVE_INFINITY, "München", "東京 😀", true, Instant.parse("0001-01-01T00:00:00Z"))
                .build();
        Path files = directory.resolve("mlops");
        for (ParquetCodec codec : ParquetCodec.values()) {
            ParquetFormat.builder().codec(codec).build().write(table, files.resolve(codec.label() + ".parquet"));
        }

        Dataset<Row> read = spark.read().parquet(files.toString()).withColumn("file", functions.input_file_name());
        List<Row> rows = java8Api(read);

        assertThat(read.schema()).isEqualTo(new StructType().add("amount", DataTypes.DoubleType)
                .add("city", DataTypes.StringType).add("note", DataTypes.StringType)
                .add("member", DataTypes.BooleanType).add("seen", DataTypes.TimestampType)
                .add("file", DataTypes.StringType, false));
        for (ParquetCodec codec : ParquetCodec.values()) {
            List<Row> ofCodec = rows.stream().filter(row -> row.<String>getAs("file").endsWith("/" + codec.label()
                    + ".parquet")).toList();
            assertThat(ofCodec).as("the rows of the %s file", codec).hasSize(4);
            assertThat(ofCodec.get(0).getDouble(0)).isEqualTo(1.5);
            assertThat(ofCodec.get(1).getDouble(0)).isNaN();
            assertThat(ofCodec.get(2).isNullAt(0)).isTrue();
            assertThat(ofCodec.get(3).getDouble(0)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(ofCodec.stream().map(row -> row.<String>getAs("city")))
                    .containsExactly("München", null, "São Paulo", "München");
            assertThat(ofCodec.stream().map(row -> row.<String>getAs("note")))
                    .containsExactly("first, \"quoted\"", "", null, "東京 😀");
            assertThat(ofCodec.stream().map(row -> row.<Boolean>getAs("member"))).containsExactly(true, false, null, true);
            assertThat(ofCodec.stream().map(row -> row.<Instant>getAs("seen")))
                    .containsExactly(NOON, BEFORE_EPOCH, null, Instant.parse("0001-01-01T00:00:00Z"));
        }
    }

    /**
     * Collects the rows with timestamps as {@link Instant}s: {@link Timestamp} would show an instant
     * before 1582 in the Julian calendar and in the JVM's zone, which is not what the file holds.
     */
    private List<Row> java8Api(Dataset<Row> dataset) {
        String previous = spark.conf().get("spark.sql.datetime.java8API.enabled");
        spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
        try {
            return dataset.collectAsList();
        } finally {
            spark.conf().set("spark.sql.datetime.java8API.enabled", previous);
        }
    }

    private static final StructType SPARK_SCHEMA = new StructType()
            .add("id", DataTypes.LongType).add("count", DataTypes.IntegerType).add("score", DataTypes.DoubleType)
            .add("city", DataTypes.StringType).add("member", DataTypes.BooleanType)
            .add("seen", DataTypes.TimestampType).add("day", DataTypes.DateType)
            .add("price", DataTypes.createDecimalType(10, 2));

    private Dataset<Row> sparkRows() {
        return spark.createDataFrame(List.of(
                RowFactory.create(9_007_199_254_740_993L, 1, 0.25, "Köln", true, Timestamp.from(NOON),
                        Date.valueOf(LocalDate.parse("2024-01-31")), new BigDecimal("1.50")),
                RowFactory.create(7L, null, Double.NaN, null, false, Timestamp.from(BEFORE_EPOCH),
                        Date.valueOf(LocalDate.parse("1969-12-31")), new BigDecimal("-0.01")),
                RowFactory.create(null, -3, null, "São Paulo", null, null, null, null)), SPARK_SCHEMA);
    }

    /** The one part file of a Spark output directory. */
    private static Path partFile(Path output) {
        try (Stream<Path> files = Files.list(output)) {
            List<Path> parts = files.filter(file -> file.getFileName().toString().endsWith(".parquet")).toList();
            assertThat(parts).as("the part files of %s", output).hasSize(1);
            return parts.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table expectedFromSpark() {
        return Table.rowBuilder(Schema.of(Field.of("id", ColumnType.CATEGORICAL), Field.of("count", ColumnType.NUMERIC),
                        Field.of("score", ColumnType.NUMERIC), Field.of("city", ColumnType.CATEGORICAL),
                        Field.of("member", ColumnType.BOOLEAN), Field.of("seen", ColumnType.TIMESTAMP),
                        Field.of("day", ColumnType.TIMESTAMP), Field.of("price", ColumnType.NUMERIC)))
                .addRow("9007199254740993", 1.0, 0.25, "Köln", true, NOON, Instant.parse("2024-01-31T00:00:00Z"), 1.5)
                .addRow("7", null, Double.NaN, null, false, BEFORE_EPOCH, Instant.parse("1969-12-31T00:00:00Z"), -0.01)
                .addRow(null, -3.0, null, "São Paulo", null, null, null, null)
                .build();
    }

    /**
     * Spark's own codecs (snappy-java, zstd-jni, Hadoop's gzip) and its three timestamp encodings,
     * one pair per file.
     *
     * @param codec Spark's compression
     * @param timestamps Spark's {@code spark.sql.parquet.outputTimestampType}
     */
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"snappy, INT96", "zstd, TIMESTAMP_MICROS", "gzip, TIMESTAMP_MILLIS"})
    void aFileSparkWritesReadsHereTheSame(String codec, String timestamps) {
        String previous = spark.conf().get("spark.sql.parquet.outputTimestampType");
        spark.conf().set("spark.sql.parquet.outputTimestampType", timestamps);
        Path output = directory.resolve("spark-" + codec);
        try {
            sparkRows().coalesce(1).write().option("compression", codec).parquet(output.toString());
        } finally {
            spark.conf().set("spark.sql.parquet.outputTimestampType", previous);
        }

        Table read = ParquetFormat.defaults().read(partFile(output));

        Table expected = expectedFromSpark();
        if (timestamps.equals("TIMESTAMP_MILLIS")) {
            expected = Table.of(expected.columns().stream().map(column -> column.name().equals("seen")
                    ? TimestampColumn.of("seen", Instant.parse("2024-01-31T12:00:00.123Z"),
                            Instant.parse("1969-12-31T23:59:59.999Z"), null) : column).toList());
        }
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void aTableMakesTheRoundTripMlopsSparkMlopsWithTheSameFingerprint() {
        Table table = expectedFromSpark().select("count", "score", "city", "member", "seen");
        Path mlops = directory.resolve("first.parquet");
        ParquetFormat.defaults().write(table, mlops);
        Path output = directory.resolve("through-spark");

        spark.read().parquet(mlops.toString()).coalesce(1).write().parquet(output.toString());
        Table back = ParquetFormat.defaults().read(partFile(output));

        assertThat(back).isEqualTo(table);
        assertThat(dev.mlops.core.table.Fingerprint.of(back)).isEqualTo(dev.mlops.core.table.Fingerprint.of(table));
        assertThat(Arrays.asList(back.schema().names().toArray())).containsExactly("count", "score", "city", "member",
                "seen");
    }
}
