package dev.mlops.benchmarks;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.deploy.batch.BatchSummary;
import dev.mlops.deploy.batch.BatchTransform;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A batch transform of the CSV file of {@link NumericCsvFile} (11 columns, about 90 bytes a row)
 * through a trivial classifier on one column ({@code price}: class {@code high} with the
 * logistic score of price / 100), one whole file per operation, writing {@code row_id}, the
 * prediction and both scores to a CSV file, with a checkpoint after every chunk as in
 * production. The score is milliseconds per file; rows per second are the rows printed at setup
 * divided by it. {@code src/main/resources/batch_transform_pandas.py} does the same with pandas
 * and numpy for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BatchTransformBenchmark {
    /** The least size of the input in bytes. */
    @Param("30000000")
    public long bytes;

    /** The worker threads. */
    @Param("2")
    public int threads;

    private Path input = Path.of("");
    private Path output = Path.of("");

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public BatchTransformBenchmark() {
        // state is filled in by setUp
    }

    /**
     * Writes or finds the input and prints its rows.
     *
     * @throws IOException if the output directory cannot be created
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        input = NumericCsvFile.ensure(NumericCsvFile.defaultDirectory(), bytes, NumericCsvFile.DEFAULT_SEED);
        output = Files.createTempDirectory("batch-transform-benchmark").resolve("predictions.csv");
        BatchSummary summary = transform();
        System.out.printf(Locale.ROOT, "# input %s: %d bytes, %d rows%n", input.toAbsolutePath(), Files.size(input),
                summary.rowsIn());
    }

    /**
     * Deletes the output files.
     *
     * @throws IOException if they cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (String suffix : List.of("", ".errors.csv", ".checkpoint.json")) {
            Files.deleteIfExists(output.resolveSibling(output.getFileName() + suffix));
        }
        Files.deleteIfExists(output.getParent());
    }

    /** @return the summary of one transform of the whole file */
    @Benchmark
    public BatchSummary transform() {
        return BatchTransform.builder(new Trivial(), "trivial")
                .input(input, CsvFormat.defaults())
                .output(output, CsvFormat.defaults())
                .idColumn("row_id")
                .threads(threads)
                .build()
                .run();
    }

    /** A trivial classifier on price. */
    static final class Trivial implements Predictor {
        private static final Outputs OUTPUTS = Outputs.classification(List.of("low", "high"));
        private static final Schema INPUT = Schema.of(Field.of("price", ColumnType.NUMERIC));
        private static final double SCALE = 100;

        @Override
        public Schema inputSchema() {
            return INPUT;
        }

        @Override
        public Outputs outputs() {
            return OUTPUTS;
        }

        @Override
        public Table predict(Table features) {
            NumericColumn price = features.numericColumn("price");
            double[][] scores = new double[features.rowCount()][];
            for (int row = 0; row < scores.length; row++) {
                double high = 1 / (1 + Math.exp(-price.get(row) / SCALE));
                scores[row] = new double[] {1 - high, high};
            }
            return OUTPUTS.classifications(scores);
        }
    }
}
