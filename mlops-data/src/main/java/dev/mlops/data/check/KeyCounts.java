package dev.mlops.data.check;

import dev.mlops.core.table.Column;
import dev.mlops.data.internal.Tasks;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;

/**
 * How many rows share each row's key (its values in some columns), among the rows whose key
 * columns are all present, and how many distinct keys there are.
 *
 * <p>Counted by radix-partitioned hashing over the rows' 64-bit keys ({@link KeyHashes}): each
 * worker takes a slice of the rows and scatters every complete row's key (with its row number
 * when keys are not exact) into partitions by some bits of the key, a first pass having counted
 * how many go where, so the rows of a partition stay in ascending order; then each partition, a
 * few thousand keys, is counted in a primitive open-addressing table small enough to stay in the
 * processor's cache, which grows past its first capacity when a partition holds more distinct
 * keys. When keys are not exact, two rows with equal keys count together only if their values
 * are equal ({@link Column#valueEquals}); when they are, the rows of repeated keys are found by
 * a last pass over the rows, which only a table with a repeated key needs. No object is
 * allocated per row; memory is 8 bytes per complete row while counting (12 when keys are not
 * exact), and 4 bytes per row afterwards only if some key repeats. The counts do not depend on
 * the executor, the number of partitions or the tables' first capacity.
 */
final class KeyCounts {
    /** Rows per block when keys are computed a column at a time. */
    private static final int BLOCK = 4096;
    /** About this many rows per partition, so that a partition's table fits in a core's cache. */
    private static final int PARTITION_ROWS = 8192;
    private static final int MAX_PARTITION_BITS = 12;
    /** Partitions are told apart by bits 40 and up of a key; table slots by the low bits. */
    private static final int PARTITION_SHIFT = 40;
    /** No worker takes fewer rows than this. */
    private static final int CHUNK_ROWS = 1 << 16;
    /** The largest first capacity of a partition's table, in slots. */
    private static final int FIRST_SLOTS = 1 << 16;

    private final KeyHashes hashes;
    /** Per row, how many rows share its key when more than one does, else 0; null when no key repeats. */
    private final int @Nullable [] repeats;
    private final long distinct;

    private KeyCounts(KeyHashes hashes, int @Nullable [] repeats, long distinct) {
        this.hashes = hashes;
        this.repeats = repeats;
        this.distinct = distinct;
    }

    /**
     * Counts the keys of a table's rows on the common fork-join pool.
     *
     * @param columns the key's columns, each of {@code rows} rows
     * @param rows the number of rows
     * @return the counts
     */
    static KeyCounts of(List<Column> columns, int rows) {
        return of(columns, rows, ForkJoinPool.commonPool(), partitionBits(rows), FIRST_SLOTS);
    }

    /** @return how many bits tell the partitions of so many rows apart: about 8,192 rows each, at most 4,096 */
    static int partitionBits(int rows) {
        return Math.min(MAX_PARTITION_BITS, Integer.numberOfTrailingZeros(Integer.highestOneBit(
                Math.max(1, rows / PARTITION_ROWS))));
    }

    /** @return how many workers share so many rows: at most {@code workers}, each with at least 65,536 rows */
    static int chunks(int rows, int workers) {
        return Math.max(1, Math.min(workers, rows / CHUNK_ROWS));
    }

