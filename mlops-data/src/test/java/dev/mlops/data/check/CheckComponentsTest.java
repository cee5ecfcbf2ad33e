package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.json.Documents;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.ColumnType;
import dev.mlops.data.profile.DatasetProfile;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in check is a component: named, configured, saved and rebuilt equal. */
class CheckComponentsTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.defaults();

    /** One check of every built-in type, each with settings away from the defaults. */
    static Stream<Check> everyType() {
        return Stream.of(
                new SchemaCheck(List.of(new ExpectedColumn("age", ColumnType.NUMERIC, false),
                        new ExpectedColumn("city", ColumnType.CATEGORICAL, true)), true, true, Severity.WARNING),
                Checks.completeness("city").atLeast(0.8).withSeverity(Severity.INFO),
                Checks.unique("email", "city").withMostly(0.9),
                Checks.primaryKey("age").withSeverity(Severity.WARNING),
                Checks.range("age", -1.5, 120).withMostly(0.99),
                Checks.nonNegative("age"),
                Checks.allowedValues("city", List.of("München", "São Paulo")).toleratingUnseen(0.25),
                Checks.cardinality("city", 2, 40),
                Checks.matches("email", "[^@]+@[^@]+\\.(de|br)").withMostly(0.5),
                Checks.rows("adult, \"named\"", "age >= 18 or city in (\"München\", \"Paris\")").withMostly(0.75),
                Checks.meanShift("age").withAlpha(0.05),
                Checks.ks("age").withAlpha(0.001).withSeverity(Severity.WARNING),
                Checks.chiSquare("city").withAlpha(0.2),
                Checks.psi("age").withBins(20).withMax(0.1));
    }

    @Nested
    class RoundTrip {
        @ParameterizedTest
        @MethodSource("dev.mlops.data.check.CheckComponentsTest#everyType")
        void theSpecStringRebuildsAnEqualCheck(Check check) {
            String spec = check.spec().toString();
            assertThat(spec).startsWith(check.type() + "(");
            assertThat(REGISTRY.create(Check.class, spec)).as(spec).isEqualTo(check).hasSameHashCodeAs(check);
            assertThat(REGISTRY.create(Check.class, check.spec())).isEqualTo(check);
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.check.CheckComponentsTest#everyType")
        void theJsonObjectRebuildsAnEqualCheck(Check check) {
            String json = Documents.write(check.spec().toJson());
            Check read = REGISTRY.read(Check.class, Documents.parse(json, "check.json"));
            assertThat(read).as(json).isEqualTo(check);
            assertThat(read.spec()).isEqualTo(check.spec());
            assertThat(json).contains("\"type\": \"" + check.type() + "\"",
                    "\"severity\": \"" + check.severity().label() + "\"");
        }

        @Test
        void everyRegisteredCheckTypeIsCoveredAndBuildsItsOwnType() {
            Set<String> registered = REGISTRY.types(Check.class).stream().map(ComponentType::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(registered).isEqualTo(everyType().map(Check::type).collect(Collectors.toCollection(TreeSet::new)));
            assertThat(registered).hasSize(13);
        }

        @Test
        void checksAreEqualExactlyWhenTypeAndSettingsAre() {
            assertThat(Checks.unique("id")).isNotEqualTo(Checks.primaryKey("id"));
            assertThat(Checks.unique("id").settings()).isEqualTo(Checks.primaryKey("id").settings());
            assertThat(Checks.range("age", 0, 1)).isEqualTo(REGISTRY.create(Check.class, "range(column=age, max=1, min=0)"))
                    .isNotEqualTo(Checks.range("age", 0, 2));
        }
    }

    @Nested
    class Defaults {
        @Test
        void absentOptionalSettingsTakeTheStrictestValues() {
            assertThat(REGISTRY.create(Check.class, "completeness(column=age)")).isEqualTo(Checks.complete("age"));
            assertThat(REGISTRY.create(Check.class, "range(column=age)"))
                    .isEqualTo(Checks.range("age", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
            assertThat(REGISTRY.create(Check.class, "uniqueness(columns=[a, b])")).isEqualTo(Checks.unique("a", "b"));
            assertThat(REGISTRY.create(Check.class, "primary-key(columns=[a])")).isEqualTo(Checks.primaryKey("a"));
            assertThat(REGISTRY.create(Check.class, "allowed-values(column=c, values=[x])"))
                    .isEqualTo(Checks.allowedValues("c", List.of("x")));
            assertThat(REGISTRY.create(Check.class, "pattern(column=c, regex=\"[a-z]+\")"))
                    .isEqualTo(Checks.matches("c", "[a-z]+"));
            assertThat(REGISTRY.create(Check.class, "predicate(label=p, predicate=\"a > 1\")"))
                    .isEqualTo(Checks.rows("p", "a > 1"));
            assertThat(REGISTRY.create(Check.class, "mean-shift(column=x)")).isEqualTo(Checks.meanShift("x"));
            assertThat(REGISTRY.create(Check.class, "ks(column=x)")).isEqualTo(Checks.ks("x"));
            assertThat(REGISTRY.create(Check.class, "chi-square(column=x)")).isEqualTo(Checks.chiSquare("x"));
            assertThat(REGISTRY.create(Check.class, "psi(column=x)")).isEqualTo(Checks.psi("x"));
            assertThat(REGISTRY.create(Check.class, "schema(columns=[{name=a, type=text}])"))
                    .isEqualTo(new SchemaCheck(List.of(new ExpectedColumn("a", ColumnType.TEXT, true)), false, false,
                            Severity.ERROR));
        }

        @Test
        void aSchemaColumnIsWrittenWithItsTypeInLowerCase() {
            SchemaCheck check = Checks.schema(PEOPLE.schema()).notNull("age");
            assertThat(check.spec().toJson().get("columns").get(0).toString())
                    .isEqualTo("{\"name\":\"age\",\"nullable\":false,\"type\":\"numeric\"}");
        }
    }

    @Nested
    class Refusals {
        @Test
        void aRequiredSettingThatIsAbsentIsNamed() {
            assertThatThrownBy(() -> REGISTRY.create(Check.class, "allowed-values(column=c)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessage("spec 'allowed-values(column=c)': Check 'allowed-values' refuses its settings: values is"
                            + " required but absent");
            assertThatThrownBy(() -> REGISTRY.create(Check.class, "predicate(label=p)"))
                    .hasMessage("spec 'predicate(label=p)': Check 'predicate' refuses its settings: predicate is required"
                            + " but absent");
            assertThatThrownBy(() -> REGISTRY.create(Check.class, "uniqueness(mostly=1)"))
                    .hasMessage("spec 'uniqueness(mostly=1)': Check 'uniqueness' refuses its settings: columns is required"
                            + " but absent");
            assertThatThrownBy(() -> REGISTRY.create(Check.class, "schema(columns=[{type=text}])"))
                    .hasMessageContaining("column is required but absent");
            assertThatThrownBy(() -> REGISTRY.create(Check.class, "schema(columns=[{name=a}])"))
                    .hasMessageContaining("type is required but absent");
        }

        @Test
        void aFractionalIntegerIsRefusedNotTruncated() {
            assertThatThrownBy(() -> REGISTRY.create(Check.class, "psi(column=x, bins=2.5)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessage("spec 'psi(column=x, bins=2.5)': the setting 'bins' of Check 'psi' must be an integer"
                            + " but was 2.5");
        }

        @Test
        void anUnknownSeverityIsNamed() {
            assertThatThrownBy(() -> REGISTRY.create(Check.class, "ks(column=x, severity=fatal)"))
                    .isInstanceOf(ComponentException.class).hasMessage("spec 'ks(column=x, severity=fatal)': Check"
                            + " 'ks' refuses its settings: severity must be one of error, warning, info but was 'fatal'");
        }
    }

    @Nested
    class Provenance {
        @Test
        void eachResultAndTheReportJsonNameTheCheckSpec() {
            List<Check> checks = everyType().toList();
            CheckReport report = CheckSuite.builder("all").addAll(checks).build().run(PEOPLE, DatasetProfile.of(PEOPLE));
            assertThat(report.results()).extracting(CheckResult::spec)
                    .containsExactlyElementsOf(checks.stream().map(Check::spec).toList());
            JsonNode results = Documents.parse(report.toJson(), "report").node().get("results");
            for (int i = 0; i < checks.size(); i++) {
                ComponentSpec spec = ComponentSpec.read(Documents.parse(results.get(i).get("spec").toString(), "spec"));
                assertThat(REGISTRY.create(Check.class, spec)).as("results[%d].spec", i).isEqualTo(checks.get(i));
            }
        }
    }
}
