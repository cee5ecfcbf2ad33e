package dev.mlops.train.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One experiment on a {@link Leaderboard}.
 *
 * @param experiment the experiment's spec, such as {@code logistic-regression(epochs=5)}
 * @param baseline whether it is one of the baselines the runner ran first
 * @param runId its tracked run, or null when nothing was tracked
 * @param validation its metrics on the validation rows
 * @param test its metrics on the test rows, measured once at the end
 * @param lift the primary metric's improvement on the test rows over the best baseline's
 *     (positive is better, whichever direction the metric runs); 0 for the best baseline itself
 * @param inferenceP50Micros the median time to predict one example, in microseconds
 * @param inferenceP99Micros the 99th percentile of that time
 * @param modelBytes the model's serialized size, or -1 if unknown
 * @param mark a note on the difference from the best baseline: empty, or why it is not significant
 * @param failure why the experiment failed, or null; a failed experiment has no metrics
 */
public record LeaderboardRow(String experiment, boolean baseline, @Nullable String runId, Map<String, Double> validation,
        Map<String, Double> test, double lift, double inferenceP50Micros, double inferenceP99Micros, long modelBytes,
        String mark, @Nullable String failure) {
    /**
     * Copies the maps.
     *
     * @param experiment the spec
     * @param baseline whether it is a baseline
     * @param runId the run, or null
     * @param validation the validation metrics
     * @param test the test metrics
     * @param lift the improvement over the best baseline
     * @param inferenceP50Micros the median time per example
     * @param inferenceP99Micros the 99th percentile time per example
     * @param modelBytes the serialized size, or -1
     * @param mark the significance note
     * @param failure the failure, or null
     */
    public LeaderboardRow {
        Objects.requireNonNull(experiment, "experiment");
        validation = Collections.unmodifiableMap(new LinkedHashMap<>(validation));
        test = Collections.unmodifiableMap(new LinkedHashMap<>(test));
        Objects.requireNonNull(mark, "mark");
    }
}
