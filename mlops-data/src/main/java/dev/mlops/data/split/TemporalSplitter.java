package dev.mlops.data.split;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Orders the rows by an event-time column and cuts the time line by the sets' fractions: the
 * first set gets the oldest rows. Rows with equal times never straddle a cut, so each set's times
 * are strictly after the previous set's: of the cuts between distinct times, the splitter takes
 * those closest to the requested shares in either direction (see {@link #closestCuts}), and
 * refuses only when there are fewer distinct times than sets. A gap removes,
 * at the start of each later set, the rows within the gap after the previous set's latest time.
 * Draws nothing at random.
 */
final class TemporalSplitter extends AbstractComponent<TemporalSplitterSettings> implements Splitter {
    static final String NAME = "temporal";

    private final SizePolicy sizes;
    private final String time;
    private final Duration gap;
    private final @Nullable NewestSet newest;

    TemporalSplitter(TemporalSplitterSettings settings) {
        super(NAME, settings);
        this.sizes = settings.sizes();
        this.time = settings.time();
        this.gap = settings.gap();
        this.newest = settings.newest();
    }

    @Override
    public Split split(Table table) {
        TimestampColumn column = table.timestampColumn(time);
        int n = table.rowCount();
        SplitSets sets = effectiveSets(sizes.setsFor(n));
        int k = sets.size();
        SplitSupport.requireRows(n, sets, NAME);
        long[] seconds = new long[n];
        int[] nanos = new int[n];
        for (int row = 0; row < n; row++) {
            if (column.isMissing(row)) {
                throw new SplitException("time column '" + time + "' is missing a value at row " + row
                        + " (0-based); a temporal split needs a time on every row");
            }
            seconds[row] = column.epochSecond(row);
            nanos[row] = column.nano(row);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        sortByTime(order, seconds, nanos);

        int[] end = closestCuts(order, seconds, nanos, SplitSupport.allocate(n, sets.fractionArray()));
        if (end == null) {
            throw new SplitException("a " + NAME + " split needs " + (k - 1) + " cuts between distinct times for the sets "
                    + sets + ", but the table's " + n + " rows have " + distinctTimes(order, seconds, nanos)
                    + " distinct times in column '" + time + "', so a set would be empty: rows with equal times stay in one set");
        }
        int[] setOfRow = new int[n];
        int removed = 0;
        int start = 0;
        for (int s = 0; s < k; s++) {
            int position = start;
            if (s > 0 && start > 0 && !gap.isZero()) {
                int last = order[start - 1];
                Instant limit = limit(seconds[last], nanos[last]);
                while (position < end[s] && (limit == null || !Instant.ofEpochSecond(seconds[order[position]],
                        nanos[order[position]]).isAfter(limit))) {
                    setOfRow[order[position]] = SplitSupport.EXCLUDED;
                    position++;
                    removed++;
                }
            }
            for (; position < end[s]; position++) {
                setOfRow[order[position]] = s;
            }
            start = end[s];
        }
        int[][] collected = SplitSupport.collect(setOfRow, k);
        int[][] rows = SplitSupport.setsOnly(collected);
        SplitSupport.requireNoEmptySet(rows, sets, NAME, "rows with equal times stay in one set"
                + (gap.isZero() ? "" : " and the gap of " + gap + " removes the rows within it")
                + "; the table's " + n + " rows have " + distinctTimes(order, seconds, nanos) + " distinct times in column '"
                + time + "'");
        List<String> notes = removed == 0 ? List.of() : List.of(removed + " rows within the gap of " + gap
                + " after an earlier set's latest time are in no set");
        return Split.trusted(spec(), sets, Fingerprint.of(table), n, rows,
                collected[k], new GuaranteeReport(EnumSet.of(Guarantee.TIME_ORDERED), Map.of(), List.of(), removed, notes));
    }

    /**
     * Chooses where the sets end in time order. A cut can fall only between two distinct times;
     * the {@code k - 1} cuts {@code c_1 < ... < c_(k-1)} are those that minimise
     * {@code sum |c_s - T_s|}, where {@code T_s} is the end of set {@code s} without ties (the
     * cumulative largest-remainder counts), so each cut may move in either direction. On a draw
     * the later cuts win, the first cut deciding first: a tie at a cut goes to the earlier set.
     * Dynamic programming from the last cut backwards, O(k * boundaries) time.
     *
     * @return the end (exclusive) of each set in {@code order}, the last being {@code n}; null
     *     when there are fewer boundaries between distinct times than cuts
     */
    private static int @Nullable [] closestCuts(int[] order, long[] seconds, int[] nanos, int[] counts) {
        int n = order.length;
        int k = counts.length;
        int m = 0;
        int[] boundaries = new int[Math.max(0, n - 1)];
        for (int i = 1; i < n; i++) {
            if (compare(order[i], order[i - 1], seconds, nanos) != 0) {
                boundaries[m++] = i;
            }
        }
        int cuts = k - 1;
        if (m < cuts) {
            return null;
        }
        int[] targets = new int[cuts];
        for (int s = 0, cumulative = 0; s < cuts; s++) {
            cumulative += counts[s];
            targets[s] = cumulative;
        }
        // cost[s][j]: the least summed distance of cuts s.. when cut s is boundaries[j]
        long[][] cost = new long[cuts][m];
        for (int s = cuts - 1; s >= 0; s--) {
            long bestLater = s == cuts - 1 ? 0 : Long.MAX_VALUE;
            for (int j = m - 1; j >= 0; j--) {
                boolean feasible = j >= s && j <= m - cuts + s && bestLater != Long.MAX_VALUE;
                cost[s][j] = feasible ? Math.abs((long) boundaries[j] - targets[s]) + bestLater : Long.MAX_VALUE;
                if (s < cuts - 1) {
                    bestLater = Math.min(bestLater, cost[s + 1][j]);
                }
            }
        }
        int[] end = new int[k];
        int previous = -1;
        for (int s = 0; s < cuts; s++) {
            int chosen = previous + 1;
            for (int j = previous + 1; j < m; j++) {
                if (cost[s][j] <= cost[s][chosen]) {
                    chosen = j;
                }
            }
            end[s] = boundaries[chosen];
            previous = chosen;
        }
        end[k - 1] = n;
        return end;
    }

    private SplitSets effectiveSets(SplitSets sets) {
        if (newest == null) {
            return sets;
        }
        if (sets.names().contains(newest.name())) {
            throw new IllegalArgumentException("the newest set's name '" + newest.name() + "' is already one of the sets "
                    + sets.names());
        }
        List<String> names = new ArrayList<>(sets.names());
        List<Double> fractions = new ArrayList<>();
        for (double fraction : sets.fractions()) {
            fractions.add(fraction * (1 - newest.fraction()));
        }
        names.add(newest.name());
        fractions.add(newest.fraction());
        return new SplitSets(names, fractions);
    }

    /** The latest time still within the gap after a set's latest time, or null when it passes Instant.MAX. */
    private @Nullable Instant limit(long second, int nano) {
        try {
            return Instant.ofEpochSecond(second, nano).plus(gap);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static int compare(int a, int b, long[] seconds, int[] nanos) {
        int bySecond = Long.compare(seconds[a], seconds[b]);
        return bySecond != 0 ? bySecond : Integer.compare(nanos[a], nanos[b]);
    }

    private static int distinctTimes(int[] order, long[] seconds, int[] nanos) {
        int distinct = order.length == 0 ? 0 : 1;
        for (int i = 1; i < order.length; i++) {
            if (compare(order[i], order[i - 1], seconds, nanos) != 0) {
                distinct++;
            }
        }
        return distinct;
    }

    /** A stable bottom-up merge sort of row indices by time, without boxing. */
    private static void sortByTime(int[] order, long[] seconds, int[] nanos) {
        int n = order.length;
        int[] source = order;
        int[] target = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int low = 0; low < n; low += 2 * width) {
                int mid = Math.min(low + width, n);
                int high = Math.min(low + 2 * width, n);
                int i = low;
                int j = mid;
                int out = low;
                while (i < mid && j < high) {
                    target[out++] = compare(source[j], source[i], seconds, nanos) < 0 ? source[j++] : source[i++];
                }
                while (i < mid) {
                    target[out++] = source[i++];
                }
                while (j < high) {
                    target[out++] = source[j++];
                }
            }
            int[] swap = source;
            source = target;
            target = swap;
        }
        if (source != order) {
            System.arraycopy(source, 0, order, 0, n);
        }
    }
}
