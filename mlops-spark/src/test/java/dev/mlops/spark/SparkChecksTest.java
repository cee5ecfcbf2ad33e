package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import dev.mlops.data.check.Quarantine;
import dev.mlops.data.check.QuarantinedRow;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowRule;
import dev.mlops.data.check.SchemaCheck;
import dev.mlops.data.profile.DatasetProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SparkChecksTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final List<String> CITIES = List.of("Hamburg", "München", "Paris", "São Paulo");

    private final SparkSession spark = LocalSpark.session();

    /** People with repeated ids, NaN and missing ages, unknown cities and malformed e-mails. */
    static Table people(long seed, int rows) {
        Random random = new Random(seed);
        Table.Builder builder = Table.builder();
        double[] ids = new double[rows];
        double[] ages = new double[rows];
        double[] amounts = new double[rows];
        double[] counts = new double[rows];
        String[] cities = new String[rows];
        String[] emails = new String[rows];
        for (int row = 0; row < rows; row++) {
            ids[row] = random.nextInt(20) == 0 ? row - 1 : row;
            ages[row] = random.nextInt(25) == 0 ? Double.NaN : 10 + random.nextInt(80);
            amounts[row] = 100 + 15 * random.nextGaussian();
            counts[row] = random.nextInt(30) == 0 ? 3 : 2 * random.nextInt(10);
            cities[row] = random.nextInt(15) == 0 ? null : random.nextInt(30) == 0 ? "Atlantis"
                    : CITIES.get(random.nextInt(CITIES.size()));
            emails[row] = random.nextInt(12) == 0 ? "user" + row + "@x" : "user" + row % 40 + "@x.de";
        }
        Table table = builder.numeric("id", ids).numeric("age", ages).numeric("amount", amounts)
                .numeric("count", counts).categorical("city", cities).text("email", emails).build();
        return withMissing(table, random, rows);
    }

    /** The table with a few missing ids and ages. */
    private static Table withMissing(Table table, Random random, int rows) {
        Table.Builder builder = Table.builder();
        for (String name : List.of("id", "age")) {
            dev.mlops.core.table.NumericColumn.Builder column = dev.mlops.core.table.NumericColumn.builder(name);
            for (int row = 0; row < rows; row++) {
                if (random.nextInt(40) == 0) {
                    column.addMissing();
                } else {
                    column.add(table.numericColumn(name).get(row));
                }
            }
            builder.add(column.build());
        }
        for (String name : List.of("amount", "count", "city", "email")) {
            builder.add(table.column(name));
        }
        return builder.build();
    }

    static CheckSuite everyCheck(Schema schema) {
        return CheckSuite.builder("people").clock(CLOCK)
                .add(SchemaCheck.of(schema).notNull("id", "email"))
                .add(Checks.completeness("city").atLeast(0.9))
                .add(Checks.unique("email").withMostly(0.5))
                .add(Checks.primaryKey("id"))
                .add(Checks.range("age", 18, 90).withMostly(0.8))
                .add(Checks.allowedValues("city", CITIES))
                .add(Checks.cardinality("city", 2, 10))
                .add(Checks.matches("email", "user[0-9]+@x\\.(de|fr)").withMostly(0.5))
                .add(Checks.rows("adult", "age >= 18 or age is missing").withSeverity(Severity.WARNING))
                .add(Checks.meanShift("amount"))
                .add(Checks.ks("amount"))
                .add(Checks.chiSquare("city"))
                .add(Checks.psi("amount"))
                .add(new EvenCheck("count", 0.9))
                .add(new MaxCheck("amount", 150))
                .build();
    }

    /** The table as a Dataset of so many partitions, its rows in the table's order, cached (for speed). */
    Dataset<Row> partitioned(Table table, int partitions) {
        String index = "__test_index";
        return SparkTables.toDataset(spark, table).withColumn(index, functions.monotonically_increasing_id())
                .repartitionByRange(partitions, functions.col(index)).sortWithinPartitions(index).drop(index).cache();
    }

    static Stream<Arguments> sweep() {
        Random master = new Random(20_261_207L);
        List<Arguments> cases = new ArrayList<>();
        for (int partitions : new int[] {1, 3, 7}) {
            cases.add(Arguments.of(master.nextLong(), 150 + master.nextInt(300), partitions));
        }
        return cases.stream();
    }

    /** @return the sweep's cases of more than one partition */
    static Stream<Arguments> severalPartitions() {
        return sweep().filter(arguments -> (int) arguments.get()[2] > 1);
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, {2} partitions")
    @MethodSource("sweep")
    void aSuiteOfEveryCheckGivesTheReportOfOneJvm(long seed, int rows, int partitions) {
        Table table = people(seed, rows);
        DatasetProfile reference = DatasetProfile.of(people(seed + 1, 300));
        CheckSuite suite = everyCheck(table.schema());
        CheckContext context = CheckContext.defaults().withReference(reference).withSampleSize(7);
        Dataset<Row> dataset = partitioned(table, partitions);

        CheckReport expected = suite.run(table, context);
        CheckReport actual = SparkChecks.defaults().run(suite, dataset, context);

        assertThat(actual.results()).as("seed %d, %d rows, %d partitions", seed, rows, partitions)
                .containsExactlyElementsOf(expected.results());
        assertThat(actual.rowCount()).isEqualTo(rows);
        assertThat(actual.header().createdAt()).isEqualTo(CLOCK.instant());
        assertThat(actual.passed()).isEqualTo(expected.passed());
        // the Dataset's rows read as the suite expects are the table's, so its multiset fingerprint is theirs
        assertThat(actual.header().fingerprint()).isEqualTo(new DatasetFingerprint().add(table)
                .finish(table.schema()));
    }

    @Test
    void anEmptyDatasetGivesTheReportOfAnEmptyTable() {
        Table table = people(7, 20).rows();
        CheckSuite suite = everyCheck(table.schema());
        CheckContext context = CheckContext.defaults().withReference(DatasetProfile.of(people(8, 50)));

        CheckReport actual = SparkChecks.defaults().run(suite, SparkTables.toDataset(spark, table), context);
        CheckReport expected = suite.run(table, context);

        assertThat(actual.results()).containsExactlyElementsOf(expected.results());
        assertThat(actual.rowCount()).isZero();
        assertThat(actual.header().fingerprint()).isEqualTo(new DatasetFingerprint().finish(table.schema()));
    }

    @Test
    void theFingerprintIsTheDatasetsMultisetFingerprintWhateverThePartitioning() {
        Table table = people(9, 120);
        CheckSuite suite = CheckSuite.builder("none").build();
        Dataset<Row> dataset = partitioned(table, 3);
        Table read = SparkTables.toTable(dataset);

        CheckReport threeParts = SparkChecks.defaults().run(suite, dataset);
        CheckReport onePart = SparkChecks.defaults().run(suite, partitioned(table, 1));

        assertThat(threeParts.header().fingerprint()).isEqualTo(new DatasetFingerprint().add(read)
                .finish(read.schema())).isEqualTo(onePart.header().fingerprint());
        assertThat(threeParts.rowCount()).isEqualTo(120);
    }

    @Test
    void everyCheckTakesItsDocumentedPath() {
        Table table = people(1, 50);
        CheckSuite suite = everyCheck(table.schema());
        SparkSchema schema = SparkChecks.readAs(partitioned(table, 1).schema(), suite.schema());
        CheckReport probe = suite.run(Table.empty(schema.schema()),
                CheckContext.defaults().withReference(DatasetProfile.of(table)));
        SparkChecks checks = SparkChecks.defaults();

        List<SparkChecks.Route> routes = new ArrayList<>();
        for (int i = 0; i < suite.checks().size(); i++) {
            routes.add(checks.route(suite.checks().get(i), probe.results().get(i), schema,
                    partitioned(table, 1).schema()));
        }

        assertThat(routes).containsExactly(SparkChecks.Route.SCHEMA, SparkChecks.Route.TRANSLATED,
                SparkChecks.Route.GATHERED, SparkChecks.Route.GATHERED, SparkChecks.Route.TRANSLATED,
                SparkChecks.Route.TRANSLATED, SparkChecks.Route.GATHERED, SparkChecks.Route.TRANSLATED,
                SparkChecks.Route.EXECUTORS, SparkChecks.Route.GATHERED, SparkChecks.Route.GATHERED,
                SparkChecks.Route.GATHERED, SparkChecks.Route.GATHERED, SparkChecks.Route.EXECUTORS,
                SparkChecks.Route.GATHERED);
    }

    @Test
    void translatedAndExecutorCountedChecksGiveTheSameResults() {
        Table table = people(5, 400);
        CheckSuite suite = CheckSuite.builder("rows").add(Checks.completeness("city").atLeast(0.9))
                .add(Checks.range("age", 18, 90).withMostly(0.8)).add(Checks.allowedValues("city", CITIES))
                .add(Checks.matches("email", "user[0-9]+@x\\.(de|fr)").withMostly(0.5)).build();
        Dataset<Row> dataset = partitioned(table, 4);

        CheckReport translated = SparkChecks.defaults().run(suite, dataset);
        CheckReport counted = SparkChecks.defaults().withoutTranslation().run(suite, dataset);

        assertThat(translated.results()).containsExactlyElementsOf(counted.results())
                .containsExactlyElementsOf(suite.run(table).results());
    }

    @Nested
    class Quarantines {

        @ParameterizedTest(name = "seed {0}, {1} rows, {2} partitions")
        @MethodSource("dev.mlops.spark.SparkChecksTest#severalPartitions")
        void rowsAndReasonsAreThoseOfOneJvm(long seed, int rows, int partitions) {
            Table table = people(seed, rows);
            CheckSuite suite = everyCheck(table.schema());
            Dataset<Row> dataset = partitioned(table, partitions);

            Quarantine expected = suite.quarantine(table);
            SparkQuarantine actual = SparkChecks.defaults().quarantine(suite, dataset);

            Table passing = SparkTables.toTable(actual.passing(), SparkChecks.readAs(actual.passing().schema(),
                    table.schema()));
            assertThat(passing).isEqualTo(expected.passing());
            Dataset<Row> quarantined = actual.quarantined();
            assertThat(quarantined.columns()).endsWith(Quarantine.REASONS_COLUMN);
            Table setApart = SparkTables.toTable(quarantined, SparkChecks.readAs(quarantined.schema(),
                    table.schema()).withType(Quarantine.REASONS_COLUMN, dev.mlops.core.table.ColumnType.TEXT));
            assertThat(setApart).isEqualTo(expected.quarantinedWithReasons());
            assertThat(expected.reasons()).extracting(QuarantinedRow::checks).anySatisfy(
                    names -> assertThat(names).hasSizeGreaterThan(1));
        }

        @Test
        void translatedPredicatesAreInThePlan() {
            // not a local relation, which Spark's optimiser would filter while it plans
            Dataset<Row> ages = spark.range(100).selectExpr("cast(id as double) as age");
            CheckSuite suite = CheckSuite.builder("age").add(Checks.range("age", 18, 90)).build();

            SparkQuarantine split = SparkChecks.defaults().quarantine(suite, ages);

            String plan = split.passing().queryExecution().optimizedPlan().toString();
            assertThat(plan).contains("age#").contains(">= 18.0").contains("<= 90.0").contains("isnan");
            assertThat(split.quarantined().queryExecution().executedPlan().toString()).contains("Filter");
        }

        @Test
        void checksCountedOnTheExecutorsKeepEveryColumnType() {
            Table table = Table.builder().numeric("count", 1, 2, 4, 7, 8)
                    .categorical("c", "a", null, "b", "a", "c")
                    .text("t", "x", "y", null, "z", "w")
                    .bool("b", true, false, null, true, false)
                    .timestamp("ts", Instant.parse("2024-01-02T03:04:05.123456Z"), null, Instant.EPOCH,
                            Instant.parse("1969-12-31T23:59:59Z"), Instant.parse("2030-06-07T08:09:10Z"))
                    .build();
            CheckSuite suite = CheckSuite.builder("even").add(new EvenCheck("count", 1))
                    .add(Checks.rows("p", "c != \"c\"")).add(Checks.unique("c")).build();
            Dataset<Row> dataset = partitioned(table, 2);
            SparkSchema schema = SparkSchema.of(dataset.schema()).withType("t", dev.mlops.core.table.ColumnType.TEXT);

            Quarantine expected = suite.quarantine(table);
            SparkQuarantine actual = SparkChecks.defaults().quarantine(suite, dataset);

            assertThat(SparkTables.toTable(actual.passing(), schema)).isEqualTo(expected.passing());
            assertThat(SparkTables.toTable(actual.quarantined(), SparkSchema.of(actual.quarantined().schema())
                    .withType("t", dev.mlops.core.table.ColumnType.TEXT)
                    .withType(Quarantine.REASONS_COLUMN, dev.mlops.core.table.ColumnType.TEXT)))
                    .isEqualTo(expected.quarantinedWithReasons());
        }

        @Test
        void aSuiteWithoutRowChecksQuarantinesNothing() {
            Table table = people(6, 20);
            CheckSuite suite = CheckSuite.builder("none").add(Checks.cardinality("city", 1, 2))
                    .add(Checks.range("age", 0, 1).withSeverity(Severity.WARNING)).build();

            SparkQuarantine split = SparkChecks.defaults().quarantine(suite, partitioned(table, 2));

            assertThat(split.passing().count()).isEqualTo(20);
            assertThat(split.quarantined().count()).isZero();
            assertThat(split.quarantined().columns()).endsWith(Quarantine.REASONS_COLUMN);
        }

        @Test
        void aDatasetWithAColumnOfTheReservedPrefixIsRefused() {
            Dataset<Row> dataset = SparkTables.toDataset(spark, Table.builder().numeric("__mlops_row_id", 1).build());
            CheckSuite suite = CheckSuite.builder("s").add(Checks.complete("__mlops_row_id")).build();

            assertThatThrownBy(() -> SparkChecks.defaults().quarantine(suite, dataset))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("'__mlops_row_id'");
            assertThatThrownBy(() -> SparkChecks.defaults().run(suite, dataset))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("'__mlops_row_id'")
                    .hasMessageContaining("rename");
        }

        @Test
        void aDatasetWithTheReasonsColumnIsRefused() {
            Table table = Table.builder().numeric(Quarantine.REASONS_COLUMN, 1, 2).build();
            CheckSuite suite = CheckSuite.builder("s").add(Checks.complete(Quarantine.REASONS_COLUMN)).build();

            assertThatThrownBy(() -> SparkChecks.defaults().quarantine(suite, SparkTables.toDataset(spark, table)))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("'quarantine_reasons'");
        }
    }

    @Nested
    class Gathering {

        @Test
        void aGatheredCheckSeesItsOwnColumnsOrEveryColumnWhenItNamesNone() {
            Table table = people(10, 30);
            CheckSuite suite = CheckSuite.builder("seen").add(new ColumnsSeen(List.of("email", "age")))
                    .add(new ColumnsSeen(List.of())).build();

            CheckReport report = SparkChecks.defaults().run(suite, partitioned(table, 2));

            assertThat(report.results()).extracting(dev.mlops.data.check.CheckResult::message)
                    .containsExactly("age, email", "id, age, amount, count, city, email");
        }

        @Test
        void aRowCheckThatOverridesRunIsGatheredAndRunAsInOneJvm() {
            Table table = people(11, 60);
            CheckSuite suite = CheckSuite.builder("own-run").add(new EvenWithCount("count")).build();
            Dataset<Row> dataset = partitioned(table, 3);
            CheckReport probe = suite.run(Table.empty(SparkSchema.of(dataset.schema()).schema()));

            assertThat(SparkChecks.defaults().route(suite.checks().get(0), probe.results().get(0),
                    SparkSchema.of(dataset.schema()), dataset.schema())).isEqualTo(SparkChecks.Route.GATHERED);
            assertThat(SparkChecks.defaults().withGatherLimit(60).run(suite, dataset).results())
                    .containsExactlyElementsOf(suite.run(table).results());
            assertThat(SparkChecks.defaults().withGatherLimit(60).gatherLimit()).isEqualTo(60);
            assertThat(SparkChecks.defaults().gatherLimit()).isEqualTo(SparkChecks.DEFAULT_GATHER_LIMIT);
        }

        @Test
        void aCheckThatReturnsNullIsNamed() {
            CheckSuite suite = CheckSuite.builder("null").add(new ColumnsSeen(List.of("null"))).build();

            assertThatThrownBy(() -> SparkChecks.defaults().run(suite, partitioned(people(12, 5), 1)))
                    .isInstanceOf(NullPointerException.class).hasMessage("seen(null) returned null");
        }
    }

    /** A plain check whose message lists the columns of the table it sees; of a column "null", it returns null. */
    private record ColumnsSeen(List<String> columns) implements dev.mlops.data.check.Check {
        @Override
        public String type() {
            return "seen";
        }

        @Override
        public String name() {
            return "seen(" + String.join(", ", columns) + ")";
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public Record settings() {
            return this;
        }

        @Override
        public dev.mlops.data.check.CheckResult run(Table table, CheckContext context) {
            if (columns.contains("null")) {
                return null;
            }
            return dev.mlops.data.check.CheckResult.passed(this, table.rowCount(),
                    dev.mlops.data.check.Threshold.atLeast(0), String.join(", ", table.schema().names()));
        }
    }

    /**
     * The test's own row checks: one column, error severity, named {@code type(column)}, each record
     * its own settings.
     */
    private interface OneColumnCheck extends RowCheck {
        String column();

        @Override
        default String name() {
            return type() + "(" + column() + ")";
        }

        @Override
        default List<String> columns() {
            return List.of(column());
        }

        @Override
        default Severity severity() {
            return Severity.ERROR;
        }

        @Override
        default Record settings() {
            return (Record) this;
        }
    }

    /** A row check that overrides run to say how many values it judged in its message. */
    private record EvenWithCount(String column) implements OneColumnCheck {
        @Override
        public double mostly() {
            return 0.5;
        }

        @Override
        public RowRule bind(Table table) {
            return new EvenCheck(column, 0.5).bind(table);
        }

        @Override
        public dev.mlops.data.check.CheckResult run(Table table, CheckContext context) {
            dev.mlops.data.check.CheckResult result = OneColumnCheck.super.run(table, context);
            return new dev.mlops.data.check.CheckResult(result.check(), result.type(), result.columns(),
                    result.severity(), result.verdict(), result.message() + " of " + table.rowCount() + " rows",
                    result.measured(), result.threshold(), result.statistic(), result.failingRows(), result.sample(),
                    result.spec());
        }

        @Override
        public String type() {
            return "even-with-count";
        }
    }

    @Nested
    class Translation {

        @Test
        void javaAndSparkRegularExpressionsAgreeOnWholeValues() {
            List<String> values = List.of("abc", "ABC", "ab\nc", "abc\n", "\nabc", "a.c", "", "München", "São",
                    "12-34", "x@y.de", "aaa", "ab", "a|b");
            List<String> regexes = List.of("abc", "a.c", "(?i)abc", "a|b", "[a-z]+", "\\p{L}+", "a*", "ab|abc",
                    "(?s)a.*c", "\\d{2}-\\d{2}", ".*@.*\\.de", "(a)(b)?", "(?m)^abc$", "\\Qa|b\\E", "\\Qa|b",
                    "a\\Q|b\\E|\\Qa");
            Table table = Table.builder().text("v", values.toArray(String[]::new)).build();
            Dataset<Row> dataset = SparkTables.toDataset(spark, table);
            SparkSchema schema = SparkSchema.of(dataset.schema());
            CheckSuite.Builder suite = CheckSuite.builder("patterns");

            for (String regex : regexes) {
                suite.add(Checks.matches("v", regex).withMostly(0));
                java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
                List<String> inJava = values.stream().filter(value -> pattern.matcher(value).matches()).toList();
                java.util.Optional<SparkRule> rule = SparkRule.of(Checks.matches("v", regex), schema,
                        dataset.schema());
                // a quote that runs to the end of the expression would swallow the closing anchor
                assertThat(rule.isPresent()).as(regex).isEqualTo(!regex.endsWith("\\Qa|b")
                        && !regex.endsWith("\\Qa"));
                if (rule.isPresent()) {
                    List<String> inSpark = dataset.filter(rule.get().passes()).collectAsList().stream()
                            .map(row -> row.getString(0)).toList();
                    assertThat(inSpark).as(regex).containsExactlyInAnyOrderElementsOf(inJava);
                }
            }
            CheckSuite all = suite.build();
            assertThat(SparkChecks.defaults().run(all, dataset).results())
                    .containsExactlyElementsOf(all.run(table).results());
        }

        @Test
        void whatIsNotTranslatedRunsOnTheExecutors() {
            org.apache.spark.sql.types.StructType struct = SparkTables.toDataset(spark, Table.builder()
                    .numeric("n", 1).categorical("c", "a").build()).schema();
            SparkSchema schema = SparkSchema.of(struct);

            assertThat(SparkRule.of(Checks.matches("c", "a(?x) # comment"), schema, struct)).isEmpty();
            assertThat(SparkRule.of(Checks.matches("c", "\\Qa|b"), schema, struct)).isEmpty();
            assertThat(SparkRule.of(Checks.matches("n", "1"), schema, struct)).isEmpty();
            assertThat(SparkRule.of(Checks.allowedValues("n", List.of("1")), schema, struct)).isEmpty();
            assertThat(SparkRule.of(Checks.rows("p", "n > 0"), schema, struct)).isEmpty();
            assertThat(SparkRule.of(Checks.unique("n"), schema, struct)).isEmpty();
            assertThat(SparkRule.of(Checks.range("n", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), schema,
                    struct)).isPresent();
        }

        @Test
        void collatedStringsAndDecimalKeysAreJudgedAsInOneJvm() {
            Dataset<Row> collated = spark.sql("SELECT v COLLATE UTF8_LCASE AS v FROM VALUES ('a'), ('A'), ('b')"
                    + " AS t(v)");
            CheckSuite strings = CheckSuite.builder("collated").add(Checks.allowedValues("v", List.of("a", "b"))
                    .toleratingUnseen(1)).add(Checks.unique("v")).add(Checks.matches("v", "[ab]").withMostly(0))
                    .build();
            Dataset<Row> decimals = spark.sql("SELECT CAST(v AS DECIMAL(38, 20)) AS v FROM VALUES ('0.1'),"
                    + " ('0.10000000000000000001'), ('0.3') AS t(v)");
            CheckSuite keys = CheckSuite.builder("decimal").add(Checks.unique("v").withMostly(0)).build();

            assertThat(SparkChecks.defaults().run(strings, collated).results())
                    .containsExactlyElementsOf(strings.run(SparkTables.toTable(collated)).results());
            assertThat(SparkChecks.defaults().quarantine(strings, collated).quarantined().collectAsList())
                    .extracting(row -> row.getString(0)).containsExactly("A");
            assertThat(SparkChecks.defaults().run(keys, decimals).results())
                    .containsExactlyElementsOf(keys.run(SparkTables.toTable(decimals)).results())
                    .extracting(dev.mlops.data.check.CheckResult::failingRows).containsExactly(2L);
            assertThat(SparkChecks.defaults().quarantine(keys, decimals).quarantined().count()).isEqualTo(2);
        }

        @Test
        void rangesOfIntegerAndDecimalColumnsAndInfiniteBoundsMatchOneJvm() {
            Dataset<Row> dataset = spark.range(-5, 15).selectExpr("cast(id as int) as i",
                    "cast(id as decimal(10, 2)) / 4 as d", "case when id % 5 = 0 then double('NaN') when id < 0 then double('-Infinity') when id > 10 then double('Infinity') else cast(id as double) end as x");
            Table table = SparkTables.toTable(dataset);
            CheckSuite suite = CheckSuite.builder("r").add(Checks.range("i", 0, 9).withMostly(0.1))
                    .add(Checks.range("d", -1, Double.POSITIVE_INFINITY).withMostly(0.1))
                    .add(Checks.range("x", Double.NEGATIVE_INFINITY, 0).withMostly(0.1)).build();

            assertThat(SparkChecks.defaults().run(suite, dataset).results())
                    .containsExactlyElementsOf(suite.run(table).results());
        }
    }

    @Nested
    class OrderLocalityAndWidth {

        @Test
        void translatedSamplesNumberTheRowsOfAnUncachedSortUnderAdaptiveExecution() {
            // the sort's shuffle is coalesced by its size: a plan reading fewer columns coalesces differently
            Map<String, String> settings = Map.of("spark.sql.shuffle.partitions", "40",
                    "spark.sql.adaptive.advisoryPartitionSizeInBytes", "20000",
                    "spark.sql.adaptive.coalescePartitions.minPartitionSize", "1");
            settings.forEach(spark.conf()::set);
            try {
                Dataset<Row> sorted = spark.range(0, 20_000, 1, 4).selectExpr(
                        "cast((id * 7919) % 20000 as double) as k", "cast(id % 100 as double) as age",
                        "repeat('x', 200) as pad").orderBy("k");
                CheckSuite suite = CheckSuite.builder("late").add(Checks.range("k", 0, 15_000).withMostly(0.1))
                        .add(Checks.rows("early", "k <= 15000").withMostly(0.1)).build();
                CheckContext context = CheckContext.defaults().withSampleSize(5);

                CheckReport report = SparkChecks.defaults().run(suite, sorted, context);

                assertThat(report.results()).allSatisfy(result -> assertThat(result.sample())
                        .extracting(dev.mlops.data.check.FailingRow::row)
                        .containsExactly(15_001, 15_002, 15_003, 15_004, 15_005));
                assertThat(report.results().get(0)).isEqualTo(suite.run(SparkTables.toTable(sorted), context)
                        .results().get(0));
            } finally {
                settings.keySet().forEach(spark.conf()::unset);
                spark.conf().set("spark.sql.shuffle.partitions", "4");
            }
        }

        @Test
        void aRowCheckNotDeclaredRowLocalSeesEveryRowOrIsRefusedByTheQuarantine() {
            Table table = Table.builder().numeric("v", java.util.stream.IntStream.range(0, 100).asDoubleStream()
                    .toArray()).build();
            CheckSuite suite = CheckSuite.builder("mean").add(new AtMostMean("v")).build();
            Dataset<Row> dataset = partitioned(table, 4);

            CheckReport report = SparkChecks.defaults().run(suite, dataset);

            assertThat(report.results()).containsExactlyElementsOf(suite.run(table).results());
            assertThat(report.results().get(0).failingRows()).isEqualTo(50);
            assertThatThrownBy(() -> SparkChecks.defaults().quarantine(suite, dataset))
                    .isInstanceOf(MlopsException.class).hasMessageContaining("'at-most-mean(v)'")
                    .hasMessageContaining("rowLocal()").hasMessageContaining("CheckSuite.quarantine");
        }

        @Test
        void aBigintBeyondTwoToTheFiftyThreeFailsNothingUnlessACheckReadsItAsANumber() {
            Dataset<Row> dataset = spark.range(0, 10, 1, 2).selectExpr("id + 9007199254740993 as user_id",
                    "cast(id as double) as age");
            SparkSchema ids = SparkSchema.of(dataset.schema()).withType("user_id",
                    dev.mlops.core.table.ColumnType.CATEGORICAL);
            Table table = SparkTables.toTable(dataset, ids);
            CheckSuite ages = CheckSuite.builder("ages").add(Checks.range("age", 0, 5).withMostly(0.1)).build();
            CheckSuite known = CheckSuite.builder("known").add(Checks.allowedValues("user_id",
                    List.of("9007199254740993")).toleratingUnseen(1)).build();

            assertThat(SparkChecks.defaults().run(ages, dataset).results())
                    .containsExactlyElementsOf(ages.run(table).results());
            assertThat(SparkChecks.defaults().quarantine(ages, dataset).quarantined().count()).isEqualTo(4);
            assertThat(SparkChecks.defaults().run(known, dataset, ids, CheckContext.defaults()).results())
                    .containsExactlyElementsOf(known.run(table).results());
            assertThat(SparkChecks.defaults().quarantine(known, dataset, ids).quarantined().count()).isEqualTo(9);
            // read as a number, the id fails at the action, Spark's exception around the mlops one
            assertThatThrownBy(() -> SparkChecks.defaults().quarantine(known, dataset).quarantined().count())
                    .hasRootCauseInstanceOf(SchemaException.class).hasStackTraceContaining("user_id");
            assertThatThrownBy(() -> SparkChecks.defaults().run(known, dataset, SparkSchema.of(
                    dataset.select("age").schema()), CheckContext.defaults())).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("[user_id, age]").hasMessageContaining("SparkSchema.of");
        }

        @Test
        void theChunkSizeBoundsMemoryButNotTheResults() {
            Table table = people(3, 80);
            CheckSuite suite = CheckSuite.builder("rows").add(new EvenCheck("count", 0.9))
                    .add(Checks.rows("adult", "age >= 18 or age is missing")).add(Checks.range("age", 18, 90))
                    .build();
            Dataset<Row> dataset = partitioned(table, 2);
            SparkChecks small = SparkChecks.defaults().withChunkRows(7);

            assertThat(small.chunkRows()).isEqualTo(7);
            assertThat(SparkChecks.defaults().chunkRows()).isEqualTo(SparkChecks.DEFAULT_CHUNK_ROWS);
            assertThat(small.run(suite, dataset).results()).containsExactlyElementsOf(suite.run(table).results());
            Table setApart = SparkTables.toTable(small.quarantine(suite, dataset).quarantined(),
                    SparkChecks.readAs(small.quarantine(suite, dataset).quarantined().schema(), table.schema())
                            .withType(Quarantine.REASONS_COLUMN, dev.mlops.core.table.ColumnType.TEXT));
            assertThat(setApart).isEqualTo(suite.quarantine(table).quarantinedWithReasons());
            assertThatThrownBy(() -> SparkChecks.defaults().withChunkRows(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        }

        @Test
        void aGatheredCheckOverTheLimitIsRefusedAfterTheCountingPassAlone() {
            Table table = people(2, 30);
            CheckSuite suite = CheckSuite.builder("c").add(Checks.range("age", 0, 100))
                    .add(Checks.cardinality("city", 1, 5)).build();
            Dataset<Row> dataset = partitioned(table, 2);
            dataset.count();
            String group = "gather-limit-" + System.nanoTime();
            spark.sparkContext().setJobGroup(group, "gather limit", false);
            try {
                assertThatThrownBy(() -> SparkChecks.defaults().withGatherLimit(29).run(suite, dataset))
                        .isInstanceOf(MlopsException.class).hasMessageContaining("gather limit of 29");
            } finally {
                spark.sparkContext().clearJobGroup();
            }
            assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup(group)).hasSize(1);
        }
    }

    @Nested
    class Errors {

        @Test
        void aSuiteNeedingAReferenceWithoutOneFailsAsInOneJvm() {
            Table table = people(2, 30);
            CheckSuite suite = everyCheck(table.schema());

            Throwable inOneJvm = org.assertj.core.api.Assertions.catchThrowable(() -> suite.run(table));

            assertThatThrownBy(() -> SparkChecks.defaults().run(suite, partitioned(table, 2)))
                    .isInstanceOf(MlopsException.class).hasMessage(inOneJvm.getMessage());
        }

        @Test
        void aGatheringCheckOverTheLimitNamesTheCheckAndTheRows() {
            Table table = people(2, 30);
            CheckSuite suite = CheckSuite.builder("c").add(Checks.cardinality("city", 1, 5)).build();

            assertThatThrownBy(() -> SparkChecks.defaults().withGatherLimit(29).run(suite, partitioned(table, 2)))
                    .isInstanceOf(MlopsException.class).hasMessageContaining("cardinality(city)")
                    .hasMessageContaining("30 rows").hasMessageContaining("gather limit of 29");
            assertThat(SparkChecks.defaults().withGatherLimit(30).run(suite, partitioned(table, 2)).passed()).isTrue();
            assertThatThrownBy(() -> SparkChecks.defaults().withGatherLimit(-1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        }

        @Test
        void aCheckOfAnUnregisteredTypeFailsOnTheDriverSayingHowToRegisterIt() {
            RowCheck unregistered = new Unregistered("count");
            CheckSuite suite = CheckSuite.builder("u").add(unregistered).build();
            Dataset<Row> dataset = partitioned(people(2, 10), 1);

            assertThatThrownBy(() -> SparkChecks.defaults().run(suite, dataset)).isInstanceOf(MlopsException.class)
                    .hasMessageContaining("'odd(count)'").hasMessageContaining("META-INF/services");
            assertThatThrownBy(() -> SparkChecks.defaults().quarantine(suite, dataset))
                    .isInstanceOf(MlopsException.class).hasMessageContaining("'odd(count)'");
        }

        @Test
        void checksOfMissingColumnsAreDecidedFromTheSchemaAsInOneJvm() {
            Table table = people(4, 40);
            CheckSuite suite = CheckSuite.builder("missing").add(Checks.range("nope", 0, 1))
                    .add(Checks.cardinality("nope", 0, 1)).add(Checks.range("city", 0, 1))
                    .add(new EvenCheck("nope", 1)).add(Checks.unique("nope"))
                    .add(SchemaCheck.of(Schema.of(dev.mlops.core.table.Field.of("gone",
                            dev.mlops.core.table.ColumnType.NUMERIC))).notNull("gone").allowingExtraColumns())
                    .build();

            CheckReport report = SparkChecks.defaults().withGatherLimit(0).run(suite, partitioned(table, 2));

            assertThat(report.results()).containsExactlyElementsOf(suite.run(table).results());
            assertThat(SparkChecks.defaults().quarantine(suite, partitioned(table, 2)).quarantined().count()).isZero();
        }
    }

    /** A row check whose rule needs the whole column (its mean): not row-local, as by default. */
    private record AtMostMean(String column) implements OneColumnCheck {
        @Override
        public double mostly() {
            return 1;
        }

        @Override
        public RowRule bind(Table table) {
            dev.mlops.core.table.NumericColumn values = table.numericColumn(column);
            double mean = java.util.stream.IntStream.range(0, values.size()).mapToDouble(values::get).average()
                    .orElse(0);
            return new RowRule() {
                @Override
                public boolean applies(int row) {
                    return true;
                }

                @Override
                public boolean passes(int row) {
                    return values.get(row) <= mean;
                }

                @Override
                public String describe(int row) {
                    return values.format(row);
                }
            };
        }

        @Override
        public String type() {
            return "at-most-mean";
        }
    }

    /** A row check whose type no registry knows. */
    private record Unregistered(String column) implements OneColumnCheck {
        @Override
        public double mostly() {
            return 1;
        }

        @Override
        public boolean rowLocal() {
            return true;
        }

        @Override
        public RowRule bind(Table table) {
            return new EvenCheck(column, 1).bind(table);
        }

        @Override
        public String type() {
            return "odd";
        }
    }
}
