package dev.mlops.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.format.ModelFormatException;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The model format {@link ModelRegistryContract} registers its versions in, written as a user
 * writes their own: a one-rule classifier ("yes" when a numeric feature reaches a threshold)
 * stored as {@code {"feature":"x","threshold":0.5}}.
 */
record ThresholdRulesFormat() implements ModelFormat {
    static final String TYPE = "threshold-rules";
    private static final Outputs OUTPUTS = Outputs.classification(List.of("no", "yes"));

    /** The component type the registry finds the format by. */
    static final class Type extends ComponentType<ModelFormat, ThresholdRulesFormat> {
        Type() {
            super(ModelFormat.class, TYPE, ThresholdRulesFormat.class, "a one-rule classifier as JSON (contract tests)");
        }

        @Override
        public ModelFormat create(ThresholdRulesFormat settings) {
            return settings;
        }
    }

    /** "yes" where the feature is at least the threshold, else "no". */
    record Rule(String feature, double threshold) implements Predictor {
        @Override
        public Schema inputSchema() {
            return Schema.of(Field.of(feature, ColumnType.NUMERIC));
        }

        @Override
        public Outputs outputs() {
            return OUTPUTS;
        }

        @Override
        public Table predict(Table features) {
            InputCheck.require(inputSchema(), features);
            NumericColumn values = features.numericColumn(feature);
            double[][] scores = new double[features.rowCount()][];
            for (int row = 0; row < scores.length; row++) {
                boolean yes = values.get(row) >= threshold;
                scores[row] = new double[] {yes ? 0 : 1, yes ? 1 : 0};
            }
            return OUTPUTS.classifications(scores);
        }
    }

    static byte[] bytes(String feature, double threshold) {
        return String.format(Locale.ROOT, "{\"feature\":\"%s\",\"threshold\":%s}", feature, threshold)
                .getBytes(StandardCharsets.UTF_8);
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
        return predictor instanceof Rule;
    }

    @Override
    public void write(Predictor predictor, OutputStream out) {
        if (!(predictor instanceof Rule rule)) {
            throw new IllegalArgumentException(TYPE + " writes only its own rules, not a " + predictor.getClass().getName());
        }
        try {
            out.write(bytes(rule.feature(), rule.threshold()));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Predictor read(InputStream in, String source) {
        try {
            JsonNode root = Json.reader().readTree(in.readAllBytes());
            if (root == null || !root.path("feature").isTextual() || !root.path("threshold").isNumber()) {
                throw new ModelFormatException(source, "not a " + TYPE + " model: expected {\"feature\":..., "
                        + "\"threshold\":...}");
            }
            return new Rule(root.get("feature").asText(), root.get("threshold").asDouble());
        } catch (IOException e) {
            throw new ModelFormatException(source, "not JSON: " + e.getMessage(), e);
        }
    }
}
