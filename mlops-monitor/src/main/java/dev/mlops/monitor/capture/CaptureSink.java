package dev.mlops.monitor.capture;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a serving component writes what it captures: the interface an endpoint (mlops-deploy's
 * {@code Endpoint}, or a team's own server) writes requests and responses through, so that the
 * place and manner of storage stay the monitoring side's choice.
 *
 * <p>{@link CaptureWriter} is the implementation that writes JSON Lines files; a team may supply
 * its own (for example one that forwards to a message queue). An implementation applies its
 * {@link CapturePolicy} (sampling, sensitive columns) itself, is safe to call from any number of
 * threads, and never lets a slow store block a caller for longer than its documented overflow
 * rule allows.
 */
public interface CaptureSink extends AutoCloseable {

    /**
     * Captures one record stamped with the sink's current time, if its policy samples the
     * inference.
     *
     * @param inferenceId the inference id; every stage of one inference uses the same id
     * @param modelVariant the model variant serving the request
     * @param stage where in the pipeline the record is captured
     * @param input the input row, column name to value (JSON-writable values)
     * @param output the output row; empty before the model ran
     * @return true if the record was accepted; false if it was sampled out or dropped
     */
    boolean capture(String inferenceId, String modelVariant, CaptureStage stage,
            Map<String, @Nullable Object> input, Map<String, @Nullable Object> output);

    /**
     * Captures one record as {@link #capture(String, String, CaptureStage, Map, Map)} does, with
     * columns the caller knows to be sensitive although the sink's policy may not list them (an
     * endpoint's features read from a feature store that marks them sensitive): the sink hides
     * them as it hides the sensitive columns of its policy, unless its policy allows them by name.
     *
     * <p>The default leaves them out of both rows and captures the rest, the safe choice for a
     * sink that does not know about such columns; {@link CaptureWriter} applies its policy
     * (left out or masked, allowed by name).
     *
     * @param inferenceId the inference id; every stage of one inference uses the same id
     * @param modelVariant the model variant serving the request
     * @param stage where in the pipeline the record is captured
     * @param input the input row, column name to value (JSON-writable values)
     * @param output the output row; empty before the model ran
     * @param sensitive the names of the columns of either row that are sensitive
     * @return true if the record was accepted; false if it was sampled out or dropped
     */
    default boolean capture(String inferenceId, String modelVariant, CaptureStage stage,
            Map<String, @Nullable Object> input, Map<String, @Nullable Object> output, Set<String> sensitive) {
        return capture(inferenceId, modelVariant, stage, without(input, sensitive), without(output, sensitive));
    }

    private static Map<String, @Nullable Object> without(Map<String, @Nullable Object> row, Set<String> sensitive) {
        Map<String, @Nullable Object> kept = new HashMap<>(row);
        kept.keySet().removeAll(sensitive);
        return kept;
    }

    /**
     * Captures a record as it is, keeping its time, if its policy samples the inference.
     *
     * @param record the record
     * @return true if the record was accepted; false if it was sampled out or dropped
     */
    boolean write(CaptureRecord record);

    /** Waits until every record accepted before this call is stored. */
    void flush();

    /** Stores every accepted record and releases the sink's resources; again does nothing. */
    @Override
    void close();
}
