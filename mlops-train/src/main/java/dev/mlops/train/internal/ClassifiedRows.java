package dev.mlops.train.internal;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.stat.ConfusionMatrix;
import dev.mlops.train.predict.Outputs;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier's prediction table read against the true classes: the outputs' classes (the
 * {@code score@<class>} columns, in table order), and each row's true and predicted class as a
 * position in that list. Reading checks everything a classification metric relies on, so the
 * metrics only count: the lengths agree, the truth and the {@value Outputs#PREDICTION} column are
 * categorical, there are at least two score columns, and every row's true and predicted class is
 * present and one of the outputs' classes. Scores are checked when read, by {@link #scores(int)}.
 * Immutable.
 */
public final class ClassifiedRows {
    private final String context;
    private final Table predictions;
    private final List<String> classes;
    private final int[] truth;
    private final int[] predicted;

    private ClassifiedRows(String context, Table predictions, List<String> classes, int[] truth, int[] predicted) {
        this.context = context;
        this.predictions = predictions;
        this.classes = classes;
        this.truth = truth;
        this.predicted = predicted;
    }

    /**
     * Reads and checks a classifier's predictions.
     *
     * @param context who reads, such as {@code macro_f1}, named first in every message
     * @param truth the true class of each row: categorical, or boolean (the classes {@code true}
     *     and {@code false}, as a boolean label trains)
     * @param predictions the prediction table, in the shape of a classifier's {@link Outputs}
     * @return the rows
     * @throws IllegalArgumentException if the lengths differ, a column has the wrong type, there
     *     are fewer than two score columns, or a true or predicted class is missing or not one of
     *     the outputs' classes; the message names the column and the 0-based row
     */
    public static ClassifiedRows read(String context, Column truthColumn, Table predictions) {
        Column truth = truthColumn instanceof BooleanColumn booleans ? asClasses(booleans) : truthColumn;
        Column prediction = PredictionColumns.prediction(context, truth, ColumnType.CATEGORICAL, predictions);
        List<String> classes = new ArrayList<>();
        for (Field field : predictions.schema().fields()) {
            if (field.name().startsWith(Outputs.SCORE_PREFIX)) {
                classes.add(field.name().substring(Outputs.SCORE_PREFIX.length()));
            }
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException(context + ": the predictions have " + classes.size()
                    + " score columns, but a classifier's outputs have one '" + Outputs.SCORE_PREFIX
                    + "<class>' column per class, at least two; columns are " + predictions.schema().names());
        }
        List<String> fixed = List.copyOf(classes);
        return new ClassifiedRows(context, predictions, fixed, positions(context, (CategoricalColumn) truth, fixed),
                positions(context, (CategoricalColumn) prediction, fixed));
    }

    /** A boolean label's values as the classes {@code true} and {@code false}, missing kept. */
    private static CategoricalColumn asClasses(BooleanColumn booleans) {
        String[] classes = new String[booleans.size()];
        for (int row = 0; row < classes.length; row++) {
            classes[row] = booleans.isMissing(row) ? null : Boolean.toString(booleans.get(row));
        }
        return CategoricalColumn.of(booleans.name(), classes);
    }

    private static int[] positions(String context, CategoricalColumn column, List<String> classes) {
        List<String> levels = column.levels();
        int[] byCode = new int[levels.size()];
        for (int code = 0; code < byCode.length; code++) {
            byCode[code] = classes.indexOf(levels.get(code));
        }
        int[] positions = new int[column.size()];
        for (int row = 0; row < positions.length; row++) {
            PredictionColumns.requirePresent(context, column, row);
            int position = byCode[column.code(row)];
            if (position < 0) {
                throw new IllegalArgumentException(context + ": column '" + column.name() + "' holds class '"
                        + column.get(row) + "' at row " + row + ", which is not one of the outputs' classes " + classes);
            }
            positions[row] = position;
        }
        return positions;
    }

    /** @return the number of rows */
    public int size() {
        return truth.length;
    }

    /** @return the outputs' classes, in the order of their score columns; unmodifiable */
    public List<String> classes() {
        return classes;
    }

    /**
     * @param row a 0-based row
     * @return the row's true class, as a position in {@link #classes()}
     */
    public int truth(int row) {
        return truth[row];
    }

    /**
     * @param row a 0-based row
     * @return the row's predicted class, as a position in {@link #classes()}
     */
    public int predicted(int row) {
        return predicted[row];
    }

    /** @return the confusion matrix of the rows over the positions of {@link #classes()} */
    public ConfusionMatrix confusion() {
        return ConfusionMatrix.of(classes.size(), truth, predicted);
    }

    /**
     * Reads one class's scores.
     *
     * @param position the class's position in {@link #classes()}
     * @return a new array of the class's score in each row
     * @throws IllegalArgumentException if the score column is not numeric, or a score is missing
     *     or outside [0, 1]; the message names the column and the 0-based row
     */
    public double[] scores(int position) {
        String name = Outputs.scoreColumn(classes.get(position));
        NumericColumn numbers = (NumericColumn) PredictionColumns.column(context, predictions, name, ColumnType.NUMERIC);
        double[] scores = new double[truth.length];
        for (int row = 0; row < scores.length; row++) {
            PredictionColumns.requirePresent(context, numbers, row);
            double score = numbers.get(row);
            if (!(score >= 0.0 && score <= 1.0)) {
                throw new IllegalArgumentException(context + ": column '" + name + "' holds " + score + " at row " + row
                        + ", but a score lies in [0, 1]");
            }
            scores[row] = score;
        }
        return scores;
    }
}
