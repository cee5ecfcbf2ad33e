package dev.mlops.benchmarks;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import dev.mlops.data.check.Quarantine;
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
 * Runs a suite of six data checks over {@code rows} rows (default 10,000,000) drawn from a fixed
 * seed: {@code id} (distinct integers, shuffled), {@code amount} (exponential, 1 % missing, 0.1 %
 * negative) and {@code city} (20 levels, 1 % missing, 0.1 % an unexpected level). The suite:
 * completeness of amount and city, amount in [0, 10000], city among the 20 levels, id unique,
 * and the predicate {@code amount < 5000 or city == "c0"}. {@link #run()} measures the report,
 * {@link #quarantine()} the split into passing and failing rows, and {@link #part(Part)} each
 * check alone and the table's fingerprint, where the report's time goes. {@link #main} writes the same
 * columns for {@code scripts/pandas_checks.py}: id and amount as little-endian doubles (NaN for
 * missing), city as little-endian int32 codes (-1 for missing, 20 for the unexpected level).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CheckSuiteBenchmark {
    private static final int LEVELS = 20;

    /** How many rows. */
    @Param("10000000")
    public int rows;

    private Table table = Table.of();
    private CheckSuite suite = CheckSuite.builder("benchmark").build();

    /** The drawn columns: ids, amounts (NaN for missing) and city codes (-1 for missing). */
    record Columns(double[] ids, double[] amounts, int[] cities) {
    }

    static Columns draw(int rows) {
        SplittableRandom random = new SplittableRandom(20_261_202L);
        double[] ids = new double[rows];
        for (int row = 0; row < rows; row++) {
            ids[row] = row;
        }
        for (int row = rows - 1; row > 0; row--) {
            int other = random.nextInt(row + 1);
            double swap = ids[row];
            ids[row] = ids[other];
            ids[other] = swap;
        }
        double[] amounts = new double[rows];
        int[] cities = new int[rows];
        for (int row = 0; row < rows; row++) {
            double amount = -Math.log(1 - random.nextDouble()) * 500;
            amounts[row] = random.nextInt(100) == 0 ? Double.NaN : random.nextInt(1000) == 0 ? -amount : amount;
            cities[row] = random.nextInt(100) == 0 ? -1 : random.nextInt(1000) == 0 ? LEVELS : random.nextInt(LEVELS);
        }
        return new Columns(ids, amounts, cities);
    }

    /** One part of the report measured alone: a check by its name, or the table's fingerprint. */
    @State(Scope.Benchmark)
    public static class Part {
        /** The check's name, or {@code fingerprint}. */
        @Param({"completeness(amount)", "completeness(city)", "range(amount)", "allowed-values(city)", "uniqueness(id)",
            "predicate(small or c0)", "fingerprint"})
        public String part;
    }

    /** Builds the table and the suite. */
    @Setup
    public void setUp() {
        Columns columns = draw(rows);
        NumericColumn.Builder amount = NumericColumn.builder("amount");
        CategoricalColumn.Builder city = CategoricalColumn.builder("city");
        List<String> levels = new ArrayList<>();
        for (int level = 0; level < LEVELS; level++) {
            levels.add("c" + level);
        }
        for (int row = 0; row < rows; row++) {
            if (Double.isNaN(columns.amounts()[row])) {
                amount.addMissing();
            } else {
                amount.add(columns.amounts()[row]);
            }
            int code = columns.cities()[row];
            if (code < 0) {
                city.addMissing();
            } else {
                city.add(code == LEVELS ? "elsewhere" : levels.get(code));
            }
        }
        table = Table.of(NumericColumn.of("id", columns.ids()), amount.build(), city.build());
        suite = CheckSuite.builder("benchmark")
                .add(Checks.complete("amount"))
                .add(Checks.complete("city"))
                .add(Checks.range("amount", 0, 10_000))
                .add(Checks.allowedValues("city", levels))
                .add(Checks.unique("id"))
                .add(Checks.rows("small or c0", "amount < 5000 or city == \"c0\""))
                .build();
    }

    /** @return the report of the six checks */
    @Benchmark
    public CheckReport run() {
        return suite.run(table);
    }

    /**
     * @param part the check or the fingerprint
     * @return its result
     */
    @Benchmark
    public Object part(Part part) {
        if (part.part.equals("fingerprint")) {
            return Fingerprint.of(table);
        }
        for (Check check : suite.checks()) {
            if (check.name().equals(part.part)) {
                return check.run(table, CheckContext.defaults());
            }
        }
        throw new IllegalArgumentException("no check '" + part.part + "' in " + suite.checks());
    }

    /** @return the rows split by the suite's row checks */
    @Benchmark
    public Quarantine quarantine() {
        return suite.quarantine(table);
    }

    /**
     * Writes the columns for pandas: rows ids and rows amounts as little-endian doubles, then rows
     * city codes as little-endian int32.
     *
     * @param args the output file, and optionally the number of rows
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: CheckSuiteBenchmark FILE [ROWS]");
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        Columns columns = draw(count);
        try (OutputStream file = Files.newOutputStream(Path.of(args[0]));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 20))) {
            for (double id : columns.ids()) {
                out.writeLong(Long.reverseBytes(Double.doubleToRawLongBits(id)));
            }
            for (double amount : columns.amounts()) {
                out.writeLong(Long.reverseBytes(Double.doubleToRawLongBits(amount)));
            }
            for (int city : columns.cities()) {
                out.writeInt(Integer.reverseBytes(city));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + args[0], e);
        }
    }
}
