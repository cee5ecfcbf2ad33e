package dev.mlops.data.stat;

import java.util.Arrays;
import java.util.Objects;

/**
 * The confusion matrix of a classifier over class indices {@code 0 .. classes-1}, with the
 * per-class and macro-averaged precision, recall and F1 that sklearn's {@code confusion_matrix},
 * {@code accuracy_score} and {@code precision_recall_fscore_support} compute.
 *
 * <p>Rows are true classes, columns predicted ones: {@code count(t, p)} rows had true class
 * {@code t} and were predicted {@code p}. For a class {@code c}: precision {@code tp / predicted},
 * recall {@code tp / true}, each 0 when its denominator is (sklearn's {@code zero_division=0}),
 * F1 {@code 2 p r / (p + r)}, 0 when both are. The macro averages are the unweighted means over
 * the classes that are {@linkplain #present(int) present} (held or predicted by at least one
 * row), as sklearn averages over the labels it finds in the truth and the predictions. The
 * accuracy and the macro averages are NaN when there is no row.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final long[] counts;
    private final long[] actual;
    private final long[] predicted;
    private final long total;
    private final long correct;

    private ConfusionMatrix(int classes, long[] counts) {
        this.classes = classes;
        this.counts = counts;
        this.actual = new long[classes];
        this.predicted = new long[classes];
        long sum = 0;
        long diagonal = 0;
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                long n = counts[t * classes + p];
                actual[t] += n;
                predicted[p] += n;
                sum += n;
                diagonal += t == p ? n : 0;
            }
        }
        this.total = sum;
        this.correct = diagonal;
    }

    /**
     * Counts each row's true and predicted class.
     *
     * @param classes the number of classes, at least 1
     * @param truth each row's true class, in {@code [0, classes)}; not changed
     * @param predicted each row's predicted class, in {@code [0, classes)}; not changed
     * @return the matrix
     * @throws IllegalArgumentException if {@code classes} is below 1, the arrays differ in length,
     *     or a class is out of range; the message names the argument, the row and the value
     */
    public static ConfusionMatrix of(int classes, int[] truth, int[] predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        requireClasses(classes);
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predicted must have the same length but had "
                    + truth.length + " and " + predicted.length);
        }
        long[] counts = new long[classes * classes];
        for (int row = 0; row < truth.length; row++) {
            int t = requireClass("truth", row, truth[row], classes);
            int p = requireClass("predicted", row, predicted[row], classes);
            counts[t * classes + p]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    /**
     * Builds a matrix from its counts.
     *
     * @param counts {@code counts[t][p]}, a square array of non-negative counts, at least 1 × 1;
     *     not changed
     * @return the matrix
     * @throws IllegalArgumentException if the array is empty or not square or a count is negative
     */
    public static ConfusionMatrix ofCounts(long[][] counts) {
        Objects.requireNonNull(counts, "counts");
        int classes = counts.length;
        requireClasses(classes);
        long[] flat = new long[classes * classes];
        for (int t = 0; t < classes; t++) {
            if (counts[t].length != classes) {
                throw new IllegalArgumentException("counts must be square but row " + t + " has "
                        + counts[t].length + " counts for " + classes + " classes");
            }
            for (int p = 0; p < classes; p++) {
                if (counts[t][p] < 0) {
                    throw new IllegalArgumentException("counts must not be negative but counts[" + t + "][" + p
                            + "] was " + counts[t][p]);
                }
                flat[t * classes + p] = counts[t][p];
            }
        }
        return new ConfusionMatrix(classes, flat);
    }

    private static void requireClasses(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1 but was " + classes);
        }
    }

    private static int requireClass(String argument, int row, int value, int classes) {
        if (value < 0 || value >= classes) {
            throw new IllegalArgumentException(argument + "[" + row + "] must be a class in [0, " + classes
                    + ") but was " + value);
        }
        return value;
    }

    /** @return the number of classes */
    public int classes() {
        return classes;
    }

    /**
     * Returns the number of rows of true class {@code truth} predicted as {@code predicted}.
     *
     * @param truth the true class
     * @param predicted the predicted class
     * @return the count
     * @throws IndexOutOfBoundsException if a class is out of range
     */
    public long count(int truth, int predicted) {
        Objects.checkIndex(truth, classes);
        Objects.checkIndex(predicted, classes);
        return counts[truth * classes + predicted];
    }

    /** @return a copy of the counts, {@code [truth][predicted]} */
    public long[][] counts() {
        long[][] copy = new long[classes][];
        for (int t = 0; t < classes; t++) {
            copy[t] = Arrays.copyOfRange(counts, t * classes, (t + 1) * classes);
        }
        return copy;
    }

    /** @return the number of rows counted */
    public long total() {
        return total;
    }

    /** @return the share of rows predicted right, {@code accuracy_score}; NaN without rows */
    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /**
     * Returns the number of rows whose true class is {@code c}, sklearn's support.
     *
     * @param c the class
     * @return the count
     * @throws IndexOutOfBoundsException if the class is out of range
     */
    public long support(int c) {
        return actual[Objects.checkIndex(c, classes)];
    }

    /**
     * Returns the number of rows predicted as {@code c}.
     *
     * @param c the class
     * @return the count
     * @throws IndexOutOfBoundsException if the class is out of range
     */
    public long predictedCount(int c) {
        return predicted[Objects.checkIndex(c, classes)];
    }

    /**
     * Tells whether a row holds or is predicted as {@code c}: the classes the macro averages
     * cover.
     *
     * @param c the class
     * @return true if the class is in the truth or the predictions
     * @throws IndexOutOfBoundsException if the class is out of range
     */
    public boolean present(int c) {
        return actual[Objects.checkIndex(c, classes)] + predicted[c] > 0;
    }

    /**
     * Returns the precision of class {@code c}: {@code tp / predicted}, 0 when none is predicted.
     *
     * @param c the class
     * @return the precision
     * @throws IndexOutOfBoundsException if the class is out of range
     */
    public double precision(int c) {
        return ratio(count(c, c), predicted[c]);
    }

    /**
     * Returns the recall of class {@code c}: {@code tp / true}, 0 when no row holds it.
     *
     * @param c the class
     * @return the recall
     * @throws IndexOutOfBoundsException if the class is out of range
     */
    public double recall(int c) {
        return ratio(count(c, c), actual[c]);
    }

    /**
     * Returns the F1 score of class {@code c}: {@code 2 p r / (p + r)}, 0 when both are.
     *
     * @param c the class
     * @return the F1 score
     * @throws IndexOutOfBoundsException if the class is out of range
     */
    public double f1(int c) {
        double precision = precision(c);
        double recall = recall(c);
        double denominator = precision + recall;
        return denominator == 0.0 ? 0.0 : 2.0 * precision * recall / denominator;
    }

    /** @return the mean precision over the present classes; NaN when none is */
    public double macroPrecision() {
        return macro(Measure.PRECISION);
    }

    /** @return the mean recall over the present classes; NaN when none is */
    public double macroRecall() {
        return macro(Measure.RECALL);
    }

    /** @return the mean F1 over the present classes, {@code f1_score(average="macro")}; NaN when none is */
    public double macroF1() {
        return macro(Measure.F1);
    }

    private enum Measure { PRECISION, RECALL, F1 }

    private double macro(Measure measure) {
        double sum = 0.0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (present(c)) {
                sum += switch (measure) {
                    case PRECISION -> precision(c);
                    case RECALL -> recall(c);
                    case F1 -> f1(c);
                };
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    private static double ratio(long count, long of) {
        return of == 0 ? 0.0 : (double) count / of;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix that && classes == that.classes && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * classes + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts());
    }
}
