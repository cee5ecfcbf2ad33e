package dev.mlops.benchmarks;

import dev.mlops.core.table.Table;
import dev.mlops.data.io.Compression;
import dev.mlops.data.io.CsvFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads the numeric-heavy CSV file of {@link NumericCsvFile} compressed, beside the plain file
 * that {@link CsvReadBenchmark} reads: what gzip and zstd cost a read.
 *
 * <ul>
 *   <li>{@link #read()}: {@code CsvFormat.defaults().read(path)} of {@code FILE.csv},
 *       {@code FILE.csv.gz} or {@code FILE.csv.zst} ({@link #compression}); the plain file is read
 *       in parallel chunks on every core, a compressed one on one thread, since the chunks need
 *       to seek;
 *   <li>{@link #uncompressOnly()}: only the uncompressed bytes ({@link Compression#open(Path)}),
 *       building no table: the floor under a compressed read.
 * </ul>
 *
 * <p>The compressed copies are written next to the plain file by this library's own
 * {@link Compression#compress} (gzip at the JDK's default level 6, zstd at aircompressor's level
 * 3) the first time, then reused. pandas' {@code read_csv} of the same {@code .gz}
 * ({@code scripts/pandas_read_csv.py FILE.csv.gz}) is the peer; it too reads on one thread. The
 * score is milliseconds per read of the whole file; the files stay in the page cache. After each
 * iteration the benchmark thread's share of the wall time on a core is printed
 * ({@link CpuShareReported}); a compressed file is read on that thread alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class CompressedCsvReadBenchmark extends CpuShareReported {
    private static final int BUFFER_BYTES = 1 << 16;

    /** The least size of the uncompressed file in bytes. */
    @Param("" + NumericCsvFile.DEFAULT_BYTES)
    public long bytes;

    /** The seed of the file's values. */
    @Param("" + NumericCsvFile.DEFAULT_SEED)
    public long seed;

    /** How the file read is compressed: {@code none}, {@code gzip} or {@code zstd}. */
    @Param({"none", "gzip", "zstd"})
    public String compression;

    private Path file = Path.of("");
    private final CsvFormat format = CsvFormat.defaults();
    private final byte[] buffer = new byte[BUFFER_BYTES];

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public CompressedCsvReadBenchmark() {
        // state is filled in by setUp
    }

    /**
     * Writes or finds the plain file and its compressed copy, and checks that the copy reads as
     * the plain file.
     *
     * @throws IOException if a file cannot be read or written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path plain = NumericCsvFile.ensure(NumericCsvFile.defaultDirectory(), bytes, seed);
        file = compressedCopy(plain, Compression.fromLabel(compression));
        Table table = format.read(file);
        if (!table.equals(format.read(plain))) {
            throw new IllegalStateException(file + " does not read as " + plain);
        }
        System.out.printf(Locale.ROOT, "# file %s: %d bytes (%d uncompressed), %d rows%n", file.toAbsolutePath(),
                Files.size(file), Files.size(plain), table.rowCount());
    }



    /** The plain file compressed, written beside it (atomically) unless it is there. */
    static Path compressedCopy(Path plain, Compression compression) throws IOException {
        if (compression == Compression.NONE) {
            return plain;
        }
        Path copy = plain.resolveSibling(plain.getFileName() + compression.extension());
        return DerivedFile.ensure(copy, temporary -> {
            try (OutputStream file = Files.newOutputStream(temporary);
                    OutputStream out = compression.compress(file)) {
                Files.copy(plain, out);
            }
        });
    }

    /**
     * Reads the file into a table, inferring every column's type.
     *
     * @return the table, for JMH to consume
     */
    @Benchmark
    public Table read() {
        return format.read(file);
    }

    /**
     * Reads the file's uncompressed bytes and nothing else.
     *
     * @return the number of bytes, for JMH to consume
     */
    @Benchmark
    public long uncompressOnly() {
        long total = 0;
        try (InputStream in = Compression.open(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }
}
