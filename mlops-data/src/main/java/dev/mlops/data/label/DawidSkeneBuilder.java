package dev.mlops.data.label;

import java.util.Objects;

/**
 * Settings of the Dawid–Skene aggregator; start from {@link LabelAggregators#dawidSkeneBuilder()}.
 *
 * <p>Defaults: tolerance 1e-6, at most 100 iterations, additive smoothing 0.01, ties left
 * unresolved, at least 1 vote per item. Not thread-safe; the aggregator it builds is.
 */
public final class DawidSkeneBuilder {
    private double tolerance = 1e-6;
    private int maxIterations = 100;
    private double smoothing = 0.01;
    private TiePolicy tiePolicy = TiePolicy.unresolved();
    private int minVotes = 1;

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
        if (!(tolerance > 0 && Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("tolerance must be positive and finite but was " + tolerance);
        }
        this.tolerance = tolerance;
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
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1 but was " + maxIterations);
        }
        this.maxIterations = maxIterations;
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
        if (!(smoothing > 0 && Double.isFinite(smoothing))) {
            throw new IllegalArgumentException("smoothing must be positive and finite but was " + smoothing);
        }
        this.smoothing = smoothing;
        return this;
    }

    /**
     * Sets what to do when two labels have exactly the same posterior.
     *
     * @param tiePolicy the policy
     * @return this builder
     */
    public DawidSkeneBuilder tiePolicy(TiePolicy tiePolicy) {
        this.tiePolicy = Objects.requireNonNull(tiePolicy, "tiePolicy");
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
        if (minVotes < 1) {
            throw new IllegalArgumentException("minVotes must be at least 1 but was " + minVotes);
        }
        this.minVotes = minVotes;
        return this;
    }

    /** @return the aggregator with these settings */
    public LabelAggregator build() {
        return new DawidSkene(tolerance, maxIterations, smoothing, tiePolicy, minVotes);
    }
}
