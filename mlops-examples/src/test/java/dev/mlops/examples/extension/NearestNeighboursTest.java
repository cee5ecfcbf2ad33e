package dev.mlops.examples.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.SchemaException;
import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.Table;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Outputs;
import java.util.List;
import java.util.stream.IntStream;
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

    private static List<String> predictedClasses(Table predictions) {
        CategoricalColumn predicted = predictions.categoricalColumn(Outputs.PREDICTION);
        return IntStream.range(0, predicted.size()).mapToObj(predicted::get).toList();
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
    void kMayBeAsLargeAsTheTrainingRows() {
        Table predictions = run(new NearestNeighbours(4), TRAIN, application(1.5, "blue", "bad"))
                .validationPredictions();

        assertThat(predictions.numericColumn("score@bad").get(0)).as("all 4 rows vote: (2 + 1) / (4 + 2)")
                .isCloseTo(0.5, within(1e-15));
        assertThat(predictions.numericColumn("score@good").get(0)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void aTiedEarlierRowStaysAheadOfALaterOneWhenACloserRowPushesOneOut() {
        Table threeRows = Table.builder()
                .numeric("x", 0, 2, 1)
                .categorical("label", "good", "bad", "good")
                .build();

        Table predictions = run(new NearestNeighbours(2), threeRows, Table.builder().numeric("x", 1)
                .categorical("label", "good").build()).validationPredictions();

        assertThat(predictions.numericColumn("score@good").get(0)).as("rows 2 and 0, not 2 and 1: (2 + 1) / (2 + 2)")
                .isCloseTo(0.75, within(1e-15));
    }

    @Test
    void everyApplicationInATableHasItsOwnNeighbours() {
        Table twoRows = Table.builder()
                .numeric("x", 0, 2)
                .categorical("label", "good", "bad")
                .build();
        Table applications = Table.builder()
                .numeric("x", 2, 0, 2)
                .categorical("label", "bad", "good", "bad")
                .build();

        Table predictions = run(new NearestNeighbours(1), twoRows, applications).validationPredictions();

        assertThat(predictedClasses(predictions)).containsExactly("bad", "good", "bad");
    }

    /**
     * {@code amount} spans 0 to 4000 and {@code age} 50 to 60, so the application (1000, 59) is
     * (0.25, 0.9) from row 0 (squared 0.8725) and (0.75, 0.1) from row 1 (0.5725): row 1 is nearer,
     * although its amount is 3000 away and row 0's only 1000.
     */
    @Test
    void eachNumericFeatureIsMeasuredInItsOwnTrainingRange() {
        Table train = Table.builder()
                .numeric("amount", 0, 4000)
                .numeric("age", 50, 60)
                .categorical("label", "good", "bad")
                .build();
        Table application = Table.builder().numeric("amount", 1000).numeric("age", 59)
                .categorical("label", "bad").build();

        Table predictions = run(new NearestNeighbours(1), train, application).validationPredictions();

        assertThat(predictions.categoricalColumn(Outputs.PREDICTION).get(0)).isEqualTo("bad");
        assertThat(predictions.numericColumn("score@bad").get(0)).isCloseTo(2 / 3.0, within(1e-15));
    }

    /**
     * Row 1 has the application's amount but no age, so it is 1 away on age: the application
     * (1000, 51) is squared 0.0725 from row 0, 1 from row 1 and 1.3725 from row 2 (the age range,
     * 10, is that of the ages present). An infinite amount is missing, 1 away from every row, so
     * (Infinity, 60) goes by age alone to row 2.
     */
    @Test
    void aMissingOrInfiniteValueIsAsFarAsTheWholeRangeInTheModel() {
        Table train = Table.of(
                NumericColumn.builder("amount").add(0).add(1000).add(4000).build(),
                NumericColumn.builder("age").add(50).addMissing().add(60).build(),
                CategoricalColumn.of("label", "good", "bad", "bad"));
        Table applications = Table.builder()
                .numeric("amount", 1000, Double.POSITIVE_INFINITY)
                .numeric("age", 51, 60)
                .categorical("label", "good", "bad")
                .build();

        Table predictions = run(new NearestNeighbours(1), train, applications).validationPredictions();

        assertThat(predictedClasses(predictions)).containsExactly("good", "bad");
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
    void theModelRefusesAnApplicationWithARetypedFeatureNamingIt() {
        ExperimentResult result = run(new NearestNeighbours(3), TRAIN, application(1.5, "blue", "bad"));
        Table retyped = Table.builder().numeric("x", 1.5).numeric("color", 2).build();

        assertThatThrownBy(() -> result.model().predict(retyped)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("column 'color' is numeric, but the model expects categorical");
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
