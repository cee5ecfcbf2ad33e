package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.core.access.Principal;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.RegisteredModel;
import dev.mlops.deploy.registry.Stage;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A model version as a user names it on the command line: {@code MODEL:VERSION} ({@code churn:3}),
 * {@code MODEL@STAGE} ({@code churn@production}: the version in production; for another stage, the
 * highest-numbered version in it) or {@code MODEL} alone, which each command reads as its default
 * (the latest version, or for {@code mlops lineage} the production version).
 *
 * @param model the model's name
 * @param version the version's number, if given
 * @param stage the stage, if given
 */
record ModelReference(String model, OptionalInt version, Optional<Stage> stage) {
    /** What every command's help says about naming a version. */
    static final String HELP = "A version is MODEL:VERSION (churn:3), MODEL@STAGE (churn@production: the version in "
            + "production; for another stage the highest-numbered version in it) or MODEL";

    ModelReference {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stage, "stage");
    }

    /**
     * Reads a reference.
     *
     * @param text what the user typed
     * @return the reference
     * @throws IllegalArgumentException if it is malformed, naming it and the accepted forms
     */
    static ModelReference parse(String text) {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        int at = value.lastIndexOf('@');
        if (colon >= 0 && at >= 0) {
            throw malformed(text, "it names both a version and a stage");
        }
        if (colon >= 0) {
            String number = value.substring(colon + 1);
            int version;
            try {
                version = Integer.parseInt(number);
            } catch (NumberFormatException e) {
                throw malformed(text, "'" + number + "' is not a version number");
            }
            if (version < 1) {
                throw malformed(text, "versions are numbered from 1");
            }
            return new ModelReference(model(text, value.substring(0, colon)), OptionalInt.of(version), Optional.empty());
        }
        if (at >= 0) {
            Stage stage;
            try {
                stage = Stage.ofLabel(value.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw malformed(text, e.getMessage());
            }
            return new ModelReference(model(text, value.substring(0, at)), OptionalInt.empty(), Optional.of(stage));
        }
        return new ModelReference(model(text, value), OptionalInt.empty(), Optional.empty());
    }

    private static String model(String text, String name) {
        if (name.isEmpty()) {
            throw malformed(text, "the model's name is missing");
        }
        return name;
    }

    private static IllegalArgumentException malformed(String text, String why) {
        return new IllegalArgumentException("cannot read the version '" + text + "': " + why + "; expected "
                + "MODEL:VERSION (churn:3), MODEL@STAGE (churn@production) or MODEL");
    }

    /**
     * Finds the version the reference names.
     *
     * @param registry the registry
     * @param principal who reads
     * @param otherwise the stage a bare {@code MODEL} means, or empty for its latest version
     * @return the version
     * @throws MlopsException if the model or the version is unknown, or no version is in the stage
     */
    ModelVersion resolve(ModelRegistry registry, Principal principal, Optional<Stage> otherwise) {
        if (version.isPresent()) {
            return registry.require(principal, model, version.getAsInt());
        }
        RegisteredModel found = registry.model(principal, model).orElseThrow(() -> new MlopsException(
                "no model '" + model + "' in " + registry + "; 'mlops registry list' lists them"));
        Optional<Stage> wanted = stage.isPresent() ? stage : otherwise;
        if (wanted.isEmpty()) {
            return registry.require(principal, model, found.latestVersion());
        }
        Stage in = wanted.get();
        if (in == Stage.PRODUCTION) {
            return registry.production(principal, model).orElseThrow(() -> noneIn(in));
        }
        return registry.versions(principal, model).stream().filter(candidate -> candidate.stage() == in)
                .max(Comparator.comparingInt(ModelVersion::version)).orElseThrow(() -> noneIn(in));
    }

    private MlopsException noneIn(Stage in) {
        return new MlopsException("model '" + model + "' has no version in " + in.label()
                + "; name one as " + model + ":VERSION");
    }

    /** Reads a {@code MODEL[:VERSION|@STAGE]} parameter. */
    static final class Converter implements ITypeConverter<ModelReference> {
        @Override
        public ModelReference convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
