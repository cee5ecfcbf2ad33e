package dev.mlops.deploy.registry;

import dev.mlops.core.component.ComponentType;
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
 * A user's own model format, as a test writes one: a model that predicts one class of "no" and
 * "yes" for every row, stored as the text {@code constant:yes}.
 */
record ConstantFormat() implements ModelFormat {
    static final String TYPE = "constant-json";
    static final String MAGIC = "constant:";
    static final List<String> CLASSES = List.of("no", "yes");

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
        return (MAGIC + label).getBytes(StandardCharsets.UTF_8);
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
            out.write(bytes(constant.label()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Predictor read(InputStream in, String source) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!text.startsWith(MAGIC) || !CLASSES.contains(text.substring(MAGIC.length()))) {
            throw new ModelFormatException(source, "not a " + TYPE + " model: expected '" + MAGIC + "no' or '" + MAGIC
                    + "yes'");
        }
        return new Constant(text.substring(MAGIC.length()), CLASSES);
    }
}
