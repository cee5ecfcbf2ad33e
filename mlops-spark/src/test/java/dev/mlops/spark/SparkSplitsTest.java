package dev.mlops.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import dev.mlops.data.split.GroupedSplitterSettings;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.LabelType;
import dev.mlops.data.split.RandomSplitterSettings;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.SmallClasses;
import dev.mlops.data.split.SplitException;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.StratifiedSplitterSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparkSplitsTest {
    private static final SplitSets SETS = SplitSets.trainValidationTest(0.7, 0.15, 0.15);
    private static final StructType STRUCT = new StructType().add("id", DataTypes.LongType)
            .add("label", DataTypes.StringType).add("customer", DataTypes.StringType).add("x", DataTypes.DoubleType);

    private final SparkSession spark = LocalSpark.session();

    /** Rows {@code id = 0..n-1}, classes a (70 %), b (25 %), c (5 %), 1 to 9 rows per customer. */
    private Dataset<Row> rows(int n) {
        Random random = new Random(n);
        List<Row> rows = new ArrayList<>(n);
        int customer = 0;
        int left = 0;
        for (long id = 0; id < n; id++) {
            if (left-- == 0) {
                customer++;
                left = random.nextInt(9);
            }
            double draw = random.nextDouble();
            String label = draw < 0.7 ? "a" : draw < 0.95 ? "b" : "c";
            rows.add(RowFactory.create(id, label, "customer-" + customer, random.nextGaussian()));
        }
        return spark.createDataFrame(rows, STRUCT);
    }

    private static Map<Object, String> setByKey(SparkSplit split, String key) {
        Map<Object, String> sets = new HashMap<>();
        for (Row row : split.rows().select(col(key), col(split.setColumn())).collectAsList()) {
            String previous = sets.put(row.get(0), row.getString(1));
            assertThat(previous).as("key %s", row.get(0)).isIn(null, row.getString(1));
        }
        return sets;
    }

    private static SparkSplits random(long seed) {
        return SparkSplits.random(new RandomSplitterSettings(SETS, seed), "id");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Assignment {
        private final Dataset<Row> data = rows(3000);
        private final Map<Object, String> reference = setByKey(random(42).split(data), "id");

        @ParameterizedTest
        @ValueSource(ints = {1, 3, 7})
        void doesNotDependOnThePartitioning(int partitions) {
            SparkSplit split = random(42).split(data.repartition(partitions));

            assertThat(split.rows().rdd().getNumPartitions()).isEqualTo(partitions);
            assertThat(setByKey(split, "id")).isEqualTo(reference);
        }

        @Test
        void aRecomputedDatasetAsARetriedTaskRecomputesItGivesTheSameSets() {
            // an uncached round-robin repartition of a shuffled input: each action recomputes every
            // partition, as a retried task recomputes its own, with rows in other partitions and orders
            SparkSplit split = random(42).split(data.orderBy(col("x")).repartition(5));

            Map<Object, String> first = setByKey(split, "id");
            Map<Object, String> second = setByKey(split, "id");

            assertThat(first).isEqualTo(reference).isEqualTo(second);
        }

        @Test
        void theKeyIsReadAsTextSoAnIntALongAndAStringIdLandInTheSameSet() {
            Dataset<Row> ids = data.select(col("id"), col("id").cast("int").as("intId"),
                    col("id").cast("string").as("textId"));

            Map<Object, String> byInt = setByKey(SparkSplits.random(new RandomSplitterSettings(SETS, 42), "intId")
                    .split(ids), "id");
            Map<Object, String> byText = setByKey(SparkSplits.random(new RandomSplitterSettings(SETS, 42), "textId")
                    .split(ids), "id");

            assertThat(byInt).isEqualTo(reference).isEqualTo(byText);
        }

        @Test
        void anotherSeedGivesAnotherAssignment() {
            Map<Object, String> other = setByKey(random(43).split(data), "id");

            long differing = reference.keySet().stream().filter(id -> !reference.get(id).equals(other.get(id))).count();
            // two independent draws over 70/15/15 differ with probability 1 - 0.49 - 0.0225 - 0.0225 = 0.465
            assertThat(differing).isBetween(1200L, 1600L);
        }

        @Test
        void rowsThatShareAKeyShareASet() {
            Dataset<Row> tripled = data.union(data).union(data.limit(1000));

            SparkSplit split = random(42).split(tripled);

            assertThat(setByKey(split, "id")).isEqualTo(reference);
            assertThat(split.report().rows()).isEqualTo(7000);
            assertThat(split.report().keysPerSet().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3000);
        }

        @Test
        void eachSetHoldsItsRowsWithoutTheSetColumn() {
            SparkSplit split = random(42).split(data);

            Dataset<Row> test = split.set("test");

            assertThat(test.columns()).containsExactly("id", "label", "customer", "x");
            assertThat(test.select("id").collectAsList()).extracting(row -> (Object) row.getLong(0))
                    .containsExactlyInAnyOrderElementsOf(reference.keySet().stream()
                            .filter(id -> reference.get(id).equals("test")).toList());
            assertThatThrownBy(() -> split.set("holdout")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("holdout").hasMessageContaining("[train, validation, test]");
        }

        @Test
        void theSetColumnCanBeNamed() {
            SparkSplit split = random(42).withSetColumn("fold").split(data);

            assertThat(split.setColumn()).isEqualTo("fold");
            assertThat(setByKey(split, "id")).isEqualTo(reference);
        }
    }

    @Nested
    class Sizes {
        @ParameterizedTest
        @ValueSource(longs = {1, 20_241_207})
        void eachSetIsWithinTheStatedBoundOfItsShareAndTheReportCountsEveryRow(long seed) {
            int n = 20_000;
            SparkSplit split = SparkSplits.random(new RandomSplitterSettings(SplitSets.parse("a=0.6,b=0.3,c=0.1"), seed),
                    "id").split(rows(n));

            SparkSplitReport report = split.report();
            assertThat(report.rows()).isEqualTo(n);
            assertThat(report.rowsPerSet().keySet()).containsExactly("a", "b", "c");
            report.rowsPerSet().forEach((set, count) -> assertThat(report.withinBound(count, n, set))
                    .as("seed %d set %s: %d rows of %d", seed, set, count, n).isTrue());
            // measured by one aggregate: the same as counting the set's rows
            assertThat(split.set("c").count()).isEqualTo(report.rowsPerSet().get("c"));
            assertThat(report.held()).isEmpty();
        }

        @Test
        void theBoundIsHoeffdingsForOneInABillion() {
            // python3: math.ceil(math.sqrt(n * math.log(2 / 1e-9) / 2)) for n = 1e6, 1e9, 20000
            assertThat(SparkSplitReport.bound(1_000_000)).isEqualTo(3273);
            assertThat(SparkSplitReport.bound(1_000_000_000)).isEqualTo(103_481);
            assertThat(SparkSplitReport.bound(20_000)).isEqualTo(463);
            assertThat(SparkSplitReport.bound(0)).isZero();
            assertThatThrownBy(() -> SparkSplitReport.bound(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }

        @Test
        void withinBoundComparesWithTheSetsShare() {
            SparkSplitReport report = new SparkSplitReport(SplitSets.trainTest(0.8, 0.2), Map.of(), Map.of(), Map.of(),
                    java.util.Set.of(), List.of());

            assertThat(report.withinBound(800_000 + 3273, 1_000_000, "train")).isTrue();
            assertThat(report.withinBound(800_000 - 3274, 1_000_000, "train")).isFalse();
            assertThat(report.withinBound(200_000 - 3273, 1_000_000, "test")).isTrue();
            assertThat(report.withinBound(200_000 + 3274, 1_000_000, "test")).isFalse();
        }

        @Test
        void theGuidePolicyCountsTheRowsToChooseTheSets() {
            SparkSplit split = SparkSplits.random(new RandomSplitterSettings(SizePolicy.guide(), 7), "id")
                    .split(rows(500));

            assertThat(split.sets()).isEqualTo(SETS);
            assertThat(split.report().rows()).isEqualTo(500);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Stratified {
        private final Dataset<Row> data = rows(6000);

        @Test
        void eachClassSharesEachSetWithinTheBoundAndEveryClassReachesEverySet() {
            SparkSplit split = SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "label", 42, null), "id")
                    .split(data);

            SparkSplitReport report = split.report();
            assertThat(report.classCounts().keySet()).containsExactly("a", "b", "c");
            report.classCounts().forEach((label, perSet) -> {
                long classRows = perSet.values().stream().mapToLong(Long::longValue).sum();
                assertThat(classRows).isEqualTo(data.filter(col("label").equalTo(label)).count());
                perSet.forEach((set, count) -> assertThat(report.withinBound(count, classRows, set))
                        .as("class %s set %s: %d of %d", label, set, count, classRows).isTrue());
            });
            assertThat(report.classCounts().get("c").get("validation"))
                    .isEqualTo(split.set("validation").filter(col("label").equalTo("c")).count());
            assertThat(report.held()).containsExactly(Guarantee.EVERY_CLASS_IN_EVERY_SET);
            assertThat(report.holds(Guarantee.EVERY_CLASS_IN_EVERY_SET)).isTrue();
            assertThat(report.holds(Guarantee.GROUPS_INTACT)).isFalse();
            assertThat(report.notes()).isEmpty();
        }

        @Test
        void aClassMissingFromASetIsRefusedNamingItUnlessAllowed() {
            Dataset<Row> withRare = data.union(spark.createDataFrame(
                    List.of(RowFactory.create(-1L, "rare", "customer-0", 0.0)), STRUCT));

            assertThatThrownBy(() -> SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "label", 42, null), "id")
                    .split(withRare)).isInstanceOf(SplitException.class)
                    .hasMessageContaining("class rare (1 rows)").hasMessageContaining("smallClasses=allow");
            SparkSplitReport allowed = SparkSplits.stratified(
                    new StratifiedSplitterSettings(SETS, "label", 42, SmallClasses.ALLOW), "id").split(withRare).report();
            assertThat(allowed.held()).isEmpty();
            assertThat(allowed.notes()).singleElement().asString().contains("rare (1 rows)");
        }

        @Test
        void aNumericLabelIsRefusedUnlessReadAsCategorical() {
            Dataset<Row> numeric = data.withColumn("y", col("label").equalTo("a").cast("int"));

            assertThatThrownBy(() -> SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "y", 42, null), "id")
                    .split(numeric)).isInstanceOf(SchemaException.class).hasMessageContaining("'y'")
                    .hasMessageContaining("int").hasMessageContaining("labelType=categorical");
            SparkSplitReport report = SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "y", 42, null,
                    LabelType.CATEGORICAL), "id").split(numeric).report();
            assertThat(report.classCounts().keySet()).containsExactly("0", "1");
        }

        @Test
        void aTimestampLabelIsRefused() {
            Dataset<Row> timed = data.withColumn("when", org.apache.spark.sql.functions.current_timestamp());

            assertThatThrownBy(() -> SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "when", 42, null,
                    LabelType.CATEGORICAL), "id").split(timed)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("'when'").hasMessageContaining("not times");
        }

        @Test
        void aNullLabelIsRefusedWithItsCount() {
            Dataset<Row> unlabelled = data.withColumn("label",
                    org.apache.spark.sql.functions.when(col("id").lt(2), null).otherwise(col("label")));

            assertThatThrownBy(() -> SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "label", 42, null), "id")
                    .split(unlabelled)).isInstanceOf(SplitException.class)
                    .hasMessageContaining("label column 'label' is null in 2 rows");
        }
    }

    @Nested
    class Grouped {
        @Test
        void everyGroupIsInExactlyOneSet() {
            Dataset<Row> data = rows(4000);

            SparkSplit split = SparkSplits.grouped(new GroupedSplitterSettings(SETS, "customer", 42)).split(data);

            List<Row> setsPerGroup = split.rows().groupBy("customer").agg(countDistinct(col("set"))).collectAsList();
            assertThat(setsPerGroup).allSatisfy(row -> assertThat(row.getLong(1)).isEqualTo(1));
            SparkSplitReport report = split.report();
            assertThat(report.held()).containsExactly(Guarantee.GROUPS_INTACT);
            long groups = setsPerGroup.size();
            assertThat(report.keysPerSet().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(groups);
            report.keysPerSet().forEach((set, count) -> assertThat(report.withinBound(count, groups, set)).isTrue());
            assertThat(report.rows()).isEqualTo(4000);
            assertThat(report.classCounts()).isEmpty();
        }

        @Test
        void aNullGroupIsRefusedWithItsCount() {
            Dataset<Row> data = rows(100).withColumn("customer",
                    org.apache.spark.sql.functions.when(col("id").equalTo(5), null).otherwise(col("customer")));

            assertThatThrownBy(() -> SparkSplits.grouped(new GroupedSplitterSettings(SETS, "customer", 42)).split(data))
                    .isInstanceOf(SplitException.class)
                    .hasMessageContaining("group column 'customer' is null in 1 rows");
        }
    }

    @Nested
    class BadInput {
        private final Dataset<Row> data = rows(50);

        @Test
        void aMissingKeyColumnIsNamedWithTheColumnsThereAre() {
            assertThatThrownBy(() -> SparkSplits.random(new RandomSplitterSettings(SETS, 1), "recordId").split(data))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("record id column 'recordId'")
                    .hasMessageContaining("[id, label, customer, x]");
            assertThatThrownBy(() -> SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "class", 1, null),
                    "id").split(data)).isInstanceOf(SchemaException.class).hasMessageContaining("label column 'class'");
        }

        @Test
        void aNullKeyIsRefusedWithItsCount() {
            Dataset<Row> nullIds = data.withColumn("id",
                    org.apache.spark.sql.functions.when(col("id").lt(3), null).otherwise(col("id")));

            assertThatThrownBy(() -> random(1).split(nullIds)).isInstanceOf(SplitException.class)
                    .hasMessageContaining("record id column 'id' is null in 3 rows");
        }

        @Test
        void fractionsThatDoNotSumToOneAreRefusedByTheSetsThemselves() {
            assertThatThrownBy(() -> SplitSets.parse("train=0.5,test=0.4")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sum to 1");
        }

        @Test
        void tooFewRowsForEverySetAreRefused() {
            assertThatThrownBy(() -> random(1).split(data.limit(2))).isInstanceOf(SplitException.class)
                    .hasMessageContaining("empty").hasMessageContaining("with 2 rows");
        }

        @Test
        void anExistingSetColumnAndBlankNamesAreRefused() {
            assertThatThrownBy(() -> random(1).withSetColumn("x").split(data)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("'x' is already a column");
            assertThatThrownBy(() -> SparkSplits.random(new RandomSplitterSettings(SETS, 1), " "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idColumn must not be blank");
            assertThatThrownBy(() -> random(1).withSetColumn(""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("setColumn must not be blank");
        }
    }
}
