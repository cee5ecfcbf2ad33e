package dev.mlops.benchmarks;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.features.FeatureStore;
import dev.mlops.features.JoinRequest;
import dev.mlops.features.JoinResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A point-in-time join of {@code rows} entity rows ({@code entities} entities) against
 * {@code featureRows} records in three groups ({@link FeatureStoreData}), every feature of every
 * group, {@link JoinRequest.Knowledge#LATEST}, through the public API: {@code store.join(reader, request)}.
 *
 * <p>The setup opens a {@link FeatureStore} on a SQLite file in a temporary directory, defines
 * the groups, reads each once (so the store keeps their histories in memory and merges each batch
 * it commits into them, sorted), and ingests every batch through
 * {@link FeatureStore#ingest(dev.mlops.core.access.Principal, String, Table)}, printing the
 * ingestion throughput. It then writes the same records, with the write times the store gave, as
 * {@code .npy} files (into {@code -Dmlops.benchmark.data}, default {@code target/benchmark-data}) and
 * prints a checksum of the joined features, which {@code src/main/resources/feature_join_pandas.py}
 * prints too after doing the same join with pandas' {@code merge_asof(..., by="entity")}.
 *
 * <ul>
 *   <li>{@link #join()}: what a user calls on a store that serves; the histories are already
 *       sorted in memory, so the time is the access check, the store's look for batches other
 *       processes committed, and the join. Feature columns are views of the history (not copied).
 *   <li>{@link #reopenAndJoin()}: a second store opened on the same file, its first join: reading
 *       every batch from SQLite, building (sorting) the three histories, then the join; one shot per
 *       measurement. This is the figure with sorting included (and reading the database, which the
 *       pandas script's timing leaves out).
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx12g")
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

    private @Nullable Path directory;
    private @Nullable FeatureStore store;
    private @Nullable JoinRequest request;

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public FeatureJoinBenchmark() {
        // state is filled in by setUp
    }

    /**
     * Generates the data, ingests it into a store, writes it for pandas and prints the checksum.
     *
     * @throws IOException if the data files cannot be written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        FeatureStoreData data = FeatureStoreData.generate(FeatureStoreData.DEFAULT_SEED, entities, featureRows, rows);
        Path home = Files.createTempDirectory("mlops-feature-join");
        directory = home;
        Files.createDirectories(home.resolve("second"));
        FeatureStoreData.SettableClock clock = new FeatureStoreData.SettableClock();
        FeatureStore opened = FeatureStore.builder(home).clock(clock).open();
        store = opened;
        data.define(opened, FeatureStoreData.GROUPS);
        long start = System.nanoTime();
        long records = data.ingest(opened, clock, FeatureStoreData.GROUPS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%n# ingested %d records in %d batches in %.1f s: %.0f records/s%n", records,
                FeatureStoreData.GROUPS * FeatureStoreData.BATCHES, seconds, records / seconds);
        Path numpy = Path.of(System.getProperty("mlops.benchmark.data", "target/benchmark-data"))
                .resolve(String.format(Locale.ROOT, "feature-store-%d-%d-%d-%d", FeatureStoreData.DEFAULT_SEED,
                        entities, featureRows, rows));
        data.writeNumpy(numpy);
        request = data.joinRequest();
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
                numpy.toAbsolutePath(), joined.rowCount(), present, sum);
    }

    /**
     * Closes the store and deletes its directory.
     *
     * @throws IOException if a file cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Objects.requireNonNull(store, "store").close();
        FeatureStoreData.delete(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Joins on the store that ingested the records.
     *
     * @return the result, for JMH to consume
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public JoinResult join() {
        return Objects.requireNonNull(store, "store").join(FeatureStoreData.READER,
                Objects.requireNonNull(request, "request"));
    }

    /**
     * Opens a second store on the same file and joins: its memory is built from the database first.
     *
     * @return the result, for JMH to consume
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public JoinResult reopenAndJoin() {
        Path home = Objects.requireNonNull(directory, "directory");
        // its own directory for its audit log (one JVM may not append to a file twice); the first store's database
        try (FeatureStore second = FeatureStore.builder(home.resolve("second")).database("jdbc:sqlite:"
                + home.resolve(FeatureStore.DATABASE_FILE)).open()) {
            return second.join(FeatureStoreData.READER, Objects.requireNonNull(request, "request"));
        }
    }
}
