package dev.mlops.train.features;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Table;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Predictor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Permutation importance (Breiman 2001; Fisher, Rudin and Dominici 2019): for each feature of a
 * model's input schema, how much a metric worsens when that feature's values are shuffled across
 * the rows, which breaks its link to the truth while keeping its distribution.
 *
 * <pre>{@code
 * ImportanceReport report = PermutationImportance.of(predictor, accuracy, Seed.of(42))
 *         .withRepeats(20)
 *         .compute(validation.select(features), validation.column("label"));
 * }</pre>
 *
 * <p>Each feature is shuffled {@link #repeats()} times; repeat {@code r} of feature {@code f}
 * draws its permutation (Fisher–Yates) from the stream {@code seed.derive("permutation-importance/"
 * + f + "/" + r)}, so adding a feature or a repeat leaves the other shuffles unchanged. The drop of
 * a repeat is {@code baseline − shuffled} for a metric where higher is better and
 * {@code shuffled − baseline} otherwise, so a positive drop always means the feature helps; a
 * model that ignores a feature gets exactly 0. The interval is the mean ± Student's t quantile
 * (repeats − 1 degrees of freedom) times the standard error of the mean. The predictor is called
 * once for the baseline and once per feature and repeat. Instances are immutable and thread-safe.
 */
public final class PermutationImportance {

    /** The repeats per feature unless {@link #withRepeats(int)} says otherwise. */
    public static final int DEFAULT_REPEATS = 10;
    /** The confidence level unless {@link #withConfidence(double)} says otherwise. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** The prefix of the names of the seed streams the shuffles are drawn from. */
    public static final String STREAM = "permutation-importance";

    private final Predictor predictor;
    private final Metric metric;
    private final Seed seed;
    private final int repeats;
    private final double confidence;

    private PermutationImportance(Predictor predictor, Metric metric, Seed seed, int repeats, double confidence) {
        this.predictor = predictor;
        this.metric = metric;
        this.seed = seed;
        this.repeats = repeats;
        this.confidence = confidence;
    }

    /**
     * Measures with {@link #DEFAULT_REPEATS} repeats and {@link #DEFAULT_CONFIDENCE} intervals.
     *
     * @param predictor the model
     * @param metric the measure of its predictions
     * @param seed the master seed of the shuffles
     * @return the measurement's settings
     */
    public static PermutationImportance of(Predictor predictor, Metric metric, Seed seed) {
        return new PermutationImportance(Objects.requireNonNull(predictor, "predictor"),
                Objects.requireNonNull(metric, "metric"), Objects.requireNonNull(seed, "seed"), DEFAULT_REPEATS,
                DEFAULT_CONFIDENCE);
    }

    /**
     * @param count how many times each feature is shuffled, at least 2 (an interval needs two)
     * @return these settings with that many repeats
     * @throws IllegalArgumentException if count is below 2
     */
    public PermutationImportance withRepeats(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("repeats must be at least 2 but was " + count);
        }
        return new PermutationImportance(predictor, metric, seed, count, confidence);
    }

    /**
     * @param level the confidence level of the intervals, in (0, 1)
     * @return these settings with that level
     * @throws IllegalArgumentException if the level is outside (0, 1)
     */
    public PermutationImportance withConfidence(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1) but was " + level);
        }
        return new PermutationImportance(predictor, metric, seed, repeats, level);
    }

    /** @return how many times each feature is shuffled */
    public int repeats() {
        return repeats;
    }

    /** @return the confidence level of the intervals */
    public double confidence() {
        return confidence;
    }

    /**
     * Measures every feature of the predictor's input schema.
     *
     * @param features the features, with at least the columns of the predictor's input schema
     * @param truth the true class or value of each row
     * @return the importances, most important first
     * @throws dev.mlops.core.SchemaException if the features do not fit the predictor's input
     * @throws IllegalArgumentException if the truth's length differs from the features' or the
     *     metric is not defined (NaN) on the unshuffled rows
     */
    public ImportanceReport compute(Table features, Column truth) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(truth, "truth");
        InputCheck.require(predictor.inputSchema(), features);
        if (truth.size() != features.rowCount()) {
            throw new IllegalArgumentException("the truth '" + truth.name() + "' has " + truth.size()
                    + " rows, but the features have " + features.rowCount());
        }
        double baseline = metric.compute(truth, predictor.predict(features));
        if (Double.isNaN(baseline)) {
            throw new IllegalArgumentException("metric '" + metric.name()
                    + "' is not defined (NaN) on the unshuffled rows, so no drop can be measured");
        }
        double quantile = new TDistribution(repeats - 1.0).inverseCumulativeProbability((1 + confidence) / 2);
        List<FeatureImportance> importances = new ArrayList<>();
        for (Field field : predictor.inputSchema().fields()) {
            importances.add(measure(features, truth, field.name(), baseline, quantile));
        }
        importances.sort(Comparator.comparingDouble((FeatureImportance importance) -> -importance.mean()));
        return new ImportanceReport(metric.name(), baseline, repeats, confidence, seed, importances);
    }

    private FeatureImportance measure(Table features, Column truth, String feature, double baseline,
            double quantile) {
        int column = features.schema().indexOf(feature);
        double[] drops = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            int[] order = Shuffle.order(features.rowCount(), seed.derive(STREAM + "/" + feature + "/" + r).random());
            List<Column> columns = new ArrayList<>(features.columns());
            columns.set(column, features.column(column).select(order));
            double shuffled = metric.compute(truth, predictor.predict(Table.of(columns)));
            drops[r] = metric.higherIsBetter() ? baseline - shuffled : shuffled - baseline;
        }
        double mean = StatUtils.mean(drops);
        double deviation = new StandardDeviation().evaluate(drops);
        double half = quantile * deviation / Math.sqrt(repeats);
        return new FeatureImportance(feature, mean, deviation, mean - half, mean + half,
                Arrays.stream(drops).boxed().toList());
    }
}
