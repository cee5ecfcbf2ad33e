package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.FailingRow;
import dev.mlops.data.check.Threshold;
import dev.mlops.data.check.Verdict;
import dev.mlops.data.label.AggregationResult;
import dev.mlops.data.label.ConsolidatedLabel;
import dev.mlops.data.label.WorkerQuality;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.GuaranteeReport;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitSets;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The first-difference messages of the contracts name the first part that differs, in order. */
class DifferencesTest {

    @Nested
    class Splits {
        private final Table four = Table.builder().numeric("x", 1, 2, 3, 4).build();
        private final SplitSets two = SplitSets.trainTest(0.5, 0.5);

        private Split split(String spec, Table table, SplitSets sets, int[] train, int[] test, int[] excluded,
                Guarantee... held) {
            EnumSet<Guarantee> guarantees = EnumSet.noneOf(Guarantee.class);
            guarantees.addAll(List.of(held));
            return Split.builder(ComponentSpec.parse(spec), sets, Fingerprint.of(table), table.rowCount())
                    .set(sets.names().get(0), train).set(sets.names().get(1), test).excluded(excluded)
                    .report(GuaranteeReport.of(guarantees)).build();
        }

        private Split base() {
            return split("s(seed=1)", four, two, new int[] {0, 3}, new int[] {1}, new int[] {2});
        }

        @Test
        void namesTheFirstDifferingPart() {
            Split base = base();

            assertThat(SplitDifference.first(base, split("s(seed=2)", four, two, new int[] {0, 3}, new int[] {1},
                    new int[] {2}))).isEqualTo("the splitter differs: s(seed=1) vs s(seed=2)");
            Table five = Table.builder().numeric("x", 1, 2, 3, 4, 5).build();
            assertThat(SplitDifference.first(base, split("s(seed=1)", five, two, new int[] {0, 3}, new int[] {1},
                    new int[] {2, 4}))).startsWith("the table differs: 4 rows ").contains(" vs 5 rows ");
            assertThat(SplitDifference.first(base, split("s(seed=1)", four.rows(3, 2, 1, 0), two, new int[] {0, 3},
                    new int[] {1}, new int[] {2}))).startsWith("the table differs: 4 rows ");
            assertThat(SplitDifference.first(base, split("s(seed=1)", four, SplitSets.trainTest(0.6, 0.4),
                    new int[] {0, 3}, new int[] {1}, new int[] {2}))).startsWith("the sets differ: ");
            assertThat(SplitDifference.first(base, split("s(seed=1)", four, two, new int[] {0, 2}, new int[] {1},
                    new int[] {3}))).isEqualTo("set 'train' differs first at its element 1: row 3 vs row 2");
            assertThat(SplitDifference.first(base, split("s(seed=1)", four, two, new int[] {0, 3}, new int[] {1, 2},
                    new int[0]))).isEqualTo("set 'test' holds 1 rows vs 2 (equal up to element 1)");
            assertThat(SplitDifference.first(base, split("s(seed=1)", four, two, new int[] {0, 3}, new int[] {1},
                    new int[] {2}, Guarantee.TIME_ORDERED))).startsWith("the guarantee reports differ: ");
        }

        @Test
        void excludedRowsAreComparedAfterTheSets() {
            Split withTwoExcluded = split("s(seed=1)", four, two, new int[] {0}, new int[] {1}, new int[] {2, 3});
            Split withOtherSets = split("s(seed=1)", four, two, new int[] {0, 3}, new int[] {1}, new int[] {2});

            assertThat(SplitDifference.first(withTwoExcluded, withOtherSets))
                    .isEqualTo("set 'train' holds 1 rows vs 2 (equal up to element 1)");
            Split excludingTwo = split("s(seed=1)", four, two, new int[] {0, 3}, new int[] {1}, new int[] {2});
            Split excludingNone = Split.builder(ComponentSpec.parse("s(seed=1)"), two, Fingerprint.of(four), 4)
                    .set("train", new int[] {0, 3}).set("test", new int[] {1, 2})
                    .report(GuaranteeReport.of(EnumSet.noneOf(Guarantee.class))).build();
            assertThat(SplitDifference.first(excludingTwo, excludingNone))
                    .isEqualTo("set 'test' holds 1 rows vs 2 (equal up to element 1)");
        }
    }

