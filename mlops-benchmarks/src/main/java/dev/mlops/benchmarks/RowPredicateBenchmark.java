package dev.mlops.benchmarks;

import dev.mlops.core.predicate.BoundPredicate;
import dev.mlops.core.predicate.RowPredicate;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.BitSet;
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
 * Evaluates {@code age < 25 and city == "Hamburg"} over {@code rows} rows (default 10,000,000)
 * of a numeric column (ages 18 to 90, 2 % missing) and a categorical one (8 cities), on one
 * thread: {@link #countMatching()} counts the matching rows (a column at a time into a bitmap),
 * {@link #bindAndCount()} also parses and binds the expression each time, {@link #selection()}
 * returns the bitmap, and {@link #rowByRow()} tests one row at a time, as the evaluation did
 * before the bitmap. The table is drawn from a fixed seed; {@link #main} writes
 * the same rows as CSV for {@code mlops-benchmarks/scripts/pandas_query.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RowPredicateBenchmark {
    /** The expression measured. */
    public static final String EXPRESSION = "age < 25 and city == \"Hamburg\"";
    private static final String[] CITIES = {"Hamburg", "Berlin", "München", "Köln", "Frankfurt", "Stuttgart",
        "Leipzig", "Dresden"};

    /** How many rows. */
    @Param("10000000")
    public int rows;

    /** The expression evaluated; {@code -p expression='age < 25'} measures another. */
    @Param(EXPRESSION)
    public String expression;

    private Table table = Table.of();
    private BoundPredicate bound = RowPredicate.parse("age < 25").bind(Table.of(NumericColumn.of("age")));

    /**
     * Draws the table.
     *
     * @param rows how many rows
     * @return the table of columns age and city
     */
    public static Table draw(int rows) {
        SplittableRandom random = new SplittableRandom(20_261_125L);
        NumericColumn.Builder age = NumericColumn.builder("age");
        CategoricalColumn.Builder city = CategoricalColumn.builder("city");
        for (int row = 0; row < rows; row++) {
            if (random.nextInt(50) == 0) {
                age.addMissing();
            } else {
                age.add(18 + random.nextInt(73));
            }
            city.add(CITIES[random.nextInt(CITIES.length)]);
        }
        return Table.of(age.build(), city.build());
    }

    /** Draws the table and binds the expression. */
    @Setup
    public void drawTable() {
        table = draw(rows);
        bound = RowPredicate.parse(expression).bind(table);
    }

    /** @return how many rows match */
    @Benchmark
    public int countMatching() {
        return bound.countMatching();
    }

    /** @return the bitmap of the matching rows */
    @Benchmark
    public BitSet selection() {
        return bound.selection();
    }

    /** @return how many rows match, testing one row at a time */
    @Benchmark
    public int rowByRow() {
        int count = 0;
        for (int row = 0; row < rows; row++) {
            if (bound.test(row)) {
                count++;
            }
        }
        return count;
    }

    /** @return how many rows match, parsing and binding first */
    @Benchmark
    public int bindAndCount() {
        return RowPredicate.parse(expression).bind(table).countMatching();
    }

    /**
     * Writes the table as CSV, for pandas.
     *
     * @param args the output file, and optionally the number of rows
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: RowPredicateBenchmark FILE [ROWS]");
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        dev.mlops.data.io.CsvFormat.defaults().write(draw(count), java.nio.file.Path.of(args[0]));
    }
}
