package dev.mlops.monitor.violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import dev.mlops.monitor.drift.DriftDetectors;
import dev.mlops.monitor.drift.TableDrift;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ViolationCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-07T02:05:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** A drift analysis under which nothing here drifts: no L∞ distance reaches 0.99. */
    private static final TableDrift CALM = TableDrift.builder().detector(DriftDetectors.linf(0.99)).clock(CLOCK).build();

    /** 20 rows: age with 1 missing, city München or Hamburg, note text, flag, score, gone. */
    private static final Table REFERENCE = Table.of(age(1, 0), city(0), TextColumn.of("note", repeat("ok", 20)),
            BooleanColumn.of("flag", flags()), NumericColumn.of("score", new double[20]),
            NumericColumn.of("gone", new double[20]));
    /** 20 rows: age with 3 missing and 1 NaN, city with 3 São Paulo, note categorical, score categorical, extra. */
    private static final Table CURRENT = Table.of(age(3, 1), city(3), CategoricalColumn.of("note", repeat("ok", 20)),
            BooleanColumn.of("flag", flags()), CategoricalColumn.of("score", repeat("high", 20)),
            NumericColumn.of("extra", new double[20]));

    private static NumericColumn age(int missing, int nan) {
        NumericColumn.Builder column = NumericColumn.builder("age");
        for (int row = 0; row < 20; row++) {
            if (row < missing) {
                column.addMissing();
            } else if (row < missing + nan) {
                column.add(Double.NaN);
            } else {
                column.add(20 + row);
            }
        }
        return column.build();
    }

    private static CategoricalColumn city(int unseen) {
        String[] values = new String[20];
        for (int row = 0; row < 20; row++) {
            values[row] = row < unseen ? "São Paulo" : row % 2 == 0 ? "München" : "Hamburg";
        }
        return CategoricalColumn.of("city", values);
    }

    private static String[] repeat(String value, int times) {
        String[] values = new String[times];
        Arrays.fill(values, value);
        return values;
    }

    private static Boolean[] flags() {
        Boolean[] values = new Boolean[20];
        for (int row = 0; row < 20; row++) {
            values[row] = row % 3 == 0;
        }
        return values;
    }

    private static ViolationCheck.Builder builder() {
        return ViolationCheck.builder().drift(CALM).clock(CLOCK);
    }

    @Nested
    class AgainstATable {
        private final ViolationReport report = builder().build().check(CURRENT, REFERENCE);

        @Test
        void everyKindOfViolationIsFoundInOrder() {
            assertThat(report.violations()).extracting(Violation::type).containsExactly(
                    ViolationType.COMPLETENESS_DROP, ViolationType.UNSEEN_CATEGORIES, ViolationType.TYPE_CHANGE,
                    ViolationType.MISSING_COLUMN, ViolationType.EXTRA_COLUMN);
            assertThat(report.violations()).extracting(v -> v.column().orElseThrow())
                    .containsExactly("age", "city", "score", "gone", "extra");
            assertThat(report.violations()).extracting(Violation::severity).containsExactly(Severity.WARNING,
                    Severity.WARNING, Severity.ERROR, Severity.ERROR, Severity.WARNING);
            assertThat(report.passed()).isFalse();
            assertThat(report.errors()).extracting(Violation::type).containsExactly(ViolationType.TYPE_CHANGE,
                    ViolationType.MISSING_COLUMN);
            assertThat(report.warnings()).hasSize(3);
            assertThat(report.rowCount()).isEqualTo(20);
            assertThat(report.header().kind()).isEqualTo("violation-report");
            assertThat(report.header().createdAt()).isEqualTo(NOW);
            assertThat(report.header().fingerprint()).isEqualTo(Fingerprint.of(CURRENT));
            assertThat(report.drift()).isPresent();
        }

        @Test
        void completenessCountsNaNAsMissingAndNamesBothShares() {
            Violation drop = report.ofType(ViolationType.COMPLETENESS_DROP).get(0);
            assertThat(drop.measured()).isCloseTo(0.15, within(1e-12));
            assertThat(drop.threshold()).isEqualTo(0.05);
            assertThat(drop.message()).isEqualTo("column 'age': completeness fell from 0.95 to 0.8, a drop of 0.15,"
                    + " above the threshold 0.05");
        }

        @Test
        void unseenCategoriesAreNamedWithTheirShare() {
            Violation unseen = report.ofType(ViolationType.UNSEEN_CATEGORIES).get(0);
            assertThat(unseen.measured()).isCloseTo(0.15, within(1e-12));
            assertThat(unseen.threshold()).isEqualTo(0.01);
            assertThat(unseen.message()).isEqualTo("column 'city': 3 of 20 present values (0.15) are in 1 categories"
                    + " the reference never saw (\"São Paulo\"), above the threshold 0.01");
        }

        @Test
        void schemaFindingsHaveNoMeasuredValue() {
            Violation changed = report.ofType(ViolationType.TYPE_CHANGE).get(0);
            assertThat(changed.message()).isEqualTo("column 'score' changed type from numeric to categorical");
            assertThat(changed.measured()).isNaN();
            assertThat(changed.threshold()).isNaN();
            assertThat(report.ofType(ViolationType.MISSING_COLUMN).get(0).message())
                    .isEqualTo("column 'gone' (numeric) of the reference is missing from the current table");
            assertThat(report.ofType(ViolationType.EXTRA_COLUMN).get(0).message())
                    .isEqualTo("column 'extra' (numeric) of the current table is not in the reference");
        }

        @Test
        void thresholdsAreInclusiveAndConfigurable() {
            ViolationReport lenient = builder().unseenCategoryShare(0.15).completenessDrop(0.15).build()
                    .check(CURRENT, REFERENCE);
            assertThat(lenient.ofType(ViolationType.UNSEEN_CATEGORIES)).isEmpty();
            assertThat(lenient.ofType(ViolationType.COMPLETENESS_DROP)).isEmpty();
            ViolationReport strict = builder().unseenCategoryShare(0.149).completenessDrop(0.149).build()
                    .check(CURRENT, REFERENCE);
            assertThat(strict.ofType(ViolationType.UNSEEN_CATEGORIES)).hasSize(1);
            assertThat(strict.ofType(ViolationType.COMPLETENESS_DROP)).hasSize(1);
        }

        @Test
        void aDropEqualToTheThresholdIsNotAViolation() {
            Table reference = Table.of(NumericColumn.of("x", 1, 2, 3, 4));
            Table current = Table.of(NumericColumn.of("x", 1, 2, 3, Double.NaN));
            assertThat(builder().completenessDrop(0.25).build().check(current, reference).violations()).isEmpty();
            assertThat(builder().completenessDrop(0.2499).build().check(current, reference).violations())
                    .extracting(Violation::measured).containsExactly(0.25);
            assertThat(builder().completenessDrop(0.2499).build().check(current, DatasetProfile.of(reference))
                    .violations()).extracting(Violation::measured).containsExactly(0.25);
        }

        @Test
        void aProfilesNaNValuesCountAsMissing() {
            Table reference = Table.of(NumericColumn.builder("x").add(1).add(Double.NaN).addMissing().add(4).build());
            Table current = Table.of(NumericColumn.builder("x").add(1).add(Double.NaN).addMissing().addMissing()
                    .build());
            assertThat(builder().completenessDrop(0).build().check(current, DatasetProfile.of(reference)).violations())
                    .extracting(Violation::measured).containsExactly(0.25);
            assertThat(builder().completenessDrop(0).build().check(current, reference).violations())
                    .extracting(Violation::measured).containsExactly(0.25);
        }

        @Test
        void manyUnseenCategoriesAreNamedUpToFive() {
            Table reference = Table.of(CategoricalColumn.of("c", "a", "a", "a", "a", "a", "a", "a"));
            Table current = Table.of(CategoricalColumn.of("c", "a", "u1", "u2", "u3", "u4", "u5", "u6"));
            Violation unseen = builder().build().check(current, reference).violations().get(0);
            assertThat(unseen.message()).contains("(\"u1\", \"u2\", \"u3\", \"u4\", \"u5\" and 1 more)");
        }

        @Test
        void severitiesCanBeChangedButNotThatOfDrift() {
            ViolationReport report = builder().severity(ViolationType.MISSING_COLUMN, Severity.WARNING)
                    .severity(ViolationType.TYPE_CHANGE, Severity.INFO).build().check(CURRENT, REFERENCE);
            assertThat(report.passed()).isTrue();
            assertThat(report.ofType(ViolationType.TYPE_CHANGE).get(0).severity()).isEqualTo(Severity.INFO);
            assertThatThrownBy(() -> ViolationCheck.builder().severity(ViolationType.BASELINE_DRIFT, Severity.INFO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the severity of baseline-drift is the drift analysis's: set it with"
                            + " TableDrift.builder().driftSeverity(...) and pass that to drift(...)");
        }

        @Test
        void badThresholdsAreRefusedNamingTheValue() {
            assertThatThrownBy(() -> ViolationCheck.builder().unseenCategoryShare(1.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unseenCategoryShare must be in [0, 1) but was 1.0");
            assertThatThrownBy(() -> ViolationCheck.builder().unseenCategoryShare(-0.1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ViolationCheck.builder().completenessDrop(-0.1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("completenessDrop must be in [0, 1) but was -0.1");
            assertThatThrownBy(() -> ViolationCheck.builder().completenessDrop(1.0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ViolationCheck.builder().unseenCategoryShare(0).completenessDrop(0).build()).isNotNull();
        }
    }

    @Nested
    class Drift {
        private final Table before = Table.of(NumericColumn.of("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        private final Table after = Table.of(NumericColumn.of("x", 11, 12, 13, 14, 15, 16, 17, 18, 19, 20));

        @Test
        void aDriftedColumnIsABaselineDriftAtTheDriftAnalysissSeverity() {
            // from scipy.stats import ks_2samp; ks_2samp(range(11, 21), range(1, 11)).pvalue -> 1.0825088224469026e-05
            ViolationReport report = ViolationCheck.builder().clock(CLOCK).build().check(after, before);
            Violation drift = report.violations().get(0);
            assertThat(drift.type()).isEqualTo(ViolationType.BASELINE_DRIFT);
            assertThat(drift.column()).contains("x");
            assertThat(drift.severity()).isEqualTo(Severity.ERROR);
            assertThat(drift.measured()).isCloseTo(1.0825088224469026e-05, within(1e-12));
            assertThat(drift.threshold()).isEqualTo(0.05);
            assertThat(drift.message()).isEqualTo(report.drift().orElseThrow().column("x").message());
            ViolationReport warned = ViolationCheck.builder().drift(TableDrift.builder()
                    .driftSeverity(Severity.WARNING).build()).build().check(after, before);
            assertThat(warned.violations().get(0).severity()).isEqualTo(Severity.WARNING);
            assertThat(warned.passed()).isTrue();
        }

        @Test
        void aDistanceIsMeasuredByItsValue() {
            ViolationReport report = ViolationCheck.builder().drift(TableDrift.builder()
                    .detector(DriftDetectors.linf(0.5)).build()).build().check(after, before);
            assertThat(report.violations().get(0).measured()).isEqualTo(1.0);
            assertThat(report.violations().get(0).threshold()).isEqualTo(0.5);
            assertThat(ViolationCheck.defaults().check(before, before).violations()).isEmpty();
        }
    }

    @Nested
    class EmptyWindow {
        @Test
        void aTableWithNoRowsIsOneFindingBesideTheSchemasAndNoDrift() {
            Table empty = Table.of(NumericColumn.of("age"), CategoricalColumn.of("city"), TextColumn.of("note"),
                    BooleanColumn.of("flag"), NumericColumn.of("score"), NumericColumn.of("extra"));
            ViolationReport report = builder().build().check(empty, REFERENCE);
            assertThat(report.violations()).extracting(Violation::type).containsExactly(ViolationType.EMPTY_WINDOW,
                    ViolationType.MISSING_COLUMN, ViolationType.EXTRA_COLUMN);
            Violation window = report.violations().get(0);
            assertThat(window.column()).isEmpty();
            assertThat(window.severity()).isEqualTo(Severity.ERROR);
            assertThat(window.measured()).isZero();
            assertThat(window.threshold()).isEqualTo(1.0);
            assertThat(window.message()).isEqualTo("the current table has no rows: there is nothing to compare with"
                    + " the reference");
            assertThat(report.drift()).isEmpty();
            assertThat(report.header().fingerprint()).isEqualTo(Fingerprint.of(empty));
            ViolationReport fromProfile = builder().build().check(empty, DatasetProfile.of(REFERENCE));
            assertThat(fromProfile.violations()).extracting(Violation::type).containsExactly(
                    ViolationType.EMPTY_WINDOW, ViolationType.MISSING_COLUMN, ViolationType.EXTRA_COLUMN);
        }

        @Test
        void anEmptyReferenceHasNoCompletenessToLose() {
            Table reference = Table.of(NumericColumn.of("age"), CategoricalColumn.of("city"));
            Table current = Table.of(age(3, 1), city(0));
            ViolationReport report = builder().build().check(current, reference);
            assertThat(report.ofType(ViolationType.COMPLETENESS_DROP)).isEmpty();
            assertThat(report.ofType(ViolationType.UNSEEN_CATEGORIES)).hasSize(1);
            assertThat(builder().build().check(current, DatasetProfile.of(reference))
                    .ofType(ViolationType.COMPLETENESS_DROP)).isEmpty();
        }
    }

    @Nested
    class AgainstAProfile {
        @Test
        void aProfileGivesTheSameFindingsAsItsTable() {
            ViolationReport fromTable = builder().build().check(CURRENT, REFERENCE);
            ViolationReport fromProfile = builder().build().check(CURRENT,
                    DatasetProfile.fromJson(DatasetProfile.of(REFERENCE).toJson()));
            assertThat(fromProfile.violations()).isEqualTo(fromTable.violations());
        }

        @Test
        void theSchemaGivesTheColumnsAndTypesAndTheProfileTheStatistics() {
            Schema schema = Schema.of(Field.of("age", ColumnType.NUMERIC), Field.of("city", ColumnType.CATEGORICAL),
                    Field.of("late", ColumnType.NUMERIC), Field.of("extra", ColumnType.TEXT));
            DatasetProfile profile = DatasetProfile.of(Table.of(age(1, 0), city(0)));
            ViolationReport report = builder().build().check(Table.of(age(3, 1), city(3),
                    NumericColumn.of("late", new double[20]), NumericColumn.of("extra", new double[20])), profile,
                    schema);
            assertThat(report.violations()).extracting(Violation::type).containsExactly(
                    ViolationType.COMPLETENESS_DROP, ViolationType.UNSEEN_CATEGORIES, ViolationType.TYPE_CHANGE);
            assertThat(report.violations().get(2).message())
                    .isEqualTo("column 'extra' changed type from text to numeric");
        }

        @Test
        void aSensitiveColumnsValuesAreNotNamed() {
            Schema schema = Schema.of(Field.sensitive("city", ColumnType.CATEGORICAL));
            DatasetProfile profile = DatasetProfile.of(Table.of(city(0)));
            Violation unseen = builder().build().check(Table.of(city(3)), profile, schema).violations().get(0);
            assertThat(unseen.message()).isEqualTo("column 'city': 3 of 20 present values (0.15) are in 1 categories"
                    + " the reference never saw (values not shown: the column is sensitive), above the threshold 0.01");
            Table marked = Table.of(city(3).withSensitive(true));
            assertThat(builder().build().check(marked, Table.of(city(0))).violations().get(0).message())
                    .contains("values not shown");
            assertThat(builder().build().check(Table.of(city(3)), Table.of(city(0).withSensitive(true))).violations()
                    .get(0).message()).contains("values not shown");
        }

        @Test
        void aSketchedCategoricalProfileIsNotCheckedForUnseenCategories() {
            DatasetProfile sketched = DatasetProfile.of(Table.of(city(0)),
                    ProfileOptions.defaults().withExactDistinctLimit(1));
            assertThat(builder().build().check(Table.of(city(3)), sketched).ofType(ViolationType.UNSEEN_CATEGORIES))
                    .isEmpty();
        }

        @Test
        void aMissingCurrentValueIsNotAnUnseenCategory() {
            Table current = Table.of(CategoricalColumn.of("city", null, null));
            assertThat(builder().build().check(current, Table.of(city(0))).violations()).extracting(Violation::type)
                    .containsExactly(ViolationType.COMPLETENESS_DROP);
        }
    }

    @Nested
    class Output {
        private final ViolationReport report = builder().build().check(CURRENT, REFERENCE);

        @Test
        void theJsonHasTheEnvelopeAndEachViolation() throws Exception {
            JsonNode json = Json.reader().readTree(report.toJson());
            assertThat(json.get("kind").asText()).isEqualTo("violation-report");
            assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(json.get("createdAt").asText()).isEqualTo("2026-12-07T02:05:00Z");
            assertThat(json.get("fingerprint").asText()).isEqualTo(Fingerprint.of(CURRENT).sha256());
            assertThat(json.get("rowCount").asLong()).isEqualTo(20);
            assertThat(json.get("passed").asBoolean()).isFalse();
            assertThat(json.get("errors").asInt()).isEqualTo(2);
            assertThat(json.get("warnings").asInt()).isEqualTo(3);
            JsonNode first = json.get("violations").get(0);
            assertThat(first.get("type").asText()).isEqualTo("completeness-drop");
            assertThat(first.get("column").asText()).isEqualTo("age");
            assertThat(first.get("severity").asText()).isEqualTo("warning");
            assertThat(first.get("measured").asDouble()).isCloseTo(0.15, within(1e-12));
            assertThat(first.get("threshold").asDouble()).isEqualTo(0.05);
            assertThat(first.get("message").asText()).isEqualTo(report.violations().get(0).message());
            assertThat(json.get("violations").get(2).get("measured").asText()).isEqualTo("NaN");
            JsonNode window = Json.reader().readTree(builder().build().check(Table.of(NumericColumn.of("age")),
                    Table.of(NumericColumn.of("age", 1))).toJson()).get("violations").get(0);
            assertThat(window.has("column")).isFalse();
        }

        @Test
        void theTextHasAVerdictLineAndALinePerViolation() {
            assertThat(report.toText()).isEqualTo("violation report: FAILED (5 violations, 2 errors, 3 warnings), table "
                    + Fingerprint.of(CURRENT) + " of 20 rows, created 2026-12-07T02:05:00Z\n"
                    + "warning completeness-drop  " + report.violations().get(0).message() + "\n"
                    + "warning unseen-categories  " + report.violations().get(1).message() + "\n"
                    + "error   type-change        column 'score' changed type from numeric to categorical\n"
                    + "error   missing-column     column 'gone' (numeric) of the reference is missing from the current"
                    + " table\n"
                    + "warning extra-column       column 'extra' (numeric) of the current table is not in the"
                    + " reference\n");
            Table one = Table.of(NumericColumn.of("age", 1), NumericColumn.of("extra", 1));
            assertThat(builder().build().check(one, Table.of(NumericColumn.of("age", 1))).toText())
                    .startsWith("violation report: passed (1 violation, 0 errors, 1 warning)");
            Table gone = Table.of(NumericColumn.of("other", 1));
            assertThat(builder().severity(ViolationType.EXTRA_COLUMN, Severity.INFO).build()
                    .check(gone, Table.of(NumericColumn.of("age", 1))).toText())
                    .startsWith("violation report: FAILED (2 violations, 1 error, 0 warnings)");
        }

        @Test
        void aReportRefusesANegativeRowCountAndCopiesItsViolations() {
            assertThatThrownBy(() -> new ViolationReport(report.header(), -1, List.of(), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rowCount must not be negative but was -1");
            assertThat(report.violations()).isUnmodifiable();
            assertThat(ViolationType.BASELINE_DRIFT.defaultSeverity()).isEqualTo(Severity.ERROR);
            assertThat(ViolationType.EMPTY_WINDOW.label()).isEqualTo("empty-window");
        }
    }
}
