package dev.mlops.deploy.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.Table;
import dev.mlops.train.tribuo.TribuoClassifier;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.defaults();
    private static final Table TEST = Models.rows(50, 5);

    @TempDir
    Path directory;

    @Test
    void aSavedModelReadsBackInTheFormatItRecords() throws Exception {
        TribuoClassifier model = Models.tree();
        Path file = directory.resolve("models").resolve("tree.model");

        ModelFiles.save(file, TribuoFormat.defaults(), model);
        ModelFiles.Loaded loaded = ModelFiles.load(file, REGISTRY, null);

        assertThat(loaded.format()).isEqualTo(TribuoFormat.defaults());
        assertThat(loaded.predictor().predict(TEST)).isEqualTo(model.predict(TEST));
        Container container = Container.read(Files.readAllBytes(file), "f");
        assertThat(container.kind()).isEqualTo("model-file");
        assertThat(container.text("format.json", "f")).isEqualToIgnoringWhitespace("{\"type\":\"tribuo\"}");
        assertThat(container.part("model", "f")).isEqualTo(Models.write(TribuoFormat.defaults(), model));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theFormatNamedMustBeTheOneRecorded() {
        Path file = directory.resolve("m.model");
        ModelFiles.save(file, TribuoFormat.defaults(), Models.logistic());

        assertThat(ModelFiles.load(file, REGISTRY, TribuoFormat.defaults()).format()).isEqualTo(TribuoFormat.defaults());
        assertThatThrownBy(() -> ModelFiles.load(file, REGISTRY, OnnxFormat.defaults()))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(file + ": written in model format 'tribuo', not 'onnx'");
    }

    @Test
    void aBuiltInFormatsBytesAloneReadInTheFormatTheyName() throws Exception {
        Path file = directory.resolve("bare.onnx");
        Files.write(file, Models.write(OnnxFormat.defaults(), Models.logistic()));

        ModelFiles.Loaded loaded = ModelFiles.load(file, REGISTRY, null);

        assertThat(loaded.format()).isEqualTo(OnnxFormat.defaults());
        ((OnnxRuntimePredictor) loaded.predictor()).close();
    }

    @Test
    void bytesWithoutTheHeaderNeedTheFormatNamed() throws Exception {
        Path file = directory.resolve("own.bin");
        Files.writeString(file, "my own model", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ModelFiles.load(file, REGISTRY, null)).isInstanceOf(ModelFormatException.class)
                .hasMessage(file + ": not a saved model file (it lacks the mlops model header); name the format it"
                        + " was written in");
        assertThatThrownBy(() -> ModelFiles.load(file, REGISTRY, TribuoFormat.defaults()))
                .isInstanceOf(ModelFormatException.class).hasMessageStartingWith(file + ": not a model written by"
                        + " mlops");
    }

    @Test
    void aFormatThisRegistryDoesNotKnowIsRefusedNamingIt() {
        Path file = directory.resolve("m.model");
        ModelFiles.save(file, TribuoFormat.defaults(), Models.tree());

        assertThatThrownBy(() -> ModelFiles.load(file, ComponentRegistry.of(List.of()), null))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(file + ": written in model format 'tribuo', which cannot be made here: ");
    }

    @Test
    void aFormatPartThatIsNotASpecIsRefused() throws Exception {
        Path file = directory.resolve("m.model");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("format.json", "[1]".getBytes(StandardCharsets.UTF_8));
        parts.put("model", new byte[0]);
        Files.write(file, new Container("model-file", parts).toBytes());

        assertThatThrownBy(() -> ModelFiles.load(file, REGISTRY, null)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(file + ": its format part is not a format's spec: ");
    }

    @Test
    void aMissingFileIsAnIoErrorNamingIt() {
        Path file = directory.resolve("absent.model");

        assertThatThrownBy(() -> ModelFiles.load(file, REGISTRY, null)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read the model file " + file + ": ");
    }

    @Test
    void aPredictorTheFormatCannotWriteIsRefusedAndNoFileIsLeft() {
        Path file = directory.resolve("tree.onnx");

        assertThatThrownBy(() -> ModelFiles.save(file, OnnxFormat.defaults(), Models.tree()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TreeModel");
        assertThat(file).doesNotExist();
    }
}
