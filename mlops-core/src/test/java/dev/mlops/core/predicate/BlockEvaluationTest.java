package dev.mlops.core.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the block evaluation chooses its work, which the results alone do not show: {@code and}
 * and {@code or} test the undecided rows one at a time only when fewer than an eighth of the
 * block is undecided, and large tables are cut into partitions of whole blocks that cover every
 * row once.
 */
class BlockEvaluationTest {

    /** Passes every third row and counts how it was asked. */
    private static final class Counting implements Evaluator {
        int tests;
        int evaluations;

        @Override
        public boolean test(int row) {
            tests++;
            return row % 3 == 0;
        }

        @Override
        public void evaluate(int from, int count, long[] words, Scratch scratch, int depth) {
            evaluations++;
            Evaluator.super.evaluate(from, count, words, scratch, depth);
            tests -= count;
        }
    }

    /** A bitmap of 128 rows with the given rows set. */
    private static long[] bitmap(int setRows) {
        long[] words = new long[2];
        for (int row = 0; row < setRows; row++) {
            words[row >>> 6] |= 1L << row;
        }
        return words;
    }

    /** The rows below 128 of {@code words} that are also multiples of 3. */
    private static long[] andEveryThird(long[] words) {
        long[] expected = words.clone();
        for (int row = 0; row < 128; row++) {
            if (row % 3 != 0) {
                expected[row >>> 6] &= ~(1L << row);
            }
        }
        return expected;
    }

    @Nested
    class And {

        @Test
        void fewerThanAnEighthUndecidedAreTestedOneByOne() {
            Counting counting = new Counting();
            long[] words = bitmap(15);
            long[] expected = andEveryThird(words);

            counting.and(0, 128, words, new Scratch(128), 0);

            assertThat(counting.tests).isEqualTo(15);
            assertThat(counting.evaluations).isZero();
            assertThat(words).containsExactly(expected);
        }

        @ParameterizedTest
        @ValueSource(ints = {16, 17, 128})
        void anEighthOrMoreUndecidedEvaluatesTheBlock(int undecided) {
            Counting counting = new Counting();
            long[] words = bitmap(undecided);
            long[] expected = andEveryThird(words);

            counting.and(0, 128, words, new Scratch(128), 0);

            assertThat(counting.tests).isZero();
            assertThat(counting.evaluations).isEqualTo(1);
            assertThat(words).containsExactly(expected);
        }
    }

    @Nested
    class Or {

        @Test
        void fewerThanAnEighthUndecidedAreTestedOneByOne() {
            Counting counting = new Counting();
            long[] words = bitmap(128 - 15);

            counting.or(0, 128, words, new Scratch(128), 0);

            assertThat(counting.tests).isEqualTo(15);
            assertThat(counting.evaluations).isZero();
            assertThat(words[0]).isEqualTo(-1L);
            assertThat(words[1]).isEqualTo(bitmap(128 - 15)[1] | 1L << (114 - 64) | 1L << (117 - 64)
                    | 1L << (120 - 64) | 1L << (123 - 64) | 1L << (126 - 64));
        }

        @ParameterizedTest
        @ValueSource(ints = {16, 17, 128})
        void anEighthOrMoreUndecidedEvaluatesTheBlock(int undecided) {
            Counting counting = new Counting();
            long[] words = bitmap(128 - undecided);

            counting.or(0, 128, words, new Scratch(128), 0);

            assertThat(counting.tests).isZero();
            assertThat(counting.evaluations).isEqualTo(1);
            for (int row = 0; row < 128; row++) {
                assertThat((words[row >>> 6] >>> row & 1L) == 1L).as("row %s", row)
                        .isEqualTo(row < 128 - undecided || row % 3 == 0);
            }
        }
    }

    @Nested
    class Order {

        @Test
        void andAndOrEvaluateCategoricalAndMissingFirstThenNumericThenTheRest() {
            Evaluator bound = Binder.bind(RowPredicate.parse("note == \"ok\" and age < 25 and (age > 1 or age < 0) "
                    + "and city == \"Hamburg\" and age in (1, 2) and city in (\"Berlin\") and member is missing "
                    + "and not age == 3").root(), RowPredicateTest.FIXTURE);

            assertThat(bound).isInstanceOfSatisfying(Evaluator.And.class, and -> assertThat(and.operands())
                    .extracting(operand -> operand.getClass().getSimpleName())
                    .containsExactly("CategoricalCompare", "CategoricalIn", "IsMissing", "NumericCompare", "NumericIn",
                            "TextIn", "Or", "Not"));
        }

        @Test
        void theCostRanksAreZeroOneAndTwo() {
            Evaluator.And and = (Evaluator.And) Binder.bind(RowPredicate.parse(
                    "city == \"x\" and city in (\"x\") and age is missing and age < 1 and age in (1) "
                    + "and note == \"ok\" and member == true and since < \"2024-01-01T00:00:00Z\" and not age < 1 "
                    + "and (age < 1 or age > 2)").root(), RowPredicateTest.FIXTURE);

            assertThat(java.util.Arrays.stream(and.operands()).mapToInt(Binder::cost).toArray())
                    .containsExactly(0, 0, 0, 1, 1, 2, 2, 2, 2, 2);
        }
    }

    @Nested
    class Partitions {

        @ParameterizedTest
        @ValueSource(ints = {Bound.PARALLEL_ROWS, Bound.PARALLEL_ROWS + 1, 10_000_000, Integer.MAX_VALUE})
        void partitionsAreRunsOfWholeBlocksCoveringEveryRowOnce(int rows) {
            int partitions = 8;

            assertThat(Bound.partitionStart(rows, 0, partitions)).isZero();
            assertThat(Bound.partitionStart(rows, partitions, partitions)).isEqualTo(rows);
            int blocks = (int) (((long) rows + Scratch.BLOCK - 1) / Scratch.BLOCK);
            for (int partition = 1; partition < partitions; partition++) {
                int start = Bound.partitionStart(rows, partition, partitions);
                int previous = Bound.partitionStart(rows, partition - 1, partitions);
                assertThat(start % Scratch.BLOCK).isZero();
                assertThat(start - previous).as("partition %s", partition - 1)
                        .isBetween(blocks / partitions * Scratch.BLOCK, (blocks / partitions + 1) * Scratch.BLOCK);
            }
        }

        @Test
        void theBlocksOfTenMillionRowsAreSharedOutEvenly() {
            // 4,883 blocks of 2,048 rows, the last one part full
            assertThat(Bound.partitionStart(10_000_000, 1, 8)).isEqualTo(610 * 2048);
            assertThat(Bound.partitionStart(10_000_000, 4, 8)).isEqualTo(2441 * 2048);
            assertThat(Bound.partitionStart(10_000_000, 7, 8)).isEqualTo(4272 * 2048);
        }
    }
}
