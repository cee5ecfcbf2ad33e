package dev.mlops.monitor.capture;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One captured request and response at one pipeline stage; one line of a capture file.
 *
 * <p>The JSON shape (keys in this order, compact, one record per line):
 *
 * <pre>{@code
 * {"inferenceId":"req-42","time":"2026-12-07T00:49:30.123Z","modelVariant":"churn-v3",
 *  "stage":"before-preprocessing","input":{"age":41.0,"city":"München"},"output":{"score":0.82}}
 * }</pre>
 *
 * <p>{@code time} is ISO-8601 UTC; {@code input} and {@code output} map column names to JSON
 * values (numbers, strings, booleans, {@code null}), their keys sorted. A masked sensitive
 * value is the string {@link CapturePolicy#MASK}.
 *
 * @param inferenceId the id of the inference; all stages of one inference share it
 * @param time when the record was captured
 * @param modelVariant the model variant that served the request (e.g. a name and version)
 * @param stage where in the pipeline the record was captured
 * @param input the input row, column name to value
 * @param output the output row, column name to value; empty before the model ran
 */
public record CaptureRecord(String inferenceId, Instant time, String modelVariant,
        CaptureStage stage, Map<String, @Nullable Object> input,
        Map<String, @Nullable Object> output) {

    /**
     * Checks the arguments and keeps unmodifiable copies of the rows with sorted keys.
     *
     * @param inferenceId the id of the inference, non-blank
     * @param time when the record was captured
     * @param modelVariant the model variant, non-blank
     * @param stage where the record was captured
     * @param input the input row
     * @param output the output row
     * @throws IllegalArgumentException if the inference id or model variant is blank
     */
    public CaptureRecord {
        requireNonBlank(inferenceId, "inferenceId");
        Objects.requireNonNull(time, "time");
        requireNonBlank(modelVariant, "modelVariant");
        Objects.requireNonNull(stage, "stage");
        input = sortedCopy(input, "input");
        output = sortedCopy(output, "output");
    }

    private static void requireNonBlank(@Nullable String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must be non-blank but was \"" + value
                    + "\"");
        }
    }

    private static Map<String, @Nullable Object> sortedCopy(
            Map<String, @Nullable Object> row, String name) {
        Objects.requireNonNull(row, name);
        TreeMap<String, @Nullable Object> copy = new TreeMap<>();
        for (Map.Entry<String, @Nullable Object> entry : row.entrySet()) {
            String key = entry.getKey();
            if (key == null) {
                throw new IllegalArgumentException(name + " has a null column name");
            }
            copy.put(key, entry.getValue());
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
