package dev.mlops.deploy.format;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.component.ComponentType;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tribuo.TribuoPredictor;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tribuo.ONNXExportable;

/**
 * The {@code onnx} model format: a {@link TribuoPredictor} whose model Tribuo can export to ONNX
 * (an {@link ONNXExportable} model, such as the linear models of logistic and linear regression),
 * written as the ONNX model beside our JSON of the feature encoder's state, the model's feature
 * order and the outputs, in the same checksummed container as the {@code tribuo} format (parts
 * {@code metadata.json} and {@code model.onnx}). Read back, it is an {@link OnnxRuntimePredictor}
 * run by ONNX Runtime, which this format can write again to the same bytes.
 *
 * <p>ONNX computes in float32: scores and values agree with Tribuo's (float64) within
 * {@value #TOLERANCE}, and a class whose score ties another's within that may be predicted
 * differently. Writing needs only Tribuo; reading needs ONNX Runtime, an optional dependency of
 * mlops-deploy that a user adds ({@code com.microsoft.onnxruntime:onnxruntime}, {@value #RUNTIME_VERSION});
 * without it, reading fails with an error naming that artifact. Immutable and thread-safe.
 */
public final class OnnxFormat extends AbstractComponent<OnnxFormat.Settings> implements ModelFormat {
    /** The type name. */
    public static final String TYPE = "onnx";
    /** How far a score or value read back may lie from Tribuo's, the float32 rounding of ONNX. */
    public static final double TOLERANCE = 1e-5;
    /** The ONNX Runtime version mlops-java is built and tested with. */
    public static final String RUNTIME_VERSION = "1.23.2";
    static final String MODEL_PART = "model.onnx";
    private static final String DOMAIN = "dev.mlops";
    private static final String RUNTIME_CLASS = "ai.onnxruntime.OrtEnvironment";

    private final ClassLoader runtimeLoader;

    /** The format has no settings. */
    public record Settings() {
    }

    /**
     * Creates the format.
     *
     * @param settings the (empty) settings
     */
    public OnnxFormat(Settings settings) {
        this(settings, OnnxFormat.class.getClassLoader());
    }

    /**
     * Creates the format, looking for ONNX Runtime through a given class loader.
     *
     * @param settings the (empty) settings
     * @param runtimeLoader the class loader that must see ONNX Runtime when reading
     */
    OnnxFormat(Settings settings, ClassLoader runtimeLoader) {
        super(TYPE, settings);
        this.runtimeLoader = Objects.requireNonNull(runtimeLoader, "runtimeLoader");
    }

    /** @return the format */
    public static OnnxFormat defaults() {
        return new OnnxFormat(new Settings());
    }

    /**
     * @return true for a Tribuo predictor whose model is {@link ONNXExportable}, and for a
     *     predictor this format read
     */
    @Override
    public boolean canWrite(Predictor predictor) {
        return predictor instanceof OnnxRuntimePredictor
                || predictor instanceof TribuoPredictor<?> tribuo && tribuo.model() instanceof ONNXExportable;
    }

    @Override
    public void write(Predictor predictor, OutputStream out) {
        Objects.requireNonNull(out, "out");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        if (predictor instanceof OnnxRuntimePredictor onnx) {
            parts.put(ModelMetadata.PART, onnx.metadata().toBytes());
            parts.put(MODEL_PART, onnx.onnxModel());
        } else if (predictor instanceof TribuoPredictor<?> tribuo && tribuo.model() instanceof ONNXExportable model) {
            parts.put(ModelMetadata.PART, ModelMetadata.of(tribuo).toBytes());
            parts.put(MODEL_PART, Formats.protobuf(model.exportONNXModel(DOMAIN, 1)));
        } else {
            throw new IllegalArgumentException("the " + TYPE + " model format writes Tribuo predictors whose model"
                    + " Tribuo exports to ONNX (ONNXExportable, such as logistic or linear regression), not "
                    + (predictor instanceof TribuoPredictor<?> tribuo ? "a " + predictor.getClass().getName()
                    + " of " + tribuo.model().getClass().getName() : predictor.getClass().getName()));
        }
        Formats.write(new Container(TYPE, parts), out);
    }

    /**
     * {@inheritDoc}
     *
     * @return an {@link OnnxRuntimePredictor}, which holds a native ONNX Runtime session: close it
     *     when done with it
     * @throws IllegalStateException if ONNX Runtime is not on the class path, naming the artifact to add
     */
    @Override
    public Predictor read(InputStream in, String source) {
        Container container = Container.read(Formats.readAll(in), source).requireKind(TYPE, source);
        ModelMetadata metadata = ModelMetadata.read(container, source);
        byte[] model = container.part(MODEL_PART, source);
        requireRuntime(runtimeLoader);
        return OnnxRuntimePredictor.load(model, metadata, source);
    }

    /**
     * @param loader the class loader that must see ONNX Runtime
     * @throws IllegalStateException if it does not, naming the artifact to add
     */
    static void requireRuntime(ClassLoader loader) {
        try {
            Class.forName(RUNTIME_CLASS, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("reading a model in the " + TYPE + " format needs ONNX Runtime, an"
                    + " optional dependency of mlops-deploy: add com.microsoft.onnxruntime:onnxruntime:"
                    + RUNTIME_VERSION + " to your project's dependencies", e);
        }
    }

    /** Registers the format as the {@code onnx} {@link ModelFormat}. */
    public static final class Type extends ComponentType<ModelFormat, Settings> {
        /** Describes the type. */
        public Type() {
            super(ModelFormat.class, TYPE, Settings.class,
                    "Tribuo models exported to ONNX, run by ONNX Runtime (float32), with the encoder's state");
        }

        @Override
        public OnnxFormat create(Settings settings) {
            return new OnnxFormat(settings);
        }
    }
}
