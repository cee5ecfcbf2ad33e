package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.Pieces;
import dev.mlops.data.io.PiecesFormat;
import dev.mlops.data.io.TableSource;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.userchecks.CountedNumberCheck;
import dev.mlops.data.userchecks.NumberCheck;
import dev.mlops.data.userchecks.TableCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CheckSuite#run(TableSource, CheckContext)}: the report of the whole table, from its pieces. */
class CheckSuitePiecesTest {
    private static final long MASTER_SEED = 20_261_208L;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T09:00:00Z"), ZoneOffset.UTC);
    private static final List<String> CITIES = List.of("München", "São Paulo", "Hamburg", "Paris", "Łódź", "Porto");

    /**
     * Random people: a mostly unique id, an age with missing values, NaN and outliers, a city,
     * an email, a flag, a time, and a column that no check but the schema's names.
     */
    static Table people(SplittableRandom random, int rows) {
        CategoricalColumn.Builder id = CategoricalColumn.builder("id");
        NumericColumn.Builder age = NumericColumn.builder("age");
        CategoricalColumn.Builder city = CategoricalColumn.builder("city");
        TextColumn.Builder email = TextColumn.builder("email");
        BooleanColumn.Builder member = BooleanColumn.builder("member");
        TimestampColumn.Builder seen = TimestampColumn.builder("seen");
        NumericColumn.Builder unused = NumericColumn.builder("unused");
        double missing = random.nextDouble(0.2);
        for (int row = 0; row < rows; row++) {
            id.add("p" + (random.nextInt(50) == 0 ? random.nextInt(rows) : row));
            int kind = random.nextInt(100);
            if (kind < missing * 100) {
                age.addMissing();
            } else if (kind < missing * 100 + 2) {
                age.add(Double.NaN);
            } else {
                age.add(random.nextInt(-5, 110));
            }
            if (random.nextDouble() < missing) {
                city.addMissing();
            } else {
                city.add(CITIES.get((int) (CITIES.size() * Math.pow(random.nextDouble(), 2))));
            }
            if (random.nextDouble() < missing) {
                email.addMissing();
            } else {
                email.add("u" + row + (random.nextInt(10) == 0 ? "@x" : "@x.de"));
            }
            member.add(random.nextBoolean());
            seen.add(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000)));
            unused.add(random.nextGaussian());
        }
        return Table.of(id.build(), age.build(), city.build(), email.build(), member.build(), seen.build(),
                unused.build());
    }

    /** Every kind of check and route; {@code whole} adds a check that names no column. */
    static CheckSuite suite(boolean whole) {
        SchemaCheck schema = new SchemaCheck(List.of(new ExpectedColumn("id", ColumnType.CATEGORICAL, false),
                new ExpectedColumn("age", ColumnType.NUMERIC, true), new ExpectedColumn("city", ColumnType.CATEGORICAL,
                        false), new ExpectedColumn("email", ColumnType.TEXT, true),
                new ExpectedColumn("member", ColumnType.BOOLEAN, true), new ExpectedColumn("seen", ColumnType.NUMERIC,
                        true), new ExpectedColumn("absent", ColumnType.TEXT, true)), false, true, Severity.ERROR);
        CheckSuite.Builder suite = CheckSuite.builder("people").clock(CLOCK).add(schema)
                .add(Checks.completeness("city"))
                .add(Checks.range("age", 0, 100).withMostly(0.9))
                .add(Checks.allowedValues("city", CITIES.subList(0, 4)))
                .add(Checks.matches("email", "[a-z0-9]+@x\\.de"))
                .add(Checks.rows("adults", "age >= 18 or age is missing"))
                .add(Checks.unique("id"))
                .add(Checks.cardinality("city", 1, 5))
                .add(Checks.range("ghost", 0, 1))
                .add(Checks.meanShift("age"))
                .add(Checks.ks("age"))
                .add(Checks.chiSquare("city"))
                .add(Checks.psi("age"))
                .add(new NumberCheck("below-mean", "age"))
                .add(new NumberCheck("even", "age"))
                .add(new CountedNumberCheck("age"))
                .add(new NumberCheck("even", "city"))
                .add(new TableCheck(List.of("member", "email", "nowhere"), false));
        if (whole) {
            suite.add(new TableCheck(List.of(), false));
        }
        return suite.build();
    }

    static CheckContext context(SplittableRandom random) {
        Table reference = people(new SplittableRandom(random.nextLong()), 300);
        return CheckContext.defaults().withReference(DatasetProfile.of(reference))
                .withSampleSize(random.nextInt(0, 25));
    }

    static Stream<Arguments> sweep() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return IntStream.range(0, 24).mapToObj(i -> Arguments.of(master.nextLong(), i < 2 ? i : master.nextInt(2, 1500),
                master.nextInt(0, 8), master.nextBoolean()));
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, up to {2} cuts, a check of every column {3}")
    @MethodSource("sweep")
    void thePiecesGiveTheReportOfTheWholeTable(long seed, int rows, int maxCuts, boolean whole) {
        SplittableRandom random = new SplittableRandom(seed);
        Table table = people(random, rows);
        List<Table> pieces = Pieces.cut(table, random, maxCuts);
        CheckContext context = context(random);
        CheckSuite suite = suite(whole);

        CheckReport streamed = suite.run(Pieces.source(table, pieces), context);

        CheckReport expected = suite.run(table, context);
        assertThat(streamed.results()).as("seed %s, %s rows in %s pieces", seed, rows, pieces.size())
                .containsExactlyElementsOf(expected.results());
        assertThat(streamed).isEqualTo(expected);
        assertThat(streamed.header().fingerprint()).isEqualTo(Fingerprint.of(table));
    }

    @Test
    void everyRouteIsTaken() {
        Table table = people(new SplittableRandom(1), 50);
        CheckSuite suite = suite(true);
        CheckReport probe = suite.run(Table.empty(table.schema()), context(new SplittableRandom(2)));
        List<CheckRoute> routes = new ArrayList<>();
        for (int i = 0; i < suite.checks().size(); i++) {
            routes.add(CheckRoute.of(suite.checks().get(i), probe.results().get(i)));
        }

        assertThat(routes).containsExactly(CheckRoute.SCHEMA, CheckRoute.COUNTED, CheckRoute.COUNTED,
                CheckRoute.COUNTED, CheckRoute.COUNTED, CheckRoute.COUNTED, CheckRoute.GATHERED, CheckRoute.GATHERED,
                CheckRoute.DECIDED, CheckRoute.GATHERED, CheckRoute.GATHERED, CheckRoute.GATHERED,
                CheckRoute.GATHERED, CheckRoute.GATHERED, CheckRoute.COUNTED, CheckRoute.GATHERED,
                CheckRoute.DECIDED, CheckRoute.GATHERED, CheckRoute.GATHERED);
    }

    @Nested
    class Routes {
        private final Table table = people(new SplittableRandom(16), 10);

        private CheckRoute route(Check check) {
            CheckSuite suite = CheckSuite.builder("route").add(check).build();
            return CheckRoute.of(check, suite.run(Table.empty(table.schema()), context(new SplittableRandom(17)))
                    .results().get(0));
        }

        @Test
        void aFailedProbeDecidesABuiltInCheckOrARowCheckCountedByRun() {
            assertThat(route(Checks.cardinality("ghost", 1, 2))).isEqualTo(CheckRoute.DECIDED);
            assertThat(route(Checks.range("ghost", 0, 1))).isEqualTo(CheckRoute.DECIDED);
            assertThat(route(new NumberCheck("even", "city"))).isEqualTo(CheckRoute.DECIDED);
        }

        @Test
        void aFailedProbeDoesNotDecideAUsersPlainCheckOrARowCheckWithItsOwnRun() {
            assertThat(route(new TableCheck(List.of("age"), true))).isEqualTo(CheckRoute.GATHERED);
            assertThat(route(new CountedNumberCheck("city"))).isEqualTo(CheckRoute.GATHERED);
        }

        @Test
        void rowLocalRowChecksAreCountedAndTheOthersGathered() {
            assertThat(route(Checks.range("age", 0, 1))).isEqualTo(CheckRoute.COUNTED);
            assertThat(route(new NumberCheck("even", "age"))).isEqualTo(CheckRoute.COUNTED);
            assertThat(route(new CountedNumberCheck("age"))).isEqualTo(CheckRoute.GATHERED);
            assertThat(route(new NumberCheck("below-mean", "age"))).isEqualTo(CheckRoute.GATHERED);
            assertThat(route(Checks.unique("id"))).isEqualTo(CheckRoute.GATHERED);
            assertThat(route(new TableCheck(List.of("age"), false))).isEqualTo(CheckRoute.GATHERED);
            assertThat(route(SchemaCheck.of(table.schema()))).isEqualTo(CheckRoute.SCHEMA);
        }
    }

    @Nested
    class Reading {
        @TempDir
        Path dir;

        /** @return the table written as CSV, read back */
        private Table written(Table table) {
            CsvFormat.defaults().write(table, dir.resolve("people.csv"));
            return CsvFormat.defaults().read(dir.resolve("people.csv"));
        }

        /** @return the columns of each reading after the schema's (the format's first) */
        private List<List<String>> passes(PiecesFormat format) {
            return format.readings().subList(1, format.readings().size());
        }

        @Test
        void onePassReadsOnlyTheColumnsTheChecksNeedThenEachColumnAloneForTheFingerprint() {
            Table table = written(people(new SplittableRandom(3), 200));
            PiecesFormat format = new PiecesFormat(64);
            CheckContext context = context(new SplittableRandom(4));

            CheckReport report = suite(false).run(TableSource.of(format, dir.resolve("people.csv")), context);

            assertThat(report).isEqualTo(suite(false).run(table, context));
            // not "unused" nor "seen": the schema check judges them from the schema alone
            assertThat(passes(format).get(0)).containsExactly("id", "age", "city", "email", "member");
            assertThat(passes(format).subList(1, passes(format).size()))
                    .containsExactlyElementsOf(table.schema().names().stream().map(List::of).toList());
        }

        @Test
        void aTableInOnePieceOfEveryColumnIsHashedAsItIs() {
            Table table = written(people(new SplittableRandom(5), 100));
            PiecesFormat format = new PiecesFormat(100);
            CheckContext context = context(new SplittableRandom(6));

            assertThat(suite(true).run(TableSource.of(format, dir.resolve("people.csv")), context))
                    .isEqualTo(suite(true).run(table, context));
            assertThat(passes(format)).containsExactly(table.schema().names());
        }

        @Test
        void aSuiteDecidedByTheSchemaAloneReadsOneColumnToCountTheRows() {
            Table table = written(people(new SplittableRandom(7), 30));
            PiecesFormat format = new PiecesFormat(7);
            CheckSuite suite = CheckSuite.builder("names").clock(CLOCK).add(SchemaCheck.of(table.schema()))
                    .add(Checks.range("ghost", 0, 1)).build();

            CheckReport report = suite.run(TableSource.of(format, dir.resolve("people.csv")), CheckContext.defaults());

            assertThat(report).isEqualTo(suite.run(table, CheckContext.defaults()));
            assertThat(report.rowCount()).isEqualTo(30);
            assertThat(passes(format).get(0)).containsExactly("id");
        }

        @Test
        void aNonNullableColumnOfTheSchemaCheckIsReadForItsMissingValues() {
            Table table = written(people(new SplittableRandom(15), 40));
            PiecesFormat format = new PiecesFormat(9);
            CheckSuite suite = CheckSuite.builder("complete").clock(CLOCK)
                    .add(SchemaCheck.of(table.schema()).notNull("email")).build();

            CheckReport report = suite.run(TableSource.of(format, dir.resolve("people.csv")), CheckContext.defaults());

            assertThat(report).isEqualTo(suite.run(table, CheckContext.defaults()));
            assertThat(report.results().get(0).message()).contains("column 'email' must not be null but has");
            assertThat(passes(format).get(0)).containsExactly("email");
        }

        @Test
        void aTableOfNoColumnsHasNoRows() {
            Schema none = Schema.of(List.of());
            CheckSuite suite = CheckSuite.builder("nothing").clock(CLOCK).add(SchemaCheck.of(Schema.of(
                    dev.mlops.core.table.Field.of("a", ColumnType.NUMERIC)))).build();

            CheckReport report = suite.run(TableSource.of("none", none, List.of()), CheckContext.defaults());

            assertThat(report).isEqualTo(suite.run(Table.empty(none), CheckContext.defaults()));
            assertThat(report.rowCount()).isZero();
        }
    }

    @Nested
    class Edges {

        @Test
        void noPieceIsTheReportOfAnEmptyTable() {
            Table table = people(new SplittableRandom(10), 20);
            CheckContext context = context(new SplittableRandom(11));

            CheckReport report = suite(true).run(Pieces.source(table, List.of()), context);

            assertThat(report).isEqualTo(suite(true).run(Table.empty(table.schema()), context));
        }

        @Test
        void aSuiteThatNeedsAReferenceIsRefusedWithoutOneAsForAWholeTable() {
            Table table = people(new SplittableRandom(12), 20);
            TableSource source = Pieces.source(table, Pieces.every(table, 5));

            assertThatThrownBy(() -> suite(false).run(source, CheckContext.defaults()))
                    .isInstanceOf(MlopsException.class)
                    .hasMessage(catchMessage(() -> suite(false).run(table, CheckContext.defaults())));
        }

        @Test
        void aRowLocalCheckThatCannotBindToAPieceFailsNamingWhy() {
            Table table = people(new SplittableRandom(13), 20);
            CheckSuite suite = CheckSuite.builder("binds").clock(CLOCK).add(new NumberCheck("even-pairs", "age"))
                    .build();

            CheckReport report = suite.run(Pieces.source(table, Pieces.every(table, 5)), CheckContext.defaults());

            assertThat(report.results().get(0).verdict()).isEqualTo(Verdict.FAILED);
            assertThat(report.results().get(0).message()).isEqualTo("even-pairs(age): a piece of 5 rows");
            assertThat(report.rowCount()).isEqualTo(20);
        }

        @Test
        void aCheckThatReturnsNullIsNamed() {
            Table table = people(new SplittableRandom(14), 10);
            CheckSuite suite = CheckSuite.builder("null").add(new TableCheck(List.of("age", "null"), false)).build();

            assertThatThrownBy(() -> suite.run(Pieces.source(table, Pieces.every(table, 3)), CheckContext.defaults()))
                    .isInstanceOf(NullPointerException.class).hasMessage("table(age, null) returned null");
        }

        @Test
        void moreRowsThanATableHoldsAreRefusedForAGatheringCheckAndTheFingerprint() {
            Check unique = Checks.unique("id");

            PiecewiseRun.requireGatherable(Integer.MAX_VALUE, unique, "big.parquet");
            assertThatThrownBy(() -> PiecewiseRun.requireGatherable(Integer.MAX_VALUE + 1L, unique, "big.parquet"))
                    .isInstanceOf(MlopsException.class)
                    .hasMessage("big.parquet: check 'uniqueness(id)' (uniqueness) needs its columns whole, but the"
                            + " table has more than 2147483647 rows, the most a table holds; run the suite without it");
            assertThat(PiecewiseRun.countable(Integer.MAX_VALUE, "big.parquet")).isEqualTo(Integer.MAX_VALUE);
            assertThatThrownBy(() -> PiecewiseRun.countable(Integer.MAX_VALUE + 1L, "big.parquet"))
                    .isInstanceOf(MlopsException.class)
                    .hasMessage("big.parquet: the table has 2147483648 rows, more than the 2147483647 a fingerprint"
                            + " counts, so a report cannot name it");
        }

        private static String catchMessage(Runnable run) {
            try {
                run.run();
            } catch (MlopsException e) {
                return e.getMessage();
            }
            throw new AssertionError("expected an MlopsException");
        }
    }
}
