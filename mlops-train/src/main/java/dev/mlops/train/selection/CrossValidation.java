package dev.mlops.train.selection;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Split;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.metrics.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * k-fold cross-validation of an experiment: for each fold, the experiment trains on the other
 * folds and is measured on that one; the result holds each fold's metrics and their mean and
 * standard deviation. Give it only the rows a model may be chosen on (training and validation,
 * never the test rows). Stateless and thread-safe.
 */
public final class CrossValidation {

    private CrossValidation() {
        throw new AssertionError("no instances");
    }

    /**
     * Cross-validates an experiment.
     *
     * @param experiment the experiment
     * @param data the rows to cut into folds, label included
     * @param label the label column
     * @param folds how to cut them
     * @param seed the seed every fold's experiment gets
     * @param metrics the metrics, at least one
     * @return the metrics per fold, their means and standard deviations
     * @throws dev.mlops.data.split.SplitException if the folds cannot be cut (too few rows, a class
     *     too small to stratify)
     */
    public static CrossValidationResult run(Experiment experiment, Table data, String label, Folds folds, Seed seed,
            List<Metric> metrics) {
        Objects.requireNonNull(experiment, "experiment");
        Split split = folds.splitter().split(data);
        List<Map<String, Double>> perFold = new ArrayList<>();
        for (String fold : folds.names()) {
            int[] training = Arrays.stream(split.setNames().stream().filter(name -> !name.equals(fold))
                    .map(split::rows).toArray(int[][]::new)).flatMapToInt(Arrays::stream).sorted().toArray();
            ExperimentContext context = ExperimentContext.of(data.rows(training), split.set(data, fold), label, seed,
                    metrics, List.of(), null);
            ExperimentResult result = experiment.run(context);
            perFold.add(result.metrics());
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> deviation = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            double[] values = perFold.stream().mapToDouble(map -> map.get(metric.name())).toArray();
            double average = Arrays.stream(values).average().orElse(Double.NaN);
            double squares = Arrays.stream(values).map(value -> (value - average) * (value - average)).sum();
            mean.put(metric.name(), average);
            deviation.put(metric.name(), Math.sqrt(squares / (values.length - 1)));
        }
        return new CrossValidationResult(experiment.spec().toString(), folds, perFold, mean, deviation);
    }
}
