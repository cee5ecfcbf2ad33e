package dev.mlops.data.split;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** Allocation, shuffling and assembly that the built-in splitters share. */
final class SplitSupport {
    /** Marks a row that a temporal gap removed. */
    static final int EXCLUDED = -1;

    private SplitSupport() {
    }

    /**
     * Distributes {@code n} items over sets by the largest-remainder method: each set gets the
     * floor or the ceiling of {@code n * fraction}, so it is within one item of its exact share.
     * The ceilings go first to sets whose floor is zero, so that as many sets as possible get an
     * item, then to the largest remainders; ties go to the earlier set.
     */
    static int[] allocate(int n, double[] fractions) {
        long[] sizes = allocate((long) n, fractions);
        int[] counts = new int[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            counts[s] = (int) sizes[s];
        }
        return counts;
    }

    /** {@link #allocate(int, double[])} for counts beyond an int, such as a Spark Dataset's rows. */
    static long[] allocate(long n, double[] fractions) {
        int k = fractions.length;
        long[] counts = new long[k];
        double[] remainders = new double[k];
        long extra = n;
        for (int s = 0; s < k; s++) {
            double exact = n * fractions[s];
            counts[s] = (long) Math.floor(exact);
            remainders[s] = exact - counts[s];
            extra -= counts[s];
        }
        boolean[] raised = new boolean[k];
        while (extra > 0) {
            int best = -1;
            for (int s = 0; s < k; s++) {
                if (!raised[s] && (best < 0 || better(s, best, counts, remainders))) {
                    best = s;
                }
            }
            if (best < 0) {
                raised = new boolean[k];
                continue;
            }
            raised[best] = true;
            counts[best]++;
            extra--;
        }
        while (extra < 0) {
            int largest = 0;
            for (int s = 1; s < k; s++) {
                if (counts[s] > counts[largest]) {
                    largest = s;
                }
            }
            counts[largest]--;
            extra++;
        }
        return counts;
    }

    private static boolean better(int s, int best, long[] counts, double[] remainders) {
        boolean emptyS = counts[s] == 0 && remainders[s] > 0;
        boolean emptyBest = counts[best] == 0 && remainders[best] > 0;
        if (emptyS != emptyBest) {
            return emptyS;
        }
        return remainders[s] > remainders[best];
    }

    /** Fisher-Yates shuffle of {@code values[from, to)}. */
    static void shuffle(int[] values, int from, int to, SplittableRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /**
     * Turns a set index per row ({@link #EXCLUDED} for none) into ascending rows per set, in one
     * pass; the last array holds the excluded rows.
     */
    static int[][] collect(int[] setOfRow, int setCount) {
        int[] sizes = new int[setCount + 1];
        for (int set : setOfRow) {
            sizes[set == EXCLUDED ? setCount : set]++;
        }
        int[][] rows = new int[setCount + 1][];
        for (int s = 0; s <= setCount; s++) {
            rows[s] = new int[sizes[s]];
        }
        int[] filled = new int[setCount + 1];
        for (int row = 0; row < setOfRow.length; row++) {
            int s = setOfRow[row] == EXCLUDED ? setCount : setOfRow[row];
            rows[s][filled[s]++] = row;
        }
        return rows;
    }

    /**
     * Checks a column setting: present and not blank.
     *
     * @throws IllegalArgumentException naming the setting if it is absent or blank
     */
    static String requireColumn(@Nullable String column, String setting) {
        if (column == null) {
            throw new IllegalArgumentException("the setting '" + setting + "' (a column name) is required");
        }
        if (column.isBlank()) {
            throw new IllegalArgumentException(setting + " column must not be blank but was '" + column + "'");
        }
        return column;
    }

    /** Refuses a table with fewer rows than sets, which would leave a set empty. */
    static void requireRows(int rowCount, SplitSets sets, String splitter) {
        if (rowCount < sets.size()) {
            throw new SplitException("a " + splitter + " split needs at least one row per set, " + sets.size()
                    + " rows for the sets " + sets.names() + ", but the table has " + rowCount);
        }
    }

    /** Refuses a result in which a set is empty. */
    static void requireNoEmptySet(int[][] rows, SplitSets sets, String splitter, String why) {
        List<String> empty = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            if (rows[s].length == 0) {
                empty.add(sets.names().get(s));
            }
        }
        if (!empty.isEmpty()) {
            throw new SplitException("a " + splitter + " split would leave the sets " + empty + " empty (" + sets
                    + "): " + why);
        }
    }

    /** Copies the set arrays out of {@link #collect}'s result. */
    static int[][] setsOnly(int[][] collected) {
        int[][] sets = new int[collected.length - 1][];
        System.arraycopy(collected, 0, sets, 0, sets.length);
        return sets;
    }

    /**
     * Picks the set of the {@code draw}-th free seat (0-based) among the seats still left in each
     * set, and takes the seat; drawing {@code draw} uniformly from the seats left samples sets
     * without replacement, equal to shuffling the rows and cutting them into sets.
     */
    static int takeSeat(int[] left, int draw) {
        int set = 0;
        while (draw >= left[set]) {
            draw -= left[set];
            set++;
        }
        left[set]--;
        return set;
    }
}
