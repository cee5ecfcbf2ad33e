package dev.mlops.examples.spark;

import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.TimestampProfile;
import dev.mlops.spark.SparkChecks;
import dev.mlops.spark.SparkProfiler;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Profiles and checks a generated table of 10,000,000 rows on Apache Spark, in {@code local[*]}
 * mode on this machine's cores, and writes the profile and the check report as JSON.
 *
 * <pre>{@code
 * java -cp "mlops-examples/target/classes:$(cat mlops-examples/target/classpath.txt)" \
 *     dev.mlops.examples.spark.GeneratedTableOnSpark [--rows 10000000] [--out target/spark-example] \
 *     [--master 'local[*]'] [--seed 42]
 * }</pre>
 *
 * <p>The table is a day of card payments: {@code id} (0 to rows − 1), {@code amount} (0.01 to
 * 500.00, and a refund, negative, in 0.1 % of the rows), {@code country} (one of five),
 * {@code age} (18 to 87), {@code discount} (0 to 0.3, missing in 2 % of the rows) and
 * {@code paid_at} (a second of 2026-12-07, UTC). Every value is computed from its row's id by
 * Spark's {@code xxhash64} of the seed, the column's number and the id, never by {@code rand()}:
 * the table is the same for a seed whatever the partitioning, the number of cores or a retried
 * task.
 *
 * <p>The suite holds six built-in checks; {@code range(amount)}, that amounts are not negative,
 * fails on purpose, since the refunds are: the report names the failing rows. The profile is
 * computed on the executors with {@link SparkProfiler} and the suite run with {@link SparkChecks}:
 * no row is gathered on the driver by this example.
 */
public final class GeneratedTableOnSpark {
    /** The countries a payment comes from. */
    public static final List<String> COUNTRIES = List.of("DE", "FR", "NL", "PL", "ES");
    /** The first second of the day the payments are made on. */
    private static final Instant DAY = Instant.parse("2026-12-07T00:00:00Z");
    private static final double NANOS_PER_SECOND = 1e9;
    /** How many of a failed check's sampled rows {@link #print} shows. */
    private static final int SHOWN_ROWS = 3;

    private GeneratedTableOnSpark() {
    }

    /**
     * What a run made and how long each step took.
     *
     * @param rows the number of rows generated
     * @param partitions the number of partitions they were generated in
     * @param profile the table's profile
     * @param report the suite's report on the table
     * @param profileFile where the profile was written
     * @param reportFile where the report was written
     * @param generating the time to generate, cache and count the rows
     * @param profiling the time to profile them
     * @param checking the time to run the suite over them
     */
    public record Outcome(long rows, int partitions, DatasetProfile profile, CheckReport report, Path profileFile,
            Path reportFile, Duration generating, Duration profiling, Duration checking) {
        /**
         * Checks the arguments.
         *
         * @param rows the number of rows generated
         * @param partitions the number of partitions they were generated in
         * @param profile the table's profile
         * @param report the suite's report on the table
         * @param profileFile where the profile was written
         * @param reportFile where the report was written
         * @param generating the time to generate, cache and count the rows
         * @param profiling the time to profile them
         * @param checking the time to run the suite over them
         */
        public Outcome {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(profileFile, "profileFile");
            Objects.requireNonNull(reportFile, "reportFile");
            Objects.requireNonNull(generating, "generating");
            Objects.requireNonNull(profiling, "profiling");
            Objects.requireNonNull(checking, "checking");
        }
    }

