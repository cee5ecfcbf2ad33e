package dev.mlops.train.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

class FeatureEncoderTest {

    private static Table train() {
        return Table.of(NumericColumn.of("age", 20, 40, Double.NaN, 60),
                CategoricalColumn.of("city", "Hamburg", "Berlin", null, "Berlin"),
                BooleanColumn.of("owner", true, true, false, null),
                NumericColumn.of("constant", 1, 1, 1, 1),
                NumericColumn.of("empty", Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                TextColumn.of("note", "a", "b", "c", "d"),
                CategoricalColumn.of("class", "yes", "no", "yes", "no"));
    }

    private static List<String> features(Example<Label> example) {
        List<String> features = new ArrayList<>();
        for (Feature feature : example) {
            features.add(feature.getName() + "=" + feature.getValue());
        }
        return features;
    }

    private static List<Example<Label>> encode(FeatureEncoder encoder, Table table) {
        return encoder.examples(table, row -> LabelFactory.UNKNOWN_LABEL);
    }

    @Test
    void encodesNumbersAsIsBooleansAsZeroOrOneAndCategoriesOneHot() {
        FeatureEncoder encoder = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.IMPUTE);

        List<Example<Label>> examples = encode(encoder, train());

        assertThat(encoder.inputSchema()).isEqualTo(Schema.of(Field.of("age", ColumnType.NUMERIC),
                Field.of("city", ColumnType.CATEGORICAL), Field.of("owner", ColumnType.BOOLEAN)));
        assertThat(features(examples.get(0))).containsExactly("age=20.0", "city@Hamburg=1.0", "owner=1.0");
        assertThat(features(examples.get(1))).containsExactly("age=40.0", "city@Berlin=1.0", "owner=1.0");
    }

    @Test
    void imputesTheTrainingMeanTheMostFrequentBooleanAndAMissingLevel() {
        FeatureEncoder encoder = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.IMPUTE);

        List<Example<Label>> examples = encode(encoder, train());

