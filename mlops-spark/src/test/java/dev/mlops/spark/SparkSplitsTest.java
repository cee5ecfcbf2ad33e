package dev.mlops.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.GroupedSplitterSettings;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.LabelType;
import dev.mlops.data.split.RandomSplitterSettings;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import dev.mlops.data.split.SmallClasses;
import dev.mlops.data.split.SplitException;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.StratifiedSplitterSettings;
import java.util.ArrayList;
import java.util.Arrays;
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
            // ranked once per id: exact in ids, and the report says the rows are not exact
            assertThat(split.report().keysPerSet()).containsExactly(Map.entry("train", 2100L),
                    Map.entry("validation", 450L), Map.entry("test", 450L));
            assertThat(split.report().held()).isEmpty();
            assertThat(split.report().notes()).singleElement().asString().startsWith("4000 rows share a record id");
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
        void eachSetHasExactlyTheInMemorySplittersCountAndTheReportCountsEveryRow(long seed) {
            int n = 20_000;
            SplitSets sets = SplitSets.parse("a=0.6,b=0.3,c=0.1");
            SparkSplit split = SparkSplits.random(new RandomSplitterSettings(sets, seed), "id").split(rows(n));

            SparkSplitReport report = split.report();
            Split inMemory = Splitters.random(sets, seed).split(Table.of(List.of(NumericColumn.of("id", new double[n]))));
            for (String set : sets.names()) {
                assertThat(report.rowsPerSet().get(set)).as("set %s", set).isEqualTo(inMemory.size(set));
                assertThat(report.keysPerSet().get(set)).as("set %s", set).isEqualTo(inMemory.size(set));
            }
            assertThat(report.rows()).isEqualTo(n);
            assertThat(report.rowsPerSet().keySet()).containsExactly("a", "b", "c");
            assertThat(split.set("c").count()).isEqualTo(report.rowsPerSet().get("c"));
            assertThat(report.held()).containsExactly(Guarantee.SET_SIZES_WITHIN_ONE_ROW);
            assertThat(report.notes()).isEmpty();
        }

        @Test
        void theCountsFollowTheInMemoryRoundingRuleForEveryCountAndFractions() {
            List<SplitSets> all = List.of(SETS, SplitSets.parse("a=0.6,b=0.3,c=0.1"), SplitSets.trainTest(0.5, 0.5),
                    SplitSets.parse("a=0.34,b=0.33,c=0.33"), SplitSets.parse("a=0.9,b=0.05,c=0.05"),
                    SplitSets.parse("a=0.2,b=0.2,c=0.2,d=0.2,e=0.2"));
            for (SplitSets sets : all) {
                for (int n = 20; n <= 120; n++) {
                    Split inMemory = Splitters.random(sets, 1).split(Table.of(List.of(NumericColumn.of("id",
                            new double[n]))));
                    long[] counts = sets.sizes(n);
                    for (int s = 0; s < sets.size(); s++) {
                        assertThat(counts[s]).as("%s n=%d set %d", sets, n, s).isEqualTo(inMemory.size(sets.names().get(s)));
                    }
                }
            }
            // past int: still within one of each share, and summing to n
            long n = 10_000_000_007L;
            long[] counts = SETS.sizes(n);
            assertThat(Arrays.stream(counts).sum()).isEqualTo(n);
            for (int s = 0; s < counts.length; s++) {
                assertThat(Math.abs(counts[s] - n * SETS.fractions().get(s))).isLessThan(1.0);
            }
            // a zero share raises the set whose floor is empty first; then largest remainders, ties to the earlier set
            assertThat(SETS.sizes(2)).containsExactly(1, 1, 0);
            assertThat(SETS.sizes(10)).containsExactly(7, 2, 1);
            assertThat(SplitSets.parse("a=0.5,b=0.25,c=0.25").sizes(3)).containsExactly(1, 1, 1);
            assertThat(SETS.sizes(0)).containsExactly(0, 0, 0);
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
        void eachClassHasExactlyTheInMemoryStratifiedSplittersCountsInEverySet() {
            SparkSplit split = SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "label", 42, null), "id")
                    .split(data);

            SparkSplitReport report = split.report();
            String[] labels = data.orderBy("id").select("label").collectAsList().stream().map(row -> row.getString(0))
                    .toArray(String[]::new);
            Map<String, Map<String, Integer>> inMemory = Splitters.stratified(SETS, "label", 42)
                    .split(Table.of(List.of(CategoricalColumn.of("label", labels)))).report().classCounts();
            assertThat(report.classCounts().keySet()).containsExactly("a", "b", "c");
            report.classCounts().forEach((label, perSet) -> perSet.forEach((set, count) ->
                    assertThat(count).as("class %s set %s", label, set).isEqualTo((long) inMemory.get(label).get(set))));
            assertThat(report.classCounts().get("c").get("validation"))
                    .isEqualTo(split.set("validation").filter(col("label").equalTo("c")).count());
            assertThat(report.held()).containsExactlyInAnyOrder(Guarantee.EVERY_CLASS_IN_EVERY_SET,
                    Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW);
            assertThat(report.holds(Guarantee.EVERY_CLASS_IN_EVERY_SET)).isTrue();
            assertThat(report.holds(Guarantee.GROUPS_INTACT)).isFalse();
            assertThat(report.notes()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 2})
        void stratifiedIsNotRandomAClassOfTenRowsGetsExactlySevenTwoOne(long seed) {
            // 10,000 rows with a class of 10: a random split puts 7/1.5/1.5 of them in expectation and
            // often leaves a set without one; the stratified split gives exactly 7/2/1, every seed
            Dataset<Row> rare = spark.range(10_000).selectExpr("id", "if(id % 1000 = 7, 'rare', 'common') as label");

            SparkSplit stratified = SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "label", seed, null), "id")
                    .split(rare);
            SparkSplit random = SparkSplits.random(new RandomSplitterSettings(SETS, seed), "id").split(rare);

            assertThat(stratified.report().classCounts().get("rare")).containsExactly(Map.entry("train", 7L),
                    Map.entry("validation", 2L), Map.entry("test", 1L));
            assertThat(stratified.report().classCounts().get("common")).containsExactly(Map.entry("train", 6993L),
                    Map.entry("validation", 1499L), Map.entry("test", 1498L));
            Map<Object, String> stratifiedSets = setByKey(stratified, "id");
            Map<Object, String> randomSets = setByKey(random, "id");
            assertThat(stratifiedSets).hasSize(10_000).isNotEqualTo(randomSets);
        }

        @Test
        void duplicateIdsAreRankedOnceSoClassCountsAreExactInIdsAndMeasuredInRows() {
            Dataset<Row> twice = data.union(data.filter(col("id").lt(600)));

            SparkSplitReport report = SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "label", 42, null),
                    "id").split(twice).report();
            SparkSplitReport once = SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "label", 42, null), "id")
                    .split(data).report();

            assertThat(report.keysPerSet()).isEqualTo(once.keysPerSet());
            assertThat(report.rows()).isEqualTo(6600);
            assertThat(report.classCounts().values().stream().flatMap(perSet -> perSet.values().stream())
                    .mapToLong(Long::longValue).sum()).isEqualTo(6600);
            assertThat(report.held()).containsExactly(Guarantee.EVERY_CLASS_IN_EVERY_SET);
            assertThat(report.notes()).singleElement().asString().startsWith("600 rows share a record id");
        }

        @Test
        void aRecordIdWithRowsUnderTwoLabelsIsRefusedWithAnExample() {
            Dataset<Row> twice = data.union(data.filter(col("id").equalTo(17)).withColumn("label",
                    org.apache.spark.sql.functions.lit("other")));

            assertThatThrownBy(() -> SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "label", 42, null), "id")
                    .split(twice)).isInstanceOf(SplitException.class)
                    .hasMessageContaining("1 record ids of column 'id' have rows under more than one label of column"
                            + " 'label', for example '17'");
        }

        @Test
        void aClassMissingFromASetIsRefusedNamingItUnlessAllowed() {
            Dataset<Row> withRare = data.union(spark.createDataFrame(
                    List.of(RowFactory.create(-1L, "rare", "customer-0", 0.0)), STRUCT));

            assertThatThrownBy(() -> SparkSplits.stratified(new StratifiedSplitterSettings(SETS, "label", 42, null), "id")
                    .split(withRare)).isInstanceOf(SplitException.class)
                    .hasMessageContaining("class rare (1 record ids) cannot put one record id in every set")
                    .hasMessageContaining("smallClasses=allow");
            SparkSplitReport allowed = SparkSplits.stratified(
                    new StratifiedSplitterSettings(SETS, "label", 42, SmallClasses.ALLOW), "id").split(withRare).report();
            assertThat(allowed.held()).containsExactly(Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW);
            assertThat(allowed.notes()).singleElement().asString().contains("rare (1 record ids)");
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

        private Map<Object, String> inTimeZone(String zone, SparkSplits splits, Dataset<Row> data, String key) {
            String before = spark.conf().get("spark.sql.session.timeZone");
            spark.conf().set("spark.sql.session.timeZone", zone);
            try {
                return setByKey(splits.split(data), key);
            } finally {
                spark.conf().set("spark.sql.session.timeZone", before);
            }
        }

        @Test
        void aTimestampKeyIsHashedAsEpochMicrosSoTheSessionTimeZoneDoesNotMoveIt() {
            // 600 hourly instants; the key column read as a long beside them, to compare by instant
            Dataset<Row> timed = spark.range(600).selectExpr("id", "timestamp_micros(id * 3600000000 + 7) as at");
            SparkSplits grouped = SparkSplits.grouped(new GroupedSplitterSettings(SETS, "at", 42));
            SparkSplits random = SparkSplits.random(new RandomSplitterSettings(SETS, 42), "at");

            assertThat(inTimeZone("Asia/Kolkata", grouped, timed, "id")).isEqualTo(inTimeZone("UTC", grouped, timed, "id"));
            assertThat(inTimeZone("America/Los_Angeles", random, timed, "id"))
                    .isEqualTo(inTimeZone("UTC", random, timed, "id"));
            List<Row> text = timed.filter(col("id").equalTo(1))
                    .select(SparkSplits.keyText(timed.schema(), "at")).collectAsList();
            assertThat(text).singleElement().extracting(row -> row.getString(0)).isEqualTo("3600000007");
        }

        @Test
        void minusZeroAndZeroAndEveryNanAreOneKeyAsSparkGroupsThem() {
            Dataset<Row> values = spark.range(400).selectExpr("id",
                    "case id % 4 when 0 then cast(0.0 as double) when 1 then -cast(0.0 as double)"
                            + " when 2 then cast('NaN' as double) else cast(id as double) end as g",
                    "cast(case id % 4 when 0 then 0.0 when 1 then -0.0 else id end as float) as f");

            for (String group : List.of("g", "f")) {
                SparkSplit split = SparkSplits.grouped(new GroupedSplitterSettings(SETS, group, 42)).split(values);
                List<Row> setsPerGroup = split.rows().groupBy(group).agg(countDistinct(col("set"))).collectAsList();
                assertThat(setsPerGroup).as("column %s", group).allSatisfy(row ->
                        assertThat(row.getLong(1)).as("group %s", row.get(0)).isEqualTo(1));
            }
            List<String> texts = values.filter(col("id").lt(3)).orderBy("id")
                    .select(SparkSplits.keyText(values.schema(), "g")).collectAsList().stream()
                    .map(row -> row.getString(0)).toList();
            assertThat(texts).containsExactly("0.0", "0.0", "NaN");
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
                    .hasMessageContaining("[test] empty").hasMessageContaining("with 2 record ids");
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
