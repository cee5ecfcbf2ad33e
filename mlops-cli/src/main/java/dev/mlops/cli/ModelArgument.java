package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.core.access.Principal;
import dev.mlops.deploy.batch.BatchTransform;
import dev.mlops.deploy.format.ModelFiles;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.train.predict.Predictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A model named on the command line ({@code mlops gate}, {@code mlops serve-batch}): a saved model
 * file when a file exists at that path, else a version in the registry of the store's location
 * ({@link ModelReference}), loaded with its content hash verified.
 *
 * @param name how reports name it: the path as given, or {@code MODEL:VERSION}
 * @param predictor the model
 * @param fingerprint what pins its content down: {@code file:sha256:HEX} or
 *     {@code registry:MODEL:VERSION:sha256:HEX}
 */
record ModelArgument(String name, Predictor predictor, String fingerprint) {

    /**
     * Loads a model.
     *
     * @param root the {@code mlops} command, with the environment and the plugins' formats
     * @param text what the user typed
     * @param format the format to read a bare model file in, or null for the one the file records
     * @param store where the registry is
     * @param who who reads the registry
     * @param bare the stage a bare {@code MODEL} means, or empty for its latest version
     * @return the model
     * @throws IllegalArgumentException if no file exists and the text is not a version's name
     * @throws dev.mlops.core.MlopsException if the registry or the version does not exist
     */
    static ModelArgument load(MlopsCommand root, String text, @Nullable ModelFormat format, StoreOptions store,
            RegistryOptions who, Optional<Stage> bare) {
        Path file = Path.of(text);
        if (Files.isRegularFile(file)) {
            return new ModelArgument(text, ModelFiles.load(file, root.registry(), format).predictor(),
                    "file:sha256:" + BatchTransform.sha256(file));
        }
        ModelReference reference;
        try {
            reference = ModelReference.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a model file nor a registry version: "
                    + e.getMessage(), e);
        }
        Principal principal = who.principal();
        try (RegistryOptions.Opened opened = RegistryCommand.open(root, store, who, false)) {
            ModelRegistry registry = opened.registry();
            ModelVersion found = reference.resolve(registry, principal, bare);
            String name = found.model() + ":" + found.version();
            return new ModelArgument(name, registry.load(principal, found.model(), found.version()),
                    "registry:" + name + ":sha256:" + found.sha256());
        } catch (MlopsException e) {
            throw new MlopsException("no model file " + file.toAbsolutePath() + " exists, and '" + text
                    + "' is not a registry version either: " + e.getMessage(), e);
        }
    }
}
