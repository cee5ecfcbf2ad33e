package dev.mlops.spark;

import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * A Dataset's rows with one boolean column per row check that cannot be a Spark expression,
 * true where the row fails the check: each partition's rows taken a chunk at a time on the
 * executor, the checks rebuilt there from the suite's JSON and bound to a table of only the
 * columns they name, as {@link SparkChecks#run} counts them. A task holds one chunk: that many of
 * Spark's rows (copied, every column) and the table of the checked columns; each row becomes a
 * {@link Row} only as it is emitted. The columns come checked columns first, then the others.
 * Defined lazily.
 */
final class FlaggedRows implements Iterator<Row> {
    private final Iterator<InternalRow> rows;
    private final SparkSchema checked;
    private final int chunkRows;
    private final List<RowCheck> checks;
    private final Function1<Object, Object> toRow;
    private List<InternalRow> chunk = List.of();
    private boolean[][] failed = new boolean[0][];
    private int next;

    private FlaggedRows(Iterator<InternalRow> rows, SparkSchema checked, int chunkRows, StructType struct,
            String suiteJson) {
        this.rows = rows;
        this.checked = checked;
        this.chunkRows = chunkRows;
        this.checks = new ArrayList<>();
        CheckSuite.fromJson(suiteJson).checks().forEach(check -> checks.add((RowCheck) check));
        this.toRow = CatalystTypeConverters.createToScalaConverter(struct);
    }

    /** @return the name of the flag column of the {@code index}-th check */
    static String flag(int index) {
        return SparkChecks.RESERVED_PREFIX + "flag_" + index;
    }

    /**
     * @param dataset the rows
     * @param schema how all of its columns read, in order
     * @param columns the columns the checks read, in the schema's order
     * @param suiteJson the checks to flag, as a suite's JSON
     * @param checks how many checks the suite has
     * @param chunkRows the most rows a task binds the checks to at once, at least 1
     * @return the rows, in order, with the checked columns first, then the others, then a flag
     *     column per check
     */
    static Dataset<Row> of(Dataset<Row> dataset, SparkSchema schema, List<String> columns, String suiteJson,
            int checks, int chunkRows) {
        List<String> order = new ArrayList<>(columns);
        schema.names().stream().filter(name -> !columns.contains(name)).forEach(order::add);
        StructType input = dataset.schema();
        StructType struct = new StructType(order.stream().map(name -> input.fields()[input.fieldIndex(name)])
                .toArray(StructField[]::new));
        StructType flagged = struct;
        for (int i = 0; i < checks; i++) {
            flagged = flagged.add(flag(i), DataTypes.BooleanType, false);
        }
        SparkSchema checked = schema.select(columns.toArray(String[]::new));
        JavaRDD<Row> rows = SparkTables.rows(dataset, schema.select(order.toArray(String[]::new))).mapPartitions(
                partition -> new FlaggedRows(partition, checked, chunkRows, struct, suiteJson));
        return dataset.sparkSession().createDataFrame(rows, flagged);
    }

    @Override
    public boolean hasNext() {
        if (next == chunk.size() && rows.hasNext()) {
            flagChunk();
        }
        return next < chunk.size();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row values = (Row) toRow.apply(chunk.get(next));
        Object[] out = new Object[values.size() + checks.size()];
        for (int c = 0; c < values.size(); c++) {
            out[c] = values.get(c);
        }
        for (int r = 0; r < checks.size(); r++) {
            out[values.size() + r] = failed[next][r];
        }
        // the emitted row's copy is no longer needed
        chunk.set(next++, null);
        return RowFactory.create(out);
    }

    private void flagChunk() {
        List<InternalRow> read = new ArrayList<>();
        while (read.size() < chunkRows && rows.hasNext()) {
            read.add(rows.next().copy());
        }
        // the table reads the first columns, the checked ones
        Table table = PartitionTables.of(read.iterator(), checked, Integer.MAX_VALUE).next();
        List<RowRule> rules = new ArrayList<>(checks.size());
        for (RowCheck check : checks) {
            rules.add(check.bind(table));
        }
        failed = new boolean[read.size()][rules.size()];
        for (int row = 0; row < read.size(); row++) {
            for (int r = 0; r < rules.size(); r++) {
                failed[row][r] = rules.get(r).applies(row) && !rules.get(r).passes(row);
            }
        }
        chunk = read;
        next = 0;
    }
}
