package dev.mlops.benchmarks;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Profiles a table of {@code rows} rows (default 10,000,000) and 10 numeric columns drawn from a
 * fixed seed (normal, uniform, exponential and integer-valued columns; 1 % missing in half of
 * them): {@link #parallel()} on the common pool (both cores here), {@link #sequential()} column
 * after column. Above 100,000 values a column's quantiles come from KLL, and above 10,000
 * distinct values its distinct count from HyperLogLog (8 of the 10 columns; the two
 * integer-valued ones have 1,000 distinct values, counted exactly). {@link #main} writes
 * the same values as little-endian doubles (NaN for missing), column after column, for
 * {@code mlops-benchmarks/scripts/pandas_describe.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProfileBenchmark {
    private static final int COLUMNS = 10;

    /** How many rows. */
    @Param("10000000")
    public int rows;

    private Table table = Table.of();

    /**
     * Draws the columns' values; NaN marks a missing value.
     *
     * @param rows how many rows
     * @return one array per column
     */
    public static double[][] values(int rows) {
        SplittableRandom random = new SplittableRandom(20_261_125L);
        double[][] columns = new double[COLUMNS][rows];
        for (int c = 0; c < COLUMNS; c++) {
            for (int row = 0; row < rows; row++) {
                double value = switch (c % 4) {
                    case 0 -> gaussian(random) * (c + 1) + 10 * c;
                    case 1 -> random.nextDouble() * 1000;
                    case 2 -> -Math.log(1 - random.nextDouble()) * 50;
                    default -> random.nextInt(1000);
                };
                columns[c][row] = c % 2 == 0 && random.nextInt(100) == 0 ? Double.NaN : value;
            }
        }
        return columns;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Builds the table. */
    @Setup
    public void drawTable() {
        table = table(rows);
    }

    /**
     * Draws the table of {@link #values(int)}: NaN in the drawn values becomes a missing value.
     *
     * @param rows how many rows
     * @return the table, columns {@code x0} to {@code x9}
     */
    public static Table table(int rows) {
        double[][] values = values(rows);
        List<NumericColumn> columns = new ArrayList<>(COLUMNS);
        for (int c = 0; c < COLUMNS; c++) {
            NumericColumn.Builder column = NumericColumn.builder("x" + c);
            for (double value : values[c]) {
                if (Double.isNaN(value)) {
                    column.addMissing();
                } else {
                    column.add(value);
                }
            }
            columns.add(column.build());
            values[c] = new double[0];
        }
        return Table.of(columns);
    }

    /** @return the profile, columns in parallel on the common pool */
    @Benchmark
    public DatasetProfile parallel() {
        return DatasetProfile.of(table);
    }

    /** @return the profile, one column after another on this thread */
    @Benchmark
    public DatasetProfile sequential() {
        return DatasetProfile.of(table, ProfileOptions.defaults(), Runnable::run);
    }

    /**
     * Writes the values for pandas: COLUMNS × rows little-endian doubles, column after column.
     *
     * @param args the output file, and optionally the number of rows
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ProfileBenchmark FILE [ROWS]");
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        double[][] values = values(count);
        try (OutputStream file = Files.newOutputStream(Path.of(args[0]));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 20))) {
            for (double[] column : values) {
                for (double value : column) {
                    out.writeLong(Long.reverseBytes(Double.doubleToRawLongBits(value)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + args[0], e);
        }
    }
}
