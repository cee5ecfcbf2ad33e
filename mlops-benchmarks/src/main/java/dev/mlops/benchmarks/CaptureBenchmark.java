package dev.mlops.benchmarks;

import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.capture.CaptureStats;
import dev.mlops.monitor.capture.CaptureWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Data capture ({@code dev.mlops.monitor.capture}): 16 threads capture records of about 1 KB
 * (20 features in: 16 numbers and 4 categories; 3 scores out) through one
 * {@link CaptureWriter} set to block on a full queue, into a temporary directory (files rotated
 * at 64 MiB, at most 1 GiB kept). Target: at least 200,000 records/s.
 *
 * <p>The score is calls of {@code capture} per second over all threads; a blocking writer
 * only returns once the record is on its queue of 8,192, so in steady state this is the rate
 * at which the background thread appends. At the end of each trial the writer is closed and
 * the benchmark fails if any accepted record was not written; it prints the records written,
 * their mean line size and the files opened.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(16)
public class CaptureBenchmark {

    private static final int FEATURES = 16;
    private static final int CATEGORIES = 4;
    private static final int ROWS = 64;
    private static final String[] CITIES = {"München", "São Paulo", "Hamburg", "Zürich",
        "Kraków", "Lyon", "Porto", "Gent"};

    /** Creates the benchmark; JMH fills its states. */
    public CaptureBenchmark() {
    }

    /** The one writer all threads share, opened per trial. */
    @State(Scope.Benchmark)
    public static class Writer {
        Path directory = Path.of("");
        @Nullable CaptureWriter writer;

        /** Creates the state; JMH calls {@link #open()}. */
        public Writer() {
        }

        /**
         * Opens a writer into a new temporary directory.
         *
         * @throws IOException if the directory cannot be created
         */
        @Setup(Level.Trial)
        public void open() throws IOException {
            directory = Files.createTempDirectory("capture-bench");
            writer = CaptureWriter.builder(directory).retainAtMostBytes(1L << 30).build();
        }

        /**
         * Closes the writer, checks that every accepted record was written, prints the counts
         * and deletes the directory.
         */
        @TearDown(Level.Trial)
        public void close() {
            CaptureWriter w = java.util.Objects.requireNonNull(writer);
            w.close();
            CaptureStats stats = w.stats();
            long[] kept = bytesAndLines(directory);
            long bytes = kept[0];
            long keptRecords = kept[1];
            System.out.printf(Locale.ROOT, "%n[capture] accepted %d, written %d, dropped %d,"
                    + " failed %d, files opened %d, deleted %d, mean line %.0f bytes%n",
                    stats.accepted(), stats.written(), stats.dropped(), stats.failed(),
                    stats.filesOpened(), stats.filesDeleted(),
                    keptRecords == 0 ? 0.0 : (double) bytes / keptRecords);
            if (stats.written() != stats.accepted() || stats.dropped() != 0
                    || stats.failed() != 0) {
                throw new IllegalStateException("records were lost: " + stats);
            }
            delete(directory);
        }
    }

    /** Each thread's prepared rows and its inference counter. */
    @State(Scope.Thread)
    public static class Rows {
        @SuppressWarnings("unchecked")
        final Map<String, Object>[] inputs = new Map[ROWS];
        @SuppressWarnings("unchecked")
        final Map<String, Object>[] outputs = new Map[ROWS];
        String prefix = "";
        long next;

        /** Creates the state; JMH calls {@link #prepare()}. */
        public Rows() {
        }

        /** Builds the thread's rows from a seed of its own. */
        @Setup(Level.Trial)
        public void prepare() {
            SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
            prefix = new java.util.UUID(random.nextLong(), random.nextLong()).toString().substring(0, 24);
            for (int r = 0; r < ROWS; r++) {
                Map<String, Object> input = new HashMap<>();
                for (int f = 0; f < FEATURES; f++) {
                    input.put(String.format(Locale.ROOT, "feature_%02d", f),
                            random.nextGaussian() * 1000.0);
                }
                for (int c = 0; c < CATEGORIES; c++) {
                    input.put(String.format(Locale.ROOT, "category_%02d", c),
                            CITIES[random.nextInt(CITIES.length)]);
                }
                inputs[r] = input;
                double a = random.nextDouble();
                double b = random.nextDouble() * (1 - a);
                outputs[r] = Map.of("score_churn", a, "score_stay", b, "score_other", 1 - a - b);
            }
        }
    }

    /**
     * Captures one record.
     *
     * @param writer the shared writer
     * @param rows this thread's rows
     * @return whether the record was queued (always, when blocking)
     */
    @Benchmark
    public boolean capture(Writer writer, Rows rows) {
        long i = rows.next++;
        int r = (int) (i & (ROWS - 1));
        return java.util.Objects.requireNonNull(writer.writer).capture(rows.prefix + i,
                "churn-v3", CaptureStage.AFTER_MODEL, rows.inputs[r], rows.outputs[r]);
    }

    /** Returns the bytes and the lines of the files in a directory. */
    private static long[] bytesAndLines(Path directory) {
        long[] totals = new long[2];
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                byte[] bytes = Files.readAllBytes(file);
                totals[0] += bytes.length;
                for (byte b : bytes) {
                    if (b == '\n') {
                        totals[1]++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return totals;
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
