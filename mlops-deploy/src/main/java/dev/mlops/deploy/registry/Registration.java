package dev.mlops.deploy.registry;

import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.core.json.Documents;
import dev.mlops.deploy.gate.GateReport;
import dev.mlops.train.predict.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ModelRegistry#register} stores as a new version: the model's name, the artifact's
 * bytes and the spec of the {@link ModelFormat} they are in, and what is known about them.
 *
 * <pre>{@code
 * Registration registration = Registration.builder("churn")
 *         .predictor(format, predictor)                // or .artifact("my-format", bytes)
 *         .description("weekly retrain")
 *         .provenance(Map.of("trainer", trainer.spec().toString()))
 *         .lineage(LineageTags.builder().fromRun(run).buildId("ci-1234").build())
 *         .metric("macro_f1", 0.81)
 *         .gateReport(report)
 *         .build();
 * }</pre>
 *
 * <p>Immutable; the artifact's bytes are copied in and out.
 */
public final class Registration {
    private final String model;
    private final String format;
    private final byte[] artifact;
    private final String description;
    private final Map<String, String> provenance;
    private final LineageTags lineage;
    private final Map<String, Double> metrics;
    private final @Nullable String gateReport;

    private Registration(Builder builder, String format, byte[] artifact) {
        this.model = builder.model;
        this.format = format;
        this.artifact = artifact;
        this.description = builder.description;
        this.provenance = Collections.unmodifiableMap(new TreeMap<>(builder.provenance));
        this.lineage = builder.lineage;
        this.metrics = Collections.unmodifiableMap(new TreeMap<>(builder.metrics));
        this.gateReport = builder.gateReport;
    }

    /**
     * Starts a registration of a new version of a model.
     *
     * @param model the model's name: 1 to 100 letters, digits, {@code _ - .}, starting with a
     *     letter or digit
     * @return the builder
     * @throws IllegalArgumentException if the name is not valid, naming it
     */
    public static Builder builder(String model) {
        return new Builder(ModelNames.check(model));
    }

    /** @return the model's name */
    public String model() {
        return model;
    }

    /** @return the spec of the format the artifact is in, such as {@code json-rules} */
    public String format() {
        return format;
    }

    /** @return a copy of the artifact's bytes */
    public byte[] artifact() {
        return artifact.clone();
    }

    /** @return the artifact's size in bytes */
    public int artifactSize() {
        return artifact.length;
    }

    /** @return a description in words; may be empty */
    public String description() {
        return description;
    }

    /** @return the components and settings that made the model, by key; sorted, unmodifiable */
    public Map<String, String> provenance() {
        return provenance;
    }

    /** @return the lineage tags */
    public LineageTags lineage() {
        return lineage;
    }

    /** @return the model's metrics, by name; sorted, unmodifiable */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** @return the JSON of the quality gate's report on the model, if one was given */
    public Optional<String> gateReport() {
        return Optional.ofNullable(gateReport);
    }

    @Override
    public String toString() {
        return "Registration[model=" + model + ", format=" + format + ", " + artifact.length + " bytes]";
    }

    /** Builds a {@link Registration}. Not thread-safe. */
    public static final class Builder {
        private final String model;
        private @Nullable String format;
        private byte @Nullable [] artifact;
        private String description = "";
        private final Map<String, String> provenance = new TreeMap<>();
        private LineageTags lineage = LineageTags.none();
        private final Map<String, Double> metrics = new TreeMap<>();
        private @Nullable String gateReport;

        private Builder(String model) {
            this.model = model;
        }

        /**
         * Sets the artifact: bytes in a format.
         *
         * @param formatSpec the format's spec, such as {@code json-rules} (its type name and any settings)
         * @param content the bytes, copied
         * @return this builder
         */
        public Builder artifact(String formatSpec, byte[] content) {
            Objects.requireNonNull(formatSpec, "formatSpec");
            if (formatSpec.isBlank()) {
                throw new IllegalArgumentException("formatSpec must not be blank");
            }
            this.format = formatSpec;
            this.artifact = Objects.requireNonNull(content, "content").clone();
            return this;
        }

        /**
         * Sets the artifact: a file's bytes in a format.
         *
         * @param formatSpec the format's spec
         * @param file the file
         * @return this builder
         * @throws UncheckedIOException if the file cannot be read, naming it
         */
        public Builder artifact(String formatSpec, Path file) {
            Objects.requireNonNull(file, "file");
            try {
                return artifact(formatSpec, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the model file " + file + ": " + e.getMessage(), e);
            }
        }

        /**
         * Sets the artifact: a predictor written by a format.
         *
         * @param modelFormat the format
         * @param predictor the predictor, one the format can write
         * @return this builder
         * @throws IllegalArgumentException if the format cannot write the predictor
         */
        public Builder predictor(ModelFormat modelFormat, Predictor predictor) {
            Objects.requireNonNull(modelFormat, "modelFormat");
            Objects.requireNonNull(predictor, "predictor");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            modelFormat.write(predictor, out);
            return artifact(modelFormat.spec().toString(), out.toByteArray());
        }

        /**
         * @param text a description in words
         * @return this builder
         */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Adds provenance entries (later ones replace earlier ones of the same key).
         *
         * @param entries the components and settings that made the model, such as
         *     {@code trainer -> logistic(lr=0.1)}
         * @return this builder
         */
        public Builder provenance(Map<String, String> entries) {
            entries.forEach((key, value) -> provenance.put(ModelNames.key("provenance", key),
                    Objects.requireNonNull(value, "provenance value of " + key)));
            return this;
        }

        /**
         * @param tags the lineage tags
         * @return this builder
         */
        public Builder lineage(LineageTags tags) {
            this.lineage = Objects.requireNonNull(tags, "tags");
            return this;
        }

        /**
         * @param name a metric's name
         * @param value its value, not NaN
         * @return this builder
         * @throws IllegalArgumentException if the value is NaN or the name not valid
         */
        public Builder metric(String name, double value) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("metric '" + name + "' must be a number but was NaN");
            }
            metrics.put(ModelNames.key("metric", name), value);
            return this;
        }

        /**
         * @param values metrics by name, none NaN
         * @return this builder
         */
        public Builder metrics(Map<String, Double> values) {
            values.forEach(this::metric);
            return this;
        }

        /**
         * @param report the quality gate's report on the model, stored as its JSON
         * @return this builder
         */
        public Builder gateReport(GateReport report) {
            this.gateReport = Objects.requireNonNull(report, "report").toJson();
            return this;
        }

        /**
         * Takes a gate report as the JSON that {@link GateReport#toJson()} wrote (what
         * {@code mlops gate --json} prints), checked to be one.
         *
         * @param json the report's JSON
         * @param source where it came from, for error messages (a file name)
         * @return this builder
         * @throws dev.mlops.core.MlopsException if it is not a gate report this version reads, naming
         *     the source and what is wrong
         */
        public Builder gateReport(String json, String source) {
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(source, "source");
            Documents.parse(json, source).requireKind(GateReport.KIND, GateReport.FORMAT_VERSION);
            LineageReports.gate(json, source);
            this.gateReport = json;
            return this;
        }

        /**
         * @return the registration
         * @throws IllegalStateException if no artifact was set
         */
        public Registration build() {
            if (format == null || artifact == null) {
                throw new IllegalStateException("registration of model '" + model
                        + "' has no artifact: call artifact(format, bytes) or predictor(format, predictor)");
            }
            return new Registration(this, format, artifact);
        }
    }
}
