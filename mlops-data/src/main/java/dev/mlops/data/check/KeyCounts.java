package dev.mlops.data.check;

import dev.mlops.core.table.Column;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * How many rows share each row's key (its values in some columns), among the rows a predicate
 * admits: an open-addressing hash table of representative rows, compared with
 * {@link Column#valueEquals}, so no object is allocated per row.
 */
final class KeyCounts {
    private final int[] slotOfRow;
    /** Per slot, two ints side by side (one cache line): the representative row + 1 (0: empty) and the count. */
    private final int[] table;

    private KeyCounts(int[] slotOfRow, int[] table) {
        this.slotOfRow = slotOfRow;
        this.table = table;
    }

    /** Counts the keys of the rows where {@code admitted} is true; other rows count 0. */
    static KeyCounts of(List<Column> columns, int rows, IntPredicate admitted) {
        long wanted = Math.max(4L, 2L * rows);
        if (wanted > 1L << 30) {
            throw new IllegalArgumentException("cannot count the keys of " + rows + " rows in one table; at most "
                    + (1 << 29) + " rows");
        }
        int capacity = Integer.highestOneBit((int) wanted - 1) << 1;
        int mask = capacity - 1;
        int[] table = new int[2 * capacity];
        int[] slotOfRow = new int[rows];
        for (int row = 0; row < rows; row++) {
            if (!admitted.test(row)) {
                slotOfRow[row] = -1;
                continue;
            }
            int slot = spread(hash(columns, row)) & mask;
            while (true) {
                int stored = table[2 * slot];
                if (stored == 0) {
                    table[2 * slot] = row + 1;
                    table[2 * slot + 1] = 1;
                    break;
                }
                if (sameKey(columns, stored - 1, row)) {
                    table[2 * slot + 1]++;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            slotOfRow[row] = slot;
        }
        return new KeyCounts(slotOfRow, table);
    }

    /** @return how many admitted rows share this row's key; 0 for a row that was not admitted */
    int count(int row) {
        int slot = slotOfRow[row];
        return slot < 0 ? 0 : table[2 * slot + 1];
    }

    /** @return the number of distinct keys among the admitted rows: the occupied slots */
    long distinct() {
        long keys = 0;
        for (int slot = 0; slot < table.length; slot += 2) {
            if (table[slot] != 0) {
                keys++;
            }
        }
        return keys;
    }

    private static int hash(List<Column> columns, int row) {
        int h = 1;
        for (Column column : columns) {
            h = 31 * h + column.valueHash(row);
        }
        return h;
    }

    /** MurmurHash3's 32-bit finaliser: {@code Double.hashCode} of small integers has no low bits. */
    private static int spread(int h) {
        int x = h ^ (h >>> 16);
        x *= 0x85EBCA6B;
        x ^= x >>> 13;
        x *= 0xC2B2AE35;
        return x ^ (x >>> 16);
    }

    private static boolean sameKey(List<Column> columns, int a, int b) {
        for (Column column : columns) {
            if (!column.valueEquals(a, column, b)) {
                return false;
            }
        }
        return true;
    }
}
