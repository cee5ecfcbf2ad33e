package dev.mlops.train.analysis;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The guide's error analysis: which rows a model gets most wrong, and which classes it confuses.
 * Predictions are in the shape of {@link Outputs}; the truth is the label column of the same
 * rows. Stateless and thread-safe.
 */
public final class ErrorAnalysis {
    /** The column of a row's position in the rows analysed. */
    public static final String ROW = "row";
    /** The column of the score a classifier gave the true class. */
    public static final String TRUE_CLASS_SCORE = "true_class_score";
    /** The column of a regression model's error, prediction minus truth. */
    public static final String ERROR = "error";

    private ErrorAnalysis() {
        throw new AssertionError("no instances");
    }

    /**
     * The rows a model predicted worst, with their features: for a classifier the rows whose true
     * class got the lowest score, for a regression model the rows of the largest absolute error;
     * ties in the order of the rows.
     *
     * @param rows the rows predicted, features and label
     * @param label the label column
     * @param predictions the model's predictions of the rows, in order
     * @param k the most rows to return, at least 1
     * @return the worst rows, worst first: a column {@value #ROW} (the row's position), the rows'
     *     columns, the prediction, and {@value #TRUE_CLASS_SCORE} or {@value #ERROR}
     * @throws IllegalArgumentException if k is below 1, the lengths differ, a label is missing,
     *     or a true class is not among the classifier's classes
     */
    public static Table worst(Table rows, String label, Table predictions, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, but was " + k);
        }
        Column truth = truth(rows, label, predictions);
        double[] badness = new double[rows.rowCount()];
        double[] shown = new double[rows.rowCount()];
        boolean classification = predictions.column(Outputs.PREDICTION) instanceof CategoricalColumn;
        for (int row = 0; row < badness.length; row++) {
            if (classification) {
                String trueClass = text(truth, row);
                String scoreColumn = Outputs.scoreColumn(trueClass);
                if (!predictions.schema().contains(scoreColumn)) {
                    throw new IllegalArgumentException("row " + row + ": the true class '" + trueClass + "' is not one"
                            + " of the model's classes; its score columns are " + predictions.schema().names());
                }
                shown[row] = predictions.numericColumn(scoreColumn).get(row);
                badness[row] = -shown[row];
            } else {
                shown[row] = predictions.numericColumn(Outputs.PREDICTION).get(row) - ((NumericColumn) truth).get(row);
                badness[row] = Math.abs(shown[row]);
            }
        }
        int[] order = IntStream.range(0, badness.length).boxed()
                .sorted(Comparator.comparingDouble((Integer row) -> -badness[row]))
                .limit(k).mapToInt(Integer::intValue).toArray();
        List<Column> columns = new ArrayList<>();
        double[] positions = new double[order.length];
        double[] values = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            positions[i] = order[i];
            values[i] = shown[order[i]];
        }
        columns.add(NumericColumn.of(ROW, positions));
        columns.addAll(rows.rows(order).columns());
        columns.add(predictions.column(Outputs.PREDICTION).select(order));
        columns.add(NumericColumn.of(classification ? TRUE_CLASS_SCORE : ERROR, values));
        return Table.of(columns);
    }

    /**
     * The pairs of classes a classifier confuses, most frequent first (ties by true class, then
     * predicted class, alphabetically).
     *
     * @param truth the true classes
     * @param predictions the classifier's predictions of the same rows
     * @return each (true, predicted) pair of different classes that occurs, with its count and
     *     its share of the true class's rows
     * @throws IllegalArgumentException if the lengths differ, a truth is missing, or the
     *     predictions are not a classifier's
     */
    public static List<ConfusionPair> confusionPairs(Column truth, Table predictions) {
        Objects.requireNonNull(truth, "truth");
        if (!(predictions.column(Outputs.PREDICTION) instanceof CategoricalColumn predicted)) {
            throw new IllegalArgumentException("confusion pairs need a classifier's predictions; column '"
                    + Outputs.PREDICTION + "' is " + predictions.column(Outputs.PREDICTION).type());
        }
        requireSameLength(truth, predictions);
        Map<String, Long> perClass = new LinkedHashMap<>();
        Map<List<String>, Long> pairs = new LinkedHashMap<>();
        for (int row = 0; row < truth.size(); row++) {
            String actual = text(truth, row);
            String guess = predicted.get(row);
            perClass.merge(actual, 1L, Long::sum);
            if (!actual.equals(guess)) {
                pairs.merge(List.of(actual, guess), 1L, Long::sum);
            }
        }
        List<ConfusionPair> result = new ArrayList<>();
        pairs.forEach((pair, count) -> result.add(new ConfusionPair(pair.get(0), pair.get(1), count,
                count / (double) perClass.get(pair.get(0)))));
        result.sort(Comparator.comparingLong(ConfusionPair::count).reversed().thenComparing(ConfusionPair::truth)
                .thenComparing(ConfusionPair::predicted));
        return result;
    }

    private static Column truth(Table rows, String label, Table predictions) {
        Objects.requireNonNull(rows, "rows");
        if (!rows.schema().contains(label)) {
            throw new IllegalArgumentException("label column '" + label + "' is not in the rows; their columns are "
                    + rows.schema().names());
        }
        Column truth = rows.column(label);
        requireSameLength(truth, predictions);
        for (int row = 0; row < truth.size(); row++) {
            text(truth, row);
        }
        boolean classification = predictions.column(Outputs.PREDICTION) instanceof CategoricalColumn;
        if (classification == (truth instanceof NumericColumn)) {
            throw new IllegalArgumentException("label column '" + label + "' is " + truth.type() + ", but the predictions"
                    + " are a " + (classification ? "classifier's (a categorical or boolean label)"
                    : "regression model's (a numeric label)"));
        }
        return truth;
    }

    private static void requireSameLength(Column truth, Table predictions) {
        if (truth.size() != predictions.rowCount()) {
            throw new IllegalArgumentException("the truth has " + truth.size() + " rows but the predictions "
                    + predictions.rowCount());
        }
    }

    private static String text(Column truth, int row) {
        if (truth.isMissing(row)) {
            throw new IllegalArgumentException("row " + row + ": the truth '" + truth.name() + "' is missing");
        }
        return truth.format(row);
    }
}
