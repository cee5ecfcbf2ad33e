package dev.mlops.deploy.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoRegressor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TribuoFormatTest {
    private static final TribuoFormat FORMAT = TribuoFormat.defaults();
    private static final Table TEST = Models.rows(120, 99);

    @Nested
    class RoundTrip {
        @Test
        void aLogisticRegressionReadsBackPredictingExactlyTheSame() {
            TribuoClassifier model = Models.logistic();

            Predictor read = Models.read(FORMAT, Models.write(FORMAT, model));

            assertThat(read).isInstanceOf(TribuoClassifier.class);
            assertThat(read.predict(TEST)).isEqualTo(model.predict(TEST));
            assertThat(read.inputSchema()).isEqualTo(model.inputSchema());
            assertThat(read.outputs()).isEqualTo(model.outputs());
            assertThat(((TribuoClassifier) read).encoder().state()).isEqualTo(model.encoder().state());
        }

        @Test
        void aTreeAndAHingeModelReadBackPredictingExactlyTheSame() {
            for (TribuoClassifier model : new TribuoClassifier[] {Models.tree(), Models.hinge()}) {
                Predictor read = Models.read(FORMAT, Models.write(FORMAT, model));
                assertThat(read.predict(TEST)).as("%s", model.model().getClass()).isEqualTo(model.predict(TEST));
            }
        }

        @Test
        void aRegressorReadsBackPredictingExactlyTheSame() {
            TribuoRegressor model = Models.linear();

            Predictor read = Models.read(FORMAT, Models.write(FORMAT, model));

            assertThat(read).isInstanceOf(TribuoRegressor.class);
            assertThat(read.outputs()).isEqualTo(Outputs.regression());
            assertThat(read.predict(TEST)).isEqualTo(model.predict(TEST));
        }

        @Test
        void theSamePredictorAndTheOneReadBackGiveTheSameBytes() {
            TribuoClassifier model = Models.logistic();
            byte[] bytes = Models.write(FORMAT, model);

            assertThat(Models.write(FORMAT, model)).isEqualTo(bytes);
            assertThat(Models.write(TribuoFormat.defaults(), Models.read(FORMAT, bytes))).isEqualTo(bytes);
        }

        @Test
        void readingReadsTheStreamToItsEnd() {
            ByteArrayInputStream in = new ByteArrayInputStream(Models.write(FORMAT, Models.tree()));

            FORMAT.read(in, "stream");

            assertThat(in.available()).isZero();
        }

        @Test
        void theBytesAreAContainerOfTheMetadataAndTribuosProtobuf() {
            TribuoClassifier model = Models.logistic();

            Container container = Container.read(Models.write(FORMAT, model), "bytes");

            assertThat(container.kind()).isEqualTo("tribuo");
            assertThat(container.parts()).containsOnlyKeys("metadata.json", "model.pb");
            assertThat(container.text("metadata.json", "bytes")).startsWith("{\"outputs\":{\"task\":\"CLASSIFICATION\""
                    + ",\"classes\":" + model.outputs().classes().toString().replace(", ", "\",\"")
                    .replace("[", "[\"").replace("]", "\"]") + "},\"encoder\":{\"columns\":[{\"name\":\"x\"");
            assertThat(ModelMetadata.read(container, "bytes").probabilities()).isTrue();
        }
    }

    @Nested
    class Refusals {
        @Test
        void aPredictorThatIsNotTribuosCannotBeWritten() {
            Predictor other = new Fixed();

            assertThat(FORMAT.canWrite(other)).isFalse();
            assertThat(FORMAT.canWrite(Models.tree())).isTrue();
            assertThatThrownBy(() -> Models.write(FORMAT, other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the tribuo model format writes Tribuo predictors (TribuoClassifier, TribuoRegressor),"
                            + " not " + Fixed.class.getName());
        }

        @Test
        void garbageIsRefusedNamingTheSource() {
            assertThatThrownBy(() -> FORMAT.read(new ByteArrayInputStream("a,b\n1,2\n".getBytes(
                    StandardCharsets.UTF_8)), "models/garbage.bin")).isInstanceOf(ModelFormatException.class)
                    .hasMessage("models/garbage.bin: not a model written by mlops: it does not start with the model"
                            + " header (0x89 'MLOPS' CR LF) but with 61 2c 62 0a 31 2c 32 0a");
        }

        @Test
        void truncatedBytesAreRefusedNamingTheSource() {
            byte[] bytes = Models.write(FORMAT, Models.tree());

            assertThatThrownBy(() -> FORMAT.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length / 2)),
                    "v3")).isInstanceOf(ModelFormatException.class).hasMessage("v3: truncated or altered: the SHA-256"
                    + " of its " + (bytes.length / 2 - 32) + " bytes does not match the checksum it ends with");
        }

        @Test
        void anotherFormatsBytesAreRefusedNamingBoth() {
            byte[] onnx = Models.write(OnnxFormat.defaults(), Models.logistic());

            assertThatThrownBy(() -> FORMAT.read(new ByteArrayInputStream(onnx), "m.onnx"))
                    .isInstanceOf(ModelFormatException.class).hasMessage("m.onnx: written as 'onnx', not 'tribuo'");
        }

        @Test
        void aModelPartThatIsNotAProtobufIsRefused() {
            byte[] bytes = withModelPart(Models.logistic(), new byte[] {(byte) 0xFF, (byte) 0xFF, 1});

            assertThatThrownBy(() -> Models.read(FORMAT, bytes)).isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("test bytes: part 'model.pb' is not a Tribuo model protobuf: ");
        }

        @Test
        void aModelOfAClassOutsideTribuoIsRefusedBeforeAnythingIsBuilt() {
            byte[] proto = org.tribuo.protos.core.ModelProto.newBuilder().setClassName("com.example.Exploit")
                    .setVersion(0).build().toByteArray();

            assertThatThrownBy(() -> Models.read(FORMAT, withModelPart(Models.logistic(), proto)))
                    .isInstanceOf(ModelFormatException.class).hasMessage("test bytes: part 'model.pb' names the class"
                            + " 'com.example.Exploit'; only Tribuo's own model classes (org.tribuo.*) are read");
        }

        @Test
        void aTribuoClassThatCannotBeRebuiltIsRefused() {
            byte[] proto = org.tribuo.protos.core.ModelProto.newBuilder().setClassName("org.tribuo.NoSuchModel")
                    .setVersion(0).build().toByteArray();

            assertThatThrownBy(() -> Models.read(FORMAT, withModelPart(Models.logistic(), proto)))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("test bytes: Tribuo cannot rebuild the model of part 'model.pb': ");
        }

        @Test
        void metadataOfAnotherTaskThanTheModelsIsRefused() {
            TribuoClassifier classifier = Models.logistic();
            byte[] regressorMetadata = ModelMetadata.of(Models.linear()).toBytes();
            Map<String, byte[]> parts = new LinkedHashMap<>(Container.read(Models.write(FORMAT, classifier), "b")
                    .parts());
            parts.put("metadata.json", regressorMetadata);

            assertThatThrownBy(() -> Models.read(FORMAT, new Container("tribuo", parts).toBytes()))
                    .isInstanceOf(ModelFormatException.class).hasMessage("test bytes: the metadata says REGRESSION but"
                            + " the model, a org.tribuo.classification.sgd.linear.LinearSGDModel, does not predict"
                            + " Tribuo's Regressors");
        }

        @Test
        void aRegressorsMetadataOnAClassifierOfOtherClassesIsRefused() {
            TribuoRegressor regressor = Models.linear();
            ModelMetadata classes = ModelMetadata.of(Models.logistic());
            Map<String, byte[]> parts = new LinkedHashMap<>(Container.read(Models.write(FORMAT, regressor), "b")
                    .parts());
            parts.put("metadata.json", new ModelMetadata(classes.outputs(), classes.encoder(), classes.features(),
                    true).toBytes());

            assertThatThrownBy(() -> Models.read(FORMAT, new Container("tribuo", parts).toBytes()))
                    .isInstanceOf(ModelFormatException.class).hasMessage("test bytes: the metadata says CLASSIFICATION"
                            + " but the model, a org.tribuo.regression.sgd.linear.LinearSGDModel, does not predict Tribuo's"
                            + " Labels");
        }

        @Test
        void metadataRecordingOtherClassesIsRefused() {
            TribuoClassifier classifier = Models.logistic();
            ModelMetadata metadata = ModelMetadata.of(classifier);
            Map<String, byte[]> parts = new LinkedHashMap<>(Container.read(Models.write(FORMAT, classifier), "b")
                    .parts());
            parts.put("metadata.json", new ModelMetadata(Outputs.classification(java.util.List.of("a", "b", "c")),
                    metadata.encoder(), metadata.features(), true).toBytes());

            assertThatThrownBy(() -> Models.read(FORMAT, new Container("tribuo", parts).toBytes()))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessage("test bytes: the model's outputs " + classifier.outputs() + " differ from those its"
                            + " metadata records, Outputs[task=CLASSIFICATION, classes=[a, b, c]]");
        }

        @Test
        void metadataThatIsNotJsonIsRefusedNamingThePart() {
            Map<String, byte[]> parts = new LinkedHashMap<>(Container.read(Models.write(FORMAT, Models.tree()), "b")
                    .parts());
            parts.put("metadata.json", "{\"outputs\":".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> Models.read(FORMAT, new Container("tribuo", parts).toBytes()))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("test bytes: part 'metadata.json' is not a model's metadata: ");
        }

        private static byte[] withModelPart(TribuoClassifier model, byte[] part) {
            Map<String, byte[]> parts = new LinkedHashMap<>(Container.read(Models.write(FORMAT, model), "b").parts());
            parts.put("model.pb", part);
            return new Container("tribuo", parts).toBytes();
        }
    }

    @Test
    void isTheRegisteredTribuoFormatWithoutSettings() {
        ModelFormat format = ComponentRegistry.defaults().create(ModelFormat.class, "tribuo");

        assertThat(format).isEqualTo(FORMAT).isInstanceOf(TribuoFormat.class);
        assertThat(format.spec().toString()).isEqualTo("tribuo()");
    }

    /** A predictor that is not Tribuo's. */
    static final class Fixed implements Predictor {
        @Override
        public Schema inputSchema() {
            return Schema.of(java.util.List.of());
        }

        @Override
        public Outputs outputs() {
            return Outputs.regression();
        }

        @Override
        public Table predict(Table features) {
            return Outputs.regression().values(new double[features.rowCount()]);
        }
    }

    @Test
    void theEncoderStateIsWhatTheMetadataRecords() {
        TribuoClassifier model = Models.logistic();
        FeatureEncoder.State state = ModelMetadata.read(Container.read(Models.write(FORMAT, model), "b"), "b")
                .encoder();

        assertThat(state).isEqualTo(model.encoder().state());
    }
}
