package dev.mlops.spark;

import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.SplitSets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a split of a Spark Dataset measured, with one aggregate over its rows, and the guarantees
 * that held. Set sizes are not exact on Spark ({@link SparkSplits} says why): each count of
 * {@code n} keys drawn into a set of fraction {@code f} is within {@link #bound(long)} of
 * {@code n f} except with probability {@value #FAILURE_PROBABILITY}; {@link #withinBound} checks a
 * count against it.
 *
 * @param sets the sets and their fractions, in order
 * @param rowsPerSet each set's rows, in set order, unmodifiable
 * @param keysPerSet each set's distinct keys (record ids, or groups for a grouped split), in set
 *     order, unmodifiable
 * @param classCounts class, then set, to the class's rows in that set (sets in order, classes
 *     sorted); empty unless the split is stratified
 * @param held the guarantees that held: {@link Guarantee#GROUPS_INTACT} for a grouped split,
 *     {@link Guarantee#EVERY_CLASS_IN_EVERY_SET} for a stratified one whose every class reached
 *     every set
 * @param notes remarks in plain English, such as classes that an allowed fallback left out of a set
 */
public record SparkSplitReport(SplitSets sets, Map<String, Long> rowsPerSet, Map<String, Long> keysPerSet,
        Map<String, Map<String, Long>> classCounts, Set<Guarantee> held, List<String> notes) {
    /** The probability {@code δ} with which a count may lie beyond {@link #bound(long)}. */
    public static final double FAILURE_PROBABILITY = 1e-9;

    /**
     * Makes the collections unmodifiable.
     *
     * @param sets the sets and their fractions, in order
     * @param rowsPerSet each set's rows, in set order
     * @param keysPerSet each set's distinct keys, in set order
     * @param classCounts class, then set, to the class's rows in that set
     * @param held the guarantees that held
     * @param notes remarks in plain English
     */
    public SparkSplitReport {
        Objects.requireNonNull(sets, "sets");
        rowsPerSet = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerSet));
        keysPerSet = Collections.unmodifiableMap(new LinkedHashMap<>(keysPerSet));
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        classCounts.forEach((label, perSet) -> counts.put(label, Collections.unmodifiableMap(new LinkedHashMap<>(perSet))));
        classCounts = Collections.unmodifiableMap(counts);
        held = held.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(held));
        notes = List.copyOf(notes);
    }

    /** @return the rows of all sets */
    public long rows() {
        return rowsPerSet.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Hoeffding's bound on a binomial count: of {@code n} keys each drawn into a set with
     * probability {@code f}, the set's count lies within {@code ceil(sqrt(n ln(2/δ) / 2))} of
     * {@code n f} except with probability {@code δ} = {@value #FAILURE_PROBABILITY}.
     *
     * @param n the keys drawn, not negative
     * @return the bound, in keys: 3,273 for a million, 103,481 for a billion
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static long bound(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative but was " + n);
        }
        return (long) Math.ceil(Math.sqrt(n * Math.log(2 / FAILURE_PROBABILITY) / 2));
    }

    /**
     * Tells whether a count of keys in a set is within the {@link #bound(long)} of its share.
     *
     * @param count the keys found in the set
     * @param n the keys drawn
     * @param set the set's name
     * @return true if {@code |count - n f| <= bound(n)}, {@code f} the set's fraction
     * @throws IllegalArgumentException if there is no such set
     */
    public boolean withinBound(long count, long n, String set) {
        double fraction = sets.fractions().get(sets.indexOf(set));
        return Math.abs(count - n * fraction) <= bound(n);
    }

    /**
     * Tells whether a guarantee held.
     *
     * @param guarantee the guarantee
     * @return true if the report lists it
     */
    public boolean holds(Guarantee guarantee) {
        return held.contains(Objects.requireNonNull(guarantee, "guarantee"));
    }
}
