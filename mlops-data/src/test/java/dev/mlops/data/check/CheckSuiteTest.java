package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.MlopsException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckSuiteTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    private static CheckSuite everyRowAndTableCheck() {
        return CheckSuite.builder("people")
                .add(Checks.schema(PEOPLE.schema()).notNull("age").inOrder())
                .add(Checks.completeness("city").atLeast(0.8).withSeverity(Severity.WARNING))
                .add(Checks.unique("email"))
                .add(Checks.primaryKey("age", "city").withMostly(0.5))
                .add(Checks.range("age", 0, 120).withMostly(0.9))
                .add(Checks.nonNegative("age"))
                .add(Checks.allowedValues("city", List.of("München", "Hamburg")).toleratingUnseen(0.5))
                .add(Checks.cardinality("city", 1, 10))
                .add(Checks.matches("email", "[^@]+@[^@]+"))
                .add(Checks.rows("adult", "age >= 18 or age is missing").withMostly(0.5))
                .clock(CLOCK)
                .build();
    }

    @Nested
    class Json {
        @Test
        void everyBuiltInCheckRoundTripsEqual() {
            CheckSuite suite = everyRowAndTableCheck();
            CheckSuite reread = CheckSuite.fromJson(suite.toJson());
            assertThat(reread.name()).isEqualTo("people");
            assertThat(reread.checks()).isEqualTo(suite.checks());
            assertThat(reread.toJson()).isEqualTo(suite.toJson());
        }

        @Test
        void infiniteBoundsAreWrittenAsStrings() {
            String json = CheckSuite.builder("s").add(Checks.nonNegative("x")).build().toJson();
            assertThat(json).contains("\"max\": \"Infinity\"", "\"severity\": \"error\"", "\"kind\": \"check-suite\"",
                    "\"formatVersion\": 1");
        }

        @Test
        void aHandWrittenSuiteTakesDefaults() {
            CheckSuite suite = CheckSuite.fromJson("""
                    {"kind": "check-suite", "formatVersion": 1, "name": "hand",
                     "checks": [
                       {"type": "completeness", "column": "age"},
                       {"type": "range", "column": "age", "min": 0, "severity": "WARNING"},
                       {"type": "allowed-values", "column": "city", "values": ["München"]}
                     ]}
                    """);
            assertThat(suite.checks()).containsExactly(Checks.complete("age"),
                    Checks.nonNegative("age").withSeverity(Severity.WARNING),
                    Checks.allowedValues("city", List.of("München")));
        }

        @Test
        void theExamplesOfTheJavadocAndReadmeRead() {
            CheckSuite suite = CheckSuite.fromJson("""
                    {
                      "kind": "check-suite",
                      "formatVersion": 1,
                      "name": "credit-g",
                      "checks": [
                        { "type": "completeness", "column": "age", "min": 1.0, "severity": "error" },
                        { "type": "range", "column": "age", "min": 18, "max": 100, "mostly": 0.99 }
                      ]
                    }
                    """);
            assertThat(suite.checks()).containsExactly(Checks.complete("age"),
                    Checks.range("age", 18, 100).withMostly(0.99));
        }

        @Test
        void aMisspeltFieldIsNamedWithTheFieldItMeant() {
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf("{\"type\": \"completeness\", \"colum\": \"age\"}")))
                    .isInstanceOf(MlopsException.class)
                    .hasMessage("check suite: checks[0]: unknown setting 'colum' of Check 'completeness'; did you mean"
                            + " 'column'? (its settings: column, min, severity)");
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf("{\"type\": \"range\", \"column\": \"age\", \"mostyl\": 0.9}")))
                    .hasMessage("check suite: checks[0]: unknown setting 'mostyl' of Check 'range'; did you mean"
                            + " 'mostly'? (its settings: column, min, max, mostly, severity)");
        }

        @Test
        void anUnknownTypeListsTheTypes() {
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf("{\"type\": \"completeness\", \"column\": \"a\"},"
                    + " {\"type\": \"rang\"}")))
                    .isInstanceOf(MlopsException.class)
                    .hasMessageStartingWith("check suite: checks[1]: unknown Check type 'rang'; did you mean 'range'?"
                            + " (known types: allowed-values, cardinality, chi-square, completeness, ks,"
                            + " mean-shift, pattern, predicate, primary-key, psi, range, schema, uniqueness;");
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf("{\"column\": \"a\"}")))
                    .hasMessage("check suite: checks[0]: 'type' is required (a string) but absent");
        }

        @Test
        void badValuesNameTheCheckAndField() {
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf("{\"type\": \"completeness\", \"column\": \"a\"},"
                    + " {\"type\": \"completeness\", \"column\": \"a\", \"min\": 2}")))
                    .isInstanceOf(MlopsException.class).hasMessage("check suite: checks[1]: Check 'completeness' refuses"
                            + " its settings: min must be a share in [0, 1] but was 2.0");
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf("{\"type\": \"completeness\", \"column\": [3]}")))
                    .hasMessage("check suite: checks[0]: the setting 'column' of Check 'completeness' must be a string"
                            + " but was [3]");
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf("{\"type\": \"range\", \"column\": \"a\", \"min\": \"low\"}")))
                    .hasMessage("check suite: checks[0]: the setting 'min' of Check 'range' must be a number"
                            + " but was \"low\"");
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf("{\"type\": \"range\", \"column\": \"a\", \"severity\": \"fatal\"}")))
                    .hasMessageStartingWith("check suite: checks[0]: ").hasMessageContaining("severity")
                    .hasMessageContaining("'fatal'");
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf("{\"type\": \"predicate\", \"label\": \"p\", \"predicate\": \"a >\"}")))
                    .hasMessageStartingWith("check suite: checks[0]: Check 'predicate' refuses its settings: predicate ");
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf(
                    "{\"type\": \"schema\", \"columns\": [{\"name\": \"a\", \"type\": \"number\"}]}")))
                    .hasMessageStartingWith("check suite: checks[0]: the setting 'columns[0].type' of Check 'schema'"
                            + " must be one of NUMERIC, CATEGORICAL, BOOLEAN, TIMESTAMP, TEXT but was \"number\"");
            assertThatThrownBy(() -> CheckSuite.fromJson(suiteOf("{\"type\": \"cardinality\", \"column\": \"a\", \"min\": 1}")))
                    .hasMessage("check suite: checks[0]: the setting 'max' of Check 'cardinality' is required (an integer)");
        }

        @Test
        void aStrayTopLevelFieldIsRefused() {
            assertThatThrownBy(() -> CheckSuite.fromJson(
                    "{\"kind\": \"check-suite\", \"formatVersion\": 1, \"name\": \"s\", \"chekcs\": [], \"checks\": []}"))
                    .isInstanceOf(MlopsException.class)
                    .hasMessage("check suite: unknown field 'chekcs'; did you mean 'checks'? (known fields:"
                            + " checks, formatVersion, kind, name)");
        }

        @Test
        void aDocumentOfAnotherKindOrVersionIsRefused() {
            assertThatThrownBy(() -> CheckSuite.fromJson("{\"kind\": \"check-report\", \"formatVersion\": 1}"))
                    .isInstanceOf(MlopsException.class)
                    .hasMessage("check suite: expected a document of kind 'check-suite' but its kind is 'check-report'");
            assertThatThrownBy(() -> CheckSuite.fromJson("{\"kind\": \"check-suite\", \"formatVersion\": 2, \"name\": \"s\", \"checks\": []}"))
                    .hasMessage("check suite: format version 2 of 'check-suite' is not supported; this version of"
                            + " mlops-java reads version 1");
            assertThatThrownBy(() -> CheckSuite.fromJson("[1]"))
                    .hasMessage("check suite: a document must be a JSON object but was [1]");
            assertThatThrownBy(() -> CheckSuite.fromJson("{\"kind\": \"check-suite\", \"formatVersion\": 1, \"name\": \" \", \"checks\": []}"))
                    .hasMessage("check suite: a suite's name must not be blank but was ' '");
        }

        @Test
        void aSyntaxErrorNamesTheLineAndCharacter(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("suite.json");
            Files.writeString(file, "{\"kind\": \"check-suite\",\n  \"formatVersion\": 1,,\n}", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> CheckSuite.load(file)).isInstanceOf(MlopsException.class)
                    .hasMessageStartingWith(file + " line 2: not valid JSON at character 22: ");
        }

        @Test
        void aCheckOfYourOwnIsSavedAndLoadedThroughItsType(@TempDir Path dir) {
            CheckSuite suite = CheckSuite.builder("s").add(Checks.complete("a")).add(new AtMost(3)).build();
            Path file = dir.resolve("suite.json");
            suite.save(file);
            assertThat(suite.toJson()).contains("\"type\": \"at-most\"", "\"rows\": 3");
            ComponentRegistry registry = ComponentRegistry.defaults().with(List.of(new AtMost.Type()));
            assertThat(CheckSuite.load(file, registry).checks()).containsExactly(Checks.complete("a"), new AtMost(3));
            assertThat(CheckSuite.fromJson(suite.toJson(), registry).checks()).isEqualTo(suite.checks());
            assertThatThrownBy(() -> CheckSuite.load(file)).isInstanceOf(MlopsException.class)
                    .hasMessageStartingWith(file + ": checks[1]: unknown Check type 'at-most'")
                    .hasMessageContaining("completeness, ks, mean-shift");
        }

        @Test
        void savesAndLoadsAFileNamingItInErrors(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("suite.json");
            everyRowAndTableCheck().save(file);
            assertThat(CheckSuite.load(file).checks()).isEqualTo(everyRowAndTableCheck().checks());
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith("}\n");
            Files.writeString(file, suiteOf("{\"type\": \"range\"}"), StandardCharsets.UTF_8);
            assertThatThrownBy(() -> CheckSuite.load(file)).isInstanceOf(MlopsException.class)
                    .hasMessage(file + ": checks[0]: Check 'range' refuses its settings: column is required but absent");
        }

        private static String suiteOf(String checks) {
            return "{\"kind\": \"check-suite\", \"formatVersion\": 1, \"name\": \"s\", \"checks\": [" + checks + "]}";
        }
    }

    @Nested
    class Run {
        @Test
        void runsEveryCheckInOrderAndStampsTheReport() {
            CheckReport report = everyRowAndTableCheck().run(PEOPLE);
            assertThat(report.results()).extracting(CheckResult::check).containsExactly("schema", "completeness(city)",
                    "uniqueness(email)", "primary-key(age, city)", "range(age)", "range(age)", "allowed-values(city)",
                    "cardinality(city)", "pattern(email)", "predicate(adult)");
            assertThat(report.header().createdAt()).isEqualTo(CLOCK.instant());
            assertThat(report.header().fingerprint()).isEqualTo(Fingerprint.of(PEOPLE));
            assertThat(report.header().kind()).isEqualTo("check-report");
            assertThat(report.rowCount()).isEqualTo(6);
        }

        @Test
        void aSuiteThatNeedsAReferenceRefusesToRunWithoutOne() {
            CheckSuite suite = CheckSuite.builder("s").add(new NeedsReference()).build();
            assertThat(suite.needsReference()).isTrue();
            assertThatThrownBy(() -> suite.run(PEOPLE)).isInstanceOf(MlopsException.class)
                    .hasMessageContaining("suite 's' compares distributions against a reference (needs-reference)");
        }

        @Test
        void aCheckOfYourOwnRunsInASuite() {
            CheckReport report = CheckSuite.builder("s").add(new AlwaysPasses()).build().run(PEOPLE);
            assertThat(report.passed()).isTrue();
            assertThat(report.result("always").type()).isEqualTo("custom");
        }

        @Test
        void badNamesAreRefused() {
            assertThatThrownBy(() -> CheckSuite.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a suite's name must not be blank but was ' '");
        }
    }

    @Nested
    class Quarantining {
        @Test
        void setsApartRowsThatFailAnErrorRowCheckWithTheirReasons() {
            CheckSuite suite = CheckSuite.builder("s")
                    .add(Checks.range("age", 18, 120))
                    .add(Checks.complete("city"))
                    .add(Checks.matches("email", ".*\\.de").withSeverity(Severity.WARNING))
                    .add(Checks.cardinality("city", 100, 200))
                    .build();
            Quarantine quarantine = suite.quarantine(PEOPLE);
            assertThat(quarantine.reasons()).containsExactly(new QuarantinedRow(1, List.of("range(age)")),
                    new QuarantinedRow(2, List.of("range(age)", "completeness(city)")),
                    new QuarantinedRow(4, List.of("range(age)")));
            assertThat(quarantine.passing()).isEqualTo(PEOPLE.rows(0, 3, 5));
            assertThat(quarantine.quarantined()).isEqualTo(PEOPLE.rows(1, 2, 4));
            Table withReasons = quarantine.quarantinedWithReasons();
            assertThat(withReasons.textColumn(Quarantine.REASONS_COLUMN).get(1)).isEqualTo("range(age); completeness(city)");
            assertThat(withReasons.columnCount()).isEqualTo(4);
        }

        @Test
        void everyRowIsInExactlyOneSide() {
            Quarantine quarantine = everyRowAndTableCheck().quarantine(PEOPLE);
            assertThat(quarantine.passing().rowCount() + quarantine.quarantined().rowCount()).isEqualTo(PEOPLE.rowCount());
        }

        @Test
        void aRowCheckOnAMissingColumnQuarantinesNothing() {
            Quarantine quarantine = CheckSuite.builder("s").add(Checks.complete("zip")).build().quarantine(PEOPLE);
            assertThat(quarantine.passing()).isEqualTo(PEOPLE);
            assertThat(quarantine.reasons()).isEmpty();
        }
    }

    /** A check of a user's own with its own component type: at most {@code rows} rows. */
    record AtMost(long rows) implements Check {
        @Override
        public String type() {
            return "at-most";
        }

        @Override
        public String name() {
            return "at-most(" + rows + ")";
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public Severity severity() {
            return Severity.ERROR;
        }

        @Override
        public Settings settings() {
            return new Settings(rows);
        }

        @Override
        public CheckResult run(Table table, CheckContext context) {
            return CheckResult.measured(this, table.rowCount(), Threshold.atMost(rows), table.rowCount() + " rows");
        }

        /** @param rows the most rows allowed */
        record Settings(long rows) {
        }

        /** Its type. */
        static final class Type extends ComponentType<Check, Settings> {
            Type() {
                super(Check.class, "at-most", Settings.class, "at most a number of rows");
            }

            @Override
            public Check create(Settings settings) {
                return new AtMost(settings.rows());
            }
        }
    }

    /** A check of a user's own, not built in. */
    private static final class AlwaysPasses implements Check {
        @Override
        public String type() {
            return "custom";
        }

        @Override
        public String name() {
            return "always";
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public Record settings() {
            return new NoSettings();
        }

        @Override
        public Severity severity() {
            return Severity.ERROR;
        }

        @Override
        public CheckResult run(Table table, CheckContext context) {
            return Results.measured(this, 0, Threshold.atMost(0), Double.NaN, "nothing to see");
        }
    }

    /** A user's check that compares with the reference. */
    private static final class NeedsReference implements Check {
        @Override
        public String type() {
            return "needs-reference";
        }

        @Override
        public String name() {
            return "needs-reference";
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public Record settings() {
            return new NoSettings();
        }

        @Override
        public Severity severity() {
            return Severity.ERROR;
        }

        @Override
        public boolean needsReference() {
            return true;
        }

        @Override
        public CheckResult run(Table table, CheckContext context) {
            return Results.noData(this, Threshold.atMost(0), "never runs");
        }
    }

    /** The settings of a check that has none. */
    private record NoSettings() {
    }
}
