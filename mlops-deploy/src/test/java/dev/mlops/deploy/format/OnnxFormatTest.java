package dev.mlops.deploy.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoPredictor;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OnnxFormatTest {
    private static final OnnxFormat FORMAT = OnnxFormat.defaults();
    private static final Table TEST = Models.rows(150, 77);

    /** Every score or value read back lies within the format's tolerance of Tribuo's own, row by row. */
    private static void assertClose(Table expected, Table actual) {
        assertThat(actual.schema()).isEqualTo(expected.schema());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (String name : expected.schema().names()) {
            if (expected.column(name) instanceof NumericColumn numbers) {
                NumericColumn read = actual.numericColumn(name);
                for (int row = 0; row < numbers.size(); row++) {
                    assertThat(read.get(row)).as("%s, row %d", name, row)
                            .isCloseTo(numbers.get(row), within(OnnxFormat.TOLERANCE));
                }
            }
        }
    }

    private static java.util.List<String> classes(Table predictions) {
        dev.mlops.core.table.CategoricalColumn column = predictions.categoricalColumn(Outputs.PREDICTION);
        java.util.List<String> classes = new java.util.ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            classes.add(column.get(row));
        }
        return classes;
    }

    @Nested
    class RoundTrip {
        @Test
        void aLogisticRegressionRunByOnnxRuntimeScoresAsTribuoWithinTheTolerance() {
            TribuoClassifier model = Models.logistic();

            try (OnnxRuntimePredictor read = (OnnxRuntimePredictor) Models.read(FORMAT, Models.write(FORMAT, model))) {
                Table expected = model.predict(TEST);
                Table actual = read.predict(TEST);

                assertClose(expected, actual);
                assertThat(classes(actual)).isEqualTo(classes(expected));
                assertThat(read.outputs()).isEqualTo(model.outputs());
                assertThat(read.inputSchema()).isEqualTo(model.inputSchema());
            }
        }

        @Test
        void aHingeModelGivesTheSameClassesWithScoreOne() {
            TribuoClassifier model = Models.hinge();

            try (OnnxRuntimePredictor read = (OnnxRuntimePredictor) Models.read(FORMAT, Models.write(FORMAT, model))) {
                assertThat(read.predict(TEST)).isEqualTo(model.predict(TEST));
            }
        }

        @Test
        void aLinearRegressionPredictsTribuosValuesWithinTheTolerance() {
            TribuoPredictor<?> model = Models.linear();

            try (OnnxRuntimePredictor read = (OnnxRuntimePredictor) Models.read(FORMAT, Models.write(FORMAT, model))) {
                assertClose(model.predict(TEST), read.predict(TEST));
                assertThat(read.outputs()).isEqualTo(Outputs.regression());
            }
        }

        @Test
        void anEmptyTableGivesAnEmptyPredictionTable() {
            for (TribuoPredictor<?> model : new TribuoPredictor<?>[] {Models.logistic(), Models.linear()}) {
                try (OnnxRuntimePredictor read = (OnnxRuntimePredictor) Models.read(FORMAT,
                        Models.write(FORMAT, model))) {
                    Table empty = TEST.head(0);
                    assertThat(read.predict(empty)).isEqualTo(model.predict(empty));
                }
            }
        }

        @Test
        void theSamePredictorAndTheOneReadBackGiveTheSameBytes() {
            TribuoClassifier model = Models.logistic();
            byte[] bytes = Models.write(FORMAT, model);

            assertThat(Models.write(FORMAT, model)).isEqualTo(bytes);
            try (OnnxRuntimePredictor read = (OnnxRuntimePredictor) Models.read(FORMAT, bytes)) {
                assertThat(FORMAT.canWrite(read)).isTrue();
                assertThat(Models.write(FORMAT, read)).isEqualTo(bytes);
            }
        }

        @Test
        void theBytesHoldTheMetadataAndTheOnnxModel() {
            Container container = Container.read(Models.write(FORMAT, Models.logistic()), "b");

            assertThat(container.kind()).isEqualTo("onnx");
            assertThat(container.parts()).containsOnlyKeys("metadata.json", "model.onnx");
            assertThat(ModelMetadata.read(container, "b").features()).contains("x", "z", "owner", "city@Berlin");
        }

        @Test
        void readingReadsTheStreamToItsEnd() {
            ByteArrayInputStream in = new ByteArrayInputStream(Models.write(FORMAT, Models.linear()));

            OnnxRuntimePredictor read = (OnnxRuntimePredictor) FORMAT.read(in, "stream");
            read.close();

            assertThat(in.available()).isZero();
        }

        @Test
        void aClosedPredictorCannotPredict() {
            OnnxRuntimePredictor read = (OnnxRuntimePredictor) Models.read(FORMAT, Models.write(FORMAT,
                    Models.logistic()));
            read.close();

            assertThatThrownBy(() -> read.predict(TEST)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Refusals {
        @Test
        void aTreeCannotBeWrittenAsOnnx() {
            TribuoClassifier tree = Models.tree();

            assertThat(FORMAT.canWrite(tree)).isFalse();
            assertThat(FORMAT.canWrite(Models.logistic())).isTrue();
            assertThatThrownBy(() -> Models.write(FORMAT, tree)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the onnx model format writes Tribuo predictors whose model Tribuo exports to ONNX"
                            + " (ONNXExportable, such as logistic or linear regression), not a "
                            + TribuoClassifier.class.getName() + " of org.tribuo.common.tree.TreeModel");
        }

        @Test
        void aPredictorThatIsNotTribuosCannotBeWritten() {
            Predictor other = new TribuoFormatTest.Fixed();

            assertThat(FORMAT.canWrite(other)).isFalse();
            assertThatThrownBy(() -> Models.write(FORMAT, other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("(ONNXExportable, such as logistic or linear regression), not "
                            + TribuoFormatTest.Fixed.class.getName());
        }

        @Test
        void tribuoBytesAreRefusedNamingBothFormats() {
            byte[] tribuo = Models.write(TribuoFormat.defaults(), Models.logistic());

            assertThatThrownBy(() -> FORMAT.read(new ByteArrayInputStream(tribuo), "m.bin"))
                    .isInstanceOf(ModelFormatException.class).hasMessage("m.bin: written as 'tribuo', not 'onnx'");
        }

        @Test
        void anOnnxPartOnnxRuntimeCannotLoadIsRefusedNamingTheSource() {
            Map<String, byte[]> parts = new LinkedHashMap<>(Container.read(Models.write(FORMAT, Models.logistic()),
                    "b").parts());
            parts.put("model.onnx", new byte[] {1, 2, 3, 4});

            assertThatThrownBy(() -> Models.read(FORMAT, new Container("onnx", parts).toBytes()))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("test bytes: ONNX Runtime cannot load part 'model.onnx': ");
        }

        @Test
        void withoutOnnxRuntimeReadingNamesTheArtifactToAdd() {
            ClassLoader bootstrapOnly = new ClassLoader(null) {
            };

            assertThatThrownBy(() -> OnnxFormat.requireRuntime(bootstrapOnly)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("reading a model in the onnx format needs ONNX Runtime, an optional dependency of"
                            + " mlops-deploy: add com.microsoft.onnxruntime:onnxruntime:1.23.2 to your project's"
                            + " dependencies");
            OnnxFormat.requireRuntime(OnnxFormat.class.getClassLoader());
            byte[] bytes = Models.write(FORMAT, Models.logistic());
            OnnxFormat blind = new OnnxFormat(new OnnxFormat.Settings(), bootstrapOnly);
            assertThat(blind).isEqualTo(FORMAT);
            assertThatThrownBy(() -> Models.read(blind, bytes)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("add com.microsoft.onnxruntime:onnxruntime:1.23.2");
        }
    }

    @Nested
    class Scores {
        @Test
        void probabilitiesAreClampedAtZeroAndDividedByTheirSum() {
            assertThat(OnnxRuntimePredictor.normalised(new float[] {2, 1, 1})).containsExactly(0.5, 0.25, 0.25);
            assertThat(OnnxRuntimePredictor.normalised(new float[] {-1, 3})).containsExactly(0, 1);
            assertThat(OnnxRuntimePredictor.normalised(new float[] {0, 0, 0, 0})).containsExactly(0.25, 0.25, 0.25,
                    0.25);
            assertThat(OnnxRuntimePredictor.normalised(new float[] {-2, -1})).containsExactly(0.5, 0.5);
        }

        @Test
        void scoresThatAreNotProbabilitiesGiveOneToTheHighestAndTheFirstOnATie() {
            assertThat(OnnxRuntimePredictor.oneHot(new float[] {-3, 2, 1})).containsExactly(0, 1, 0);
            assertThat(OnnxRuntimePredictor.oneHot(new float[] {1, 1, 0})).containsExactly(1, 0, 0);
            assertThat(OnnxRuntimePredictor.oneHot(new float[] {0, 1, 1})).containsExactly(0, 1, 0);
        }
    }

    @Test
    void isTheRegisteredOnnxFormat() {
        assertThat(ComponentRegistry.defaults().create(ModelFormat.class, "onnx")).isEqualTo(FORMAT)
                .isInstanceOf(OnnxFormat.class);
    }
}
