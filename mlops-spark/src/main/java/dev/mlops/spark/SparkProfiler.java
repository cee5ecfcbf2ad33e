package dev.mlops.spark;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.io.Serializable;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * The {@link DatasetProfile} of a Spark {@code Dataset<Row>}, computed where the data lives: each
 * partition's rows are read as tables of at most {@link #chunkRows()} rows on its executor
 * ({@link SparkTables}), each table is profiled by {@link DatasetProfile#of(Table, ProfileOptions,
 * java.util.concurrent.Executor, Clock)} on the task's thread, the tables of a partition are merged
 * there, and the partitions' profiles are merged pairwise in a tree ({@code treeAggregate}), so the
 * driver receives a handful of profiles, never rows.
 *
 * <pre>{@code
 * DatasetProfile profile = SparkProfiler.create().profile(spark.read().parquet("events"));
 * DatasetProfile marked = SparkProfiler.create().withClock(clock).profile(dataset,
 *         SparkSchema.of(dataset.schema()).withSensitive("email"), ProfileOptions.defaults());
 * }</pre>
 *
 * <p><b>The same profile as in one JVM.</b> Profiles are mergeable states (see
 * {@code dev.mlops.data.profile}), so the result equals {@link DatasetProfile#of(Table)} of the same
 * rows gathered into one table: counts (rows, missing, NaN, infinities, zeros, negatives), minimum,
 * maximum, exactly kept values and quantiles, exact distinct counts and exact category counts
 * exactly; the compensated sum within its stated bound; mean and variance within 1e-12 relative;
 * KLL quantiles, HyperLogLog distinct counts and frequent items within their stated errors. None of
 * it depends on how the Dataset is partitioned, beyond those errors.
 *
 * <p><b>What travels.</b> A partition's profile goes to the driver as its JSON
 * ({@link DatasetProfile#toJson()}), sketches and, below the exact limits, the kept values and
 * counts included: at most about {@link ProfileOptions#exactQuantileLimit()} numbers and
 * {@link ProfileOptions#exactDistinctLimit()} categories a column, a few kilobytes once a column is
 * sketched. Columns marked sensitive ({@link SparkSchema#withSensitive}) are profiled exactly on the
 * executors and travel with their exact state inside Spark, as the rows themselves do; the result
 * marks them sensitive, so that the profile {@linkplain DatasetProfile#toJson() written out} keeps
 * them sketch-only.
 *
 * <p><b>Fingerprints.</b> A merged profile lists the fingerprint of every table merged, which for a
 * Dataset would be one per chunk, different for each partitioning; and a {@code Fingerprint.of}
 * a table hashes its rows in order, which Spark does not keep stable. The profile of a Dataset
 * states one fingerprint instead ({@link DatasetProfile#withFingerprints}): the content hash of
 * its rows as a multiset, the same for any partitioning and row order (SHA-256 of each row, the
 * rows' hashes added modulo 2^256, then hashed with the schema and row count; one SHA-256 a row on
 * the executors). It is not the fingerprint the same rows get as one {@code Table} in one JVM.
 *
 * <p>{@link DatasetProfile#createdAt()} is the clock's instant read once on the driver when
 * profiling starts. A task's failure with an mlops error (a long beyond ±2^53 in a numeric column)
 * is rethrown on the driver as that error. Immutable and thread-safe; the Dataset may be profiled
 * from several threads at once.
 */
public final class SparkProfiler {
    private final Clock clock;
    private final int chunkRows;

    private SparkProfiler(Clock clock, int chunkRows) {
        this.clock = clock;
        this.chunkRows = chunkRows;
    }

    /**
     * @return a profiler stamping by {@link Clock#systemUTC()}, with chunks of at most 2^20 rows
     */
    public static SparkProfiler create() {
        return new SparkProfiler(Clock.systemUTC(), PartitionTables.DEFAULT_CHUNK_ROWS);
    }

    /**
     * @param clock gives the profiles' {@link DatasetProfile#createdAt()}, read once on the driver
     * @return a profiler stamping by that clock, otherwise this one's settings
     */
    public SparkProfiler withClock(Clock clock) {
        return new SparkProfiler(Objects.requireNonNull(clock, "clock"), chunkRows);
    }

    /**
     * Sets how many rows an executor profiles at once: the memory a task needs is about that many
     * rows as columnar arrays (8 bytes a number, 4 a category code, plus the categories' text).
     *
     * @param rows the most rows a chunk holds, at least 1; default 2^20 (1,048,576)
     * @return a profiler with that chunk size, otherwise this one's settings
     * @throws IllegalArgumentException if {@code rows} is below 1
     */
    public SparkProfiler withChunkRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1 but was " + rows);
        }
        return new SparkProfiler(clock, rows);
    }

    /** @return the most rows an executor profiles at once */
    public int chunkRows() {
        return chunkRows;
    }

    /**
     * Profiles every column of a Dataset, each read as its default type ({@link SparkSchema#of}),
     * with the default options.
     *
     * @param dataset the Dataset
     * @return its profile
     * @throws dev.mlops.core.SchemaException naming a column of a Spark type mlops cannot read, or
     *     a numeric column holding a long beyond ±2^53
     */
    public DatasetProfile profile(Dataset<Row> dataset) {
        return profile(dataset, ProfileOptions.defaults());
    }

    /**
     * Profiles every column of a Dataset, each read as its default type ({@link SparkSchema#of}).
     *
     * @param dataset the Dataset
     * @param options the profile's settings
     * @return its profile
     * @throws dev.mlops.core.SchemaException as {@link #profile(Dataset)}
     */
    public DatasetProfile profile(Dataset<Row> dataset, ProfileOptions options) {
        Objects.requireNonNull(dataset, "dataset");
        return profile(dataset, SparkSchema.of(dataset.schema()), options);
    }

    /**
     * Profiles the schema's columns of a Dataset, in the schema's order, each read as the schema says.
     *
     * @param dataset the Dataset
     * @param schema which columns, read as which types, which of them sensitive
     * @param options the profile's settings
     * @return its profile, with the Dataset's one fingerprint
     * @throws dev.mlops.core.SchemaException naming a column of the schema the Dataset lacks, or a
     *     numeric column holding a long beyond ±2^53 (with the value)
     */
    public DatasetProfile profile(Dataset<Row> dataset, SparkSchema schema, ProfileOptions options) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(options, "options");
        Clock stamp = Clock.fixed(clock.instant(), ZoneOffset.UTC);
        Schema declared = schema.schema();
        // the empty profile carries the options to the executors (a record that is not Serializable)
        String empty = DatasetProfile.of(Table.empty(unmarked(declared)), options, Runnable::run, stamp).toJson();
        Part merged = SparkFailures.run(() -> SparkTables.mapTables(dataset, schema, chunkRows,
                (partition, tables) -> List.of(profilePartition(tables, empty, stamp)).iterator())
                .treeAggregate(Part.NONE, Part::merge, Part::merge));
        DatasetProfile profile = DatasetProfile.fromJson(merged.profile().isEmpty() ? empty : merged.profile());
        if (declared.fields().stream().anyMatch(Field::sensitive)) {
            // merging with the empty profile of the marked schema marks the columns, every statistic unchanged
            profile = DatasetProfile.of(Table.empty(declared), options, Runnable::run, stamp).merge(profile);
        }
        return profile.withFingerprints(List.of(merged.fingerprint().finish(declared)));
    }

    /** Profiles a partition's tables one after another and merges them; runs on an executor. */
    private static Part profilePartition(Iterator<Table> tables, String empty, Clock stamp) {
        ProfileOptions options = DatasetProfile.fromJson(empty).options();
        DatasetFingerprint fingerprint = new DatasetFingerprint();
        @Nullable DatasetProfile partition = null;
        while (tables.hasNext()) {
            Table table = tables.next();
            fingerprint.add(table);
            DatasetProfile chunk = DatasetProfile.of(unmarked(table), options, Runnable::run, stamp);
            partition = partition == null ? chunk : partition.merge(chunk);
        }
        return new Part(Objects.requireNonNull(partition, "a partition yields at least one table").toJson(),
                fingerprint);
    }

    /**
     * What a part of the Dataset yields: its profile's JSON (empty for none, the aggregate's zero)
     * and its rows' fingerprint state.
     */
    private record Part(String profile, DatasetFingerprint fingerprint) implements Serializable {
        static final Part NONE = new Part("", new DatasetFingerprint());

        Part merge(Part other) {
            String both = profile.isEmpty() ? other.profile : other.profile.isEmpty() ? profile
                    : DatasetProfile.fromJson(profile).merge(DatasetProfile.fromJson(other.profile)).toJson();
            return new Part(both, new DatasetFingerprint().merge(fingerprint).merge(other.fingerprint));
        }
    }

    /** The table with no column marked sensitive, so that its profile's JSON keeps every exact state. */
    private static Table unmarked(Table table) {
        List<Column> columns = new ArrayList<>(table.columnCount());
        for (Column column : table.columns()) {
            columns.add(column.withSensitive(false));
        }
        return Table.of(columns);
    }

    private static Schema unmarked(Schema schema) {
        List<Field> fields = new ArrayList<>(schema.size());
        for (Field field : schema.fields()) {
            fields.add(new Field(field.name(), field.type(), false));
        }
        return Schema.of(fields);
    }

    @Override
    public String toString() {
        return "SparkProfiler[chunkRows=" + chunkRows + ", clock=" + clock + "]";
    }
}
