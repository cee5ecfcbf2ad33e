package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StratifiedSplitterTest {
    private static final SplitSets THREE = SplitSets.trainValidationTest(0.7, 0.15, 0.15);

    static Stream<Arguments> cases() {
        return SplitCases.cases("stratified");
    }

    /** Whether a class of n rows can have a row in every set with every count the floor or ceiling of its share. */
    private static boolean canReachEverySet(int n, List<Double> fractions) {
        int floors = 0;
        int zeroFloors = 0;
        for (double fraction : fractions) {
            int floor = (int) Math.floor(n * fraction);
            floors += floor;
            if (floor == 0) {
                zeroFloors++;
            }
        }
        return zeroFloors <= n - floors;
    }

    private static void assertWithinOneRowPerClass(Split split, Table table, String context) {
        CategoricalColumn labels = table.categoricalColumn("label");
        Map<String, Integer> sizes = SplitCases.classSizes(table);
        for (int s = 0; s < split.setNames().size(); s++) {
            String set = split.setNames().get(s);
            Map<String, Integer> counts = new java.util.TreeMap<>();
            for (int row : split.rows(set)) {
                counts.merge(labels.get(row), 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> size : sizes.entrySet()) {
                double exact = size.getValue() * split.sets().fractions().get(s);
                int count = counts.getOrDefault(size.getKey(), 0);
                assertThat((double) count).as("%s: class %s (%s rows) in set %s", context, size.getKey(), size.getValue(), set)
                        .isBetween(exact - 1 - 1e-9, exact + 1 + 1e-9);
                assertThat(split.report().classCounts().get(size.getKey()).get(set))
                        .as("%s: reported count of class %s in set %s", context, size.getKey(), set).isEqualTo(count);
                if (!split.report().classesNotInEverySet().contains(size.getKey())) {
                    assertThat(count).as("%s: class %s in set %s", context, size.getKey(), set).isPositive();
                }
            }
        }
    }

    @Nested
    class Properties {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.data.split.StratifiedSplitterTest#cases")
        void eachClassIsWithinOneRowOfItsShareInEverySetOrTheSplitIsRefused(SplitCases.Case c) {
            Table table = SplitCases.table(c);
            String context = c.toString();
            List<String> small = new ArrayList<>();
            SplitCases.classSizes(table).forEach((level, size) -> {
                if (!canReachEverySet(size, c.sets().fractions())) {
                    small.add(level);
                }
            });
            Splitter splitter = Splitters.stratified(c.sets(), "label", c.seed());
            if (c.rows() < c.sets().size() || !small.isEmpty()) {
                Throwable refused = catchThrowable(() -> splitter.split(table));
                assertThat(refused).as("%s: refusal with small classes %s", context, small).isInstanceOf(SplitException.class);
                if (c.rows() >= c.sets().size()) {
                    String level = small.get(0);
                    int size = SplitCases.classSizes(table).get(level);
                    assertThat(refused.getMessage()).as(context).contains("'" + level + "' (" + size
                            + (size == 1 ? " row)" : " rows)"));
                }
                return;
            }
            Split split = splitter.split(table);

            assertWithinOneRowPerClass(split, table, context);
            assertThat(split.report().held()).as(context)
                    .containsExactlyInAnyOrder(Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW, Guarantee.EVERY_CLASS_IN_EVERY_SET);
            assertThat(split.report().classesNotInEverySet()).as(context).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.data.split.StratifiedSplitterTest#cases")
        void theFallbackKeepsEveryClassWithinOneRowAndListsTheClassesNotInEverySet(SplitCases.Case c) {
            Table table = SplitCases.table(c);
            String context = c.toString();
            List<String> small = new ArrayList<>();
            SplitCases.classSizes(table).forEach((level, size) -> {
                if (!canReachEverySet(size, c.sets().fractions())) {
                    small.add(level);
                }
            });
            Splitter splitter = Splitters.stratified(c.sets(), "label", c.seed(), SmallClasses.ALLOW);
            Split split;
            try {
                split = splitter.split(table);
            } catch (SplitException refused) {
                assertThat(c.rows() < c.sets().size() || refused.getMessage().contains("empty"))
                        .as("%s: refused only for too few rows or an empty set: %s", context, refused.getMessage()).isTrue();
                return;
            }

            assertWithinOneRowPerClass(split, table, context);
            assertThat(split.report().classesNotInEverySet()).as(context).containsExactlyElementsOf(small);
            assertThat(split.report().holds(Guarantee.EVERY_CLASS_IN_EVERY_SET)).as(context).isEqualTo(small.isEmpty());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.data.split.StratifiedSplitterTest#cases")
        void theSplitDependsOnTheSeedAndTheContentOnly(SplitCases.Case c) {
            Table table = SplitCases.table(c);
            Splitter splitter = Splitters.stratified(c.sets(), "label", c.seed(), SmallClasses.ALLOW);
            if (c.rows() < c.sets().size()) {
                return;
            }
            Split split;
            try {
                split = splitter.split(table);
            } catch (SplitException refused) {
                return;
            }
            int[] reversed = new int[c.rows()];
            for (int i = 0; i < reversed.length; i++) {
                reversed[i] = c.rows() - 1 - i;
            }
            Table otherDictionaryOrder = table.rows(reversed).rows(reversed);

            assertThat(Splitters.stratified(c.sets(), "label", c.seed(), SmallClasses.ALLOW).split(otherDictionaryOrder))
                    .as(c.toString()).isEqualTo(split);
        }
    }

    @Test
    void theSweepSplitsMostOfItsCasesSoThePropertiesAreNotVacuous() {
        long split = cases().map(arguments -> (SplitCases.Case) arguments.get()[0]).filter(c -> {
            try {
                Splitters.stratified(c.sets(), "label", c.seed()).split(SplitCases.table(c));
                return true;
            } catch (SplitException refused) {
                return false;
            }
        }).count();

        assertThat(split).as("cases split without refusal, of %s", SplitCases.CASES).isGreaterThanOrEqualTo(SplitCases.CASES / 4);
    }

    @Nested
    class Refusals {

        @Test
        void aClassWithFewerRowsThanSetsIsNamedWithItsCount() {
            Table table = Table.builder().categorical("label", "a", "a", "a", "a", "a", "a", "a", "rare", "a", "rare").build();

            assertThatThrownBy(() -> Splitters.stratified(THREE, "label", 1).split(table))
                    .isInstanceOf(SplitException.class)
                    .hasMessageContaining("'rare' (2 rows)")
                    .hasMessageContaining("3 sets")
                    .hasMessageContaining("SmallClasses.ALLOW");
        }

        @Test
        void aClassOfOneRowIsOneRowAndTheRemedyCanBeSpelledByTheCaller() {
            Table table = Table.builder().categorical("label", "a", "a", "a", "a", "a", "a", "a", "rare", "a", "a").build();

            assertThatThrownBy(() -> Splitters.stratified(THREE, "label", 1).split(table))
                    .isInstanceOfSatisfying(SmallClassException.class, e -> {
                        assertThat(e.getMessage()).contains("class 'rare' (1 row) has too few rows",
                                "or pass SmallClasses.ALLOW (the setting smallClasses=allow) to split it");
                        assertThat(e.message("pass --allow-small-classes")).contains("or pass --allow-small-classes to split it")
                                .doesNotContain("SmallClasses");
                    });
        }

        @Test
        void aMissingLabelIsRefusedWithItsRow() {
            Table table = Table.builder().categorical("label", "a", "b", null, "a").build();

            assertThatThrownBy(() -> Splitters.stratified(SplitSets.trainTest(0.5, 0.5), "label", 1).split(table))
                    .isInstanceOf(SplitException.class)
                    .hasMessageContaining("'label'").hasMessageContaining("row 2");
        }

        @Test
        void aLabelThatIsNotCategoricalIsASchemaErrorNamingLabelType() {
            Table table = Table.builder().numeric("label", 1, 2, 3).build();

            assertThatThrownBy(() -> Splitters.stratified(THREE, "label", 1).split(table))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("'label'").hasMessageContaining("NUMERIC")
                    .hasMessageContaining("labelType=categorical");
        }

        @Test
        void aTimestampLabelIsRefusedEvenAsCategorical() {
            Table table = Table.builder().timestamp("label", java.time.Instant.EPOCH).build();

            assertThatThrownBy(() -> Splitters.stratified(THREE, "label", 1, SmallClasses.ALLOW, LabelType.CATEGORICAL)
                    .split(table)).isInstanceOf(SchemaException.class).hasMessageContaining("'label' is TIMESTAMP");
        }

        @Test
        void aBlankLabelNameIsRejected() {
            assertThatThrownBy(() -> Splitters.stratified(THREE, " ", 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
        }
    }

    @Test
    void aViewWhoseDictionaryNamesALevelNoRowHoldsSplitsTheClassesItHas() {
        Table table = Table.builder().categorical("label", "gone", "a", "b", "a", "b", "a", "b", "a", "b").build();
        Table view = table.rows(1, 2, 3, 4, 5, 6, 7, 8);

        Split split = Splitters.stratified(SplitSets.trainTest(0.5, 0.5), "label", 2).split(view);

        assertThat(split.report().classCounts()).containsOnlyKeys("a", "b");
        assertThat(split.report().classCounts().get("a")).containsEntry("train", 2).containsEntry("test", 2);
        assertThat(split.size("train")).isEqualTo(4);
    }

    @Nested
    class NumericLabels {
        /** 14 rows of class 0 and 6 of class 1, numeric as type inference reads them. */
        private final Table zeroOne = Table.builder()
                .numeric("y", 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0)
                .categorical("group", "a", "a", "b", "b", "c", "c", "d", "d", "e", "e", "f", "f", "g", "g", "h", "h",
                        "i", "i", "j", "j")
                .build();

        @Test
        void eachDistinctValueOfANumericLabelIsAClass() {
            Split split = Splitters.stratified(SplitSets.trainTest(0.5, 0.5), "y", 7, SmallClasses.REFUSE,
                    LabelType.CATEGORICAL).split(zeroOne);

            assertThat(split.report().classCounts()).containsOnlyKeys("0", "1");
            assertThat(split.report().classCounts().get("0")).containsExactly(entry("train", 7), entry("test", 7));
            assertThat(split.report().classCounts().get("1")).containsExactly(entry("train", 3), entry("test", 3));
            assertThat(split.report().held()).contains(Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW,
                    Guarantee.EVERY_CLASS_IN_EVERY_SET);
            assertThat(zeroOne.column("y").type()).isEqualTo(dev.mlops.core.table.ColumnType.NUMERIC);
        }

        @Test
        void aCategoricalLabelSplitsAlikeUnderEitherLabelType() {
            Table categorical = Table.builder().categorical("y", "0", "1", "0", "0", "1", "0", "0", "0", "1", "0").build();

            Split asCategorical = Splitters.stratified(SplitSets.trainTest(0.5, 0.5), "y", 3, SmallClasses.REFUSE,
                    LabelType.CATEGORICAL).split(categorical);
            Split inferred = Splitters.stratified(SplitSets.trainTest(0.5, 0.5), "y", 3).split(categorical);

            assertThat(asCategorical.rows("train")).containsExactly(inferred.rows("train"));
            assertThat(asCategorical.rows("test")).containsExactly(inferred.rows("test"));
        }

        @Test
        void stratifiedGroupedReadsANumericLabelToo() {
            Split split = Splitters.stratifiedGrouped(SplitSets.trainTest(0.5, 0.5), "y", "group", 7,
                    LabelType.CATEGORICAL).split(zeroOne);

            assertThat(split.report().classCounts()).containsOnlyKeys("0", "1");
            assertThat(split.report().held()).contains(Guarantee.GROUPS_INTACT);
        }

        @Test
        void theLabelTypeIsReadInAnyCaseAndABadOneIsNamed() {
            assertThat(LabelType.fromLabel(" Categorical ")).isEqualTo(LabelType.CATEGORICAL);
            assertThatThrownBy(() -> LabelType.fromLabel("numeric")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("labelType must be inferred or categorical but was 'numeric'");
        }
    }

    @Nested
    class Fallback {

        @Test
        void listsTheSmallClassesAndSaysSoInTheNotes() {
            Table table = Table.builder().categorical("label", "a", "a", "a", "a", "a", "a", "a", "rare", "a", "rare").build();

            Split split = Splitters.stratified(THREE, "label", 1, SmallClasses.ALLOW).split(table);

            assertThat(split.report().classesNotInEverySet()).containsExactly("rare");
            assertThat(split.report().held()).containsExactly(Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW);
            assertThat(split.report().notes()).singleElement().asString().contains("rare");
            assertThat(split.splitter().settings().get("smallClasses").textValue()).isEqualTo("allow");
            assertThat(split.splitter().settings().get("label").textValue()).isEqualTo("label");
        }
    }
}
