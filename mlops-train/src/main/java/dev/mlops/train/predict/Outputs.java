package dev.mlops.train.predict;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The shape of a {@link Predictor}'s output table: for classification a categorical column
 * {@value #PREDICTION} with the predicted class and one numeric column per class,
 * {@code score@<class>} (Tribuo's {@code name@value} style), holding the class's score in
 * [0, 1], the scores of a row summing to 1; for regression a numeric column {@value #PREDICTION}.
 * Everything downstream of a model (metrics, the gate, error analysis, an endpoint, monitoring)
 * reads predictions through this shape only, so a model from outside Tribuo plugs in by
 * producing it.
 *
 * @param task classification or regression
 * @param classes the classes in a fixed order, at least two for classification; empty for regression
 */
public record Outputs(Task task, List<String> classes) {
    /** The column of the predicted class or value. */
    public static final String PREDICTION = "prediction";
    /** What precedes a class's name in the name of its score column. */
    public static final String SCORE_PREFIX = "score@";

    /**
     * Checks and copies the classes.
     *
     * @param task classification or regression
     * @param classes the classes, distinct and not blank; at least two for classification, none for regression
     * @throws IllegalArgumentException if the classes do not fit the task
     */
    public Outputs {
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
        if (task == Task.REGRESSION && !classes.isEmpty()) {
            throw new IllegalArgumentException("regression has no classes, but got " + classes);
        }
        if (task == Task.CLASSIFICATION && classes.size() < 2) {
            throw new IllegalArgumentException("classification needs at least two classes, but got " + classes);
        }
        Set<String> seen = new HashSet<>();
        for (String label : classes) {
            if (label.isBlank()) {
                throw new IllegalArgumentException("a class must not be blank: " + classes);
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException("class '" + label + "' is listed twice: " + classes);
            }
        }
    }

    /**
     * @param classes the classes in a fixed order, at least two
     * @return the outputs of a classifier over these classes
     */
    public static Outputs classification(List<String> classes) {
        return new Outputs(Task.CLASSIFICATION, classes);
    }

    /** @return the outputs of a regression model */
    public static Outputs regression() {
        return new Outputs(Task.REGRESSION, List.of());
    }

    /**
     * @param label a class
     * @return the name of its score column, {@code score@<class>}
     */
    public static String scoreColumn(String label) {
        return SCORE_PREFIX + label;
    }

    /** @return the schema of a prediction table: the prediction, then one score per class in order */
    public Schema schema() {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of(PREDICTION, task == Task.CLASSIFICATION ? ColumnType.CATEGORICAL : ColumnType.NUMERIC));
        for (String label : classes) {
            fields.add(Field.of(scoreColumn(label), ColumnType.NUMERIC));
        }
        return Schema.of(fields);
    }

    /**
     * Builds the prediction table of a classifier: each row's class is the one with the highest
     * score, the first in {@link #classes()} order on a tie.
     *
     * @param scores one row per prediction, one score per class in {@link #classes()} order
     * @return the prediction table
     * @throws IllegalStateException if these are not a classifier's outputs
     * @throws IllegalArgumentException if a row has the wrong number of scores or a score outside [0, 1]
     */
    public Table classifications(double[][] scores) {
        if (task != Task.CLASSIFICATION) {
            throw new IllegalStateException("a regression model's outputs have no class scores");
        }
        CategoricalColumn.Builder predicted = CategoricalColumn.builder(PREDICTION);
        double[][] byClass = new double[classes.size()][scores.length];
        for (int row = 0; row < scores.length; row++) {
            double[] rowScores = scores[row];
            if (rowScores.length != classes.size()) {
                throw new IllegalArgumentException("row " + row + " has " + rowScores.length + " scores, but there are "
                        + classes.size() + " classes " + classes);
            }
            int best = 0;
            for (int c = 0; c < rowScores.length; c++) {
                if (!(rowScores[c] >= 0 && rowScores[c] <= 1)) {
                    throw new IllegalArgumentException("row " + row + " scores class '" + classes.get(c) + "' "
                            + rowScores[c] + "; a score lies in [0, 1]");
                }
                byClass[c][row] = rowScores[c];
                best = rowScores[c] > rowScores[best] ? c : best;
            }
            predicted.add(classes.get(best));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(predicted.build());
        for (int c = 0; c < classes.size(); c++) {
            columns.add(NumericColumn.of(scoreColumn(classes.get(c)), byClass[c]));
        }
        return Table.of(columns);
    }

    /**
     * Builds the prediction table of a regression model.
     *
     * @param values one predicted value per row
     * @return the prediction table
     * @throws IllegalStateException if these are not a regression model's outputs
     */
    public Table values(double[] values) {
        if (task != Task.REGRESSION) {
            throw new IllegalStateException("a classifier's outputs are classes with scores, not values");
        }
        return Table.of(NumericColumn.of(PREDICTION, values.clone()));
    }
}
