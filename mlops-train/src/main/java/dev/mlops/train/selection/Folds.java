package dev.mlops.train.selection;

import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitter;
import dev.mlops.data.split.Splitters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to cut rows into k folds for cross-validation, built on the library's
 * {@link Splitter}s so that folds keep their guarantees: k sets {@code fold-1} … {@code fold-k}
 * of a k-th of the rows each, disjoint and covering every row, the same for the same seed;
 * stratified folds keep the label's class proportions, grouped folds keep each group in one fold.
 *
 * @param k the number of folds, at least 2
 * @param kind random, stratified by a label column, or grouped by a group column
 * @param column the label (stratified) or group (grouped) column; null for random
 * @param seed the seed of the assignment
 */
public record Folds(int k, Kind kind, @Nullable String column, long seed) {
    /** The kinds of folds. */
    public enum Kind {
        /** Rows assigned at random. */
        RANDOM,
        /** Each fold with the label's class proportions. */
        STRATIFIED,
        /** Each group's rows in one fold. */
        GROUPED
    }

    /**
     * Checks the parts.
     *
     * @param k the number of folds, at least 2
     * @param kind the kind
     * @param column the column a stratified or grouped kind reads; null for random
     * @param seed the seed
     * @throws IllegalArgumentException if k is below 2, or the column is missing or superfluous
     */
    public Folds {
        Objects.requireNonNull(kind, "kind");
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, but k was " + k);
        }
        if ((kind == Kind.RANDOM) != (column == null)) {
            throw new IllegalArgumentException(kind == Kind.RANDOM ? "random folds read no column, but got '" + column
                    + "'" : kind.name().toLowerCase(java.util.Locale.ROOT) + " folds need a column");
        }
    }

    /**
     * @param k the number of folds
     * @param seed the seed
     * @return random folds
     */
    public static Folds random(int k, long seed) {
        return new Folds(k, Kind.RANDOM, null, seed);
    }

    /**
     * @param k the number of folds
     * @param label the label column
     * @param seed the seed
     * @return folds stratified by the label
     */
    public static Folds stratified(int k, String label, long seed) {
        return new Folds(k, Kind.STRATIFIED, label, seed);
    }

    /**
     * @param k the number of folds
     * @param group the group column
     * @param seed the seed
     * @return folds that keep each group's rows together
     */
    public static Folds grouped(int k, String group, long seed) {
        return new Folds(k, Kind.GROUPED, group, seed);
    }

    /** @return the fold names, {@code fold-1} to {@code fold-k} */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            names.add("fold-" + i);
        }
        return names;
    }

    /** @return the splitter that cuts the folds */
    public Splitter splitter() {
        SplitSets sets = new SplitSets(names(), Collections.nCopies(k, 1.0 / k));
        return switch (kind) {
            case RANDOM -> Splitters.random(sets, seed);
            case STRATIFIED -> Splitters.stratified(sets, Objects.requireNonNull(column), seed);
            case GROUPED -> Splitters.grouped(sets, Objects.requireNonNull(column), seed);
        };
    }
}
