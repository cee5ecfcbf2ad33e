package dev.mlops.train.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

class NumericScalingTest {

    private static List<Double> values(Example<Label> example) {
        List<Double> values = new ArrayList<>();
        for (Feature feature : example) {
            values.add(feature.getValue());
        }
        return values;
    }

    @Test
    void standardizingUsesTheTrainingMeanAndThePopulationStandardDeviation() {
        // sklearn StandardScaler().fit([[1],[2],[3],[4]]): mean_ 2.5, scale_ 1.118033988749895
        Table train = Table.of(NumericColumn.of("x", 1, 2, 3, 4), CategoricalColumn.of("class", "a", "b", "a", "b"));
        FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("class"), MissingPolicy.IMPUTE,
                NumericScaling.STANDARDIZE);

        List<Example<Label>> examples = encoder.examples(Table.of(NumericColumn.of("x", 1, 2.5, Double.NaN, 6)),
                row -> LabelFactory.UNKNOWN_LABEL);

        assertThat(values(examples.get(0)).get(0)).isCloseTo(-1.3416407864998738, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(values(examples.get(1))).containsExactly(0.0);
        assertThat(values(examples.get(2))).as("a missing value imputes the mean: 0 once standardized")
                .containsExactly(0.0);
        assertThat(values(examples.get(3)).get(0)).isCloseTo(3.1304951684997055, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void withoutScalingValuesAreAsTheyAre() {
        Table train = Table.of(NumericColumn.of("x", 1, 2, 3, 4), CategoricalColumn.of("class", "a", "b", "a", "b"));
        FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("class"), MissingPolicy.IMPUTE, NumericScaling.NONE);

        assertThat(values(encoder.examples(Table.of(NumericColumn.of("x", 6, Double.NaN)),
                row -> LabelFactory.UNKNOWN_LABEL).get(1))).containsExactly(2.5);
    }
}
