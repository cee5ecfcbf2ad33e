package dev.mlops.benchmarks;

import dev.mlops.deploy.strategy.AbStrategy;
import dev.mlops.deploy.strategy.Rollout;
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
 * The A/B strategy's routing decision on a request's path: {@code Rollout.route(unitId)} for a
 * running {@code ab(arms="control:50,treatment:50", salt=checkout-2026-12)}, cycling through 4,096
 * prebuilt unit ids such as {@code customer-000123} (15 characters), and for requests without a
 * unit id (the per-request draw). The score is nanoseconds per route; run with {@code -prof gc} to
 * see the bytes allocated per route. The target: under 1 µs, allocation-free.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AbRoutingBenchmark {
    private static final int UNITS = 4096;

    private final String[] units = new String[UNITS];
    private final Rollout rollout = AbStrategy.of("control:50,treatment:50", "checkout-2026-12")
            .start(Clock.systemUTC());
    private int next;

    /** Builds the unit ids. */
    @Setup
    public void start() {
        for (int i = 0; i < UNITS; i++) {
            units[i] = String.format(Locale.ROOT, "customer-%06d", i);
        }
    }

    /**
     * Routes the next unit.
     *
     * @return the route, so that the JIT keeps the work
     */
    @Benchmark
    public Route routeUnit() {
        next = (next + 1) & (UNITS - 1);
        return rollout.route(units[next]);
    }

    /**
     * Routes a request without a unit id.
     *
     * @return the route
     */
    @Benchmark
    public Route routeWithoutUnit() {
        return rollout.route(null);
    }
}
