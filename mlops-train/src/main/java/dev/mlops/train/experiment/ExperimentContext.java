package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.data.slice.Slice;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.predict.Task;
import dev.mlops.train.tracking.ActiveRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link Experiment} runs on: the training and validation rows (never the test rows,
 * which only the {@link ExperimentRunner}'s final evaluation sees), the label column, the seed
 * every random step derives from, the metrics to report, the slices, and the run it may log
 * extra parameters, metrics and artifacts to. Immutable; thread-safe but for the run.
 */
public final class ExperimentContext {
    private final Table train;
    private final Table validation;
    private final String label;
    private final Task task;
    private final Seed seed;
    private final List<Metric> metrics;
    private final List<Slice> slices;
    private final @Nullable ActiveRun run;

    private ExperimentContext(Table train, Table validation, String label, Seed seed, List<Metric> metrics,
            List<Slice> slices, @Nullable ActiveRun run) {
        this.train = Objects.requireNonNull(train, "train");
        this.validation = Objects.requireNonNull(validation, "validation");
        this.label = Objects.requireNonNull(label, "label");
        this.seed = Objects.requireNonNull(seed, "seed");
        this.metrics = List.copyOf(metrics);
        this.slices = List.copyOf(slices);
        this.run = run;
        this.task = Task.of(train.schema(), label);
        if (!validation.schema().equals(train.schema())) {
            throw new IllegalArgumentException("the validation rows' schema " + validation.schema()
                    + " differs from the training rows' " + train.schema());
        }
        if (train.rowCount() == 0 || validation.rowCount() == 0) {
            throw new IllegalArgumentException("an experiment needs training and validation rows, but has "
                    + train.rowCount() + " and " + validation.rowCount());
        }
        if (this.metrics.isEmpty()) {
            throw new IllegalArgumentException("an experiment reports at least one metric");
        }
    }

    /**
     * A context.
     *
     * @param train the training rows, with the label column
     * @param validation the validation rows, with the same schema
     * @param label the label column: categorical or boolean for classification, numeric for regression
     * @param seed the seed every random step derives from
     * @param metrics the metrics to report on the validation rows, at least one
     * @param slices the slices of interest, for experiments that report per slice
     * @param run the run to log to, or null when nothing is tracked
     * @return the context
     * @throws IllegalArgumentException if the label column is absent or of a type no task reads,
     *     the schemas differ, a set is empty, or there is no metric
     */
    public static ExperimentContext of(Table train, Table validation, String label, Seed seed, List<Metric> metrics,
            List<Slice> slices, @Nullable ActiveRun run) {
        return new ExperimentContext(train, validation, label, seed, metrics, slices, run);
    }

    /** @return the training rows, label included */
    public Table train() {
        return train;
    }

    /** @return the validation rows, label included */
    public Table validation() {
        return validation;
    }

    /** @return the label column's name */
    public String label() {
        return label;
    }

    /** @return classification (a categorical or boolean label) or regression (a numeric one) */
    public Task task() {
        return task;
    }

    /** @return the seed; derive a named stream for each random step */
    public Seed seed() {
        return seed;
    }

    /** @return the metrics to report */
    public List<Metric> metrics() {
        return metrics;
    }

    /** @return the slices of interest */
    public List<Slice> slices() {
        return slices;
    }

    /** @return the run to log extra parameters, metrics and artifacts to, if tracked */
    public Optional<ActiveRun> run() {
        return Optional.ofNullable(run);
    }

    /**
     * Predicts the validation rows with a trained model and measures them, the usual last step of
     * an experiment.
     *
     * @param model the trained model
     * @param modelBytes its serialized size, or -1 if unknown
     * @return the result
     */
    public ExperimentResult evaluate(Predictor model, long modelBytes) {
        Table predictions = model.predict(validation);
        Column truth = validation.column(label);
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            values.put(metric.name(), metric.compute(truth, predictions));
        }
        return new ExperimentResult(model, predictions, values, modelBytes);
    }
}
