package dev.mlops.benchmarks;

import dev.mlops.core.table.Table;
import dev.mlops.features.FeatureJoinData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * An online read of one entity's latest values (every feature of the group) from a
 * {@code GroupHistory} of the first group of {@link FeatureJoinData}, an entity drawn from a
 * seeded sequence per call; sample mode, so JMH reports percentiles of single reads. The target
 * is a p99 under 5 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeatureOnlineBenchmark {
    private static final int KEYS = 1 << 16;

    /** The number of entities. */
    @Param("100000")
    public int entities;

    /** The number of records over the three groups of the data; the history holds a third. */
    @Param("10000000")
    public int featureRows;

    private Function<List<String>, Table> online = keys -> {
        throw new IllegalStateException("not set up");
    };
    private List<List<String>> keys = List.of();
    private int next;
    private final Instant now = Instant.parse("2027-01-01T00:00:00Z");

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public FeatureOnlineBenchmark() {
        // state is filled in by setUp
    }

    /** Generates the data and builds the history. */
    @Setup(Level.Trial)
    public void setUp() {
        FeatureJoinData data = FeatureJoinData.generate(FeatureJoinData.DEFAULT_SEED, entities, featureRows, 0);
        online = data.online(now);
        SplittableRandom random = new SplittableRandom(FeatureJoinData.DEFAULT_SEED);
        List<List<String>> drawn = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            drawn.add(List.of(data.key(random.nextInt(entities))));
        }
        keys = List.copyOf(drawn);
    }

    /**
     * Reads one entity.
     *
     * @return the row, for JMH to consume
     */
    @Benchmark
    public Table online() {
        next = next + 1 & KEYS - 1;
        return online.apply(keys.get(next));
    }
}
