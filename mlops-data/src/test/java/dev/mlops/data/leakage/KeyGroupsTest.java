package dev.mlops.data.leakage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {

    /** Every row hashes alike: only the confirmation by value may group rows. */
    private static final class Colliding extends RowKey {
        private final int[] values;

        Colliding(int... values) {
            super(List.of());
            this.values = values;
        }

        @Override
        long hash(int row) {
            return 42;
        }

        @Override
        long valueHash(int c, Column column, int row) {
            throw new AssertionError("hash(int) is overridden; no column is hashed");
        }

        @Override
        boolean same(int a, int b) {
            return values[a] == values[b];
        }

        @Override
        String describe(int row) {
            return "v=" + values[row];
        }
    }

    @Nested
    class Grouping {

        @Test
        void aHashCollisionNeverGroupsUnequalRows() {
            List<int[]> groups = KeyGroups.find(new Colliding(1, 2, 3, 2, 4, 1, 2), new int[] {0, 1, 2, 3, 4, 5, 6});

            assertThat(groups).containsExactly(new int[] {0, 5}, new int[] {1, 3, 6});
        }

        @Test
        void onlyTheGivenRowsTakePart() {
            List<int[]> groups = KeyGroups.find(new Colliding(1, 1, 1, 2, 2), new int[] {0, 2, 3});

            assertThat(groups).containsExactly(new int[] {0, 2});
        }

        @Test
        void noRowsGiveNoGroups() {
            assertThat(KeyGroups.find(new Colliding(), new int[0])).isEmpty();
        }
    }

    @Nested
    class Keys {

        @Test
        void missingDiffersFromNaNAndViewsHashLikeTheirBase() {
            Table table = Table.rowBuilder(dev.mlops.core.table.Schema.of(
                            dev.mlops.core.table.Field.of("x", dev.mlops.core.table.ColumnType.NUMERIC),
                            dev.mlops.core.table.Field.of("c", dev.mlops.core.table.ColumnType.CATEGORICAL)))
                    .addRow(Double.NaN, "b").addRow(null, "b").addRow(Double.NaN, "a").addRow(Double.NaN, "b")
                    .build();
            RowKey key = RowKey.exact(table, List.of("x", "c"));
            Table reversed = table.rows(3, 2, 1, 0);
            RowKey view = RowKey.exact(reversed, List.of("x", "c"));

            assertThat(key.hash(0)).isNotEqualTo(key.hash(1)).isNotEqualTo(key.hash(2)).isEqualTo(key.hash(3));
            assertThat(key.same(0, 3)).isTrue();
            assertThat(key.same(0, 1)).isFalse();
            assertThat(view.hash(0)).isEqualTo(key.hash(3));
            assertThat(view.hash(2)).isEqualTo(key.hash(1));
        }

        @Test
        void theNormalizedKeyRoundsSignificantDigitsAndFoldsCaseAndSpace() {
            Table table = Table.builder()
                    .numeric("x", -0.0, 0.0, 123456.0, 123449.0, 1.0e-7, 1.04e-7)
                    .text("t", "São  Paulo", "são paulo ", "A\tb", "a b", "x", "X")
                    .build();
            RowKey key = RowKey.normalized(table, List.of("x", "t"), 2);

            assertThat(key.same(0, 1)).isTrue();
            assertThat(key.hash(0)).isEqualTo(key.hash(1));
            assertThat(key.same(2, 3)).isTrue();
            assertThat(key.hash(2)).isEqualTo(key.hash(3));
            assertThat(key.same(4, 5)).isTrue();
            assertThat(key.same(1, 2)).isFalse();
            assertThat(RowKey.exact(table, List.of("x")).same(0, 1)).isFalse();
        }
    }
}
