package dev.mlops.spark;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Moves tables between Spark and mlops: a {@code Dataset<Row>} gathered into one {@link Table} on
 * the driver, a {@link Table} made into a {@code Dataset<Row>}, and (for this package) a Dataset's
 * partitions read as tables on the executors.
 *
 * <p>{@link #toTable} brings every row to the driver: for small Datasets, tests, and a check that
 * must see all of its columns at once; the other classes of this package never gather a whole
 * Dataset. {@link #toDataset} writes numeric columns as double, categorical and text as string,
 * booleans as boolean and timestamps as timestamp; missing values as nulls.
 */
public final class SparkTables {

    private SparkTables() {
        throw new AssertionError("no instances");
    }

    /**
     * A function of one partition's rows read as tables, run on an executor.
     *
     * @param <T> what it yields
     */
    @FunctionalInterface
    interface PartitionFunction<T> extends Serializable {
        /**
         * @param partition the partition's index
         * @param tables the partition's rows as tables of at most the chunk size, in order; at least one
         * @return what the partition yields
         */
        Iterator<T> apply(int partition, Iterator<Table> tables);
    }

    /**
     * Gathers a Dataset on the driver as one table, each column of its default type
     * ({@link SparkSchema#of}).
     *
     * @param dataset the Dataset
     * @return its rows, in the Dataset's order
     * @throws SchemaException naming a column of a Spark type mlops cannot read, or the names that
     *     more than one of the Dataset's columns have
     */
    public static Table toTable(Dataset<Row> dataset) {
        return toTable(dataset, SparkSchema.of(dataset.schema()));
    }

    /**
     * Gathers the schema's columns of a Dataset on the driver as one table.
     *
     * @param dataset the Dataset
     * @param schema how its columns read
     * @return its rows, in the Dataset's order
     * @throws SchemaException naming a column of the schema the Dataset lacks or has more than once
     *     (before any job runs), or a value a column cannot hold
     */
    public static Table toTable(Dataset<Row> dataset, SparkSchema schema) {
        Objects.requireNonNull(schema, "schema");
        Iterator<InternalRow> rows = SparkFailures.run(() -> rows(dataset, schema).map(InternalRow::copy)
                .toLocalIterator());
        return SparkFailures.run(() -> PartitionTables.of(rows, schema, Integer.MAX_VALUE).next());
    }

    /**
     * Makes a table into a Dataset (numeric as double, categorical and text as string, boolean,
     * timestamp), missing values as nulls, NaN kept.
     *
     * @param spark the session
     * @param table the table
     * @return a Dataset of the same rows in the same order
     */
    public static Dataset<Row> toDataset(SparkSession spark, Table table) {
        Objects.requireNonNull(spark, "spark");
        List<StructField> fields = new ArrayList<>(table.columnCount());
        for (Field field : table.schema().fields()) {
            fields.add(DataTypes.createStructField(field.name(), sparkType(field), true));
        }
        List<Column> columns = table.columns();
        List<Row> rows = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            Object[] values = new Object[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = value(columns.get(c), row);
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
    }

    /**
     * Reads each partition of the schema's columns as tables on the executors.
     *
     * @param dataset the Dataset
     * @param schema how its columns read
     * @param chunkRows the most rows a table holds
     * @param function what each partition yields
     * @param <T> what it yields
     * @return the partitions' yields, partition by partition
     */
    static <T> JavaRDD<T> mapTables(Dataset<Row> dataset, SparkSchema schema, int chunkRows,
            PartitionFunction<T> function) {
        return rows(dataset, schema).mapPartitionsWithIndex(
                (partition, rows) -> function.apply(partition, PartitionTables.of(rows, schema, chunkRows)), true);
    }

    /**
     * @param dataset the Dataset
     * @param schema the columns to read
     * @return Spark's internal rows of those columns, their ordinals the schema's
     * @throws SchemaException if the Dataset lacks one of the schema's columns or has more than one
     *     column of its name, checked on the driver before any job runs
     */
    static JavaRDD<InternalRow> rows(Dataset<Row> dataset, SparkSchema schema) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(schema, "schema");
        requireColumns(dataset, schema.names());
        org.apache.spark.sql.Column[] selected = schema.names().stream().map(SparkTables::column)
                .toArray(org.apache.spark.sql.Column[]::new);
        return dataset.select(selected).queryExecution().toRdd().toJavaRDD();
    }

    /**
     * Checks, on the driver, that each name is the name of exactly one of the Dataset's columns: one
     * of the same name, and no other that Spark would take for it (one differing only in case,
     * unless {@code spark.sql.caseSensitive} is set).
     *
     * @param dataset the Dataset
     * @param names the columns to be read
     * @throws SchemaException naming the columns the Dataset lacks, or those it has more than once
     *     (as after a join), and the Dataset's columns
     */
    static void requireColumns(Dataset<Row> dataset, List<String> names) {
        List<String> columns = List.of(dataset.columns());
        boolean caseSensitive = Boolean.parseBoolean(dataset.sparkSession().conf().get("spark.sql.caseSensitive",
                "false"));
        List<String> missing = new ArrayList<>();
        List<String> ambiguous = new ArrayList<>();
        for (String name : names) {
            long same = columns.stream().filter(column -> caseSensitive ? column.equals(name)
                    : column.equalsIgnoreCase(name)).count();
            if (!columns.contains(name)) {
                missing.add(name);
            } else if (same > 1) {
                ambiguous.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new SchemaException("no column " + quoted(missing) + " in the Dataset; its columns are "
                    + quoted(columns));
        }
        if (!ambiguous.isEmpty()) {
            throw new SchemaException("the Dataset has more than one column named " + quoted(ambiguous)
                    + (caseSensitive ? "" : " (names compared ignoring case, as spark.sql.caseSensitive is false)")
                    + ", so which to read is ambiguous; its columns are " + quoted(columns)
                    + "; drop or rename the duplicates (after a join, select or alias them) before reading it");
        }
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    /**
     * @param name a column's name, dots and backticks included
     * @return the column of that exact name
     */
    static org.apache.spark.sql.Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    private static DataType sparkType(Field field) {
        return switch (field.type()) {
            case NUMERIC -> DataTypes.DoubleType;
            case CATEGORICAL, TEXT -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    private static @Nullable Object value(Column column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        return switch (column.type()) {
            case NUMERIC -> ((NumericColumn) column).get(row);
            case CATEGORICAL -> ((CategoricalColumn) column).get(row);
            case TEXT -> ((TextColumn) column).get(row);
            case BOOLEAN -> ((BooleanColumn) column).get(row);
            case TIMESTAMP -> ((TimestampColumn) column).get(row);
        };
    }
}
