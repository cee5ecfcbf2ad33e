package dev.mlops.train.troubleshoot;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The guide's first check of a training pipeline: can the model overfit about ten examples? A
 * model that cannot fit so few rows almost perfectly points at a bug in the code or the data
 * rather than at the model's capacity. The rows are drawn with a seed, for a classifier at least
 * one of each class while there is room; the experiment trains on them and is measured on the
 * same rows (accuracy for a classifier, R² for a regression model). A report that fails names
 * the likely causes it can see in the rows (rows with equal features but different labels,
 * features constant over the rows) before the general ones; an experiment that throws fails the
 * check with its message first and a fit of NaN. Stateless and thread-safe.
 */
public final class OverfitCheck {
    /** The rows the guide suggests. */
    public static final int DEFAULT_ROWS = 10;
    /** The fit that counts as near-perfect by default. */
    public static final double DEFAULT_THRESHOLD = 0.99;

    private OverfitCheck() {
        throw new AssertionError("no instances");
    }

    /**
     * Trains the experiment on a few rows and measures it on them.
     *
     * @param experiment the experiment
     * @param data the rows to draw from, label included
     * @param label the label column
     * @param rows how many rows to draw, at least 2
     * @param threshold the near-perfect fit, in (0, 1]
     * @param seed the seed of the draw and of the experiment
     * @return the report; a fit of NaN if the experiment threw
     * @throws IllegalArgumentException if rows or threshold are out of range, or the data has fewer rows
     */
    public static OverfitReport check(Experiment experiment, Table data, String label, int rows, double threshold,
            Seed seed) {
        Objects.requireNonNull(experiment, "experiment");
        if (rows < 2) {
            throw new IllegalArgumentException("rows must be at least 2, but was " + rows);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must lie in (0, 1], but was " + threshold);
        }
        if (data.rowCount() < rows) {
            throw new IllegalArgumentException("the data has " + data.rowCount() + " rows, fewer than the " + rows
                    + " to draw");
        }
        int[] drawn = draw(data, label, rows, seed.derive("overfit/rows").random());
        Table sample = data.rows(drawn);
        Metric fit = sample.column(label) instanceof NumericColumn ? Metrics.r2() : Metrics.accuracy();
        ExperimentContext context = ExperimentContext.of(sample, sample, label, seed, List.of(fit), List.of(), null);
        List<Integer> used = new ArrayList<>();
        for (int row : drawn) {
            used.add(row);
        }
        double value;
        List<String> causes = new ArrayList<>();
        try {
            ExperimentResult result = experiment.run(context);
            value = result.metrics().get(fit.name());
        } catch (RuntimeException e) {
            value = Double.NaN;
            causes.add("training failed: " + e.getMessage());
        }
        if (!(value >= threshold)) {
            causes.addAll(causes(sample, label, context.task()));
        }
        return new OverfitReport(experiment.spec().toString(), used, value, threshold, causes);
    }

    /** Draws rows: for a categorical label, one of each class in a seeded order while there is room, then any. */
    private static int[] draw(Table data, String label, int rows, SplittableRandom random) {
        int[] order = new int[data.rowCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        Column labels = data.column(label);
        List<Integer> chosen = new ArrayList<>();
        if (!(labels instanceof NumericColumn)) {
            Map<String, Integer> firstOfClass = new LinkedHashMap<>();
            for (int row : order) {
                firstOfClass.putIfAbsent(labels.format(row), row);
            }
            for (int row : firstOfClass.values()) {
                if (chosen.size() < rows) {
                    chosen.add(row);
                }
            }
        }
        for (int i = 0; i < order.length && chosen.size() < rows; i++) {
            if (!chosen.contains(order[i])) {
                chosen.add(order[i]);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static List<String> causes(Table sample, String label, Task task) {
        List<String> causes = new ArrayList<>();
        Map<String, Integer> byFeatures = new HashMap<>();
        Column labels = sample.column(label);
        for (int row = 0; row < sample.rowCount(); row++) {
            StringBuilder key = new StringBuilder();
            for (Column column : sample.columns()) {
                if (!column.name().equals(label)) {
                    key.append(column.format(row)).append('\u0000');
                }
            }
            Integer earlier = byFeatures.putIfAbsent(key.toString(), row);
            if (earlier != null && !labels.format(earlier).equals(labels.format(row))) {
                causes.add("sample rows " + earlier + " and " + row + " have the same features but different labels ("
                        + labels.format(earlier) + ", " + labels.format(row) + "): the labels may be noisy, or a"
                        + " feature that tells them apart is missing");
            }
        }
        List<String> constant = new ArrayList<>();
        for (Column column : sample.columns()) {
            if (!column.name().equals(label) && distinct(column) < 2) {
                constant.add(column.name());
            }
        }
        if (!constant.isEmpty() && constant.size() == sample.columnCount() - 1) {
            causes.add("every feature is constant over the sample: the features carry no signal (a join or parsing"
                    + " error?)");
        }
        causes.add("the labels may not line up with the features (rows shuffled or joined on the wrong key)");
        causes.add("preprocessing may lose the signal (a feature dropped, mis-encoded or scaled to a constant)");
        causes.add(task == Task.CLASSIFICATION
                ? "the model may be too constrained: too few epochs, a learning rate too low, strong regularisation,"
                        + " too shallow a tree; or it is a baseline, which cannot fit"
                : "the model may be too constrained: too few epochs, a learning rate too low, strong regularisation;"
                        + " or it is a baseline, which cannot fit");
        return causes;
    }

    private static int distinct(Column column) {
        java.util.Set<String> values = new java.util.HashSet<>();
        for (int row = 0; row < column.size() && values.size() < 2; row++) {
            values.add(column.format(row));
        }
        return values.size();
    }
}
