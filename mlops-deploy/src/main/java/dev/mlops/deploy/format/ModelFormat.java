package dev.mlops.deploy.format;

import dev.mlops.core.component.Component;
import dev.mlops.train.predict.Predictor;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A way to store a model as bytes and load it back as a {@link Predictor}: the unit a model
 * registry version holds. Its {@link #type()} is the name a version records, so the version
 * says which format reads its artifact.
 *
 * <p>The contract, which {@code ModelFormatContract} in mlops-testkit checks: a predictor that
 * {@link #canWrite} accepts, written and read back, predicts what it predicted before on every
 * table its input schema accepts (exactly, unless the format documents a tolerance: the
 * {@code onnx} format runs the model in float32), and has the same input schema and outputs; writing the same predictor twice gives the same bytes; input this
 * format did not write (truncated, another format, garbage) is refused with a
 * {@link ModelFormatException} naming the source, never read as a different model.
 * Implementations are immutable and thread-safe.
 *
 * <p>Built in: {@link TribuoFormat} ({@code tribuo}) and {@link OnnxFormat} ({@code onnx}). A
 * user's own format is a {@link dev.mlops.core.component.ComponentType} of this kind listed in
 * {@code META-INF/services/dev.mlops.core.component.ComponentType}, found as the built-in ones
 * are: {@code ComponentRegistry.defaults().create(ModelFormat.class, "tribuo")}.
 * {@link ModelFiles} saves a model in a format under a header that records it.
 */
public interface ModelFormat extends Component {

    /**
     * Tells whether this format can write a predictor (a Tribuo format writes only predictors
     * built on Tribuo models, for example).
     *
     * @param predictor the predictor
     * @return true if {@link #write} accepts it
     */
    boolean canWrite(Predictor predictor);

    /**
     * Writes a predictor to a stream, which is flushed but not closed.
     *
     * @param predictor the predictor, one that {@link #canWrite} accepts
     * @param out the output
     * @throws IllegalArgumentException if this format cannot write the predictor, naming its class
     * @throws UncheckedIOException if the stream cannot be written
     */
    void write(Predictor predictor, OutputStream out);

    /**
     * Reads a predictor this format wrote, reading the stream to its end without closing it.
     *
     * @param in the input
     * @param source the input's name for error messages (a file, a registry version)
     * @return the predictor
     * @throws ModelFormatException if the input is not a model in this format, naming the source
     * @throws UncheckedIOException if the stream cannot be read
     */
    Predictor read(InputStream in, String source);
}
