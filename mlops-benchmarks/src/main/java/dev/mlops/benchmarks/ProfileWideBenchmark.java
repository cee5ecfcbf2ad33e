package dev.mlops.benchmarks;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Profiles a wide table of {@value #COLUMNS} columns and {@code rows} rows (50,000, 100,000 and
 * 200,000) on the common pool, to show that the time grows linearly in cells: every tenth column
 * is categorical (100 levels, skewed), the others numeric (normal; every fifth of them with 1 %
 * missing and a few NaN). Up to 100,000 values a numeric column keeps its values for exact
 * quantiles; at 200,000 it switches to KLL. Values come from a fixed seed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProfileWideBenchmark {
    /** How many columns. */
    public static final int COLUMNS = 500;

    /** How many rows. */
    @Param({"50000", "100000", "200000"})
    public int rows;

    private Table table = Table.of();

    /** Draws the table. */
    @Setup
    public void drawTable() {
        SplittableRandom random = new SplittableRandom(500L * rows);
        List<String> levels = new ArrayList<>();
        for (int level = 0; level < 100; level++) {
            levels.add("level-" + level);
        }
        List<Column> columns = new ArrayList<>(COLUMNS);
        for (int c = 0; c < COLUMNS; c++) {
            if (c % 10 == 9) {
                CategoricalColumn.Builder column = CategoricalColumn.builder("c" + c);
                for (int row = 0; row < rows; row++) {
                    column.add(levels.get((int) (100 * Math.pow(random.nextDouble(), 3))));
                }
                columns.add(column.build());
            } else {
                NumericColumn.Builder column = NumericColumn.builder("x" + c);
                boolean holes = c % 5 == 0;
                for (int row = 0; row < rows; row++) {
                    int kind = holes ? random.nextInt(1000) : 999;
                    if (kind < 10) {
                        column.addMissing();
                    } else if (kind < 12) {
                        column.add(Double.NaN);
                    } else {
                        column.add(random.nextGaussian() * (c + 1) + c);
                    }
                }
                columns.add(column.build());
            }
        }
        table = Table.of(columns);
    }

    /** @return the profile, columns in parallel on the common pool */
    @Benchmark
    public DatasetProfile profile() {
        return DatasetProfile.of(table);
    }
}
