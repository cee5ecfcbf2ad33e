package dev.mlops.examples.lifecycle;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Column;
import dev.mlops.train.experiment.ClassificationBaseline;
import dev.mlops.train.experiment.ClassificationTree;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentRunner;
import dev.mlops.train.experiment.LeaderboardRow;
import dev.mlops.train.experiment.LogisticRegression;
import dev.mlops.train.experiment.RunnerResult;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.significance.McNemar;
import dev.mlops.train.significance.McNemarResult;
import dev.mlops.train.tracking.TrackingStore;
import java.util.Comparator;
import java.util.List;

/**
 * Step 4 of the walk: baselines first, then the experiments, every run tracked.
 *
 * <p>{@link ExperimentRunner} runs the three classification baselines (most frequent, stratified,
 * uniform) and then {@link #experiments()}, each trained on the training rows and measured on the
 * validation rows, then evaluates each once on the test rows. Every one is a run in the tracking
 * store with the seed, the data as a lineage input (its fingerprint: the data version) and
 * {@code split.json}. Macro-F1 comes first in the metrics: it orders the leaderboard and is what
 * the gate reads, since with 70 % good applications accuracy rewards saying "good" to everyone.
 *
 * <p>The experiments are tried in the order of {@link #experiments()}: the team's first, simple
 * model (a shallow CART tree), then a logistic regression, then a deeper tree. They are ranked by
 * macro-F1 on the <em>validation</em> rows, which is what the validation rows are for: choosing.
 * The gates of step 5 read neither the validation rows nor the training rows but the test and
 * recent sets, which no choice used. The best experiment on validation is compared with the
 * most-frequent baseline by McNemar's exact test on the validation rows.
 */
final class Training {
    /** The tracking store's experiment of the walk's runs. */
    static final String EXPERIMENT = "credit-approval";

    private Training() {
    }

    /**
     * The experiments the walk runs after the baselines.
     *
     * @return in the order tried: a CART tree of depth 4 (the first, simple model), a logistic
     *     regression, and a CART tree of depth 6
     */
    static List<Experiment> experiments() {
        return List.of(new ClassificationTree(new ClassificationTree.Settings(4, 5.0)),
                new LogisticRegression(new LogisticRegression.Settings(10, 0.1, 1)),
                new ClassificationTree(new ClassificationTree.Settings(6, 5.0)));
    }

    /**
     * Runs the baselines and experiments on the split, tracked.
     *
     * @param split the sets
     * @param seed the runner's seed
     * @param tracking where the runs are recorded
     * @param console where the leaderboard goes
     * @return the runs and the ranking
     */
    static TrainingOutcome run(SplitOutcome split, Seed seed, TrackingStore tracking, Console console) {
        Metric primary = Metrics.macroF1();
        List<Metric> metrics = List.of(primary, Metrics.accuracy(), Metrics.auc(), Metrics.logLoss());
        RunnerResult result = ExperimentRunner.builder()
                .data(split.older(), CreditApplications.LABEL, split.split())
                .seed(seed)
                .metrics(metrics)
                .slices(split.slices())
                .experiments(experiments().toArray(Experiment[]::new))
                .tracking(tracking, EXPERIMENT)
                .build()
                .run();
        List<String> tried = experiments().stream().map(experiment -> experiment.spec().toString())
                .filter(spec -> result.results().containsKey(spec))
                .toList();
        List<String> ranked = result.leaderboard().rows().stream()
                .filter(row -> tried.contains(row.experiment()))
                .sorted(Comparator.comparingDouble((LeaderboardRow row) -> row.validation().get(primary.name())).reversed())
                .map(LeaderboardRow::experiment)
                .toList();
        if (ranked.isEmpty()) {
            throw new IllegalStateException("no experiment trained: " + result.leaderboard().toText());
        }
        String baseline = new ClassificationBaseline(ClassificationBaseline.Strategy.MOST_FREQUENT).spec().toString();
        Column validationTruth = split.set("validation").column(CreditApplications.LABEL);
        McNemarResult significance = McNemar.test(validationTruth,
                result.results().get(ranked.get(0)).validationPredictions(),
                result.results().get(baseline).validationPredictions());

        console.detail("%-62s %-20s %s", "macro-F1, by validation (which ranks)", "validation", "test (gates only, not"
                + " used for choosing)");
        List<LeaderboardRow> byValidation = result.leaderboard().rows().stream()
                .sorted(Comparator.comparingDouble((LeaderboardRow row) -> row.validation().getOrDefault(primary.name(),
                        Double.NEGATIVE_INFINITY)).reversed())
                .toList();
        for (LeaderboardRow row : byValidation) {
            console.detail("%-62s %-20.3f %.3f%s", row.experiment() + (row.baseline() ? " *" : ""),
                    row.validation().getOrDefault(primary.name(), Double.NaN),
                    row.test().getOrDefault(primary.name(), Double.NaN), row.failure() == null ? "" : " FAILED");
        }
        console.detail("%d runs tracked in experiment '%s' (* baseline); best on validation: %s,",
                result.leaderboard().rows().size(), EXPERIMENT, ranked.get(0));
        console.detail("  McNemar p = %.2g vs %s on the validation rows", significance.pValue(), baseline);
        return new TrainingOutcome(EXPERIMENT, result, baseline, tried, ranked, significance);
    }
}
