package dev.mlops.data.leakage;

import dev.mlops.core.report.Severity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitters;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LeakageCheckTest {

    private static int[] range(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }

    private static Finding only(LeakageReport report, String check) {
        List<Finding> found = report.findings().stream().filter(f -> f.check().equals(check)).toList();
        assertThat(found).as("findings of %s in %s", check, report.findings()).hasSize(1);
        return found.get(0);
    }

    @Nested
    class SetsGivenAsTables {
        private static Map<String, Table> sets(Table train, Table test) {
            Map<String, Table> sets = new LinkedHashMap<>();
            sets.put("train", train);
            sets.put("test", test);
            return sets;
        }

        @Test
        void aSharedIdIsAnErrorWithEachRowCountedInItsOwnSet() {
            Table train = Table.builder().categorical("customer", "c1", "c2", "c3").numeric("x", 1, 2, 3).build();
            Table test = Table.builder().categorical("customer", "c4", "c2").numeric("x", 4, 5).build();

            LeakageReport report = LeakageCheck.builder().idColumn("customer").build().run(sets(train, test));

            Finding shared = only(report, "shared-ids");
            assertThat(shared.severity()).isEqualTo(Severity.ERROR);
            assertThat(shared.measured()).isEqualTo(1.0);
            assertThat(shared.examples()).hasSize(1);
            assertThat(shared.examples().get(0).rows()).containsExactly(new SetRow("train", 1), new SetRow("test", 1));
            assertThat(only(report, "exact-duplicates").severity()).isEqualTo(Severity.INFO);
            assertThat(report.passed()).isFalse();
            assertThat(report.fingerprint()).isEqualTo(dev.mlops.core.table.Fingerprint.of(Table.builder()
                    .categorical("customer", "c1", "c2", "c3", "c4", "c2").numeric("x", 1, 2, 3, 4, 5).build()));
        }

        @Test
        void everyColumnTypeIsComparedAcrossTheTables() {
            Instant at = Instant.parse("2024-01-01T00:00:00Z");
            Table train = Table.builder().numeric("x", 1, Double.NaN).bool("b", true, null).timestamp("t", at, null)
                    .text("note", "München", null).build();
            Table test = Table.builder().numeric("x", 1, 2).bool("b", true, false).timestamp("t", at, at)
                    .text("note", "München", "São Paulo").build();

            Finding exact = only(LeakageCheck.exactDuplicates().run(sets(train, test)), "exact-duplicates");

            assertThat(exact.severity()).isEqualTo(Severity.ERROR);
            assertThat(exact.examples()).hasSize(1);
            assertThat(exact.examples().get(0).rows()).containsExactly(new SetRow("train", 0), new SetRow("test", 0));
        }

        @Test
        void tablesWithOtherColumnsAreRefusedNamingTheSetAndTheColumn() {
            Table train = Table.builder().categorical("customer", "c1").numeric("x", 1).build();
            Table renamed = Table.builder().categorical("customer", "c2").numeric("y", 1).build();
            Table retyped = Table.builder().categorical("customer", "c2").categorical("x", "1").build();
            Table wider = Table.builder().categorical("customer", "c2").numeric("x", 1).numeric("z", 0).build();
            LeakageCheck check = LeakageCheck.exactDuplicates();

            assertThatThrownBy(() -> check.run(sets(train, renamed))).isInstanceOf(SchemaException.class)
                    .hasMessage("set 'test' does not have the columns of set 'train': column 2 is 'y' (NUMERIC) in "
                            + "'test' but 'x' (NUMERIC) in 'train'");
            assertThatThrownBy(() -> check.run(sets(train, retyped))).isInstanceOf(SchemaException.class)
                    .hasMessage("set 'test' does not have the columns of set 'train': column 2 is 'x' (CATEGORICAL) in "
                            + "'test' but 'x' (NUMERIC) in 'train'");
            assertThatThrownBy(() -> check.run(sets(train, wider))).isInstanceOf(SchemaException.class)
                    .hasMessage("set 'test' does not have the columns of set 'train': column 3 'z' (NUMERIC) is only "
                            + "in 'test'");
        }

        @Test
        void fewerThanTwoSetsOrAnEmptySetIsRefused() {
            Table train = Table.builder().numeric("x", 1).build();
            LeakageCheck check = LeakageCheck.exactDuplicates();

            assertThatThrownBy(() -> check.run(Map.of("train", train))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sets must hold at least two sets but held 1: [train]");
            assertThatThrownBy(() -> check.run(sets(train, Table.builder().numeric("x").build())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("set 'test' has no rows");
            assertThatThrownBy(() -> check.run(Map.of(" ", train, "test", train)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
        }
    }

    @Nested
    class ExactDuplicates {

        @Test
        void rowsEqualToARowOfAnotherSetAreAnErrorWithTheirRows() {
            Table table = Table.builder()
                    .numeric("x", 1, 2, 3, 1, 5, 2)
                    .categorical("city", "München", "São Paulo", "Hamburg", "München", "Köln", "São Paulo")
                    .build();
            Split split = TestSplits.trainTest(table, range(0, 3), range(3, 6));

            LeakageReport report = LeakageCheck.exactDuplicates().run(table, split);

            Finding finding = only(report, "exact-duplicates");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isEqualTo(4.0);
            assertThat(finding.threshold()).isZero();
            assertThat(finding.examples()).containsExactly(
                    new Example("x=1, city=München", List.of(new SetRow("train", 0), new SetRow("test", 3)), 2),
                    new Example("x=2, city=São Paulo", List.of(new SetRow("train", 1), new SetRow("test", 5)), 2));
            assertThat(report.passed()).isFalse();
        }

        @Test
        void duplicatesWithinOneSetAreNotAFinding() {
            Table table = Table.builder().numeric("x", 1, 1, 1, 2, 3, 3).build();
            Split split = TestSplits.trainTest(table, range(0, 3), range(3, 6));

            Finding finding = only(LeakageCheck.exactDuplicates().run(table, split), "exact-duplicates");

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.measured()).isZero();
            assertThat(finding.examples()).isEmpty();
            assertThat(finding.message()).contains("3 rows repeat a row of their own set");
        }

        @Test
        void theLabelAndIdAreLeftOutByDefaultAndCountWhenChosen() {
            Table table = Table.builder()
                    .categorical("id", "a", "b", "c", "d")
                    .numeric("x", 1, 2, 3, 1)
                    .categorical("label", "yes", "no", "no", "no")
                    .build();
            Split split = TestSplits.trainTest(table, range(0, 2), range(2, 4));

            LeakageReport byDefault = LeakageCheck.builder().idColumn("id").labelColumn("label").build().run(table, split);
            LeakageReport allColumns = LeakageCheck.builder().duplicateColumns(List.of("id", "x", "label")).build()
                    .run(table, split);

            assertThat(only(byDefault, "exact-duplicates").examples()).containsExactly(
                    new Example("x=1", List.of(new SetRow("train", 0), new SetRow("test", 3)), 2));
            assertThat(only(allColumns, "exact-duplicates").severity()).isEqualTo(Severity.INFO);
        }

        @Test
        void aMissingValueEqualsAMissingValueButNotNaN() {
            Table table = Table.rowBuilder(Schema.of(Field.of("x", ColumnType.NUMERIC), Field.of("t", ColumnType.TEXT)))
                    .addRow(Double.NaN, "a")
                    .addRow(null, "b")
                    .addRow(null, "a")
                    .addRow(null, "b")
                    .addRow(Double.NaN, "a")
                    .build();
            Split split = TestSplits.trainTest(table, range(0, 2), range(2, 5));

            Finding finding = only(LeakageCheck.exactDuplicates().run(table, split), "exact-duplicates");

            assertThat(finding.examples()).extracting(Example::rows).containsExactly(
                    List.of(new SetRow("train", 0), new SetRow("test", 4)),
                    List.of(new SetRow("train", 1), new SetRow("test", 3)));
            assertThat(finding.examples().get(1).detail()).isEqualTo("x=<missing>, t=b");
        }

        @Test
        void rowsInNoSetTakeNoPart() {
            Table table = Table.builder().numeric("x", 1, 2, 1, 3).build();
            Map<String, int[]> sets = new LinkedHashMap<>();
            sets.put("train", new int[] {0, 1});
            sets.put("test", new int[] {3});

            Split split = TestSplits.of(table, sets, new int[] {2});

            assertThat(LeakageCheck.exactDuplicates().run(table, split).passed()).isTrue();
        }

        @Test
        void aCleanRandomSplitPasses() {
            double[] x = new double[200];
            for (int i = 0; i < x.length; i++) {
                x[i] = i * 0.5;
            }
            Table table = Table.builder().numeric("x", x).build();
            Split split = Splitters.random(SplitSets.trainValidationTest(0.7, 0.15, 0.15), 42).split(table);

            LeakageReport report = LeakageCheck.exactDuplicates().run(table, split);

            assertThat(report.passed()).isTrue();
            assertThat(report.findings()).extracting(Finding::severity).containsOnly(Severity.INFO);
        }

        @Test
        void theSampleIsBoundedInExamplesAndInRowsPerExample() {
            double[] x = new double[100];
            for (int i = 0; i < 40; i++) {
                x[i] = -1;
            }
            for (int i = 0; i < 30; i++) {
                x[40 + i] = i;
                x[70 + i] = i;
            }
            Table table = Table.builder().numeric("x", x).build();
            int[] train = java.util.stream.IntStream.concat(java.util.stream.IntStream.range(0, 20),
                    java.util.stream.IntStream.range(40, 70)).toArray();
            int[] test = java.util.stream.IntStream.concat(java.util.stream.IntStream.range(20, 40),
                    java.util.stream.IntStream.range(70, 100)).toArray();
            Split split = TestSplits.trainTest(table, train, test);

            Finding finding = only(LeakageCheck.builder().sampleSize(5).build().run(table, split), "exact-duplicates");

            assertThat(finding.measured()).isEqualTo(40 + 60);
            assertThat(finding.message()).startsWith("100 rows in 31 groups");
            assertThat(finding.examples()).hasSize(5);
            assertThat(finding.examples()).allSatisfy(example -> assertThat(example.rows()).hasSizeLessThanOrEqualTo(5));
            Example big = finding.examples().get(0);
            assertThat(big.detail()).isEqualTo("x=-1");
            assertThat(big.totalRows()).isEqualTo(40);
            assertThat(big.rows()).containsExactly(new SetRow("train", 0), new SetRow("train", 1), new SetRow("train", 2),
                    new SetRow("train", 3), new SetRow("train", 4));
        }
    }

    @Nested
    class SharedIds {

        @Test
        void anIdInTwoSetsIsAnErrorAndRepeatsWithinASetOrMissingIdsAreNot() {
            Table table = Table.builder()
                    .categorical("customer", "a", "b", "b", null, "a", "c", null)
                    .numeric("x", 1, 2, 3, 4, 5, 6, 7)
                    .build();
            Split split = TestSplits.trainTest(table, range(0, 4), range(4, 7));

            Finding finding = only(LeakageCheck.builder().idColumn("customer").build().run(table, split), "shared-ids");

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isEqualTo(1.0);
            assertThat(finding.examples()).containsExactly(
                    new Example("customer=a", List.of(new SetRow("train", 0), new SetRow("test", 4)), 2));
            assertThat(finding.message()).contains("2 rows with a missing id were not compared");
        }

        @Test
        void numericIdsWork() {
            Table table = Table.builder().numeric("id", 7, 8, 9, 10).numeric("x", 1, 2, 3, 4).build();
            Split split = TestSplits.trainTest(table, range(0, 2), range(2, 4));

            Finding finding = only(LeakageCheck.builder().idColumn("id").build().run(table, split), "shared-ids");

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.measured()).isZero();
        }
    }

    @Nested
    class ClassDistributions {

        /** A table of one label column and sets holding the given counts: counts[class][set]. */
        private Split split(String[] classes, String[] sets, int[][] counts, List<Table> tableOut) {
            List<String> labels = new ArrayList<>();
            Map<String, List<Integer>> rows = new LinkedHashMap<>();
            for (String set : sets) {
                rows.put(set, new ArrayList<>());
            }
            for (int s = 0; s < sets.length; s++) {
                for (int c = 0; c < classes.length; c++) {
                    for (int i = 0; i < counts[c][s]; i++) {
                        rows.get(sets[s]).add(labels.size());
                        labels.add(classes[c]);
                    }
                }
            }
            Table table = Table.builder().categorical("label", labels.toArray(new String[0]))
                    .numeric("x", java.util.stream.IntStream.range(0, labels.size()).asDoubleStream().toArray())
                    .build();
            tableOut.add(table);
            Map<String, int[]> sets2 = new LinkedHashMap<>();
            rows.forEach((set, list) -> sets2.put(set, list.stream().mapToInt(Integer::intValue).toArray()));
            return TestSplits.of(table, sets2);
        }

        @Test
        void similarDistributionsAreInfoWithScipysStatisticAndPValue() {
            // /usr/bin/python3 -c "from scipy.stats import chi2_contingency;
            //   print(chi2_contingency([[70,15,15],[30,10,5]], correction=False))"   (scipy 1.10.1)
            // -> statistic 1.329166666666667, pvalue 0.5144878529911764, dof 2
            ClassDistribution.Result result = ClassDistribution.test(new long[][] {{70, 15, 15}, {30, 10, 5}});
            assertThat(result.statistic()).isCloseTo(1.329166666666667, within(1e-9));
            assertThat(result.pValue()).isCloseTo(0.5144878529911764, within(1e-9));
            assertThat(result.degreesOfFreedom()).isEqualTo(2);

            List<Table> table = new ArrayList<>();
            Split split = split(new String[] {"yes", "no"}, new String[] {"train", "validation", "test"},
                    new int[][] {{70, 15, 15}, {30, 10, 5}}, table);
            Finding finding = only(LeakageCheck.builder().labelColumn("label").build().run(table.get(0), split),
                    "class-distribution");

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.measured()).isCloseTo(0.5144878529911764, within(1e-9));
            assertThat(finding.threshold()).isEqualTo(0.01);
            assertThat(finding.message()).contains("chi-square 1.32917", "2 degrees of freedom", "p-value 0.514488",
                    "train {no=30, yes=70}");
        }

        @Test
        void differentDistributionsAreAWarning() {
            // /usr/bin/python3 -c "from scipy.stats import chi2_contingency;
            //   print(chi2_contingency([[30,3],[2,8]], correction=False))"   (scipy 1.10.1)
            // -> statistic 20.26952479338843, pvalue 6.7263493238860614e-06, dof 1
            ClassDistribution.Result result = ClassDistribution.test(new long[][] {{30, 3}, {2, 8}});
            assertThat(result.statistic()).isCloseTo(20.26952479338843, within(1e-9));
            assertThat(result.pValue()).isCloseTo(6.7263493238860614e-06, within(1e-9));

            List<Table> table = new ArrayList<>();
            Split split = split(new String[] {"good", "bad"}, new String[] {"train", "test"},
                    new int[][] {{30, 3}, {2, 8}}, table);
            Finding finding = only(LeakageCheck.builder().labelColumn("label").build().run(table.get(0), split),
                    "class-distribution");

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.measured()).isCloseTo(6.7263493238860614e-06, within(1e-9));
            assertThat(finding.message()).contains("an expected count is below 5");
        }

        @Test
        void alphaDecidesAtTheBoundary() {
            // /usr/bin/python3 -c "from scipy.stats import chi2_contingency;
            //   print(chi2_contingency([[12,2,2],[3,6,6]], correction=False))"   (scipy 1.10.1)
            // -> statistic 9.377499999999998, pvalue 0.009198176694029935, dof 2
            List<Table> table = new ArrayList<>();
            Split split = split(new String[] {"a", "b"}, new String[] {"s1", "s2", "s3"},
                    new int[][] {{12, 2, 2}, {3, 6, 6}}, table);

            Finding at01 = only(LeakageCheck.builder().labelColumn("label").build().run(table.get(0), split),
                    "class-distribution");
            Finding at005 = only(LeakageCheck.builder().labelColumn("label").classDistributionAlpha(0.005).build()
                    .run(table.get(0), split), "class-distribution");

            assertThat(at01.measured()).isCloseTo(0.009198176694029935, within(1e-9));
            assertThat(at01.severity()).isEqualTo(Severity.WARNING);
            assertThat(at005.severity()).isEqualTo(Severity.INFO);
        }

        @Test
        void aClassAbsentFromEverySetTakesNoPart() {
            // /usr/bin/python3 -c "from scipy.stats import chi2_contingency;
            //   print(chi2_contingency([[5,1],[3,4],[2,6]], correction=False))"   (scipy 1.10.1)
            // -> statistic 4.7727272727272725, pvalue 0.09196348927905083, dof 2
            String[] labels = {"a", "a", "a", "a", "a", "b", "b", "b", "c", "c", "rare",
                "a", "b", "b", "b", "b", "c", "c", "c", "c", "c", "c"};
            Table full = Table.builder().categorical("label", labels).build();
            int[] kept = java.util.stream.IntStream.range(0, labels.length).filter(i -> i != 10).toArray();
            Table table = full.rows(kept);
            assertThat(table.categoricalColumn("label").levels()).contains("rare");
            Split split = TestSplits.trainTest(table, range(0, 10), range(10, 21));

            Finding finding = only(LeakageCheck.builder().labelColumn("label").classDistributionAlpha(0.05).build()
                    .run(table, split), "class-distribution");

            assertThat(finding.measured()).isCloseTo(0.09196348927905083, within(1e-9));
            assertThat(finding.message()).contains("chi-square 4.77273", "2 degrees of freedom").doesNotContain("rare");
        }

        @Test
        void oneSetOrOneClassGivesNoTest() {
            Table table = Table.builder().categorical("label", "a", "b", "a", null).build();
            Split one = TestSplits.of(table, Map.of("all", range(0, 4)));
            Table oneClass = Table.builder().categorical("label", "a", "a", "a", null).build();
            Split two = TestSplits.trainTest(oneClass, range(0, 2), range(2, 4));

            Finding single = only(LeakageCheck.builder().labelColumn("label").build().run(table, one), "class-distribution");
            Finding same = only(LeakageCheck.builder().labelColumn("label").build().run(oneClass, two),
                    "class-distribution");

            assertThat(single.severity()).isEqualTo(Severity.INFO);
            assertThat(single.measured()).isNaN();
            assertThat(single.message()).contains("fewer than two sets", "1 row with a missing label left out");
            assertThat(same.severity()).isEqualTo(Severity.INFO);
            assertThat(same.measured()).isNaN();
            assertThat(same.message()).contains("the one class [a]");
        }
    }

    @Nested
    class NearDuplicateRows {

        private final LeakageCheck check = LeakageCheck.builder()
                .nearDuplicates(NearDuplicates.roundedKey(List.of("x", "place"), 4)).build();

        @Test
        void floatNoiseCaseAndSpacingAreNearDuplicates() {
            Table table = Table.builder()
                    .numeric("x", 0.30000000000000004, 5, 0.3, 6)
                    .text("place", "München  Hbf", "Köln", " münchen hbf", "Bonn")
                    .build();
            Split split = TestSplits.trainTest(table, range(0, 2), range(2, 4));

            LeakageReport report = check.run(table, split);

            Finding finding = only(report, "near-duplicates");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.measured()).isEqualTo(2.0);
            assertThat(finding.examples()).extracting(Example::rows)
                    .containsExactly(List.of(new SetRow("train", 0), new SetRow("test", 2)));
            assertThat(finding.message()).contains("rounded-key hashing", "4 significant digits");
            assertThat(report.passed()).isTrue();
        }

        @Test
        void exactDuplicatesAndNearDuplicatesWithinASetAreNotNearDuplicateFindings() {
            Table table = Table.builder()
                    .numeric("x", 1.5, 2.00001, 1.5, 2.0)
                    .categorical("place", "A", "b", "A", "B")
                    .build();
            Split split = TestSplits.trainTest(table, new int[] {0, 1, 3}, new int[] {2});

            LeakageReport report = check.run(table, split);

            assertThat(only(report, "near-duplicates").severity()).isEqualTo(Severity.INFO);
            assertThat(only(report, "exact-duplicates").severity()).isEqualTo(Severity.ERROR);
        }

        @Test
        void valuesAcrossARoundingBoundaryAreMissedAsDocumented() {
            Table table = Table.builder()
                    .numeric("x", 1.2344, 1.2349, 1.2346, 1.2351)
                    .text("place", "a", "b", "a", "b")
                    .build();
            Split split = TestSplits.trainTest(table, range(0, 2), range(2, 4));

            Finding finding = only(check.run(table, split), "near-duplicates");

            assertThat(finding.examples()).extracting(Example::rows)
                    .containsExactly(List.of(new SetRow("train", 1), new SetRow("test", 3)));
        }

        @Test
        void theMethodIsValidated() {
            assertThatThrownBy(() -> NearDuplicates.roundedKey(List.of("x"), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("significantDigits must be between 1 and 17 but was 0");
            assertThatThrownBy(() -> NearDuplicates.roundedKey(List.of(), 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("columns must not be empty");
            assertThatThrownBy(() -> NearDuplicates.roundedKey(List.of("x", "x"), 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice but was [x, x]");
        }
    }

    @Nested
    class FeatureAvailability {

        private Instant at(String offsetDateTime) {
            return OffsetDateTime.parse(offsetDateTime).toInstant();
        }

        @Test
        void valuesKnownAfterThePredictionTimeAreErrorsWhateverTheOffsets() {
            Schema schema = Schema.of(Field.of("balance", ColumnType.NUMERIC), Field.of("balance_at", ColumnType.TIMESTAMP),
                    Field.of("predicted_at", ColumnType.TIMESTAMP));
            Table table = Table.rowBuilder(schema)
                    // 10:00+05:30 is 04:30Z, before 05:00Z, though its local clock reads later
                    .addRow(1.0, at("2024-03-01T10:00:00+05:30"), at("2024-03-01T05:00:00Z"))
                    // 01:00-05:00 is 06:00Z, after 05:00Z, though its local clock reads earlier
                    .addRow(2.0, at("2024-03-01T01:00:00-05:00"), at("2024-03-01T05:00:00Z"))
                    // the same instant is known in time
                    .addRow(3.0, at("2024-03-01T06:00:00+01:00"), at("2024-03-01T05:00:00Z"))
                    // one nanosecond late
                    .addRow(4.0, at("2024-03-01T05:00:00.000000001Z"), at("2024-03-01T10:30:00+05:30"))
                    // no value, nothing leaks
                    .addRow(null, at("2024-03-02T00:00:00Z"), at("2024-03-01T05:00:00Z"))
                    // no known-at time: not judged
                    .addRow(6.0, null, at("2024-03-01T05:00:00Z"))
                    .build();
            Split split = TestSplits.trainTest(table, range(0, 3), range(3, 6));

            Finding finding = only(LeakageCheck.builder().availability("predicted_at", Map.of("balance", "balance_at"))
                    .build().run(table, split), "feature-availability");

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isEqualTo(2.0);
            assertThat(finding.examples()).extracting(Example::rows)
                    .containsExactly(List.of(new SetRow("train", 1)), List.of(new SetRow("test", 3)));
            assertThat(finding.examples().get(0).detail())
                    .isEqualTo("balance=2 known at 2024-03-01T06:00:00Z, predicted at 2024-03-01T05:00:00Z");
            assertThat(finding.message()).startsWith("feature 'balance': 2 rows hold")
                    .contains("1 row with a missing 'balance_at' or 'predicted_at' not judged");
        }

        @Test
        void oneFindingPerFeatureInTheMapsOrder() {
            Instant t = at("2024-01-01T00:00:00Z");
            Table table = Table.builder().numeric("a", 1, 2).numeric("b", 3, 4)
                    .timestamp("a_at", t, t).timestamp("b_at", t, t.plusSeconds(1)).timestamp("now", t, t).build();
            Split split = TestSplits.trainTest(table, new int[] {0}, new int[] {1});
            Map<String, String> knownAt = new LinkedHashMap<>();
            knownAt.put("b", "b_at");
            knownAt.put("a", "a_at");

            LeakageReport report = LeakageCheck.builder().availability("now", knownAt).build().run(table, split);

            assertThat(report.findings()).filteredOn(f -> f.check().equals("feature-availability"))
                    .extracting(Finding::severity).containsExactly(Severity.ERROR, Severity.INFO);
            assertThat(report.findings().get(1).message()).startsWith("feature 'b': 1 row holds");
            assertThat(report.findings().get(2).message()).startsWith("feature 'a': every value was known");
        }

        @Test
        void aTimeColumnMustBeATimestampColumn() {
            Table table = Table.builder().numeric("a", 1, 2).numeric("a_at", 1, 2)
                    .timestamp("now", Instant.EPOCH, Instant.EPOCH).build();
            Split split = TestSplits.trainTest(table, new int[] {0}, new int[] {1});
            LeakageCheck check = LeakageCheck.builder().availability("now", Map.of("a", "a_at")).build();

            assertThatThrownBy(() -> check.run(table, split)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("'a_at' is NUMERIC, not TIMESTAMP");
        }
    }

    @Nested
    class Arguments {

        @Test
        void theTableMustBeTheOneThatWasSplit() {
            Table table = Table.builder().numeric("x", 1, 2, 3, 4).build();
            Split split = TestSplits.trainTest(table, range(0, 2), range(2, 4));
            Table other = Table.builder().numeric("x", 1, 2, 3, 5).build();

            assertThatThrownBy(() -> LeakageCheck.exactDuplicates().run(other, split))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass the table that was split");
            assertThatThrownBy(() -> LeakageCheck.exactDuplicates().run(other.head(3), split))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("table has 3 rows but the split was made for 4 rows");
        }

        @Test
        void knobsAreValidatedWithTheirNameAndValue() {
            assertThatThrownBy(() -> LeakageCheck.builder().classDistributionAlpha(1.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("classDistributionAlpha must be strictly between 0 and 1 but was 1.0");
            assertThatThrownBy(() -> LeakageCheck.builder().sampleSize(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("sampleSize must be at least 1 but was 0");
            assertThatThrownBy(() -> LeakageCheck.builder().idColumn(" "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("idColumn must not be blank but was ' '");
            assertThatThrownBy(() -> LeakageCheck.builder().availability("now", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("knownAtColumns must not be empty but was {}");
        }

        @Test
        void anUnknownColumnIsASchemaError() {
            Table table = Table.builder().numeric("x", 1, 2).build();
            Split split = TestSplits.trainTest(table, new int[] {0}, new int[] {1});

            assertThatThrownBy(() -> LeakageCheck.builder().labelColumn("class").build().run(table, split))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("no column named 'class'");
        }

        @Test
        void noColumnLeftForTheDefaultDuplicateColumnsIsReportedNotThrown() {
            Table table = Table.builder().categorical("id", "a", "b").add(CategoricalColumn.of("label", "x", "y")).build();
            Split split = TestSplits.trainTest(table, new int[] {0}, new int[] {1});

            Finding finding = only(LeakageCheck.builder().idColumn("id").labelColumn("label").build().run(table, split),
                    "exact-duplicates");

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.measured()).isNaN();
            assertThat(finding.message()).contains("every column of [id, label] is the label or the id");
        }

        @Test
        void numericColumnsAreAcceptedAsLabels() {
            Table table = Table.builder().add(NumericColumn.of("label", 0, 1, 0, 1)).numeric("x", 1, 2, 3, 4).build();
            Split split = TestSplits.trainTest(table, range(0, 2), range(2, 4));

            Finding finding = only(LeakageCheck.builder().labelColumn("label").build().run(table, split),
                    "class-distribution");

            assertThat(finding.measured()).isCloseTo(1.0, within(1e-12));
        }
    }
}
