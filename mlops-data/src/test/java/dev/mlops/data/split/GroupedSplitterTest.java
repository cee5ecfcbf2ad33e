package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GroupedSplitterTest {

    static Stream<Arguments> cases() {
        return SplitCases.cases("grouped");
    }

    private static void assertNoGroupInTwoSets(Split split, Table table, String context) {
        CategoricalColumn groups = table.categoricalColumn("group");
        Map<String, String> setOfGroup = new HashMap<>();
        for (String set : split.setNames()) {
            assertThat(split.size(set)).as("%s: set %s", context, set).isPositive();
            for (int row : split.rows(set)) {
                String previous = setOfGroup.putIfAbsent(groups.get(row), set);
                assertThat(previous == null ? set : previous).as("%s: group %s", context, groups.get(row)).isEqualTo(set);
            }
        }
    }

    private static long distinctGroups(Table table) {
        CategoricalColumn groups = table.categoricalColumn("group");
        return java.util.stream.IntStream.range(0, table.rowCount()).mapToObj(groups::get).distinct().count();
    }

    @Nested
    class Properties {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.data.split.GroupedSplitterTest#cases")
        void noGroupIsInTwoSetsAndNoSetIsEmptyWhenThereAreEnoughGroups(SplitCases.Case c) {
            Table table = SplitCases.table(c);
            long groups = distinctGroups(table);
            Splitter splitter = Splitters.grouped(c.sets(), "group", c.seed());
            if (groups < c.sets().size()) {
                assertThatThrownBy(() -> splitter.split(table)).as(c.toString()).isInstanceOf(SplitException.class)
                        .hasMessageContaining(groups + " distinct values");
                return;
            }
            Split split = splitter.split(table);

            assertNoGroupInTwoSets(split, table, c.toString());
            assertThat(split.report().held()).containsExactly(Guarantee.GROUPS_INTACT);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.data.split.GroupedSplitterTest#cases")
        void stratifiedGroupedKeepsGroupsIntactAndReportsTheClassCounts(SplitCases.Case c) {
            Table table = SplitCases.table(c);
            if (distinctGroups(table) < c.sets().size()) {
                return;
            }
            Split split = Splitters.stratifiedGrouped(c.sets(), "label", "group", c.seed()).split(table);

            assertNoGroupInTwoSets(split, table, c.toString());
            CategoricalColumn labels = table.categoricalColumn("label");
            for (String set : split.setNames()) {
                Map<String, Integer> counts = new HashMap<>();
                for (int row : split.rows(set)) {
                    counts.merge(labels.get(row), 1, Integer::sum);
                }
                split.report().classCounts().forEach((level, perSet) ->
                        assertThat(perSet.get(set)).as("%s: class %s in set %s", c, level, set)
                                .isEqualTo(counts.getOrDefault(level, 0)));
            }
            assertThat(split.report().classCounts()).as(c.toString()).containsOnlyKeys(SplitCases.classSizes(table).keySet());
        }
    }

    @Test
    void groupsOfEqualSizeAreSharedOutEvenly() {
        CategoricalColumn.Builder groups = CategoricalColumn.builder("customer");
        for (int g = 0; g < 100; g++) {
            for (int r = 0; r < 3; r++) {
                groups.add("customer-" + g);
            }
        }
        Table table = Table.of(groups.build());

        Split split = Splitters.grouped(SplitSets.trainTest(0.8, 0.2), "customer", 4).split(table);

        assertThat(split.size("train")).isEqualTo(240);
        assertThat(split.size("test")).isEqualTo(60);
        assertThat(split.report().notes()).containsExactly("achieved fractions with whole groups: train 0.8000, test 0.2000"
                + " (100 groups)");
    }

    @Test
    void textAndNumericGroupKeysWork() {
        Table text = Table.builder().text("id", "a", "b", "a", "c", "b", "d").build();
        Table numeric = Table.builder().numeric("id", 1, 2, 1, 3, 2, 4).build();
        SplitSets sets = SplitSets.trainTest(0.5, 0.5);

        Split byText = Splitters.grouped(sets, "id", 1).split(text);
        Split byNumber = Splitters.grouped(sets, "id", 1).split(numeric);

        for (Split split : new Split[] {byText, byNumber}) {
            assertThat(split.rows("train")).doesNotContain(split.rows("test"));
            int[] train = split.rows("train");
            assertThat(contains(train, 0)).isEqualTo(contains(train, 2));
            assertThat(contains(train, 1)).isEqualTo(contains(train, 4));
        }
    }

    private static boolean contains(int[] rows, int row) {
        return java.util.Arrays.binarySearch(rows, row) >= 0;
    }

    @Test
    void aMissingGroupKeyIsRefusedWithItsRow() {
        Table table = Table.builder().categorical("id", "a", "b", null).build();

        assertThatThrownBy(() -> Splitters.grouped(SplitSets.trainTest(0.5, 0.5), "id", 1).split(table))
                .isInstanceOf(SplitException.class).hasMessageContaining("'id'").hasMessageContaining("row 2");
    }

    @Test
    void aBooleanGroupColumnIsRefused() {
        Table table = Table.builder().bool("id", true, false, true).build();

        assertThatThrownBy(() -> Splitters.grouped(SplitSets.trainTest(0.5, 0.5), "id", 1).split(table))
                .isInstanceOf(SplitException.class).hasMessageContaining("BOOLEAN");
    }

    @Test
    void mixedGroupsAreNotedInTheStratifiedGroupedReport() {
        Table table = Table.builder()
                .categorical("group", "g1", "g1", "g2", "g3", "g4")
                .categorical("label", "yes", "no", "no", "yes", "no")
                .build();

        Split split = Splitters.stratifiedGrouped(SplitSets.trainTest(0.5, 0.5), "label", "group", 1).split(table);

        assertThat(split.report().notes()).hasSize(2);
        assertThat(split.report().notes().get(0)).startsWith("achieved fractions with whole groups: train 0.").endsWith("(4 groups)");
        assertThat(split.report().notes().get(1)).startsWith("1 groups hold more than one class");
        assertThat(split.splitter().toString())
                .isEqualTo("stratified-grouped(sizes=\"train=0.5,test=0.5\", label=label, group=group, seed=1, labelType=inferred)");
    }
}
