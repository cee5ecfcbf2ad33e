package dev.mlops.testkit;

import static dev.mlops.testkit.DataAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import dev.mlops.data.check.SchemaCheck;
import dev.mlops.data.check.Verdict;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.CellProblem;
import dev.mlops.data.io.RowOrigins;
import dev.mlops.data.profile.DatasetProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The data assertions pass where the checks pass and fail with messages that name the column,
 * the measured value, the threshold and the failing rows; on {@link PeopleTables}.
 */
class DataAssertionsTest {
    private static final Table PASSING = PeopleTables.passing();
    private static final Table FAILING = PeopleTables.failing();
    private static final Table EMPTY = PASSING.head(0);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static CheckSuite suite() {
        return CheckSuite.builder("people").clock(CLOCK)
                .add(Checks.primaryKey("id"))
                .add(Checks.range("age", 18, 100))
                .add(Checks.allowedValues("city", List.of("München", "São Paulo", "Hamburg", "Zürich")))
                .add(Checks.cardinality("city", 1, 4).withSeverity(Severity.WARNING))
                .build();
    }

    @Nested
    class OnABatch {
        private final Table read = Table.builder().add(NumericColumn.of("age", 30, -4)).build();
        private final CellProblem abc = new CellProblem(3, 10, 17, "age", 2, "abc", "expected a number");
        /** Rows on lines 2 and 4 were read; those on lines 3 and 5 (two bad cells) were not. */
        private final Batch bad = Batch.of(read, RowOrigins.builder(8).add(2, 8, 10).add(4, 17, 20).build(),
                List.of(abc, new CellProblem(5, 20, 25, "id", 1, "x", "expected a number"),
                        new CellProblem(5, 20, 25, "age", 2, "y", "expected a number")));
        private final CheckSuite typed = CheckSuite.builder("typed").clock(CLOCK)
                .add(SchemaCheck.of(Schema.of(Field.of("id", ColumnType.NUMERIC), Field.of("age", ColumnType.NUMERIC)))
                        .allowingExtraColumns())
                .add(Checks.range("age", 0, 120)).build();

        @Test
        void hasNoBadCells() {
            assertThat(Batch.of(read)).hasNoBadCells();
            assertThatThrownBy(() -> assertThat(bad).hasNoBadCells()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting every cell of the batch to fit its column's type, but 3 cells did "
                            + "not:\n  line 3, column 'age' (2): expected a number but found \"abc\"\n  line 5, column "
                            + "'id' (1): expected a number but found \"x\"\n  line 5, column 'age' (2): expected a "
                            + "number but found \"y\"");
            assertThatThrownBy(() -> assertThat((Batch) null).hasNoBadCells()).isInstanceOf(AssertionError.class);
        }

        @Test
        void namesOneBadCellAndCountsThoseBeyondTen() {
            assertThatThrownBy(() -> assertThat(Batch.of(read, null, List.of(abc))).hasNoBadCells())
                    .hasMessageEndingWith("but 1 cell did not:\n  line 3, column 'age' (2): expected a number but found"
                            + " \"abc\"");
            List<CellProblem> many = java.util.Collections.nCopies(12, abc);
            assertThatThrownBy(() -> assertThat(Batch.of(read, null, many)).hasNoBadCells())
                    .hasMessageContaining("12 cells did not:")
                    .hasMessageEndingWith("found \"abc\"\n  ... and 2 more");
            assertThatThrownBy(() -> assertThat(Batch.of(read, null, many.subList(0, 10))).hasNoBadCells())
                    .hasMessageContaining("10 cells did not:").hasMessageEndingWith("found \"abc\"");
        }

        @Test
        void hasBadCellsOnLines() {
            assertThat(bad).hasBadCellsOnLines(3, 5).table().hasRowCount(2);
            assertThat(Batch.of(read)).hasBadCellsOnLines();
            assertThatThrownBy(() -> assertThat(bad).hasBadCellsOnLines(3)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the rows with bad cells to start on the lines [3] but they start on "
                            + "[3, 5]: 3 cells did not:\n  line 3, column 'age' (2)");
        }

