package dev.mlops.deploy.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.format.ModelFormatException;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A user's own model format, as a test writes one: a model that predicts one class for every row,
 * stored as {@code {"constant":"yes","classes":["no","yes"]}}.
 */
record ConstantFormat() implements ModelFormat {
    static final String TYPE = "constant-json";

    /** The component type the registry finds the format by. */
    static final class Type extends ComponentType<ModelFormat, ConstantFormat> {
        Type() {
            super(ModelFormat.class, TYPE, ConstantFormat.class, "a constant classifier as JSON (tests)");
        }

        @Override
        public ModelFormat create(ConstantFormat settings) {
            return settings;
        }
    }

    /** A model predicting one class of two. */
    record Constant(String label, List<String> classes) implements Predictor {
        @Override
        public Schema inputSchema() {
            return Schema.of();
        }

        @Override
        public Outputs outputs() {
            return Outputs.classification(classes);
        }

        @Override
        public Table predict(Table features) {
            double[][] scores = new double[features.rowCount()][];
            for (int row = 0; row < scores.length; row++) {
                scores[row] = new double[classes.size()];
                scores[row][classes.indexOf(label)] = 1;
            }
            return outputs().classifications(scores);
        }
    }

    static byte[] bytes(String label) {
        return ("{\"constant\":\"" + label + "\",\"classes\":[\"no\",\"yes\"]}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Record settings() {
        return this;
    }

    @Override
    public boolean canWrite(Predictor predictor) {
        return predictor instanceof Constant;
    }

    @Override
    public void write(Predictor predictor, OutputStream out) {
        if (!(predictor instanceof Constant constant)) {
            throw new IllegalArgumentException(TYPE + " cannot write a " + predictor.getClass().getName());
        }
        try {
            out.write(("{\"constant\":\"" + constant.label() + "\",\"classes\":" + Json.writer()
                    .writeValueAsString(constant.classes()) + "}").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Predictor read(InputStream in, String source) {
        JsonNode root;
        try {
            root = Json.reader().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new ModelFormatException(source, "not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.path("constant").isTextual() || !root.path("classes").isArray()) {
            throw new ModelFormatException(source, "not a " + TYPE + " model: expected {\"constant\":..., \"classes\":[...]}");
        }
        return new Constant(root.get("constant").asText(), List.of(root.get("classes").get(0).asText(),
                root.get("classes").get(1).asText()));
    }
}
