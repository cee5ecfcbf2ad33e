package dev.mlops.spark;

import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowRule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * A Dataset's rows with one boolean column per row check that cannot be a Spark expression,
 * true where the row fails the check: each partition's rows read as tables of at most
 * {@link PartitionTables#DEFAULT_CHUNK_ROWS} rows on the executor, the checks rebuilt there from
 * the suite's JSON and bound to each table, as {@link SparkChecks#run} counts them. Defined lazily.
 */
final class FlaggedRows implements Iterator<Row> {
    private final Iterator<InternalRow> rows;
    private final SparkSchema schema;
    private final List<RowCheck> checks;
    private final Function1<Object, Object> toRow;
    private List<Row> ready = List.of();
    private int next;

    private FlaggedRows(Iterator<InternalRow> rows, SparkSchema schema, StructType struct, String suiteJson) {
        this.rows = rows;
        this.schema = schema;
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
     * @param suiteJson the checks to flag, as a suite's JSON
     * @param checks how many checks the suite has
     * @return the rows, in order, with a flag column per check
     */
    static Dataset<Row> of(Dataset<Row> dataset, SparkSchema schema, String suiteJson, int checks) {
        StructType struct = dataset.schema();
        StructType flagged = struct;
        for (int i = 0; i < checks; i++) {
            flagged = flagged.add(flag(i), DataTypes.BooleanType, false);
        }
        JavaRDD<Row> rows = SparkTables.rows(dataset, schema).mapPartitions(
                partition -> new FlaggedRows(partition, schema, struct, suiteJson));
        return dataset.sparkSession().createDataFrame(rows, flagged);
    }

    @Override
    public boolean hasNext() {
        if (next == ready.size() && rows.hasNext()) {
            flagChunk();
        }
        return next < ready.size();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.get(next++);
    }

    private void flagChunk() {
        List<InternalRow> chunk = new ArrayList<>();
        while (chunk.size() < PartitionTables.DEFAULT_CHUNK_ROWS && rows.hasNext()) {
            chunk.add(rows.next().copy());
        }
        Table table = PartitionTables.of(chunk.iterator(), schema, Integer.MAX_VALUE).next();
        List<RowRule> rules = new ArrayList<>(checks.size());
        for (RowCheck check : checks) {
            rules.add(check.bind(table));
        }
        List<Row> flagged = new ArrayList<>(chunk.size());
        for (int row = 0; row < chunk.size(); row++) {
            Row values = (Row) toRow.apply(chunk.get(row));
            Object[] out = new Object[values.size() + rules.size()];
            for (int c = 0; c < values.size(); c++) {
                out[c] = values.get(c);
            }
            for (int r = 0; r < rules.size(); r++) {
                out[values.size() + r] = rules.get(r).applies(row) && !rules.get(r).passes(row);
            }
            flagged.add(RowFactory.create(out));
        }
        ready = flagged;
        next = 0;
    }
}
