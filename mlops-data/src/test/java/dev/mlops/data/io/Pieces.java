package dev.mlops.data.io;

import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Cuts tables into pieces of consecutive rows, as a streaming format's row groups cut a file. */
public final class Pieces {
    private Pieces() {
    }

    /**
     * Cuts a table at up to {@code maxCuts} random rows: pieces in row order, some possibly empty.
     *
     * @param table the table
     * @param random chooses the cuts
     * @param maxCuts the most cuts, at least 0
     * @return the pieces, which stacked are the table
     */
    public static List<Table> cut(Table table, SplittableRandom random, int maxCuts) {
        int rows = table.rowCount();
        int[] cuts = new int[random.nextInt(maxCuts + 1) + 2];
        cuts[cuts.length - 1] = rows;
        for (int i = 1; i < cuts.length - 1; i++) {
            cuts[i] = random.nextInt(rows + 1);
        }
        Arrays.sort(cuts);
        List<Table> pieces = new ArrayList<>();
        for (int i = 1; i < cuts.length; i++) {
            pieces.add(table.rows(IntStream.range(cuts[i - 1], cuts[i]).toArray()));
        }
        return pieces;
    }

    /**
     * @param table the table
     * @param rows the rows of each piece but the last, at least 1
     * @return the table in pieces of that many rows
     */
    public static List<Table> every(Table table, int rows) {
        List<Table> pieces = new ArrayList<>();
        for (int start = 0; start < table.rowCount(); start += rows) {
            pieces.add(table.rows(IntStream.range(start, Math.min(table.rowCount(), start + rows)).toArray()));
        }
        return pieces;
    }

    /**
     * @param table the table
     * @param pieces its pieces
     * @return the pieces as a source named "pieces"
     */
    public static TableSource source(Table table, List<Table> pieces) {
        return TableSource.of("pieces", table.schema(), pieces);
    }
}
