package dev.mlops.benchmarks;

import dev.mlops.core.table.Schema;
import dev.mlops.data.io.TableSource;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import dev.mlops.parquet.ParquetFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Profiles {@link ProfileBenchmark}'s table (10,000,000 rows × 10 numeric columns, 800 MB of
 * doubles decoded) from a Parquet file, streaming by row group through
 * {@code DatasetProfile.of(TableSource.of(ParquetFormat.defaults(), file), ...)}, in a JVM whose
 * heap ({@code -Xmx}, {@value #HEAP} by default; {@code -jvmArgsAppend -Xmx...} on JMH's command
 * line overrides it) is smaller than the decoded table:
 * {@link #parallel()} each row group's columns on the common pool, {@link #sequential()} one after
 * another. Each operation reads the file twice: once for the statistics, row group after row
 * group, and once more column by column for the whole table's fingerprint. Set beside
 * {@link ProfileBenchmark}, which profiles the same table held in memory (heap 8 GB).
 *
 * <p>The file ({@link ProfileParquetFile}) is written once, Snappy-compressed, with row groups of
 * {@link #rowGroupBytes}, in a child JVM with a larger heap: 32 MiB by default (about 480,000 rows),
 * which profiles in {@value #HEAP}; row groups of 128 MiB ({@code ParquetFormat}'s and Spark's
 * default, {@code -p rowGroupBytes=134217728}) need {@code -jvmArgsAppend -Xmx640m}, since the
 * reader holds the previous row group's pages while it reads the next and the decoded row group
 * comes on top ({@code docs/benchmarks.md}, "Parquet (issue 26)").
 * After each iteration the heap's size and the peak use of each of its pools since the last
 * iteration are printed ({@code # heap ...}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = ParquetProfileBenchmark.HEAP)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ParquetProfileBenchmark {
    /** The benchmark JVM's default heap: well below the 800 MB of the decoded table. */
    static final String HEAP = "-Xmx256m";
    /** The default row-group size, small enough for {@link #HEAP}. */
    static final long ROW_GROUP_BYTES = 32L << 20;

    /** How many rows. */
    @Param("10000000")
    public int rows;

    /** The size of data after which a row group of the file closes: 32 MiB by default. */
    @Param("" + ROW_GROUP_BYTES)
    public long rowGroupBytes;

    private TableSource source = TableSource.of("no file yet", Schema.of(), List.of());

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public ParquetProfileBenchmark() {
        // state is filled in by setUp
    }

    /**
     * Writes or finds the file.
     *
     * @throws IOException if the file cannot be sized
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = ProfileParquetFile.ensure(NumericCsvFile.defaultDirectory(), rows, rowGroupBytes);
        source = TableSource.of(ParquetFormat.defaults(), file);
        System.out.printf(Locale.ROOT, "# file %s: %d bytes; heap max %d MB%n", file.toAbsolutePath(),
                Files.size(file), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Prints the heap's size and each heap pool's peak use during the iteration, then resets the peaks. */
    @TearDown(Level.Iteration)
    public void reportHeap() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "# heap max %d MB, peaks:",
                Runtime.getRuntime().maxMemory() >> 20));
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                line.append(String.format(Locale.ROOT, " %s %d MB", pool.getName(), pool.getPeakUsage().getUsed() >> 20));
                pool.resetPeakUsage();
            }
        }
        System.out.println(line);
    }

    /** @return the profile, each row group's columns in parallel on the common pool */
    @Benchmark
    public DatasetProfile parallel() {
        return DatasetProfile.of(source, ProfileOptions.defaults(), ForkJoinPool.commonPool(), Clock.systemUTC());
    }

    /** @return the profile, one column after another on this thread */
    @Benchmark
    public DatasetProfile sequential() {
        return DatasetProfile.of(source, ProfileOptions.defaults(), Runnable::run, Clock.systemUTC());
    }
}
