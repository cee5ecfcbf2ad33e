package dev.mlops.data.label;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Settings of Dawid–Skene EM, the {@code dawid-skene} aggregator, as in
 * {@code dawid-skene(maxIterations=50, tolerance=1.0E-4)}. {@link DawidSkeneBuilder} sets them
 * one at a time. Immutable.
 *
 * @param tie the kind of {@link TiePolicy} for exactly equal posteriors; {@code unresolved} when absent
 * @param seed the seed of {@code tie=random}, 0 when absent; given with {@code tie=random} only
 * @param prefer the labels in order of preference, given with (and needed by) {@code tie=prefer} only
 * @param minVotes the fewest annotations an item needs to get a label, at least 1; 1 when absent.
 *     Items with fewer still inform the estimates but are reported unresolved
 * @param maxIterations the most EM iterations (each an M-step and an E-step), at least 1; 100 when absent
 * @param tolerance EM stops when no posterior changed by this much or more in an iteration;
 *     positive and finite, 1e-6 when absent
 * @param smoothing the pseudo-count added to every confusion cell and class count before
 *     normalising; positive and finite, 0.01 when absent
 */
public record DawidSkeneSettings(TiePolicy.Kind tie, @Nullable Long seed, @Nullable List<String> prefer,
        Integer minVotes, Integer maxIterations, Double tolerance, Double smoothing) {

    /**
     * Fills in the defaults and checks the settings.
     *
     * @param tie the kind of {@link TiePolicy} for exactly equal posteriors; {@code unresolved} when absent
     * @param seed the seed of {@code tie=random}, 0 when absent; given with {@code tie=random} only
     * @param prefer the labels in order of preference, given with (and needed by) {@code tie=prefer} only
     * @param minVotes the fewest annotations an item needs to get a label, at least 1; 1 when absent.
     *     Items with fewer still inform the estimates but are reported unresolved
     * @param maxIterations the most EM iterations (each an M-step and an E-step), at least 1; 100 when absent
     * @param tolerance EM stops when no posterior changed by this much or more in an iteration;
     *     positive and finite, 1e-6 when absent
     * @param smoothing the pseudo-count added to every confusion cell and class count before
     *     normalising; positive and finite, 0.01 when absent
     * @throws IllegalArgumentException if a tie setting is missing for the kind or given for
     *     another kind, the order is empty or repeats a label, minVotes or maxIterations is less
     *     than 1, or tolerance or smoothing is not positive and finite; the message names the
     *     setting and its value
     */
    public DawidSkeneSettings {
        tie = Resolutions.tie(tie);
        seed = Resolutions.seed(tie, seed);
        prefer = Resolutions.prefer(prefer);
        Resolutions.check(tie, seed, prefer);
        minVotes = Resolutions.minVotes(minVotes);
        maxIterations = maxIterations == null ? 100 : maxIterations;
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1 but was " + maxIterations);
        }
        tolerance = positive("tolerance", tolerance == null ? 1e-6 : tolerance);
        smoothing = positive("smoothing", smoothing == null ? 0.01 : smoothing);
    }

    /** @return the defaults: ties unresolved, 1 vote, 100 iterations, tolerance 1e-6, smoothing 0.01 */
    public static DawidSkeneSettings defaults() {
        return new DawidSkeneSettings(null, null, null, null, null, null, null);
    }

    /** @return the tie policy these settings describe */
    public TiePolicy tiePolicy() {
        return TiePolicy.of(tie, seed, prefer);
    }

    private static double positive(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be positive and finite but was " + value);
        }
        return value;
    }
}
