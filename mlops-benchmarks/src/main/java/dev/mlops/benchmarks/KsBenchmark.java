package dev.mlops.benchmarks;

import dev.mlops.data.stat.KolmogorovSmirnov;
import dev.mlops.data.stat.TwoSampleResult;
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
 * The two-sample Kolmogorov–Smirnov test on {@code size} (default 1,000,000) current values against
 * as many reference values, raw on both sides: a standard normal reference and a current sample
 * shifted by 0.01, from a fixed seed, so the p-value is asymptotic (both sides over 10,000) as in
 * scipy's {@code ks_2samp(current, reference)} with its default {@code method="auto"}. The score
 * is milliseconds per test; {@code scripts/scipy_ks_2samp.py} times scipy on the same kind of
 * data in the same session. The target: at least 2× faster than scipy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KsBenchmark {

    /** How many values each side holds. */
    @Param("1000000")
    public int size;

    private double[] current = new double[0];
    private double[] reference = new double[0];

    /** Draws both samples from a fixed seed. */
    @Setup
    public void draw() {
        SplittableRandom random = new SplittableRandom(20_261_207L);
        reference = new double[size];
        current = new double[size];
        for (int i = 0; i < size; i++) {
            reference[i] = random.nextGaussian();
            current[i] = random.nextGaussian() + 0.01;
        }
    }

    /**
     * One test, sorting copies of both samples as the library does on every call.
     *
     * @return the result, so that the JIT keeps the work
     */
    @Benchmark
    public TwoSampleResult ks2samp() {
        return KolmogorovSmirnov.test(current, reference);
    }
}
