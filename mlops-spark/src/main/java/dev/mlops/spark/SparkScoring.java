package dev.mlops.spark;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.predict.Task;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Batch scoring of a Spark {@code Dataset<Row>} with any {@link Predictor} (a Tribuo model through
 * {@code TribuoClassifier}, or a user's own): the model is broadcast to the executors and applied
 * to each partition's rows read as tables of at most {@link #withChunkRows chunk rows}, one
 * {@link Predictor#predict} call per chunk.
 *
 * <pre>{@code
 * SparkScores scores = SparkScoring.of(() -> loadModel(path)).score(dataset, "id");
 * scores.scores().write().parquet("scores");   // id, prediction, score@<class>...
 * scores.errors().write().parquet("errors");   // id, reason
 * }</pre>
 *
 * <p><b>Getting the model to the executors.</b> {@link #of(Predictor)} takes a predictor that is
 * {@link Serializable} and broadcasts it. A predictor that is not (a {@code TribuoClassifier}, a
 * model holding native handles) comes as a {@link PredictorSupplier}: a serializable function
 * that builds it, such as one that reads a model file every executor can reach. The supplier is
 * broadcast and called at most once per executor JVM while Spark holds the broadcast value in
 * memory (Spark may drop it under memory pressure, and then the next task calls it again), and
 * once on the driver, to read the model's input schema and outputs. A user's own predictor class
 * must be on the executors' classpath (in the application jar).
 *
 * <p><b>Output.</b> {@link SparkScores#scores()} has one row per scored input row: the record id,
 * with the input's name and Spark type, then the predictor's {@link Predictor#outputs()} columns
 * ({@value Outputs#PREDICTION}, a string for a classifier and a double for a regression, then
 * {@code score@<class>} doubles). {@link SparkScores#errors()} has one row per row that could not
 * be scored: the record id and a {@value #REASON}. No row is lost and none fails the job: every
 * input row is in exactly one of them.
 *
 * <p><b>Bad rows</b>, set apart with their reason: a null record id; a value the reader cannot
 * take as the model's type (a long feature beyond ±2^53, which has no exact double); a row the
 * model refuses or fails on (for example a missing value under a Tribuo encoder that refuses
 * them). A failure is the model throwing an {@link Exception} (a checked one too, as Scala or
 * Kotlin code may throw) or an {@link Error} other than a {@link VirtualMachineError} (an
 * {@code AssertionError}, a {@code LinkageError} or {@code ExceptionInInitializerError} from a
 * model library); a {@code VirtualMachineError} ({@code OutOfMemoryError},
 * {@code StackOverflowError}) is the JVM failing, not the row, and fails the task as Spark would.
 * When the model throws on a chunk, the chunk is halved and each half predicted again, down to
 * single rows; the rows the model answers are scored, each row it throws on gets
 * {@code "the model failed: " + exception}. The cost, for a chunk of {@code m} rows: one bad row
 * costs at most {@code 1 + 2 ceil(log2 m)} calls over under {@code 3 m} rows predicted; but when many rows
 * are bad, every range fails at every level and the halving alone would predict each row about
 * {@code log2(m / b)} times over ({@code b} the bad rows), so once the calls of more than one row
 * have predicted {@code 3 m} rows the chunk's remaining ranges go row by row. Whatever its bad
 * rows, a chunk thus costs at most {@code 2 m - 1} calls over at most {@code 4 m} rows predicted
 * (row by row would be {@code m} calls over {@code m} rows). A model is expected to give the
 * same answer for a row alone and in a chunk, as the {@link Predictor} contract asks.
 * What is refused before any job starts, with a {@link SchemaException} naming it: a feature
 * column of the model's input schema that the Dataset lacks or holds with a type that cannot be
 * read as the model's, and a record-id column that is absent or not a string or integral column.
 *
 * <p>Both Datasets are lazy views of one scoring plan: using both scores every row twice, unless
 * the caller persists {@link SparkScores#results()} first (Spark then reads both from the cache).
 * Immutable and thread-safe.
 */
public final class SparkScoring {
    /** The name of the errors' reason column, and of the column in the results that holds it. */
    public static final String REASON = "reason";
    /** The rows a chunk holds unless {@link #withChunkRows} says otherwise. */
    public static final int DEFAULT_CHUNK_ROWS = 4096;
    /** The id as a string and the reason, while rows travel through the scoring. */
    private static final String ID = "mlops:id";
    private static final String PRE_REASON = "mlops:reason";
    private static final long MAX_EXACT_INTEGER = 1L << 53;

    private final Shared shared;
    private final int chunkRows;

    /**
     * Builds a predictor; serializable, so that Spark can ship it to the executors, where it is
     * called at most once per executor JVM.
     */
    @FunctionalInterface
    public interface PredictorSupplier extends Serializable {
        /**
         * Builds the predictor, for example by reading a model file.
         *
         * @return the predictor
         */
        Predictor get();
    }

    private SparkScoring(Shared shared, int chunkRows) {
        this.shared = shared;
        this.chunkRows = chunkRows;
    }

    /**
     * Scores with a serializable predictor, broadcast to the executors.
     *
     * @param predictor the model; its class must implement {@link Serializable}, and so must
     *     everything it holds
     * @return the scoring
     * @throws IllegalArgumentException if the predictor, or an object it holds, is not
     *     serializable; the message names the class and points to {@link #of(PredictorSupplier)}
     */
    public static SparkScoring of(Predictor predictor) {
        Objects.requireNonNull(predictor, "predictor");
        if (!(predictor instanceof Serializable)) {
            throw new IllegalArgumentException("the predictor " + predictor.getClass().getName() + " is not Serializable,"
                    + " so it cannot be broadcast to Spark's executors; pass a SparkScoring.PredictorSupplier that"
                    + " builds it on each executor (for example by reading the model's file)");
        }
        Serializable serializable = (Serializable) predictor;
        return of(() -> (Predictor) serializable);
    }

    /**
     * Scores with a predictor built on each executor by a serializable supplier. The supplier is
     * serialized here, on the driver, to check that Spark can ship it: a lambda that captures a
     * non-serializable object (often {@code this}, when it is written in an instance method) is
     * refused now rather than failing inside Spark's broadcast.
     *
     * @param supplier builds the predictor; called once on the driver and at most once per
     *     executor JVM while Spark keeps the broadcast in memory
     * @return the scoring
     * @throws IllegalArgumentException if the supplier, or an object it captures, is not
     *     serializable; the message names the class
     */
    public static SparkScoring of(PredictorSupplier supplier) {
        Shared shared = new Shared(Objects.requireNonNull(supplier, "supplier"));
        requireSerializable(shared);
        return new SparkScoring(shared, DEFAULT_CHUNK_ROWS);
    }

    /** Writes the shared supplier to a null sink, as Spark's broadcast will; names the class that cannot be. */
    private static void requireSerializable(Shared shared) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(shared);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("the predictor cannot be shipped to Spark's executors: it holds, or its"
                    + " PredictorSupplier captures, an object of the class " + e.getMessage() + ", which is not"
                    + " Serializable; make that class Serializable or mark the field transient, or pass a"
                    + " SparkScoring.PredictorSupplier that captures only serializable values (a lambda written in an"
                    + " instance method captures 'this': write it in a static method)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the predictor cannot be shipped to Spark's executors: serializing it"
                    + " failed with " + e, e);
        }
    }

    /**
     * Sets how many rows one {@link Predictor#predict} call gets at most.
     *
     * @param rows the chunk size, at least 1
     * @return a scoring like this one with that chunk size
     * @throws IllegalArgumentException if {@code rows} is less than 1
     */
    public SparkScoring withChunkRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("chunk rows must be at least 1 but was " + rows);
        }
        return new SparkScoring(shared, rows);
    }

    /**
     * Scores every row of a Dataset.
     *
     * @param dataset the rows, with the model's feature columns and a record-id column
     * @param idColumn the record-id column: string, byte, short, int or long
     * @return the scores and the errors, lazy
     * @throws SchemaException if the id column or a feature column is absent, the id column is
     *     of another type, or a feature column cannot be read as the model's type; the message
     *     names the column
     * @throws IllegalArgumentException if the id column's name is one of the output's columns
     */
    public SparkScores score(Dataset<Row> dataset, String idColumn) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(idColumn, "idColumn");
        Predictor predictor = shared.get();
        Outputs outputs = predictor.outputs();
        List<String> outputNames = outputs.schema().names();
        if (outputNames.contains(idColumn) || idColumn.equals(REASON)) {
            throw new IllegalArgumentException("the record id column '" + idColumn + "' has the name of an output"
                    + " column; the outputs are " + outputNames + " and " + REASON + "; rename it first");
        }
        StructType struct = dataset.schema();
        List<String> columns = Arrays.asList(struct.fieldNames());
        if (!columns.contains(idColumn)) {
            throw new SchemaException("the record id column '" + idColumn + "' is not in the Dataset; its columns are "
                    + columns);
        }
        DataType idType = struct.apply(idColumn).dataType();
        if (!(idType instanceof StringType || idType instanceof LongType || idType instanceof IntegerType
                || idType instanceof ShortType || idType instanceof ByteType)) {
            throw new SchemaException("the record id column '" + idColumn + "' has the Spark type "
                    + idType.simpleString() + "; a record id is a string or an integral (byte, short, int, long) column");
        }
        List<String> features = predictor.inputSchema().names();
        List<String> absent = features.stream().filter(name -> !columns.contains(name)).toList();
        if (!absent.isEmpty()) {
            throw new SchemaException("the model's feature columns " + absent + " are not in the Dataset; its columns are "
                    + columns);
        }

        List<org.apache.spark.sql.Column> selected = new ArrayList<>();
        List<org.apache.spark.sql.Column> reasons = new ArrayList<>();
        org.apache.spark.sql.Column id = SparkTables.column(idColumn);
        selected.add(id.cast(DataTypes.StringType).as(ID));
        reasons.add(when(id.isNull(), lit("missing record id")));
        for (Field field : predictor.inputSchema().fields()) {
            org.apache.spark.sql.Column feature = SparkTables.column(field.name());
            if (field.type() == ColumnType.NUMERIC && struct.apply(field.name()).dataType() instanceof LongType) {
                org.apache.spark.sql.Column inexact = feature.gt(MAX_EXACT_INTEGER).or(feature.lt(-MAX_EXACT_INTEGER));
                reasons.add(when(inexact, concat(lit("feature '" + field.name() + "' holds "),
                        feature.cast(DataTypes.StringType), lit(", beyond ±2^53, which has no exact double"))));
                feature = when(inexact, lit(null)).otherwise(feature);
            }
            selected.add(feature.as(field.name()));
        }
        org.apache.spark.sql.Column reason = concat_ws("; ", reasons.toArray(org.apache.spark.sql.Column[]::new));
        selected.add(when(reason.equalTo(""), lit(null)).otherwise(reason).as(PRE_REASON));
        Dataset<Row> prepared = dataset.select(selected.toArray(org.apache.spark.sql.Column[]::new));
        SparkSchema schema = SparkSchema.of(prepared.schema()).matching(predictor.inputSchema());

        SparkSession spark = dataset.sparkSession();
        Broadcast<Shared> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(shared);
        boolean classification = outputs.task() == Task.CLASSIFICATION;
        int width = outputNames.size();
        List<String> names = new ArrayList<>(outputNames);
        JavaRDD<Row> rows = SparkTables.mapTables(prepared, schema, chunkRows,
                (partition, tables) -> new ScoredRows(broadcast.value().get(), tables, names, classification));
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(ID, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
        for (int c = 0; c < width; c++) {
            fields.add(DataTypes.createStructField(outputNames.get(c),
                    c == 0 && classification ? DataTypes.StringType : DataTypes.DoubleType, true));
        }
        Dataset<Row> scored = spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
        List<org.apache.spark.sql.Column> result = new ArrayList<>();
        result.add(SparkTables.column(ID).cast(idType).as(idColumn));
        outputNames.forEach(name -> result.add(SparkTables.column(name)));
        result.add(SparkTables.column(REASON));
        return new SparkScores(scored.select(result.toArray(org.apache.spark.sql.Column[]::new)), idColumn, outputNames);
    }

    /** The supplier, and on each JVM the predictor it built, built once. */
    static final class Shared implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final PredictorSupplier supplier;
        private transient volatile @Nullable Predictor predictor;

        Shared(PredictorSupplier supplier) {
            this.supplier = supplier;
        }

        Predictor get() {
            Predictor built = predictor;
            if (built == null) {
                synchronized (this) {
                    built = predictor;
                    if (built == null) {
                        built = Objects.requireNonNull(supplier.get(), "the predictor supplier returned null");
                        predictor = built;
                    }
                }
            }
            return built;
        }
    }

    /**
     * A partition's output rows, chunk by chunk: {@code [id, reason, outputs...]}, the outputs
     * null on an error row and the reason null on a scored row.
     */
    static final class ScoredRows implements Iterator<Row> {
        /** How many times over a chunk's rows the halving may predict before it goes row by row. */
        static final int HALVING_BUDGET = 3;
        private final Predictor predictor;
        private final Iterator<Table> tables;
        private final List<String> outputNames;
        private final boolean classification;
        private Iterator<Row> current = List.<Row>of().iterator();
        /** The rows of the current chunk predicted so far in calls of more than one row. */
        private long predictedRows;

        ScoredRows(Predictor predictor, Iterator<Table> tables, List<String> outputNames, boolean classification) {
            this.predictor = predictor;
            this.tables = tables;
            this.outputNames = outputNames;
            this.classification = classification;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && tables.hasNext()) {
                current = chunk(tables.next()).iterator();
            }
            return current.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        private List<Row> chunk(Table table) {
            CategoricalColumn ids = table.categoricalColumn(ID);
            CategoricalColumn reasons = table.categoricalColumn(PRE_REASON);
            List<Row> out = new ArrayList<>(table.rowCount());
            int[] good = new int[table.rowCount()];
            int count = 0;
            for (int row = 0; row < table.rowCount(); row++) {
                if (reasons.isMissing(row)) {
                    good[count++] = row;
                } else {
                    out.add(error(ids.isMissing(row) ? null : ids.get(row), reasons.get(row)));
                }
            }
            Table valid = table.rows(Arrays.copyOf(good, count));
            predictedRows = 0;
            predict(valid, 0, count, out);
            return out;
        }

        /**
         * Predicts rows {@code [from, to)} of the valid rows; on a failure, each half on its own,
         * down to single rows, until the chunk's rows predicted in calls of more than one row would
         * pass {@link #HALVING_BUDGET} times the chunk's rows: from then on, each remaining row alone.
         */
        private void predict(Table valid, int from, int to, List<Row> out) {
            if (from == to) {
                return;
            }
            int size = to - from;
            if (size > 1 && predictedRows + size > HALVING_BUDGET * (long) valid.rowCount()) {
                for (int row = from; row < to; row++) {
                    predict(valid, row, row + 1, out);
                }
                return;
            }
            if (size > 1) {
                predictedRows += size;
            }
            int[] range = new int[size];
            Arrays.setAll(range, i -> from + i);
            Table rows = valid.rows(range);
            List<Row> scored;
            try {
                scored = scored(rows, predictor.predict(rows));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Exception | Error e) {
                // Error too: a model's AssertionError, LinkageError or ExceptionInInitializerError is
                // the model failing on these rows, not the JVM failing; a checked exception can come
                // sneakily from Scala or Kotlin code.
                if (size == 1) {
                    out.add(error(valid.categoricalColumn(ID).get(from), "the model failed: " + e));
                    return;
                }
                int middle = (from + to) >>> 1;
                predict(valid, from, middle, out);
                predict(valid, middle, to, out);
                return;
            }
            out.addAll(scored);
        }

        /** The output rows of predicted rows; throws if the predictions do not have the outputs' shape. */
        private List<Row> scored(Table rows, Table predicted) {
            if (predicted.rowCount() != rows.rowCount()) {
                throw new IllegalStateException("the model returned " + predicted.rowCount() + " rows for "
                        + rows.rowCount());
            }
            CategoricalColumn ids = rows.categoricalColumn(ID);
            Column[] columns = new Column[outputNames.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = predicted.column(outputNames.get(c));
            }
            List<Row> scored = new ArrayList<>(rows.rowCount());
            for (int row = 0; row < rows.rowCount(); row++) {
                Object[] values = new Object[columns.length + 2];
                values[0] = ids.get(row);
                for (int c = 0; c < columns.length; c++) {
                    values[c + 2] = columns[c].isMissing(row) ? null : c == 0 && classification
                            ? ((CategoricalColumn) columns[c]).get(row) : (Object) ((NumericColumn) columns[c]).get(row);
                }
                scored.add(RowFactory.create(values));
            }
            return scored;
        }

        private Row error(@Nullable String id, String reason) {
            Object[] values = new Object[outputNames.size() + 2];
            values[0] = id;
            values[1] = reason;
            return RowFactory.create(values);
        }
    }
}
