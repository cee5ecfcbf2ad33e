package dev.mlops.benchmarks;

import dev.mlops.deploy.strategy.BlueGreenStrategy;
import dev.mlops.deploy.strategy.Rollout;
import dev.mlops.deploy.strategy.Route;
import dev.mlops.deploy.strategy.ShadowStrategy;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing decision, {@code rollout.route(unitId)}, on the path of every request: blue/green
 * (one prebuilt route), shadow with a hashed unit id (a quarter copied; the id's FNV-1a and
 * SplitMix64 finish) and shadow without unit id (the seeded per-request draw, an atomic counter).
 * Target: under 1 µs median and no allocation ({@code -prof gc}: about 0 B/op). The unit ids are
 * built before the measurement, 4,096 of them used in turn.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class RoutingBenchmark {
    private static final int IDS = 4096;

    private final Rollout blueGreen = new BlueGreenStrategy(new BlueGreenStrategy.Settings("blue", "green"))
            .start(Clock.systemUTC());
    private final Rollout shadow = new ShadowStrategy(new ShadowStrategy.Settings("live", "candidate", 0.25, 1))
            .start(Clock.systemUTC());
    private final String[] ids = new String[IDS];
    private int next;

    /** Creates the benchmark and its unit ids. */
    public RoutingBenchmark() {
        for (int i = 0; i < IDS; i++) {
            ids[i] = "customer-" + (1_000_000 + i * 7919);
        }
    }

    private String nextId() {
        next = (next + 1) & (IDS - 1);
        return ids[next];
    }

    /** @return the route of blue/green's first stage */
    @Benchmark
    public Route blueGreen() {
        return blueGreen.route(nextId());
    }

    /** @return the route of a unit id under shadowing */
    @Benchmark
    public Route shadowByUnit() {
        return shadow.route(nextId());
    }

    /** @return the route of a request without unit id under shadowing */
    @Benchmark
    public Route shadowWithoutUnit() {
        return shadow.route(null);
    }
}
