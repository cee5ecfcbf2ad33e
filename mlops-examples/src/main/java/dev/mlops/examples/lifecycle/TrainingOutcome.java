package dev.mlops.examples.lifecycle;

import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.experiment.LeaderboardRow;
import dev.mlops.train.experiment.RunnerResult;
import dev.mlops.train.significance.McNemarResult;
import java.util.List;
import java.util.Objects;

/**
 * What step 4 found: the tracked runs of the baselines and the experiments, and the experiments
 * ranked for the gate.
 *
 * @param experiment the tracking store's experiment the runs belong to
 * @param result the runner's leaderboard, results and test-set accesses
 * @param baseline the most-frequent baseline's spec: the gate's reference while no model is in
 *     production
 * @param tried the experiments (not the baselines) that trained, in the order they were tried:
 *     the order in which they meet the first gate when no model is in production
 * @param ranked the same experiments, best first by macro-F1 on the validation rows: the first of
 *     them other than production's model is the candidate
 * @param bestOverBaseline McNemar's exact test of the best experiment against {@code baseline} on
 *     the validation rows
 */
public record TrainingOutcome(String experiment, RunnerResult result, String baseline, List<String> tried,
        List<String> ranked,
        McNemarResult bestOverBaseline) {

    /** Checks that nothing is missing and copies the order and the ranking. */
    public TrainingOutcome {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(baseline, "baseline");
        tried = List.copyOf(tried);
        ranked = List.copyOf(ranked);
        Objects.requireNonNull(bestOverBaseline, "bestOverBaseline");
    }

    /**
     * An experiment's trained model and validation predictions.
     *
     * @param spec the experiment's spec, as the leaderboard names it
     * @return its result
     * @throws IllegalArgumentException if no experiment of that spec trained
     */
    public ExperimentResult model(String spec) {
        ExperimentResult found = result.results().get(spec);
        if (found == null) {
            throw new IllegalArgumentException("no trained experiment '" + spec + "'; trained: " + result.results().keySet());
        }
        return found;
    }

    /**
     * An experiment's leaderboard row, with its tracked run's id.
     *
     * @param spec the experiment's spec
     * @return its row
     * @throws IllegalArgumentException if the leaderboard has no such row
     */
    public LeaderboardRow row(String spec) {
        return result.leaderboard().rows().stream().filter(row -> row.experiment().equals(spec)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no leaderboard row '" + spec + "'"));
    }
}