        @Test
        void theTableKeepsTheDescription() {
            assertThatThrownBy(() -> assertThat(bad).as("read back").table().hasRowCount(3))
                    .hasMessageContaining("[read back]");
        }

        @Test
        void aSuiteRunOverItNamesTheLinesOfTheFailingRows() {
            CheckReport report = typed.run(bad);

            assertThat(report).hasErrors("schema", "range(age)");
            assertThat(report.result("schema")).hasSampledRows(1, 3).hasSampledLines(3, 5);
            assertThat(report.result("range(age)")).hasSampledRows(2).hasSampledLines(4);
            assertThatThrownBy(() -> assertThat(report.result("range(age)")).passed())
                    .hasMessageContaining("1 failing row (line, 0-based row: value):\n  line 4, row 2: -4");
            assertThatThrownBy(() -> assertThat(report.result("range(age)")).hasSampledLines(5))
                    .hasMessageContaining("Expecting range(age) to sample the failing rows on the lines [5], not [4]");
            assertThatThrownBy(() -> assertThat(report).passes())
                    .hasMessageContaining("\n    line 3, row 1: age=\"abc\"\n    line 5, row 3: id=\"x\", age=\"y\"");
        }

        @Test
        void aTablesRowsHaveNoLines() {
            CheckResult range = typed.run(read).result("range(age)");
            assertThatThrownBy(() -> assertThat(range).hasSampledLines(2)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("not [unknown]")
                    .hasMessageContaining("1 failing row (0-based row: value):\n  row 1: -4");
        }
    }

    @Nested
    class OnATable {

