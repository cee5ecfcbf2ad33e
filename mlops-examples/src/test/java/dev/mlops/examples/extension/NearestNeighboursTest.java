package dev.mlops.examples.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.Seed;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.Table;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Outputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classifier's own numbers on rows small enough to work out by hand. Training rows
 * {@code x = 0, 1, 2, 10} (range 10), {@code color = red, red, blue, blue}, {@code label = good,
 * good, bad, bad}; the application {@code x = 1.5, color = blue} has squared HEOM distances
 * 1.0225, 1.0025, 0.0025 and 0.7225, so its 3 nearest are rows 2, 3 (bad) and 1 (good): scores
 * bad (2 + 1) / (3 + 2) = 0.6 and good (1 + 1) / 5 = 0.4.
 */
class NearestNeighboursTest {
    private static final Table TRAIN = Table.builder()
            .numeric("x", 0, 1, 2, 10)
            .categorical("color", "red", "red", "blue", "blue")
            .categorical("label", "good", "good", "bad", "bad")
            .build();

    private static ExperimentResult run(Experiment experiment, Table train, Table validation) {
        return experiment.run(ExperimentContext.of(train, validation, "label", Seed.of(1),
                List.of(Metrics.accuracy()), List.of(), null));
    }

    private static Table application(double x, String color, String label) {
        return Table.builder().numeric("x", x).categorical("color", color).categorical("label", label).build();
    }

    @Test
    void theNearestNeighboursSharesScoreAnApplicationWithLaplacesRule() {
        ExperimentResult result = run(new NearestNeighbours(3), TRAIN, application(1.5, "blue", "bad"));
        Table predictions = result.validationPredictions();

        assertThat(result.model().outputs()).isEqualTo(Outputs.classification(List.of("bad", "good")));
        assertThat(predictions.categoricalColumn(Outputs.PREDICTION).get(0)).isEqualTo("bad");
        assertThat(predictions.numericColumn("score@bad").get(0)).isCloseTo(0.6, within(1e-15));
        assertThat(predictions.numericColumn("score@good").get(0)).isCloseTo(0.4, within(1e-15));
        assertThat(result.metrics()).containsEntry("accuracy", 1.0);
    }

    @Test
    void aTieOfDistanceGoesToTheEarlierTrainingRow() {
        Table twoRows = Table.builder()
                .numeric("x", 0, 2)
                .categorical("color", "red", "red")
                .categorical("label", "good", "bad")
                .build();

        Table predictions = run(new NearestNeighbours(1), twoRows, application(1, "red", "good"))
                .validationPredictions();

        assertThat(predictions.categoricalColumn(Outputs.PREDICTION).get(0)).isEqualTo("good");
        assertThat(predictions.numericColumn("score@good").get(0)).isCloseTo(2 / 3.0, within(1e-15));
    }

    @Test
    void aMissingValueIsAsFarAsTheWholeRange() {
        assertThat(NeighbourModel.numeric(Double.NaN, 3, 10)).isEqualTo(1);
        assertThat(NeighbourModel.numeric(1, 6, 10)).isEqualTo(0.5);
        assertThat(NeighbourModel.numeric(1, 6, 0)).as("a constant feature").isZero();
        assertThat(NeighbourModel.overlap(null, "red")).isEqualTo(1);
        assertThat(NeighbourModel.overlap("red", "red")).isZero();
        assertThat(NeighbourModel.overlap("red", "blue")).isEqualTo(1);
    }

    @Test
    void theModelRefusesAnApplicationWithoutAFeatureColumn() {
        ExperimentResult result = run(new NearestNeighbours(3), TRAIN, application(1.5, "blue", "bad"));

        assertThatThrownBy(() -> result.model().predict(Table.builder().numeric("x", 1).build()))
                .isInstanceOf(dev.mlops.core.SchemaException.class).hasMessageContaining("color");
    }

    @Test
    void aNumericLabelAndTooFewRowsAreRefused() {
        Table numericLabel = Table.builder().numeric("x", 0, 1, 2).numeric("label", 1, 2, 3).build();

        assertThatThrownBy(() -> run(new NearestNeighbours(1), numericLabel, numericLabel.head(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nearest-neighbours'", "'label'");
        assertThatThrownBy(() -> run(new NearestNeighbours(5), TRAIN, application(1, "red", "good")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 5", "4");
        assertThatThrownBy(() -> new NearestNeighbours(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be at least 1 but was 0");
    }

    @Test
    void theRegistryBuildsItFromASpecString() {
        assertThat(ComponentRegistry.defaults().create(Experiment.class, "nearest-neighbours(k=25)"))
                .isEqualTo(new NearestNeighbours(25));
        assertThat(ComponentRegistry.defaults().create(Experiment.class, "nearest-neighbours"))
                .isEqualTo(new NearestNeighbours(NearestNeighbours.DEFAULT_K));
    }
}
