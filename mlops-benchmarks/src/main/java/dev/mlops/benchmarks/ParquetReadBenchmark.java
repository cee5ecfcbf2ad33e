package dev.mlops.benchmarks;

import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.parquet.ParquetCodec;
import dev.mlops.parquet.ParquetFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Reads the numeric-heavy table of {@link NumericCsvFile} (100 MB of CSV, 1,105,953 rows × 11
 * columns) from a Parquet copy, one whole file per operation, to set beside
 * {@link CsvReadBenchmark}'s reads of the CSV itself:
 *
 * <ul>
 *   <li>{@link #readAll()}: {@code ParquetFormat.defaults().read(path)}, every column;
 *   <li>{@link #readTwoColumns()}: a projection to {@value #PROJECTED_NUMERIC} (numeric) and
 *       {@value #PROJECTED_CATEGORICAL} (categorical, dictionary-encoded), reading only those
 *       columns' chunks.
 * </ul>
 *
 * <p>The Parquet copy is written once beside the CSV by {@link ParquetFormat} itself with the
 * {@link #codec} (Snappy is the format's default, as Spark's; LZ4 and Zstandard the other usual
 * choices; {@code uncompressed} shows what decompression costs), the table read from the CSV with
 * its schema given, and reused; the setup
 * checks that it reads back equal to the CSV's table. A large row group's columns are decoded in
 * parallel, as a CSV file's chunks are parsed in parallel: run both under {@code taskset -c 0} to
 * compare one core's work (see {@link CsvReadBenchmark}), where the printed cpu/wall share shows
 * whether the machine gave the thread its core. The score is milliseconds per read of the whole
 * file; the files stay in the page cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class ParquetReadBenchmark extends CpuShareReported {
    /** The numeric column of the projection. */
    static final String PROJECTED_NUMERIC = "price";
    /** The categorical column of the projection. */
    static final String PROJECTED_CATEGORICAL = "segment";

    /** The least size of the CSV file in bytes. */
    @Param("" + NumericCsvFile.DEFAULT_BYTES)
    public long bytes;

    /** The seed of the file's values. */
    @Param("" + NumericCsvFile.DEFAULT_SEED)
    public long seed;

    /** The codec of the Parquet copy's pages, as {@link ParquetCodec#label()} names it. */
    @Param({"snappy", "lz4_raw", "zstd", "uncompressed"})
    public String codec;

    private Path file = Path.of("");
    private final ParquetFormat format = ParquetFormat.defaults();
    private final List<String> projection = List.of(PROJECTED_NUMERIC, PROJECTED_CATEGORICAL);

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public ParquetReadBenchmark() {
        this.codec = ParquetCodec.SNAPPY.label();
    }

    /**
     * Writes or finds the CSV file and its Parquet copy, and checks that the copy reads as the CSV.
     *
     * @throws IOException if a file cannot be read or written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path csv = NumericCsvFile.ensure(NumericCsvFile.defaultDirectory(), bytes, seed);
        Table expected = CsvFormat.builder().schema(NumericCsvFile.schema()).build().read(csv);
        file = parquetCopy(csv, expected, ParquetCodec.fromLabel(codec));
        Table table = format.read(file);
        if (!table.equals(expected)) {
            throw new IllegalStateException(file + " does not read as " + csv);
        }
        System.out.printf(Locale.ROOT, "# file %s: %d bytes (CSV %d bytes), %d rows × %d columns%n",
                file.toAbsolutePath(), Files.size(file), Files.size(csv), table.rowCount(), table.columnCount());
    }

    /** The CSV's table written as Parquet beside the CSV (atomically) unless it is there. */
    private static Path parquetCopy(Path csv, Table table, ParquetCodec codec) throws IOException {
        ParquetFormat writer = ParquetFormat.builder().codec(codec).build();
        return DerivedFile.ensure(csv.resolveSibling(csv.getFileName() + "." + codec.label() + ".parquet"),
                temporary -> writer.write(table, temporary));
    }

    /**
     * Reads every column of the file.
     *
     * @return the table, for JMH to consume
     */
    @Benchmark
    public Table readAll() {
        return format.read(file);
    }

    /**
     * Reads two columns of the file, one numeric and one categorical.
     *
     * @return the table, for JMH to consume
     */
    @Benchmark
    public Table readTwoColumns() {
        return format.read(file, projection);
    }
}
