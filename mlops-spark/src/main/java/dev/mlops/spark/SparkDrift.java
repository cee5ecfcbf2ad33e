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
 * TableDriftReport report = SparkDrift.compare(TableDrift.defaults(), spark.read().parquet("today"), baseline);
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
 * about {@code 16 × rows × (parallelism + 1)} bytes at most. Sample or filter a Dataset too large
 * for that before comparing it.
 *
 * <p>Columns are read as the reference declares them ({@link ColumnType} and sensitive mark), where
 * the Spark type allows; a column whose Spark type cannot be read so keeps its own type and is
 * reported as changed type, as in one JVM. A long beyond ±2^53 in a column compared as numeric, or
 * a compared column of a Spark type mlops cannot read (arrays, maps), is a
 * {@link SchemaException} naming the column. The Dataset is read once, and once more for each
 * numeric column compared: {@code cache()} one that is costly to compute, and one whose rows
 * change between reads (an unseeded sample) must be, or the comparison fails saying so.
 * Stateless and thread-safe.
 */
public final class SparkDrift {

    private SparkDrift() {
        throw new AssertionError("no instances");
    }

    /**
     * Compares the Dataset with a stored profile, reading its columns as the profile declares them.
     *
     * @param drift the analysis: detectors, correction, severities, clock
     * @param current the current Dataset
     * @param baseline the reference's profile, such as a baseline read with {@link DatasetProfile#load}
     * @return the report, its subject the Dataset's fingerprint (of the columns compared)
     * @throws SchemaException naming a compared column that mlops cannot read
     */
    public static TableDriftReport compare(TableDrift drift, Dataset<Row> current, DatasetProfile baseline) {
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
     * @throws SchemaException naming a column of the schema the Dataset lacks, or a long beyond ±2^53
     */
    public static TableDriftReport compare(TableDrift drift, Dataset<Row> current, SparkSchema schema,
            DatasetProfile baseline) {
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(baseline, "baseline");
        return drift.compare(DatasetSamples.of(current, schema), baseline);
    }

    /**
     * Compares the Dataset with a raw reference table, reading its columns as the table's are.
     *
     * @param drift the analysis: detectors, correction, severities, clock
     * @param current the current Dataset
     * @param reference the reference table, such as the training data
     * @return the report, as {@link TableDrift#compare(Table, Table)} gives
     * @throws SchemaException naming a compared column that mlops cannot read
     */
    public static TableDriftReport compare(TableDrift drift, Dataset<Row> current, Table reference) {
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        return drift.compare(DatasetSamples.of(current, readAs(current, reference.schema())), reference);
    }

    /**
     * The Dataset's columns that the declared schema names, each read as declared where its Spark
     * type allows, else as its own type (the report then says the type changed).
     */
    private static SparkSchema readAs(Dataset<Row> dataset, Schema declared) {
        Set<String> present = Set.of(dataset.columns());
        List<org.apache.spark.sql.Column> selected = new ArrayList<>();
        for (Field field : declared.fields()) {
            if (present.contains(field.name())) {
                selected.add(SparkTables.column(field.name()));
            }
        }
        SparkSchema schema = SparkSchema.of(dataset.select(selected.toArray(org.apache.spark.sql.Column[]::new))
                .schema());
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
        /** The most values a Java array holds. */
        private static final long MAX_GATHERED = Integer.MAX_VALUE - 8;
        private final Dataset<Row> dataset;
        private final SparkSchema schema;
        private final Counts counts;

        private DatasetSamples(Dataset<Row> dataset, SparkSchema schema, Counts counts) {
            this.dataset = dataset;
            this.schema = schema;
            this.counts = counts;
        }

        static DatasetSamples of(Dataset<Row> dataset, SparkSchema schema) {
            Objects.requireNonNull(dataset, "current");
            Objects.requireNonNull(schema, "schema");
            Counts zero = new Counts(schema);
            Counts counts = SparkFailures.run(() -> SparkTables.mapTables(dataset, schema,
                    PartitionTables.DEFAULT_CHUNK_ROWS, (partition, tables) -> {
                        Counts partial = new Counts(schema);
                        tables.forEachRemaining(partial::add);
                        return List.of(partial).iterator();
                    }).treeAggregate(zero, Counts::merge, Counts::merge));
            return new DatasetSamples(dataset, schema, counts);
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
            if (counts.rows > MAX_GATHERED) {
                throw new MlopsException("column '" + column + "' has " + counts.rows + " values, more than the "
                        + MAX_GATHERED + " a numeric drift sample can gather on the driver; compare a sample of the"
                        + " Dataset");
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
        private long rows;

        Counts(SparkSchema schema) {
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
            }
            return this;
        }
    }
}
