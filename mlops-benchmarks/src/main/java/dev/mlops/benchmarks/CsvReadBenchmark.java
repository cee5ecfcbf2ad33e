package dev.mlops.benchmarks;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
 * Reads the numeric-heavy CSV file of {@link NumericCsvFile} into a {@link Table}, one whole
 * file per operation. {@code CsvFormat} reads a large file in chunks on as many threads as the
 * JVM sees processors: run the JVM under {@code taskset -c 0} to measure one core (JMH's forked
 * JVM inherits the affinity; add {@code -jvmArgsAppend -XX:+UseG1GC}, since a JVM that sees one
 * processor picks the serial collector), and without it to measure all cores.
 *
 * <ul>
 *   <li>{@link #inferTypes()}: {@code CsvFormat.defaults().read(path)}, inferring every column's
 *       type (one pass, since no column contradicts its first cell);
 *   <li>{@link #givenSchema()}: the same with the file's schema given in advance;
 *   <li>{@link #tokenizeOnly()}: only jackson-dataformat-csv's tokenizer over the same bytes,
 *       the way {@code CsvFormat} drives it (a strict UTF-8 decoder that reports invalid bytes,
 *       every cell materialised as a {@code String}), building no table;
 *   <li>{@link #decodeOnly()}: only opening the file and decoding its bytes as UTF-8 chars
 *       strictly (invalid bytes reported, not replaced), the floor under both readers.
 * </ul>
 *
 * <p>The score is milliseconds per read of the whole file; throughput in MB/s is the file's
 * size (printed at setup, 10^8 bytes by default) divided by it. The file stays in the page
 * cache after the first read, so the numbers are CPU-bound, not disk-bound. The file lives in
 * {@link NumericCsvFile#defaultDirectory()}; pass {@code -Dmlops.benchmark.data=DIR} to the JMH
 * JVM to move it.
 *
 * <p>After each iteration the benchmark thread's CPU time is printed as a share of the
 * iteration's wall time ({@code # cpu/wall 0.99}): well below 1 on one core, the thread waited
 * for a core because the machine was busy, and the score overstates the time a read needs (with
 * several threads the reading threads' time is not the benchmark thread's, and the share is low
 * by design).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class CsvReadBenchmark extends CpuShareReported {
    /** Tokenizer settings as in {@code CsvFormat}: rows as arrays, blank lines skipped. */
    private static final CsvFactory TOKENIZER = CsvFactory.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final int DECODE_BUFFER_CHARS = 1 << 16;

    /** The least size of the file in bytes. */
    @Param("" + NumericCsvFile.DEFAULT_BYTES)
    public long bytes;

    /** The seed of the file's values. */
    @Param("" + NumericCsvFile.DEFAULT_SEED)
    public long seed;

    private Path file = Path.of("");
    private CsvFormat inferring = CsvFormat.defaults();
    private CsvFormat given = CsvFormat.defaults();

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public CsvReadBenchmark() {
        // state is filled in by setUp
    }

    /**
     * Writes or finds the file and checks that inference settles on the expected schema, so that
     * {@link #inferTypes()} measures a single pass.
     *
     * @throws IOException if the file cannot be sized
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = NumericCsvFile.ensure(NumericCsvFile.defaultDirectory(), bytes, seed);
        Schema schema = NumericCsvFile.schema();
        inferring = CsvFormat.defaults();
        given = CsvFormat.builder().schema(schema).build();
        Table inferred = inferring.read(file);
        if (!inferred.schema().equals(schema)) {
            throw new IllegalStateException("expected inference to settle on " + schema + " but it gave "
                    + inferred.schema());
        }
        System.out.printf(Locale.ROOT, "# file %s: %d bytes, %d rows%n", file.toAbsolutePath(), Files.size(file),
                inferred.rowCount());
    }



    /**
     * Reads the file inferring every column's type.
     *
     * @return the table, for JMH to consume
     */
    @Benchmark
    public Table inferTypes() {
        return inferring.read(file);
    }

    /**
     * Reads the file with its schema given.
     *
     * @return the table, for JMH to consume
     */
    @Benchmark
    public Table givenSchema() {
        return given.read(file);
    }

    /**
     * Runs jackson-dataformat-csv's tokenizer over the file and nothing else: the part of a read
     * that {@code CsvFormat} does not control.
     *
     * @return the total length of all cells, for JMH to consume
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public long tokenizeOnly() throws IOException {
        long characters = 0;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder());
             CsvParser parser = TOKENIZER.createParser(reader)) {
            parser.setSchema(CsvSchema.emptySchema().withoutHeader());
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    characters += parser.getText().length();
                }
            }
        }
        return characters;
    }

    /**
     * Opens the file and decodes it strictly as UTF-8, as both readers above do first.
     *
     * @return the number of chars, for JMH to consume
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public long decodeOnly() throws IOException {
        long characters = 0;
        char[] buffer = new char[DECODE_BUFFER_CHARS];
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder())) {
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                characters += read;
            }
        }
        return characters;
    }
}