    @Nested
    class Aggregations {
        private final ComponentSpec majority = ComponentSpec.parse("majority-vote(tie=unresolved, minVotes=1)");
        private final ConsolidatedLabel a = ConsolidatedLabel.resolved("i1", "A", 1.0, Map.of("A", 2), Map.of("A", 1.0));
        private final ConsolidatedLabel b = ConsolidatedLabel.resolved("i1", "B", 1.0, Map.of("B", 2), Map.of("B", 1.0));
        private final WorkerQuality worker = new WorkerQuality("w", 2, 1.0, 0.5, false, List.of());

        private AggregationResult result(ComponentSpec spec, List<String> labels, List<ConsolidatedLabel> items,
                List<WorkerQuality> workers, int iterations) {
            return new AggregationResult(spec, labels, items, workers, Map.of(), iterations, true);
        }

        @Test
        void namesTheFirstDifferingPart() {
            AggregationResult base = result(majority, List.of("A", "B"), List.of(a), List.of(), 0);

            assertThat(AggregationDifference.first(base, result(ComponentSpec.parse("other()"), List.of("A", "B"),
                    List.of(a), List.of(), 0))).startsWith("the aggregator differs: ");
            assertThat(AggregationDifference.first(base, result(majority, List.of("A"), List.of(a), List.of(), 0)))
                    .isEqualTo("the labels differ: [A, B] vs [A]");
            assertThat(AggregationDifference.first(base, result(majority, List.of("A", "B"), List.of(b), List.of(),
                    0))).startsWith("item 0 differs: ");
            assertThat(AggregationDifference.first(base, result(majority, List.of("A", "B"), List.of(), List.of(),
                    0))).isEqualTo("the results hold 1 vs 0 items");
            assertThat(AggregationDifference.first(base, result(majority, List.of("A", "B"), List.of(a),
                    List.of(worker), 0))).startsWith("the worker qualities differ: ");
            assertThat(AggregationDifference.first(base, result(majority, List.of("A", "B"), List.of(a), List.of(),
                    3))).isEqualTo("the priors, iterations or convergence differ: {}, 0, true vs {}, 3, true");
        }
    }

    @Nested
    class CheckResults {
        private static final CheckResult BASE = new CheckResult("range(age)", "range", List.of("age"), Severity.ERROR,
                Verdict.FAILED, "1 of 3 rows fail", 0.5, Threshold.atLeast(1), Double.NaN, 1,
                List.of(new FailingRow(2, "130")), ComponentSpec.parse("range(column=age, min=0, max=120)"));