        @Test
        void hasRowCount() {
            assertThat(PASSING).hasRowCount(6);
            assertThatThrownBy(() -> assertThat(PASSING).hasRowCount(7)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting table to have 7 rows but it has 6");
        }

        @Test
        void isNotEmpty() {
            assertThat(PASSING).isNotEmpty();
            assertThatThrownBy(() -> assertThat(EMPTY).isNotEmpty()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting table to have rows but it has none")
                    .hasMessageContaining("id (NUMERIC), age (NUMERIC), city (CATEGORICAL), email (TEXT)");
        }

        @Test
        void hasColumns() {
            assertThat(PASSING).hasColumns("city", "id");
            assertThatThrownBy(() -> assertThat(PASSING).hasColumns("id", "salary", "Straße"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting table to have columns [id, salary, Straße] but it lacks [salary, Straße]")
                    .hasMessageContaining("its columns are id (NUMERIC), age (NUMERIC)");
        }

        @Test
        void hasSchema() {
            assertThat(PASSING).hasSchema(FAILING.schema());
            assertThat(EMPTY).as("an empty table's schema is judged").hasSchema(PASSING.schema());
            assertThatThrownBy(() -> assertThat(PASSING.select("id", "age")).hasSchema(PASSING.schema()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting table to have the schema")
                    .hasMessageContaining("column 'city' (CATEGORICAL) is missing")
                    .hasMessageContaining("column 'email' (TEXT) is missing")
                    .hasMessageContaining("measured 2, threshold <= 0");
        }

        @Test
        void columnThatDoesNotExistFailsListingTheColumns() {
            assertThatThrownBy(() -> assertThat(PASSING).column("agee")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting table to have a column 'agee' but it has none")
                    .hasMessageContaining("its columns are id (NUMERIC), age (NUMERIC), city (CATEGORICAL), email (TEXT)");
        }

        @Test
        void passesACheck() {
            assertThat(PASSING).passes(Checks.rows("adult", "age >= 18"));
            assertThatThrownBy(() -> assertThat(FAILING).passes(Checks.rows("adult", "age >= 18")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting table to pass predicate(adult)")
                    .hasMessageContaining("3 failing rows (0-based row: value):\n  row 1: -3\n  row 2: <missing>\n"
                            + "  row 4: NaN");
        }

        @Test
        void aWarningCheckMustStillPassWhenAssertedAlone() {
            assertThatThrownBy(() -> assertThat(FAILING).passes(Checks.cardinality("city", 1, 4)
                    .withSeverity(Severity.WARNING)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("column 'city' has 5 distinct values");
        }

        @Test
        void passesASuite() {
            assertThat(PASSING).passes(suite());
            assertThatThrownBy(() -> assertThat(FAILING).passes(suite())).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("3 of 4 checks of suite 'people' did not pass")
                    .hasMessageContaining("row 2: 2 (2 rows)")
                    .hasMessageContaining("row 3: Lyon")
                    .hasMessageNotContaining("cardinality");
        }

        @Test
        void passesASuiteAgainstAReferenceProfile() {
            CheckSuite drift = CheckSuite.builder("drift").add(Checks.ks("age")).build();
            DatasetProfile reference = DatasetProfile.of(CheckContractTest.ages(60, 0));
            assertThat(CheckContractTest.ages(30, 0)).passes(drift, reference);
            assertThatThrownBy(() -> assertThat(CheckContractTest.ages(30, 25)).passes(drift, reference))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("1 of 1 checks of suite 'drift' did not pass")
                    .hasMessageContaining("ks(age)");
        }

        @Test
        void aNullTableFails() {
            assertThatThrownBy(() -> assertThat((Table) null).hasRowCount(0)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting actual not to be null");
        }

        @Test
        void theDescriptionCarriesOverToColumns() {
            assertThatThrownBy(() -> assertThat(FAILING).as("people of March").column("age").isNonNegative())
                    .isInstanceOf(AssertionError.class).hasMessageStartingWith("[people of March] ");
        }

        @Test
        void assertJsOwnAssertThatStillWorksBesideIt() {
            Object table = PASSING;
            TableAssert tableAssert = assertThat(PASSING);
            ReportAssert reportAssert = assertThat(suite().run(PASSING));

            assertThat(table).isSameAs(PASSING);
            assertThat(PASSING.rowCount()).isEqualTo(6);
            assertThat(tableAssert.actual()).isSameAs(PASSING);
            assertThat(reportAssert.actual().suite()).isEqualTo("people");
        }
    }

    @Nested
    class OnAColumn {

        @Test
        void hasNoMissing() {
            assertThat(PASSING).column("age").hasNoMissing();
            assertThatThrownBy(() -> assertThat(FAILING).column("age").hasNoMissing())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting column 'age' of a table of 6 rows to have no missing value")
                    .hasMessageContaining("completeness(age): 5 of 6 rows pass (83.33%), 1 fail")
                    .hasMessageContaining("measured 0.833333, threshold >= 1")
                    .hasMessageContaining("1 failing row (0-based row: value):\n  row 2: <missing>");
        }

        @Test
        void hasNoMissingOnAnEmptyTableFailsWithNoData() {
            assertThatThrownBy(() -> assertThat(EMPTY).column("age").hasNoMissing())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting column 'age' of a table of 0 rows to have no missing value")
                    .hasMessageContaining("but there was nothing to judge: completeness(age): no data: the table has no rows");
        }

        @Test
        void hasMissingShareAtMost() {
            assertThat(FAILING).column("age").hasMissingShareAtMost(0.2).hasMissingShareAtMost(1.0 / 6);
            assertThatThrownBy(() -> assertThat(FAILING).column("age").hasMissingShareAtMost(0.1))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to have a share of at most 0.1 missing values")
                    .hasMessageContaining("row 2: <missing>");
        }

        @Test
        void hasMissingShareAtMostMeetsItsBoundDespiteRounding() {
            NumericColumn.Builder values = NumericColumn.builder("x");
            for (int row = 0; row < 10; row++) {
                if (row % 3 == 0 && row > 0) {
                    values.addMissing();
                } else {
                    values.add(row);
                }
            }
            Table table = Table.of(values.build());

            assertThat(table).column("x").hasMissingShareAtMost(0.3);
            assertThatThrownBy(() -> assertThat(table).column("x").hasMissingShareAtMost(0.29))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("3 failing rows");
        }

        @Test
        void hasMissingShareAtMostRefusesAShareOutsideZeroToOne() {
            assertThatThrownBy(() -> assertThat(PASSING).column("age").hasMissingShareAtMost(1.5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        }

        @Test
        void isBetween() {
            assertThat(PASSING).column("age").isBetween(18, 100).isBetween(23, 64);
            assertThatThrownBy(() -> assertThat(FAILING).column("age").isBetween(18, 100))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting column 'age' of a table of 6 rows to be between 18 and 100")
                    .hasMessageContaining("but it failed: range(age): 2 of 5 rows pass (40.00%), 3 fail")
                    .hasMessageContaining("measured 0.4, threshold >= 1")
                    .hasMessageContaining("3 failing rows (0-based row: value):\n  row 1: -3\n  row 3: 151\n"
                            + "  row 4: NaN");
        }

        @Test
        void isBetweenOnACategoricalColumnFails() {
            assertThatThrownBy(() -> assertThat(PASSING).column("city").isBetween(0, 1))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("column 'city' (3) is CATEGORICAL but range needs NUMERIC");
        }

        @Test
        void isBetweenWithNoPresentValueFailsWithNoData() {
            Table allMissing = Table.of(NumericColumn.builder("age").addMissing().addMissing().build());

            assertThatThrownBy(() -> assertThat(allMissing).column("age").isBetween(18, 100))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("nothing to judge")
                    .hasMessageContaining("no data: none of the 2 rows has a value to judge");
        }

        @Test
        void isNonNegative() {
            assertThat(PASSING).column("age").isNonNegative();
            assertThatThrownBy(() -> assertThat(FAILING).column("age").isNonNegative())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to be non-negative")
                    .hasMessageContaining("row 1: -3\n  row 4: NaN")
                    .hasMessageNotContaining("row 3");
        }

        @Test
        void aMessageListsTenRowsAndCountsTheRest() {
            double[] negatives = new double[25];
            for (int row = 0; row < negatives.length; row++) {
                negatives[row] = -row - 1;
            }
            Table table = Table.builder().numeric("x", negatives).build();

            assertThatThrownBy(() -> assertThat(table).column("x").isNonNegative())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("25 failing rows (0-based row: value):\n  row 0: -1\n")
                    .hasMessageContaining("\n  row 9: -10\n  ... and 15 more")
                    .hasMessageNotContaining("row 10:");
        }

        @Test
        void hasOnlyValues() {
            assertThat(PASSING).column("city").hasOnlyValues("München", "São Paulo", "Hamburg", "Zürich");
            assertThatThrownBy(() -> assertThat(FAILING).column("city").hasOnlyValues("München", "São Paulo",
                    "Hamburg", "Zürich"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to have only the values [Hamburg, München, São Paulo, Zürich]")
                    .hasMessageContaining("row 1: Paris\n  row 2: Köln\n  row 3: Lyon");
        }

        @Test
        void hasOnlyValuesComparesNumbersAsText() {
            assertThat(PASSING).column("id").hasOnlyValues(List.of("1", "2", "3", "4", "5", "6"));
            assertThatThrownBy(() -> assertThat(FAILING).column("id").hasOnlyValues("1", "2", "3", "4", "5", "6"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("1 failing row (0-based row: value):\n  row 3: 4.5");
        }

        @Test
        void isUnique() {
            assertThat(PASSING).column("id").isUnique();
            assertThatThrownBy(() -> assertThat(FAILING).column("id").isUnique())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting column 'id' of a table of 6 rows to have no repeated value")
                    .hasMessageContaining("row 1: 2 (2 rows)\n  row 2: 2 (2 rows)");
        }

        @Test
        void hasDistinctCountBetween() {
            assertThat(PASSING).column("city").hasDistinctCountBetween(4, 4);
            assertThatThrownBy(() -> assertThat(FAILING).column("city").hasDistinctCountBetween(1, 4))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to have between 1 and 4 distinct values")
                    .hasMessageContaining("cardinality(city): column 'city' has 5 distinct values")
                    .hasMessageContaining("measured 5, threshold in [1, 4]");
        }

        @Test
        void matches() {
            String email = "[^@\\s]+@[^@\\s]+\\.[a-z]+";
            assertThat(PASSING).column("email").matches(email);
            assertThatThrownBy(() -> assertThat(FAILING).column("email").matches(email))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to match /" + email + "/")
                    .hasMessageContaining("row 1: joão(at)example.br\n  row 3: lea@example");
        }

        @Test
        void hasType() {
            assertThat(PASSING).column("email").hasType(ColumnType.TEXT);
            assertThatThrownBy(() -> assertThat(PASSING).column("email").hasType(ColumnType.CATEGORICAL))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting column 'email' to be CATEGORICAL but it is TEXT");
        }

        @Test
        void passesACheckWithItsOwnSettings() {
            assertThat(FAILING).column("age").passes(Checks.range("age", 18, 100).withMostly(0.4));
            assertThatThrownBy(() -> assertThat(FAILING).column("age").passes(Checks.range("age", 18, 100)
                    .withMostly(0.5)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to pass range(age)")
                    .hasMessageContaining("threshold >= 0.5");
        }

        @Test
        void refusesACheckOfAnotherColumn() {
            assertThatThrownBy(() -> assertThat(PASSING).column("age").passes(Checks.complete("city")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("completeness(city) looks at [city], not at column 'age'; assert it on the table"
                            + " with passes(check)");
        }

        @Test
        void chainsBackToTheTableAndOnToOtherColumns() {
            assertThatCode(() -> assertThat(PASSING)
                    .column("age").hasNoMissing().isBetween(18, 100)
                    .column("city").hasOnlyValues("München", "São Paulo", "Hamburg", "Zürich")
                    .and().hasRowCount(6))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(PASSING).column("age").isBetween(18, 100).and().hasRowCount(3))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("to have 3 rows but it has 6");
        }
    }

    @Nested
    class OnAReport {
        private final CheckReport passed = suite().run(PASSING);
        private final CheckReport failed = suite().run(FAILING);

        @Test
        void passes() {
            assertThat(passed).passes().hasNoWarnings();
            assertThatThrownBy(() -> assertThat(failed).passes())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the check report to pass, but 3 of 4 checks of suite 'people'"
                            + " did not pass on table")
                    .hasMessageContaining("failed primary-key(id): 4 of 6 rows pass (66.67%), 2 fail")
                    .hasMessageContaining("row 1: 2 (2 rows)")
                    .hasMessageContaining("failed range(age): 2 of 5 rows pass")
                    .hasMessageContaining("row 4: NaN")
                    .hasMessageContaining("failed allowed-values(city)")
                    .hasMessageContaining("row 3: Lyon")
                    .hasMessageNotContaining("cardinality(city)");
        }

        @Test
        void warningsDoNotFailPassesButFailHasNoWarnings() {
            CheckReport warned = CheckSuite.builder("warned").clock(CLOCK)
                    .add(Checks.cardinality("city", 1, 4).withSeverity(Severity.WARNING)).build().run(FAILING);

            assertThat(warned).passes();
            assertThatThrownBy(() -> assertThat(warned).hasNoWarnings())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the check report to have no warnings, but 1 of 1 checks")
                    .hasMessageContaining("cardinality(city): column 'city' has 5 distinct values");
        }

        @Test
        void fails() {
            assertThat(failed).fails();
            assertThatThrownBy(() -> assertThat(passed).fails())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the check report to fail, but every error-severity check of"
                            + " suite 'people' passed")
                    .hasMessageContaining("passed  error   range(age)");
        }

        @Test
        void anEmptyTableFailsTheReport() {
            CheckReport empty = suite().run(EMPTY);

            assertThat(empty).fails().hasErrors("primary-key(id)", "range(age)", "allowed-values(city)");
            assertThatThrownBy(() -> assertThat(empty).passes()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("no-data range(age): no data: the table has no rows");
        }

        @Test
        void hasErrors() {
            assertThat(failed).hasErrors("primary-key(id)", "range(age)", "allowed-values(city)");
            assertThat(passed).hasErrors();
            assertThatThrownBy(() -> assertThat(failed).hasErrors("range(age)"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the errors of the check report to be [range(age)] but they are"
                            + " [primary-key(id), range(age), allowed-values(city)]");
        }

        @Test
        void hasRowCount() {
            assertThat(failed).hasRowCount(6);
            assertThatThrownBy(() -> assertThat(failed).hasRowCount(5)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to cover 5 rows but it covers 6");
        }

        @Test
        void hasResult() {
            assertThat(failed).hasResult("range(age)").failed().hasFailingRows(3).hasSampledRows(1, 3, 4);
            assertThatThrownBy(() -> assertThat(failed).hasResult("range(income)"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to have a result of 'range(income)' but its checks are [primary-key(id),"
                            + " range(age), allowed-values(city), cardinality(city)]");
        }
    }

    @Nested
    class OnAResult {
        private final CheckResult range = Checks.range("age", 18, 100).run(FAILING, CheckContext.defaults());
        private final CheckResult passed = Checks.range("age", 18, 100).run(PASSING, CheckContext.defaults());
        private final CheckResult noData = Checks.range("age", 18, 100).run(EMPTY, CheckContext.defaults());

        @Test
        void hasVerdict() {
            assertThat(range).hasVerdict(Verdict.FAILED).failed();
            assertThat(passed).passed();
            assertThat(noData).hasNoData();
            assertThatThrownBy(() -> assertThat(range).passed())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting range(age) to have the verdict passed\nbut it failed: range(age)")
                    .hasMessageContaining("row 3: 151");
            assertThatThrownBy(() -> assertThat(passed).failed())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to have the verdict failed\nbut it passed: range(age): 6 of 6 rows pass");
            assertThatThrownBy(() -> assertThat(noData).failed())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but there was nothing to judge: range(age): no data");
            assertThatThrownBy(() -> assertThat(range).hasNoData())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("to have the verdict no-data");
        }

        @Test
        void hasMeasuredCloseTo() {
            assertThat(range).hasMeasuredCloseTo(0.4, 1e-12);
            assertThatThrownBy(() -> assertThat(range).hasMeasuredCloseTo(0.5, 0.01))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the measured value of range(age) to be 0.5 within 0.01 but it is 0.4");
            assertThatThrownBy(() -> assertThat(noData).hasMeasuredCloseTo(0, 1))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("but it is NaN");
            assertThatThrownBy(() -> assertThat(range).hasMeasuredCloseTo(0.4, -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
        }

        @Test
        void hasStatisticCloseTo() {
            assertThatThrownBy(() -> assertThat(range).hasStatisticCloseTo(0, 1))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the statistic of range(age) to be 0 within 1 but it is NaN");
        }

        @Test
        void hasFailingRows() {
            assertThat(passed).hasFailingRows(0);
            assertThatThrownBy(() -> assertThat(range).hasFailingRows(2))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting range(age) to have 2 failing rows, not 3");
        }

        @Test
        void hasSampledRows() {
            assertThat(passed).hasSampledRows();
            assertThatThrownBy(() -> assertThat(range).hasSampledRows(1, 4))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to sample the failing rows [1, 4], not [1, 3, 4]");
        }

        @Test
        void hasMessageContaining() {
            assertThat(range).hasMessageContaining("2 of 5 rows pass");
            assertThatThrownBy(() -> assertThat(range).hasMessageContaining("São Paulo"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the message of range(age) to contain \"São Paulo\"");
        }

        @Test
        void hasSeverity() {
            assertThat(range).hasSeverity(Severity.ERROR);
            assertThatThrownBy(() -> assertThat(range).hasSeverity(Severity.WARNING))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting range(age) to have severity warning but it has error");
        }
    }
}