    /**
     * The generated payments, lazily defined: a Spark SQL expression per column over
     * {@code spark.range}.
     *
     * @param spark the session
     * @param rows how many rows, at least 0
     * @param partitions how many partitions, at least 1
     * @param seed the seed: the same seed gives the same rows
     * @return the rows, in id order within and across partitions
     * @throws IllegalArgumentException if rows is negative or partitions below 1
     */
    public static Dataset<Row> payments(SparkSession spark, long rows, int partitions, long seed) {
        Objects.requireNonNull(spark, "spark");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative but was " + rows);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1 but was " + partitions);
        }
        // h(n): column n's 64-bit hash of the row, from the seed and the id alone
        String h1 = hash(seed, 1);
        String h2 = hash(seed, 2);
        String h3 = hash(seed, 3);
        String h4 = hash(seed, 4);
        String h5 = hash(seed, 5);
        return spark.range(0, rows, 1, partitions).selectExpr(
                "id",
                String.format(Locale.ROOT, "CASE WHEN pmod(%1$s, 1000) = 0 THEN -(1 + pmod(%1$s DIV 1000, 5000)) / 100D"
                        + " ELSE (1 + pmod(%1$s, 50000)) / 100D END AS amount", h1),
                String.format(Locale.ROOT, "element_at(array(%s), CAST(pmod(%s, %d) AS INT) + 1) AS country",
                        quoted(COUNTRIES), h2, COUNTRIES.size()),
                String.format(Locale.ROOT, "CAST(18 + pmod(%s, 70) AS INT) AS age", h3),
                String.format(Locale.ROOT, "CASE WHEN pmod(%1$s, 50) = 0 THEN NULL"
                        + " ELSE pmod(%1$s DIV 50, 31) / 100D END AS discount", h4),
                String.format(Locale.ROOT, "timestamp_seconds(%d + pmod(%s, 86400)) AS paid_at",
                        DAY.getEpochSecond(), h5));
    }

    /**
     * The suite: {@code id} a primary key, {@code amount} not negative (fails: refunds are),
     * {@code country} among {@link #COUNTRIES}, {@code age} in [18, 120], {@code discount} at
     * least 95 % complete and in [0, 0.3].
     *
     * @return the suite
     */
    public static CheckSuite suite() {
        return CheckSuite.builder("payments")
                .add(Checks.primaryKey("id"))
                .add(Checks.nonNegative("amount"))
                .add(Checks.allowedValues("country", COUNTRIES))
                .add(Checks.range("age", 18, 120))
                .add(Checks.completeness("discount").atLeast(0.95))
                .add(Checks.range("discount", 0, 0.3))
                .build();
    }

    /**
     * Generates the rows, caches and counts them, profiles them, runs the suite, and writes
     * {@code profile.json} and {@code check-report.json} into the output directory.
     *
     * @param spark the session
     * @param rows how many rows
     * @param seed the seed
     * @param out the output directory, created if absent
     * @return what was made and how long each step took
     * @throws UncheckedIOException if a file cannot be written
     */
    public static Outcome run(SparkSession spark, long rows, long seed, Path out) {
        Objects.requireNonNull(out, "out");
        int partitions = Math.max(spark.sparkContext().defaultParallelism(), (int) Math.min(1_000, rows / 1_000_000));
        long began = System.nanoTime();
        Dataset<Row> payments = payments(spark, rows, partitions, seed).cache();
        long counted = payments.count();
        Duration generating = Duration.ofNanos(System.nanoTime() - began);
        try {
            began = System.nanoTime();
            DatasetProfile profile = SparkProfiler.create().profile(payments);
            Duration profiling = Duration.ofNanos(System.nanoTime() - began);
            began = System.nanoTime();
            CheckReport report = SparkChecks.defaults().run(suite(), payments);
            Duration checking = Duration.ofNanos(System.nanoTime() - began);
            Path profileFile = out.resolve("profile.json");
            Path reportFile = out.resolve("check-report.json");
            try {
                Files.createDirectories(out);
                Files.writeString(profileFile, profile.toJson(), StandardCharsets.UTF_8);
                Files.writeString(reportFile, report.toJson(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the profile and the report into " + out, e);
            }
            return new Outcome(counted, partitions, profile, report, profileFile, reportFile, generating, profiling,
                    checking);
        } finally {
            payments.unpersist();
        }
    }

    /**
     * Writes a short account of a run: rows and times, each column's profile in a line, the
     * report's verdict and each check's in a line (with a failed check's first rows), and where
     * the files went.
     *
     * @param outcome the run
     * @param out where to write
     */
    public static void print(Outcome outcome, PrintStream out) {
        out.printf(Locale.ROOT, "generated %,d rows in %d partitions, cached and counted in %s%n", outcome.rows(),
                outcome.partitions(), seconds(outcome.generating()));
        out.printf(Locale.ROOT, "profiled in %s on the executors:%n", seconds(outcome.profiling()));
        for (ColumnProfile column : outcome.profile().columns()) {
            out.println("  " + describe(column));
        }
        CheckReport report = outcome.report();
        out.printf(Locale.ROOT, "checked in %s: %s%n", seconds(outcome.checking()),
                report.toText().lines().findFirst().orElseThrow());
        for (CheckResult result : report.results()) {
            out.printf(Locale.ROOT, "  %-7s %s%n", result.verdict().label(), result.message());
            if (!result.passed()) {
                out.println("          e.g. " + String.join(", ", result.sample().stream().limit(SHOWN_ROWS)
                        .map(row -> row.location() + ": " + row.value()).toList()));
            }
        }
        out.println("profile written to " + outcome.profileFile());
        out.println("report written to " + outcome.reportFile());
    }

    /**
     * Runs the example and exits 0 (the report's one failure is on purpose).
     *
     * @param args {@code --rows N} (default 10,000,000), {@code --out DIR} (default
     *     {@code target/spark-example}), {@code --master URL} (default {@code local[*]}),
     *     {@code --seed S} (default 42)
     */
    public static void main(String[] args) {
        long rows = 10_000_000;
        Path out = Path.of("target", "spark-example");
        String master = "local[*]";
        long seed = 42;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--master" -> master = args[i + 1];
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --rows, --out, --master or --seed");
            }
        }
        SparkSession spark = SparkSession.builder().master(master).appName("mlops-spark-example")
                .config("spark.ui.enabled", "false")
                .config("spark.log.level", "WARN")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        try {
            print(run(spark, rows, seed, out), System.out);
        } finally {
            spark.stop();
        }
    }

    private static String hash(long seed, int column) {
        return String.format(Locale.ROOT, "xxhash64(%dL, %d, id)", seed, column);
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(value -> "'" + value + "'").toList());
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / NANOS_PER_SECOND);
    }

    private static String describe(ColumnProfile column) {
        String head = String.format(Locale.ROOT, "%-9s %-11s %,d missing", column.name(),
                column.type().toString().toLowerCase(Locale.ROOT), column.missing());
        if (column instanceof NumericProfile numeric) {
            return head + String.format(Locale.ROOT, ", min %s, mean %s, max %s, ~%,d distinct",
                    numeric.min().isPresent() ? numeric.min().getAsDouble() : "-",
                    numeric.mean().isPresent() ? String.format(Locale.ROOT, "%.4f", numeric.mean().getAsDouble()) : "-",
                    numeric.max().isPresent() ? numeric.max().getAsDouble() : "-", numeric.distinct());
        } else if (column instanceof CategoricalProfile categorical) {
            return head + String.format(Locale.ROOT, ", %,d distinct, most frequent %s", categorical.distinct(),
                    categorical.topK().isEmpty() ? "-" : categorical.topK().get(0).value());
        } else if (column instanceof TimestampProfile timestamps) {
            return head + ", from " + timestamps.earliest().map(Object::toString).orElse("-") + " to "
                    + timestamps.latest().map(Object::toString).orElse("-");
        }
        return head;
    }
}
