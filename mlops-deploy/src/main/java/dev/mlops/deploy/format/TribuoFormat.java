package dev.mlops.deploy.format;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.component.ComponentType;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.predict.Task;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoPredictor;
import dev.mlops.train.tribuo.TribuoRegressor;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/**
 * The {@code tribuo} model format: a {@link TribuoPredictor} (a {@link TribuoClassifier} or
 * {@link TribuoRegressor}) as Tribuo's own protobuf serialization of the model
 * ({@code Model.serialize()}) beside our JSON of the feature encoder's state and the outputs, in
 * one self-describing container (a header, the parts {@code metadata.json} and {@code model.pb},
 * and a SHA-256 checksum; docs/deployment.md, "Model formats", gives the layout). Read back, it
 * predicts exactly what it predicted before. The same predictor gives the same bytes.
 *
 * <p>Java serialization is never used: the protobuf names the model's class, and only a class in
 * Tribuo's own packages ({@code org.tribuo.}) is accepted before Tribuo rebuilds the model from it.
 * Immutable and thread-safe.
 */
public final class TribuoFormat extends AbstractComponent<TribuoFormat.Settings> implements ModelFormat {
    /** The type name. */
    public static final String TYPE = "tribuo";
    private static final String MODEL_PART = "model.pb";
    private static final String TRIBUO_PACKAGE = "org.tribuo.";

    /** The format has no settings. */
    public record Settings() {
    }

    /**
     * Creates the format.
     *
     * @param settings the (empty) settings
     */
    public TribuoFormat(Settings settings) {
        super(TYPE, settings);
    }

    /** @return the format */
    public static TribuoFormat defaults() {
        return new TribuoFormat(new Settings());
    }

    /** @return true for a {@link TribuoClassifier} or a {@link TribuoRegressor} */
    @Override
    public boolean canWrite(Predictor predictor) {
        return predictor instanceof TribuoPredictor;
    }

    @Override
    public void write(Predictor predictor, OutputStream out) {
        Objects.requireNonNull(out, "out");
        if (!(predictor instanceof TribuoPredictor<?> tribuo)) {
            throw new IllegalArgumentException("the " + TYPE + " model format writes Tribuo predictors"
                    + " (TribuoClassifier, TribuoRegressor), not " + predictor.getClass().getName());
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(ModelMetadata.PART, ModelMetadata.of(tribuo).toBytes());
        parts.put(MODEL_PART, Formats.protobuf(tribuo.model().serialize()));
        Formats.write(new Container(TYPE, parts), out);
    }

    @Override
    public Predictor read(InputStream in, String source) {
        Container container = Container.read(Formats.readAll(in), source).requireKind(TYPE, source);
        ModelMetadata metadata = ModelMetadata.read(container, source);
        Model<?> model = model(container.part(MODEL_PART, source), source);
        FeatureEncoder encoder = FeatureEncoder.of(metadata.encoder());
        boolean classification = metadata.outputs().task() == Task.CLASSIFICATION;
        Class<? extends Output<?>> expected = classification ? Label.class : Regressor.class;
        if (!model.validate(expected)) {
            throw new ModelFormatException(source, "the metadata says " + metadata.outputs().task() + " but the"
                    + " model, a " + model.getClass().getName() + ", does not predict Tribuo's "
                    + expected.getSimpleName() + "s");
        }
        Predictor predictor = classification ? TribuoClassifier.of(model.castModel(Label.class), encoder)
                : TribuoRegressor.of(model.castModel(Regressor.class), encoder);
        if (!predictor.outputs().equals(metadata.outputs())) {
            throw new ModelFormatException(source, "the model's outputs " + predictor.outputs()
                    + " differ from those its metadata records, " + metadata.outputs());
        }
        return predictor;
    }

    private static Model<?> model(byte[] bytes, String source) {
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelFormatException(source, "part '" + MODEL_PART + "' is not a Tribuo model protobuf: "
                    + e.getMessage(), e);
        }
        if (!proto.getClassName().startsWith(TRIBUO_PACKAGE)) {
            throw new ModelFormatException(source, "part '" + MODEL_PART + "' names the class '" + proto.getClassName()
                    + "'; only Tribuo's own model classes (" + TRIBUO_PACKAGE + "*) are read");
        }
        try {
            return Model.deserialize(proto);
        } catch (RuntimeException e) {
            throw new ModelFormatException(source, "Tribuo cannot rebuild the model of part '" + MODEL_PART + "': "
                    + e, e);
        }
    }

    /** Registers the format as the {@code tribuo} {@link ModelFormat}. */
    public static final class Type extends ComponentType<ModelFormat, Settings> {
        /** Describes the type. */
        public Type() {
            super(ModelFormat.class, TYPE, Settings.class,
                    "Tribuo predictors: Tribuo's protobuf of the model and the encoder's state, checksummed");
        }

        @Override
        public TribuoFormat create(Settings settings) {
            return new TribuoFormat(settings);
        }
    }
}
