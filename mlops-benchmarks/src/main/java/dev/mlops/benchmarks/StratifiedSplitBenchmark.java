package dev.mlops.benchmarks;

import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitter;
import dev.mlops.data.split.Splitters;
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
 * A stratified three-way split (70/15/15) of {@code rows} rows (default 10,000,000) with the 10
 * skewed classes of {@link StratifiedLabels}, on one thread.
 *
 * <ul>
 *   <li>{@link #stratified()}: the whole split artifact, the table's fingerprint included;</li>
 *   <li>{@link #fingerprint()}: the fingerprint alone, to show its share.</li>
 * </ul>
 *
 * <p>The target: under 1 s on this machine, and its ratio to scikit-learn's
 * {@code StratifiedShuffleSplit} on the same labels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StratifiedSplitBenchmark {
    /** How many rows to split. */
    @Param("10000000")
    public int rows;

    private Table labels = Table.of();
    private final Splitter splitter = Splitters.stratified(SplitSets.trainValidationTest(0.70, 0.15, 0.15),
            "label", 42L);

    /** Draws the labels. */
    @Setup
    public void drawLabels() {
        labels = StratifiedLabels.table(StratifiedLabels.codes(rows));
    }

    /** @return the split */
    @Benchmark
    public Split stratified() {
        return splitter.split(labels);
    }

    /** @return the table's fingerprint */
    @Benchmark
    public Fingerprint fingerprint() {
        return Fingerprint.of(labels);
    }
}
