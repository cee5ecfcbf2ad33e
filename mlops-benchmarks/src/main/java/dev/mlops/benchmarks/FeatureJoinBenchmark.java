package dev.mlops.benchmarks;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.features.FeatureJoinData;
import dev.mlops.features.JoinRequest;
import dev.mlops.features.JoinResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A point-in-time join of {@code rows} entity rows ({@code entities} entities) against
 * {@code featureRows} records in three groups ({@link FeatureJoinData}), every feature of every
 * group, {@link JoinRequest.Knowledge#LATEST}, one whole join per operation (the package-private
 * {@code PointInTimeJoin} over {@code GroupHistory}s, reached through {@link FeatureJoinData}).
 * The histories are built from the generated batches at setup, as the store builds them after reading its batches;
 * ingestion into SQL is outside the timing. The setup writes the same data as {@code .npy} files
 * (into {@code -Dmlops.benchmark.data}, default {@code target/benchmark-data}) and prints a
 * checksum of the joined features, which {@code src/main/resources/feature_join_pandas.py}
 * prints too after doing the same join with pandas' {@code merge_asof(..., by="entity")}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx10g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeatureJoinBenchmark {
    /** The number of entity rows. */
    @Param("1000000")
    public int rows;

    /** The number of entities. */
    @Param("100000")
    public int entities;

    /** The number of records over the three groups. */
    @Param("10000000")
    public int featureRows;

    private Supplier<JoinResult> join = () -> {
        throw new IllegalStateException("not set up");
    };

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public FeatureJoinBenchmark() {
        // state is filled in by setUp
    }

    /**
     * Generates the data, writes it for pandas, builds the histories and prints the checksum.
     *
     * @throws IOException if the data files cannot be written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        FeatureJoinData data = FeatureJoinData.generate(FeatureJoinData.DEFAULT_SEED, entities, featureRows, rows);
        Path directory = Path.of(System.getProperty("mlops.benchmark.data", "target/benchmark-data"))
                .resolve(String.format(Locale.ROOT, "feature-join-%d-%d-%d-%d", FeatureJoinData.DEFAULT_SEED,
                        entities, featureRows, rows));
        data.writeNumpy(directory);
        join = data.join();
        Table joined = join().table();
        double sum = 0;
        long present = 0;
        for (Column column : joined.columns().subList(2, joined.columnCount())) {
            NumericColumn values = (NumericColumn) column;
            for (int row = 0; row < values.size(); row++) {
                if (!values.isMissing(row)) {
                    sum += values.get(row);
                    present++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "# data in %s; joined: %d rows, %d present values, sum %.6e%n",
                directory.toAbsolutePath(), joined.rowCount(), present, sum);
    }

    /**
     * Joins.
     *
     * @return the result, for JMH to consume
     */
    @Benchmark
    public JoinResult join() {
        return join.get();
    }
}
