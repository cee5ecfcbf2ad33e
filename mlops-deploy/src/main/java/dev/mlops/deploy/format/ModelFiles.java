package dev.mlops.deploy.format;

import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.Documents;
import dev.mlops.train.predict.Predictor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A saved model file: a model's bytes in its {@link ModelFormat} under a header that records the
 * format, so that a file says how to read it ({@code mlops train --save-model} writes one, and
 * {@code mlops gate} reads it). The file is the checksummed container the built-in formats use
 * (docs/deployment.md, "Model formats"), of kind {@value #KIND}, with two parts: {@code format.json},
 * the format's spec (type and settings), and {@code model}, the bytes the format wrote.
 *
 * <p>{@link #load} also reads a file that holds a format's bytes alone: the bytes of a built-in
 * format, which name their format themselves, and any format's when the caller names it.
 */
public final class ModelFiles {
    /** The container kind of a saved model file. */
    public static final String KIND = "model-file";
    private static final String FORMAT_PART = "format.json";
    private static final String MODEL_PART = "model";

    private ModelFiles() {
    }

    /**
     * A model read from a file, with the format it was read in.
     *
     * @param format the format
     * @param predictor the model
     */
    public record Loaded(ModelFormat format, Predictor predictor) {
        /**
         * Checks the parts.
         *
         * @param format the format
         * @param predictor the model
         */
        public Loaded {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(predictor, "predictor");
        }
    }

    /**
     * Writes a model to a file, atomically: the file is replaced only when the whole model is written.
     *
     * @param file the file, created with missing parent directories
     * @param format the format to write the model in
     * @param predictor the model, one the format {@link ModelFormat#canWrite can write}
     * @throws IllegalArgumentException if the format cannot write the predictor, naming its class
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void save(Path file, ModelFormat format, Predictor predictor) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(predictor, "predictor");
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        format.write(predictor, model);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(FORMAT_PART, Documents.write(format.spec().toJson()).getBytes(StandardCharsets.UTF_8));
        parts.put(MODEL_PART, model.toByteArray());
        AtomicFiles.write(file, new Container(KIND, parts).toBytes());
    }

    /**
     * Reads a model from a file: a saved model file in the format it records, a built-in format's
     * bytes in the format they name, or, when {@code format} is given, any bytes that format wrote.
     *
     * @param file the file
     * @param registry the registry that knows the recorded format's type
     * @param format the format to read in, or null to take the one the file records; a saved
     *     model file recording another format is refused
     * @return the model and its format
     * @throws ModelFormatException if the file is not a model, records an unknown format or
     *     another one than {@code format}, naming the file
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Loaded load(Path file, ComponentRegistry registry, @Nullable ModelFormat format) {
        Objects.requireNonNull(registry, "registry");
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + file + ": " + e.getMessage(), e);
        }
        if (!Container.startsAsContainer(bytes)) {
            if (format == null) {
                throw new ModelFormatException(source, "not a saved model file (it lacks the mlops model header);"
                        + " name the format it was written in");
            }
            return new Loaded(format, format.read(new ByteArrayInputStream(bytes), source));
        }
        Container container = Container.read(bytes, source);
        if (!container.kind().equals(KIND)) {
            ModelFormat named = recorded(ComponentSpec.parse(container.kind()), format, registry, source);
            return new Loaded(named, named.read(new ByteArrayInputStream(bytes), source));
        }
        ComponentSpec spec;
        try {
            spec = ComponentSpec.read(Documents.parse(container.text(FORMAT_PART, source), source + " " + FORMAT_PART));
        } catch (DocumentException e) {
            throw new ModelFormatException(source, "its format part is not a format's spec: " + e.getMessage(), e);
        }
        ModelFormat named = recorded(spec, format, registry, source);
        return new Loaded(named, named.read(new ByteArrayInputStream(container.part(MODEL_PART, source)), source));
    }

    /** The format a file records, or the given one if it is of the recorded type. */
    private static ModelFormat recorded(ComponentSpec spec, @Nullable ModelFormat format, ComponentRegistry registry,
            String source) {
        if (format != null) {
            if (!format.type().equals(spec.type())) {
                throw new ModelFormatException(source, "written in model format '" + spec.type() + "', not '"
                        + format.type() + "'");
            }
            return format;
        }
        try {
            return registry.create(ModelFormat.class, spec);
        } catch (ComponentException e) {
            throw new ModelFormatException(source, "written in model format '" + spec.type() + "', which cannot be"
                    + " made here: " + e.getMessage(), e);
        }
    }
}
