package dev.mlops.train.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Table;
import dev.mlops.train.Synthetic;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.significance.WelchResult;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RepeatsTest {
    private static final Table DATA = Synthetic.classification(400, 0.1, 12);

    private static ExperimentContext context() {
        return ExperimentContext.of(DATA.head(300), DATA.rows(IntStream.range(300, 400).toArray()), "class", Seed.of(8),
                Metrics.forClassification(), List.of(), null);
    }

    @Test
    void eachRunGetsItsOwnSeedAndTheSameSeedsGiveTheSameValues() {
        ClassificationBaseline uniform = new ClassificationBaseline(ClassificationBaseline.Strategy.UNIFORM);

        double[] values = Repeats.values(uniform, context(), 5, Metrics.accuracy());

        assertThat(values).hasSize(5);
        assertThat(java.util.Arrays.stream(values).distinct().count()).as("a seeded draw differs by seed").isGreaterThan(1);
        assertThat(Repeats.values(uniform, context(), 5, Metrics.accuracy())).isEqualTo(values);
    }

    @Test
    void aRealModelBeatsAUniformGuessSignificantly() {
        WelchResult result = Repeats.compare(LogisticRegression.defaults(),
                new ClassificationBaseline(ClassificationBaseline.Strategy.UNIFORM), context(), 4, Metrics.accuracy());

        assertThat(result.firstMean()).isGreaterThan(result.secondMean());
        assertThat(result.pValue()).isLessThan(0.01);
        assertThat(result.firstCount()).isEqualTo(4);
    }

    @Test
    void badRepeatsAreRefused() {
        assertThatThrownBy(() -> Repeats.values(LogisticRegression.defaults(), context(), 1, Metrics.accuracy()))
                .hasMessageContaining("k of at least 2");
        assertThatThrownBy(() -> Repeats.values(LogisticRegression.defaults(), context(), 2, Metrics.rmse()))
                .hasMessageContaining("metric 'rmse' is not one of the context's metrics");
    }
}
