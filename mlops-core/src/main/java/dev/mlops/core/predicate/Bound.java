package dev.mlops.core.predicate;

import dev.mlops.core.table.Table;
import java.util.BitSet;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The one {@link BoundPredicate}: an evaluator tree over a table's columns. {@link #test(int)}
 * evaluates one row; the whole-table methods evaluate a block of rows at a time into a bitmap,
 * large tables in partitions on the common fork-join pool.
 */
final class Bound implements BoundPredicate {
    /** From this many rows on, the whole-table methods evaluate partitions of the rows in parallel. */
    static final int PARALLEL_ROWS = 1 << 18;
    /** Partitions per thread of the common pool, so that a thread slowed down leaves work to the others. */
    private static final int PARTITIONS_PER_THREAD = 4;

    private final RowPredicate predicate;
    private final Table table;
    private final Evaluator root;

    Bound(RowPredicate predicate, Table table, Evaluator root) {
        this.predicate = predicate;
        this.table = table;
        this.root = root;
    }

    @Override
    public RowPredicate predicate() {
        return predicate;
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public boolean test(int row) {
        Objects.checkIndex(row, table.rowCount());
        return root.test(row);
    }

    @Override
    public BitSet selection() {
        return BitSet.valueOf(words());
    }

    @Override
    public int[] matchingRows() {
        long[] words = words();
        int[] rows = new int[Bitmaps.cardinality(words, table.rowCount())];
        int count = 0;
        for (int w = 0; w < words.length; w++) {
            for (long left = words[w]; left != 0; left &= left - 1) {
                rows[count++] = (w << 6) + Long.numberOfTrailingZeros(left);
            }
        }
        return rows;
    }

    @Override
    public int countMatching() {
        return Bitmaps.cardinality(words(), table.rowCount());
    }

    /**
     * Evaluates every row a block at a time into one bitmap, bit {@code row % 64} of word
     * {@code row / 64}; a table of {@link #PARALLEL_ROWS} rows or more in partitions of whole
     * blocks on the common fork-join pool, each partition writing its own words.
     */
    private long[] words() {
        int rows = table.rowCount();
        long[] words = new long[Bitmaps.wordCount(rows)];
        if (rows < PARALLEL_ROWS) {
            evaluate(0, rows, words);
            return words;
        }
        int partitions = Math.min(blocks(rows), PARTITIONS_PER_THREAD * (ForkJoinPool.getCommonPoolParallelism() + 1));
        IntStream.range(0, partitions).parallel().forEach(partition -> evaluate(
                partitionStart(rows, partition, partitions), partitionStart(rows, partition + 1, partitions), words));
        return words;
    }

    /**
     * Returns the first row of a partition: the rows are cut into {@code partitions} runs of
     * whole blocks, as even as blocks allow; partition {@code partitions} starts at {@code rows}.
     */
    static int partitionStart(int rows, int partition, int partitions) {
        return (int) Math.min(rows, (long) blocks(rows) * partition / partitions * Scratch.BLOCK);
    }

    /** @return how many blocks hold the rows, the last one perhaps part full */
    private static int blocks(int rows) {
        return (int) (((long) rows + Scratch.BLOCK - 1) / Scratch.BLOCK);
    }

    /** Evaluates the rows {@code [from, to)}, {@code from} a multiple of the block, into their words. */
    private void evaluate(int from, int to, long[] words) {
        Scratch scratch = new Scratch(to - from);
        long[] block = new long[Bitmaps.wordCount(Math.min(to - from, Scratch.BLOCK))];
        for (int start = from; start < to; start += Scratch.BLOCK) {
            int count = Math.min(Scratch.BLOCK, to - start);
            root.evaluate(start, count, block, scratch, 0);
            System.arraycopy(block, 0, words, start >>> 6, Bitmaps.wordCount(count));
        }
    }

    @Override
    public Table select() {
        return table.rows(matchingRows());
    }

    @Override
    public String toString() {
        return "BoundPredicate[" + predicate + " over " + table.rowCount() + " rows]";
    }
}
