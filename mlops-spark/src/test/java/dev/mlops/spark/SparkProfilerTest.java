package dev.mlops.spark;

import static dev.mlops.spark.ProfileParity.assertSameProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import dev.mlops.data.profile.TimestampProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SparkProfilerTest {
    private static final long MASTER_SEED = 20_261_207L;
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final ProfileOptions SMALL_LIMITS = ProfileOptions.defaults().withExactQuantileLimit(60)
            .withExactDistinctLimit(25).withKllK(64);

    private final SparkSession spark = LocalSpark.session();
    private final SparkProfiler profiler = SparkProfiler.create().withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    /** A random table of every column type, with missing values, NaN, infinities, zeros and non-ASCII text. */
    static Table randomTable(SplittableRandom random, int rows, int levels) {
        NumericColumn.Builder amount = NumericColumn.builder("amount");
        CategoricalColumn.Builder city = CategoricalColumn.builder("city");
        TextColumn.Builder note = TextColumn.builder("note");
        BooleanColumn.Builder flag = BooleanColumn.builder("flag");
        TimestampColumn.Builder at = TimestampColumn.builder("at");
        double offset = random.nextDouble(-1e4, 1e4);
        double scale = Math.pow(10, random.nextInt(-2, 5));
        for (int i = 0; i < rows; i++) {
            int kind = random.nextInt(100);
            if (kind < 5) {
                amount.addMissing();
            } else if (kind < 7) {
                amount.add(Double.NaN);
            } else if (kind < 8) {
                amount.add(random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            } else if (kind < 10) {
                amount.add(0.0);
            } else {
                amount.add(offset + scale * random.nextGaussian());
            }
            if (random.nextInt(20) == 0) {
                city.addMissing();
                note.addMissing();
                flag.addMissing();
                at.addMissing();
            } else {
                int level = (int) Math.floor(levels * Math.pow(random.nextDouble(), 3));
                city.add(level == 0 ? "München" : "level-" + level);
                note.add(random.nextInt(4) == 0 ? "São Paulo" : "t" + random.nextInt(levels * 3));
                flag.add(random.nextInt(3) == 0);
                at.add(Instant.ofEpochSecond(1_700_000_000L + random.nextLong(1_000_000L),
                        random.nextInt(1_000_000) * 1000));
            }
        }
        return Table.of(amount.build(), city.build(), note.build(), flag.build(), at.build());
    }

    private static dev.mlops.core.table.Fingerprint multiset(Table table) {
        return new DatasetFingerprint().add(table).finish(table.schema());
    }

    private SparkSchema schemaOf(Dataset<Row> dataset) {
        return SparkSchema.of(dataset.schema()).withType("note", ColumnType.TEXT);
    }

    @Nested
    class SameFileInBoth {
        private static final StructType CSV_SCHEMA = new StructType().add("id", DataTypes.IntegerType)
                .add("amount", DataTypes.DoubleType).add("city", DataTypes.StringType)
                .add("ok", DataTypes.BooleanType).add("at", DataTypes.TimestampType);

        private Path write(Path dir, int rows) throws IOException {
            SplittableRandom random = new SplittableRandom(MASTER_SEED);
            List<String> lines = new ArrayList<>();
            lines.add("id,amount,city,ok,at");
            String[] cities = {"München", "São Paulo", "Hamburg", "Köln", "Lyon"};
            for (int i = 0; i < rows; i++) {
                String amount = random.nextInt(25) == 0 ? "" : String.format(Locale.ROOT, "%.3f",
                        100 * random.nextGaussian());
                String city = random.nextInt(30) == 0 ? "" : cities[random.nextInt(cities.length)];
                String at = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(5_000_000)).toString();
                lines.add(i + "," + amount + "," + city + "," + random.nextBoolean() + "," + at);
            }
            Path file = dir.resolve("rows.csv");
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        }

        @Test
        void theSameCsvFileReadByMlopsAndBySparkProfilesEqually(@TempDir Path dir) throws IOException {
            Path file = write(dir, 1500);
            Table local = CsvFormat.defaults().read(file);
            Dataset<Row> read = spark.read().option("header", "true").option("encoding", "UTF-8").schema(CSV_SCHEMA)
                    .csv(file.toString());
            DatasetProfile expected = DatasetProfile.of(local);

            for (Dataset<Row> dataset : List.of(read, read.repartition(4), read.coalesce(1))) {
                DatasetProfile actual = profiler.profile(dataset);
                assertSameProfile(actual, expected, local, dataset.rdd().getNumPartitions() + " partitions");
            }
            assertThat(local.schema().fields()).extracting(f -> f.type()).containsExactly(ColumnType.NUMERIC,
                    ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.BOOLEAN, ColumnType.TIMESTAMP);
        }

        @Test
        void withSmallLimitsTheSketchesStayWithinTheirStatedErrors(@TempDir Path dir) throws IOException {
            Path file = write(dir, 2000);
            Table local = CsvFormat.defaults().read(file);
            Dataset<Row> read = spark.read().option("header", "true").schema(CSV_SCHEMA).csv(file.toString())
                    .repartition(3);
            ProfileOptions options = SMALL_LIMITS.withExactDistinctLimit(3);

            DatasetProfile actual = profiler.profile(read, options);

            assertSameProfile(actual, DatasetProfile.of(local, options), local, "3 partitions, sketched");
            NumericProfile amount = (NumericProfile) actual.column("amount");
            assertThat(amount.quantileMethod()).isEqualTo(Method.SKETCH);
            assertThat(amount.distinctMethod()).isEqualTo(Method.SKETCH);
            assertThat(((CategoricalProfile) actual.column("city")).distinctMethod()).isEqualTo(Method.SKETCH);
        }
    }

    @Test
    void oneChunkInOnePartitionGivesTheVeryProfileOfOneJvm() {
        Table table = randomTable(new SplittableRandom(MASTER_SEED + 1), 800, 30);
        Dataset<Row> dataset = SparkTables.toDataset(spark, table).coalesce(1);

        DatasetProfile actual = profiler.profile(dataset, schemaOf(dataset), ProfileOptions.defaults());

        DatasetProfile expected = DatasetProfile.of(table, ProfileOptions.defaults(), Runnable::run,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(actual.toJson()).isEqualTo(expected.withFingerprints(List.of(multiset(table))).toJson());
    }

    static Stream<Arguments> partitionings() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long seed = master.nextLong();
            int rows = master.nextInt(1, 2500);
            int partitions = master.nextInt(1, 9);
            int chunkRows = master.nextBoolean() ? PartitionTables.DEFAULT_CHUNK_ROWS : master.nextInt(1, 400);
            cases.add(Arguments.of(seed, rows, partitions, chunkRows, i % 2 == 0));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, {2} partitions, chunks of {3}, small limits {4}")
    @MethodSource("partitionings")
    void theProfileDoesNotDependOnPartitionsOrChunks(long seed, int rows, int partitions, int chunkRows,
            boolean smallLimits) {
        Table table = randomTable(new SplittableRandom(seed), rows, 40);
        ProfileOptions options = smallLimits ? SMALL_LIMITS : ProfileOptions.defaults();
        Dataset<Row> dataset = SparkTables.toDataset(spark, table).repartition(partitions);

        DatasetProfile actual = profiler.withChunkRows(chunkRows).profile(dataset, schemaOf(dataset), options);

        String context = "seed " + seed + ", " + rows + " rows, " + partitions + " partitions, chunks of " + chunkRows;
        assertSameProfile(actual, DatasetProfile.of(table, options), table, context);
        assertThat(actual.fingerprints()).as(context).containsExactly(multiset(table));
        assertThat(actual.createdAt()).as(context).contains(NOW);
    }

    @Nested
    class Edges {
        @Test
        void anEmptyDatasetHasZeroCounts() {
            Table empty = randomTable(new SplittableRandom(1), 0, 3);
            Dataset<Row> dataset = SparkTables.toDataset(spark, empty);

            DatasetProfile actual = profiler.profile(dataset, schemaOf(dataset), ProfileOptions.defaults());
            DatasetProfile none = profiler.profile(dataset.filter("false").coalesce(1), schemaOf(dataset),
                    ProfileOptions.defaults());
            Dataset<Row> noPartitions = spark.createDataFrame(
                    JavaSparkContext.fromSparkContext(spark.sparkContext()).<Row>emptyRDD(), dataset.schema());
            DatasetProfile zeroPartitions = profiler.profile(noPartitions, schemaOf(noPartitions),
                    ProfileOptions.defaults());

            assertThat(noPartitions.rdd().getNumPartitions()).isZero();
            for (DatasetProfile profile : List.of(actual, none, zeroPartitions)) {
                assertSameProfile(profile, DatasetProfile.of(empty), empty, "empty");
                assertThat(profile.rowCount()).isZero();
                assertThat(profile.createdAt()).contains(NOW);
                assertThat(((NumericProfile) profile.column("amount")).mean()).isEmpty();
            }
        }

        @Test
        void emptyPartitionsAddNothing() {
            Table table = randomTable(new SplittableRandom(5), 3, 3);
            Dataset<Row> dataset = SparkTables.toDataset(spark, table).repartition(8);

            DatasetProfile actual = profiler.profile(dataset, schemaOf(dataset), ProfileOptions.defaults());

            assertSameProfile(actual, DatasetProfile.of(table), table, "3 rows in 8 partitions");
        }

        @Test
        void allMissingColumnsNaNAndInfinitiesAreCounted() {
            NumericColumn.Builder gone = NumericColumn.builder("gone");
            CategoricalColumn.Builder none = CategoricalColumn.builder("none");
            TimestampColumn.Builder never = TimestampColumn.builder("never");
            for (int i = 0; i < 4; i++) {
                gone.addMissing();
                none.addMissing();
                never.addMissing();
            }
            Table table = Table.of(gone.build(), NumericColumn.of("odd", Double.NaN, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY, -0.0), none.build(), never.build());
            Dataset<Row> dataset = SparkTables.toDataset(spark, table).repartition(3);

            DatasetProfile actual = profiler.profile(dataset);

            assertSameProfile(actual, DatasetProfile.of(table), table, "odd values");
            NumericProfile odd = (NumericProfile) actual.column("odd");
            assertThat(new long[] {odd.nan(), odd.positiveInfinity(), odd.negativeInfinity(), odd.zeros()})
                    .containsExactly(1, 1, 1, 1);
            assertThat(((NumericProfile) actual.column("gone")).missing()).isEqualTo(4);
            assertThat(((TimestampProfile) actual.column("never")).earliest()).isEmpty();
        }

        @Test
        void timestampsDatesAndLongsReadAsInOneJvm() {
            StructType struct = new StructType().add("ts", DataTypes.TimestampType).add("day", DataTypes.DateType)
                    .add("n", DataTypes.LongType);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                rows.add(RowFactory.create(Instant.parse("2024-01-01T00:00:00.000001Z").plusSeconds(i * 3_601L),
                        java.time.LocalDate.parse("2024-02-28").plusDays(i), (1L << 53) - i * (1L << 47)));
            }
            Dataset<Row> dataset = spark.createDataFrame(rows, struct).repartition(4);

            DatasetProfile actual = profiler.profile(dataset);

            Table gathered = SparkTables.toTable(dataset);
            assertSameProfile(actual, DatasetProfile.of(gathered), gathered, "timestamps");
            assertThat(((TimestampProfile) actual.column("ts")).latest())
                    .contains(Instant.parse("2024-01-01T00:00:00.000001Z").plusSeconds(49 * 3_601L));
            assertThat(((TimestampProfile) actual.column("day")).earliest())
                    .contains(Instant.parse("2024-02-28T00:00:00Z"));
            assertThat(((NumericProfile) actual.column("n")).max()).hasValue(0x1p53);
        }

        @Test
        void sensitiveColumnsStaySensitiveAndExactInMemory() {
            Table table = randomTable(new SplittableRandom(11), 700, 12);
            Dataset<Row> dataset = SparkTables.toDataset(spark, table).repartition(3);
            SparkSchema schema = schemaOf(dataset).withSensitive("amount", "city");

            DatasetProfile actual = profiler.profile(dataset, schema, ProfileOptions.defaults());

            Table marked = Table.of(table.columns().stream()
                    .map(c -> List.of("amount", "city").contains(c.name()) ? c.withSensitive(true) : c).toList());
            DatasetProfile expected = DatasetProfile.of(marked);
            assertSameProfile(actual, expected, table, "sensitive");
            assertThat(actual.sensitiveColumns()).containsExactly("amount", "city");
            assertThat(((NumericProfile) actual.column("amount")).quantileMethod()).isEqualTo(Method.EXACT);
            DatasetProfile written = DatasetProfile.fromJson(actual.toJson());
            assertThat(((NumericProfile) written.column("amount")).quantileMethod()).isEqualTo(Method.SKETCH);
            assertThat(((CategoricalProfile) written.column("city")).exactCounts()).isEmpty();
        }
    }

    @Nested
    class BadInput {
        @Test
        void anUnsupportedColumnTypeIsRefusedOnTheDriverNamingTheColumn() {
            StructType struct = new StructType().add("x", DataTypes.DoubleType)
                    .add("tags", DataTypes.createArrayType(DataTypes.StringType));
            Dataset<Row> dataset = spark.createDataFrame(List.of(RowFactory.create(1.0,
                    scala.jdk.javaapi.CollectionConverters.asScala(List.of("a")).toSeq())), struct);

            assertThatThrownBy(() -> profiler.profile(dataset)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("'tags'").hasMessageContaining("array<string>");
            assertThat(profiler.profile(dataset, SparkSchema.of(dataset.select("x").schema()),
                    ProfileOptions.defaults()).rowCount()).isEqualTo(1);
        }

        @Test
        void aLongBeyondTwoToThe53IsTheMlopsErrorOnTheDriver() {
            StructType struct = new StructType().add("id", DataTypes.LongType);
            List<Row> rows = new ArrayList<>();
            for (long i = 0; i < 20; i++) {
                rows.add(RowFactory.create(i == 13 ? (1L << 53) + 1 : i));
            }
            Dataset<Row> dataset = spark.createDataFrame(rows, struct).repartition(3);

            assertThatThrownBy(() -> profiler.profile(dataset)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("'id'").hasMessageContaining("9007199254740993")
                    .hasMessageContaining("categorical");
            DatasetProfile asIds = profiler.profile(dataset, SparkSchema.of(struct).withType("id",
                    ColumnType.CATEGORICAL), ProfileOptions.defaults());
            assertThat(((CategoricalProfile) asIds.column("id")).frequency("9007199254740993")).isEqualTo(1);
        }

        @Test
        void argumentsAreChecked() {
            Dataset<Row> dataset = SparkTables.toDataset(spark, Table.builder().numeric("x", 1.0).build());

            assertThatThrownBy(() -> profiler.withChunkRows(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("chunkRows must be at least 1 but was 0");
            assertThat(profiler.withChunkRows(1).chunkRows()).isEqualTo(1);
            assertThat(SparkProfiler.create().chunkRows()).isEqualTo(1 << 20);
            assertThat(profiler.withChunkRows(7)).hasToString("SparkProfiler[chunkRows=7, clock="
                    + Clock.fixed(NOW, ZoneOffset.UTC) + "]");
            assertThatThrownBy(() -> profiler.withClock(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("clock");
            assertThatThrownBy(() -> profiler.profile(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("dataset");
            assertThatThrownBy(() -> profiler.profile(dataset, null, ProfileOptions.defaults()))
                    .isInstanceOf(NullPointerException.class).hasMessage("schema");
            assertThatThrownBy(() -> profiler.profile(dataset, SparkSchema.of(dataset.schema()), null))
                    .isInstanceOf(NullPointerException.class).hasMessage("options");
        }
    }
}
