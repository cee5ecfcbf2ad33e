package dev.mlops.benchmarks;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.monitor.drift.TableDrift;
import dev.mlops.monitor.drift.TableDriftReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Table drift of {@value #COLUMNS} columns × {@code rows} (default 1,000,000) current rows against
 * a stored baseline: the profile of a reference table of as many rows, written to a JSON file
 * with {@link DatasetProfile#toJson()} and read back with {@link DatasetProfile#load} in the
 * setup. Columns {@code c4, c9, c14, …} (every fifth, 10 in all) are categorical with 50 skewed
 * levels, the other 40 numeric (normal; every fourth with 1 % missing values). Half the current
 * columns are shifted (numbers by 0.2 standard deviations, categories towards the last levels).
 * With the default options the numeric baseline columns hold KLL sketches and the categorical
 * ones exact counts, so the default detectors are Jensen–Shannon in 10 reference quantile bins
 * for both kinds. Values come from a fixed seed.
 *
 * <p>{@link #compare()} is the whole {@link TableDrift#compare(Table, DatasetProfile)}: every
 * column's sample, detector and histogram, the Benjamini–Hochberg correction and the current
 * table's fingerprint for the report's envelope; {@link #compareAndLoad()} also reads the
 * baseline's JSON file each time; {@link #fingerprint()} is the fingerprint alone. The target: under 2 s on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TableDriftBenchmark {
    /** How many columns. */
    public static final int COLUMNS = 50;
    private static final int LEVELS = 50;

    /** How many rows each side has. */
    @Param("1000000")
    public int rows;

    private Table current = Table.of();
    private DatasetProfile baseline = DatasetProfile.of(Table.of());
    private Path baselineFile = Path.of("unset");

    /** Draws both tables, profiles the reference, writes the profile and reads it back. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Table reference = draw(new SplittableRandom(20_261_207L), false);
        baselineFile = Files.createTempFile("baseline", ".profile.json");
        Files.writeString(baselineFile, DatasetProfile.of(reference).toJson(), StandardCharsets.UTF_8);
        baseline = DatasetProfile.load(baselineFile);
        current = draw(new SplittableRandom(20_261_208L), true);
    }

    /** Deletes the baseline's file. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Files.deleteIfExists(baselineFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Table draw(SplittableRandom random, boolean shifted) {
        List<String> levels = new ArrayList<>();
        for (int level = 0; level < LEVELS; level++) {
            levels.add("level-" + level);
        }
        List<Column> columns = new ArrayList<>(COLUMNS);
        for (int c = 0; c < COLUMNS; c++) {
            boolean shift = shifted && c % 2 == 0;
            if (c % 5 == 4) {
                CategoricalColumn.Builder column = CategoricalColumn.builder("c" + c);
                double power = shift ? 2.0 : 3.0;
                for (int row = 0; row < rows; row++) {
                    column.add(levels.get((int) (LEVELS * Math.pow(random.nextDouble(), power))));
                }
                columns.add(column.build());
            } else {
                NumericColumn.Builder column = NumericColumn.builder("x" + c);
                boolean holes = c % 4 == 0;
                double mean = c + (shift ? 0.2 * (c + 1) : 0.0);
                for (int row = 0; row < rows; row++) {
                    if (holes && random.nextInt(100) == 0) {
                        column.addMissing();
                    } else {
                        column.add(random.nextGaussian() * (c + 1) + mean);
                    }
                }
                columns.add(column.build());
            }
        }
        return Table.of(columns);
    }

    /** @return the drift report against the baseline read in the setup */
    @Benchmark
    public TableDriftReport compare() {
        return TableDrift.defaults().compare(current, baseline);
    }

    /**
     * The current table's fingerprint alone (SHA-256 over every cell), the report envelope's
     * subject, which {@link #compare()} computes on one thread beside the columns.
     *
     * @return the fingerprint
     */
    @Benchmark
    public Fingerprint fingerprint() {
        return Fingerprint.of(current);
    }

    /** @return the drift report against the baseline, read from its file each time */
    @Benchmark
    public TableDriftReport compareAndLoad() {
        return TableDrift.defaults().compare(current, DatasetProfile.load(baselineFile));
    }
}
