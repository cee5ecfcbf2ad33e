package dev.mlops.benchmarks;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.TribuoTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
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
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Converts a {@link Table} of 1,000,000 rows × 20 columns (15 numeric features, 4 categorical
 * features of 10 levels, one categorical label of 3 classes) into a Tribuo classification
 * dataset through a {@link FeatureEncoder} fitted once in setup: the one-hot encoding and the
 * examples Tribuo trains on. The peer is pandas' {@code get_dummies(...).to_numpy()} on the same
 * shape ({@code scripts/pandas_to_numpy.py}). Score: milliseconds per conversion.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class TribuoConversionBenchmark {
    private static final int NUMERIC = 15;
    private static final int CATEGORICAL = 4;
    private static final int LEVELS = 10;

    /** The rows. */
    @Param("1000000")
    public int rows;

    private Table table = Table.of(NumericColumn.of("x", 0));
    private FeatureEncoder encoder = FeatureEncoder.fit(Table.of(NumericColumn.of("a", 0, 1),
            NumericColumn.of("b", 0, 1)), Set.of("b"), MissingPolicy.IMPUTE);

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public TribuoConversionBenchmark() {
        // filled in by setUp
    }

    /** Builds the table and fits the encoder. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20_261_206L);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < NUMERIC; c++) {
            double[] values = new double[rows];
            for (int row = 0; row < rows; row++) {
                values[row] = random.nextGaussian();
            }
            columns.add(NumericColumn.of("n" + c, values));
        }
        for (int c = 0; c < CATEGORICAL; c++) {
            String[] values = new String[rows];
            for (int row = 0; row < rows; row++) {
                values[row] = "level" + random.nextInt(LEVELS);
            }
            columns.add(CategoricalColumn.of("c" + c, values));
        }
        String[] labels = new String[rows];
        for (int row = 0; row < rows; row++) {
            labels[row] = "class" + random.nextInt(3);
        }
        columns.add(CategoricalColumn.of("label", labels));
        table = Table.of(columns);
        encoder = FeatureEncoder.fit(table, Set.of("label"), MissingPolicy.IMPUTE);
    }

    /**
     * One conversion.
     *
     * @return the dataset, so that the work is not optimised away
     */
    @Benchmark
    public MutableDataset<Label> toTribuoDataset() {
        return TribuoTables.classification(table, "label", encoder);
    }
}
