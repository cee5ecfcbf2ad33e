package dev.mlops.benchmarks;

import dev.mlops.core.table.Table;
import dev.mlops.features.FeatureSelection;
import dev.mlops.features.FeatureStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
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
 * An online read of one entity's latest values (every feature of the group) through the public
 * API, {@code store.online(reader, selection, List.of(key))}: the access check and its cache, the
 * store's clock and the read of the history in memory. The store (a SQLite file in a temporary
 * directory) holds the first group of {@link FeatureStoreData}, ingested through
 * {@link FeatureStore#ingest(dev.mlops.core.access.Principal, String, Table)} at setup; an entity
 * is drawn from a seeded sequence per call. Sample mode, so JMH reports percentiles of single
 * reads. The target is a p99 under 5 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeatureOnlineBenchmark {
    private static final int KEYS = 1 << 16;

    /** The number of entities. */
    @Param("100000")
    public int entities;

    /** The number of records over the three groups of the data; the store holds the first group's third. */
    @Param("10000000")
    public int featureRows;

    private @Nullable Path directory;
    private @Nullable FeatureStore store;
    private @Nullable FeatureSelection selection;
    private List<List<String>> keys = List.of();
    private int next;

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public FeatureOnlineBenchmark() {
        // state is filled in by setUp
    }

    /**
     * Generates the data and ingests the first group into a store.
     *
     * @throws IOException if the store's directory cannot be created
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        FeatureStoreData data = FeatureStoreData.generate(FeatureStoreData.DEFAULT_SEED, entities, featureRows, 0);
        Path home = Files.createTempDirectory("mlops-feature-online");
        directory = home;
        FeatureStoreData.SettableClock clock = new FeatureStoreData.SettableClock();
        FeatureStore opened = FeatureStore.builder(home).clock(clock).open();
        store = opened;
        data.define(opened, 1);
        long start = System.nanoTime();
        long records = data.ingest(opened, clock, 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%n# ingested %d records in %.1f s: %.0f records/s%n", records, seconds,
                records / seconds);
        selection = data.selection(0);
        SplittableRandom random = new SplittableRandom(FeatureStoreData.DEFAULT_SEED);
        List<List<String>> drawn = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            drawn.add(List.of(data.key(random.nextInt(entities))));
        }
        keys = List.copyOf(drawn);
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
     * Reads one entity.
     *
     * @return the row, for JMH to consume
     */
    @Benchmark
    public Table online() {
        next = next + 1 & KEYS - 1;
        return Objects.requireNonNull(store, "store").online(FeatureStoreData.READER,
                Objects.requireNonNull(selection, "selection"), keys.get(next));
    }
}
