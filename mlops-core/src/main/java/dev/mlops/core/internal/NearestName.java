package dev.mlops.core.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the known name closest to a misspelt one, for "did you mean" hints in error messages
 * (a suite's {@code "colum"}, a splitter type {@code "stratifed"}).
 */
public final class NearestName {
    /** The largest edit distance still offered as a hint. */
    static final int MAX_DISTANCE = 2;

    private NearestName() {
        throw new AssertionError("no instances");
    }

    /**
     * Returns the known name within two edits (insertions, deletions, substitutions, ignoring
     * case) of the given one; of several, the closest, and of equally close ones the first.
     *
     * @param given the name that was not found
     * @param known the names that exist
     * @return the closest known name, or empty if none is within two edits
     */
    public static Optional<String> of(String given, Collection<String> known) {
        String lower = given.toLowerCase(Locale.ROOT);
        @Nullable String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String name : known) {
            int distance = distance(lower, name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Returns {@code "; did you mean 'x'?"} for the closest known name, or the empty string.
     *
     * @param given the name that was not found
     * @param known the names that exist
     * @return the hint, to append to a message
     */
    public static String hint(String given, Collection<String> known) {
        return of(given, known).map(name -> "; did you mean '" + name + "'?").orElse("");
    }

    /** Levenshtein distance by the two-row dynamic programme. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
