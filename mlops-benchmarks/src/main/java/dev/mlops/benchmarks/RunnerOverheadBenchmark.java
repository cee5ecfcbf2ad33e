package dev.mlops.benchmarks;

import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.experiment.ExperimentRunner;
import dev.mlops.train.experiment.RunnerResult;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@link ExperimentRunner}'s own cost per experiment, training excluded: a run with only the
 * three classification baselines ({@link #baselinesOnly()}) against the same run with ten more
 * experiments that train nothing and predict a constant class ({@link #tenMoreUntrained()}), on
 * 10,000 rows (7,000 / 1,500 / 1,500). The overhead per experiment is the difference divided by
 * ten: the sets' views, the context, the validation metrics, the one test evaluation and the
 * inference timing of 100 single-row predictions. Score: milliseconds per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RunnerOverheadBenchmark {
    private static final int ROWS = 10_000;

    private Table data = Table.of(NumericColumn.of("x", 0));
    private Split split = Splitters.random(SizePolicy.guide(), 1).split(Table.of(NumericColumn.of("x", 0, 1, 2, 3)));
    private final List<Metric> metrics = List.of(Metrics.accuracy());

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public RunnerOverheadBenchmark() {
        // filled in by setUp
    }

    /** An experiment that trains nothing: it predicts its class for every row. */
    public record Untrained(int id) implements Experiment {
        @Override
        public String type() {
            return "untrained";
        }

        @Override
        public Record settings() {
            return this;
        }

        @Override
        public ExperimentResult run(ExperimentContext context) {
            Outputs outputs = Outputs.classification(List.of("no", "yes"));
            Predictor constant = new Predictor() {
                @Override
                public Schema inputSchema() {
                    return Schema.of();
                }

                @Override
                public Outputs outputs() {
                    return outputs;
                }

                @Override
                public Table predict(Table features) {
                    double[][] scores = new double[features.rowCount()][];
                    for (int row = 0; row < scores.length; row++) {
                        scores[row] = new double[] {1, 0};
                    }
                    return outputs.classifications(scores);
                }
            };
            return context.evaluate(constant, -1);
        }
    }

    /** Builds the rows and the split. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[ROWS];
        double[] z = new double[ROWS];
        String[] label = new String[ROWS];
        for (int row = 0; row < ROWS; row++) {
            x[row] = random.nextGaussian();
            z[row] = random.nextGaussian();
            label[row] = x[row] + z[row] > 0 ? "yes" : "no";
        }
        data = Table.of(NumericColumn.of("x", x), NumericColumn.of("z", z), CategoricalColumn.of("label", label));
        split = Splitters.stratified(SizePolicy.guide(), "label", 3).split(data);
    }

    /** @return a run of the three baselines alone */
    @Benchmark
    public RunnerResult baselinesOnly() {
        return ExperimentRunner.builder().data(data, "label", split).seed(Seed.of(1)).metrics(metrics).build().run();
    }

    /** @return a run of the three baselines and ten untrained experiments */
    @Benchmark
    public RunnerResult tenMoreUntrained() {
        ExperimentRunner.Builder builder = ExperimentRunner.builder().data(data, "label", split).seed(Seed.of(1))
                .metrics(metrics);
        for (int i = 0; i < 10; i++) {
            builder.experiments(new Untrained(i));
        }
        return builder.build().run();
    }
}
