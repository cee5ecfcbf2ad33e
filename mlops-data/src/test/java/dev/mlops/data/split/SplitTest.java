package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SplitTest {
    private static final SplitSets TWO = SplitSets.trainTest(0.5, 0.5);
    private static final Table FOUR = Table.builder().numeric("x", 1, 2, 3, 4).build();

    private static Split of(List<int[]> rows, int[] excluded) {
        return Split.of("custom", Map.of("k", "v"), OptionalLong.of(1), TWO, Fingerprint.of(FOUR), 4, rows, excluded,
                GuaranteeReport.of(EnumSet.noneOf(Guarantee.class)));
    }

    @Nested
    class Invariants {

        @Test
        void aPartitionIsAccepted() {
            Split split = of(List.of(new int[] {0, 3}, new int[] {1}), new int[] {2});

            assertThat(split.rows("train")).containsExactly(0, 3);
            assertThat(split.excludedRows()).containsExactly(2);
            assertThat(split.settings()).containsEntry("k", "v");
        }

        @Test
        void aRowInTwoSetsIsRejected() {
            assertThatThrownBy(() -> of(List.of(new int[] {0, 1}, new int[] {1, 2, 3}), new int[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 of set 'test'");
        }

        @Test
        void aRowInNoSetIsRejected() {
            assertThatThrownBy(() -> of(List.of(new int[] {0, 1}, new int[] {3}), new int[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2 is in no set");
        }

        @Test
        void rowsOutOfOrderOrRangeAreRejected() {
            assertThatThrownBy(() -> of(List.of(new int[] {1, 0}, new int[] {2, 3}), new int[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
            assertThatThrownBy(() -> of(List.of(new int[] {0, 1}, new int[] {2, 3, 4}), new int[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4");
        }

        @Test
        void oneArrayPerSetIsRequired() {
            assertThatThrownBy(() -> of(List.of(new int[] {0, 1, 2, 3}), new int[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one array per set");
        }

        @Test
        void theRowsHandedOutAreCopies() {
            Split split = of(List.of(new int[] {0, 3}, new int[] {1, 2}), new int[0]);

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

            assertThat(split.toString()).contains("random", "seed 5", "train=2", "test=2", "SET_SIZES_WITHIN_ONE_ROW");
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
