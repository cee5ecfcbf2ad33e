package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.GuaranteeReport;
import dev.mlops.data.split.LabelType;
import dev.mlops.data.split.SmallClasses;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitters;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The contract's checks catch a split whose report claims what does not hold. */
class SplitChecksTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Table TABLE = Table.builder()
            .categorical("label", "a", "a", "b", "b")
            .categorical("group", "g1", "g1", "g2", "g3")
            .timestamp("time", T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3))
            .build();

    /** A split that a registered splitter (named by its spec) did not make, claiming a guarantee. */
    private static Split claiming(Guarantee guarantee, String splitter, int[] train, int[] test) {
        return liar(splitter, SplitSets.trainTest(0.5, 0.5), TABLE, guarantee, train, test);
    }

    private static Split liar(String splitter, SplitSets sets, Table table, Guarantee guarantee, int[] first,
            int[] second) {
        return Split.builder(ComponentSpec.parse(splitter), sets, Fingerprint.of(table), table.rowCount())
                .set(sets.names().get(0), first).set(sets.names().get(1), second)
                .report(GuaranteeReport.of(EnumSet.of(guarantee))).build();
    }

    @Test
    void anHonestSplitPasses() {
        Split split = claiming(Guarantee.TIME_ORDERED, "temporal(time=time)", new int[] {0, 1}, new int[] {2, 3});

        assertThatCode(() -> {
            SplitChecks.isPartition(split, TABLE, "honest");
            SplitChecks.guaranteesHold(split, TABLE, "honest");
        }).doesNotThrowAnyException();
    }

    @Test
    void aNumericLabelReadAsCategoricalIsCheckedByItsDistinctValues() {
        Table numeric = Table.builder().numeric("y", 0, 0, 1, 1, 0, 0, 1, 1).build();
        Split honest = Splitters.stratified(SplitSets.trainTest(0.5, 0.5), "y", 1, SmallClasses.REFUSE,
                LabelType.CATEGORICAL).split(numeric);
        Split skewed = liar("stratified(label=y, seed=1, labelType=categorical)", SplitSets.trainTest(0.5, 0.5), numeric,
                Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW, new int[] {0, 1, 4, 5}, new int[] {2, 3, 6, 7});

        assertThatCode(() -> SplitChecks.guaranteesHold(honest, numeric, "honest")).doesNotThrowAnyException();
        assertThatThrownBy(() -> SplitChecks.guaranteesHold(skewed, numeric, "skewed")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("class '0'");
    }

    @Test
    void aFalseTimeOrderIsCaught() {
        Split split = claiming(Guarantee.TIME_ORDERED, "temporal(time=time)", new int[] {0, 2}, new int[] {1, 3});

        assertThatThrownBy(() -> SplitChecks.guaranteesHold(split, TABLE, "case 1")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("case 1").hasMessageContaining("set 'test'");
    }

    @Test
    void aGapThatIsNotRespectedIsCaught() {
        Split split = claiming(Guarantee.TIME_ORDERED, "temporal(time=time, gap=PT1S)",
                new int[] {0, 1}, new int[] {2, 3});

        assertThatThrownBy(() -> SplitChecks.guaranteesHold(split, TABLE, "gap")).isInstanceOf(AssertionError.class);
    }

    @Test
    void aGroupAcrossSetsIsCaught() {
        Split split = claiming(Guarantee.GROUPS_INTACT, "grouped(group=group, seed=1)", new int[] {0, 2}, new int[] {1, 3});

        assertThatThrownBy(() -> SplitChecks.guaranteesHold(split, TABLE, "groups")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("g1");
    }

    @Test
    void classCountsOutsideOneRowAreCaught() {
        Split fine = claiming(Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW, "stratified(label=label, seed=1)", new int[] {0, 2},
                new int[] {1, 3});

        assertThatCode(() -> SplitChecks.guaranteesHold(fine, TABLE, "fine")).doesNotThrowAnyException();
        Table skewed = Table.builder().categorical("label", "a", "a", "a", "b").build();
        Split lopsided = liar("stratified(label=label, seed=1)", SplitSets.trainTest(0.5, 0.5), skewed,
                Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW, new int[] {0, 1, 2}, new int[] {3});
        assertThatThrownBy(() -> SplitChecks.guaranteesHold(lopsided, skewed, "lopsided")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("class 'a'");
    }

    @Test
    void aMissingClassIsCaughtWhenEveryClassIsClaimedInEverySet() {
        Split split = claiming(Guarantee.EVERY_CLASS_IN_EVERY_SET, "stratified(label=label, seed=1)", new int[] {0, 1},
                new int[] {2, 3});

        assertThatThrownBy(() -> SplitChecks.guaranteesHold(split, TABLE, "classes")).isInstanceOf(AssertionError.class);
    }

    @Test
    void settingsThatDoNotNameTheColumnAreCaught() {
        Split split = claiming(Guarantee.GROUPS_INTACT, "random(seed=1)", new int[] {0, 1}, new int[] {2, 3});

        assertThatThrownBy(() -> SplitChecks.guaranteesHold(split, TABLE, "no group")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no group").hasMessageContaining("name the column");
    }

    @Test
    void setSizesOutsideOneRowAreCaught() {
        Split split = claiming(Guarantee.SET_SIZES_WITHIN_ONE_ROW, "random(seed=1)", new int[] {0, 1, 2}, new int[] {3});

        assertThatCode(() -> SplitChecks.guaranteesHold(split, TABLE, "3 of 4")).doesNotThrowAnyException();
        Split worse = liar("random(seed=1)", SplitSets.builder().add("a", 0.25).add("b", 0.75).build(), TABLE,
                Guarantee.SET_SIZES_WITHIN_ONE_ROW, new int[] {0, 1, 2}, new int[] {3});
        assertThatThrownBy(() -> SplitChecks.guaranteesHold(worse, TABLE, "sizes")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("set 'a'");
    }

    @Test
    void aWrongFingerprintIsCaught() {
        Split otherTable = Split.builder(ComponentSpec.parse("random(seed=1)"), SplitSets.trainTest(0.5, 0.5),
                Fingerprint.of(TABLE.head(3)), 4).set("train", new int[] {0, 1}).set("test", new int[] {2, 3})
                .report(GuaranteeReport.of(EnumSet.noneOf(Guarantee.class))).build();

        assertThatThrownBy(() -> SplitChecks.isPartition(otherTable, TABLE, "fingerprint"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("fingerprint");
    }
}