    /**
     * Counts the keys with a given executor, number of partitions and first table capacity.
     *
     * @param columns the key's columns, each of {@code rows} rows
     * @param rows the number of rows
     * @param executor runs the workers beside the calling thread
     * @param partitionBits the partitions are {@code 2^partitionBits}, in {@code [0, 12]}
     * @param firstSlots the most slots a partition's table starts with, a power of two, at least 2
     * @return the counts
     */
    static KeyCounts of(List<Column> columns, int rows, Executor executor, int partitionBits, int firstSlots) {
        if (partitionBits < 0 || partitionBits > MAX_PARTITION_BITS) {
            throw new IllegalArgumentException("partitionBits must be in [0, " + MAX_PARTITION_BITS + "] but was "
                    + partitionBits);
        }
        if (firstSlots < 2 || Integer.bitCount(firstSlots) != 1) {
            throw new IllegalArgumentException("firstSlots must be a power of two of at least 2 but was " + firstSlots);
        }
        KeyHashes hashes = KeyHashes.of(columns);
        int partitions = 1 << partitionBits;
        int chunks = chunks(rows, Tasks.workers(executor));
        List<int[]> histograms = Tasks.run(chunks,
                chunk -> histogram(hashes, start(chunk, chunks, rows), start(chunk + 1, chunks, rows), partitions),
                executor);
        int[] bounds = new int[partitions + 1];
        int[][] cursors = new int[chunks][partitions];
        int at = 0;
        for (int partition = 0; partition < partitions; partition++) {
            bounds[partition] = at;
            for (int chunk = 0; chunk < chunks; chunk++) {
                cursors[chunk][partition] = at;
                at += histograms.get(chunk)[partition];
            }
        }
        bounds[partitions] = at;
        // exact keys need no rows: the rows of repeated keys are found again afterwards
        long[] keys = new long[at];
        int @Nullable [] keyRows = hashes.exact() ? null : new int[at];
        Tasks.forEach(chunks, chunk -> scatter(hashes, start(chunk, chunks, rows), start(chunk + 1, chunks, rows),
                cursors[chunk], keys, keyRows), executor);
        int groups = Math.min(partitions, 8 * chunks);
        List<Tally> tallies = Tasks.run(groups, group -> count(hashes, keys, keyRows, bounds,
                start(group, groups, partitions), start(group + 1, groups, partitions), firstSlots), executor);
        long distinct = 0;
        for (Tally tally : tallies) {
            distinct += tally.distinct;
        }
        if (distinct == at) {
            return new KeyCounts(hashes, null, distinct);
        }
        int[] repeats = new int[rows];
        if (keyRows == null) {
            Slots counted = new Slots(hashes);
            counted.reset(2);
            for (Tally tally : tallies) {
                for (int i = 0; i < tally.size; i++) {
                    counted.put(tally.items[i], tally.counts[i]);
                }
            }
            Tasks.forEach(chunks, chunk -> mark(hashes, start(chunk, chunks, rows), start(chunk + 1, chunks, rows),
                    counted, repeats), executor);
        } else {
            for (Tally tally : tallies) {
                for (int i = 0; i < tally.size; i++) {
                    repeats[(int) tally.items[i]] = tally.counts[i];
                }
            }
        }
        return new KeyCounts(hashes, repeats, distinct);
    }

    /** The first of {@code total} items that part {@code part} of {@code parts} takes. */
    private static int start(int part, int parts, int total) {
        return (int) ((long) total * part / parts);
    }

    /** @return the partition of a key: bits 40 and up, as many as {@code partitions}, a power of two, needs */
    static int partition(long key, int partitions) {
        return (int) (key >>> PARTITION_SHIFT) & (partitions - 1);
    }

    /** What is done with each block of complete rows and their keys. */
    private interface BlockAction {
        void accept(int[] rows, long[] keys, int n);
    }

    /** Computes the complete rows of {@code [from, to)} and their keys a block at a time. */
    private static void blocks(KeyHashes hashes, int from, int to, BlockAction action) {
        int[] rows = new int[BLOCK];
        long[] keys = new long[BLOCK];
        for (int block = from; block < to; block += BLOCK) {
            action.accept(rows, keys, hashes.hash(block, Math.min(to, block + BLOCK), rows, keys));
        }
    }

    private static int[] histogram(KeyHashes hashes, int from, int to, int partitions) {
        int[] histogram = new int[partitions];
        blocks(hashes, from, to, (rows, keys, n) -> {
            for (int i = 0; i < n; i++) {
                histogram[partition(keys[i], partitions)]++;
            }
        });
        return histogram;
    }

    private static void scatter(KeyHashes hashes, int from, int to, int[] cursor, long[] keys,
            int @Nullable [] keyRows) {
        int partitions = cursor.length;
        blocks(hashes, from, to, (rows, blockKeys, n) -> {
            for (int i = 0; i < n; i++) {
                long key = blockKeys[i];
                int at = cursor[partition(key, partitions)]++;
                keys[at] = key;
                if (keyRows != null) {
                    keyRows[at] = rows[i];
                }
            }
        });
    }

    /**
     * Counts the keys of partitions {@code [from, to)}, one after another in one reused table, and
     * tallies the repeated ones: each repeated key with its count when keys are exact, else each
     * row of a repeated key with its count.
     */
    private static Tally count(KeyHashes hashes, long[] keys, int @Nullable [] keyRows, int[] bounds, int from,
            int to, int firstSlots) {
        Slots slots = new Slots(hashes);
        Tally tally = new Tally();
        for (int partition = from; partition < to; partition++) {
            int start = bounds[partition];
            int end = bounds[partition + 1];
            slots.reset((int) Math.min(firstSlots, Integer.highestOneBit(Math.max(1, end - start)) * 4L));
            for (int i = start; i < end; i++) {
                slots.add(keys[i], keyRows == null ? 0 : keyRows[i]);
            }
            boolean repeated = slots.size < end - start;
            if (repeated && keyRows == null) {
                slots.tallyRepeated(tally);
            } else if (repeated) {
                for (int i = start; i < end; i++) {
                    int count = slots.count(keys[i], keyRows[i]);
                    if (count > 1) {
                        tally.add(keyRows[i], count);
                    }
                }
            }
            tally.distinct += slots.size;
        }
        return tally;
    }

