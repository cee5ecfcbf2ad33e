package dev.mlops.monitor.quality;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The ground truth of one inference.
 *
 * @param inferenceId the inference id it belongs to
 * @param value the true label as text: a class's name, or a number for regression
 * @param arrivedAt when the label arrived, if known
 * @param source where it was read, such as its file
 * @param line the physical 1-based line of the source it was read from
 */
public record Label(String inferenceId, String value, Optional<Instant> arrivedAt, String source, long line) {

    /**
     * Checks the arguments.
     *
     * @param inferenceId the inference id, non-blank
     * @param value the label, non-blank
     * @param arrivedAt when it arrived, if known
     * @param source where it was read
     * @param line the 1-based line, positive
     * @throws IllegalArgumentException if the id or value is blank or the line not positive
     */
    public Label {
        Objects.requireNonNull(inferenceId, "inferenceId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        Objects.requireNonNull(source, "source");
        if (inferenceId.isBlank()) {
            throw new IllegalArgumentException("inferenceId must be non-blank but was \"" + inferenceId + "\"");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("value must be non-blank but was \"" + value + "\"");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be positive but was " + line);
        }
    }

    /**
     * A label held in memory (source {@code "memory"}), for tests and labels a program produces.
     *
     * @param inferenceId the inference id
     * @param value the label
     * @param arrivedAt when it arrived
     * @param line its position, 1-based
     * @return the label
     */
    public static Label of(String inferenceId, String value, Instant arrivedAt, long line) {
        return new Label(inferenceId, value, Optional.of(arrivedAt), "memory", line);
    }
}
