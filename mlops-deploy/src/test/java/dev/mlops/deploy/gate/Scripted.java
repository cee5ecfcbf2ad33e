package dev.mlops.deploy.gate;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Synthetic validation tables and scripted classifiers whose right and wrong rows a test chooses:
 * rows carry an {@code id} (0..n-1), a {@code group} ({@code a} for the first half, {@code b} for
 * the second) and a seeded label {@code class} ({@code good} or {@code bad}); a scripted model
 * reads the id and predicts the true class except on the rows it is told to get wrong.
 */
final class Scripted implements Predictor {
    static final List<String> CLASSES = List.of("bad", "good");
    private final String[] predicted;
    private final long sleepMillis;

    private Scripted(String[] predicted, long sleepMillis) {
        this.predicted = predicted;
        this.sleepMillis = sleepMillis;
    }

    /** A table of {@code rows} rows, labels drawn from the seed. */
    static Table table(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ids = new double[rows];
        String[] groups = new String[rows];
        String[] labels = new String[rows];
        for (int row = 0; row < rows; row++) {
            ids[row] = row;
            groups[row] = row < rows / 2 ? "a" : "b";
            labels[row] = random.nextBoolean() ? "good" : "bad";
        }
        return Table.of(NumericColumn.of("id", ids), CategoricalColumn.of("group", groups),
                CategoricalColumn.of("class", labels));
    }

    /** A model of a table's rows, wrong exactly on the rows {@code wrong} accepts. */
    static Scripted wrongOn(Table rows, IntPredicate wrong) {
        return slow(rows, wrong, 0);
    }

    /** As {@link #wrongOn}, sleeping on every prediction. */
    static Scripted slow(Table rows, IntPredicate wrong, long sleepMillis) {
        CategoricalColumn truth = rows.categoricalColumn("class");
        String[] predicted = new String[rows.rowCount()];
        for (int row = 0; row < predicted.length; row++) {
            String right = truth.get(row);
            predicted[row] = wrong.test(row) ? (right.equals("good") ? "bad" : "good") : right;
        }
        return new Scripted(predicted, sleepMillis);
    }

    @Override
    public Schema inputSchema() {
        return Table.of(NumericColumn.of("id")).schema();
    }

    @Override
    public Outputs outputs() {
        return Outputs.classification(CLASSES);
    }

    @Override
    public Table predict(Table features) {
        if (sleepMillis > 0) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        NumericColumn ids = features.numericColumn("id");
        double[][] scores = new double[features.rowCount()][];
        for (int row = 0; row < scores.length; row++) {
            boolean good = predicted[(int) ids.get(row)].equals("good");
            scores[row] = good ? new double[] {0.2, 0.8} : new double[] {0.7, 0.3};
        }
        return outputs().classifications(scores);
    }
}