        assertThat(features(examples.get(2))).containsExactly("age=40.0", "city@<missing>=1.0", "owner=0.0");
        assertThat(features(examples.get(3))).as("two of three owners are true").contains("owner=1.0");
        assertThat(encoder.report().missing()).isEqualTo(Map.of("age", 1L, "city", 1L, "owner", 1L));
    }

    @Test
    void leavesOutConstantEmptyAndTextColumnsSayingWhy() {
        EncodingReport report = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.IMPUTE).report();

        assertThat(report.dropped()).containsOnlyKeys("constant", "empty", "note");
        assertThat(report.dropped().get("constant")).contains("constant");
        assertThat(report.dropped().get("empty")).contains("no value");
        assertThat(report.dropped().get("note")).contains("text columns are not features");
    }

    @Test
    void omitsMissingValuesWhenToldTo() {
        FeatureEncoder encoder = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.OMIT);

        assertThat(features(encode(encoder, train()).get(2))).containsExactly("owner=0.0");
    }

    @Test
    void refusesAMissingValueNamingItsRowAndColumnWhenToldTo() {
        FeatureEncoder encoder = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.REFUSE);

        assertThatThrownBy(() -> encode(encoder, train())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2, column 'age'").hasMessageContaining("REFUSE");
    }

    @Test
    void aCategoryNoTrainingRowHadSetsNoFeatureAndIsCounted() {
        FeatureEncoder encoder = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.IMPUTE);
        Table later = Table.of(NumericColumn.of("age", 30), CategoricalColumn.of("city", "Munich"),
                BooleanColumn.of("owner", false));

        List<Example<Label>> examples = encode(encoder, later);

        assertThat(features(examples.get(0))).containsExactly("age=30.0", "owner=0.0");
        assertThat(encoder.report().unseen()).isEqualTo(Map.of("city", 1L));
    }

    @Test
    void infinityInANumericColumnCountsAsMissing() {
        FeatureEncoder encoder = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.IMPUTE);
        Table later = Table.of(NumericColumn.of("age", Double.POSITIVE_INFINITY), CategoricalColumn.of("city", "Berlin"),
                BooleanColumn.of("owner", true));

        assertThat(features(encode(encoder, later).get(0))).contains("age=40.0");
    }

    @Test
    void aRowWithNoFeatureIsRefused() {
        FeatureEncoder encoder = FeatureEncoder.fit(Table.of(CategoricalColumn.of("city", "a", "b"),
                CategoricalColumn.of("class", "x", "y")), Set.of("class"), MissingPolicy.OMIT);

        assertThatThrownBy(() -> encode(encoder, Table.of(CategoricalColumn.of("city", "c"))))
                .hasMessageContaining("row 0 sets no feature");
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> FeatureEncoder.fit(train(), Set.of("nope"), MissingPolicy.IMPUTE))
                .hasMessageContaining("excluded column 'nope' is not in the table");
        assertThatThrownBy(() -> FeatureEncoder.fit(Table.of(NumericColumn.of("k", 1, 1),
                CategoricalColumn.of("class", "a", "b")), Set.of("class"), MissingPolicy.IMPUTE))
                .hasMessageContaining("no feature is left").hasMessageContaining("k=constant");
        FeatureEncoder encoder = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.IMPUTE);
        assertThatThrownBy(() -> encode(encoder, Table.of(NumericColumn.of("age", 1))))
                .isInstanceOf(SchemaException.class).hasMessageContaining("'city'");
    }

    @Test
    void aBooleanTieImputesTrueAndTheMeanCountsOnlyFiniteValues() {
        Table train = Table.of(BooleanColumn.of("b", true, false, null, null), NumericColumn.of("x", 1, 3,
                Double.POSITIVE_INFINITY, Double.NaN), CategoricalColumn.of("class", "p", "q", "p", "q"));
        FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("class"), MissingPolicy.IMPUTE);

        List<Example<Label>> examples = encode(encoder, train);

        assertThat(features(examples.get(2))).containsExactly("b=1.0", "x=2.0");
        assertThat(encoder.report().missing()).isEqualTo(Map.of("b", 2L, "x", 2L));
        assertThat(encoder.report().unseen()).isEmpty();
    }

    @Test
    void theInputIsCheckedAsAModelChecksIt() {
        FeatureEncoder encoder = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.IMPUTE);

        assertThatThrownBy(() -> encode(encoder, Table.of(NumericColumn.of("age", 1), NumericColumn.of("city", 1),
                BooleanColumn.of("owner", true)))).isInstanceOf(SchemaException.class)
                .hasMessageContaining("do not fit the model's input");
    }

    @Nested
    class SavedState {
        private final Table test = Table.of(NumericColumn.of("age", 30, Double.NaN, 50),
                CategoricalColumn.of("city", "Berlin", "Paris", null),
                BooleanColumn.of("owner", null, false, true));

        @Test
        void theRebuiltEncoderEncodesAlikeAndKeepsWhatWasLeftOut() {
            FeatureEncoder encoder = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.IMPUTE,
                    NumericScaling.STANDARDIZE);

            FeatureEncoder rebuilt = FeatureEncoder.of(encoder.state());

            assertThat(rebuilt.state()).isEqualTo(encoder.state());
            assertThat(rebuilt.inputSchema()).isEqualTo(encoder.inputSchema());
            assertThat(rebuilt.policy()).isEqualTo(MissingPolicy.IMPUTE);
            assertThat(rebuilt.report().dropped()).isEqualTo(encoder.report().dropped()).containsKeys("constant",
                    "empty", "note");
            assertThat(encode(rebuilt, test).stream().map(FeatureEncoderTest::features).toList())
                    .isEqualTo(encode(encoder, test).stream().map(FeatureEncoderTest::features).toList());
        }

        @Test
        void theStateHoldsEachColumnsFittedValues() {
            FeatureEncoder.State state = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.OMIT,
                    NumericScaling.STANDARDIZE).state();

            assertThat(state.policy()).isEqualTo(MissingPolicy.OMIT);
            assertThat(state.columns()).containsExactly(
                    new FeatureEncoder.ColumnState("age", ColumnType.NUMERIC, 40, 40, Math.sqrt(800.0 / 3), List.of()),
                    new FeatureEncoder.ColumnState("city", ColumnType.CATEGORICAL, 0, 0, 1,
                            List.of("Hamburg", "Berlin")),
                    new FeatureEncoder.ColumnState("owner", ColumnType.BOOLEAN, 1, 0, 1, List.of()));
        }

        @Test
        void theStateRoundTripsThroughJson() throws Exception {
            FeatureEncoder.State state = FeatureEncoder.fit(train(), Set.of("class"), MissingPolicy.IMPUTE,
                    NumericScaling.STANDARDIZE).state();

            String json = dev.mlops.core.json.Json.writer().writeValueAsString(state);

            assertThat(dev.mlops.core.json.Json.reader().readValue(json, FeatureEncoder.State.class)).isEqualTo(state);
        }

        @Test
        void aStateWithoutColumnsOrWithARepeatedColumnIsRefused() {
            FeatureEncoder.ColumnState age = new FeatureEncoder.ColumnState("age", ColumnType.NUMERIC, 1, 0, 1,
                    List.of());
            assertThatThrownBy(() -> new FeatureEncoder.State(List.of(), MissingPolicy.IMPUTE, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("an encoder state needs at least one"
                            + " feature column");
            assertThatThrownBy(() -> new FeatureEncoder.State(List.of(age, age), MissingPolicy.IMPUTE, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("feature column 'age' is listed twice");
        }

        @Test
        void aColumnStateOfTheWrongTypeOrWithBadNumbersIsRefusedNamingTheColumn() {
            assertThatThrownBy(() -> new FeatureEncoder.ColumnState("note", ColumnType.TEXT, 0, 0, 1, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature column 'note' is TEXT; a feature column is numeric, boolean or categorical");
            assertThatThrownBy(() -> new FeatureEncoder.ColumnState("at", ColumnType.TIMESTAMP, 0, 0, 1, List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'at' is TIMESTAMP");
            assertThatThrownBy(() -> new FeatureEncoder.ColumnState("age", ColumnType.NUMERIC, 0, 0, 0, List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("feature column 'age': imputed 0.0,"
                            + " center 0.0 and scale 0.0 must be finite and the scale positive");
            assertThatThrownBy(() -> new FeatureEncoder.ColumnState("age", ColumnType.NUMERIC, Double.NaN, 0, 1,
                    List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imputed NaN");
            assertThatThrownBy(() -> new FeatureEncoder.ColumnState("age", ColumnType.NUMERIC, 0, Double.NaN, 1,
                    List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("center NaN");
            assertThatThrownBy(() -> new FeatureEncoder.ColumnState("age", ColumnType.NUMERIC, 0, 0,
                    Double.POSITIVE_INFINITY, List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scale Infinity");
            assertThatThrownBy(() -> new FeatureEncoder.ColumnState("owner", ColumnType.BOOLEAN, 0, 0, 1,
                    List.of("yes"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature column 'owner' is BOOLEAN but has levels [yes]; only a categorical column has"
                            + " levels");
        }
    }
}
