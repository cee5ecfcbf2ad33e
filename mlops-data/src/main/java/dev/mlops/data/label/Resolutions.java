package dev.mlops.data.label;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings every built-in aggregator shares, {@code tie}, {@code seed}, {@code prefer} and
 * {@code minVotes}: their defaults and checks, written once for the settings records.
 */
final class Resolutions {
    /** The seed of {@code tie=random} when none is given. */
    static final long DEFAULT_SEED = 0;

    private Resolutions() {
    }

    static TiePolicy.Kind tie(TiePolicy.@Nullable Kind tie) {
        return tie == null ? TiePolicy.Kind.UNRESOLVED : tie;
    }

    /** The seed, 0 by default with {@code tie=random}; checked with the others by {@link #check}. */
    static @Nullable Long seed(TiePolicy.Kind tie, @Nullable Long seed) {
        return seed == null && tie == TiePolicy.Kind.RANDOM ? Long.valueOf(DEFAULT_SEED) : seed;
    }

    static @Nullable List<String> prefer(@Nullable List<String> prefer) {
        return prefer == null ? null : List.copyOf(prefer);
    }

    static int minVotes(@Nullable Integer minVotes) {
        int value = minVotes == null ? 1 : minVotes;
        if (value < 1) {
            throw new IllegalArgumentException("minVotes must be at least 1 but was " + value);
        }
        return value;
    }

    /** Refuses a tie policy whose settings do not go together. */
    static void check(TiePolicy.Kind tie, @Nullable Long seed, @Nullable List<String> prefer) {
        TiePolicy.of(tie, seed, prefer);
    }

    static @Nullable Long seedOf(TiePolicy policy) {
        return policy instanceof TiePolicy.Random random ? random.seed().value() : null;
    }

    static @Nullable List<String> preferOf(TiePolicy policy) {
        return policy instanceof TiePolicy.PreferredOrder preferred ? preferred.order() : null;
    }
}
