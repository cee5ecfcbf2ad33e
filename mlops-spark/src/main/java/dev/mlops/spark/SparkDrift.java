package dev.mlops.spark;

import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.monitor.drift.Sample;
import dev.mlops.monitor.drift.TableDrift;
import dev.mlops.monitor.drift.TableDriftReport;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Drift of a Spark {@code Dataset<Row>} against a stored baseline profile (or a raw reference
 * table): the same {@link TableDriftReport} as {@link TableDrift#compare(Table, DatasetProfile)}
 * gives for a table of the same rows, every column's statistic, p-value, verdict and histogram
 * included, because the report is built by {@link TableDrift} itself from the Dataset's samples
 * ({@link TableDrift.Current}).
 *
 * <pre>{@code
 * DatasetProfile baseline = DatasetProfile.load(Path.of("train.profile.json"));
 * TableDriftReport report = SparkDrift.defaults().compare(TableDrift.defaults(), spark.read().parquet("today"),
 *         baseline);
 * }</pre>
 *
 * <p><b>What runs where.</b> One pass on the executors reads the compared columns (those of the
 * reference the Dataset has) as tables and yields, merged in a tree, the row count, the
 * {@linkplain SparkProfiler Dataset's fingerprint} (the report's subject) and the exact count of
 * every value of each categorical, text and boolean column: the driver receives the distinct
 * values and their counts, never rows. A numeric column's sample is every present value, as the
 * detectors' tests need (the KS statistic and p-value, Wasserstein and the like): each numeric
 * column is gathered on the driver when its comparison starts, as a {@code double[]}, <b>8 bytes
 * a row, twice that while the partitions' pieces are joined</b>; the columns are compared a few at
 * a time (as many as the common fork-join pool's parallelism plus the caller), so the driver needs
 * about {@code 16 × rows × (parallelism + 1)} bytes at most.
 *
 * <p><b>The gather limit</b> ({@link #gatherLimit()}, default {@value #DEFAULT_GATHER_LIMIT})
 * bounds what reaches the driver for one column: a numeric column is gathered only if the Dataset
 * has at most that many rows, checked against the first pass's row count before anything is
 * gathered; a categorical, text or boolean column may have at most that many distinct values,
 * checked on the executors as the counts are merged. Either is refused with an
 * {@link MlopsException} naming the column, the rows or distinct values, and the limit. The
 * default needs about 160 MB of driver memory a column being compared. Spark itself refuses a
 * job's results above {@code spark.driver.maxResultSize} (1 GiB unless set): a gathered numeric
 * column is about 8 bytes a row of it, so a limit above about {@code maxResultSize / 8} rows
 * (134,217,728 at 1 GiB) also needs that setting raised. Sample or filter a Dataset too large for
 * the limit before comparing it, or leave a column of ids out with a {@link SparkSchema}.
 *
 * <p>Columns are read as the reference declares them ({@link ColumnType} and sensitive mark), where
 * the Spark type allows; a column whose Spark type cannot be read so keeps its own type and is
 * reported as changed type, as in one JVM. A long beyond ±2^53 in a column compared as numeric, a
 * compared column of a Spark type mlops cannot read (arrays, maps), or a compared name that more
 * than one of the Dataset's columns has (after a join) is a {@link SchemaException} naming the
 * column. The Dataset is read once, and once more for each numeric column compared:
 * {@code cache()} one that is costly to compute, and one whose rows change between reads (an
 * unseeded sample) must be, or the comparison fails saying so. Immutable and thread-safe.
 */
public final class SparkDrift {
    /** The default {@link #gatherLimit()}: 10,000,000. */
    public static final long DEFAULT_GATHER_LIMIT = 10_000_000L;
    /** The most values a Java array holds, and so the highest gather limit. */
    static final long MAX_GATHER_LIMIT = Integer.MAX_VALUE - 8;

    private final long gatherLimit;

    private SparkDrift(long gatherLimit) {
        this.gatherLimit = gatherLimit;
    }

    /** @return drift with the default gather limit, {@value #DEFAULT_GATHER_LIMIT} */
    public static SparkDrift defaults() {
        return new SparkDrift(DEFAULT_GATHER_LIMIT);
    }

    /**
     * Sets the most values drift gathers on the driver for one column: the rows of a numeric
     * column, the distinct values of a categorical, text or boolean one.
     *
     * @param values the limit, from 0 to 2^31 − 9 (the most a Java array holds); a numeric column
     *     of more than {@code spark.driver.maxResultSize / 8} rows also needs that setting raised
     * @return drift with that limit
     * @throws IllegalArgumentException if {@code values} is out of that range
     */
    public SparkDrift withGatherLimit(long values) {
        if (values < 0 || values > MAX_GATHER_LIMIT) {
            throw new IllegalArgumentException("the gather limit must be from 0 to " + MAX_GATHER_LIMIT + " but was "
                    + values);
        }
        return new SparkDrift(values);
    }

    /**
     * @return the most values drift gathers on the driver for one column: the rows of a numeric
     *     column, the distinct values of a categorical, text or boolean one
     */
    public long gatherLimit() {
        return gatherLimit;
    }

    /**
     * Compares the Dataset with a stored profile, reading its columns as the profile declares them.
     *
     * @param drift the analysis: detectors, correction, severities, clock
     * @param current the current Dataset
     * @param baseline the reference's profile, such as a baseline read with {@link DatasetProfile#load}
     * @return the report, its subject the Dataset's fingerprint (of the columns compared)
     * @throws SchemaException naming a compared column that mlops cannot read
     * @throws MlopsException naming a column over the {@linkplain #gatherLimit() gather limit}
     */
    public TableDriftReport compare(TableDrift drift, Dataset<Row> current, DatasetProfile baseline) {
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(baseline, "baseline");
        List<Field> declared = new ArrayList<>();
        Set<String> sensitive = baseline.sensitiveColumns();
        for (ColumnProfile column : baseline.columns()) {
            declared.add(new Field(column.name(), column.type(), sensitive.contains(column.name())));
        }
        return compare(drift, current, readAs(current, Schema.of(declared)), baseline);
    }

    /**
     * Compares the schema's columns of the Dataset with a stored profile.
     *
     * @param drift the analysis: detectors, correction, severities, clock
     * @param current the current Dataset
     * @param schema which columns of the Dataset to compare, read as which types, which of them
     *     sensitive (a sensitive column gets no histogram)
     * @param baseline the reference's profile
     * @return the report, its subject the Dataset's fingerprint (of the schema's columns)
     * @throws SchemaException naming a column of the schema the Dataset lacks or has more than
     *     once, or a long beyond ±2^53
     * @throws MlopsException naming a column over the {@linkplain #gatherLimit() gather limit}
     */
    public TableDriftReport compare(TableDrift drift, Dataset<Row> current, SparkSchema schema,
            DatasetProfile baseline) {
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(baseline, "baseline");
        return drift.compare(DatasetSamples.of(current, schema, gatherLimit), baseline);
    }

    /**
     * Compares the Dataset with a raw reference table, reading its columns as the table's are.
     *
     * @param drift the analysis: detectors, correction, severities, clock
     * @param current the current Dataset
     * @param reference the reference table, such as the training data
     * @return the report, as {@link TableDrift#compare(Table, Table)} gives
     * @throws SchemaException naming a compared column that mlops cannot read
     * @throws MlopsException naming a column over the {@linkplain #gatherLimit() gather limit}
     */
    public TableDriftReport compare(TableDrift drift, Dataset<Row> current, Table reference) {
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        return drift.compare(DatasetSamples.of(current, readAs(current, reference.schema()), gatherLimit), reference);
    }

    @Override
    public String toString() {
        return "SparkDrift[gatherLimit=" + gatherLimit + "]";
    }

    /**
     * The Dataset's columns that the declared schema names, each read as declared where its Spark
     * type allows, else as its own type (the report then says the type changed).
     */
    private static SparkSchema readAs(Dataset<Row> dataset, Schema declared) {
        List<String> present = List.of(dataset.columns());
        List<String> compared = declared.names().stream().filter(present::contains).toList();
        SparkTables.requireColumns(dataset, compared);
        SparkSchema schema = SparkSchema.of(dataset.select(compared.stream().map(SparkTables::column)
                .toArray(org.apache.spark.sql.Column[]::new)).schema());
        for (String name : schema.names()) {
            Field field = declared.field(name);
            if (schema.type(schema.names().indexOf(name)) != field.type()) {
                try {
                    schema = schema.withType(name, field.type());
                } catch (SchemaException cannot) {
                    // kept as its own type: TableDrift reports the change
                }
            }
            if (field.sensitive()) {
                schema = schema.withSensitive(name);
            }
        }
        return schema;
    }

    /** The Dataset as drift's current side: one pass for counts and fingerprint, numeric columns gathered on demand. */
    private static final class DatasetSamples implements TableDrift.Current {
        private final Dataset<Row> dataset;
        private final SparkSchema schema;
        private final Counts counts;
        private final long gatherLimit;

        private DatasetSamples(Dataset<Row> dataset, SparkSchema schema, Counts counts, long gatherLimit) {
            this.dataset = dataset;
            this.schema = schema;
            this.counts = counts;
            this.gatherLimit = gatherLimit;
        }

        static DatasetSamples of(Dataset<Row> dataset, SparkSchema schema, long gatherLimit) {
            Objects.requireNonNull(dataset, "current");
            Objects.requireNonNull(schema, "schema");
            Counts zero = new Counts(schema, gatherLimit);
            Counts counts = SparkFailures.run(() -> SparkTables.mapTables(dataset, schema,
                    PartitionTables.DEFAULT_CHUNK_ROWS, (partition, tables) -> {
                        Counts partial = new Counts(schema, gatherLimit);
                        tables.forEachRemaining(partial::add);
                        return List.of(partial).iterator();
                    }).treeAggregate(zero, Counts::merge, Counts::merge));
            return new DatasetSamples(dataset, schema, counts, gatherLimit);
        }

        @Override
        public Schema schema() {
            return schema.schema();
        }

        @Override
        public long rowCount() {
            return counts.rows;
        }

        @Override
        public Fingerprint fingerprint() {
            return counts.fingerprint.finish(schema.schema());
        }

        @Override
        public Sample sample(String column) {
            int index = schema.names().indexOf(column);
            if (schema.type(index) != ColumnType.NUMERIC) {
                return Sample.categorical(counts.values.get(index), counts.missing[index]);
            }
            if (counts.rows > gatherLimit) {
                throw new MlopsException("numeric column '" + column + "' would be gathered on the driver for drift,"
                        + " but the Dataset has " + counts.rows + " rows, more than the gather limit of " + gatherLimit
                        + "; compare a sample of the Dataset, leave the column out (a SparkSchema without it), or raise"
                        + " the limit (SparkDrift.withGatherLimit) if the driver has about 16 bytes a row for it"
                        + " (beyond spark.driver.maxResultSize / 8 rows, raise that setting too)");
            }
            List<double[]> pieces = SparkFailures.run(() -> SparkTables.mapTables(dataset, schema.select(column),
                    PartitionTables.DEFAULT_CHUNK_ROWS,
                    (partition, tables) -> {
                        List<double[]> values = new ArrayList<>();
                        tables.forEachRemaining(table -> values.add(((NumericColumn) table.columns().get(0)).toArray()));
                        return values.iterator();
                    }).collect());
            long total = 0;
            for (double[] piece : pieces) {
                total += piece.length;
            }
            if (total != counts.rows) {
                throw new MlopsException("column '" + column + "' gave " + total + " values but the Dataset had "
                        + counts.rows + " rows when it was counted: its rows change between reads (a random sample"
                        + " or a changing source); cache() or checkpoint() it before comparing");
            }
            double[] values = new double[Math.toIntExact(total)];
            int at = 0;
            for (double[] piece : pieces) {
                System.arraycopy(piece, 0, values, at, piece.length);
                at += piece.length;
            }
            return Sample.of(NumericColumn.of(column, values));
        }
    }

    /**
     * What one pass yields, mergeable: rows, the fingerprint, and each categorical, text or
     * boolean column's value counts and missing count (empty for numeric and timestamp columns).
     */
    private static final class Counts implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final ColumnType[] types;
        private final ArrayList<HashMap<String, Long>> values;
        private final long[] missing;
        private final DatasetFingerprint fingerprint = new DatasetFingerprint();
        private final String[] names;
        private final long distinctLimit;
        private long rows;

        Counts(SparkSchema schema, long distinctLimit) {
            this.distinctLimit = distinctLimit;
            names = schema.names().toArray(String[]::new);
            types = new ColumnType[schema.size()];
            values = new ArrayList<>(schema.size());
            for (int c = 0; c < types.length; c++) {
                types[c] = schema.type(c);
                values.add(new HashMap<>());
            }
            missing = new long[types.length];
        }

        void add(Table table) {
            rows += table.rowCount();
            fingerprint.add(table);
            for (int c = 0; c < types.length; c++) {
                if (types[c] != ColumnType.NUMERIC && types[c] != ColumnType.TIMESTAMP) {
                    // drift's own counting of a column, as in one JVM
                    Sample.Categorical sample = (Sample.Categorical) Sample.of(table.columns().get(c));
                    Map<String, Long> mine = values.get(c);
                    sample.counts().forEach((value, count) -> mine.merge(value, count, Long::sum));
                    missing[c] += sample.missing();
                    checkDistinct(c);
                }
            }
        }

        Counts merge(Counts other) {
            rows += other.rows;
            fingerprint.merge(other.fingerprint);
            for (int c = 0; c < types.length; c++) {
                Map<String, Long> mine = values.get(c);
                other.values.get(c).forEach((value, count) -> mine.merge(value, count, Long::sum));
                missing[c] += other.missing[c];
                checkDistinct(c);
            }
            return this;
        }

        private void checkDistinct(int c) {
            if (values.get(c).size() > distinctLimit) {
                throw new MlopsException(types[c].name().toLowerCase(Locale.ROOT) + " column '" + names[c] + "' has more than "
                        + distinctLimit + " distinct values, the gather limit, and drift counts each distinct value on"
                        + " the driver; leave the column out (a SparkSchema without it, as for ids), or raise the limit"
                        + " (SparkDrift.withGatherLimit) if the driver has the memory");
            }
        }
    }
}
