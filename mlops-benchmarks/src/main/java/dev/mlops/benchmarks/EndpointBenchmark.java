package dev.mlops.benchmarks;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.serving.Endpoint;
import dev.mlops.deploy.serving.PredictRequest;
import dev.mlops.deploy.serving.PredictResponse;
import dev.mlops.deploy.strategy.BlueGreenStrategy;
import dev.mlops.deploy.strategy.ShadowStrategy;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a shadow adds to the primary's path: {@code Endpoint.predict} of a one-row request (two
 * features) with a trivial model (a constant regression) on the caller's thread, without a
 * shadow (blue/green) and with every request copied to a shadow (shadow strategy, share 1; the
 * copy is enqueued, and run and compared by the endpoint's shadow thread, or dropped when its
 * queue of 1,024 is full). Target: the difference under 5 µs. A third benchmark gives the cost
 * of the timeout's hand-over to a model thread, for comparison.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class EndpointBenchmark {
    private static final Schema INPUT = Schema.of(Field.of("x", ColumnType.NUMERIC),
            Field.of("plan", ColumnType.CATEGORICAL));
    private static final PredictRequest REQUEST = PredictRequest.row(Map.of("x", 3.5, "plan", "gold"));

    private @Nullable Endpoint plain;
    private @Nullable Endpoint shadowed;
    private @Nullable Endpoint bounded;

    /** Creates the benchmark; JMH calls {@link #open()}. */
    public EndpointBenchmark() {
    }

    /** A regression model answering 1 for every row. */
    private static final class Constant implements Predictor {
        @Override
        public Schema inputSchema() {
            return INPUT;
        }

        @Override
        public Outputs outputs() {
            return Outputs.regression();
        }

        @Override
        public Table predict(Table features) {
            double[] values = new double[features.rowCount()];
            java.util.Arrays.fill(values, 1);
            return Outputs.regression().values(values);
        }
    }

    /** Builds the three endpoints. */
    @Setup
    public void open() {
        BlueGreenStrategy blueGreen = new BlueGreenStrategy(new BlueGreenStrategy.Settings("blue", "green"));
        plain = Endpoint.builder(blueGreen).variant("blue", new Constant()).variant("green", new Constant())
                .noTimeout().build();
        ShadowStrategy shadow = new ShadowStrategy(new ShadowStrategy.Settings("live", "candidate", 1.0, 1));
        shadowed = Endpoint.builder(shadow).variant("live", new Constant()).variant("candidate", new Constant())
                .noTimeout().build();
        bounded = Endpoint.builder(blueGreen).variant("blue", new Constant()).variant("green", new Constant())
                .timeout(Duration.ofSeconds(1)).build();
    }

    /** Closes the endpoints and prints what the shadow did. */
    @TearDown
    public void close() {
        System.out.println("# shadow: " + shadowed.shadowReports());
        plain.close();
        shadowed.close();
        bounded.close();
    }

    /** @return the answer without a shadow */
    @Benchmark
    public PredictResponse withoutShadow() {
        return plain.predict(REQUEST);
    }

    /** @return the answer, the request copied to a shadow */
    @Benchmark
    public PredictResponse withShadow() {
        return shadowed.predict(REQUEST);
    }

    /** @return the answer, the model called on a model thread under a timeout */
    @Benchmark
    public PredictResponse withTimeout() {
        return bounded.predict(REQUEST);
    }
}
