package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Table;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowCountsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void countsOfConsecutivePartsAddUpToTheCountsOfTheWholeTable(long seed) {
        Random random = new Random(seed);
        int rows = 50 + random.nextInt(200);
        double[] values = new double[rows];
        for (int row = 0; row < rows; row++) {
            values[row] = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(100);
        }
        Table table = Table.builder().numeric("x", values).build();
        RangeCheck check = Checks.range("x", 10, 80).withMostly(0.7);
        int sampleSize = random.nextInt(12);
        int cut = random.nextInt(rows + 1);

        RowCounts whole = RowCounts.of(check.bind(table), rows, sampleSize);
        Table head = table.rows(java.util.stream.IntStream.range(0, cut).toArray());
        Table tail = table.rows(java.util.stream.IntStream.range(cut, rows).toArray());
        RowCounts added = RowCounts.of(check.bind(head), cut, sampleSize)
                .followedBy(RowCounts.of(check.bind(tail), rows - cut, sampleSize), sampleSize);

        assertThat(added).as("seed %d, cut at %d of %d, sample %d", seed, cut, rows, sampleSize).isEqualTo(whole);
        assertThat(added.result(check)).isEqualTo(check.run(table, CheckContext.defaults().withSampleSize(sampleSize)));
    }

    @Test
    void theResultOfNoJudgedRowIsNoDataSayingWhy() {
        RowCheck check = Checks.range("x", 0, 1);

        assertThat(new RowCounts(0, 0, 0, List.of()).result(check).message())
                .isEqualTo("range(x): no data: the table has no rows");
        assertThat(new RowCounts(3, 0, 0, List.of()).result(check).message())
                .isEqualTo("range(x): no data: none of the 3 rows has a value to judge");
        assertThat(new RowCounts(3, 0, 0, List.of()).result(check).verdict()).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void theResultJudgesTheShareByTheChecksOwnRule() {
        AllowedValuesCheck check = Checks.allowedValues("c", List.of("a")).toleratingUnseen(0.25);

        CheckResult atTolerance = new RowCounts(8, 4, 1, List.of(new FailingRow(5, "b"))).result(check);

        assertThat(atTolerance.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(atTolerance.measured()).isEqualTo(0.75);
        assertThat(atTolerance.failingRows()).isEqualTo(1);
        assertThat(atTolerance.sample()).containsExactly(new FailingRow(5, "b"));
        assertThat(atTolerance.message()).isEqualTo("allowed-values(c): 3 of 4 rows pass (75.00%), 1 fail;"
                + " needs a share >= 0.75");
        assertThat(new RowCounts(8, 4, 2, List.of()).result(check).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Nested
    class Adding {

        @Test
        void theNextSampleIsShiftedByTheseRowsAndCutToTheSampleSize() {
            RowCounts first = new RowCounts(10, 8, 2, List.of(new FailingRow(1, "a"), new FailingRow(7, "b")));
            RowCounts next = new RowCounts(5, 5, 2, List.of(new FailingRow(0, "c"), new FailingRow(4, "d")));

            assertThat(first.followedBy(next, 3)).isEqualTo(new RowCounts(15, 13, 4,
                    List.of(new FailingRow(1, "a"), new FailingRow(7, "b"), new FailingRow(10, "c"))));
            assertThat(first.followedBy(next, 1).sample()).containsExactly(new FailingRow(1, "a"));
            assertThat(first.followedBy(next, 0).sample()).isEmpty();
        }

        @Test
        void aRowNumberBeyondAnIntIsRefused() {
            RowCounts huge = new RowCounts(Integer.MAX_VALUE, 0, 0, List.of());
            RowCounts next = new RowCounts(2, 2, 1, List.of(new FailingRow(1, "x")));

            assertThatThrownBy(() -> huge.followedBy(next, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2147483648").hasMessageContaining("2147483647");
            assertThat(new RowCounts(Integer.MAX_VALUE - 1, 0, 0, List.of()).followedBy(next, 1).sample())
                    .containsExactly(new FailingRow(Integer.MAX_VALUE, "x"));
        }

        @Test
        void aNegativeSampleSizeIsRefused() {
            RowCounts none = new RowCounts(0, 0, 0, List.of());

            assertThatThrownBy(() -> none.followedBy(none, -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }
    }

    @Nested
    class Validation {

        @Test
        void countsOutOfOrderAreRefused() {
            assertThatThrownBy(() -> new RowCounts(2, 3, 0, List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0, 0, 3, 2");
            assertThatThrownBy(() -> new RowCounts(3, 2, 3, List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new RowCounts(3, 2, 0, List.of(new FailingRow(0, "x"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new RowCounts(3, 2, -1, List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThat(new RowCounts(3, 3, 3, List.of(new FailingRow(0, "x"))).failing()).isEqualTo(3);
        }

        @Test
        void negativeRowsOrSampleSizesAreRefused() {
            RowRule rule = Checks.complete("x").bind(Table.builder().numeric("x", 1).build());

            assertThatThrownBy(() -> RowCounts.of(rule, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
            assertThatThrownBy(() -> RowCounts.of(rule, 1, -2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-2");
            assertThat(RowCounts.of(rule, 0, 0)).isEqualTo(new RowCounts(0, 0, 0, List.of()));
        }
    }
}
