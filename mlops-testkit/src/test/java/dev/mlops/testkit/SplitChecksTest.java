package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.GuaranteeReport;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitters;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The contract's checks catch a split whose report claims what does not hold. */
class SplitChecksTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Table TABLE = Table.builder()
            .categorical("label", "a", "a", "b", "b")
            .categorical("group", "g1", "g1", "g2", "g3")
            .timestamp("time", T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3))
            .build();

    private static Split claiming(Guarantee guarantee, Map<String, String> settings, int[] train, int[] test) {
        return Split.of("liar", settings, OptionalLong.of(1), SplitSets.trainTest(0.5, 0.5), Fingerprint.of(TABLE), 4,
                List.of(train, test), new int[0], GuaranteeReport.of(EnumSet.of(guarantee)));
    }

    @Test
    void anHonestSplitPasses() {
        Split split = claiming(Guarantee.TIME_ORDERED, Map.of(Splitters.TIME, "time"), new int[] {0, 1}, new int[] {2, 3});

        assertThatCode(() -> {
            SplitChecks.isPartition(split, TABLE, "honest");
            SplitChecks.guaranteesHold(split, TABLE, "honest");
        }).doesNotThrowAnyException();
    }

    @Test
    void aFalseTimeOrderIsCaught() {
        Split split = claiming(Guarantee.TIME_ORDERED, Map.of(Splitters.TIME, "time"), new int[] {0, 2}, new int[] {1, 3});

        assertThatThrownBy(() -> SplitChecks.guaranteesHold(split, TABLE, "case 1")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("case 1").hasMessageContaining("set 'test'");
    }

    @Test
    void aGapThatIsNotRespectedIsCaught() {
        Split split = claiming(Guarantee.TIME_ORDERED, Map.of(Splitters.TIME, "time", Splitters.GAP, "PT1S"),
                new int[] {0, 1}, new int[] {2, 3});

        assertThatThrownBy(() -> SplitChecks.guaranteesHold(split, TABLE, "gap")).isInstanceOf(AssertionError.class);
    }

    @Test
    void aGroupAcrossSetsIsCaught() {
        Split split = claiming(Guarantee.GROUPS_INTACT, Map.of(Splitters.GROUP, "group"), new int[] {0, 2}, new int[] {1, 3});

        assertThatThrownBy(() -> SplitChecks.guaranteesHold(split, TABLE, "groups")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("g1");
    }

    @Test
    void classCountsOutsideOneRowAreCaught() {
        Split fine = claiming(Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW, Map.of(Splitters.LABEL, "label"), new int[] {0, 2},
                new int[] {1, 3});

        assertThatCode(() -> SplitChecks.guaranteesHold(fine, TABLE, "fine")).doesNotThrowAnyException();
        Table skewed = Table.builder().categorical("label", "a", "a", "a", "a").categorical("group", "g", "g", "g", "g")
                .timestamp("time", T0, T0, T0, T0).build();
        Split lopsided = Split.of("liar", Map.of(Splitters.LABEL, "label"), OptionalLong.of(1), SplitSets.trainTest(0.5, 0.5),
                Fingerprint.of(skewed), 4, List.of(new int[] {0, 1, 2, 3}, new int[0]), new int[0],
                GuaranteeReport.of(EnumSet.of(Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW)));
        assertThatThrownBy(() -> SplitChecks.guaranteesHold(lopsided, skewed, "lopsided")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("class 'a'");
    }

    @Test
    void aMissingClassIsCaughtWhenEveryClassIsClaimedInEverySet() {
        Split split = claiming(Guarantee.EVERY_CLASS_IN_EVERY_SET, Map.of(Splitters.LABEL, "label"), new int[] {0, 1},
                new int[] {2, 3});

        assertThatThrownBy(() -> SplitChecks.guaranteesHold(split, TABLE, "classes")).isInstanceOf(AssertionError.class);
    }

    @Test
    void setSizesOutsideOneRowAreCaught() {
        Split split = Split.of("liar", Map.of(), OptionalLong.of(1), SplitSets.trainTest(0.5, 0.5), Fingerprint.of(TABLE), 4,
                List.of(new int[] {0, 1, 2}, new int[] {3}), new int[0],
                GuaranteeReport.of(EnumSet.of(Guarantee.SET_SIZES_WITHIN_ONE_ROW)));

        assertThatCode(() -> SplitChecks.guaranteesHold(split, TABLE, "3 of 4")).doesNotThrowAnyException();
        Split worse = Split.of("liar", Map.of(), OptionalLong.of(1), SplitSets.builder().add("a", 0.25).add("b", 0.75).build(),
                Fingerprint.of(TABLE), 4, List.of(new int[] {0, 1, 2}, new int[] {3}), new int[0],
                GuaranteeReport.of(EnumSet.of(Guarantee.SET_SIZES_WITHIN_ONE_ROW)));
        assertThatThrownBy(() -> SplitChecks.guaranteesHold(worse, TABLE, "sizes")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("set 'a'");
    }

    @Test
    void anEmptySetOrAWrongFingerprintIsCaught() {
        Split empty = claiming(Guarantee.TIME_ORDERED, Map.of(Splitters.TIME, "time"), new int[] {0, 1, 2, 3}, new int[0]);
        Split otherTable = Split.of("liar", Map.of(), OptionalLong.of(1), SplitSets.trainTest(0.5, 0.5),
                Fingerprint.of(TABLE.head(3)), 4, List.of(new int[] {0, 1}, new int[] {2, 3}), new int[0],
                GuaranteeReport.of(EnumSet.noneOf(Guarantee.class)));

        assertThatThrownBy(() -> SplitChecks.isPartition(empty, TABLE, "empty")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("set 'test' must not be empty");
        assertThatThrownBy(() -> SplitChecks.isPartition(otherTable, TABLE, "fingerprint"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("fingerprint");
    }
}
