package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    // The recorded example of every sklearn call below.
    private static final int[] TRUTH = {0, 1, 2, 2, 1, 0, 1, 2, 0, 0, 1, 2, 2};
    private static final int[] PREDICTED = {0, 2, 2, 1, 1, 0, 0, 2, 0, 1, 1, 2, 0};

    @Nested
    class AgainstSklearn {
        private final ConfusionMatrix matrix = ConfusionMatrix.of(4, TRUTH, PREDICTED);

        @Test
        void theCounts() {
            // /usr/bin/python3 (sklearn 1.2.1): confusion_matrix(t, p, labels=[0, 1, 2, 3]).tolist()
            // -> [[3, 1, 0, 0], [1, 2, 1, 0], [1, 1, 3, 0], [0, 0, 0, 0]]
            assertThat(matrix.counts()).isEqualTo(new long[][] {{3, 1, 0, 0}, {1, 2, 1, 0}, {1, 1, 3, 0}, {0, 0, 0, 0}});
            assertThat(matrix.count(2, 0)).isEqualTo(1);
            assertThat(matrix.total()).isEqualTo(13);
            assertThat(matrix.classes()).isEqualTo(4);
        }

        @Test
        void accuracy() {
            // accuracy_score(t, p) -> 0.6153846153846154
            assertThat(matrix.accuracy()).isCloseTo(0.6153846153846154, within(1e-15));
        }

        @Test
        void perClass() {
            // precision_recall_fscore_support(t, p, labels=[0, 1, 2], zero_division=0)
            // -> precision [0.6, 0.5, 0.75], recall [0.75, 0.5, 0.6],
            //    f1 [0.6666666666666665, 0.5, 0.6666666666666665], support [4, 4, 5]
            double[] precision = {0.6, 0.5, 0.75};
            double[] recall = {0.75, 0.5, 0.6};
            double[] f1 = {0.6666666666666665, 0.5, 0.6666666666666665};
            long[] support = {4, 4, 5};
            for (int c = 0; c < 3; c++) {
                assertThat(matrix.precision(c)).as("precision %d", c).isCloseTo(precision[c], within(1e-15));
                assertThat(matrix.recall(c)).as("recall %d", c).isCloseTo(recall[c], within(1e-15));
                assertThat(matrix.f1(c)).as("f1 %d", c).isCloseTo(f1[c], within(1e-15));
                assertThat(matrix.support(c)).as("support %d", c).isEqualTo(support[c]);
                assertThat(matrix.present(c)).isTrue();
            }
            assertThat(matrix.predictedCount(0)).isEqualTo(5);
            assertThat(matrix.predictedCount(1)).isEqualTo(4);
        }

        @Test
        void macroAveragesLeaveOutAClassNoRowHoldsOrPredicts() {
            // precision_recall_fscore_support(t, p, average='macro', zero_division=0)
            // -> (0.6166666666666667, 0.6166666666666667, 0.611111111111111, None)
            assertThat(matrix.present(3)).isFalse();
            assertThat(matrix.precision(3)).isZero();
            assertThat(matrix.recall(3)).isZero();
            assertThat(matrix.f1(3)).isZero();
            assertThat(matrix.macroPrecision()).isCloseTo(0.6166666666666667, within(1e-15));
            assertThat(matrix.macroRecall()).isCloseTo(0.6166666666666667, within(1e-15));
            assertThat(matrix.macroF1()).isCloseTo(0.611111111111111, within(1e-15));
        }

        @Test
        void aClassNeverPredictedHasZeroPrecision() {
            // precision_recall_fscore_support([0,0,0,1], [0,0,0,0], average='macro', zero_division=0)
            // -> (0.375, 0.5, 0.42857142857142855, None)
            ConfusionMatrix m = ConfusionMatrix.of(2, new int[] {0, 0, 0, 1}, new int[] {0, 0, 0, 0});
            assertThat(m.precision(0)).isEqualTo(0.75);
            assertThat(m.precision(1)).isZero();
            assertThat(m.recall(1)).isZero();
            assertThat(m.present(1)).isTrue();
            assertThat(m.macroPrecision()).isCloseTo(0.375, within(1e-15));
            assertThat(m.macroRecall()).isCloseTo(0.5, within(1e-15));
            assertThat(m.macroF1()).isCloseTo(0.42857142857142855, within(1e-15));
        }
    }

    @Test
    void withoutRowsTheAveragesAreNaN() {
        ConfusionMatrix empty = ConfusionMatrix.of(2, new int[0], new int[0]);
        assertThat(empty.total()).isZero();
        assertThat(empty.accuracy()).isNaN();
        assertThat(empty.macroF1()).isNaN();
        assertThat(empty.macroPrecision()).isNaN();
        assertThat(empty.macroRecall()).isNaN();
    }

    @Test
    void countsRoundTripAndEquality() {
        ConfusionMatrix matrix = ConfusionMatrix.of(4, TRUTH, PREDICTED);
        ConfusionMatrix copy = ConfusionMatrix.ofCounts(matrix.counts());
        assertThat(copy).isEqualTo(matrix).hasSameHashCodeAs(matrix);
        assertThat(copy).isNotEqualTo(ConfusionMatrix.of(4, TRUTH, TRUTH));
        assertThat(copy).isNotEqualTo(ConfusionMatrix.ofCounts(new long[][] {{1}}));
        assertThat(copy.hashCode()).isNotEqualTo(ConfusionMatrix.of(4, TRUTH, TRUTH).hashCode())
                .isNotEqualTo(ConfusionMatrix.ofCounts(new long[][] {{1}}).hashCode());
        // 31 * classes + Arrays.hashCode(counts): 62 + 31^4
        assertThat(ConfusionMatrix.ofCounts(new long[][] {{0, 0}, {0, 0}}).hashCode()).isEqualTo(62 + 923_521);
        assertThat(copy.toString()).isEqualTo("ConfusionMatrix[[3, 1, 0, 0], [1, 2, 1, 0], [1, 1, 3, 0], [0, 0, 0, 0]]");
        long[][] counts = copy.counts();
        counts[0][0] = 99;
        assertThat(copy.count(0, 0)).isEqualTo(3);
    }

    @Nested
    class BadInput {
        @Test
        void classesOutOfRange() {
            assertThatThrownBy(() -> ConfusionMatrix.of(2, new int[] {0, 2}, new int[] {0, 1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("truth[1] must be a class in [0, 2) but was 2");
            assertThatThrownBy(() -> ConfusionMatrix.of(2, new int[] {0, 1}, new int[] {-1, 1}))
                    .hasMessage("predicted[0] must be a class in [0, 2) but was -1");
            assertThatThrownBy(() -> ConfusionMatrix.of(0, new int[0], new int[0]))
                    .hasMessage("classes must be at least 1 but was 0");
            assertThatThrownBy(() -> ConfusionMatrix.of(2, new int[] {0, 1}, new int[] {0, 1}).count(0, 2))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void lengthsDiffer() {
            assertThatThrownBy(() -> ConfusionMatrix.of(2, new int[] {0}, new int[] {0, 1}))
                    .hasMessage("truth and predicted must have the same length but had 1 and 2");
        }

        @Test
        void countsNotSquareOrNegative() {
            assertThatThrownBy(() -> ConfusionMatrix.ofCounts(new long[][] {{1, 2}, {3}}))
                    .hasMessage("counts must be square but row 1 has 1 counts for 2 classes");
            assertThatThrownBy(() -> ConfusionMatrix.ofCounts(new long[][] {{1, -2}, {3, 4}}))
                    .hasMessage("counts must not be negative but counts[0][1] was -2");
            assertThatThrownBy(() -> ConfusionMatrix.ofCounts(new long[0][]))
                    .hasMessage("classes must be at least 1 but was 0");
        }
    }
}
