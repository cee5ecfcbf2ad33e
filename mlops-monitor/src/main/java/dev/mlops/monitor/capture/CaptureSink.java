package dev.mlops.monitor.capture;

import java.util.Map;
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
