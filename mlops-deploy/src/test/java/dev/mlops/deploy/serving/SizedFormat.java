package dev.mlops.deploy.serving;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.format.ModelFormatException;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A test format whose models predict one value for every row and whose artifacts are padded to
 * any size, so a test sets each model's weight in a multi-model endpoint: {@code sized:VALUE}, a
 * newline, then spaces.
 */
record SizedFormat() implements ModelFormat {
    static final String TYPE = "sized-test";
    static final ComponentRegistry FORMATS = ComponentRegistry.defaults().with(java.util.List.of(new Type()));
    private static final String PREFIX = "sized:";

    /** The component type the registry finds the format by. */
    static final class Type extends ComponentType<ModelFormat, SizedFormat> {
        Type() {
            super(ModelFormat.class, TYPE, SizedFormat.class, "a constant regression padded to a size (tests)");
        }

        @Override
        public ModelFormat create(SizedFormat settings) {
            return settings;
        }
    }

    /** A regression model predicting one value. */
    record Fixed(double value) implements Predictor {
        @Override
        public Schema inputSchema() {
            return Schema.of();
        }

        @Override
        public Outputs outputs() {
            return Outputs.regression();
        }

        @Override
        public Table predict(Table features) {
            double[] values = new double[features.rowCount()];
            Arrays.fill(values, value);
            return outputs().values(values);
        }
    }

    /**
     * @param value what the model predicts
     * @param size the artifact's size in bytes
     * @return the artifact
     */
    static byte[] artifact(double value, int size) {
        byte[] head = (PREFIX + String.format(Locale.ROOT, "%s", value) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[Math.max(size, head.length)];
        Arrays.fill(bytes, (byte) ' ');
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
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
        return predictor instanceof Fixed;
    }

    @Override
    public void write(Predictor predictor, OutputStream out) {
        try {
            out.write(artifact(((Fixed) predictor).value(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Predictor read(InputStream in, String source) {
        try {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX) || text.indexOf('\n') < 0) {
                throw new ModelFormatException(source, "not a " + TYPE + " model");
            }
            return new Fixed(Double.parseDouble(text.substring(PREFIX.length(), text.indexOf('\n'))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
