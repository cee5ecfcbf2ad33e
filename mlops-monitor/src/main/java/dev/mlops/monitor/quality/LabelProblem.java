package dev.mlops.monitor.quality;

import java.util.Objects;

/**
 * A line of ground truth that was not used: not a label, a duplicate, a label for an inference
 * never captured, or a value the task cannot read.
 *
 * @param source the file (or {@code "memory"})
 * @param line the physical 1-based line
 * @param message what was wrong and what was expected
 */
public record LabelProblem(String source, long line, String message) {

    /**
     * Checks the arguments.
     *
     * @param source the file
     * @param line the 1-based line
     * @param message what was wrong
     */
    public LabelProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code source:line: message} */
    @Override
    public String toString() {
        return source + ":" + line + ": " + message;
    }
}