    /** Sets the count of each row of {@code [from, to)} whose exact key is among the counted ones. */
    private static void mark(KeyHashes hashes, int from, int to, Slots counted, int[] repeats) {
        blocks(hashes, from, to, (rows, keys, n) -> {
            for (int i = 0; i < n; i++) {
                repeats[rows[i]] = counted.count(keys[i], rows[i]);
            }
        });
    }

    /**
     * @param row a row
     * @return how many rows share this row's key; 0 for a row with a missing key value
     */
    int count(int row) {
        if (!hashes.complete(row)) {
            return 0;
        }
        return repeats == null || repeats[row] == 0 ? 1 : repeats[row];
    }

    /** @return the number of distinct keys among the rows whose key columns are all present */
    long distinct() {
        return distinct;
    }

    /**
     * A primitive open-addressing table with linear probing: per slot a key, the first row that
     * had it plus one (0: an empty slot; exact keys need no row, so 1) and how many rows have it.
     * It doubles when more than half full.
     */
    private static final class Slots {
        private final KeyHashes hashes;
        private long[] keys = new long[0];
        private int[] firsts = new int[0];
        private int[] counts = new int[0];
        private int mask;
        int size;

        Slots(KeyHashes hashes) {
            this.hashes = hashes;
        }

        /** Empties the table and gives it {@code capacity} slots, a power of two. */
        void reset(int capacity) {
            if (capacity > keys.length) {
                keys = new long[capacity];
                firsts = new int[capacity];
                counts = new int[capacity];
            } else {
                Arrays.fill(firsts, 0, capacity, 0);
            }
            mask = capacity - 1;
            size = 0;
        }

        /** @return the slot of the row's key, or {@code -1 - s} when it is absent and {@code s} is free */
        private int find(long key, int row) {
            int slot = (int) key & mask;
            while (true) {
                int first = firsts[slot];
                if (first == 0) {
                    return -1 - slot;
                }
                if (keys[slot] == key && (hashes.exact() || hashes.sameKey(first - 1, row))) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
        }

        /** Counts one more row with this key. */
        void add(long key, int row) {
            int slot = find(key, row);
            if (slot >= 0) {
                counts[slot]++;
            } else {
                insert(-1 - slot, key, row + 1, 1);
            }
        }

        /** Adds an exact key that is not yet in the table, with its count. */
        void put(long key, int count) {
            insert(-1 - find(key, 0), key, 1, count);
        }

        /** @return how many rows have the key of this row; 0 if none */
        int count(long key, int row) {
            int slot = find(key, row);
            return slot < 0 ? 0 : counts[slot];
        }

        /** Tallies each key that more than one row has, with its count. */
        void tallyRepeated(Tally tally) {
            for (int slot = 0; slot <= mask; slot++) {
                if (firsts[slot] != 0 && counts[slot] > 1) {
                    tally.add(keys[slot], counts[slot]);
                }
            }
        }

        private void insert(int slot, long key, int first, int count) {
            keys[slot] = key;
            firsts[slot] = first;
            counts[slot] = count;
            if (++size > mask >> 1) {
                grow();
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldFirsts = firsts;
            int[] oldCounts = counts;
            int oldCapacity = mask + 1;
            int capacity = 2 * oldCapacity;
            keys = new long[capacity];
            firsts = new int[capacity];
            counts = new int[capacity];
            mask = capacity - 1;
            for (int old = 0; old < oldCapacity; old++) {
                if (oldFirsts[old] != 0) {
                    int slot = (int) oldKeys[old] & mask;
                    while (firsts[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[old];
                    firsts[slot] = oldFirsts[old];
                    counts[slot] = oldCounts[old];
                }
            }
        }
    }

    /**
     * What one worker found repeated, each with its count: rows of repeated keys, or repeated
     * exact keys; and how many distinct keys it counted.
     */
    private static final class Tally {
        long[] items = new long[16];
        int[] counts = new int[16];
        int size;
        long distinct;

        void add(long item, int count) {
            if (size == items.length) {
                items = Arrays.copyOf(items, 2 * size);
                counts = Arrays.copyOf(counts, 2 * size);
            }
            items[size] = item;
            counts[size] = count;
            size++;
        }
    }
}
