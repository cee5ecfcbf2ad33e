package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SplitTest {
    private static final SplitSets TWO = SplitSets.trainTest(0.5, 0.5);
    private static final Table FOUR = Table.builder().numeric("x", 1, 2, 3, 4).build();

    private static final ComponentSpec CUSTOM = ComponentSpec.parse("custom(k=v, seed=1)");

    private static Split of(List<int[]> rows, int[] excluded) {
        Split.Builder builder = builder().excluded(excluded);
        for (int s = 0; s < rows.size(); s++) {
            builder.set(TWO.names().get(s), rows.get(s));
        }
        return builder.build();
    }

    private static Split.Builder builder() {
        return Split.builder(CUSTOM, TWO, Fingerprint.of(FOUR), 4).report(GuaranteeReport.of(EnumSet.noneOf(Guarantee.class)));
    }

    @Nested
    class Builder {

        @Test
        void aPartitionIsAccepted() {
            Split split = of(List.of(new int[] {0, 3}, new int[] {1}), new int[] {2});

            assertThat(split.rows("train")).containsExactly(0, 3);
            assertThat(split.excludedRows()).containsExactly(2);
            assertThat(split.splitter()).isEqualTo(CUSTOM);
            assertThat(split.seed()).hasValue(1);
        }

        @Test
        void setsMayBeGivenInAnyOrderAndTheSplitterAsAComponent() {
            Splitter splitter = Splitters.random(TWO, 7);
            Split split = Split.builder(splitter, TWO, Fingerprint.of(FOUR), 4).set("test", new int[] {1, 2})
                    .set("train", new int[] {0, 3}).report(GuaranteeReport.of(EnumSet.noneOf(Guarantee.class))).build();

            assertThat(split.splitter()).isEqualTo(splitter.spec());
            assertThat(split.rows("test")).containsExactly(1, 2);
            assertThat(split.excludedRows()).isEmpty();
        }

        @Test
        void anEmptySetIsRefused() {
            assertThatThrownBy(() -> builder().set("train", new int[] {0, 1, 2, 3}).set("test", new int[0]).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("set 'test' is empty; a split gives every set at least one row (a splitter refuses such a"
                            + " table with a SplitException instead)");
        }

        @Test
        void aSetWithoutRowsIsRefused() {
            assertThatThrownBy(() -> builder().set("train", new int[] {0, 1, 2, 3}).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("set 'test' has no rows; call set(\"test\", rows) for each of the sets [train, test]");
        }

        @Test
        void aSetGivenTwiceOrUnknownIsRefused() {
            assertThatThrownBy(() -> builder().set("train", new int[] {0}).set("train", new int[] {1}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("set 'train' already has its rows");
            assertThatThrownBy(() -> builder().set("validation", new int[] {0}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no set named 'validation'; the sets are [train, test]");
        }

        @Test
        void aReportIsRequired() {
            assertThatThrownBy(() -> Split.builder(CUSTOM, TWO, Fingerprint.of(FOUR), 4).set("train", new int[] {0, 1})
                    .set("test", new int[] {2, 3}).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a split needs its guarantee report; call report(...) before build()");
        }

        @Test
        void aNegativeRowCountIsRefused() {
            assertThatThrownBy(() -> Split.builder(CUSTOM, TWO, Fingerprint.of(FOUR), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("rowCount must not be negative but was -1");
        }

        @Test
        void aRowInTwoSetsIsRejected() {
            assertThatThrownBy(() -> of(List.of(new int[] {0, 1}, new int[] {1, 2, 3}), new int[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("row 1 of set 'test' is also in another set");
        }

        @Test
        void aRowInNoSetIsRejected() {
            assertThatThrownBy(() -> of(List.of(new int[] {0, 1}, new int[] {3}), new int[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row 2 is in no set and not excluded; a split covers all 4 rows");
        }

        @Test
        void rowsOutOfOrderOrRangeAreRejected() {
            assertThatThrownBy(() -> of(List.of(new int[] {1, 0}, new int[] {2, 3}), new int[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rows of set 'train' must be ascending rows of [0, 4) but hold 0 after 1");
            assertThatThrownBy(() -> of(List.of(new int[] {0, 1}, new int[] {2, 3, 4}), new int[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rows of set 'test' must be ascending rows of [0, 4) but hold 4 after 3");
            assertThatThrownBy(() -> of(List.of(new int[] {0, 1}, new int[] {3}), new int[] {3}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row 3 of the excluded rows is also in another set");
            assertThatThrownBy(() -> of(List.of(new int[] {0, 0, 1}, new int[] {2, 3}), new int[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rows of set 'train' must be ascending rows of [0, 4) but hold 0 after 0");
        }

        @Test
        void theRowsGivenAndHandedOutAreCopies() {
            int[] train = {0, 3};
            Split split = builder().set("train", train).set("test", new int[] {1, 2}).build();

            train[0] = 1;
            split.rows("train")[0] = 2;

            assertThat(split.rows("train")).containsExactly(0, 3);
        }
    }

    @Nested
    class Use {

        @Test
        void setIsAViewOfTheTablesRows() {
            Split split = Splitters.random(TWO, 5).split(FOUR);

            assertThat(split.set(FOUR, "train")).isEqualTo(FOUR.rows(split.rows("train")));
            assertThat(split.matches(FOUR)).isTrue();
            assertThat(split.matches(FOUR.head(3))).isFalse();
            assertThatThrownBy(() -> split.set(FOUR.head(3), "train")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3 rows").hasMessageContaining("4 rows");
            assertThatThrownBy(() -> split.set(FOUR, "validation")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'validation'");
        }

        @Test
        void toStringNamesTheSplitterSizesAndGuarantees() {
            Split split = Splitters.random(TWO, 5).split(FOUR);

            assertThat(split).hasToString("Split[random(sizes=\"train=0.5,test=0.5\", seed=5), 4 rows: train=2, test=2,"
                    + " held [SET_SIZES_WITHIN_ONE_ROW], table " + Fingerprint.of(FOUR) + "]");
            assertThat(of(List.of(new int[] {0, 3}, new int[] {1}), new int[] {2}).toString())
                    .contains("4 rows: train=2, test=1, excluded=1, held []");
        }

        @Test
        void aListOfAnotherSizeIsRefused() {
            Split split = Splitters.random(TWO, 5).split(FOUR);

            assertThatThrownBy(() -> split.set(List.of("a", "b", "c"), "train"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the list has 3 rows but the split was made for 4 rows");
            assertThat(split.set(List.of("a", "b", "c", "d"), "test")).hasSize(2);
        }

        @Test
        void equalityCoversEveryPart() {
            Split split = of(List.of(new int[] {0, 3}, new int[] {1}), new int[] {2});
            Split same = of(List.of(new int[] {0, 3}, new int[] {1}), new int[] {2});

            assertThat(split).isEqualTo(split).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(null)
                    .isNotEqualTo(split.toString())
                    .isNotEqualTo(of(List.of(new int[] {0}, new int[] {1, 3}), new int[] {2}))
                    .isNotEqualTo(of(List.of(new int[] {0, 2, 3}, new int[] {1}), new int[0]))
                    .isNotEqualTo(Split.builder(ComponentSpec.parse("custom(k=w, seed=1)"), TWO, Fingerprint.of(FOUR), 4)
                            .set("train", new int[] {0, 3}).set("test", new int[] {1}).excluded(new int[] {2})
                            .report(GuaranteeReport.of(EnumSet.noneOf(Guarantee.class))).build())
                    .isNotEqualTo(builder().set("train", new int[] {0, 3}).set("test", new int[] {1})
                            .excluded(new int[] {2}).report(GuaranteeReport.of(EnumSet.of(Guarantee.TIME_ORDERED))).build());
            assertThat(split.hashCode()).isNotEqualTo(of(List.of(new int[] {0}, new int[] {1, 3}), new int[] {2})
                    .hashCode());
        }

        @Test
        void aSplitOfNoRowsCannotBeBuilt() {
            assertThatThrownBy(() -> Split.builder(CUSTOM, TWO, Fingerprint.of(FOUR.head(0)), 0).set("train", new int[0])
                    .set("test", new int[0]).report(GuaranteeReport.of(EnumSet.noneOf(Guarantee.class))).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is empty");
        }
    }

    @Nested
    class Lists {
        record Order(String customer, String label, Instant time) {
        }

        private List<Order> orders() {
            List<Order> orders = new ArrayList<>();
            Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
            for (int i = 0; i < 60; i++) {
                orders.add(new Order("c" + (i % 15), i % 3 == 0 ? "fraud" : "ok", t0.plusSeconds(i)));
            }
            return orders;
        }

        @Test
        void aListSplitsThroughItsKeysAndGivesItsItemsBack() {
            List<Order> orders = orders();

            Split split = Splitters.grouped(TWO, "customer", 3).split(orders, ItemKeys.<Order>none()
                    .categorical("customer", Order::customer));

            List<Order> train = split.set(orders, "train");
            List<Order> test = split.set(orders, "test");
            assertThat(train.size() + test.size()).isEqualTo(60);
            assertThat(train).extracting(Order::customer).doesNotContainAnyElementsOf(
                    test.stream().map(Order::customer).toList());
        }

        @Test
        void stratifiedAndTemporalSplitsOfAListKeepTheirGuarantees() {
            List<Order> orders = orders();
            ItemKeys<Order> keys = ItemKeys.<Order>none().categorical("label", Order::label).timestamp("time", Order::time);

            Split stratified = Splitters.stratified(TWO, "label", 1).split(orders, keys);
            Split temporal = Splitters.temporal(TWO, "time").split(orders, keys);

            assertThat(stratified.set(orders, "train")).filteredOn(o -> o.label().equals("fraud")).hasSize(10);
            assertThat(temporal.set(orders, "train")).containsExactlyElementsOf(orders.subList(0, 30));
        }

        @Test
        void aRandomSplitOfAListNeedsNoKeys() {
            List<String> items = List.of("a", "b", "c", "d");

            Split split = Splitters.random(TWO, 2).split(items, ItemKeys.none());

            assertThat(split.set(items, "train")).hasSize(2);
            assertThat(split.fingerprint()).isEqualTo(Fingerprint.of(ItemKeys.<String>none().table(items)));
        }

        @Test
        void keyNamesMustBeNew() {
            assertThatThrownBy(() -> ItemKeys.<Order>none().categorical("item", Order::label))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'item'");
            assertThatThrownBy(() -> ItemKeys.<Order>none().categorical("x", Order::label).timestamp("x", Order::time))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        }
    }
}
