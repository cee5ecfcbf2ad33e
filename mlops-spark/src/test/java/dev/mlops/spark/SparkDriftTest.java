package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.monitor.drift.DriftDetector;
import dev.mlops.monitor.drift.DriftDetectors;
import dev.mlops.monitor.drift.TableDrift;
import dev.mlops.monitor.drift.TableDriftReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SparkDriftTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T11:00:00Z"), ZoneOffset.UTC);
    private static final String[] CITIES = {"München", "São Paulo", "Hamburg", "Lyon"};

    private static final AtomicInteger READS = new AtomicInteger();

    private final SparkSession spark = LocalSpark.session();

    /**
     * Rows of amount (normal, shifted by {@code shift}, a few missing), city (weights by
     * {@code skew}), note (text), flag (boolean).
     */
    private static Table data(long seed, int rows, double shift, double skew) {
        SplittableRandom random = new SplittableRandom(seed);
        NumericColumn.Builder amount = NumericColumn.builder("amount");
        CategoricalColumn.Builder city = CategoricalColumn.builder("city");
        TextColumn.Builder note = TextColumn.builder("note");
        BooleanColumn.Builder flag = BooleanColumn.builder("flag");
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(40) == 0) {
                amount.addMissing();
                city.addMissing();
            } else {
                amount.add(10 + shift + 3 * random.nextGaussian());
                city.add(CITIES[(int) Math.floor(CITIES.length * Math.pow(random.nextDouble(), 1 + skew))]);
            }
            note.add("n" + random.nextInt(5));
            flag.add(random.nextDouble() < 0.3 + skew / 4);
        }
        return Table.of(amount.build(), city.build(), note.build(), flag.build());
    }

    private static final Table REFERENCE = data(1, 1500, 0, 0);
    private static final DatasetProfile BASELINE = DatasetProfile.of(REFERENCE);

    private Dataset<Row> dataset(Table table, int partitions) {
        return SparkTables.toDataset(spark, table).repartition(partitions);
    }

    /** The same report but for its subject, which names the Dataset's rows as a multiset. */
    private static void assertSameReport(TableDriftReport actual, TableDriftReport expected, Table current) {
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.header().createdAt()).isEqualTo(expected.header().createdAt());
        assertThat(actual.header().kind()).isEqualTo(expected.header().kind());
        assertThat(actual.header().fingerprint())
                .isEqualTo(new DatasetFingerprint().add(current).finish(current.schema()));
        assertThat(new TableDriftReport(expected.header(), actual.referenceKind(), actual.referenceRows(),
                actual.currentRows(), actual.correction(), actual.columns())).isEqualTo(expected);
    }

    @Nested
    class SameReportAsOneJvm {
        @Test
        void undriftedAndDriftedDatasetsAgainstABaselineProfile() {
            TableDrift drift = TableDrift.builder().clock(CLOCK).build();
            Table same = data(2, 1200, 0, 0);
            Table shifted = data(3, 1200, 1.5, 1.0);

            TableDriftReport undrifted = SparkDrift.compare(drift, dataset(same, 3), BASELINE);
            TableDriftReport drifted = SparkDrift.compare(drift, dataset(shifted, 4), BASELINE);

            assertSameReport(undrifted, drift.compare(same, BASELINE), same);
            assertSameReport(drifted, drift.compare(shifted, BASELINE), shifted);
            assertThat(undrifted.drifted()).isEmpty();
            assertThat(drifted.drifted()).extracting(ColumnDrift::column).contains("amount", "city", "flag");
            assertThat(drifted.column("city").histogram()).isPresent();
        }

        @Test
        void aDetectorFromTheRegistryAndOneGivenExplicitly() {
            DriftDetector fromRegistry = ComponentRegistry.defaults().create(DriftDetector.class,
                    "jensen-shannon(threshold=0.1, bins=10)");
            TableDrift drift = TableDrift.builder().clock(CLOCK).detector(fromRegistry)
                    .detector("amount", DriftDetectors.psi(0.2, 10)).build();
            Table shifted = data(4, 900, 2.0, 0.5);

            TableDriftReport report = SparkDrift.compare(drift, dataset(shifted, 2), BASELINE);

            assertSameReport(report, drift.compare(shifted, BASELINE), shifted);
            assertThat(report.column("amount").detector().orElseThrow()).isEqualTo(DriftDetectors.psi(0.2, 10).spec());
            assertThat(report.column("city").detector().orElseThrow()).isEqualTo(fromRegistry.spec());
        }

        @Test
        void aRawReferenceTableAndTheKsTest() {
            TableDrift drift = TableDrift.builder().clock(CLOCK).detector("amount", DriftDetectors.ks(0.05)).build();
            Table shifted = data(5, 800, 0.8, 0);

            TableDriftReport report = SparkDrift.compare(drift, dataset(shifted, 3), REFERENCE);

            assertSameReport(report, drift.compare(shifted, REFERENCE), shifted);
            assertThat(report.referenceKind()).isEqualTo(TableDriftReport.ReferenceKind.TABLE);
            assertThat(report.column("amount").drift()).isTrue();
            assertThat(report.column("amount").result().orElseThrow().pValue()).isPresent();
        }

        @Test
        void sensitiveColumnsMissingColumnsAndChangedTypesAreReportedAsInOneJvm() {
            Table marked = Table.of(REFERENCE.columns().stream()
                    .map(c -> c.name().equals("city") ? c.withSensitive(true) : c).toList());
            DatasetProfile baseline = DatasetProfile.of(marked);
            TableDrift drift = TableDrift.builder().clock(CLOCK).build();
            Table current = data(6, 600, 0, 0);
            // note as numbers, flag dropped: a changed type and a missing column
            Dataset<Row> dataset = dataset(current, 2).drop("flag")
                    .withColumn("note", functions.length(functions.col("note")).cast("double"));

            TableDriftReport report = SparkDrift.compare(drift, dataset, baseline);

            assertThat(report.column("city").histogram()).isEmpty();
            assertThat(report.column("flag").status()).isEqualTo(ColumnDrift.Status.MISSING);
            assertThat(report.column("note").status()).isEqualTo(ColumnDrift.Status.TYPE_CHANGED);
            Table gathered = SparkTables.toTable(dataset);
            assertSameReport(report, drift.compare(gathered, baseline), gathered);
        }
    }

    @Nested
    class Edges {
        @Test
        void anInfinityLeavesTheColumnNotComparedWithTheOneJvmMessage() {
            Table current = Table.of(NumericColumn.of("amount", 1, Double.POSITIVE_INFINITY, 3),
                    CategoricalColumn.of("city", "Lyon", "Lyon", null));
            TableDrift drift = TableDrift.builder().clock(CLOCK).build();

            TableDriftReport report = SparkDrift.compare(drift, SparkTables.toDataset(spark, current).coalesce(1),
                    BASELINE);

            assertSameReport(report, drift.compare(current, BASELINE), current);
            assertThat(report.column("amount").message()).contains("values[1] was Infinity");
        }

        @Test
        void anEmptyDatasetIsAReportWithNothingCompared() {
            Table empty = data(7, 0, 0, 0);
            TableDrift drift = TableDrift.builder().clock(CLOCK).build();

            TableDriftReport report = SparkDrift.compare(drift, SparkTables.toDataset(spark, empty), BASELINE);

            assertSameReport(report, drift.compare(empty, BASELINE), empty);
            assertThat(report.currentRows()).isZero();
        }

        @Test
        void columnsReadAsTheSchemaSays() {
            TableDrift drift = TableDrift.builder().clock(CLOCK).build();
            Table current = data(8, 500, 0, 0);
            Dataset<Row> dataset = dataset(current, 2);
            SparkSchema schema = SparkSchema.of(dataset.schema()).withType("note", ColumnType.TEXT)
                    .withSensitive("amount").select("amount", "note");

            TableDriftReport report = SparkDrift.compare(drift, dataset, schema, BASELINE);

            assertThat(report.column("amount").histogram()).isEmpty();
            assertThat(report.column("city").status()).isEqualTo(ColumnDrift.Status.MISSING);
            assertThat(report.column("note").status()).isEqualTo(ColumnDrift.Status.NO_DRIFT);
        }
    }

    @Nested
    class BadInput {
        @Test
        void aLongBeyondTwoToThe53InANumericColumnIsTheMlopsError() {
            List<Row> rows = new ArrayList<>();
            for (long i = 0; i < 10; i++) {
                rows.add(RowFactory.create(i == 4 ? (1L << 53) + 1 : i, "Lyon"));
            }
            Dataset<Row> dataset = spark.createDataFrame(rows, new StructType().add("amount", DataTypes.LongType)
                    .add("city", DataTypes.StringType));

            assertThatThrownBy(() -> SparkDrift.compare(TableDrift.defaults(), dataset, BASELINE))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("'amount'")
                    .hasMessageContaining("9007199254740993");
        }

        @Test
        void anUnreadableComparedColumnIsNamedAndOthersAreIgnored() {
            StructType struct = new StructType().add("city", DataTypes.createArrayType(DataTypes.StringType))
                    .add("extra", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
            Dataset<Row> dataset = spark.createDataFrame(List.of(), struct);

            assertThatThrownBy(() -> SparkDrift.compare(TableDrift.defaults(), dataset, BASELINE))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("'city'")
                    .hasMessageContaining("array<string>");
            TableDriftReport report = SparkDrift.compare(TableDrift.defaults(), dataset.drop("city"), BASELINE);
            assertThat(report.columns()).allSatisfy(c -> assertThat(c.status()).isEqualTo(ColumnDrift.Status.MISSING));
        }

        @Test
        void rowsThatChangeBetweenReadsAreRefused() {
            // every row passes the filter on the first read, none on the next (local mode: one JVM)
            READS.set(0);
            UserDefinedFunction firstReadOnly = functions.udf((UDF1<Long, Boolean>) id -> READS.incrementAndGet() <= 200,
                    DataTypes.BooleanType).asNondeterministic();
            Dataset<Row> unstable = spark.range(0, 200).toDF("id").filter(firstReadOnly.apply(functions.col("id")))
                    .withColumn("amount", functions.col("id").cast("double")).drop("id");

            assertThatThrownBy(() -> SparkDrift.compare(TableDrift.defaults(), unstable, BASELINE))
                    .isInstanceOf(MlopsException.class).hasMessageContaining("'amount'")
                    .hasMessageContaining("cache()");
        }

        @Test
        void argumentsAreChecked() {
            Dataset<Row> dataset = SparkTables.toDataset(spark, data(9, 5, 0, 0));
            SparkSchema schema = SparkSchema.of(dataset.schema());

            assertThatThrownBy(() -> SparkDrift.compare(null, dataset, BASELINE))
                    .isInstanceOf(NullPointerException.class).hasMessage("drift");
            assertThatThrownBy(() -> SparkDrift.compare(TableDrift.defaults(), null, BASELINE))
                    .isInstanceOf(NullPointerException.class).hasMessage("current");
            assertThatThrownBy(() -> SparkDrift.compare(TableDrift.defaults(), dataset, (DatasetProfile) null))
                    .isInstanceOf(NullPointerException.class).hasMessage("baseline");
            assertThatThrownBy(() -> SparkDrift.compare(TableDrift.defaults(), dataset, (Table) null))
                    .isInstanceOf(NullPointerException.class).hasMessage("reference");
            assertThatThrownBy(() -> SparkDrift.compare(null, dataset, REFERENCE))
                    .isInstanceOf(NullPointerException.class).hasMessage("drift");
            assertThatThrownBy(() -> SparkDrift.compare(TableDrift.defaults(), null, REFERENCE))
                    .isInstanceOf(NullPointerException.class).hasMessage("current");
            assertThatThrownBy(() -> SparkDrift.compare(null, dataset, schema, BASELINE))
                    .isInstanceOf(NullPointerException.class).hasMessage("drift");
            assertThatThrownBy(() -> SparkDrift.compare(TableDrift.defaults(), null, schema, BASELINE))
                    .isInstanceOf(NullPointerException.class).hasMessage("current");
            assertThatThrownBy(() -> SparkDrift.compare(TableDrift.defaults(), dataset, null, BASELINE))
                    .isInstanceOf(NullPointerException.class).hasMessage("schema");
            assertThatThrownBy(() -> SparkDrift.compare(TableDrift.defaults(), dataset, schema, null))
                    .isInstanceOf(NullPointerException.class).hasMessage("baseline");
        }
    }
}
