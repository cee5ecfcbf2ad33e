package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.significance.RepeatedRuns;
import dev.mlops.train.significance.WelchResult;
import java.util.List;
import java.util.Objects;

/**
 * Repeated runs of experiments over seeds, so that an improvement is told from the spread a seed
 * alone causes: each experiment runs once per seed of {@link RepeatedRuns#seeds} (derived from the
 * context's seed), on the same rows, and two experiments' values of a metric are compared by
 * Welch's t-test. Stateless and thread-safe.
 */
public final class Repeats {

    private Repeats() {
        throw new AssertionError("no instances");
    }

    /**
     * Runs an experiment once per seed and collects one metric's validation values.
     *
     * @param experiment the experiment
     * @param context the rows and metrics; its seed is the master of the runs' seeds
     * @param k how many runs, at least 2
     * @param metric one of the context's metrics
     * @return the metric's value of each run, in seed order
     * @throws IllegalArgumentException if k is below 2 or the metric is not one of the context's
     */
    public static double[] values(Experiment experiment, ExperimentContext context, int k, Metric metric) {
        Objects.requireNonNull(experiment, "experiment");
        if (k < 2) {
            throw new IllegalArgumentException("repeated runs need k of at least 2, but k was " + k);
        }
        if (!context.metrics().contains(metric)) {
            throw new IllegalArgumentException("metric '" + metric.name() + "' is not one of the context's metrics "
                    + context.metrics());
        }
        List<Seed> seeds = RepeatedRuns.seeds(context.seed(), k);
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            ExperimentContext seeded = ExperimentContext.of(context.train(), context.validation(), context.label(),
                    seeds.get(i), context.metrics(), context.slices(), null);
            values[i] = experiment.run(seeded).metrics().get(metric.name());
        }
        return values;
    }

    /**
     * Runs two experiments once per seed each and compares a metric by Welch's t-test.
     *
     * @param first the first experiment
     * @param second the second experiment
     * @param context the rows and metrics; its seed is the master of both experiments' seeds
     * @param k how many runs of each, at least 2
     * @param metric one of the context's metrics
     * @return the test: means, standard deviations, t, degrees of freedom, p-value
     */
    public static WelchResult compare(Experiment first, Experiment second, ExperimentContext context, int k,
            Metric metric) {
        return RepeatedRuns.compare(metric, values(first, context, k, metric), values(second, context, k, metric));
    }
}
