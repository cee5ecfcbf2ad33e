package dev.mlops.data.label;

import java.util.Objects;

/**
 * Settings of the Dawid–Skene aggregator; start from {@link LabelAggregators#dawidSkeneBuilder()}.
 *
 * <p>Defaults: tolerance 1e-6, at most 100 iterations, additive smoothing 0.01, ties left
 * unresolved, at least 1 vote per item; each setter checks its value as
 * {@link DawidSkeneSettings} does. Not thread-safe; the aggregator it builds is.
 */
public final class DawidSkeneBuilder {
    private DawidSkeneSettings settings = DawidSkeneSettings.defaults();

    DawidSkeneBuilder() {
    }

    /**
     * Sets the tolerance: EM stops when no posterior probability changed by this much or more
     * in an iteration.
     *
     * @param tolerance a positive, finite probability change
     * @return this builder
     * @throws IllegalArgumentException if the tolerance is not positive and finite
     */
    public DawidSkeneBuilder tolerance(double tolerance) {
        settings = new DawidSkeneSettings(settings.tie(), settings.seed(), settings.prefer(), settings.minVotes(),
                settings.maxIterations(), tolerance, settings.smoothing());
        return this;
    }

    /**
     * Sets the most EM iterations (each an M-step and an E-step) to run.
     *
     * @param maxIterations at least 1
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1
     */
    public DawidSkeneBuilder maxIterations(int maxIterations) {
        settings = new DawidSkeneSettings(settings.tie(), settings.seed(), settings.prefer(), settings.minVotes(),
                maxIterations, settings.tolerance(), settings.smoothing());
        return this;
    }

    /**
     * Sets the additive smoothing: a pseudo-count added to every cell of every confusion matrix
     * and to every class count before normalising, so no probability is 0.
     *
     * @param smoothing a positive, finite pseudo-count
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public DawidSkeneBuilder smoothing(double smoothing) {
        settings = new DawidSkeneSettings(settings.tie(), settings.seed(), settings.prefer(), settings.minVotes(),
                settings.maxIterations(), settings.tolerance(), smoothing);
        return this;
    }

    /**
     * Sets what to do when two labels have exactly the same posterior.
     *
     * @param tiePolicy the policy
     * @return this builder
     */
    public DawidSkeneBuilder tiePolicy(TiePolicy tiePolicy) {
        Objects.requireNonNull(tiePolicy, "tiePolicy");
        settings = new DawidSkeneSettings(tiePolicy.kind(), Resolutions.seedOf(tiePolicy), Resolutions.preferOf(tiePolicy),
                settings.minVotes(), settings.maxIterations(), settings.tolerance(), settings.smoothing());
        return this;
    }

    /**
     * Sets the fewest annotations an item needs to get a label; items with fewer still inform
     * the estimates but are reported unresolved.
     *
     * @param minVotes at least 1
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1
     */
    public DawidSkeneBuilder minVotes(int minVotes) {
        settings = new DawidSkeneSettings(settings.tie(), settings.seed(), settings.prefer(), minVotes,
                settings.maxIterations(), settings.tolerance(), settings.smoothing());
        return this;
    }

    /** @return the settings so far */
    public DawidSkeneSettings settings() {
        return settings;
    }

    /** @return the aggregator with these settings */
    public LabelAggregator build() {
        return new DawidSkene(settings);
    }
}
