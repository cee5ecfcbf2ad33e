package dev.mlops.benchmarks;

import dev.mlops.deploy.strategy.CanarySettings;
import dev.mlops.deploy.strategy.CanaryStrategy;
import dev.mlops.deploy.strategy.Rollout;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.Route;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing decision of a canary rollout at its second step (25 % on the canary):
 * {@link #unit()} for a request with a unit id (one of 4,096 ids such as {@code customer-1234},
 * hashed with {@code UnitHash}), {@link #anonymous()} for a request without one (the shared
 * counter's next point). Run with {@code -prof gc} to see the allocation per decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CanaryRoutingBenchmark {
    private static final int IDS = 4096;

    private final String[] ids = new String[IDS];
    private Rollout rollout = started();
    private int next;

    /** Starts the rollout and moves it to its second step; makes the unit ids. */
    @Setup
    public void setUp() {
        for (int i = 0; i < IDS; i++) {
            ids[i] = String.format(Locale.ROOT, "customer-%d", i);
        }
        rollout = started();
        rollout.apply(new RolloutEvent.Promote("benchmark at 25 %"));
    }

    private static Rollout started() {
        return CanaryStrategy.of(CanarySettings.builder("blue", "green").build()).start(Clock.systemUTC());
    }

    /** @return the route of the next unit id */
    @Benchmark
    public Route unit() {
        next = (next + 1) & (IDS - 1);
        return rollout.route(ids[next]);
    }

    /** @return the route of a request without a unit id */
    @Benchmark
    public Route anonymous() {
        return rollout.route(null);
    }
}
