package dev.mlops.benchmarks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.XXH64;

/**
 * The rows of {@link SparkScalingHarness}, computed from each row's id alone, so that Spark (column
 * expressions over {@code spark.range}) and one JVM (a loop over the ids) make the very same values
 * whatever the partitioning: the columns of {@link CheckSuiteBenchmark}, drawn from Spark's own
 * {@code xxhash64} instead of a sequential random generator.
 *
 * <p>Column {@code c} of row {@code id} reads the 64-bit hash {@code xxhash64(seed, c, id)} (Spark's
 * function: seed 42, then each argument hashed into the previous hash, a long with
 * {@link XXH64#hashLong}, an int with {@link XXH64#hashInt}). From the hash {@code h}:
 * <ul>
 *   <li>{@code id}: the id itself, 0 to rows − 1, distinct;</li>
 *   <li>{@code amount}: missing when {@code h mod 100 = 0} (1 %), else {@code 10000 u²} with
 *       {@code u = (h >>> 11) · 2^-53} in [0, 1), negated when {@code h mod 1000 = 1} (0.1 %);</li>
 *   <li>{@code city}: missing when {@code h mod 100 = 0}, {@code "elsewhere"} when
 *       {@code h mod 1000 = 1}, else {@code "c" + (h >>> 32) mod 20}.</li>
 * </ul>
 * Only integer operations, an exact long-to-double conversion and IEEE products are used, which
 * Spark and Java evaluate identically ({@code mod} is Spark's {@code pmod}, Java's
 * {@link Math#floorMod(long, long)}).
 */
final class HashedRows {
    /** How many ordinary levels {@code city} has. */
    static final int LEVELS = 20;
    private static final long SPARK_SEED = 42L;
    private static final int AMOUNT = 1;
    private static final int CITY = 2;
    private static final double UNIT = 0x1.0p-53;
    private static final double SCALE = 10_000;

    private HashedRows() {
    }

    /** @return the city levels {@code c0} to {@code c19} */
    static List<String> levels() {
        List<String> levels = new ArrayList<>(LEVELS);
        for (int level = 0; level < LEVELS; level++) {
            levels.add("c" + level);
        }
        return levels;
    }

    /**
     * The suite of {@link CheckSuiteBenchmark}: completeness of amount and city, amount in
     * [0, 10000], city among the 20 levels, id unique, and {@code amount < 5000 or city == "c0"}.
     *
     * @return the suite
     */
    static CheckSuite suite() {
        return CheckSuite.builder("benchmark")
                .add(Checks.complete("amount"))
                .add(Checks.complete("city"))
                .add(Checks.range("amount", 0, SCALE))
                .add(Checks.allowedValues("city", levels()))
                .add(Checks.unique("id"))
                .add(Checks.rows("small or c0", "amount < 5000 or city == \"c0\""))
                .build();
    }

    /**
     * @param spark the session
     * @param rows how many rows
     * @param partitions how many partitions {@code spark.range} makes
     * @param seed the seed
     * @return the rows as a Dataset of {@code id} (long), {@code amount} (double) and {@code city}
     *     (string), lazily defined
     */
    static Dataset<Row> dataset(SparkSession spark, long rows, int partitions, long seed) {
        Column amountHash = xxhash64(lit(seed), lit(AMOUNT), col("id"));
        Column cityHash = xxhash64(lit(seed), lit(CITY), col("id"));
        Column u = shiftrightunsigned(amountHash, 11).cast("double").multiply(UNIT);
        Column magnitude = u.multiply(u).multiply(SCALE);
        Column amount = when(pmod(amountHash, lit(100L)).equalTo(0L), lit(null).cast("double"))
                .when(pmod(amountHash, lit(1000L)).equalTo(1L), magnitude.unary_$minus())
                .otherwise(magnitude);
        Column city = when(pmod(cityHash, lit(100L)).equalTo(0L), lit(null).cast("string"))
                .when(pmod(cityHash, lit(1000L)).equalTo(1L), lit("elsewhere"))
                .otherwise(concat(lit("c"), pmod(shiftrightunsigned(cityHash, 32), lit((long) LEVELS))
                        .cast("string")));
        return spark.range(0, rows, 1, partitions).select(col("id"), amount.as("amount"), city.as("city"));
    }

    /**
     * @param rows how many rows
     * @param seed the seed
     * @return the same rows as {@link #dataset}, as a table in id order
     */
    static Table table(int rows, long seed) {
        long seedHash = XXH64.hashLong(seed, SPARK_SEED);
        long amountSeed = XXH64.hashInt(AMOUNT, seedHash);
        long citySeed = XXH64.hashInt(CITY, seedHash);
        List<String> levels = levels();
        double[] ids = new double[rows];
        NumericColumn.Builder amount = NumericColumn.builder("amount").ensureCapacity(rows);
        CategoricalColumn.Builder city = CategoricalColumn.builder("city").ensureCapacity(rows);
        for (int id = 0; id < rows; id++) {
            ids[id] = id;
            long amountHash = XXH64.hashLong(id, amountSeed);
            if (Math.floorMod(amountHash, 100L) == 0) {
                amount.addMissing();
            } else {
                double u = (amountHash >>> 11) * UNIT;
                double magnitude = u * u * SCALE;
                amount.add(Math.floorMod(amountHash, 1000L) == 1 ? -magnitude : magnitude);
            }
            long cityHash = XXH64.hashLong(id, citySeed);
            if (Math.floorMod(cityHash, 100L) == 0) {
                city.addMissing();
            } else {
                city.add(Math.floorMod(cityHash, 1000L) == 1 ? "elsewhere" : levels.get((int) ((cityHash >>> 32) % LEVELS)));
            }
        }
        return Table.of(NumericColumn.of("id", ids), amount.build(), city.build());
    }
}
