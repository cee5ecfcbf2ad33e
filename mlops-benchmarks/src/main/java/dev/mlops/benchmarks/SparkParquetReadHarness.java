package dev.mlops.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * Spark's Parquet reader on the same files as {@link ParquetReadBenchmark}, the peer of its
 * reads: a timed harness (a Spark job is not a JMH operation), run on the module's class path as
 * {@code SparkScalingHarness} is ({@code docs/benchmarks.md}).
 *
 * <p>For each file, {@code spark.read().parquet(file)} of the chosen columns (every column by
 * default) is aggregated so that every value is decoded: the sum of each numeric column and the
 * sum of the lengths of each string column, one Spark job per read. A few untimed warm-up reads
 * come first, then the timed ones; the median, minimum and maximum are printed. The master
 * defaults to {@code local[1]}, one task thread, as {@code ParquetFormat} reads on one thread.
 *
 * <p>Arguments: {@code FILE... [--columns a,b] [--master local[1]] [--warmups 2] [--runs 5]}.
 */
public final class SparkParquetReadHarness {
    private static final double NANOS = 1e9;

    private SparkParquetReadHarness() {
    }

    /**
     * Times the reads and prints the results.
     *
     * @param args the files and options, as the class description says
     */
    public static void main(String[] args) {
        List<String> files = new ArrayList<>();
        String columns = "";
        String master = "local[1]";
        int warmups = 2;
        int runs = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--columns" -> columns = args[++i];
                case "--master" -> master = args[++i];
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> files.add(args[i]);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("usage: SparkParquetReadHarness FILE... [--columns a,b] [--master local[1]]"
                    + " [--warmups 2] [--runs 5]");
        }
        SparkSession spark = SparkSession.builder().master(master).appName("mlops-parquet-read-peer")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.out.printf(Locale.ROOT, "Spark %s, master %s, Java %s, %d processors, max heap %d MiB%n", spark.version(),
                master, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try {
            for (String file : files) {
                Dataset<Row> read = spark.read().parquet(file);
                if (!columns.isEmpty()) {
                    read = read.select(Arrays.stream(columns.split(",")).map(functions::col).toArray(Column[]::new));
                }
                Column[] sums = Arrays.stream(read.schema().fields()).map(SparkParquetReadHarness::sum)
                        .toArray(Column[]::new);
                Dataset<Row> aggregate = read.agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length));
                for (int i = 0; i < warmups; i++) {
                    aggregate.collectAsList();
                }
                double[] seconds = new double[runs];
                Row result = null;
                for (int i = 0; i < runs; i++) {
                    long began = System.nanoTime();
                    result = aggregate.collectAsList().get(0);
                    seconds[i] = (System.nanoTime() - began) / NANOS;
                }
                double[] sorted = seconds.clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%s columns %s: median %.3f s (min %.3f, max %.3f, %d runs); first sum %s%n",
                        file, Arrays.toString(read.columns()), sorted[runs / 2], sorted[0], sorted[runs - 1], runs,
                        result == null ? "-" : result.get(0));
            }
        } finally {
            spark.stop();
        }
    }

    /** The sum of a numeric column, or of a string column's lengths, so that every value is decoded. */
    private static Column sum(StructField field) {
        Column column = functions.col(field.name());
        return functions.sum(field.dataType() instanceof StringType ? functions.length(column) : column);
    }
}