        static Stream<Arguments> changes() {
            return Stream.of(
                    Arguments.of(change(r -> copy(r, "range(x)", r.type(), r.columns(), r.severity(), r.verdict(),
                            r.message(), r.measured(), r.threshold(), r.statistic(), r.failingRows(), r.sample(),
                            r.spec())), "the check differs: range(age) vs range(x)"),
                    Arguments.of(change(r -> copy(r, r.check(), "range2", r.columns(), r.severity(), r.verdict(),
                            r.message(), r.measured(), r.threshold(), r.statistic(), r.failingRows(), r.sample(),
                            r.spec())), "the type differs: range vs range2"),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), List.of("x"), r.severity(), r.verdict(),
                            r.message(), r.measured(), r.threshold(), r.statistic(), r.failingRows(), r.sample(),
                            r.spec())), "the column list differs: [age] vs [x]"),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), r.columns(), Severity.WARNING, r.verdict(),
                            r.message(), r.measured(), r.threshold(), r.statistic(), r.failingRows(), r.sample(),
                            r.spec())), "the severity differs: ERROR vs WARNING"),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), r.columns(), r.severity(), Verdict.PASSED,
                            r.message(), r.measured(), r.threshold(), r.statistic(), r.failingRows(), r.sample(),
                            r.spec())), "the verdict differs: FAILED vs PASSED"),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), r.columns(), r.severity(), r.verdict(),
                            "other", r.measured(), r.threshold(), r.statistic(), r.failingRows(), r.sample(),
                            r.spec())), "the message differs: 1 of 3 rows fail vs other"),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), r.columns(), r.severity(), r.verdict(),
                            r.message(), 0.25, r.threshold(), r.statistic(), r.failingRows(), r.sample(),
                            r.spec())), "the measured value differs: 0.5 vs 0.25"),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), r.columns(), r.severity(), r.verdict(),
                            r.message(), r.measured(), Threshold.atLeast(0.9), r.statistic(), r.failingRows(),
                            r.sample(), r.spec())), "the threshold differs: "),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), r.columns(), r.severity(), r.verdict(),
                            r.message(), r.measured(), r.threshold(), 2.0, r.failingRows(), r.sample(), r.spec())),
                            "the statistic differs: NaN vs 2.0"),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), r.columns(), r.severity(), r.verdict(),
                            r.message(), r.measured(), r.threshold(), r.statistic(), 2, r.sample(), r.spec())),
                            "the failing row count differs: 1 vs 2"),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), r.columns(), r.severity(), r.verdict(),
                            r.message(), r.measured(), r.threshold(), r.statistic(), r.failingRows(),
                            List.of(new FailingRow(1, "130")), r.spec())), "sampled row 0 differs: "),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), r.columns(), r.severity(), r.verdict(),
                            r.message(), r.measured(), r.threshold(), r.statistic(), r.failingRows(), List.of(),
                            r.spec())), "the sample holds 1 vs 0 rows"),
                    Arguments.of(change(r -> copy(r, r.check(), r.type(), r.columns(), r.severity(), r.verdict(),
                            r.message(), r.measured(), r.threshold(), r.statistic(), r.failingRows(), r.sample(),
                            ComponentSpec.parse("range(column=age)"))), "the spec differs: "));
        }

        private static CheckResult change(UnaryOperator<CheckResult> change) {
            return change.apply(BASE);
        }

        @SuppressWarnings("unused")
        private static CheckResult copy(CheckResult r, String check, String type, List<String> columns,
                Severity severity, Verdict verdict, String message, double measured, Threshold threshold,
                double statistic, long failingRows, List<FailingRow> sample, ComponentSpec spec) {
            return new CheckResult(check, type, columns, severity, verdict, message, measured, threshold, statistic,
                    failingRows, sample, spec);
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("changes")
        void namesTheFirstDifferingField(CheckResult changed, String message) {
            assertThat(CheckResultDifference.first(BASE, changed)).startsWith(message);
        }

        @Test
        void namesTheFirstDifferingResultOfAList() {
            CheckResult other = change(r -> copy(r, r.check(), r.type(), r.columns(), r.severity(), Verdict.PASSED,
                    r.message(), r.measured(), r.threshold(), r.statistic(), r.failingRows(), r.sample(), r.spec()));

            assertThat(CheckResultDifference.first(List.of(BASE, BASE), List.of(BASE, other)))
                    .isEqualTo("result 1 differs: the verdict differs: FAILED vs PASSED");
            assertThat(CheckResultDifference.first(List.of(BASE, BASE), List.of(BASE))).isEqualTo("2 results vs 1");
        }
    }

    @Nested
    class Bytes {
        private byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Test
        void namesTheFirstDifferingByteWithTextAroundIt() {
            assertThat(BytesDifference.first(utf8("id,city\n1,Köln\n"), utf8("id,city\n1,Koln\n")))
                    .isEqualTo("the output differs first at byte 11: \"\\u{f6}ln\\n\" vs \"oln\\n\"");
            assertThat(BytesDifference.first(utf8("a".repeat(30)), utf8("a".repeat(5) + "b".repeat(25))))
                    .isEqualTo("the output differs first at byte 5: \"" + "a".repeat(20) + "\"… vs \""
                            + "b".repeat(20) + "\"…");
        }

        @Test
        void aPrefixIsNamedByTheLengths() {
            assertThat(BytesDifference.first(utf8("abc"), utf8("abcd")))
                    .isEqualTo("the output holds 3 vs 4 bytes (equal up to byte 3)");
            assertThat(BytesDifference.first(utf8("abc"), utf8("abc"))).isEqualTo("the bytes are equal");
            assertThat(BytesDifference.first(utf8("abc"), utf8("xbc")))
                    .isEqualTo("the output differs first at byte 0: \"abc\" vs \"xbc\"");
        }
    }
}
