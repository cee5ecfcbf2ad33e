package dev.mlops.core.predicate;

import dev.mlops.core.table.Table;
import java.util.Arrays;
import java.util.Objects;

/** The one {@link BoundPredicate}: an evaluator tree over a table's columns. */
final class Bound implements BoundPredicate {
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
    public int[] matchingRows() {
        int n = table.rowCount();
        int[] rows = new int[n];
        int count = 0;
        for (int row = 0; row < n; row++) {
            if (root.test(row)) {
                rows[count++] = row;
            }
        }
        return count == n ? rows : Arrays.copyOf(rows, count);
    }

    @Override
    public int countMatching() {
        int n = table.rowCount();
        int count = 0;
        for (int row = 0; row < n; row++) {
            if (root.test(row)) {
                count++;
            }
        }
        return count;
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
