package dev.mlops.data.leakage;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnBuilder;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.leakage.LeakageCheck.SetIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sets given as tables of their own, joined into one table, with the index of which rows are
 * whose (for {@link LeakageCheck#run(Map)}).
 *
 * @param table the tables' rows, set after set in the map's order
 * @param index each row's set, and where each set's table starts
 */
record JoinedSets(Table table, SetIndex index) {

    /**
     * @param sets the sets by name, at least two, each with rows and the first table's columns
     * @return the joined table and its index
     * @throws IllegalArgumentException if there are fewer than two sets, a name is blank or a table has no rows
     * @throws SchemaException if a table's columns differ from the first table's
     */
    static JoinedSets of(Map<String, Table> sets) {
        Objects.requireNonNull(sets, "sets");
        List<String> names = List.copyOf(sets.keySet());
        if (names.size() < 2) {
            throw new IllegalArgumentException("sets must hold at least two sets but held " + names.size() + ": "
                    + names);
        }
        for (String name : names) {
            LeakageCheck.requireName(name, "set name");
        }
        String first = names.get(0);
        Schema schema = sets.get(first).schema();
        int rowCount = 0;
        for (String name : names) {
            Table table = Objects.requireNonNull(sets.get(name), "sets.get(" + name + ")");
            if (table.rowCount() == 0) {
                throw new IllegalArgumentException("set '" + name + "' has no rows");
            }
            requireSameColumns(schema, first, table.schema(), name);
            rowCount += table.rowCount();
        }
        int[] setOf = new int[rowCount];
        int[] firstRows = new int[names.size()];
        int next = 0;
        for (int s = 0; s < names.size(); s++) {
            firstRows[s] = next;
            int end = next + sets.get(names.get(s)).rowCount();
            Arrays.fill(setOf, next, end, s);
            next = end;
        }
        int[] rows = new int[rowCount];
        Arrays.setAll(rows, row -> row);
        List<Column> columns = new ArrayList<>(schema.size());
        for (int c = 0; c < schema.size(); c++) {
            Field field = schema.field(c);
            ColumnBuilder builder = ColumnBuilder.of(field.name(), field.type());
            for (String name : names) {
                Column column = sets.get(name).column(c);
                for (int row = 0; row < column.size(); row++) {
                    append(builder, column, row);
                }
            }
            columns.add(builder.build());
        }
        return new JoinedSets(Table.of(columns), new SetIndex(names, setOf, rows, firstRows));
    }

    /** Refuses a table whose columns (names and types, in order) differ from the first's, naming the first difference. */
    private static void requireSameColumns(Schema expected, String expectedSet, Schema actual, String set) {
        String prefix = "set '" + set + "' does not have the columns of set '" + expectedSet + "': ";
        int common = Math.min(expected.size(), actual.size());
        for (int c = 0; c < common; c++) {
            Field want = expected.field(c);
            Field got = actual.field(c);
            if (!want.equals(got)) {
                throw new SchemaException(prefix + "column " + (c + 1) + " is " + describe(got) + " in '" + set
                        + "' but " + describe(want) + " in '" + expectedSet + "'");
            }
        }
        if (actual.size() != expected.size()) {
            boolean longer = actual.size() > expected.size();
            Field extra = (longer ? actual : expected).field(common);
            throw new SchemaException(prefix + "column " + (common + 1) + " " + describe(extra) + " is only in '"
                    + (longer ? set : expectedSet) + "'");
        }
    }

    private static String describe(Field field) {
        return "'" + field.name() + "' (" + field.type() + ")";
    }

    /** Appends a column's value at a row, or a missing value, to a builder of the column's type. */
    private static void append(ColumnBuilder builder, Column column, int row) {
        if (column.isMissing(row)) {
            builder.addMissing();
        } else if (builder instanceof NumericColumn.Builder numeric) {
            numeric.add(((NumericColumn) column).get(row));
        } else if (builder instanceof CategoricalColumn.Builder categorical) {
            categorical.add(((CategoricalColumn) column).get(row));
        } else if (builder instanceof BooleanColumn.Builder bool) {
            bool.add(((BooleanColumn) column).get(row));
        } else if (builder instanceof TimestampColumn.Builder timestamp) {
            timestamp.add(((TimestampColumn) column).get(row));
        } else {
            ((TextColumn.Builder) builder).add(((TextColumn) column).get(row));
        }
    }
}
