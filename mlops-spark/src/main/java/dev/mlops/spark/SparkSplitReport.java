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
 * What a split of a Spark Dataset measured, and the guarantees that held. Random and stratified
 * splits are exact ({@link SparkSplits} says how): each set, or each class in each set, holds the
 * in-memory splitter's count of distinct record ids, within one of its share. A grouped split's
 * sizes are a stated bound instead: a set's count of {@code n} distinct groups drawn into a set of
 * fraction {@code f} is within {@link #bound(long)} of {@code n f} except with probability
 * {@value #FAILURE_PROBABILITY} for that one count; all {@code S} sets' counts at once are within
 * it except with probability at most {@code S} times that (the union bound). The bound is about
 * groups, not rows; {@link #withinBound} checks a count of groups against it.
 *
 * @param sets the sets and their fractions, in order
 * @param rowsPerSet each set's rows, in set order, unmodifiable
 * @param keysPerSet each set's distinct keys (record ids, or groups for a grouped split), in set
 *     order, unmodifiable; a key is in one set, so these add up to the distinct keys
 * @param classCounts class, then set, to the class's rows in that set (sets in order, classes
 *     sorted; equal to its record ids there when every id is on one row); empty unless the split
 *     is stratified
 * @param held the guarantees that held: {@link Guarantee#GROUPS_INTACT} for a grouped split;
 *     {@link Guarantee#SET_SIZES_WITHIN_ONE_ROW} for a random one and
 *     {@link Guarantee#CLASS_COUNTS_WITHIN_ONE_ROW} for a stratified one when every record id is
 *     on one row (else they hold in ids, and a note says so);
 *     {@link Guarantee#EVERY_CLASS_IN_EVERY_SET} for a stratified one whose every class reached
 *     every set
 * @param notes remarks in plain English, such as classes that an allowed fallback left out of a set
 */
public record SparkSplitReport(SplitSets sets, Map<String, Long> rowsPerSet, Map<String, Long> keysPerSet,
        Map<String, Map<String, Long>> classCounts, Set<Guarantee> held, List<String> notes) {
    /** The probability {@code δ} with which one count may lie beyond {@link #bound(long)}. */
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
     * Hoeffding's bound on a binomial count: of {@code n} keys (groups) each drawn independently
     * into a set with probability {@code f}, the set's count lies within
     * {@code ceil(sqrt(n ln(2/δ) / 2))} of {@code n f} except with probability {@code δ} =
     * {@value #FAILURE_PROBABILITY}. It is about one count of keys: rows that share a key move
     * together, so a count of rows is not binomial in the rows, and {@code S} counts are all
     * within it except with probability at most {@code S δ}.
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
