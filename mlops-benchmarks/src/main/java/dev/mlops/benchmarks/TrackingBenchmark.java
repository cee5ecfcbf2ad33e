package dev.mlops.benchmarks;

import dev.mlops.store.ArtifactStore;
import dev.mlops.store.Database;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tracking.MetricPoint;
import dev.mlops.train.tracking.RunBatch;
import dev.mlops.train.tracking.RunInfo;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.jspecify.annotations.Nullable;

/**
 * Experiment tracking ({@code dev.mlops.train.tracking}) on a SQLite file in a temporary directory, in
 * write-ahead-log mode with {@code synchronous=NORMAL} (the default of {@code Database.sqlite}; checked
 * and printed at setup): a committed transaction is written to the WAL but not fsynced, so it survives a
 * crash of the process, not necessarily a power failure.
 *
 * <ul>
 *   <li>{@link #logRunOneCallPerPoint}: a whole run — create it, log 20 params in one batch, 100 metric
 *       points with one {@code logMetric} call (one transaction) each, finish it; target under 10 ms;</li>
 *   <li>{@link #logRunBatched}: the same run with its 100 points in one batch;</li>
 *   <li>{@link #logTenThousandPointsBatched}: 10,000 points (10 metrics × 1,000 steps, built before the
 *       measurement) logged in one batch to a running run; target under 100 ms;</li>
 *   <li>{@link #queryTenThousandRuns}: among 10,000 finished runs (set up once per trial), the 10 with
 *       {@code lr = 0.1} (a quarter of them) and the highest latest {@code auc}, read whole; target under
 *       50 ms.</li>
 * </ul>
 *
 * <p>The logging benchmarks write into one store per trial, so its tables grow while they run (a few
 * thousand runs), as a real store does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TrackingBenchmark {
    private static final int PARAMS = 20;
    private static final int POINTS = 100;
    private static final int BIG_KEYS = 10;
    private static final int BIG_STEPS = 1_000;
    private static final int QUERY_RUNS = 10_000;
    private static final String[] LEARNING_RATES = {"0.1", "0.01", "0.001", "0.3"};

    /** Creates the benchmark; JMH fills its states. */
    public TrackingBenchmark() {
        // the states hold everything
    }

    /** A tracking store on a fresh SQLite file, for one trial. */
    @State(Scope.Thread)
    public static class Store {
        final Map<String, String> params = new LinkedHashMap<>();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long ops;
        private long cpuStart;
        private long wallStart;
        private @Nullable Path directory;
        private @Nullable Database database;
        private @Nullable TrackingStore tracking;

        /** Creates the state; JMH calls {@link #open()} before measuring. */
        public Store() {
            for (int i = 0; i < PARAMS; i++) {
                params.put("param_" + i, Integer.toString(i * 7));
            }
        }

        /**
         * Opens a store in a new temporary directory and checks the SQLite settings.
         *
         * @throws IOException if the directory cannot be made
         */
        @Setup(Level.Trial)
        public void open() throws IOException {
            Path made = Files.createTempDirectory("mlops-tracking-benchmark");
            Database opened = Database.sqlite(made.resolve(TrackingStore.DATABASE_FILE));
            directory = made;
            database = opened;
            tracking = TrackingStore.open(opened, ArtifactStore.open(made.resolve(TrackingStore.ARTIFACT_DIRECTORY)),
                    Clock.systemUTC());
            Optional<String> journal = opened.read(sql -> sql.first("PRAGMA journal_mode", row -> row.getString(1)));
            long synchronous = opened.read(sql -> sql.queryLong("PRAGMA synchronous"));
            if (!journal.equals(Optional.of("wal")) || synchronous != 1) {
                throw new IllegalStateException("expected journal_mode=wal and synchronous=1 (NORMAL) but found "
                        + journal + " and " + synchronous);
            }
            System.out.printf(Locale.ROOT, "# %s: journal_mode=%s, synchronous=%d (NORMAL)%n", opened.name(),
                    journal.get(), synchronous);
        }

        /** Notes the benchmark thread's CPU time and the wall time as an iteration starts. */
        @Setup(Level.Iteration)
        public void startIteration() {
            ops = 0;
            cpuStart = threads.getCurrentThreadCpuTime();
            wallStart = System.nanoTime();
        }

        /**
         * Prints the benchmark thread's CPU time per operation of the iteration, and its share of the wall
         * time: well below 1, the thread waited for a core (a busy machine) or for the disk.
         */
        @TearDown(Level.Iteration)
        public void endIteration() {
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            long wall = System.nanoTime() - wallStart;
            System.out.printf(Locale.ROOT, "# thread cpu %.3f ms/op over %d ops, %.2f of the wall time%n",
                    cpu / 1e6 / Math.max(1, ops), ops, (double) cpu / wall);
        }

        /** @return the open store */
        TrackingStore tracking() {
            return Objects.requireNonNull(tracking, "the store is opened at setup");
        }

        /** Closes the store and deletes its directory. */
        @TearDown(Level.Trial)
        public void close() {
            if (tracking != null) {
                tracking.close();
            }
            if (database != null) {
                database.close();
            }
            if (directory != null) {
                deleteRecursively(directory);
            }
        }
    }

    /** A state with a store of its own, which the subclass opens at its setup. */
    public abstract static class OwnStore {
        final Store store = new Store();

        /** Creates the state. */
        protected OwnStore() {
            // the subclass opens the store
        }

        /** Starts the store's iteration clock. */
        @Setup(Level.Iteration)
        public void startIteration() {
            store.startIteration();
        }

        /** Prints the store's CPU time per operation. */
        @TearDown(Level.Iteration)
        public void endIteration() {
            store.endIteration();
        }

        /** Closes the store and deletes its directory. */
        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }
    }

    /** A store of its own holding {@value #QUERY_RUNS} finished runs, for one trial. */
    @State(Scope.Thread)
    public static class Runs extends OwnStore {
        final RunQuery best = RunQuery.in("query").param("lr", "0.1").orderByMetric("auc", true).limit(10).build();

        /** Creates the state; JMH calls {@link #fill()} before measuring. */
        public Runs() {
            // filled by fill()
        }

        /**
         * Opens the store and records the runs: each with 4 params (lr one of four values), auc and
         * loss, finished.
         *
         * @throws IOException if the store's directory cannot be made
         */
        @Setup(Level.Trial)
        public void fill() throws IOException {
            store.open();
            TrackingStore tracking = store.tracking();
            SplittableRandom random = new SplittableRandom(20261206L);
            long started = System.nanoTime();
            for (int i = 0; i < QUERY_RUNS; i++) {
                RunSpec spec = RunSpec.builder().name("run-" + i).seed(i)
                        .param("lr", LEARNING_RATES[random.nextInt(LEARNING_RATES.length)])
                        .param("depth", Integer.toString(2 + random.nextInt(8)))
                        .param("model", random.nextBoolean() ? "logistic" : "forest")
                        .param("fold", Integer.toString(i % 5)).build();
                try (ActiveRun run = tracking.startRun("query", spec)) {
                    Instant now = tracking.clock().instant();
                    run.log(RunBatch.ofMetrics(List.of(new MetricPoint("auc", 0.5 + 0.5 * random.nextDouble(), 9, now),
                            new MetricPoint("loss", random.nextDouble(), 9, now))));
                    run.finish();
                }
            }
            List<RunRecord> found = tracking.search(best);
            if (found.size() != 10 || !found.stream().allMatch(run -> "0.1".equals(run.params().get("lr")))) {
                throw new IllegalStateException("expected the 10 best runs with lr = 0.1 but found " + found);
            }
            System.out.printf(Locale.ROOT, "# %d runs recorded in %.1f s%n", QUERY_RUNS, (System.nanoTime() - started) / 1e9);
        }
    }

    /** A store of its own, 10,000 points built once, and a new running run to log them to before each call. */
    @State(Scope.Thread)
    public static class BigBatch extends OwnStore {
        final RunBatch batch;
        String runId = "";

        /** Builds the points (10 metrics × 1,000 steps). */
        public BigBatch() {
            Instant time = Instant.parse("2026-12-06T12:00:00Z");
            List<MetricPoint> points = new ArrayList<>(BIG_KEYS * BIG_STEPS);
            for (int step = 0; step < BIG_STEPS; step++) {
                for (int key = 0; key < BIG_KEYS; key++) {
                    points.add(new MetricPoint("metric_" + key, step + key / 10.0, step, time));
                }
            }
            batch = RunBatch.ofMetrics(points);
        }

        /**
         * Opens the store.
         *
         * @throws IOException if the store's directory cannot be made
         */
        @Setup(Level.Trial)
        public void open() throws IOException {
            store.open();
        }

        /** Starts the run the next call logs to (not measured: a call takes tens of milliseconds). */
        @Setup(Level.Invocation)
        public void startRun() {
            runId = store.tracking().createRun("big", RunSpec.defaults()).id();
        }
    }

    /**
     * A run with 20 params and 100 points, one call and one transaction per point.
     *
     * @param store the store
     * @return the finished run
     */
    @Benchmark
    public RunInfo logRunOneCallPerPoint(Store store) {
        store.ops++;
        try (ActiveRun run = store.tracking().startRun("logging", RunSpec.defaults())) {
            run.logParams(store.params);
            for (int step = 0; step < POINTS; step++) {
                run.logMetric("loss", 1.0 / (step + 1), step);
            }
            return run.finish();
        }
    }

    /**
     * A run with 20 params and 100 points in one batch.
     *
     * @param store the store
     * @return the finished run
     */
    @Benchmark
    public RunInfo logRunBatched(Store store) {
        store.ops++;
        try (ActiveRun run = store.tracking().startRun("logging", RunSpec.defaults())) {
            run.logParams(store.params);
            Instant now = store.tracking().clock().instant();
            List<MetricPoint> points = new ArrayList<>(POINTS);
            for (int step = 0; step < POINTS; step++) {
                points.add(new MetricPoint("loss", 1.0 / (step + 1), step, now));
            }
            run.log(RunBatch.ofMetrics(points));
            return run.finish();
        }
    }

    /**
     * 10,000 points in one batch, to a run that has none.
     *
     * @param big the store, the run and the points
     * @return the batch, for JMH to consume
     */
    @Benchmark
    public RunBatch logTenThousandPointsBatched(BigBatch big) {
        big.store.ops++;
        big.store.tracking().log(big.runId, big.batch);
        return big.batch;
    }

    /**
     * The 10 best runs by auc with lr = 0.1 among 10,000.
     *
     * @param runs the store with the runs and the query
     * @return the runs found
     */
    @Benchmark
    public List<RunRecord> queryTenThousandRuns(Runs runs) {
        runs.store.ops++;
        return runs.store.tracking().search(runs.best);
    }

    /**
     * Deletes a directory and everything in it, if it exists.
     *
     * @param directory the directory
     * @throws UncheckedIOException if something cannot be deleted
     */
    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
